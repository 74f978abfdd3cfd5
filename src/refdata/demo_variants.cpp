#include "refdata/demo_variants.hpp"

#include "core/clock.hpp"
#include "refdata/demo_names.hpp"
#include "resolve/name_normalizer.hpp"

namespace lj::refdata::demo {
namespace {

// "松山区" → "松山"; "阿鲁科尔沁旗" → "阿鲁科尔沁".
std::string county_short(const std::string& name) {
  for (std::string_view suffix : {"区", "县", "旗", "市"}) {
    if (name.size() > suffix.size() + 3 &&
        name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0)
      return name.substr(0, name.size() - suffix.size());
  }
  return name;
}

}  // namespace

VariantCounts apply_resolution_variants(DemoData& data, const std::vector<Unit>& units,
                                        uint64_t seed) {
  VariantCounts counts;
  Rng rng(seed ^ 0x5eed'0005ULL);
  const resolve::NameNormalizer names = resolve::NameNormalizer::from_units(units);
  int seen = 0;
  for (size_t i = 0; i < data.leads.size(); ++i) {
    LeadDraft& d = data.leads[i];
    if (d.enterprise < 0 || d.open_case) continue;
    const EnterpriseDraft& e = data.enterprises[static_cast<size_t>(d.enterprise)];
    const std::string core = names.core(e.enterprise.name);
    ++seen;
    // Every seventh lead about an enterprise is repeated by the next lead a few days later
    // (a second complaint about the same thing): one matter.
    if (seen % 7 == 0 && i + 1 < data.leads.size() && !data.leads[i + 1].open_case) {
      LeadDraft& next = data.leads[i + 1];
      const std::string source_id = next.lead.source_id;
      const int64_t later = parse_time(d.lead.received_at).value_or(0) + rng.between(2, 20) * 86400;
      next = d;
      next.lead.source_id = source_id + "-R";
      next.lead.received_at = format_time(later);
      next.lead.status = "new";
      ++counts.repeats;
      ++i;
      continue;
    }
    const int kind = seen % 5;
    if (kind == 4 || core.size() < 6) continue;  // most leads keep their enterprise id
    Lead& l = d.lead;
    d.enterprise = -1;
    l.enterprise_id.reset();
    const std::string city = city_short(e.place.city_name);
    if (kind == 0) {
      l.enterprise_name = core + "厂（" + city + "）";
      l.enterprise_uscc.clear();
      ++counts.name_variants;
    } else if (kind == 1) {
      l.enterprise_name =
          "内蒙古" + core + "有限责任公司" + county_short(e.place.county_name) + "分公司";
      l.enterprise_uscc.clear();
      ++counts.name_variants;
    } else if (kind == 2) {
      l.enterprise_name = e.place.city_name + core + "有限公司";
      l.enterprise_uscc = e.enterprise.uscc;  // exact: linked by the code whatever the name says
      ++counts.uscc_variants;
    } else {
      // A misspelt name (one character inserted) and no address: a reviewer decides.
      const size_t cut = core.size() - 3;  // before the last character (3 bytes in UTF-8)
      l.enterprise_name =
          core.substr(0, cut) + trade_name(rng).substr(0, 3) + core.substr(cut) + "经营部";
      l.enterprise_uscc.clear();
      l.enterprise_address.clear();
      ++counts.uncertain;
    }
  }
  return counts;
}

}  // namespace lj::refdata::demo
