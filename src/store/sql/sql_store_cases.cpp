// SqlStore: cases, their timeline and attachments.
#include "model/json.hpp"
#include "store/sql/keyset.hpp"
#include "store/sql/search.hpp"
#include "store/sql/sql_store.hpp"
#include "store/sql/stats_rollup.hpp"

#include <cstdio>

namespace lj {

using sql::Connection;
using sql::Params;
using sql::Rows;

namespace {
constexpr const char* kCaseColumns =
    "c.id, c.case_no, c.lead_id, c.unit_code, c.unit_path, c.status, c.title, c.summary, "
    "c.product_category, c.special_actions, c.violations, c.enterprise_id, c.is_major, "
    "c.opened_by, c.opened_at, c.updated_at, c.version";

Case case_from_row(const sql::Row& r) {
  Case c;
  c.id = r.int64(0);
  c.case_no = r.text(1);
  c.lead_id = r.opt_int64(2);
  c.unit_code = r.text(3);
  c.unit_path = r.text(4);
  c.status = r.text(5);
  c.title = r.text(6);
  c.summary = r.text(7);
  c.product_category = r.text(8);
  c.special_actions = split_labels(r.text(9));
  c.violations = split_labels(r.text(10));
  c.enterprise_id = r.opt_int64(11);
  c.is_major = r.int64(12) != 0;
  c.opened_by = r.int64(13);
  c.opened_at = r.text(14);
  c.updated_at = r.text(15);
  c.version = r.int64(16);
  return c;
}

constexpr const char* kEventColumns = "id, case_id, at, actor_id, actor_name, kind, note, data";
CaseEvent event_from_row(const sql::Row& r) {
  CaseEvent e;
  e.id = r.int64(0);
  e.case_id = r.int64(1);
  e.at = r.text(2);
  e.actor_id = r.int64(3);
  e.actor_name = r.text(4);
  e.kind = r.text(5);
  e.note = r.text(6);
  e.data = Json::parse(r.text(7), nullptr, false);
  if (e.data.is_discarded()) e.data = Json::object();
  return e;
}

constexpr const char* kAttachmentColumns =
    "a.id, a.entity, a.entity_id, a.sha256, a.size, a.content_type, a.filename, a.uploaded_by, a.uploaded_at";
Attachment attachment_from_row(const sql::Row& r) {
  return Attachment{r.int64(0), r.text(1), r.int64(2), r.text(3), r.int64(4),
                    r.text(5),  r.text(6), r.int64(7), r.text(8)};
}

}  // namespace

Result<CaseEvent> SqlStore::insert_case_event(Connection& c, const CaseEvent& ev) {
  LJ_ASSIGN_OR_RETURN(Rows rows, c.query(
      "INSERT INTO case_events (case_id, at, actor_id, actor_name, kind, note, data) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
      {ev.case_id, ev.at, ev.actor_id, ev.actor_name, ev.kind, sql::text_or_null(ev.note), ev.data.dump()}));
  CaseEvent out = ev;
  out.id = rows.at(0).int64(0);
  return out;
}

Result<Case> SqlStore::load_case(Connection& c, const Actor& actor, int64_t id) {
  Params p{id};
  std::string sql = std::string("SELECT ") + kCaseColumns + " FROM cases c WHERE c.id = ? AND " +
                    scope_predicate(actor, "case", "c", p);
  LJ_ASSIGN_OR_RETURN(Rows rows, c.query(sql, p));
  if (rows.empty()) return Status::NotFound("no case " + std::to_string(id));
  return case_from_row(rows[0]);
}

Result<Case> SqlStore::open_case(const Actor& actor, int64_t lead_id, const Case& draft) {
  Result<Case> out = Status::Internal("not run");
  Status st = write([&](Connection& c) -> Status {
    LJ_ASSIGN_OR_RETURN(Lead lead, load_lead(c, actor, lead_id));
    if (lead.unit_path.rfind(actor.unit_path, 0) != 0)
      return Status::Forbidden("a lead shared with your unit is opened as a case by its own unit");
    if (lead.status == "case_opened")
      return Status::Conflict("lead " + std::to_string(lead_id) + " already has a case", "lead_id");
    if (lead.status == "rejected")
      return Status::Conflict("lead " + std::to_string(lead_id) + " was rejected", "lead_id");
    std::string t = now();
    // Batch loads (demo data, migrations from older systems) may date a case in the past; people
    // and systems on the API always open it now.
    if (!draft.opened_at.empty() && actor.via != "session" && actor.via != "token") t = draft.opened_at;
    // Case number: prefix (agency type + division + 2-digit year) and a 5-digit yearly sequence.
    std::string prefix = draft.case_no.empty() ? "1" + lead.unit_code + t.substr(2, 2) : draft.case_no;
    LJ_ASSIGN_OR_RETURN(Rows seq, c.query(
        "INSERT INTO case_numbers (prefix, last_seq) VALUES (?, 1) ON CONFLICT (prefix) DO UPDATE "
        "SET last_seq = case_numbers.last_seq + 1 RETURNING last_seq", {prefix}));
    char num[16];
    std::snprintf(num, sizeof num, "%05lld", static_cast<long long>(seq.at(0).int64(0)));
    Case cs = draft;
    cs.case_no = prefix + num;
    cs.lead_id = lead.id;
    cs.unit_code = lead.unit_code;
    cs.unit_path = lead.unit_path;
    if (cs.title.empty()) cs.title = lead.title.empty() ? lead.text.substr(0, 90) : lead.title;
    if (cs.product_category.empty()) cs.product_category = lead.product_category;
    if (cs.special_actions.empty()) cs.special_actions = lead.special_actions;
    if (cs.violations.empty()) cs.violations = lead.violations;
    if (!cs.enterprise_id) cs.enterprise_id = lead.enterprise_id;
    cs.opened_by = actor.user_id;
    cs.opened_at = cs.updated_at = t;
    cs.version = 1;
    LJ_ASSIGN_OR_RETURN(Rows rows, c.query(
        "INSERT INTO cases (case_no, lead_id, unit_code, unit_path, status, title, summary, "
        "product_category, special_actions, violations, enterprise_id, is_major, opened_by, "
        "opened_at, updated_at, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1) RETURNING id",
        {cs.case_no, lead.id, cs.unit_code, cs.unit_path, cs.status, cs.title,
         sql::text_or_null(cs.summary), sql::text_or_null(cs.product_category),
         join_labels(cs.special_actions), join_labels(cs.violations), sql::opt(cs.enterprise_id),
         int64_t{cs.is_major}, cs.opened_by, t, t}));
    cs.id = rows.at(0).int64(0);
    LJ_RETURN_IF_ERROR(sql::index_new(c, sql::SearchEntity::kCase, cs.id, sql::case_search_text(cs)));
    LJ_RETURN_IF_ERROR(c.exec(
        "UPDATE leads SET status = 'case_opened', updated_at = ?, version = version + 1 WHERE id = ?", {t, lead.id}));
    CaseEvent ev;
    ev.case_id = cs.id;
    ev.at = t;
    ev.actor_id = actor.user_id;
    ev.actor_name = actor.username;
    ev.kind = "opened";
    ev.note = draft.summary;
    ev.data = Json{{"lead_id", lead.id}, {"case_no", cs.case_no}};
    LJ_RETURN_IF_ERROR(insert_case_event(c, ev).status());
    LJ_RETURN_IF_ERROR(sql::refresh_case_stats(c, cs.id));
    out = cs;
    Lead after = lead;
    after.status = "case_opened";
    after.updated_at = t;
    after.version = lead.version + 1;
    LJ_RETURN_IF_ERROR(audit(c, actor, "update", "lead", std::to_string(lead.id), to_json(lead), to_json(after)));
    return audit(c, actor, "create", "case", std::to_string(cs.id), nullptr, to_json(cs));
  });
  if (!st.ok()) return st;
  return out;
}

Result<Case> SqlStore::get_case(const Actor& actor, int64_t id) {
  Result<Case> out = Status::Internal("not run");
  Status st = read([&](Connection& c) {
    out = load_case(c, actor, id);
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return out;
}

Result<Page<Case>> SqlStore::list_cases(const Actor& actor, const CaseQuery& q) {
  LJ_ASSIGN_OR_RETURN(auto k, sql::parse_keyset(q.sort, {{"opened_at", "opened_at"}, {"id", "id"}},
                                                q.cursor, q.limit));
  Page<Case> page;
  Status st = read([&](Connection& c) -> Status {
    Params p;
    std::string where = " WHERE " + scope_predicate(actor, "case", "c", p);
    if (!q.status.empty()) {
      where += " AND c.status = ?";
      p.emplace_back(q.status);
    }
    if (!q.product_category.empty()) {
      where += " AND c.product_category = ?";
      p.emplace_back(q.product_category);
    }
    if (!q.special_action.empty()) {
      where += " AND c.special_actions LIKE ?";
      p.emplace_back("%," + q.special_action + ",%");
    }
    if (!q.unit_code.empty()) {
      auto unit = load_unit(c, q.unit_code);
      if (!unit.ok()) return Status::Invalid("unit", "no unit with code " + q.unit_code);
      where += " AND c.unit_path LIKE ?";
      p.emplace_back(unit->path + "%");
    }
    if (!q.opened_from.empty()) {
      where += " AND c.opened_at >= ?";
      p.emplace_back(q.opened_from);
    }
    if (!q.opened_to.empty()) {
      where += " AND c.opened_at <= ?";
      p.emplace_back(q.opened_to);
    }
    if (q.lead_id) {
      where += " AND c.lead_id = ?";
      p.emplace_back(*q.lead_id);
    }
    where += sql::search_where(c.dialect(), sql::SearchEntity::kCase, q.q, "c", p);
    where += sql::keyset_where(k, "c", p);
    LJ_ASSIGN_OR_RETURN(Rows rows, c.query(std::string("SELECT ") + kCaseColumns + " FROM cases c" +
                                               where + sql::keyset_order(k, "c"), p));
    for (const auto& r : rows) page.items.push_back(case_from_row(r));
    return Status::Ok();
  });
  if (!st.ok()) return st;
  sql::finish_page(k, page.items, page.next_cursor, [](const Case& cs) { return cs.opened_at; });
  return page;
}

Result<CaseEvent> SqlStore::add_case_event(const Actor& actor, int64_t case_id, const CaseEvent& ev) {
  Result<CaseEvent> out = Status::Internal("not run");
  Status st = write([&](Connection& c) -> Status {
    LJ_ASSIGN_OR_RETURN(Case cs, load_case(c, actor, case_id));
    if (cs.unit_path.rfind(actor.unit_path, 0) != 0)
      return Status::Forbidden("case " + std::to_string(case_id) + " was shared with your unit for reading only");
    CaseEvent e = ev;
    e.case_id = cs.id;
    e.at = now();
    e.actor_id = actor.user_id;
    e.actor_name = actor.username;
    LJ_ASSIGN_OR_RETURN(CaseEvent created, insert_case_event(c, e));
    LJ_RETURN_IF_ERROR(c.exec("UPDATE cases SET updated_at = ? WHERE id = ?", {e.at, cs.id}));
    out = created;
    return audit(c, actor, "create", "case_event", std::to_string(created.id), nullptr, to_json(created));
  });
  if (!st.ok()) return st;
  return out;
}

Result<std::vector<CaseEvent>> SqlStore::load_case_events(Connection& c, int64_t case_id) {
  LJ_ASSIGN_OR_RETURN(Rows rows, c.query(std::string("SELECT ") + kEventColumns +
                                             " FROM case_events WHERE case_id = ? ORDER BY id",
                                         {case_id}));
  std::vector<CaseEvent> out;
  out.reserve(rows.size());
  for (const auto& r : rows) out.push_back(event_from_row(r));
  return out;
}

Result<std::vector<CaseEvent>> SqlStore::case_timeline(const Actor& actor, int64_t case_id) {
  std::vector<CaseEvent> out;
  Status st = read([&](Connection& c) -> Status {
    LJ_RETURN_IF_ERROR(load_case(c, actor, case_id).status());
    LJ_ASSIGN_OR_RETURN(out, load_case_events(c, case_id));
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return out;
}

Result<Attachment> SqlStore::add_attachment(const Actor& actor, const Attachment& a) {
  Result<Attachment> out = Status::Internal("not run");
  Status st = write([&](Connection& c) -> Status {
    std::string owner_path;
    if (a.entity == "case") {
      LJ_ASSIGN_OR_RETURN(Case cs, load_case(c, actor, a.entity_id));
      owner_path = cs.unit_path;
    } else if (a.entity == "lead") {
      LJ_ASSIGN_OR_RETURN(Lead l, load_lead(c, actor, a.entity_id));
      owner_path = l.unit_path;
    } else {
      return Status::Invalid("entity", "attachments belong to a case or a lead");
    }
    if (owner_path.rfind(actor.unit_path, 0) != 0)
      return Status::Forbidden("the record was shared with your unit for reading only");
    Attachment x = a;
    x.uploaded_by = actor.user_id;
    x.uploaded_at = now();
    LJ_ASSIGN_OR_RETURN(Rows rows, c.query(
        "INSERT INTO attachments (entity, entity_id, sha256, size, content_type, filename, uploaded_by, uploaded_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
        {x.entity, x.entity_id, x.sha256, x.size, x.content_type, x.filename, x.uploaded_by, x.uploaded_at}));
    x.id = rows.at(0).int64(0);
    if (x.entity == "case") {
      CaseEvent ev;
      ev.case_id = x.entity_id;
      ev.at = x.uploaded_at;
      ev.actor_id = actor.user_id;
      ev.actor_name = actor.username;
      ev.kind = "attachment_added";
      ev.data = Json{{"attachment_id", x.id}, {"filename", x.filename}, {"sha256", x.sha256}};
      LJ_RETURN_IF_ERROR(insert_case_event(c, ev).status());
    }
    out = x;
    return audit(c, actor, "create", "attachment", std::to_string(x.id), nullptr, to_json(x));
  });
  if (!st.ok()) return st;
  return out;
}

Result<std::vector<Attachment>> SqlStore::list_attachments(const Actor& actor, const std::string& entity,
                                                           int64_t entity_id) {
  std::vector<Attachment> out;
  Status st = read([&](Connection& c) -> Status {
    if (entity == "case") LJ_RETURN_IF_ERROR(load_case(c, actor, entity_id).status());
    else if (entity == "lead") LJ_RETURN_IF_ERROR(load_lead(c, actor, entity_id).status());
    else return Status::Invalid("entity", "attachments belong to a case or a lead");
    LJ_ASSIGN_OR_RETURN(Rows rows, c.query(std::string("SELECT ") + kAttachmentColumns +
                                               " FROM attachments a WHERE a.entity = ? AND a.entity_id = ? ORDER BY a.id",
                                           {entity, entity_id}));
    for (const auto& r : rows) out.push_back(attachment_from_row(r));
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return out;
}

Result<Attachment> SqlStore::get_attachment(const Actor& actor, int64_t id) {
  Result<Attachment> out = Status::NotFound("no attachment " + std::to_string(id));
  Status st = read([&](Connection& c) -> Status {
    LJ_ASSIGN_OR_RETURN(Rows rows, c.query(std::string("SELECT ") + kAttachmentColumns +
                                               " FROM attachments a WHERE a.id = ?", {id}));
    if (rows.empty()) return Status::Ok();
    Attachment a = attachment_from_row(rows[0]);
    // Visible exactly when the record it belongs to is.
    Status visible = a.entity == "case" ? load_case(c, actor, a.entity_id).status()
                                        : load_lead(c, actor, a.entity_id).status();
    if (visible.ok()) out = a;
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return out;
}

}  // namespace lj
