// Internal to resolve_repo*.cpp: helpers shared by resolving and reviewing.
#pragma once

#include <set>
#include <string>
#include <utility>

#include "model/json.hpp"
#include "resolve/scoring.hpp"
#include "store/sql/connection.hpp"

namespace lj::resolve_detail {

using Neighbourhood = std::pair<std::string, std::string>;  // (subject, product category)

// A score 0..1 as stored: an integer in 1/10000.
inline int64_t score_bp(double score) {
  return static_cast<int64_t>(score * 10000.0 + 0.5);
}

// "?, ?, ?" for n parameters.
std::string placeholders(size_t n);
// A candidate as stored in lead_matches.candidates.
Json scored_json(const resolve::Scored& s);
// Recomputes the matters of one (subject, category) and writes the group ids that changed;
// adds the leads that are non-primary members to *grouped when given.
Status regroup(sql::Connection& c, const resolve::Options& o, const std::string& subject,
               const std::string& category, int64_t* grouped);
// Puts a lead under (subject, category) (no group when either is empty) and marks the old and
// new neighbourhoods for regroup.
Status place_in_group(sql::Connection& c, int64_t lead_id, const std::string& subject,
                      const std::string& category, std::set<Neighbourhood>& dirty);

}  // namespace lj::resolve_detail
