#include "store/sql/stats_rollup.hpp"

#include "model/json.hpp"

namespace lj::sql {
namespace {

std::string month_of(const std::string& iso) { return iso.size() >= 7 ? iso.substr(0, 7) : ""; }

constexpr const char* kUpsertLeadRollup =
    "INSERT INTO stats_lead_rollup (month, unit_code, source, product_category, special_actions, "
    "violations, leads) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (month, unit_code, source, "
    "product_category, special_actions, violations) DO UPDATE SET leads = stats_lead_rollup.leads "
    "+ EXCLUDED.leads";
constexpr const char* kUpsertLeadMargin =
    "INSERT INTO stats_lead_margins (dim, month, unit_code, value, value2, leads) VALUES (?, ?, ?, "
    "?, ?, ?) ON CONFLICT (dim, month, unit_code, value, value2) DO UPDATE SET leads = "
    "stats_lead_margins.leads + "
    "EXCLUDED.leads";
constexpr const char* kDeleteEmptyLeadMargin =
    "DELETE FROM stats_lead_margins WHERE dim = ? AND month = ? AND unit_code = ? AND value = ? "
    "AND value2 = ? AND leads = 0";
constexpr const char* kDeleteEmptyLeadRollup =
    "DELETE FROM stats_lead_rollup WHERE month = ? AND unit_code = ? AND source = ? AND "
    "product_category = ? AND special_actions = ? AND violations = ? AND leads = 0";

// The base-table inputs of a case's contribution. A case recorded without the procedure (no
// case_progress row: the demo's, older data) counts as filed in the month it was opened unless
// it still waits for or was refused filing, and as closed in that month when its status is
// closed.
constexpr const char* kCaseInputs =
    "SELECT c.id, c.unit_code, COALESCE(c.product_category, ''), c.special_actions, c.violations, "
    "c.is_major, c.status, c.opened_at, p.case_id, p.filed_at, p.closed_at, f.facts, f.major, "
    "(SELECT MIN(e.at) FROM case_events e WHERE e.case_id = c.id AND e.kind = 'action' AND "
    "e.data LIKE '%\"to\":\"transferred\"%'), "
    "(SELECT COUNT(*) FROM case_deadlines d WHERE d.case_id = c.id AND d.due_on IS NOT NULL AND "
    "d.ended_on IS NOT NULL AND d.ended_on > d.due_on) "
    "FROM cases c LEFT JOIN case_progress p ON p.case_id = c.id "
    "LEFT JOIN case_facts f ON f.case_id = c.id";

constexpr const char* kCaseRowColumns =
    "case_id, unit_code, product_category, special_actions, violations, filed_month, "
    "closed_month, transferred_month, major, within_deadline, fines_fen, goods_value_fen, "
    "illegal_income_fen";

int64_t json_fen(const Json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_number_integer() ? it->get<int64_t>() : 0;
}

CaseStatsRow case_row_from(const Row& r) {
  CaseStatsRow s;
  s.case_id = r.int64(0);
  s.unit_code = r.text(1);
  s.product_category = r.text(2);
  s.special_actions = r.text(3);
  s.violations = r.text(4);
  const std::string status = r.text(6), opened = r.text(7);
  const bool has_progress = !r.is_null(8);
  if (has_progress) {
    s.filed_month = month_of(r.text(9));
    s.closed_month = month_of(r.text(10));
  } else {
    if (status != "filing_review" && status != "not_filed") s.filed_month = month_of(opened);
    if (status == "closed") s.closed_month = month_of(opened);
  }
  s.major = r.int64(5) != 0 || (!r.is_null(12) && r.int64(12) != 0);
  if (!r.is_null(13)) s.transferred_month = month_of(r.text(13));
  else if (status == "transferred") s.transferred_month = month_of(opened);
  s.within_deadline = !s.closed_month.empty() && r.int64(14) == 0;
  if (!r.is_null(11)) {
    Json facts = Json::parse(r.text(11), nullptr, false);
    if (facts.is_object()) {
      if (auto p = facts.find("penalties"); p != facts.end() && p->is_array())
        for (const auto& pen : *p)
          if (pen.is_object() && pen.value("kind", "") == "fine") s.fines_fen += json_fen(pen, "amount_fen");
      s.goods_value_fen = json_fen(facts, "goods_value_fen");
      s.illegal_income_fen = json_fen(facts, "illegal_income_fen");
    }
  }
  return s;
}

// Adds `sign` times the case's contribution to stats_case_rollup.
Status add_case_row(Connection& c, const CaseStatsRow& s, int64_t sign) {
  std::map<CaseRollupKey, CaseFigures> parts;
  add_case_figures(s, sign, parts);
  for (const auto& [k, f] : parts) {
    Params key(k.begin(), k.end());
    Params row = key;
    for (int64_t v : f) row.emplace_back(v);
    LJ_RETURN_IF_ERROR(c.exec(
        "INSERT INTO stats_case_rollup (month, unit_code, product_category, special_actions, "
        "violations, filed, closed, major, transferred, closed_within_deadline, fines_fen, "
        "goods_value_fen, illegal_income_fen) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
        "ON CONFLICT (month, unit_code, product_category, special_actions, violations) DO UPDATE "
        "SET filed = stats_case_rollup.filed + EXCLUDED.filed, "
        "closed = stats_case_rollup.closed + EXCLUDED.closed, "
        "major = stats_case_rollup.major + EXCLUDED.major, "
        "transferred = stats_case_rollup.transferred + EXCLUDED.transferred, "
        "closed_within_deadline = stats_case_rollup.closed_within_deadline + "
        "EXCLUDED.closed_within_deadline, "
        "fines_fen = stats_case_rollup.fines_fen + EXCLUDED.fines_fen, "
        "goods_value_fen = stats_case_rollup.goods_value_fen + EXCLUDED.goods_value_fen, "
        "illegal_income_fen = stats_case_rollup.illegal_income_fen + EXCLUDED.illegal_income_fen",
        row));
    if (sign < 0)
      LJ_RETURN_IF_ERROR(c.exec(
          "DELETE FROM stats_case_rollup WHERE month = ? AND unit_code = ? AND product_category = ? "
          "AND special_actions = ? AND violations = ? AND filed = 0 AND closed = 0 AND major = 0 "
          "AND transferred = 0 AND closed_within_deadline = 0 AND fines_fen = 0 AND "
          "goods_value_fen = 0 AND illegal_income_fen = 0",
          key));
  }
  return Status::Ok();
}

}  // namespace

void add_case_figures(const CaseStatsRow& s, int64_t sign,
                      std::map<CaseRollupKey, CaseFigures>& out) {
  auto part = [&](const std::string& month, const CaseFigures& f) {
    if (month.empty()) return;
    CaseFigures& to = out[{month, s.unit_code, s.product_category, s.special_actions, s.violations}];
    for (size_t i = 0; i < f.size(); ++i) to[i] += sign * f[i];
  };
  part(s.filed_month, {1, 0, s.major ? 1 : 0, 0, 0, 0, 0, 0});
  part(s.transferred_month, {0, 0, 0, 1, 0, 0, 0, 0});
  part(s.closed_month, {0, 1, 0, 0, s.within_deadline ? 1 : 0, s.fines_fen, s.goods_value_fen,
                        s.illegal_income_fen});
}

void LeadRollupDelta::add(const std::string& received_at, const std::string& unit_code,
                          const std::string& source, const std::string& product_category,
                          const std::string& special_actions, const std::string& violations,
                          int64_t n) {
  counts_[{month_of(received_at), unit_code, source, product_category, special_actions,
           violations}] += n;
}

void LeadRollupDelta::add(const Lead& lead, int64_t n) {
  add(lead.received_at, lead.unit_code, lead.source, lead.product_category,
      join_labels(lead.special_actions), join_labels(lead.violations), n);
}

void add_lead_margins(const std::array<std::string, 6>& key, int64_t n,
                      std::map<MarginKey, int64_t>& margins) {
  const std::string& month = key[0];
  const std::string& unit = key[1];
  // A lead without special actions (violations) counts under the value "" of the dimension.
  auto values = [](const std::string& list) {
    auto v = split_labels(list);
    if (v.empty()) v.emplace_back();
    return v;
  };
  const std::pair<std::string, std::vector<std::string>> dims[] = {
      {"source", {key[2]}},
      {"product_category", {key[3]}},
      {"special_action", values(key[4])},
      {"violation", values(key[5])}};
  margins[{"all", month, unit, "", ""}] += n;
  for (size_t i = 0; i < std::size(dims); ++i) {
    for (const auto& a : dims[i].second) margins[{dims[i].first, month, unit, a, ""}] += n;
    for (size_t j = i + 1; j < std::size(dims); ++j)
      for (const auto& a : dims[i].second)
        for (const auto& b : dims[j].second)
          margins[{dims[i].first + "+" + dims[j].first, month, unit, a, b}] += n;
  }
}

Status LeadRollupDelta::apply(Connection& c) const {
  std::map<MarginKey, int64_t> margins;
  for (const auto& [k, n] : counts_) add_lead_margins(k, n, margins);
  for (const auto& [k, n] : margins) {
    if (n == 0) continue;
    Params key(k.begin(), k.end());
    Params row = key;
    row.emplace_back(n);
    LJ_RETURN_IF_ERROR(c.exec(kUpsertLeadMargin, row));
    if (n < 0) LJ_RETURN_IF_ERROR(c.exec(kDeleteEmptyLeadMargin, key));
  }
  for (const auto& [k, n] : counts_) {
    if (n == 0) continue;
    Params key(k.begin(), k.end());
    Params row = key;
    row.emplace_back(n);
    LJ_RETURN_IF_ERROR(c.exec(kUpsertLeadRollup, row));
    if (n < 0) LJ_RETURN_IF_ERROR(c.exec(kDeleteEmptyLeadRollup, key));
  }
  return Status::Ok();
}

Result<std::vector<CaseStatsRow>> compute_case_stats(Connection& c,
                                                      std::optional<int64_t> case_id) {
  Params p;
  std::string sql = kCaseInputs;
  if (case_id) {
    sql += " WHERE c.id = ?";
    p.emplace_back(*case_id);
  }
  LJ_ASSIGN_OR_RETURN(Rows rows, c.query(sql + " ORDER BY c.id", p));
  std::vector<CaseStatsRow> out;
  out.reserve(rows.size());
  for (const Row& r : rows) out.push_back(case_row_from(r));
  return out;
}

Status refresh_case_stats(Connection& c, int64_t case_id) {
  LJ_ASSIGN_OR_RETURN(auto now, compute_case_stats(c, case_id));
  LJ_ASSIGN_OR_RETURN(Rows old, c.query(std::string("SELECT ") + kCaseRowColumns +
                                            " FROM stats_case_rows WHERE case_id = ?",
                                        {case_id}));
  std::optional<CaseStatsRow> before;
  if (!old.empty()) {
    const Row& r = old[0];
    CaseStatsRow s;
    s.case_id = r.int64(0);
    s.unit_code = r.text(1);
    s.product_category = r.text(2);
    s.special_actions = r.text(3);
    s.violations = r.text(4);
    s.filed_month = r.text(5);
    s.closed_month = r.text(6);
    s.transferred_month = r.text(7);
    s.major = r.int64(8) != 0;
    s.within_deadline = r.int64(9) != 0;
    s.fines_fen = r.int64(10);
    s.goods_value_fen = r.int64(11);
    s.illegal_income_fen = r.int64(12);
    before = s;
  }
  const CaseStatsRow* after = now.empty() ? nullptr : &now[0];
  if (before && after && *before == *after) return Status::Ok();
  if (before) {
    LJ_RETURN_IF_ERROR(add_case_row(c, *before, -1));
    LJ_RETURN_IF_ERROR(c.exec("DELETE FROM stats_case_rows WHERE case_id = ?", {case_id}));
  }
  if (!after) return Status::Ok();
  LJ_RETURN_IF_ERROR(add_case_row(c, *after, 1));
  return c.exec(std::string("INSERT INTO stats_case_rows (") + kCaseRowColumns +
                    ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                {after->case_id, after->unit_code, after->product_category, after->special_actions,
                 after->violations, after->filed_month, after->closed_month,
                 after->transferred_month, int64_t{after->major}, int64_t{after->within_deadline},
                 after->fines_fen, after->goods_value_fen, after->illegal_income_fen});
}

}  // namespace lj::sql
