#include "store/sql/search.hpp"

#include "text/bigrams.hpp"

namespace lj::sql {
namespace {

// Writes the entry of lead `id` whose normalised searchable text is `body` (no entry yet on
// SQLite; PostgreSQL replaces one).
Status insert_entry(Connection& c, int64_t id, const std::string& body) {
  const std::string tokens = text::bigram_token_string_normalized(body);
  if (c.dialect() == Dialect::kSqlite) {
    LJ_RETURN_IF_ERROR(c.exec("INSERT INTO leads_fts (rowid, tokens) VALUES (?, ?)", {id, tokens}));
    return c.exec("INSERT INTO lead_search (lead_id, body) VALUES (?, ?)", {id, body});
  }
  return c.exec(
      "INSERT INTO lead_search (lead_id, body, tokens) "
      "VALUES (?, ?, array_to_tsvector(string_to_array(?, ' '))) "
      "ON CONFLICT (lead_id) DO UPDATE SET body = EXCLUDED.body, tokens = EXCLUDED.tokens",
      {id, body, tokens});
}

}  // namespace

std::string lead_search_text(const Lead& l) {
  std::string s = l.title;
  s += ' ';
  s += l.text;
  s += ' ';
  s += l.enterprise_name;
  s += ' ';
  s += l.product_name;
  return s;
}

Status index_new_lead(Connection& c, int64_t id, const Lead& lead) {
  return insert_entry(c, id, text::search_normalize(lead_search_text(lead)));
}

Status reindex_lead(Connection& c, int64_t id, const Lead& before, const Lead& after) {
  const std::string old_text = lead_search_text(before);
  const std::string new_text = lead_search_text(after);
  if (old_text == new_text) return Status::Ok();
  const std::string body = text::search_normalize(new_text);
  if (c.dialect() == Dialect::kSqlite) {
    // A contentless FTS5 table forgets the text: a delete names the tokens that were indexed,
    // which come from the stored body (none stored: nothing indexed, nothing to delete).
    LJ_ASSIGN_OR_RETURN(Rows old, c.query("SELECT body FROM lead_search WHERE lead_id = ?", {id}));
    if (!old.empty()) {
      if (old[0].text(0) == body) return Status::Ok();
      LJ_RETURN_IF_ERROR(
          c.exec("INSERT INTO leads_fts (leads_fts, rowid, tokens) VALUES ('delete', ?, ?)",
                 {id, text::bigram_token_string_normalized(old[0].text(0))}));
      LJ_RETURN_IF_ERROR(c.exec("DELETE FROM lead_search WHERE lead_id = ?", {id}));
    }
  }
  return insert_entry(c, id, body);
}

std::string lead_search_where(Dialect d, const std::string& q, const char* alias, Params& p) {
  const auto terms = text::parse_search(q);
  if (terms.empty()) return "";
  const std::string a = alias;
  std::string match;  // FTS5 query or tsquery text
  for (const auto& t : terms) {
    for (const auto& tok : t.exact) {
      if (d == Dialect::kSqlite) {
        match += (match.empty() ? "\"" : " \"") + tok + "\"";
      } else {
        match += (match.empty() ? "'" : " & '") + tok + "'";
      }
    }
    for (const auto& tok : t.prefixes) {
      if (d == Dialect::kSqlite) {
        match += (match.empty() ? "\"" : " \"") + tok + "\"*";
      } else {
        match += (match.empty() ? "'" : " & '") + tok + "':*";
      }
    }
  }
  std::string where;
  if (!match.empty()) {
    if (d == Dialect::kSqlite) {
      where += " AND " + a + ".id IN (SELECT rowid FROM leads_fts WHERE leads_fts MATCH ?)";
    } else {
      // ANY(ARRAY(...)) runs the GIN lookup first: with IN, the planner guesses the tsquery's
      // selectivity and may walk every lead in sort order (0.47 s for a term with no match at
      // 200k leads, bench/README.md "Search").
      where +=
          " AND " + a +
          ".id = ANY(ARRAY(SELECT lead_id FROM lead_search WHERE tokens @@ CAST(? AS tsquery)))";
    }
    p.emplace_back(match);
  }
  // The recheck: the normalised term occurs in the normalised text (one lookup per candidate).
  std::string recheck;
  for (const auto& t : terms) {
    if (!t.needs_recheck) continue;
    recheck += (d == Dialect::kSqlite ? " AND instr(s.body, ?) > 0" : " AND strpos(s.body, ?) > 0");
    p.emplace_back(t.needle);
  }
  if (!recheck.empty())
    where +=
        " AND EXISTS (SELECT 1 FROM lead_search s WHERE s.lead_id = " + a + ".id" + recheck + ")";
  return where;
}

Result<int64_t> backfill_search(Database& db, int batch) {
  int64_t total = 0;
  for (;;) {
    LJ_ASSIGN_OR_RETURN(auto conn, db.acquire(true));
    bool done = false;
    Status st = in_transaction(*conn, true, [&]() -> Status {
      LJ_ASSIGN_OR_RETURN(
          Rows pending,
          conn->query("SELECT done_id, upto_id FROM search_backfill WHERE entity = 'lead'"));
      if (pending.empty()) {
        done = true;
        return Status::Ok();
      }
      const int64_t from = pending[0].int64(0), upto = pending[0].int64(1);
      LJ_ASSIGN_OR_RETURN(Rows rows, conn->query("SELECT id, title, text, enterprise_name, "
                                                 "product_name FROM leads WHERE id > ? AND id <= ? "
                                                 "ORDER BY id LIMIT ?",
                                                 {from, upto, int64_t{batch}}));
      if (rows.empty()) {
        done = true;
        return conn->exec("DELETE FROM search_backfill WHERE entity = 'lead'");
      }
      for (auto& r : rows) {
        Lead l;
        l.title = r.take_text(1);
        l.text = r.take_text(2);
        l.enterprise_name = r.take_text(3);
        l.product_name = r.take_text(4);
        LJ_RETURN_IF_ERROR(index_new_lead(*conn, r.int64(0), l));
      }
      total += static_cast<int64_t>(rows.size());
      return conn->exec("UPDATE search_backfill SET done_id = ? WHERE entity = 'lead'",
                        {rows.back().int64(0)});
    });
    if (!st.ok()) return st;
    if (done) return total;
  }
}

}  // namespace lj::sql
