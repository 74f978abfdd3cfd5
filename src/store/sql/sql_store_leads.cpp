// SqlStore: the enterprise registry, leads and shares.
#include "model/json.hpp"
#include "model/lead_rules.hpp"
#include "store/sql/keyset.hpp"
#include "store/sql/search.hpp"
#include "store/sql/sql_store.hpp"
#include "store/sql/stats_rollup.hpp"

namespace lj {

using sql::Connection;
using sql::Params;
using sql::Rows;

namespace {
constexpr const char* kEnterpriseColumns =
    "e.id, e.uscc, e.uscc_valid, e.name, e.former_names, e.address, e.region_code, "
    "e.legal_representative, e.industry_code, e.established_on, e.status, e.created_at, e.updated_at";

Enterprise enterprise_from_row(const sql::Row& r) {
  Enterprise e;
  e.id = r.int64(0);
  e.uscc = r.text(1);
  e.uscc_valid = r.int64(2) != 0;
  e.name = r.text(3);
  e.former_names = r.text(4);
  e.address = r.text(5);
  e.region_code = r.text(6);
  e.legal_representative = r.text(7);
  e.industry_code = r.text(8);
  e.established_on = r.text(9);
  e.status = r.text(10);
  e.created_at = r.text(11);
  e.updated_at = r.text(12);
  return e;
}

constexpr const char* kLeadColumns =
    "l.id, l.source, l.source_id, l.received_at, l.title, l.text, l.channel, l.status, "
    "l.unit_code, l.unit_path, l.enterprise_id, l.enterprise_name, l.enterprise_uscc, "
    "l.enterprise_address, l.region_code, l.product_name, l.product_category, "
    "l.special_actions, l.violations, l.amount_involved_fen, l.reporter_name, l.reporter_phone, "
    "l.extra, l.created_at, l.updated_at, l.version";

// Moves the text out of `r` (rows are read once).
Lead lead_from_row(sql::Row& r) {
  Lead l;
  l.id = r.int64(0);
  l.source = r.take_text(1);
  l.source_id = r.take_text(2);
  l.received_at = r.take_text(3);
  l.title = r.take_text(4);
  l.text = r.take_text(5);
  l.channel = r.take_text(6);
  l.status = r.take_text(7);
  l.unit_code = r.take_text(8);
  l.unit_path = r.take_text(9);
  l.enterprise_id = r.opt_int64(10);
  l.enterprise_name = r.take_text(11);
  l.enterprise_uscc = r.take_text(12);
  l.enterprise_address = r.take_text(13);
  l.region_code = r.take_text(14);
  l.product_name = r.take_text(15);
  l.product_category = r.take_text(16);
  l.special_actions = split_labels(r.take_text(17));
  l.violations = split_labels(r.take_text(18));
  l.amount_involved_fen = r.opt_int64(19);
  l.reporter_name = r.take_text(20);
  l.reporter_phone = r.take_text(21);
  std::string extra = r.take_text(22);
  if (extra != "{}") {
    l.extra = Json::parse(extra, nullptr, false);
    if (l.extra.is_discarded()) l.extra = Json::object();
  }
  l.created_at = r.take_text(23);
  l.updated_at = r.take_text(24);
  l.version = r.int64(25);
  return l;
}

const std::map<std::string, std::string> kLeadSorts = {
    {"received_at", "received_at"}, {"updated_at", "updated_at"}, {"id", "id"}};

std::string lead_sort_value(const Lead& l, const std::string& column) {
  return column == "updated_at" ? l.updated_at : l.received_at;
}
}  // namespace

Result<Upserted> SqlStore::upsert_enterprise(const Actor& actor, const Enterprise& e) {
  Upserted out;
  Status st = write([&](Connection& c) -> Status {
    if (!e.uscc.empty()) {
      LJ_ASSIGN_OR_RETURN(Rows old, c.query("SELECT id FROM enterprises WHERE uscc = ?", {e.uscc}));
      if (!old.empty()) {
        out.id = old[0].int64(0);
        return Status::Ok();
      }
    }
    std::string t = now();
    LJ_ASSIGN_OR_RETURN(Rows rows, c.query(
        "INSERT INTO enterprises (uscc, uscc_valid, name, former_names, address, region_code, "
        "legal_representative, industry_code, established_on, status, created_at, updated_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
        {sql::text_or_null(e.uscc), int64_t{e.uscc_valid}, e.name, sql::text_or_null(e.former_names),
         sql::text_or_null(e.address), sql::text_or_null(e.region_code),
         sql::text_or_null(e.legal_representative), sql::text_or_null(e.industry_code),
         sql::text_or_null(e.established_on), sql::text_or_null(e.status), t, t}));
    out.id = rows.at(0).int64(0);
    out.created = true;
    LJ_RETURN_IF_ERROR(sql::index_new(c, sql::SearchEntity::kEnterprise, out.id,
                                      sql::enterprise_search_text(e)));
    Enterprise created = e;
    created.id = out.id;
    created.created_at = created.updated_at = t;
    return audit(c, actor, "create", "enterprise", std::to_string(out.id), nullptr, to_json(created));
  });
  if (!st.ok()) return st;
  return out;
}

Result<Enterprise> SqlStore::get_enterprise(int64_t id) {
  Result<Enterprise> out = Status::NotFound("no enterprise " + std::to_string(id));
  Status st = read([&](Connection& c) -> Status {
    LJ_ASSIGN_OR_RETURN(Rows rows, c.query(std::string("SELECT ") + kEnterpriseColumns +
                                               " FROM enterprises e WHERE e.id = ?", {id}));
    if (!rows.empty()) out = enterprise_from_row(rows[0]);
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return out;
}

Result<Page<Enterprise>> SqlStore::list_enterprises(const EnterpriseQuery& q) {
  LJ_ASSIGN_OR_RETURN(auto k, sql::parse_keyset("id", {{"id", "id"}}, q.cursor, q.limit));
  Page<Enterprise> page;
  Status st = read([&](Connection& c) -> Status {
    Params p;
    std::string where = " WHERE 1 = 1";
    if (!q.region_code.empty()) {
      where += " AND e.region_code LIKE ? ESCAPE '\\'";
      p.emplace_back(sql::like_prefix(q.region_code));
    }
    if (!q.uscc.empty()) {
      where += " AND e.uscc = ?";
      p.emplace_back(q.uscc);
    }
    if (!q.name_prefix.empty()) {
      where += " AND e.name LIKE ? ESCAPE '\\'";
      p.emplace_back(sql::like_prefix(q.name_prefix));
    }
    where += sql::search_where(c.dialect(), sql::SearchEntity::kEnterprise, q.q, "e", p);
    where += sql::keyset_where(k, "e", p);
    LJ_ASSIGN_OR_RETURN(Rows rows, c.query(std::string("SELECT ") + kEnterpriseColumns +
                                               " FROM enterprises e" + where + sql::keyset_order(k, "e"), p));
    for (const auto& r : rows) page.items.push_back(enterprise_from_row(r));
    return Status::Ok();
  });
  if (!st.ok()) return st;
  sql::finish_page(k, page.items, page.next_cursor, [](const Enterprise&) { return std::string(); });
  return page;
}

Result<Upserted> SqlStore::insert_lead(const Actor& actor, const Lead& lead) {
  Upserted out;
  Status st = write([&](Connection& c) -> Status {
    LJ_ASSIGN_OR_RETURN(Rows old, c.query("SELECT id FROM leads WHERE source = ? AND source_id = ?",
                                          {lead.source, lead.source_id}));
    if (!old.empty()) {
      out.id = old[0].int64(0);
      return Status::Ok();
    }
    auto unit = load_unit(c, lead.unit_code);
    if (!unit.ok()) return Status::Invalid("unit_code", "no unit with code " + lead.unit_code);
    if (unit->path.rfind(actor.unit_path, 0) != 0)
      return Status::Invalid("unit_code", "unit " + lead.unit_code + " is outside your scope");
    std::string t = now();
    LJ_ASSIGN_OR_RETURN(Rows rows, c.query(
        "INSERT INTO leads (source, source_id, received_at, title, text, channel, status, unit_code, "
        "unit_path, enterprise_id, enterprise_name, enterprise_uscc, enterprise_address, region_code, "
        "product_name, product_category, special_actions, violations, amount_involved_fen, "
        "reporter_name, reporter_phone, extra, created_at, updated_at, version) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1) RETURNING id",
        {lead.source, lead.source_id, lead.received_at, sql::text_or_null(lead.title), lead.text,
         lead.channel, lead.status, lead.unit_code, unit->path, sql::opt(lead.enterprise_id),
         sql::text_or_null(lead.enterprise_name), sql::text_or_null(lead.enterprise_uscc),
         sql::text_or_null(lead.enterprise_address), sql::text_or_null(lead.region_code),
         sql::text_or_null(lead.product_name), sql::text_or_null(lead.product_category),
         join_labels(lead.special_actions), join_labels(lead.violations),
         sql::opt(lead.amount_involved_fen), sql::text_or_null(lead.reporter_name),
         sql::text_or_null(lead.reporter_phone), lead.extra.dump(), t, t}));
    out.id = rows.at(0).int64(0);
    out.created = true;
    LJ_RETURN_IF_ERROR(sql::index_new_lead(c, out.id, lead));
    LJ_ASSIGN_OR_RETURN(Lead created, load_lead(c, Actor::system("read"), out.id));
    sql::LeadRollupDelta rollup;
    rollup.add(created, 1);
    LJ_RETURN_IF_ERROR(rollup.apply(c));
    return audit(c, actor, "create", "lead", std::to_string(out.id), nullptr, to_json(created));
  });
  if (!st.ok()) return st;
  return out;
}

Result<Lead> SqlStore::load_lead(Connection& c, const Actor& actor, int64_t id) {
  Params p{id};
  std::string sql = std::string("SELECT ") + kLeadColumns + " FROM leads l WHERE l.id = ? AND " +
                    scope_predicate(actor, "lead", "l", p);
  LJ_ASSIGN_OR_RETURN(Rows rows, c.query(sql, p));
  if (rows.empty()) return Status::NotFound("no lead " + std::to_string(id));
  return lead_from_row(rows[0]);
}

Result<Lead> SqlStore::get_lead(const Actor& actor, int64_t id) {
  Result<Lead> out = Status::Internal("not run");
  Status st = read([&](Connection& c) {
    out = load_lead(c, actor, id);
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return out;
}

Result<Lead> SqlStore::update_lead(const Actor& actor, int64_t id, const LeadPatch& patch) {
  Result<Lead> out = Status::Internal("not run");
  Status st = write([&](Connection& c) -> Status {
    LJ_ASSIGN_OR_RETURN(Lead before, load_lead(c, actor, id));
    // Shared records are readable by the receiving unit; changes stay with the owning subtree.
    if (before.unit_path.rfind(actor.unit_path, 0) != 0)
      return Status::Forbidden("lead " + std::to_string(id) + " was shared with your unit for reading only");
    if (patch.expected_version && *patch.expected_version != before.version)
      return Status::Conflict("lead " + std::to_string(id) + " was changed by someone else (version " +
                                  std::to_string(before.version) + ")", "version");
    if (before.status == "case_opened" && patch.status && *patch.status != before.status)
      return Status::Conflict("lead " + std::to_string(id) + " has a case; its status stays case_opened", "status");
    Lead l = before;
    if (patch.title) l.title = *patch.title;
    if (patch.text) l.text = *patch.text;
    if (patch.status) l.status = *patch.status;
    if (patch.product_category) l.product_category = *patch.product_category;
    if (patch.product_name) l.product_name = *patch.product_name;
    if (patch.channel) l.channel = *patch.channel;
    if (patch.region_code) l.region_code = *patch.region_code;
    if (patch.special_actions) l.special_actions = *patch.special_actions;
    if (patch.violations) l.violations = *patch.violations;
    if (patch.enterprise_id) {
      l.enterprise_id = *patch.enterprise_id;
      if (l.enterprise_id) {
        LJ_ASSIGN_OR_RETURN(Rows e, c.query("SELECT id FROM enterprises WHERE id = ?", {*l.enterprise_id}));
        if (e.empty())
          return Status::Invalid("enterprise_id", "no enterprise " + std::to_string(*l.enterprise_id));
      }
    }
    if (patch.unit_code && *patch.unit_code != l.unit_code) {
      auto unit = load_unit(c, *patch.unit_code);
      if (!unit.ok() || unit->path.rfind(actor.unit_path, 0) != 0)
        return Status::Invalid("unit_code", "no unit with code " + *patch.unit_code + " in your scope");
      l.unit_code = unit->code;
      l.unit_path = unit->path;
    }
    apply_channel_rule(l);
    l.updated_at = now();
    l.version = before.version + 1;
    LJ_RETURN_IF_ERROR(c.exec(
        "UPDATE leads SET title = ?, text = ?, status = ?, product_category = ?, product_name = ?, "
        "channel = ?, region_code = ?, special_actions = ?, violations = ?, enterprise_id = ?, "
        "unit_code = ?, unit_path = ?, updated_at = ?, version = ? WHERE id = ? AND version = ?",
        {sql::text_or_null(l.title), l.text, l.status, sql::text_or_null(l.product_category),
         sql::text_or_null(l.product_name), l.channel, sql::text_or_null(l.region_code),
         join_labels(l.special_actions), join_labels(l.violations), sql::opt(l.enterprise_id),
         l.unit_code, l.unit_path, l.updated_at, l.version, id, before.version}));
    LJ_RETURN_IF_ERROR(sql::reindex_lead(c, id, before, l));
    sql::LeadRollupDelta rollup;
    rollup.add(before, -1);
    rollup.add(l, 1);
    LJ_RETURN_IF_ERROR(rollup.apply(c));
    out = l;
    return audit(c, actor, "update", "lead", std::to_string(id), to_json(before), to_json(l));
  });
  if (!st.ok()) return st;
  return out;
}

Result<Page<Lead>> SqlStore::list_leads(const Actor& actor, const LeadQuery& q) {
  LJ_ASSIGN_OR_RETURN(auto k, sql::parse_keyset(q.sort, kLeadSorts, q.cursor, q.limit));
  Page<Lead> page;
  Status st = read([&](Connection& c) -> Status {
    Params p;
    std::string where = " WHERE " + scope_predicate(actor, "lead", "l", p);
    auto eq = [&](const std::string& value, const char* column) {
      if (value.empty()) return;
      where += std::string(" AND l.") + column + " = ?";
      p.emplace_back(value);
    };
    eq(q.source, "source");
    eq(q.status, "status");
    eq(q.product_category, "product_category");
    eq(q.channel, "channel");
    if (!q.unit_code.empty()) {
      auto unit = load_unit(c, q.unit_code);
      if (!unit.ok()) return Status::Invalid("unit", "no unit with code " + q.unit_code);
      where += " AND l.unit_path LIKE ?";
      p.emplace_back(unit->path + "%");
    }
    if (!q.special_action.empty()) {
      where += " AND l.special_actions LIKE ?";
      p.emplace_back("%," + q.special_action + ",%");
    }
    if (!q.received_from.empty()) {
      where += " AND l.received_at >= ?";
      p.emplace_back(q.received_from);
    }
    if (!q.received_to.empty()) {
      where += " AND l.received_at <= ?";
      p.emplace_back(q.received_to);
    }
    if (q.enterprise_id) {
      where += " AND l.enterprise_id = ?";
      p.emplace_back(*q.enterprise_id);
    }
    if (q.grouped) {
      where += " AND NOT EXISTS (SELECT 1 FROM lead_groups g JOIN leads p ON p.id = g.group_id "
               "WHERE g.lead_id = l.id AND g.group_id <> l.id AND p.unit_path LIKE ?)";
      p.emplace_back(actor.unit_path + "%");
    }
    where += sql::lead_search_where(c.dialect(), q.q, "l", p);
    where += sql::keyset_where(k, "l", p);
    LJ_ASSIGN_OR_RETURN(Rows rows, c.query(std::string("SELECT ") + kLeadColumns + " FROM leads l" +
                                               where + sql::keyset_order(k, "l"), p));
    page.items.reserve(rows.size());
    for (auto& r : rows) page.items.push_back(lead_from_row(r));
    return Status::Ok();
  });
  if (!st.ok()) return st;
  sql::finish_page(k, page.items, page.next_cursor,
                   [&](const Lead& l) { return lead_sort_value(l, k.column); });
  return page;
}

Result<int64_t> SqlStore::count_leads() {
  int64_t n = 0;
  Status st = read([&](Connection& c) -> Status {
    LJ_ASSIGN_OR_RETURN(Rows rows, c.query("SELECT COUNT(*) FROM leads"));
    n = rows.at(0).int64(0);
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return n;
}

Status SqlStore::share(const Actor& actor, const std::string& entity, int64_t id,
                       const std::string& unit_code) {
  if (entity != "lead" && entity != "case") return Status::Invalid("entity", "only leads and cases can be shared");
  return write([&](Connection& c) -> Status {
    if (entity == "lead") {
      LJ_ASSIGN_OR_RETURN(Lead l, load_lead(c, actor, id));
      if (l.unit_path.rfind(actor.unit_path, 0) != 0) return Status::Forbidden("only the owning units may share a lead");
    } else {
      LJ_ASSIGN_OR_RETURN(Case cs, load_case(c, actor, id));
      if (cs.unit_path.rfind(actor.unit_path, 0) != 0) return Status::Forbidden("only the owning units may share a case");
    }
    auto unit = load_unit(c, unit_code);
    if (!unit.ok()) return Status::Invalid("unit_code", "no unit with code " + unit_code);
    LJ_ASSIGN_OR_RETURN(Rows rows, c.query(
        "INSERT INTO shares (entity, entity_id, unit_code, shared_by, shared_at) VALUES (?, ?, ?, ?, ?) "
        "ON CONFLICT (entity, entity_id, unit_code) DO NOTHING RETURNING entity_id",
        {entity, id, unit_code, actor.user_id, now()}));
    if (rows.empty()) return Status::Ok();
    return audit(c, actor, "share", entity, std::to_string(id), nullptr, Json{{"unit_code", unit_code}});
  });
}

}  // namespace lj
