#include "store/sql/search.hpp"

#include "text/bigrams.hpp"

namespace lj::sql {
namespace {

struct Tables {
  const char* entity;  // search_backfill.entity
  const char* fts;     // SQLite FTS5 table
  const char* search;  // body (and, on PostgreSQL, tokens) table
  const char* key;     // its id column
  const char* source;  // the records' table
  const char* columns; // the columns search_text joins, for the backfill
};

const Tables& tables(SearchEntity e) {
  static const Tables kLead{"lead", "leads_fts", "lead_search", "lead_id", "leads",
                            "title, text, enterprise_name, product_name"};
  static const Tables kCase{"case", "cases_fts", "case_search", "case_id", "cases",
                            "case_no, title, summary"};
  static const Tables kEnterprise{"enterprise", "enterprises_fts", "enterprise_search",
                                  "enterprise_id", "enterprises", "name, former_names, uscc"};
  switch (e) {
    case SearchEntity::kLead: return kLead;
    case SearchEntity::kCase: return kCase;
    case SearchEntity::kEnterprise: return kEnterprise;
  }
  return kLead;
}

std::string joined(std::initializer_list<const std::string*> parts) {
  // Always one space between parts, empty or not: the backfill joins its columns the same way.
  std::string s;
  for (const std::string* p : parts) {
    if (p != *parts.begin()) s += ' ';
    s += *p;
  }
  return s;
}

// Writes the entry of record `id` whose normalised searchable text is `body` (no entry yet on
// SQLite; PostgreSQL replaces one).
Status insert_entry(Connection& c, const Tables& t, int64_t id, const std::string& body) {
  const std::string tokens = text::bigram_token_string_normalized(body);
  if (c.dialect() == Dialect::kSqlite) {
    LJ_RETURN_IF_ERROR(c.exec(std::string("INSERT INTO ") + t.fts + " (rowid, tokens) VALUES (?, ?)",
                              {id, tokens}));
    return c.exec(std::string("INSERT INTO ") + t.search + " (" + t.key + ", body) VALUES (?, ?)",
                  {id, body});
  }
  return c.exec(std::string("INSERT INTO ") + t.search + " (" + t.key +
                    ", body, tokens) VALUES (?, ?, array_to_tsvector(string_to_array(?, ' '))) "
                    "ON CONFLICT (" + t.key +
                    ") DO UPDATE SET body = EXCLUDED.body, tokens = EXCLUDED.tokens",
                {id, body, tokens});
}

}  // namespace

std::string lead_search_text(const Lead& l) {
  return joined({&l.title, &l.text, &l.enterprise_name, &l.product_name});
}

std::string case_search_text(const Case& c) { return joined({&c.case_no, &c.title, &c.summary}); }

std::string enterprise_search_text(const Enterprise& e) {
  return joined({&e.name, &e.former_names, &e.uscc});
}

Status index_new(Connection& c, SearchEntity entity, int64_t id, const std::string& text) {
  return insert_entry(c, tables(entity), id, text::search_normalize(text));
}

Status reindex(Connection& c, SearchEntity entity, int64_t id, const std::string& before,
               const std::string& after) {
  if (before == after) return Status::Ok();
  const Tables& t = tables(entity);
  const std::string body = text::search_normalize(after);
  if (c.dialect() == Dialect::kSqlite) {
    // A contentless FTS5 table forgets the text: a delete names the tokens that were indexed,
    // which come from the stored body (none stored: nothing indexed, nothing to delete).
    LJ_ASSIGN_OR_RETURN(Rows old, c.query(std::string("SELECT body FROM ") + t.search + " WHERE " +
                                              t.key + " = ?",
                                          {id}));
    if (!old.empty()) {
      if (old[0].text(0) == body) return Status::Ok();
      LJ_RETURN_IF_ERROR(c.exec(std::string("INSERT INTO ") + t.fts + " (" + t.fts +
                                    ", rowid, tokens) VALUES ('delete', ?, ?)",
                                {id, text::bigram_token_string_normalized(old[0].text(0))}));
      LJ_RETURN_IF_ERROR(
          c.exec(std::string("DELETE FROM ") + t.search + " WHERE " + t.key + " = ?", {id}));
    }
  }
  return insert_entry(c, t, id, body);
}

std::string search_where(Dialect d, SearchEntity entity, const std::string& q, const char* alias,
                         Params& p) {
  const auto terms = text::parse_search(q);
  if (terms.empty()) return "";
  const Tables& t = tables(entity);
  const std::string a = alias;
  std::string match;  // FTS5 query or tsquery text
  for (const auto& term : terms) {
    for (const auto& tok : term.exact) {
      if (d == Dialect::kSqlite) {
        match += (match.empty() ? "\"" : " \"") + tok + "\"";
      } else {
        match += (match.empty() ? "'" : " & '") + tok + "'";
      }
    }
    for (const auto& tok : term.prefixes) {
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
      where += " AND " + a + ".id IN (SELECT rowid FROM " + t.fts + " WHERE " + t.fts +
               " MATCH ?)";
    } else {
      // ANY(ARRAY(...)) runs the GIN lookup first: with IN, the planner guesses the tsquery's
      // selectivity and may walk every record in sort order (0.47 s for a term with no match at
      // 200k leads, bench/README.md "Search").
      where += " AND " + a + ".id = ANY(ARRAY(SELECT " + t.key + " FROM " + t.search +
               " WHERE tokens @@ CAST(? AS tsquery)))";
    }
    p.emplace_back(match);
  }
  // The recheck: the normalised term occurs in the normalised text (one lookup per candidate).
  std::string recheck;
  for (const auto& term : terms) {
    if (!term.needs_recheck) continue;
    recheck += (d == Dialect::kSqlite ? " AND instr(s.body, ?) > 0" : " AND strpos(s.body, ?) > 0");
    p.emplace_back(term.needle);
  }
  if (!recheck.empty())
    where += " AND EXISTS (SELECT 1 FROM " + std::string(t.search) + " s WHERE s." + t.key +
             " = " + a + ".id" + recheck + ")";
  return where;
}

Result<int64_t> backfill_search(Database& db, int batch) {
  int64_t total = 0;
  for (SearchEntity entity : {SearchEntity::kLead, SearchEntity::kCase, SearchEntity::kEnterprise}) {
    const Tables& t = tables(entity);
    for (bool done = false; !done;) {
      LJ_ASSIGN_OR_RETURN(auto conn, db.acquire(true));
      Status st = in_transaction(*conn, true, [&]() -> Status {
        LJ_ASSIGN_OR_RETURN(Rows pending,
                            conn->query("SELECT done_id, upto_id FROM search_backfill WHERE entity = ?",
                                        {std::string(t.entity)}));
        if (pending.empty()) {
          done = true;
          return Status::Ok();
        }
        const int64_t from = pending[0].int64(0), upto = pending[0].int64(1);
        LJ_ASSIGN_OR_RETURN(Rows rows, conn->query(std::string("SELECT id, ") + t.columns +
                                                       " FROM " + t.source +
                                                       " WHERE id > ? AND id <= ? ORDER BY id LIMIT ?",
                                                   {from, upto, int64_t{batch}}));
        if (rows.empty()) {
          done = true;
          return conn->exec("DELETE FROM search_backfill WHERE entity = ?", {std::string(t.entity)});
        }
        for (auto& r : rows) {
          std::string text;
          for (size_t i = 1; i < r.size(); ++i) {
            if (i > 1) text += ' ';
            text += r.take_text(i);
          }
          LJ_RETURN_IF_ERROR(index_new(*conn, entity, r.int64(0), text));
        }
        total += static_cast<int64_t>(rows.size());
        return conn->exec("UPDATE search_backfill SET done_id = ? WHERE entity = ?",
                          {rows.back().int64(0), std::string(t.entity)});
      });
      if (!st.ok()) return st;
    }
  }
  return total;
}

}  // namespace lj::sql
