#include "evaluate/scheme.hpp"

#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>

namespace lj::evaluate {
namespace {

Status bad(const std::string& field, const std::string& why) {
  return Status::Invalid(field, "evaluation scheme: " + field + ": " + why);
}

Result<int> read_int(const Json& obj, const char* key, const std::string& where, int lo, int hi) {
  if (!obj.contains(key) || !obj[key].is_number_integer())
    return bad(where + "." + key, "an integer is required");
  const int64_t v = obj[key].get<int64_t>();
  if (v < lo || v > hi)
    return bad(where + "." + key, "must be " + std::to_string(lo) + ".." + std::to_string(hi));
  return static_cast<int>(v);
}

Result<DropRule> read_rule(const Json& obj, const std::string& where) {
  if (!obj.is_object()) return bad(where, "an object is required");
  DropRule r;
  LJ_ASSIGN_OR_RETURN(r.min_drop_percent, read_int(obj, "min_drop_percent", where, 1, 100));
  LJ_ASSIGN_OR_RETURN(r.min_base, read_int(obj, "min_base", where, 1, 1000000));
  return r;
}

}  // namespace

const char* normalise_name(Normalise n) {
  switch (n) {
    case Normalise::kNone:
      return "none";
    case Normalise::kPerOfficer:
      return "per_officer";
    case Normalise::kPer10kEntities:
      return "per_10k_entities";
  }
  return "none";
}

double Scheme::total_weight() const {
  double w = 0;
  for (const auto& i : indicators) w += i.weight;
  return w;
}

Result<Scheme> Scheme::from_json(const Json& doc) {
  if (!doc.is_object()) return bad("document", "a JSON object is required");
  Scheme s;
  if (!doc.contains("version") || !doc["version"].is_string() ||
      doc["version"].get<std::string>().empty())
    return bad("version", "a non-empty string is required");
  s.version = doc["version"].get<std::string>();
  if (!doc.contains("indicators") || !doc["indicators"].is_array() || doc["indicators"].empty())
    return bad("indicators", "a non-empty array is required");
  std::set<std::string> codes;
  for (size_t i = 0; i < doc["indicators"].size(); ++i) {
    const Json& e = doc["indicators"][i];
    const std::string where = "indicators[" + std::to_string(i) + "]";
    if (!e.is_object()) return bad(where, "an object is required");
    Indicator ind;
    for (const char* key : {"code", "name", "measure", "normalise"})
      if (!e.contains(key) || !e[key].is_string() || e[key].get<std::string>().empty())
        return bad(where + "." + key, "a non-empty string is required");
    ind.code = e["code"].get<std::string>();
    ind.name = e["name"].get<std::string>();
    ind.measure = e["measure"].get<std::string>();
    if (!codes.insert(ind.code).second)
      return bad(where + ".code", "'" + ind.code + "' appears twice");
    if (std::find_if(std::begin(kMeasures), std::end(kMeasures),
                     [&](const char* m) { return ind.measure == m; }) == std::end(kMeasures))
      return bad(where + ".measure", "unknown measure '" + ind.measure + "'");
    const std::string n = e["normalise"].get<std::string>();
    if (n == "none")
      ind.normalise = Normalise::kNone;
    else if (n == "per_officer")
      ind.normalise = Normalise::kPerOfficer;
    else if (n == "per_10k_entities")
      ind.normalise = Normalise::kPer10kEntities;
    else
      return bad(where + ".normalise", "must be none, per_officer or per_10k_entities");
    if (!e.contains("weight") || !e["weight"].is_number() || e["weight"].get<double>() < 0 ||
        e["weight"].get<double>() > 1000)
      return bad(where + ".weight", "a number 0..1000 is required");
    ind.weight = e["weight"].get<double>();
    ind.about = e.value("about", "");
    s.indicators.push_back(std::move(ind));
  }
  if (doc.contains("market_entities")) {
    const Json& m = doc["market_entities"];
    if (!m.is_object()) return bad("market_entities", "an object is required");
    if (m.contains("per_unit")) {
      if (!m["per_unit"].is_object())
        return bad("market_entities.per_unit", "an object is required");
      for (const auto& [code, v] : m["per_unit"].items()) {
        if (!v.is_number_integer() || v.get<int64_t>() <= 0)
          return bad("market_entities.per_unit." + code, "a positive integer is required");
        s.market_entities[code] = v.get<int64_t>();
      }
    }
  }
  if (!doc.contains("zero_case") || !doc["zero_case"].is_object())
    return bad("zero_case", "an object is required");
  LJ_ASSIGN_OR_RETURN(int zmax, read_int(doc["zero_case"], "max_cases", "zero_case", 0, 1000));
  s.zero_case_max = zmax;
  if (!doc.contains("declining") || !doc["declining"].is_object())
    return bad("declining", "an object is required");
  const Json& d = doc["declining"];
  s.declining_measure = d.value("measure", "cases_filed");
  if (s.declining_measure != "cases_filed" && s.declining_measure != "cases_closed")
    return bad("declining.measure", "must be cases_filed or cases_closed");
  LJ_ASSIGN_OR_RETURN(s.vs_last_year,
                      read_rule(d.value("vs_last_year", Json()), "declining.vs_last_year"));
  const Json ma = d.value("moving_average", Json());
  LJ_ASSIGN_OR_RETURN(s.moving_average, read_rule(ma, "declining.moving_average"));
  LJ_ASSIGN_OR_RETURN(s.moving_average_periods,
                      read_int(ma, "periods", "declining.moving_average", 1, 24));
  return s;
}

Result<Scheme> Scheme::load(const std::string& data_dir) {
  const std::string path = data_dir + "/evaluation/scheme-2018.json";
  std::ifstream in(path);
  if (!in) return Status::NotFound("cannot read " + path);
  std::stringstream ss;
  ss << in.rdbuf();
  Json doc = Json::parse(ss.str(), nullptr, false);
  if (doc.is_discarded()) return bad("document", path + " is not valid JSON");
  return from_json(doc);
}

Json Scheme::to_json() const {
  Json inds = Json::array();
  for (const auto& i : indicators)
    inds.push_back(Json{{"code", i.code},
                        {"name", i.name},
                        {"measure", i.measure},
                        {"normalise", normalise_name(i.normalise)},
                        {"weight", i.weight},
                        {"about", i.about}});
  Json entities = Json::object();
  for (const auto& [k, v] : market_entities) entities[k] = v;
  return Json{{"version", version},
              {"indicators", inds},
              {"market_entities", Json{{"per_unit", entities}}},
              {"zero_case", Json{{"max_cases", zero_case_max}}},
              {"declining",
               Json{{"measure", declining_measure},
                    {"vs_last_year", Json{{"min_drop_percent", vs_last_year.min_drop_percent},
                                          {"min_base", vs_last_year.min_base}}},
                    {"moving_average", Json{{"periods", moving_average_periods},
                                            {"min_drop_percent", moving_average.min_drop_percent},
                                            {"min_base", moving_average.min_base}}}}}};
}

}  // namespace lj::evaluate
