#include "cases/facts.hpp"

#include <set>

#include "model/json.hpp"
#include "text/identifiers.hpp"

namespace lj::cases {
namespace {

Result<std::string> opt_text(const Json& j, const char* key, const std::string& where,
                             size_t max_len = 2000) {
  if (!j.contains(key) || j[key].is_null()) return std::string();
  if (!j[key].is_string()) return Status::Invalid(where + "." + key, "must be a string");
  std::string v = j[key].get<std::string>();
  if (v.size() > max_len)
    return Status::Invalid(where + "." + key, "longer than " + std::to_string(max_len) + " bytes");
  return v;
}

Result<int64_t> opt_fen(const Json& j, const char* key, const std::string& where) {
  if (!j.contains(key) || j[key].is_null()) return int64_t{0};
  if (!j[key].is_number_integer())
    return Status::Invalid(where + "." + key, "must be an integer amount in fen");
  int64_t v = j[key].get<int64_t>();
  if (v < 0) return Status::Invalid(where + "." + key, "must not be negative");
  if (v > 100'000'000'000'000LL) return Status::Invalid(where + "." + key, "is implausibly large");
  return v;
}

Result<std::vector<std::string>> opt_list(const Json& j, const char* key) {
  std::vector<std::string> out;
  if (!j.contains(key) || j[key].is_null()) return out;
  if (!j[key].is_array()) return Status::Invalid(key, "must be a list of strings");
  for (size_t i = 0; i < j[key].size(); ++i) {
    const Json& v = j[key][i];
    const std::string where = std::string(key) + "[" + std::to_string(i) + "]";
    if (!v.is_string() || v.get<std::string>().empty() || v.get<std::string>().size() > 200)
      return Status::Invalid(where, "must be a non-empty string of at most 200 bytes");
    out.push_back(v.get<std::string>());
  }
  return out;
}

const Json& list_of(const Json& doc, const char* key, bool& ok) {
  static const Json empty = Json::array();
  ok = true;
  if (!doc.contains(key) || doc[key].is_null()) return empty;
  if (!doc[key].is_array()) ok = false;
  return doc[key];
}

}  // namespace

int64_t CaseFacts::fine_fen() const {
  int64_t sum = 0;
  for (const auto& p : penalties)
    if (p.kind == "fine") sum += p.amount_fen;
  return sum;
}

std::string mask_id_number(const std::string& id) {
  if (id.size() < 12) return std::string(id.size(), '*');
  return id.substr(0, 6) + std::string(id.size() - 10, '*') + id.substr(id.size() - 4);
}

Result<CaseFacts> facts_from_json(const Json& doc) {
  if (!doc.is_object()) return Status::Invalid("facts", "the facts are a JSON object");
  static const std::set<std::string> known = {"parties",
                                              "products",
                                              "goods_value_fen",
                                              "sales_fen",
                                              "illegal_income_fen",
                                              "unsold_value_fen",
                                              "penalties",
                                              "legal_basis",
                                              "circumstances",
                                              "circumstance_reasons",
                                              "special_actions",
                                              "categories",
                                              "violations",
                                              "cross_region",
                                              "fine_fen"};
  for (const auto& [k, v] : doc.items())
    if (!known.count(k)) return Status::Invalid(k, "unknown field '" + k + "'");
  CaseFacts f;
  bool ok = true;
  const Json& parties = list_of(doc, "parties", ok);
  if (!ok) return Status::Invalid("parties", "must be a list");
  for (size_t i = 0; i < parties.size(); ++i) {
    const Json& p = parties[i];
    const std::string where = "parties[" + std::to_string(i) + "]";
    if (!p.is_object()) return Status::Invalid(where, "a party is an object");
    FactsParty party;
    LJ_ASSIGN_OR_RETURN(party.kind, opt_text(p, "kind", where, 20));
    if (party.kind == "enterprise") {
      if (!p.contains("enterprise_id") || !p["enterprise_id"].is_number_integer() ||
          p["enterprise_id"].get<int64_t>() <= 0)
        return Status::Invalid(where + ".enterprise_id",
                               "an enterprise party names the registry's enterprise id");
      party.enterprise_id = p["enterprise_id"].get<int64_t>();
    } else if (party.kind == "person") {
      LJ_ASSIGN_OR_RETURN(party.name, opt_text(p, "name", where, 200));
      if (party.name.empty()) return Status::Invalid(where + ".name", "a person party has a name");
      LJ_ASSIGN_OR_RETURN(party.id_number, opt_text(p, "id_number", where, 40));
      if (!party.id_number.empty()) {
        auto check = text::check_resident_id(party.id_number);
        if (!check.valid) return Status::Invalid(where + ".id_number", check.reason);
        party.id_number = check.normalized;
      }
      LJ_ASSIGN_OR_RETURN(party.phone, opt_text(p, "phone", where, 40));
      LJ_ASSIGN_OR_RETURN(party.address, opt_text(p, "address", where, 500));
    } else {
      return Status::Invalid(where + ".kind", "must be 'enterprise' or 'person'");
    }
    f.parties.push_back(std::move(party));
  }
  const Json& products = list_of(doc, "products", ok);
  if (!ok) return Status::Invalid("products", "must be a list");
  for (size_t i = 0; i < products.size(); ++i) {
    const Json& p = products[i];
    const std::string where = "products[" + std::to_string(i) + "]";
    if (!p.is_object()) return Status::Invalid(where, "a product is an object");
    FactsProduct prod;
    LJ_ASSIGN_OR_RETURN(prod.name, opt_text(p, "name", where, 200));
    if (prod.name.empty()) return Status::Invalid(where + ".name", "a product has a name");
    LJ_ASSIGN_OR_RETURN(prod.batch, opt_text(p, "batch", where, 200));
    LJ_ASSIGN_OR_RETURN(prod.spec, opt_text(p, "spec", where, 200));
    LJ_ASSIGN_OR_RETURN(prod.quantity, opt_fen(p, "quantity", where));
    f.products.push_back(std::move(prod));
  }
  LJ_ASSIGN_OR_RETURN(f.goods_value_fen, opt_fen(doc, "goods_value_fen", "facts"));
  LJ_ASSIGN_OR_RETURN(f.sales_fen, opt_fen(doc, "sales_fen", "facts"));
  LJ_ASSIGN_OR_RETURN(f.illegal_income_fen, opt_fen(doc, "illegal_income_fen", "facts"));
  LJ_ASSIGN_OR_RETURN(f.unsold_value_fen, opt_fen(doc, "unsold_value_fen", "facts"));
  static const std::set<std::string> penalty_kinds = {
      "fine",         "confiscate_goods", "confiscate_income",  "warning",  "order_stop",
      "order_correct", "revoke_licence",  "suspend_production", "trade_ban"};
  const Json& penalties = list_of(doc, "penalties", ok);
  if (!ok) return Status::Invalid("penalties", "must be a list");
  for (size_t i = 0; i < penalties.size(); ++i) {
    const Json& p = penalties[i];
    const std::string where = "penalties[" + std::to_string(i) + "]";
    if (!p.is_object()) return Status::Invalid(where, "a penalty is an object");
    FactsPenalty pen;
    LJ_ASSIGN_OR_RETURN(pen.kind, opt_text(p, "kind", where, 40));
    if (!penalty_kinds.count(pen.kind))
      return Status::Invalid(where + ".kind",
                             "must be one of fine, confiscate_goods, confiscate_income, warning, "
                             "order_stop, order_correct, revoke_licence, suspend_production, "
                             "trade_ban");
    LJ_ASSIGN_OR_RETURN(pen.amount_fen, opt_fen(p, "amount_fen", where));
    if ((pen.kind == "fine" || pen.kind == "confiscate_income") && pen.amount_fen == 0)
      return Status::Invalid(where + ".amount_fen", "a " + pen.kind + " names its amount in fen");
    LJ_ASSIGN_OR_RETURN(pen.note, opt_text(p, "note", where, 500));
    f.penalties.push_back(std::move(pen));
  }
  // Prefixed field names for the lists, so the error names the field.
  LJ_ASSIGN_OR_RETURN(f.legal_basis, opt_list(doc, "legal_basis"));
  LJ_ASSIGN_OR_RETURN(f.special_actions, opt_list(doc, "special_actions"));
  LJ_ASSIGN_OR_RETURN(f.categories, opt_list(doc, "categories"));
  LJ_ASSIGN_OR_RETURN(f.violations, opt_list(doc, "violations"));
  LJ_ASSIGN_OR_RETURN(f.circumstances, opt_text(doc, "circumstances", "facts", 20));
  if (f.circumstances.empty()) f.circumstances = "ordinary";
  if (f.circumstances != "lenient" && f.circumstances != "ordinary" && f.circumstances != "heavy")
    return Status::Invalid("circumstances", "must be lenient, ordinary or heavy");
  LJ_ASSIGN_OR_RETURN(f.circumstance_reasons, opt_text(doc, "circumstance_reasons", "facts"));
  if (f.circumstances != "ordinary" && f.circumstance_reasons.empty())
    return Status::Invalid("circumstance_reasons",
                           "lenient or heavy circumstances are stated with their reasons");
  if (doc.contains("cross_region") && !doc["cross_region"].is_null()) {
    if (!doc["cross_region"].is_boolean())
      return Status::Invalid("cross_region", "must be true or false");
    f.cross_region = doc["cross_region"].get<bool>();
  }
  return f;
}

Json to_json(const CaseFacts& f, bool with_personal_data) {
  Json parties = Json::array();
  for (const auto& p : f.parties) {
    Json j = {{"kind", p.kind}};
    if (p.kind == "enterprise") {
      j["enterprise_id"] = p.enterprise_id;
    } else {
      j["name"] = with_personal_data ? p.name : mask_name(p.name);
      j["id_number"] = with_personal_data ? p.id_number : mask_id_number(p.id_number);
      j["phone"] = with_personal_data ? p.phone : mask_phone(p.phone);
      j["address"] = with_personal_data || p.address.empty() ? p.address : std::string("***");
    }
    parties.push_back(std::move(j));
  }
  Json products = Json::array();
  for (const auto& p : f.products)
    products.push_back(
        {{"name", p.name}, {"batch", p.batch}, {"spec", p.spec}, {"quantity", p.quantity}});
  Json penalties = Json::array();
  for (const auto& p : f.penalties)
    penalties.push_back({{"kind", p.kind}, {"amount_fen", p.amount_fen}, {"note", p.note}});
  return Json{{"parties", std::move(parties)},
              {"products", std::move(products)},
              {"goods_value_fen", f.goods_value_fen},
              {"sales_fen", f.sales_fen},
              {"illegal_income_fen", f.illegal_income_fen},
              {"unsold_value_fen", f.unsold_value_fen},
              {"fine_fen", f.fine_fen()},
              {"penalties", std::move(penalties)},
              {"legal_basis", f.legal_basis},
              {"circumstances", f.circumstances},
              {"circumstance_reasons", f.circumstance_reasons},
              {"special_actions", f.special_actions},
              {"categories", f.categories},
              {"violations", f.violations},
              {"cross_region", f.cross_region}};
}

}  // namespace lj::cases
