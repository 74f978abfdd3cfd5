// Full-text search over leads: bigram tokens (text/bigrams.hpp) kept beside each lead in the
// transaction that writes it, and lead_search(lead_id, body): the normalised searched text.
//  - SQLite: leads_fts, a contentless FTS5 table (detail=none) whose rowid is the lead id.
//  - PostgreSQL: lead_search.tokens, a tsvector with a GIN index, built with array_to_tsvector
//    (no text-search parser, no extension).
// Queries: each whitespace-separated term must match. Its bigrams must all be present and a
// lone character must start some token (prefix query); then, unless the term is one
// character, a substring check on lead_search.body removes bigrams found elsewhere.
#pragma once

#include <string>

#include "model/model.hpp"
#include "store/sql/connection.hpp"

namespace lj::sql {

// Title, text, enterprise name and product name joined by spaces: what search covers.
std::string lead_search_text(const Lead& l);

// Indexes a new lead (no entry yet).
Status index_new_lead(Connection& c, int64_t id, const Lead& lead);
// Replaces the entry of a lead whose searchable fields changed from `before` to `after`.
Status reindex_lead(Connection& c, int64_t id, const Lead& before, const Lead& after);

// Appends " AND ..." conditions for query `q` on leads aliased `alias` (nothing when `q` is
// blank).
std::string lead_search_where(Dialect d, const std::string& q, const char* alias, Params& p);

// Indexes the leads that existed when migration 2 ran (search_backfill), in batches of
// `batch` leads, one write transaction each; resumable. Returns how many were indexed.
Result<int64_t> backfill_search(Database& db, int batch = 2000);

}  // namespace lj::sql
