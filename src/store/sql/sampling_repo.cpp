#include "store/sql/sampling_repo.hpp"

#include <map>

#include "model/json.hpp"

namespace lj::sql {
namespace {

constexpr const char* kInsertSample =
    "INSERT INTO sampling_results (source_id, sampled_on, sampled_month, enterprise_id, "
    "enterprise_name, enterprise_uscc, enterprise_address, region_code, unit_code, unit_path, "
    "product_name, product_category, special_actions, batch_no, standard, result, failed, "
    "failed_items, lab, sampling_level, created_at) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
    "ON CONFLICT (source_id) DO NOTHING RETURNING id";
constexpr const char* kSampleIdByKey = "SELECT id FROM sampling_results WHERE source_id = ?";
constexpr const char* kEnterpriseByUscc = "SELECT id FROM enterprises WHERE uscc = ?";
constexpr const char* kEnterpriseByName =
    "SELECT id FROM enterprises WHERE name = ? ORDER BY id LIMIT 1";
constexpr const char* kSampleColumns =
    "s.id, s.source_id, s.sampled_on, s.enterprise_id, s.enterprise_name, s.enterprise_uscc, "
    "s.enterprise_address, s.region_code, s.unit_code, s.unit_path, s.product_name, "
    "s.product_category, s.special_actions, s.batch_no, s.standard, s.result, s.failed_items, "
    "s.lab, s.sampling_level, s.created_at";

screen::SamplingResult sample_from_row(Row& r) {
  screen::SamplingResult s;
  s.id = r.int64(0);
  s.source_id = r.take_text(1);
  s.sampled_on = r.take_text(2);
  s.enterprise_id = r.opt_int64(3);
  s.enterprise_name = r.take_text(4);
  s.enterprise_uscc = r.take_text(5);
  s.enterprise_address = r.take_text(6);
  s.region_code = r.take_text(7);
  s.unit_code = r.take_text(8);
  s.unit_path = r.take_text(9);
  s.product_name = r.take_text(10);
  s.product_category = r.take_text(11);
  s.special_actions = split_labels(r.text(12));
  s.batch_no = r.take_text(13);
  s.standard = r.take_text(14);
  s.result = r.take_text(15);
  s.failed_items = r.take_text(16);
  s.lab = r.take_text(17);
  s.sampling_level = r.take_text(18);
  s.created_at = r.take_text(19);
  return s;
}

Result<std::optional<int64_t>> find_enterprise(Connection& c, const screen::SamplingResult& s) {
  if (!s.enterprise_uscc.empty()) {
    LJ_ASSIGN_OR_RETURN(Rows rows, c.query(kEnterpriseByUscc, {s.enterprise_uscc}));
    if (!rows.empty()) return std::optional<int64_t>(rows[0].int64(0));
  }
  LJ_ASSIGN_OR_RETURN(Rows rows, c.query(kEnterpriseByName, {s.enterprise_name}));
  if (!rows.empty()) return std::optional<int64_t>(rows[0].int64(0));
  return std::optional<int64_t>();
}

}  // namespace

Result<std::vector<Upserted>> insert_sampling_results(
    SqlStore& store, const Actor& actor, std::vector<screen::SamplingResult>& results) {
  std::vector<Upserted> out(results.size());
  if (results.empty()) return out;
  Status st = store.write([&](Connection& c) -> Status {
    LJ_ASSIGN_OR_RETURN(SqlStore::AuditTail tail, store.audit_tail(c));
    std::map<std::string, Result<Unit>> units;
    const std::string t = store.now();
    for (size_t i = 0; i < results.size(); ++i) {
      screen::SamplingResult& s = results[i];
      auto u = units.find(s.unit_code);
      if (u == units.end()) u = units.emplace(s.unit_code, store.load_unit(c, s.unit_code)).first;
      const std::string field = "results[" + std::to_string(i) + "].unit_code";
      if (!u->second.ok()) return Status::Invalid(field, "no unit with code " + s.unit_code);
      if (u->second->path.rfind(actor.unit_path, 0) != 0)
        return Status::Invalid(field, "unit " + s.unit_code + " is outside your scope");
      s.unit_path = u->second->path;
      if (!s.enterprise_id) {
        LJ_ASSIGN_OR_RETURN(s.enterprise_id, find_enterprise(c, s));
      }
      LJ_ASSIGN_OR_RETURN(Rows rows, c.query(kInsertSample, {s.source_id,
                                                             s.sampled_on,
                                                             s.sampled_on.substr(0, 7),
                                                             opt(s.enterprise_id),
                                                             s.enterprise_name,
                                                             text_or_null(s.enterprise_uscc),
                                                             text_or_null(s.enterprise_address),
                                                             text_or_null(s.region_code),
                                                             s.unit_code,
                                                             s.unit_path,
                                                             s.product_name,
                                                             s.product_category,
                                                             join_labels(s.special_actions),
                                                             text_or_null(s.batch_no),
                                                             text_or_null(s.standard),
                                                             s.result,
                                                             int64_t{s.failed() ? 1 : 0},
                                                             text_or_null(s.failed_items),
                                                             text_or_null(s.lab),
                                                             s.sampling_level,
                                                             t}));
      if (rows.empty()) {
        LJ_ASSIGN_OR_RETURN(Rows old, c.query(kSampleIdByKey, {s.source_id}));
        if (old.empty()) return Status::Internal("sampling key vanished inside its transaction");
        out[i] = Upserted{old[0].int64(0), false};
        continue;
      }
      out[i] = Upserted{rows[0].int64(0), true};
      screen::SamplingResult created = s;
      created.id = out[i].id;
      created.created_at = t;
      LJ_RETURN_IF_ERROR(store.append_audit(c, tail, actor, "create", "sampling_result",
                                            std::to_string(created.id), nullptr,
                                            screen::to_json(created)));
    }
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return out;
}

Result<std::vector<Upserted>> store_sampling_batch(Store& store, const Actor& actor,
                                                   std::vector<screen::SamplingResult>& results) {
  LJ_ASSIGN_OR_RETURN(std::vector<Upserted> stored,
                      insert_sampling_results(store.sql(), actor, results));
  std::vector<Lead> leads;
  for (const screen::SamplingResult& s : results)
    if (s.failed()) leads.push_back(screen::lead_of_failed_sample(s));
  LJ_RETURN_IF_ERROR(store.insert_leads(actor, leads).status());
  return stored;
}

Result<Page<screen::SamplingResult>> list_sampling_results(SqlStore& store, const Actor& actor,
                                                           const SamplingQuery& q) {
  Params params;
  std::string sql = std::string("SELECT ") + kSampleColumns + " FROM sampling_results s WHERE " +
                    scope_predicate(actor, "sampling_result", "s", params);
  if (!q.unit_code.empty()) {
    auto unit = store.get_unit(q.unit_code);
    if (!unit.ok()) return Status::Invalid("unit", "no unit with code " + q.unit_code);
    if (unit->path.rfind(actor.unit_path, 0) != 0)
      return Status::NotFound("no unit " + q.unit_code);
    sql += " AND s.unit_path LIKE ?";
    params.emplace_back(unit->path + "%");  // paths are digits and slashes
  }
  if (!q.product_category.empty()) {
    sql += " AND s.product_category = ?";
    params.emplace_back(q.product_category);
  }
  if (!q.result.empty()) {
    sql += " AND s.result = ?";
    params.emplace_back(q.result);
  }
  if (!q.special_action.empty()) {
    sql += " AND s.special_actions LIKE ?";
    params.emplace_back("%," + q.special_action + ",%");
  }
  if (q.enterprise_id) {
    sql += " AND s.enterprise_id = ?";
    params.emplace_back(*q.enterprise_id);
  }
  if (!q.from.empty()) {
    sql += " AND s.sampled_on >= ?";
    params.emplace_back(q.from);
  }
  if (!q.to.empty()) {
    sql += " AND s.sampled_on <= ?";
    params.emplace_back(q.to);
  }
  if (!q.cursor.empty()) {
    // cursor: "<sampled_on>|<id>" of the last row shown
    const size_t bar = q.cursor.find('|');
    if (bar == std::string::npos || bar + 1 >= q.cursor.size())
      return Status::Invalid("cursor", "cursor is not one this list returned");
    int64_t after_id = 0;
    try {
      after_id = std::stoll(q.cursor.substr(bar + 1));
    } catch (...) {
      return Status::Invalid("cursor", "cursor is not one this list returned");
    }
    sql += " AND (s.sampled_on < ? OR (s.sampled_on = ? AND s.id < ?))";
    params.emplace_back(q.cursor.substr(0, bar));
    params.emplace_back(q.cursor.substr(0, bar));
    params.emplace_back(after_id);
  }
  sql += " ORDER BY s.sampled_on DESC, s.id DESC LIMIT " + std::to_string(q.limit + 1);
  Page<screen::SamplingResult> page;
  LJ_RETURN_IF_ERROR(store.read([&](Connection& c) -> Status {
    LJ_ASSIGN_OR_RETURN(Rows rows, c.query(sql, params));
    for (Row& r : rows) page.items.push_back(sample_from_row(r));
    return Status::Ok();
  }));
  if (static_cast<int>(page.items.size()) > q.limit) {
    page.items.resize(static_cast<size_t>(q.limit));
    page.next_cursor = page.items.back().sampled_on + "|" + std::to_string(page.items.back().id);
  }
  return page;
}

}  // namespace lj::sql
