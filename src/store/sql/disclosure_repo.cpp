#include "store/sql/disclosure_repo.hpp"

#include "core/crypto.hpp"
#include "model/json.hpp"
#include "text/bigrams.hpp"

namespace lj {

using sql::Connection;
using sql::Dialect;
using sql::Rows;

namespace {

constexpr const char* kColumns =
    "p.id, p.kind, p.status, p.case_id, p.unit_code, p.unit_path, p.decision_no, p.decided_on, "
    "p.due_on, p.party, p.region_code, p.product_category, p.violations, p.penalty, p.fine_fen, "
    "p.authority, p.title, p.body, p.masked_body, p.spans, p.created_by, p.created_at, "
    "p.reviewed_by, p.reviewer_name, p.published_at, p.withdrawn_at, p.withdrawn_by, "
    "p.withdraw_reason, p.revoked_at, p.version";

// Violations are stored as " code1 code2 " so that one LIKE '% code %' finds a code.
std::string join_codes(const std::vector<std::string>& codes) {
  std::string s = " ";
  for (const auto& c : codes) s += c + " ";
  return s;
}

std::vector<std::string> split_codes(const std::string& s) {
  std::vector<std::string> out;
  size_t i = 0;
  while (i < s.size()) {
    size_t j = s.find(' ', i);
    if (j == std::string::npos) j = s.size();
    if (j > i) out.push_back(s.substr(i, j - i));
    i = j + 1;
  }
  return out;
}

Publication from_row(sql::Row& r) {
  Publication p;
  p.id = r.int64(0);
  p.kind = r.take_text(1);
  p.status = r.take_text(2);
  p.case_id = r.int64(3);
  p.unit_code = r.take_text(4);
  p.unit_path = r.take_text(5);
  p.decision_no = r.take_text(6);
  p.decided_on = r.take_text(7);
  p.due_on = r.take_text(8);
  p.party = r.take_text(9);
  p.region_code = r.take_text(10);
  p.product_category = r.take_text(11);
  p.violations = split_codes(r.text(12));
  p.penalty = r.take_text(13);
  p.fine_fen = r.int64(14);
  p.authority = r.take_text(15);
  p.title = r.take_text(16);
  p.body = r.take_text(17);
  p.masked_body = r.take_text(18);
  p.spans = Json::parse(r.text(19), nullptr, false);
  if (p.spans.is_discarded()) p.spans = Json::array();
  p.created_by = r.int64(20);
  p.created_at = r.take_text(21);
  p.reviewed_by = r.is_null(22) ? 0 : r.int64(22);
  p.reviewer_name = r.take_text(23);
  p.published_at = r.take_text(24);
  p.withdrawn_at = r.take_text(25);
  p.withdrawn_by = r.is_null(26) ? 0 : r.int64(26);
  p.withdraw_reason = r.take_text(27);
  p.revoked_at = r.take_text(28);
  p.version = r.int64(29);
  return p;
}

// The audit form: everything but the texts (the body holds personal data; the spans say what
// was masked and are kept with the record).
Json audit_json(const Publication& p) {
  return Json{{"id", p.id},
              {"kind", p.kind},
              {"status", p.status},
              {"case_id", p.case_id},
              {"decision_no", p.decision_no},
              {"decided_on", p.decided_on},
              {"due_on", p.due_on},
              {"party", p.party},
              {"penalty", p.penalty},
              {"authority", p.authority},
              {"spans", p.spans.size()},
              {"reviewer_name", p.reviewer_name},
              {"published_at", p.published_at},
              {"withdrawn_at", p.withdrawn_at},
              {"withdraw_reason", p.withdraw_reason},
              {"version", p.version}};
}

Result<std::optional<Publication>> load(Connection& c, const std::string& where,
                                        const sql::Params& params) {
  LJ_ASSIGN_OR_RETURN(
      Rows rows,
      c.query(std::string("SELECT ") + kColumns + " FROM publications p WHERE " + where, params));
  if (rows.empty()) return std::optional<Publication>();
  return std::optional<Publication>(from_row(rows[0]));
}

Result<Publication> load_scoped(Connection& c, const Actor& actor, int64_t id) {
  sql::Params params{id};
  const std::string scope = scope_predicate(actor, "publication", "p", params);
  LJ_ASSIGN_OR_RETURN(auto p, load(c, "p.id = ? AND " + scope, params));
  if (!p) return Status::NotFound("no publication " + std::to_string(id));
  return std::move(*p);
}

// Indexes a published item: bigram tokens of its public fields (as store/sql/search.cpp does
// for cases).
Status index_public(Connection& c, const Publication& p) {
  const std::string body = text::search_normalize(p.decision_no + " " + p.party + " " + p.title +
                                                  " " + p.authority + " " + p.masked_body);
  const std::string tokens = text::bigram_token_string_normalized(body);
  if (c.dialect() == Dialect::kSqlite) {
    LJ_RETURN_IF_ERROR(
        c.exec("INSERT INTO publications_fts (rowid, tokens) VALUES (?, ?)", {p.id, tokens}));
    return c.exec("INSERT INTO publication_search (publication_id, body) VALUES (?, ?)",
                  {p.id, body});
  }
  return c.exec(
      "INSERT INTO publication_search (publication_id, body, tokens) VALUES (?, ?, "
      "array_to_tsvector(string_to_array(?, ' ')))",
      {p.id, body, tokens});
}

// " AND ..." for the search terms of `q` on publications aliased p (store/sql/search.cpp).
std::string search_where(Dialect d, const std::string& q, sql::Params& params) {
  const auto terms = text::parse_search(q);
  if (terms.empty()) return "";
  std::string match;
  for (const auto& term : terms) {
    for (const auto& tok : term.exact)
      match += d == Dialect::kSqlite ? (match.empty() ? "\"" : " \"") + tok + "\""
                                     : (match.empty() ? "'" : " & '") + tok + "'";
    for (const auto& tok : term.prefixes)
      match += d == Dialect::kSqlite ? (match.empty() ? "\"" : " \"") + tok + "\"*"
                                     : (match.empty() ? "'" : " & '") + tok + "':*";
  }
  std::string where;
  if (!match.empty()) {
    where +=
        d == Dialect::kSqlite
            ? " AND p.id IN (SELECT rowid FROM publications_fts WHERE publications_fts MATCH ?)"
            : " AND p.id = ANY(ARRAY(SELECT publication_id FROM publication_search WHERE "
              "tokens @@ CAST(? AS tsquery)))";
    params.emplace_back(match);
  }
  std::string recheck;
  for (const auto& term : terms) {
    if (!term.needs_recheck) continue;
    recheck += d == Dialect::kSqlite ? " AND instr(s.body, ?) > 0" : " AND strpos(s.body, ?) > 0";
    params.emplace_back(term.needle);
  }
  if (!recheck.empty())
    where += " AND EXISTS (SELECT 1 FROM publication_search s WHERE s.publication_id = p.id" +
             recheck + ")";
  return where;
}

std::string public_where(Dialect d, const PublicQuery& q, sql::Params& params) {
  std::string where = "p.status = 'published' AND p.kind = ?";
  params.emplace_back(q.kind);
  if (!q.region_prefix.empty()) {
    where += " AND p.region_code LIKE ?";
    params.emplace_back(q.region_prefix + "%");
  }
  if (!q.product_category.empty()) {
    where += " AND p.product_category = ?";
    params.emplace_back(q.product_category);
  }
  if (!q.violation.empty()) {
    where += " AND p.violations LIKE ?";
    params.emplace_back("% " + q.violation + " %");
  }
  if (!q.party.empty()) {
    where += " AND p.party = ?";
    params.emplace_back(q.party);
  }
  if (!q.decision_no.empty()) {
    where += " AND p.decision_no = ?";
    params.emplace_back(q.decision_no);
  }
  if (!q.from.empty()) {
    where += " AND p.decided_on >= ?";
    params.emplace_back(q.from);
  }
  if (!q.to.empty()) {
    where += " AND p.decided_on <= ?";
    params.emplace_back(q.to);
  }
  return where + search_where(d, q.text, params);
}

}  // namespace

Result<DisclosureRepo::Created> DisclosureRepo::create(const Actor& actor, int64_t case_id,
                                                       const std::string& kind, const Draft& draft,
                                                       bool existing_ok) {
  Result<Created> out = Status::Internal("not run");
  Status st = store_.write([&](Connection& c) -> Status {
    LJ_ASSIGN_OR_RETURN(Case cs, store_.load_case(c, actor, case_id));
    LJ_ASSIGN_OR_RETURN(auto existing, load(c, "p.case_id = ? AND p.kind = ?", {case_id, kind}));
    if (existing) {
      if (!existing_ok)
        return Status::Conflict("case " + std::to_string(case_id) + " has a " + kind +
                                    " publication already (id " + std::to_string(existing->id) +
                                    ")",
                                "case_id");
      out = Created{std::move(*existing), false};
      return Status::Ok();
    }
    DecisionSource src;
    LJ_ASSIGN_OR_RETURN(Rows prog, c.query("SELECT procedure, decided_at, decision, decision_no "
                                           "FROM case_progress WHERE case_id = ?",
                                           {case_id}));
    if (!prog.empty()) {
      src.procedure = prog[0].text(0);
      src.decided_at = prog[0].text(1);
      src.decision = prog[0].text(2);
      src.decision_no = prog[0].text(3);
    }
    LJ_ASSIGN_OR_RETURN(Rows facts,
                        c.query("SELECT facts FROM case_facts WHERE case_id = ?", {case_id}));
    src.facts = facts.empty() ? Json(nullptr) : Json::parse(facts[0].text(0), nullptr, false);
    if (src.facts.is_discarded()) src.facts = nullptr;
    // The enterprises the facts name, else the case's enterprise.
    std::vector<int64_t> enterprise_ids;
    if (src.facts.is_object() && src.facts.contains("parties") && src.facts["parties"].is_array()) {
      for (const Json& party : src.facts["parties"]) {
        if (party.value("kind", "") == "enterprise" && party.contains("enterprise_id") &&
            party["enterprise_id"].is_number_integer())
          enterprise_ids.push_back(party["enterprise_id"].get<int64_t>());
        else if (party.value("kind", "") == "person" && party.contains("name") &&
                 party["name"].is_string())
          src.party_names.push_back(party["name"].get<std::string>());
      }
    }
    if (enterprise_ids.empty() && src.party_names.empty() && cs.enterprise_id)
      enterprise_ids.push_back(*cs.enterprise_id);
    for (int64_t eid : enterprise_ids) {
      LJ_ASSIGN_OR_RETURN(Rows e, c.query("SELECT name FROM enterprises WHERE id = ?", {eid}));
      if (!e.empty()) src.party_names.insert(src.party_names.begin(), e[0].text(0));
    }
    if (src.party_names.empty() && cs.lead_id) {
      LJ_ASSIGN_OR_RETURN(Rows l,
                          c.query("SELECT enterprise_name FROM leads WHERE id = ?", {*cs.lead_id}));
      if (!l.empty() && !l[0].text(0).empty()) src.party_names.push_back(l[0].text(0));
    }
    auto unit = store_.load_unit(c, cs.unit_code);
    src.unit_name = unit.ok() ? unit->name : cs.unit_code;
    src.c = std::move(cs);
    LJ_ASSIGN_OR_RETURN(Publication p, draft(src));
    p.kind = kind;
    p.status = "pending_review";
    p.case_id = case_id;
    p.unit_code = src.c.unit_code;
    p.unit_path = src.c.unit_path;
    p.created_by = actor.user_id;
    p.created_at = store_.now();
    p.version = 1;
    LJ_ASSIGN_OR_RETURN(
        Rows ins,
        c.query(
            "INSERT INTO publications (kind, case_id, unit_code, unit_path, status, decision_no, "
            "decided_on, due_on, party, region_code, product_category, violations, penalty, "
            "fine_fen, authority, title, body, spans, created_by, created_at, version) VALUES "
            "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1) RETURNING id",
            {p.kind,    p.case_id,      p.unit_code,        p.unit_path,
             p.status,  p.decision_no,  p.decided_on,       sql::text_or_null(p.due_on),
             p.party,   p.region_code,  p.product_category, join_codes(p.violations),
             p.penalty, p.fine_fen,     p.authority,        p.title,
             p.body,    p.spans.dump(), p.created_by,       p.created_at}));
    p.id = ins.at(0).int64(0);
    LJ_RETURN_IF_ERROR(store_.audit(c, actor, "create", "publication", std::to_string(p.id),
                                    nullptr, audit_json(p)));
    out = Created{std::move(p), true};
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return out;
}

Result<Publication> DisclosureRepo::get(const Actor& actor, int64_t id) {
  Result<Publication> out = Status::Internal("not run");
  Status st = store_.read([&](Connection& c) -> Status {
    out = load_scoped(c, actor, id);
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return out;
}

Result<std::vector<Publication>> DisclosureRepo::list(const Actor& actor,
                                                      const PublicationQuery& q) {
  std::vector<Publication> out;
  Status st = store_.read([&](Connection& c) -> Status {
    sql::Params params;
    std::string where = scope_predicate(actor, "publication", "p", params);
    if (!q.status.empty()) {
      where += " AND p.status = ?";
      params.emplace_back(q.status);
    }
    if (!q.kind.empty()) {
      where += " AND p.kind = ?";
      params.emplace_back(q.kind);
    }
    if (q.overdue_only) {
      where += " AND p.status = 'pending_review' AND p.due_on < ?";
      params.emplace_back(q.today);
    }
    params.emplace_back(int64_t{q.limit});
    LJ_ASSIGN_OR_RETURN(Rows rows,
                        c.query(std::string("SELECT ") + kColumns + " FROM publications p WHERE " +
                                    where + " ORDER BY p.id DESC LIMIT ?",
                                params));
    for (auto& r : rows) out.push_back(from_row(r));
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return out;
}

Result<std::vector<Publication>> DisclosureRepo::of_case(const Actor& actor, int64_t case_id) {
  std::vector<Publication> out;
  Status st = store_.read([&](Connection& c) -> Status {
    LJ_ASSIGN_OR_RETURN(Case cs, store_.load_case(c, actor, case_id));
    LJ_ASSIGN_OR_RETURN(Rows rows,
                        c.query(std::string("SELECT ") + kColumns +
                                    " FROM publications p WHERE p.case_id = ? ORDER BY p.id",
                                {cs.id}));
    for (auto& r : rows) out.push_back(from_row(r));
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return out;
}

Result<Publication> DisclosureRepo::publish(const Actor& actor, int64_t id,
                                            int64_t expected_version, const Review& review) {
  Result<Publication> out = Status::Internal("not run");
  Status st = store_.write([&](Connection& c) -> Status {
    LJ_ASSIGN_OR_RETURN(Publication before, load_scoped(c, actor, id));
    if (before.status != "pending_review")
      return Status::Conflict(
          "publication " + std::to_string(id) + " is " + before.status + ", not pending_review",
          "status");
    if (before.version != expected_version)
      return Status::Conflict("publication " + std::to_string(id) + " is at version " +
                                  std::to_string(before.version) + ", not " +
                                  std::to_string(expected_version) + ": reload it and try again",
                              "version");
    const std::string now = store_.now();
    LJ_ASSIGN_OR_RETURN(Publication after, review(before, now));
    after.version = before.version + 1;
    LJ_RETURN_IF_ERROR(
        c.exec("UPDATE publications SET status = ?, masked_body = ?, body = ?, spans = ?, "
               "reviewed_by = ?, "
               "reviewer_name = ?, published_at = ?, version = ? WHERE id = ? AND version = ?",
               {after.status, after.masked_body, after.body, after.spans.dump(), after.reviewed_by,
                after.reviewer_name, after.published_at, after.version, id, before.version}));
    LJ_RETURN_IF_ERROR(index_public(c, after));
    LJ_RETURN_IF_ERROR(store_.audit(c, actor, "publish", "publication", std::to_string(id),
                                    audit_json(before), audit_json(after)));
    out = std::move(after);
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return out;
}

Result<Publication> DisclosureRepo::redraft(const Actor& actor, int64_t id,
                                            int64_t expected_version, const Redraft& redraft) {
  Result<Publication> out = Status::Internal("not run");
  Status st = store_.write([&](Connection& c) -> Status {
    LJ_ASSIGN_OR_RETURN(Publication before, load_scoped(c, actor, id));
    if (before.status != "pending_review")
      return Status::Conflict("publication " + std::to_string(id) + " is " + before.status +
                                  ": only a pending one takes a new text",
                              "status");
    if (before.version != expected_version)
      return Status::Conflict("publication " + std::to_string(id) + " is at version " +
                                  std::to_string(before.version) + ", not " +
                                  std::to_string(expected_version) + ": reload it and try again",
                              "version");
    Publication after = redraft(before);
    after.version = before.version + 1;
    LJ_RETURN_IF_ERROR(c.exec(
        "UPDATE publications SET body = ?, spans = ?, version = ? WHERE id = ? AND version = ?",
        {after.body, after.spans.dump(), after.version, id, before.version}));
    Json a = audit_json(after);
    a["text_changed"] = true;
    LJ_RETURN_IF_ERROR(
        store_.audit(c, actor, "update", "publication", std::to_string(id), audit_json(before), a));
    out = std::move(after);
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return out;
}

Result<Publication> DisclosureRepo::withdraw(const Actor& actor, int64_t id,
                                             const std::string& reason) {
  Result<Publication> out = Status::Internal("not run");
  Status st = store_.write([&](Connection& c) -> Status {
    LJ_ASSIGN_OR_RETURN(Publication before, load_scoped(c, actor, id));
    if (before.status == "withdrawn")
      return Status::Conflict("publication " + std::to_string(id) + " is withdrawn already",
                              "status");
    Publication after = before;
    after.status = "withdrawn";
    after.withdrawn_at = store_.now();
    after.withdrawn_by = actor.user_id;
    after.withdraw_reason = reason;
    after.version = before.version + 1;
    LJ_RETURN_IF_ERROR(
        c.exec("UPDATE publications SET status = 'withdrawn', withdrawn_at = ?, withdrawn_by = ?, "
               "withdraw_reason = ?, version = version + 1 WHERE id = ?",
               {after.withdrawn_at, actor.user_id, reason, id}));
    LJ_RETURN_IF_ERROR(store_.audit(c, actor, "withdraw", "publication", std::to_string(id),
                                    audit_json(before), audit_json(after)));
    out = std::move(after);
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return out;
}

Result<int64_t> DisclosureRepo::withdraw_revoked(const Actor& actor,
                                                 std::optional<int64_t> case_id) {
  int64_t n = 0;
  Status st = store_.write([&](Connection& c) -> Status {
    sql::Params params;
    std::string where = "p.status <> 'withdrawn' AND " +
                        scope_predicate(actor, "publication", "p", params) +
                        " AND p.case_id IN (SELECT id FROM cases WHERE status = 'revoked')";
    if (case_id) {
      where += " AND p.case_id = ?";
      params.emplace_back(*case_id);
    }
    LJ_ASSIGN_OR_RETURN(Rows rows,
                        c.query(std::string("SELECT ") + kColumns + " FROM publications p WHERE " +
                                    where + " ORDER BY p.id",
                                params));
    const std::string now = store_.now();
    for (auto& r : rows) {
      Publication before = from_row(r);
      Publication after = before;
      after.status = "withdrawn";
      after.withdrawn_at = now;
      after.revoked_at = now;
      after.withdraw_reason = "decision revoked";
      after.version = before.version + 1;
      LJ_RETURN_IF_ERROR(
          c.exec("UPDATE publications SET status = 'withdrawn', withdrawn_at = ?, revoked_at = ?, "
                 "withdrawn_by = ?, withdraw_reason = ?, version = version + 1 WHERE id = ?",
                 {now, now, actor.user_id, after.withdraw_reason, before.id}));
      LJ_RETURN_IF_ERROR(store_.audit(c, actor, "withdraw", "publication",
                                      std::to_string(before.id), audit_json(before),
                                      audit_json(after)));
      ++n;
    }
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return n;
}

Result<PublicPage> DisclosureRepo::search_public(const PublicQuery& q) {
  PublicPage page;
  Status st = store_.read([&](Connection& c) -> Status {
    sql::Params params;
    const std::string where = public_where(c.dialect(), q, params);
    LJ_ASSIGN_OR_RETURN(Rows n,
                        c.query("SELECT COUNT(*) FROM publications p WHERE " + where, params));
    page.total = n.at(0).int64(0);
    params.emplace_back(int64_t{q.limit});
    params.emplace_back(int64_t{q.skip});
    LJ_ASSIGN_OR_RETURN(
        Rows rows, c.query(std::string("SELECT ") + kColumns + " FROM publications p WHERE " +
                               where + " ORDER BY p.decided_on DESC, p.id DESC LIMIT ? OFFSET ?",
                           params));
    for (auto& r : rows) page.items.push_back(from_row(r));
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return page;
}

Result<std::vector<Publication>> DisclosureRepo::all_public(const PublicQuery& q) {
  std::vector<Publication> out;
  Status st = store_.read([&](Connection& c) -> Status {
    sql::Params params;
    const std::string where = public_where(c.dialect(), q, params);
    LJ_ASSIGN_OR_RETURN(Rows rows,
                        c.query(std::string("SELECT ") + kColumns + " FROM publications p WHERE " +
                                    where + " ORDER BY p.id",
                                params));
    for (auto& r : rows) out.push_back(from_row(r));
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return out;
}

Result<Publication> DisclosureRepo::get_public(const std::string& kind, int64_t id) {
  Result<Publication> out = Status::Internal("not run");
  Status st = store_.read([&](Connection& c) -> Status {
    LJ_ASSIGN_OR_RETURN(auto p,
                        load(c, "p.id = ? AND p.kind = ? AND p.status = 'published'", {id, kind}));
    if (!p)
      out = Status::NotFound("no published " + kind + " " + std::to_string(id));
    else
      out = std::move(*p);
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return out;
}

Result<std::string> DisclosureRepo::form_key() {
  std::string key;
  Status st = store_.read([&](Connection& c) -> Status {
    LJ_ASSIGN_OR_RETURN(Rows rows, c.query("SELECT secret FROM public_form_keys WHERE id = 1"));
    if (!rows.empty()) key = rows[0].text(0);
    return Status::Ok();
  });
  if (!st.ok()) return st;
  if (key.empty()) {
    st = store_.write([&](Connection& c) -> Status {
      LJ_ASSIGN_OR_RETURN(Rows rows, c.query("SELECT secret FROM public_form_keys WHERE id = 1"));
      if (!rows.empty()) {
        key = rows[0].text(0);
        return Status::Ok();
      }
      key = random_token(32);
      return c.exec("INSERT INTO public_form_keys (id, secret, created_at) VALUES (1, ?, ?)",
                    {key, store_.now()});
    });
    if (!st.ok()) return st;
  }
  return key;
}

Status DisclosureRepo::use_form_nonce(const std::string& nonce) {
  Status st = store_.write([&](Connection& c) -> Status {
    return c.exec("INSERT INTO public_form_nonces (nonce, used_at) VALUES (?, ?)",
                  {nonce, store_.now()});
  });
  if (st.code() == Code::kConflict)
    return Status::Invalid("form_token", "form_token: this form was sent already; load it again");
  return st;
}

Status DisclosureRepo::add_report(const std::string& number, const std::string& secret_hash,
                                  int64_t lead_id) {
  return store_.write([&](Connection& c) -> Status {
    return c.exec(
        "INSERT INTO public_reports (number, secret_hash, lead_id, created_at) VALUES (?, ?, ?, ?)",
        {number, secret_hash, lead_id, store_.now()});
  });
}

Result<PublicReportStatus> DisclosureRepo::report_status(const std::string& number,
                                                         const std::string& secret_hash) {
  Result<PublicReportStatus> out = Status::NotFound("no report " + number + " with this secret");
  Status st = store_.read([&](Connection& c) -> Status {
    LJ_ASSIGN_OR_RETURN(Rows rows,
                        c.query("SELECT r.number, l.received_at, l.status, u.name, r.secret_hash "
                                "FROM public_reports r JOIN leads l ON l.id = r.lead_id "
                                "LEFT JOIN units u ON u.code = l.unit_code WHERE r.number = ?",
                                {number}));
    if (rows.empty() || rows[0].text(4) != secret_hash) return Status::Ok();
    out = PublicReportStatus{rows[0].text(0), rows[0].text(1), rows[0].text(2), rows[0].text(3)};
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return out;
}

}  // namespace lj
