// The campaign's adjustable settings against the real campaign file: the file is the default,
// a body replaces the parts it names, and every bad value is refused naming its field.
#include "refdata/campaign_settings.hpp"

#include <gtest/gtest.h>

#include <cstdlib>

#include "refdata/campaign.hpp"

namespace lj::refdata {
namespace {

Json campaign() {
  const char* dir = std::getenv("LIJIAN_DATA_DIR");
  auto c = load_campaign(dir ? dir : "data");
  EXPECT_TRUE(c.ok()) << c.status().to_string();
  return c.ok() ? *c : Json::object();
}

std::string field_of(const Json& body) {
  auto r = settings_from_json(body, campaign());
  EXPECT_FALSE(r.ok());
  return r.ok() ? "" : r.status().field();
}

TEST(CampaignSettings, TheFileIsTheDefaultAndABodyReplacesWhatItNames) {
  const Json c = campaign();
  const CampaignSettings file = settings_of(c);
  EXPECT_EQ(file.period_from, "2018-01-01");
  ASSERT_EQ(file.actions.size(), c["special_actions"].size());
  EXPECT_EQ(file.actions[1].code, "agri_inputs");
  EXPECT_EQ(file.actions[1].windows.size(), 2u);

  Json body = {{"period", {{"from", "2018-04-02"}, {"to", "2019-03-31"}}},
               {"special_actions",
                {{{"code", "agri_inputs"},
                  {"windows",
                   {{{"code", "summer_2018"},
                     {"name_zh", "夏季农资检查"},
                     {"from", "2018-06-01"},
                     {"to", "2018-06-30"}}}},
                  {"focus_categories", {"fertilizer", "fertilizer"}}}}}};
  auto s = settings_from_json(body, c);
  ASSERT_TRUE(s.ok()) << s.status().to_string();
  EXPECT_EQ(s->period_to, "2019-03-31");
  ASSERT_EQ(s->actions[1].windows.size(), 1u);
  EXPECT_EQ(s->actions[1].windows[0].code, "summer_2018");
  EXPECT_EQ(s->actions[1].focus_categories, std::vector<std::string>{"fertilizer"});
  EXPECT_EQ(s->actions[1].focus_violations, file.actions[1].focus_violations) << "not named: kept";
  EXPECT_EQ(s->actions[0].windows.size(), file.actions[0].windows.size());

  const Json applied = apply_settings(c, *s);
  EXPECT_EQ(applied["period"]["from"], "2018-04-02");
  EXPECT_EQ(applied["special_actions"][1]["windows"][0]["name_zh"], "夏季农资检查");
  EXPECT_EQ(applied["special_actions"][1]["name_zh"], c["special_actions"][1]["name_zh"]);
  // Stored and read back, the settings are the same.
  auto again = settings_from_json(to_json(*s), c);
  ASSERT_TRUE(again.ok()) << again.status().to_string();
  EXPECT_EQ(to_json(*again), to_json(*s));
}

TEST(CampaignSettings, BadValuesNameTheirField) {
  EXPECT_EQ(field_of({{"colour", "red"}}), "settings.colour");
  EXPECT_EQ(field_of({{"period", {{"from", "2018-02-30"}, {"to", "2018-12-31"}}}}), "period.from");
  EXPECT_EQ(field_of({{"period", {{"from", "2018-12-31"}, {"to", "2018-01-01"}}}}), "period.to");
  EXPECT_EQ(field_of({{"special_actions", {{{"code", "moon_landing"}}}}}),
            "special_actions[0].code");
  EXPECT_EQ(field_of({{"special_actions", {{{"code", "agri_inputs"}}, {{"code", "agri_inputs"}}}}}),
            "special_actions[1].code");
  EXPECT_EQ(field_of({{"special_actions",
                       {{{"code", "agri_inputs"}, {"focus_violations", {"no_such"}}}}}}),
            "special_actions[0].focus_violations[0]");
  EXPECT_EQ(field_of({{"special_actions",
                       {{{"code", "ecommerce"}, {"focus_categories", {"moon_rock"}}}}}}),
            "special_actions[0].focus_categories[0]");
  const Json w = {{"code", "w"}, {"name_zh", "窗口"}, {"from", "2018-05-01"}, {"to", "2018-04-01"}};
  EXPECT_EQ(field_of({{"special_actions", {{{"code", "agri_inputs"}, {"windows", {w}}}}}}),
            "special_actions[0].windows[0].to");
  Json nameless = w;
  nameless.erase("name_zh");
  EXPECT_EQ(field_of({{"special_actions", {{{"code", "agri_inputs"}, {"windows", {nameless}}}}}}),
            "special_actions[0].windows[0].name_zh");
  Json ok = w;
  ok["to"] = "2018-05-02";
  EXPECT_EQ(field_of({{"special_actions", {{{"code", "agri_inputs"}, {"windows", {ok, ok}}}}}}),
            "special_actions[0].windows[1].code");
}

}  // namespace
}  // namespace lj::refdata
