#include "refdata/demo_data.hpp"

#include <algorithm>
#include <cstdio>
#include <map>
#include <set>

#include "core/clock.hpp"
#include "refdata/demo_catalog.hpp"
#include "refdata/demo_text.hpp"

namespace lj::refdata::demo {
namespace {

constexpr int kDays = 730;  // 2017-04-01 … 2019-03-31

struct SourceWeight {
  const char* code;
  const char* id_prefix;
  double weight;
};
constexpr SourceWeight kSources[] = {
    {"hotline_12365", "12365", 25}, {"sampling", "CC", 10},      {"risk_monitoring", "FX", 5},
    {"media", "YQ", 5},             {"ecommerce_monitoring", "DS", 12}, {"association", "XH", 4},
    {"rights_holder", "QQ", 5},     {"inspection", "RC", 14},    {"undercover", "AF", 5},
    {"referral", "YS", 6},          {"public_web", "WB", 7},     {"other", "QT", 2},
};

// Regions chosen for concentrated remediation, with the special action concerned.
const std::map<std::string, std::string> kHotspots = {
    {"150430", "agri_inputs"}, {"150602", "consumer_goods"}, {"150207", "building_materials"}};

int month_of(int64_t t) { return std::stoi(format_time(t).substr(5, 2)); }

double month_weight(int m) {
  if (m >= 3 && m <= 5) return 1.3;
  if (m == 9 || m == 10) return 1.2;
  if (m <= 2) return 0.7;
  return 1.0;
}
// Spring and autumn agricultural-input drives.
double agri_factor(int m) {
  if (m >= 3 && m <= 5) return 3.0;
  if (m == 9 || m == 10) return 2.5;
  if (m >= 11 || m <= 2) return 0.4;
  return 1.0;
}

int64_t amount_fen(Rng& rng) {
  static const std::vector<double> kBuckets = {35, 40, 20, 5};
  static const int64_t kLo[] = {300, 3000, 30000, 300000}, kHi[] = {3000, 30000, 300000, 2000000};
  size_t b = rng.weighted(kBuckets);
  int64_t yuan = kLo[b] + static_cast<int64_t>(rng.below(static_cast<uint64_t>(kHi[b] - kLo[b])));
  if (yuan >= 10000) yuan -= yuan % 100;
  return yuan * 100;
}

std::string status_for_age(Rng& rng, int64_t age_days) {
  static const std::vector<std::string> kStatus = {"new", "verifying", "verified", "rejected"};
  if (age_days < 20) return kStatus[rng.weighted({55, 30, 10, 5})];
  if (age_days < 90) return kStatus[rng.weighted({10, 30, 40, 20})];
  return kStatus[rng.weighted({2, 6, 56, 36})];
}

std::vector<std::string> pick_violations(Rng& rng, const CategoryInfo& c, const std::string& source) {
  static const std::vector<double> kRank = {6, 3, 2, 1, 1, 1};
  std::vector<double> w(kRank.begin(), kRank.begin() + static_cast<long>(c.violations.size()));
  std::vector<std::string> out{c.violations[rng.weighted(w)]};
  if (source == "rights_holder") out = {"counterfeit_trademark"};
  if (source == "sampling" && out[0] != "insufficient_content") out = {"substandard"};
  if (rng.chance(0.25)) {
    const std::string& second = rng.pick(c.violations);
    if (second != out[0]) out.push_back(second);
  }
  return out;
}

}  // namespace

int64_t demo_start() { return days_from_civil(2017, 4, 1) * 86400 - 8 * 3600; }
int64_t demo_end() { return demo_start() + int64_t{kDays} * 86400 - 1; }

DemoData generate_demo(const std::vector<Unit>& units, const std::vector<Division>& divisions,
                       const DemoOptions& opts) {
  Rng rng(opts.seed);
  std::map<std::string, std::string> name_of, path_of;
  for (const Division& d : divisions) name_of[d.code] = d.name;
  for (const Unit& u : units) path_of[u.code] = u.path;

  // Counties and where the data concentrates: Chifeng (the demo users' league), Hohhot 新城区.
  std::vector<Place> places;
  std::vector<double> place_weight;
  std::vector<std::string> cities;
  for (const Unit& u : units) {
    if (u.level == "city") cities.push_back(name_of[u.code]);
    if (u.level != "county") continue;
    places.push_back({u.code, name_of[u.code], u.parent_code, name_of[u.parent_code]});
    double w = 0.35;
    if (u.code == "150404") w = 14;
    else if (u.code == "150402") w = 12;
    else if (u.code.rfind("1504", 0) == 0) w = 3;
    else if (u.code == "150102") w = 4;
    if (kHotspots.count(u.code)) w *= 3;
    place_weight.push_back(w);
  }

  DemoData data;
  // Enterprises: category by weight, county by weight, business form from the category.
  std::vector<double> ent_cat_weight;
  for (const CategoryInfo& c : catalog()) ent_cat_weight.push_back(c.businesses.empty() ? 0 : c.weight);
  std::set<std::string> names;
  std::map<std::string, std::vector<int>> by_category;
  // A name already taken is drawn again; the bound only guards against a tiny name space.
  for (int draws = 0; static_cast<int>(data.enterprises.size()) < opts.enterprises &&
                      draws < opts.enterprises * 20;
       ++draws) {
    const CategoryInfo& c = catalog()[rng.weighted(ent_cat_weight)];
    const Place& place = places[rng.weighted(place_weight)];
    const Business& b = rng.pick(c.businesses);
    std::string name;
    if (b.sells_only) name = place.city_name + place.county_name + trade_name(rng) + b.suffix;
    else if (rng.chance(0.3)) name = "内蒙古" + trade_name(rng) + b.suffix;
    else name = city_short(place.city_name) + trade_name(rng) + b.suffix;
    if (names.count(name)) continue;
    names.insert(name);
    const int year = rng.between(1998, 2017);
    char date[11];
    std::snprintf(date, sizeof date, "%04d-%02d-%02d", year, rng.between(1, 12), rng.between(1, 28));
    Enterprise e;
    e.uscc = make_uscc(rng, place.county_code, b.sells_only, year);
    e.name = name;
    e.address = street_address(rng, place);
    e.region_code = place.county_code;
    e.legal_representative = person_name(rng);
    e.industry_code = b.industry_code;
    e.established_on = date;
    size_t st = rng.weighted({94, 3, 3});
    e.status = st == 0 ? "存续" : st == 1 ? "吊销" : "注销";
    by_category[c.code].push_back(static_cast<int>(data.enterprises.size()));
    data.enterprises.push_back({std::move(e), c.code, b.sells_only, place});
  }

  std::vector<double> source_weight;
  for (const SourceWeight& s : kSources) source_weight.push_back(s.weight);
  static const std::vector<std::string> kPlatforms = {"淘宝", "天猫", "京东", "拼多多", "阿里巴巴1688", "微店"};
  static const std::vector<std::string> kShopKinds = {"专营店", "旗舰店", "批发店", "优选店", "工厂店"};

  for (int i = 0; i < opts.leads; ++i) {
    int64_t t;
    do {
      t = demo_start() + static_cast<int64_t>(rng.below(kDays)) * 86400;
    } while (!rng.chance(month_weight(month_of(t)) / 1.3));
    t += rng.between(8, 18) * 3600 + rng.between(0, 3599);
    const int month = month_of(t);
    const SourceWeight& src = kSources[rng.weighted(source_weight)];
    const std::string source = src.code;

    std::vector<double> cat_weight;
    for (const CategoryInfo& c : catalog()) {
      double w = c.weight * (c.action == "agri_inputs" ? agri_factor(month) : 1.0);
      if (source == "ecommerce_monitoring" && c.action != "consumer_goods" && c.action != "agri_inputs" &&
          c.code != "auto_lamps" && c.code != "auto_interior" && c.code != "filters") {
        w = 0;
      }
      cat_weight.push_back(w);
    }
    const CategoryInfo& cat = catalog()[rng.weighted(cat_weight)];

    LeadDraft d;
    Lead& lead = d.lead;
    LeadStory story;
    story.source = source;
    story.category = &cat;
    story.product = rng.pick(cat.products);
    story.violations = pick_violations(rng, cat, source);
    const auto& candidates = by_category[cat.code];
    if (!candidates.empty() && rng.chance(0.7)) {
      d.enterprise = rng.pick(candidates);
      const EnterpriseDraft& e = data.enterprises[static_cast<size_t>(d.enterprise)];
      story.place = e.place;
      story.subject = e.enterprise.name;
      story.sells_only = e.sells_only;
      lead.enterprise_name = e.enterprise.name;
      lead.enterprise_uscc = rng.chance(0.6) ? e.enterprise.uscc : "";
      lead.enterprise_address = e.enterprise.address;
    } else {
      story.place = places[rng.weighted(place_weight)];
      story.subject = "某" + cat.shop;
      if (rng.chance(0.5)) lead.enterprise_address = street_address(rng, story.place);
    }
    const bool online_capable = cat.action == "consumer_goods" || cat.action == "agri_inputs";
    story.online = source == "ecommerce_monitoring" ||
                   (online_capable && source != "sampling" && source != "inspection" &&
                    source != "undercover" && rng.chance(0.15));
    if (story.online) {
      story.platform = rng.pick(kPlatforms);
      story.shop_name = trade_name(rng) + rng.pick(kShopKinds);
      lead.extra = {{"platform", story.platform},
                    {"shop_name", story.shop_name},
                    {"price", std::to_string(rng.between(9, 899)) + ".00"},
                    {"sales_volume", rng.between(3, 5000)}};
    }
    if (source == "sampling" && !cat.failed_items.empty()) {
      // Diesel is tested against its own standard, not the gasoline one of the catalog.
      const bool diesel = story.product.find("柴油") != std::string::npos;
      static const std::vector<std::string> kDieselItems = {"硫含量", "闪点", "冷滤点"};
      const std::vector<std::string>& items_pool = diesel ? kDieselItems : cat.failed_items;
      story.standard = diesel ? "GB 19147-2016" : cat.standard;
      story.failed_items = {rng.pick(items_pool)};
      const std::string& more = rng.pick(items_pool);
      if (more != story.failed_items[0] && rng.chance(0.4)) story.failed_items.push_back(more);
      std::string items;
      for (const auto& f : story.failed_items) items += (items.empty() ? "" : ";") + f;
      const std::string day = format_time(t - rng.between(15, 60) * 86400);
      lead.extra = {{"sample_result", "fail"}, {"failed_items", items},
                    {"standard", story.standard},
                    {"batch_no", day.substr(0, 4) + day.substr(5, 2) + day.substr(8, 2)}};
    }
    if (source == "referral") story.referrer_city = rng.pick(cities);
    if (rng.chance(0.6)) story.amount_fen = amount_fen(rng);
    const std::string when = format_time(t);
    story.year = std::stoi(when.substr(0, 4));
    story.quarter = (month - 1) / 3 + 1;
    LeadWords words = write_lead(rng, story);

    lead.source = source;
    char id[40];
    std::snprintf(id, sizeof id, "%s-%s%s%s-%05d", src.id_prefix, when.substr(0, 4).c_str(),
                  when.substr(5, 2).c_str(), when.substr(8, 2).c_str(), i + 1);
    lead.source_id = id;
    lead.received_at = when;
    lead.title = words.title;
    lead.text = words.text;
    lead.channel = story.online ? "online" : "offline";
    lead.unit_code = story.place.county_code;
    lead.unit_path = path_of[lead.unit_code];
    lead.region_code = story.place.county_code;
    lead.product_name = story.product;
    lead.product_category = cat.code;
    if (!cat.action.empty()) lead.special_actions.push_back(cat.action);
    auto hot = kHotspots.find(lead.unit_code);
    if (hot != kHotspots.end() && hot->second == cat.action && rng.chance(0.6)) {
      lead.special_actions.push_back("regional_remediation");
    }
    if (story.online) lead.special_actions.push_back("ecommerce");
    lead.violations = story.violations;
    lead.amount_involved_fen = story.amount_fen;
    const bool reported = (source == "hotline_12365" && rng.chance(0.9)) ||
                          (source == "public_web" && rng.chance(0.7)) ||
                          (source == "other" && rng.chance(0.5));
    if (reported) {
      lead.reporter_name = person_name(rng);
      lead.reporter_phone = mobile_phone(rng);
    }
    lead.status = status_for_age(rng, (demo_end() - t) / 86400);
    if (lead.status == "verified" && rng.chance(0.10)) {
      d.open_case = true;
      d.major = (story.amount_fen && *story.amount_fen >= 10'000'000) || rng.chance(0.05);
      d.case_opened_at = std::min(demo_end(), t + rng.between(3, 20) * 86400);
    }
    data.leads.push_back(std::move(d));
  }
  return data;
}

}  // namespace lj::refdata::demo
