#include "refdata/campaign.hpp"

#include <set>

#include "text/csv.hpp"

namespace lj::refdata {
namespace {

struct ListSpec {
  const char* key;   // member of the campaign document
  const char* kind;  // CodeEntry kind
};
constexpr ListSpec kLists[] = {
    {"special_actions", "special_action"}, {"product_categories", "product_category"},
    {"violations", "violation"},           {"lead_sources", "lead_source"},
    {"lead_statuses", "lead_status"},      {"case_statuses", "case_status"},
};

std::string text_of(const Json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

Status check(const Json& c) {
  if (!c.is_object()) return Status::Invalid("campaign", "campaign document is not an object");
  if (text_of(c, "id").empty()) return Status::Invalid("id", "campaign has no id");
  std::set<std::string> actions;
  for (const ListSpec& spec : kLists) {
    auto it = c.find(spec.key);
    if (it == c.end() || !it->is_array() || it->empty()) {
      return Status::Invalid(spec.key, std::string("campaign lacks the list ") + spec.key);
    }
    std::set<std::string> seen;
    for (const Json& e : *it) {
      if (!e.is_object()) return Status::Invalid(spec.key, "entry is not an object");
      const std::string code = text_of(e, "code");
      if (code.empty() || text_of(e, "name_zh").empty()) {
        return Status::Invalid(spec.key, std::string("entry without code or name_zh in ") + spec.key);
      }
      if (!seen.insert(code).second) {
        return Status::Invalid(spec.key, "code '" + code + "' appears twice in " + spec.key);
      }
      if (std::string(spec.key) == "special_actions") {
        actions.insert(code);
        for (const Json& w : e.value("windows", Json::array())) {
          const std::string from = text_of(w, "from"), to = text_of(w, "to");
          if (from.size() != 10 || to.size() != 10 || to < from) {
            return Status::Invalid("windows", "bad time window of special action " + code);
          }
        }
      }
    }
  }
  for (const Json& e : c.at("product_categories")) {
    const std::string parent = text_of(e, "parent");
    const std::string code = text_of(e, "code");
    if (code == "other" ? !parent.empty() : actions.count(parent) == 0) {
      return Status::Invalid("product_categories",
                             "product category '" + code + "' has unknown parent '" + parent + "'");
    }
  }
  return Status::Ok();
}

}  // namespace

Result<Json> load_campaign(const std::string& data_dir) {
  const std::string path = data_dir + "/" + kCampaign2018File;
  LJ_ASSIGN_OR_RETURN(std::string text, read_text_file(path));
  Json doc = Json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (doc.is_discarded()) return Status::Invalid("campaign", path + " is not valid JSON");
  Status st = check(doc);
  if (!st.ok()) return Status::Invalid(st.field(), path + ": " + st.message());
  return doc;
}

std::vector<CodeEntry> codes_from_campaign(const Json& campaign) {
  const std::string id = text_of(campaign, "id");
  std::vector<CodeEntry> out;
  for (const ListSpec& spec : kLists) {
    for (const Json& e : campaign.at(spec.key)) {
      out.push_back({spec.kind, text_of(e, "code"), text_of(e, "parent"), text_of(e, "name_zh"),
                     text_of(e, "name_en"), id});
    }
  }
  return out;
}

Result<std::vector<CodeEntry>> load_codes(const std::string& data_dir) {
  LJ_ASSIGN_OR_RETURN(Json campaign, load_campaign(data_dir));
  return codes_from_campaign(campaign);
}

}  // namespace lj::refdata
