#include "refdata/demo_sampling.hpp"

#include <cstdio>
#include <map>
#include <optional>

#include "core/clock.hpp"
#include "refdata/demo_catalog.hpp"
#include "store/sql/sampling_repo.hpp"

namespace lj::refdata::demo {
namespace {

constexpr int kDays = 730;  // the leads' two years, 2017-04-01 … 2019-03-31

// Sampling plans follow the seasons: agricultural inputs in the spring and autumn drives,
// everything else evenly with a winter lull.
double season_weight(const std::string& action, int month) {
  if (action == "agri_inputs") {
    if (month >= 3 && month <= 5) return 3.0;
    if (month == 9 || month == 10) return 2.5;
    if (month >= 11 || month <= 2) return 0.3;
    return 1.0;
  }
  return month <= 2 ? 0.6 : 1.0;
}

std::string date_of_day(int day) {
  return format_time(demo_start() + int64_t{day} * 86400 + 10 * 3600).substr(0, 10);
}

int month_of_day(int day) {
  return std::stoi(date_of_day(day).substr(5, 2));
}

// A day in the two years drawn by the season weights of `action`, within [from, kDays).
int seasonal_day(Rng& rng, const std::string& action, int from = 0) {
  for (;;) {
    const int day = from + static_cast<int>(rng.below(static_cast<uint64_t>(kDays - from)));
    if (rng.chance(season_weight(action, month_of_day(day)) / 3.0)) return day;
  }
}

std::string failed_items(Rng& rng, const CategoryInfo& c) {
  if (c.failed_items.empty()) return "标识";
  std::string out = rng.pick(c.failed_items);
  if (c.failed_items.size() > 1 && rng.chance(0.3)) {
    const std::string& second = rng.pick(c.failed_items);
    if (second != out) out += ";" + second;
  }
  return out;
}

class Builder {
 public:
  Builder(const DemoData& data, const std::vector<int64_t>& ids, uint64_t seed)
      : data_(data), ids_(ids), rng_(seed ^ 0x5a3d1e) {}

  screen::SamplingResult sample(size_t e, int day, double fail_p, const char* level) {
    return sample(data_.enterprises[e], ids_[e], day, fail_p, level);
  }
  screen::SamplingResult sample(const EnterpriseDraft& d, std::optional<int64_t> id, int day,
                                double fail_p, const char* level) {
    const CategoryInfo& c = category_info(d.category);
    screen::SamplingResult s;
    char no[32];
    std::snprintf(no, sizeof no, "JD-%s-%05d", date_of_day(day).substr(0, 4).c_str(), ++serial_);
    s.source_id = no;
    s.sampled_on = date_of_day(day);
    s.enterprise_id = id;
    s.enterprise_name = d.enterprise.name;
    s.enterprise_uscc = d.enterprise.uscc;
    s.enterprise_address = d.enterprise.address;
    s.region_code = d.enterprise.region_code;
    s.unit_code = d.place.county_code;
    s.product_name = c.products.empty() ? c.code : rng_.pick(c.products);
    s.product_category = c.code;
    if (!c.action.empty()) s.special_actions = {c.action};
    char batch[24];
    std::snprintf(batch, sizeof batch, "%s%04d", s.sampled_on.substr(2, 2).c_str(),
                  static_cast<int>(rng_.below(10000)));
    s.batch_no = batch;
    s.standard = c.standard;
    s.result = rng_.chance(fail_p) ? "fail" : "pass";
    if (s.failed()) s.failed_items = failed_items(rng_, c);
    s.lab = rng_.pick(std::vector<std::string>{
        "内蒙古自治区产品质量检验研究院", "赤峰市产品质量计量检测所", "呼和浩特市产品质量检验所"});
    s.sampling_level = level;
    return s;
  }

  Lead complaint(size_t e, int day, int n) {
    return complaint(data_.enterprises[e], ids_[e], day, n);
  }
  Lead complaint(const EnterpriseDraft& d, std::optional<int64_t> id, int day, int n) {
    const CategoryInfo& c = category_info(d.category);
    Lead l;
    l.source = "hotline_12365";
    char source_id[32];
    std::snprintf(source_id, sizeof source_id, "12365-JD-%05d", n);
    l.source_id = source_id;
    l.received_at = format_time(demo_start() + int64_t{day} * 86400 + 9 * 3600 + n * 60);
    const std::string product = c.products.empty() ? c.code : rng_.pick(c.products);
    l.title = "投诉" + d.enterprise.name + "销售的" + product + "质量问题";
    l.text = "消费者来电反映：在" + d.enterprise.name + "购买的" + product +
             "使用后发现质量明显与标称不符，怀疑是不合格产品，要求查处。";
    l.unit_code = d.place.county_code;
    l.enterprise_id = id;
    l.enterprise_name = d.enterprise.name;
    l.enterprise_uscc = d.enterprise.uscc;
    l.enterprise_address = d.enterprise.address;
    l.region_code = d.enterprise.region_code;
    l.product_name = product;
    l.product_category = c.code;
    if (!c.action.empty()) l.special_actions = {c.action};
    l.violations = {c.violations.empty() ? "substandard" : c.violations.front()};
    return l;
  }

  Rng& rng() { return rng_; }

 private:
  const DemoData& data_;
  const std::vector<int64_t>& ids_;
  Rng rng_;
  int serial_ = 0;
};

}  // namespace

Status load_demo_sampling(Store& store, const DemoData& data,
                          const std::vector<int64_t>& enterprise_ids, uint64_t seed) {
  Builder b(data, enterprise_ids, seed);
  std::vector<screen::SamplingResult> samples;
  std::vector<Lead> complaints;
  // Routine sampling: producers and sellers of every category, about two samples each over the
  // two years; focus categories fail more often. The planted hotspot is sampled below.
  std::vector<std::pair<EnterpriseDraft, std::optional<int64_t>>> planted;
  for (size_t e = 0; e < data.enterprises.size(); ++e) {
    const EnterpriseDraft& d = data.enterprises[e];
    const CategoryInfo& c = category_info(d.category);
    if (d.place.county_code == kPlantedHotspotCounty && d.category == kPlantedHotspotCategory) {
      planted.emplace_back(d, enterprise_ids[e]);
      continue;
    }
    const int n = b.rng().between(0, 4);
    const double fail_p =
        c.action == "agri_inputs" || c.action == "building_materials" ? 0.10 : 0.07;
    for (int i = 0; i < n; ++i)
      samples.push_back(b.sample(e, seasonal_day(b.rng(), c.action), fail_p,
                                 b.rng().chance(0.2) ? "national" : "provincial"));
  }
  // The planted hotspot: the registered fertilizer sellers of 敖汉旗, and unregistered village
  // shops up to five, sampled eight times each, failing more than half the time; their buyers
  // call 12365.
  static const char* kShops[] = {"敖汉旗新惠镇丰收农资门市部", "敖汉旗四家子镇惠农农资店",
                                 "敖汉旗下洼镇金穗农资经销部", "敖汉旗长胜镇兴农化肥门市部",
                                 "敖汉旗贝子府镇田丰农资店"};
  for (size_t i = 0; planted.size() < 5; ++i) {
    EnterpriseDraft shop;
    shop.enterprise.name = kShops[i];
    shop.enterprise.address = std::string("内蒙古自治区赤峰市") + kShops[i];
    shop.enterprise.region_code = kPlantedHotspotCounty;
    shop.category = kPlantedHotspotCategory;
    shop.place.county_code = kPlantedHotspotCounty;
    planted.emplace_back(shop, std::nullopt);
  }
  int complaint_no = 0;
  for (const auto& [d, id] : planted) {
    for (int i = 0; i < 8; ++i)
      samples.push_back(b.sample(d, id, seasonal_day(b.rng(), "agri_inputs"), 0.55, "provincial"));
    for (int i = 0; i < 10; ++i)
      complaints.push_back(
          b.complaint(d, id, seasonal_day(b.rng(), "agri_inputs"), ++complaint_no));
  }
  // Three clear risks: the first focus-category enterprises of 松山区 fail three times in the
  // last half year and draw complaints.
  int risky = 0;
  for (size_t e = 0; e < data.enterprises.size() && risky < 3; ++e) {
    const EnterpriseDraft& d = data.enterprises[e];
    const std::string& action = category_info(d.category).action;
    if (d.place.county_code != "150404" ||
        (action != "agri_inputs" && action != "building_materials" && action != "consumer_goods"))
      continue;
    ++risky;
    for (int i = 0; i < 3; ++i) samples.push_back(b.sample(e, kDays - 180 + 55 * i, 1.0, "city"));
    for (int i = 0; i < 4; ++i)
      complaints.push_back(b.complaint(e, kDays - 150 + 30 * i, ++complaint_no));
  }

  const Actor system = Actor::system("demo");
  for (size_t start = 0; start < samples.size(); start += 500) {
    std::vector<screen::SamplingResult> batch(
        samples.begin() + static_cast<std::ptrdiff_t>(start),
        samples.begin() + static_cast<std::ptrdiff_t>(std::min(samples.size(), start + 500)));
    LJ_RETURN_IF_ERROR(sql::store_sampling_batch(store, system, batch).status());
  }
  return store.insert_leads(system, complaints).status();
}

}  // namespace lj::refdata::demo
