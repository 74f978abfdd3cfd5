// Full-text search over leads, cases and enterprises: bigram tokens (text/bigrams.hpp) kept beside
// each record in the transaction that writes it, and <entity>_search(<entity>_id, body): the
// normalised searched text.
//  - SQLite: <table>_fts, a contentless FTS5 table (detail=none) whose rowid is the record's id.
//  - PostgreSQL: <entity>_search.tokens, a tsvector with a GIN index, built with
//    array_to_tsvector (no text-search parser, no extension).
// Queries: each whitespace-separated term must match. Its bigrams must all be present and a
// lone character must start some token (prefix query); then, unless the term is one
// character, a substring check on <entity>_search.body removes bigrams found elsewhere.
#pragma once

#include <string>

#include "model/model.hpp"
#include "store/sql/connection.hpp"

namespace lj::sql {

enum class SearchEntity { kLead, kCase, kEnterprise };

// What search covers, joined by spaces. Leads: title, text, enterprise name, product name.
// Cases: case number, title, summary. Enterprises: name, former names, USCC.
std::string lead_search_text(const Lead& l);
std::string case_search_text(const Case& c);
std::string enterprise_search_text(const Enterprise& e);

// Indexes a new record (no entry yet) from its searchable text (one of the functions above).
Status index_new(Connection& c, SearchEntity entity, int64_t id, const std::string& text);
// Replaces the entry of a record whose searchable text changed from `before` to `after`.
Status reindex(Connection& c, SearchEntity entity, int64_t id, const std::string& before,
               const std::string& after);

inline Status index_new_lead(Connection& c, int64_t id, const Lead& lead) {
  return index_new(c, SearchEntity::kLead, id, lead_search_text(lead));
}
inline Status reindex_lead(Connection& c, int64_t id, const Lead& before, const Lead& after) {
  return reindex(c, SearchEntity::kLead, id, lead_search_text(before), lead_search_text(after));
}

// Appends " AND ..." conditions for query `q` on the entity's table aliased `alias` (nothing
// when `q` is blank).
std::string search_where(Dialect d, SearchEntity entity, const std::string& q, const char* alias,
                         Params& p);
inline std::string lead_search_where(Dialect d, const std::string& q, const char* alias,
                                     Params& p) {
  return search_where(d, SearchEntity::kLead, q, alias, p);
}

// Indexes the records that existed when their search migration ran (search_backfill: one row
// per entity with the last id done and the last id to do), in batches of `batch` records, one
// write transaction each; resumable. Returns how many were indexed.
Result<int64_t> backfill_search(Database& db, int batch = 2000);

}  // namespace lj::sql
