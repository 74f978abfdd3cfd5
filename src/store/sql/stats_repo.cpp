#include "store/sql/stats_repo.hpp"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <set>

#include "model/json.hpp"

namespace lj {

using sql::Connection;
using sql::Params;
using sql::Row;
using sql::Rows;

namespace {

// The label columns of the full roll-ups by dimension, and how a filter matches them.
struct DimColumn {
  const char* dim;
  const char* column;
  bool list;  // ",a,b," list: filter with LIKE, split when grouping
};
constexpr DimColumn kDimColumns[] = {{"source", "source", false},
                                     {"product_category", "product_category", false},
                                     {"special_action", "special_actions", true},
                                     {"violation", "violations", true}};

const DimColumn* dim_column(const std::string& dim) {
  for (const auto& d : kDimColumns)
    if (dim == d.dim) return &d;
  return nullptr;
}

std::string filter_value(const StatsQuery& q, const std::string& dim) {
  if (dim == "source") return q.source;
  if (dim == "product_category") return q.product_category;
  if (dim == "special_action") return q.special_action;
  return q.violation;
}

void StatsFiguresAddCases(StatsFigures& f, const Row& r, size_t at) {
  f.filed += r.int64(at);
  f.closed += r.int64(at + 1);
  f.major += r.int64(at + 2);
  f.transferred += r.int64(at + 3);
  f.closed_within_deadline += r.int64(at + 4);
  f.fines_fen += r.int64(at + 5);
  f.goods_value_fen += r.int64(at + 6);
  f.illegal_income_fen += r.int64(at + 7);
}

constexpr const char* kCaseSums =
    "SUM(r.filed), SUM(r.closed), SUM(r.major), SUM(r.transferred), "
    "SUM(r.closed_within_deadline), SUM(r.fines_fen), SUM(r.goods_value_fen), "
    "SUM(r.illegal_income_fen)";

// What the lead roll-ups hold for one month, and what the case roll-ups hold. Leads are handled
// a month at a time so that rebuild and verify need memory for one month's keys only (at ten
// million leads the full roll-up has millions of rows).
struct LeadPart {
  std::map<std::array<std::string, 6>, int64_t> leads;
  std::map<sql::MarginKey, int64_t> margins;
};
struct CasePart {
  std::map<int64_t, sql::CaseStatsRow> case_rows;
  std::map<sql::CaseRollupKey, sql::CaseFigures> cases;
};

std::string next_month(const std::string& m) {
  int y = std::stoi(m.substr(0, 4)), mo = std::stoi(m.substr(5, 2)) + 1;
  if (mo > 12) mo = 1, ++y;
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02d", y, mo);
  return buf;
}

bool is_month(const std::string& m) {
  return m.size() == 7 && m[4] == '-' && std::isdigit(static_cast<unsigned char>(m[0])) &&
         std::isdigit(static_cast<unsigned char>(m[5])) && std::isdigit(static_cast<unsigned char>(m[6]));
}

// Every month from the earliest to the latest in the leads and the lead roll-ups.
Result<std::vector<std::string>> lead_months(Connection& c) {
  std::string lo, hi;
  for (const char* sql : {"SELECT MIN(substr(received_at, 1, 7)), MAX(substr(received_at, 1, 7)) FROM leads",
                          "SELECT MIN(month), MAX(month) FROM stats_lead_rollup",
                          "SELECT MIN(month), MAX(month) FROM stats_lead_margins"}) {
    LJ_ASSIGN_OR_RETURN(Rows r, c.query(sql));
    if (r.empty() || r[0].is_null(0)) continue;
    const std::string a = r[0].text(0), b = r[0].text(1);
    if (!is_month(a) || !is_month(b)) return Status::Internal("a month that is not YYYY-MM: " + a + " / " + b);
    if (lo.empty() || a < lo) lo = a;
    if (hi.empty() || b > hi) hi = b;
  }
  std::vector<std::string> out;
  for (std::string m = lo; !m.empty() && m <= hi; m = next_month(m)) out.push_back(m);
  return out;
}

Result<LeadPart> expected_leads(Connection& c, const std::string& month) {
  LeadPart e;
  LJ_ASSIGN_OR_RETURN(
      Rows rows,
      c.query("SELECT substr(received_at, 1, 7), unit_code, source, "
              "COALESCE(product_category, ''), special_actions, violations, COUNT(*) FROM leads "
              "WHERE received_at >= ? AND received_at < ? "
              "GROUP BY substr(received_at, 1, 7), unit_code, source, "
              "COALESCE(product_category, ''), special_actions, violations",
              {month, month + "-99"}));
  for (auto& r : rows) {
    std::array<std::string, 6> k{r.take_text(0), r.take_text(1), r.take_text(2),
                                 r.take_text(3), r.take_text(4), r.take_text(5)};
    const int64_t n = r.int64(6);
    sql::add_lead_margins(k, n, e.margins);
    e.leads[std::move(k)] += n;
  }
  return e;
}

Result<LeadPart> stored_leads(Connection& c, const std::string& month) {
  LeadPart e;
  LJ_ASSIGN_OR_RETURN(Rows leads, c.query("SELECT month, unit_code, source, product_category, "
                                          "special_actions, violations, leads FROM "
                                          "stats_lead_rollup WHERE month = ?",
                                          {month}));
  for (auto& r : leads)
    e.leads[{r.take_text(0), r.take_text(1), r.take_text(2), r.take_text(3), r.take_text(4),
             r.take_text(5)}] = r.int64(6);
  LJ_ASSIGN_OR_RETURN(Rows margins,
                      c.query("SELECT dim, month, unit_code, value, value2, leads FROM "
                              "stats_lead_margins WHERE month = ?",
                              {month}));
  for (auto& r : margins)
    e.margins[{r.take_text(0), r.take_text(1), r.take_text(2), r.take_text(3), r.take_text(4)}] =
        r.int64(5);
  return e;
}

Result<CasePart> expected_cases(Connection& c) {
  CasePart e;
  LJ_ASSIGN_OR_RETURN(auto case_rows, sql::compute_case_stats(c, std::nullopt));
  for (auto& s : case_rows) {
    sql::add_case_figures(s, 1, e.cases);
    e.case_rows[s.case_id] = std::move(s);
  }
  std::erase_if(e.cases, [](const auto& kv) {
    return std::all_of(kv.second.begin(), kv.second.end(), [](int64_t v) { return v == 0; });
  });
  return e;
}

Result<CasePart> stored_cases(Connection& c) {
  CasePart e;
  LJ_ASSIGN_OR_RETURN(
      Rows rows,
      c.query("SELECT case_id, unit_code, product_category, special_actions, violations, "
              "filed_month, closed_month, transferred_month, major, within_deadline, fines_fen, "
              "goods_value_fen, illegal_income_fen FROM stats_case_rows"));
  for (auto& r : rows) {
    sql::CaseStatsRow s;
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
    e.case_rows[s.case_id] = s;
  }
  LJ_ASSIGN_OR_RETURN(
      Rows cases,
      c.query("SELECT month, unit_code, product_category, special_actions, violations, filed, "
              "closed, major, transferred, closed_within_deadline, fines_fen, goods_value_fen, "
              "illegal_income_fen FROM stats_case_rollup"));
  for (auto& r : cases) {
    sql::CaseFigures f{};
    for (size_t i = 0; i < f.size(); ++i) f[i] = r.int64(5 + i);
    e.cases[{r.take_text(0), r.take_text(1), r.take_text(2), r.take_text(3), r.take_text(4)}] = f;
  }
  return e;
}

template <class Map, class Describe>
void diff_maps(const char* table, const Map& stored, const Map& expected, size_t max,
               std::vector<std::string>& out, const Describe& describe) {
  auto note = [&](const std::string& s) {
    if (out.size() < max) out.push_back(std::string(table) + ": " + s);
  };
  for (const auto& [k, v] : expected) {
    auto it = stored.find(k);
    if (it == stored.end()) note("missing " + describe(k, v));
    else if (!(it->second == v)) note("differs at " + describe(k, v) + " (stored " + describe(k, it->second) + ")");
  }
  for (const auto& [k, v] : stored)
    if (!expected.count(k)) note("extra " + describe(k, v));
}

template <size_t N>
std::string join_key(const std::array<std::string, N>& k) {
  std::string s;
  for (const auto& p : k) s += (s.empty() ? "" : "|") + p;
  return s;
}

std::string figures_text(const sql::CaseFigures& f) {
  std::string s;
  for (int64_t v : f) s += (s.empty() ? "" : ",") + std::to_string(v);
  return s;
}

}  // namespace

void StatsFigures::add(const StatsFigures& o) {
  leads += o.leads;
  filed += o.filed;
  closed += o.closed;
  major += o.major;
  transferred += o.transferred;
  closed_within_deadline += o.closed_within_deadline;
  fines_fen += o.fines_fen;
  goods_value_fen += o.goods_value_fen;
  illegal_income_fen += o.illegal_income_fen;
}

Result<StatsAnswer> StatsRepo::query(const Actor& actor, const StatsQuery& q) {
  StatsAnswer ans;
  Status st = store_.read([&](Connection& c) -> Status {
    const std::string code = q.unit_code.empty() ? actor.unit_code : q.unit_code;
    auto unit = store_.load_unit(c, code);
    if (!unit.ok() || unit->path.rfind(actor.unit_path, 0) != 0)
      return Status::NotFound("no unit with code " + code);
    ans.unit = *unit;
    LJ_ASSIGN_OR_RETURN(Rows pending,
                        c.query("SELECT 1 FROM stats_state WHERE name = 'rebuild_pending'"));
    if (!pending.empty())
      return Status{Code::kUnavailable,
                    "the statistics are being built after the upgrade to migration 15 (the "
                    "server does it in its housekeeping; or run `lijian stats rebuild`)"};
    // Scope in SQL: the actor's subtree, then the chosen unit's.
    const std::string scope =
        " JOIN units u ON u.code = r.unit_code WHERE u.path LIKE ? AND u.path LIKE ? AND "
        "r.month >= ? AND r.month <= ?";
    auto base_params = [&] {
      return Params{actor.unit_path + "%", unit->path + "%", q.from_month, q.to_month};
    };
    std::vector<std::string> filters;  // label dims with a filter value
    for (const char* d : kStatsLabelDims)
      if (!filter_value(q, d).empty()) filters.push_back(d);
    const DimColumn* group_dim = dim_column(q.group_by);
    ans.cases_included = q.source.empty() && q.group_by != "source";

    // Children of the unit, for group_by=unit; a record of the unit itself is its own row.
    std::vector<Unit> children;
    if (q.group_by == "unit") {
      LJ_ASSIGN_OR_RETURN(Rows kids, c.query("SELECT code, name, path FROM units WHERE "
                                             "parent_code = ? ORDER BY code", {unit->code}));
      for (const auto& k : kids) {
        Unit u;
        u.code = k.text(0);
        u.name = k.text(1);
        u.path = k.text(2);
        children.push_back(u);
      }
    }
    std::map<std::string, StatsFigures> groups;
    auto group_of_path = [&](const std::string& path) -> std::string {
      for (const auto& k : children)
        if (path.rfind(k.path, 0) == 0) return k.code;
      return unit->code;
    };
    // Leads: the margins when at most two label dimensions are involved (the totals of a query
    // grouped by a label involve only the filters), in the canonical order of kStatsLabelDims;
    // the first dimension's value is in column `value`, the second's in `value2`.
    auto dims_of = [&](bool grouped) {
      std::vector<std::string> dims;
      for (const char* d : kStatsLabelDims)
        if (!filter_value(q, d).empty() || (grouped && group_dim && q.group_by == d))
          dims.push_back(d);
      return dims;
    };
    auto margin_column = [](const std::vector<std::string>& dims, const std::string& dim) {
      return dims.size() == 2 && dims[1] == dim ? std::string("r.value2") : std::string("r.value");
    };
    // The grouping expression and how a grouped row maps to its group keys.
    auto group_select = [&](bool margins) -> std::string {
      if (q.group_by == "unit") return "u.path";
      if (q.group_by == "month") return "r.month";
      if (group_dim)
        return margins ? margin_column(dims_of(true), group_dim->dim)
                       : std::string("r.") + group_dim->column;
      return "";
    };
    auto keys_of = [&](const std::string& g, bool margins) -> std::vector<std::string> {
      if (q.group_by == "unit") return {group_of_path(g)};
      if (group_dim && group_dim->list && !margins) return split_labels(g);
      return {g};
    };
    auto lead_sql = [&](bool grouped, bool margins, Params& p) {
      const std::vector<std::string> dims = dims_of(grouped);
      const std::string g = grouped ? group_select(margins) : "";
      const std::string table = margins ? "stats_lead_margins" : "stats_lead_rollup";
      std::string sql = "SELECT " + (g.empty() ? std::string("''") : g) + ", SUM(r.leads) FROM " +
                        table + " r" + scope;
      p = base_params();
      if (margins) {
        std::string dim = dims.empty() ? "all" : dims[0];
        if (dims.size() == 2) dim += "+" + dims[1];
        sql += " AND r.dim = ?";
        p.emplace_back(dim);
        for (const auto& f : filters) {
          sql += " AND " + margin_column(dims, f) + " = ?";
          p.emplace_back(filter_value(q, f));
        }
      } else {
        for (const auto& f : filters) {
          const DimColumn* d = dim_column(f);
          sql += std::string(" AND r.") + d->column + (d->list ? " LIKE ?" : " = ?");
          p.emplace_back(d->list ? "%," + filter_value(q, f) + ",%" : filter_value(q, f));
        }
      }
      if (!g.empty()) sql += " GROUP BY " + g;
      return sql;
    };
    auto case_sql = [&](bool grouped, Params& p) {
      const std::string g = grouped ? group_select(false) : "";
      std::string sql = "SELECT " + (g.empty() ? std::string("''") : g) + ", " + kCaseSums +
                        " FROM stats_case_rollup r" + scope;
      p = base_params();
      for (const auto& f : filters) {
        const DimColumn* d = dim_column(f);
        sql += std::string(" AND r.") + d->column + (d->list ? " LIKE ?" : " = ?");
        p.emplace_back(d->list ? "%," + filter_value(q, f) + ",%" : filter_value(q, f));
      }
      if (!g.empty()) sql += " GROUP BY " + g;
      return sql;
    };
    for (bool grouped : {false, true}) {
      if (grouped && q.group_by.empty()) break;
      Params p;
      const bool margins = dims_of(grouped).size() <= 2;
      ans.lead_table = margins ? "stats_lead_margins" : "stats_lead_rollup";
      LJ_ASSIGN_OR_RETURN(Rows lr, c.query(lead_sql(grouped, margins, p), p));
      for (const auto& r : lr) {
        if (r.is_null(1)) continue;
        if (!grouped) ans.totals.leads += r.int64(1);
        else
          for (const auto& k : keys_of(r.text(0), margins)) groups[k].leads += r.int64(1);
      }
      if (!ans.cases_included) continue;
      LJ_ASSIGN_OR_RETURN(Rows cr, c.query(case_sql(grouped, p), p));
      for (const auto& r : cr) {
        if (r.is_null(1)) continue;
        if (!grouped) StatsFiguresAddCases(ans.totals, r, 1);
        else
          for (const auto& k : keys_of(r.text(0), false)) StatsFiguresAddCases(groups[k], r, 1);
      }
    }
    // Names, and the rows an official table lists even when zero.
    if (q.group_by == "unit") {
      std::vector<StatsGroup> out;
      if (groups.count(unit->code)) out.push_back({unit->code, unit->name + "（本级）", groups[unit->code]});
      for (const auto& k : children) out.push_back({k.code, k.name, groups[k.code]});
      ans.groups = std::move(out);
    } else if (q.group_by == "month") {
      for (std::string m = q.from_month; m <= q.to_month;) {
        ans.groups.push_back({m, m, groups[m]});
        int y = std::stoi(m.substr(0, 4)), mo = std::stoi(m.substr(5, 2)) + 1;
        if (mo > 12) mo = 1, ++y;
        char buf[32];
        std::snprintf(buf, sizeof buf, "%04d-%02d", y, mo);
        m = buf;
      }
    } else if (group_dim) {
      std::map<std::string, std::string> names;
      const std::string kind = q.group_by == "source" ? "lead_source" : q.group_by;
      LJ_ASSIGN_OR_RETURN(Rows codes,
                          c.query("SELECT code, name_zh FROM codes WHERE kind = ?", {kind}));
      for (const auto& r : codes) names[r.text(0)] = r.text(1);
      for (auto& [k, f] : groups) {
        if (!filters.empty() && group_dim->list && !filter_value(q, group_dim->dim).empty() &&
            k != filter_value(q, group_dim->dim))
          continue;
        auto n = names.find(k);
        ans.groups.push_back({k, n != names.end() ? n->second : k, f});
      }
    }
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return ans;
}

Result<std::vector<TypicalCase>> StatsRepo::typical_cases(const Actor& actor,
                                                          const std::string& unit_code,
                                                          const std::string& from_month,
                                                          const std::string& to_month, int limit) {
  std::vector<TypicalCase> out;
  Status st = store_.read([&](Connection& c) -> Status {
    const std::string code = unit_code.empty() ? actor.unit_code : unit_code;
    auto unit = store_.load_unit(c, code);
    if (!unit.ok() || unit->path.rfind(actor.unit_path, 0) != 0)
      return Status::NotFound("no unit with code " + code);
    LJ_ASSIGN_OR_RETURN(
        Rows rows,
        c.query("SELECT c.id, c.case_no, c.title, c.unit_code, u.name, s.product_category, "
                "c.status, s.filed_month, s.closed_month, s.major, s.fines_fen, "
                "s.goods_value_fen, s.illegal_income_fen FROM stats_case_rows s "
                "JOIN cases c ON c.id = s.case_id JOIN units u ON u.code = c.unit_code "
                "WHERE c.unit_path LIKE ? AND c.unit_path LIKE ? AND "
                "((s.filed_month >= ? AND s.filed_month <= ?) OR "
                "(s.closed_month >= ? AND s.closed_month <= ?)) "
                "ORDER BY s.major DESC, s.fines_fen + s.goods_value_fen + s.illegal_income_fen "
                "DESC, c.id LIMIT ?",
                {actor.unit_path + "%", unit->path + "%", from_month, to_month, from_month,
                 to_month, int64_t{limit}}));
    for (const auto& r : rows) {
      TypicalCase t;
      t.id = r.int64(0);
      t.case_no = r.text(1);
      t.title = r.text(2);
      t.unit_code = r.text(3);
      t.unit_name = r.text(4);
      t.product_category = r.text(5);
      t.status = r.text(6);
      t.filed_month = r.text(7);
      t.closed_month = r.text(8);
      t.major = r.int64(9) != 0;
      t.fines_fen = r.int64(10);
      t.goods_value_fen = r.int64(11);
      t.illegal_income_fen = r.int64(12);
      out.push_back(std::move(t));
    }
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return out;
}

Result<StatsRepo::Rebuilt> StatsRepo::rebuild(const Actor& actor) {
  Rebuilt out;
  Status st = store_.write([&](Connection& c) -> Status {
    LJ_ASSIGN_OR_RETURN(std::vector<std::string> months, lead_months(c));
    for (const char* t : {"stats_lead_rollup", "stats_lead_margins", "stats_case_rows",
                          "stats_case_rollup"})
      LJ_RETURN_IF_ERROR(c.exec(std::string("DELETE FROM ") + t));
    for (const std::string& month : months) {
      LJ_ASSIGN_OR_RETURN(LeadPart e, expected_leads(c, month));
      for (const auto& [k, n] : e.leads)
        LJ_RETURN_IF_ERROR(c.exec("INSERT INTO stats_lead_rollup (month, unit_code, source, "
                                  "product_category, special_actions, violations, leads) VALUES "
                                  "(?, ?, ?, ?, ?, ?, ?)",
                                  {k[0], k[1], k[2], k[3], k[4], k[5], n}));
      for (const auto& [k, n] : e.margins)
        LJ_RETURN_IF_ERROR(c.exec("INSERT INTO stats_lead_margins (dim, month, unit_code, value, "
                                  "value2, leads) VALUES (?, ?, ?, ?, ?, ?)",
                                  {k[0], k[1], k[2], k[3], k[4], n}));
      out.lead_rows += static_cast<int64_t>(e.leads.size());
      out.margin_rows += static_cast<int64_t>(e.margins.size());
    }
    LJ_ASSIGN_OR_RETURN(CasePart e, expected_cases(c));
    for (const auto& [id, s] : e.case_rows)
      LJ_RETURN_IF_ERROR(c.exec(
          "INSERT INTO stats_case_rows (case_id, unit_code, product_category, special_actions, "
          "violations, filed_month, closed_month, transferred_month, major, within_deadline, "
          "fines_fen, goods_value_fen, illegal_income_fen) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
          "?, ?, ?)",
          {id, s.unit_code, s.product_category, s.special_actions, s.violations, s.filed_month,
           s.closed_month, s.transferred_month, int64_t{s.major}, int64_t{s.within_deadline},
           s.fines_fen, s.goods_value_fen, s.illegal_income_fen}));
    for (const auto& [k, f] : e.cases) {
      Params p(k.begin(), k.end());
      for (int64_t v : f) p.emplace_back(v);
      LJ_RETURN_IF_ERROR(c.exec(
          "INSERT INTO stats_case_rollup (month, unit_code, product_category, special_actions, "
          "violations, filed, closed, major, transferred, closed_within_deadline, fines_fen, "
          "goods_value_fen, illegal_income_fen) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
          p));
    }
    LJ_RETURN_IF_ERROR(c.exec("DELETE FROM stats_state WHERE name = 'rebuild_pending'"));
    out.case_rows = static_cast<int64_t>(e.case_rows.size());
    out.case_rollup_rows = static_cast<int64_t>(e.cases.size());
    return store_.audit(c, actor, "stats.rebuild", "stats", "rollups", nullptr,
                        Json{{"lead_rows", out.lead_rows}, {"margin_rows", out.margin_rows},
                             {"case_rows", out.case_rows},
                             {"case_rollup_rows", out.case_rollup_rows}});
  });
  if (!st.ok()) return st;
  return out;
}

Result<std::vector<std::string>> StatsRepo::verify(size_t max) {
  std::vector<std::string> out;
  Status st = store_.read([&](Connection& c) -> Status {
    // One snapshot for both sides.
    return sql::in_transaction(c, false, [&]() -> Status {
      auto count = [](const auto& k, int64_t n) { return join_key(k) + "=" + std::to_string(n); };
      LJ_ASSIGN_OR_RETURN(std::vector<std::string> months, lead_months(c));
      for (const std::string& month : months) {
        LJ_ASSIGN_OR_RETURN(LeadPart want, expected_leads(c, month));
        LJ_ASSIGN_OR_RETURN(LeadPart have, stored_leads(c, month));
        diff_maps("stats_lead_rollup", have.leads, want.leads, max, out, count);
        diff_maps("stats_lead_margins", have.margins, want.margins, max, out, count);
      }
      LJ_ASSIGN_OR_RETURN(CasePart want, expected_cases(c));
      LJ_ASSIGN_OR_RETURN(CasePart have, stored_cases(c));
      diff_maps("stats_case_rows", have.case_rows, want.case_rows, max, out,
                [](int64_t id, const sql::CaseStatsRow& s) {
                  return "case " + std::to_string(id) + " " + s.filed_month + "/" +
                         s.closed_month + "/" + s.transferred_month + " fines " +
                         std::to_string(s.fines_fen);
                });
      diff_maps("stats_case_rollup", have.cases, want.cases, max, out,
                [](const auto& k, const sql::CaseFigures& f) {
                  return join_key(k) + "=" + figures_text(f);
                });
      return Status::Ok();
    });
  });
  if (!st.ok()) return st;
  return out;
}

Result<bool> StatsRepo::rebuild_pending() {
  bool pending = false;
  Status st = store_.read([&](Connection& c) -> Status {
    LJ_ASSIGN_OR_RETURN(Rows r, c.query("SELECT 1 FROM stats_state WHERE name = 'rebuild_pending'"));
    pending = !r.empty();
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return pending;
}

}  // namespace lj
