// The public portal's query language, after openFDA (docs/public-api.md): `search` holds free
// Chinese terms and field:value pairs (region:1504 product_category:food violation:fake_quality
// party:某某公司 decision_no:... decided_on:[2018-01-01 TO 2018-12-31]), joined by spaces or
// "AND"; the same filters may be given as their own parameters (region, product_category,
// violation, from, to). `count` names a field to count by instead of listing: region_code,
// product_category, violation, authority, decided_year, decided_month.
#pragma once

#include <map>
#include <string>
#include <utility>
#include <vector>

#include "core/status.hpp"
#include "disclose/rules.hpp"
#include "store/sql/disclosure_repo.hpp"

namespace lj::disclose {

// Parses `search` into `q` (filters already in `q` from their own parameters are kept unless
// the search names the same field). Errors name field "search".
Status parse_public_search(const std::string& search, PublicQuery& q);

// Whether `field` can be counted.
bool countable(const std::string& field);

// Counts `items` by `field` ("violation": every code of an item counts once), largest first,
// then by term; at most `max` buckets, `truncated` set when more existed.
std::vector<std::pair<std::string, int64_t>> count_by(const std::vector<Publication>& items,
                                                      const std::string& field, int max,
                                                      bool& truncated);

}  // namespace lj::disclose
