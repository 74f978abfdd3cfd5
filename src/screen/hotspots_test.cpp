// Hotspot estimates and flags.
#include "screen/hotspots.hpp"

#include <gtest/gtest.h>

namespace lj::screen {
namespace {

std::vector<HotspotCell> province() {
  // Fertilizer in eight counties: about 10% failing and ~20 complaints per 10,000 enterprises,
  // except 150430 (40/100 failing, 30 complaints over 2,000 enterprises) and 150499 (1/1).
  std::vector<HotspotCell> cells;
  const char* codes[] = {"150401", "150402", "150403", "150404", "150421", "150422"};
  int i = 0;
  for (const char* c : codes) {
    cells.push_back({c, "fertilizer", 50 + 10 * i, 5 + i, 4 + i % 3, 2000 + 100 * i, true});
    ++i;
  }
  cells.push_back({"150430", "fertilizer", 100, 40, 30, 2000, true});
  cells.push_back({"150499", "fertilizer", 1, 1, 0, 1500, true});
  return cells;
}

const Hotspot& find(const std::vector<Hotspot>& hs, const std::string& code) {
  for (const Hotspot& h : hs)
    if (h.division_code == code) return h;
  throw std::out_of_range(code);
}

TEST(Hotspots, ThePlantedDivisionIsFlaggedAndComesFirst) {
  auto hs = compute_hotspots(province(), HotspotConfig{});
  ASSERT_EQ(hs.size(), 8u);
  EXPECT_EQ(hs.front().division_code, "150430");
  const Hotspot& h = find(hs, "150430");
  EXPECT_TRUE(h.nonconformance.flagged);
  EXPECT_TRUE(h.complaint_rate.flagged);
  EXPECT_NEAR(h.nonconformance.raw, 0.4, 1e-12);
  EXPECT_NEAR(h.complaint_rate.raw, 150, 1e-9);  // 30 per 2,000 = 150 per 10,000
  EXPECT_LT(h.nonconformance.smoothed, 0.4);     // shrunk toward the province
  for (const Hotspot& o : hs) {
    if (o.division_code != "150430") {
      EXPECT_FALSE(o.flagged()) << o.division_code;
    }
  }
}

TEST(Hotspots, OneFailedSampleIsNotRankedAboveFortyOfHundred) {
  auto hs = compute_hotspots(province(), HotspotConfig{});
  const Hotspot& one = find(hs, "150499");
  const Hotspot& forty = find(hs, "150430");
  EXPECT_EQ(one.nonconformance.raw, 1.0);
  EXPECT_LT(one.nonconformance.smoothed, forty.nonconformance.smoothed);
  EXPECT_FALSE(one.nonconformance.flagged);
}

TEST(Hotspots, FlagLevelAndMinimumEventsDecide) {
  HotspotConfig strict;
  strict.flag_level = 0.9999;
  std::vector<HotspotCell> cells = province();
  cells[6].failed = 16;  // 16/100 against ~10%: suggestive, not conclusive
  auto loose = compute_hotspots(cells, HotspotConfig{.flag_level = 0.6});
  auto tight = compute_hotspots(cells, strict);
  EXPECT_TRUE(find(loose, "150430").nonconformance.flagged);
  EXPECT_FALSE(find(tight, "150430").nonconformance.flagged);
  const double p = find(loose, "150430").nonconformance.p_above;
  EXPECT_GT(p, 0.6);
  EXPECT_LT(p, 0.9999);

  HotspotConfig needs_many;
  needs_many.min_events = 50;  // 40 failures are not enough events to flag
  EXPECT_FALSE(find(compute_hotspots(province(), needs_many), "150430").nonconformance.flagged);
}

TEST(Hotspots, OutOfScopeCellsInformThePriorButAreNotListed) {
  std::vector<HotspotCell> cells = province();
  for (HotspotCell& c : cells) c.in_scope = c.division_code == "150404";
  auto hs = compute_hotspots(cells, HotspotConfig{});
  ASSERT_EQ(hs.size(), 1u);
  EXPECT_EQ(hs[0].division_code, "150404");
  // The province rate still counts every division: (5+...+10+40+1)/(50+...+100+100+1).
  EXPECT_NEAR(hs[0].nonconformance.province, 86.0 / 551.0, 1e-12);
}

TEST(Hotspots, NoEnterprisesMeansNoComplaintRate) {
  std::vector<HotspotCell> cells = {{"150401", "fuel", 10, 1, 3, 0, true},
                                    {"150402", "fuel", 10, 1, 3, 1000, true}};
  auto hs = compute_hotspots(cells, HotspotConfig{});
  EXPECT_FALSE(find(hs, "150401").complaint_rate.estimated);
  EXPECT_TRUE(find(hs, "150402").complaint_rate.estimated);
}

}  // namespace
}  // namespace lj::screen
