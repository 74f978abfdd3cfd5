#include "store/sql/screen_repo.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "model/json.hpp"

namespace lj::sql {
namespace {

// Complaint sources: the 12365 hotline and the public web form.
constexpr const char* kComplaintSources = "('hotline_12365', 'public_web')";

constexpr const char* kSamplesByEnterprise =
    "SELECT enterprise_id, sampled_month, product_category, COUNT(*), SUM(failed) "
    "FROM sampling_results WHERE unit_path LIKE ? AND enterprise_id IS NOT NULL";
constexpr const char* kComplaintsByEnterprise =
    "SELECT enterprise_id, substr(received_at, 1, 7), product_category, COUNT(*) FROM leads "
    "WHERE unit_path LIKE ? AND enterprise_id IS NOT NULL AND source IN ";
constexpr const char* kCasesByEnterprise =
    "SELECT enterprise_id, substr(opened_at, 1, 7), COUNT(*) FROM cases "
    "WHERE unit_path LIKE ? AND enterprise_id IS NOT NULL";
constexpr const char* kDishonest =
    "SELECT id, region_code FROM enterprises WHERE status IN ('dishonest', "
    "'serious_dishonesty') OR status LIKE '%失信%' OR status LIKE '%严重违法%'";
// Current listings decided in the penalty procedure (dishonesty_repo.hpp, migration 12).
constexpr const char* kListed =
    "SELECT DISTINCT l.enterprise_id, e.region_code FROM dishonesty_listings l "
    "JOIN enterprises e ON e.id = l.enterprise_id "
    "WHERE l.status IN ('listed', 'removal_requested')";
constexpr const char* kNewestSample = "SELECT MAX(sampled_month) FROM sampling_results";
constexpr const char* kNewestLead = "SELECT MAX(received_at) FROM leads";

constexpr const char* kHotspotSamples =
    "SELECT unit_path, product_category, COUNT(*), SUM(failed) FROM sampling_results "
    "GROUP BY unit_path, product_category";
constexpr const char* kHotspotComplaints =
    "SELECT unit_path, COALESCE(product_category, 'other'), COUNT(*) FROM leads "
    "WHERE source IN ('hotline_12365', 'public_web') GROUP BY unit_path, product_category";
constexpr const char* kEnterprisesByUnit =
    "SELECT u.path, COUNT(*) FROM enterprises e JOIN units u ON u.code = e.region_code "
    "GROUP BY u.path";

// The path the aggregates cover: the actor's, or a narrower unit's inside it.
Result<std::string> scope_path(SqlStore& store, const Actor& actor, const std::string& unit_code) {
  if (unit_code.empty()) return actor.unit_path;
  auto unit = store.get_unit(unit_code);
  if (!unit.ok()) return Status::Invalid("unit", "no unit with code " + unit_code);
  if (unit->path.rfind(actor.unit_path, 0) != 0) return Status::NotFound("no unit " + unit_code);
  return unit->path;
}

std::string month_of_clock(SqlStore& store) {
  return store.now().substr(0, 7);
}

Result<std::string> newest_month(SqlStore& store) {
  std::string month;
  LJ_RETURN_IF_ERROR(store.read([&](Connection& c) -> Status {
    LJ_ASSIGN_OR_RETURN(Rows s, c.query(kNewestSample));
    LJ_ASSIGN_OR_RETURN(Rows l, c.query(kNewestLead));
    if (!s.empty()) month = s[0].text(0).substr(0, 7);
    if (!l.empty()) month = std::max(month, l[0].text(0).substr(0, 7));
    return Status::Ok();
  }));
  return month.empty() ? month_of_clock(store) : month;
}

bool valid_month(const std::string& m) {
  if (m.size() != 7 || m[4] != '-') return false;
  for (size_t i : {0, 1, 2, 3, 5, 6})
    if (!std::isdigit(static_cast<unsigned char>(m[i]))) return false;
  const std::string month = m.substr(5, 2);
  return month >= "01" && month <= "12";
}

Result<std::string> resolve_as_of(SqlStore& store, const std::string& as_of) {
  if (as_of.empty()) return newest_month(store);
  if (!valid_month(as_of)) return Status::Invalid("as_of", "as_of must be a month YYYY-MM");
  return as_of;
}

struct Gathered {
  std::map<int64_t, screen::RiskInput> inputs;
  std::map<int64_t, std::map<std::string, int64_t>> category_counts;
};

// Reads the event counts of the enterprises in `path` (or of one enterprise).
Status gather(Connection& c, const std::string& path, std::optional<int64_t> only, Gathered& g) {
  const std::string one = only ? " AND enterprise_id = ?" : "";
  Params params = {path + "%"};
  if (only) params.emplace_back(*only);
  LJ_ASSIGN_OR_RETURN(Rows samples,
                      c.query(std::string(kSamplesByEnterprise) + one +
                                  " GROUP BY enterprise_id, sampled_month, product_category",
                              params));
  for (const Row& r : samples) {
    screen::RiskInput& in = g.inputs[r.int64(0)];
    in.samples.push_back({r.text(1), r.int64(3)});
    if (r.int64(4) > 0) in.failed_samples.push_back({r.text(1), r.int64(4)});
    g.category_counts[r.int64(0)][r.text(2)] += r.int64(3);
  }
  LJ_ASSIGN_OR_RETURN(
      Rows complaints,
      c.query(std::string(kComplaintsByEnterprise) + kComplaintSources + one +
                  " GROUP BY enterprise_id, substr(received_at, 1, 7), product_category",
              params));
  for (const Row& r : complaints) {
    g.inputs[r.int64(0)].complaints.push_back({r.text(1), r.int64(3)});
    if (!r.is_null(2)) g.category_counts[r.int64(0)][r.text(2)] += r.int64(3);
  }
  LJ_ASSIGN_OR_RETURN(Rows cases, c.query(std::string(kCasesByEnterprise) + one +
                                              " GROUP BY enterprise_id, substr(opened_at, 1, 7)",
                                          params));
  for (const Row& r : cases) g.inputs[r.int64(0)].cases.push_back({r.text(1), r.int64(2)});
  return Status::Ok();
}

std::string main_category(const std::map<std::string, int64_t>& counts) {
  std::string best;
  int64_t n = 0;
  for (const auto& [category, count] : counts)
    if (count > n) best = category, n = count;
  return best;
}

// Fills name, region and status of `ids` (in chunks of 500 parameters).
Status describe(Connection& c, std::vector<screen::RiskInput*> inputs) {
  for (size_t start = 0; start < inputs.size(); start += 500) {
    const size_t end = std::min(inputs.size(), start + 500);
    std::string sql = "SELECT id, name, region_code, status FROM enterprises WHERE id IN (";
    Params params;
    std::map<int64_t, screen::RiskInput*> by_id;
    for (size_t i = start; i < end; ++i) {
      sql += i == start ? "?" : ", ?";
      params.emplace_back(inputs[i]->enterprise_id);
      by_id[inputs[i]->enterprise_id] = inputs[i];
    }
    LJ_ASSIGN_OR_RETURN(Rows rows, c.query(sql + ")", params));
    for (const Row& r : rows) {
      screen::RiskInput* in = by_id.at(r.int64(0));
      in->name = r.text(1);
      in->region_code = r.text(2);
      in->status = r.text(3);
    }
  }
  return Status::Ok();
}

// The division at `level` (county: third path component, league: second) of a unit path, or
// "" when the path does not reach that level.
std::string division_of(const std::string& path, const std::string& level) {
  const size_t depth = level == "county" ? 3 : 2;
  std::vector<std::string> parts;
  size_t start = 1;
  while (start < path.size()) {
    const size_t slash = path.find('/', start);
    if (slash == std::string::npos) break;
    parts.push_back(path.substr(start, slash - start));
    start = slash + 1;
  }
  return parts.size() >= depth ? parts[depth - 1] : "";
}

}  // namespace

Result<RiskRanking> risk_ranking(SqlStore& store, const Actor& actor, const RiskQuery& q,
                                 const screen::RiskConfig& config) {
  LJ_ASSIGN_OR_RETURN(std::string path, scope_path(store, actor, q.unit_code));
  RiskRanking out;
  LJ_ASSIGN_OR_RETURN(out.as_of, resolve_as_of(store, q.as_of));
  LJ_ASSIGN_OR_RETURN(std::vector<Unit> units, store.list_units(""));
  std::map<std::string, std::string> unit_path;
  for (const Unit& u : units) unit_path[u.code] = u.path;

  Gathered g;
  std::set<int64_t> dishonest, decided;
  LJ_RETURN_IF_ERROR(store.read([&](Connection& c) -> Status {
    LJ_RETURN_IF_ERROR(gather(c, path, std::nullopt, g));
    LJ_ASSIGN_OR_RETURN(Rows rows, c.query(kDishonest));
    for (const Row& r : rows) {
      const int64_t id = r.int64(0);
      auto p = unit_path.find(r.text(1));
      const bool region_in_scope = p != unit_path.end() && p->second.rfind(path, 0) == 0;
      if (region_in_scope || g.inputs.count(id)) {
        dishonest.insert(id);
        g.inputs[id];  // listed enterprises are ranked even without events
      }
    }
    LJ_ASSIGN_OR_RETURN(Rows listed, c.query(kListed));
    for (const Row& r : listed) {
      const int64_t id = r.int64(0);
      auto p = unit_path.find(r.text(1));
      const bool region_in_scope = p != unit_path.end() && p->second.rfind(path, 0) == 0;
      if (region_in_scope || g.inputs.count(id)) {
        decided.insert(id);
        g.inputs[id];
      }
    }
    return Status::Ok();
  }));

  std::vector<screen::RiskScore> scored;
  scored.reserve(g.inputs.size());
  for (auto& [id, in] : g.inputs) {
    in.enterprise_id = id;
    in.dishonesty_listed = dishonest.count(id) > 0;
    in.dishonesty_list_decided = decided.count(id) > 0;
    in.category = main_category(g.category_counts[id]);
    if (!q.category.empty() && in.category != q.category) continue;
    scored.push_back(screen::score_risk(in, config, out.as_of));
  }
  std::sort(scored.begin(), scored.end(),
            [](const screen::RiskScore& a, const screen::RiskScore& b) {
              return a.score != b.score ? a.score > b.score : a.enterprise_id < b.enterprise_id;
            });
  out.total = static_cast<int64_t>(scored.size());
  const size_t from = std::min(scored.size(), static_cast<size_t>(q.offset));
  const size_t to = std::min(scored.size(), from + static_cast<size_t>(q.limit));
  out.items.assign(std::make_move_iterator(scored.begin() + static_cast<std::ptrdiff_t>(from)),
                   std::make_move_iterator(scored.begin() + static_cast<std::ptrdiff_t>(to)));
  std::vector<screen::RiskInput*> page;
  for (const screen::RiskScore& s : out.items) page.push_back(&g.inputs[s.enterprise_id]);
  LJ_RETURN_IF_ERROR(store.read([&](Connection& c) { return describe(c, page); }));
  for (screen::RiskScore& s : out.items) {
    const screen::RiskInput& in = g.inputs[s.enterprise_id];
    s.name = in.name;
    s.region_code = in.region_code;
  }
  return out;
}

Result<screen::RiskScore> enterprise_risk(SqlStore& store, const Actor& actor, int64_t id,
                                          const std::string& as_of,
                                          const screen::RiskConfig& config) {
  LJ_ASSIGN_OR_RETURN(Enterprise e, store.get_enterprise(id));
  LJ_ASSIGN_OR_RETURN(std::string month, resolve_as_of(store, as_of));
  Gathered g;
  bool decided = false;
  LJ_RETURN_IF_ERROR(store.read([&](Connection& c) -> Status {
    LJ_RETURN_IF_ERROR(gather(c, actor.unit_path, id, g));
    LJ_ASSIGN_OR_RETURN(Rows listed, c.query(std::string(kListed) + " AND l.enterprise_id = ?", {id}));
    decided = !listed.empty();
    return Status::Ok();
  }));
  bool visible = g.inputs.count(id) > 0;
  if (!visible && !e.region_code.empty()) {
    auto unit = store.get_unit(e.region_code);
    visible = unit.ok() && unit->path.rfind(actor.unit_path, 0) == 0;
  }
  if (!visible) return Status::NotFound("no enterprise " + std::to_string(id));
  screen::RiskInput& in = g.inputs[id];
  in.enterprise_id = id;
  in.name = e.name;
  in.region_code = e.region_code;
  in.status = e.status;
  in.dishonesty_list_decided = decided;
  in.category = main_category(g.category_counts[id]);
  return screen::score_risk(in, config, month);
}

Result<std::vector<screen::Hotspot>> hotspots(SqlStore& store, const Actor& actor,
                                              const HotspotQuery& q,
                                              const screen::HotspotConfig& config) {
  if (q.level != "county" && q.level != "league")
    return Status::Invalid("level", "level must be 'county' or 'league'");
  LJ_ASSIGN_OR_RETURN(std::vector<Unit> units, store.list_units(""));
  std::map<std::string, const Unit*> by_code;
  for (const Unit& u : units) by_code[u.code] = &u;

  std::map<std::pair<std::string, std::string>, screen::HotspotCell> cells;
  std::map<std::string, int64_t> enterprises;  // division -> registered enterprises
  std::set<std::string> categories;
  LJ_RETURN_IF_ERROR(store.read([&](Connection& c) -> Status {
    LJ_ASSIGN_OR_RETURN(Rows samples, c.query(kHotspotSamples));
    for (const Row& r : samples) {
      const std::string d = division_of(r.text(0), q.level);
      if (d.empty()) continue;
      screen::HotspotCell& cell = cells[{d, r.text(1)}];
      cell.sampled += r.int64(2);
      cell.failed += r.int64(3);
      categories.insert(r.text(1));
    }
    LJ_ASSIGN_OR_RETURN(Rows complaints, c.query(kHotspotComplaints));
    for (const Row& r : complaints) {
      const std::string d = division_of(r.text(0), q.level);
      if (d.empty()) continue;
      cells[{d, r.text(1)}].complaints += r.int64(2);
      categories.insert(r.text(1));
    }
    LJ_ASSIGN_OR_RETURN(Rows registered, c.query(kEnterprisesByUnit));
    for (const Row& r : registered) {
      const std::string d = division_of(r.text(0), q.level);
      if (!d.empty()) enterprises[d] += r.int64(1);
    }
    return Status::Ok();
  }));
  // Every division with registered enterprises is a cell of every category seen, so a division
  // without complaints counts as a zero in the prior and the province rate.
  for (const auto& [division, count] : enterprises)
    for (const std::string& category : categories) cells[{division, category}];

  std::vector<screen::HotspotCell> list;
  for (auto& [key, cell] : cells) {
    if (!q.category.empty() && key.second != q.category) continue;
    cell.division_code = key.first;
    cell.category = key.second;
    auto e = enterprises.find(key.first);
    cell.enterprises = e == enterprises.end() ? 0 : e->second;
    auto u = by_code.find(key.first);
    cell.in_scope = u != by_code.end() && u->second->path.rfind(actor.unit_path, 0) == 0;
    list.push_back(cell);
  }
  std::vector<screen::Hotspot> out;
  for (screen::Hotspot& h : screen::compute_hotspots(list, config)) {
    if (q.flagged_only && !h.flagged()) continue;
    if (h.sampled == 0 && h.complaints == 0) continue;  // nothing observed: nothing to show
    auto u = by_code.find(h.division_code);
    h.division_name = u == by_code.end() ? "" : u->second->name;
    h.level = q.level;
    out.push_back(std::move(h));
  }
  return out;
}

Result<std::vector<screen::TrendRow>> trends(SqlStore& store, const Actor& actor,
                                             const TrendQuery& q) {
  std::string lead_column, sample_column;
  if (q.group == "special_action") {
    lead_column = "special_actions";
    sample_column = "special_actions";
  } else if (q.group == "product_category") {
    lead_column = sample_column = "product_category";
  } else if (q.group == "source") {
    lead_column = "source";
    sample_column = "'sampling'";
  } else {
    return Status::Invalid("group", "group must be special_action, product_category or source");
  }
  for (const auto& [name, value] : {std::pair{"from", &q.from}, std::pair{"to", &q.to}})
    if (!value->empty() && !valid_month(*value))
      return Status::Invalid(name, std::string(name) + " must be a month YYYY-MM");
  LJ_ASSIGN_OR_RETURN(std::string path, scope_path(store, actor, q.unit_code));

  Params lead_params = {path + "%"}, sample_params = {path + "%"};
  std::string lead_where = " WHERE unit_path LIKE ?", sample_where = lead_where;
  if (!q.from.empty()) {
    lead_where += " AND received_at >= ?";
    lead_params.emplace_back(q.from);
    sample_where += " AND sampled_month >= ?";
    sample_params.emplace_back(q.from);
  }
  if (!q.to.empty()) {
    lead_where += " AND received_at < ?";
    lead_params.emplace_back(q.to + "-99");  // after every date of the month
    sample_where += " AND sampled_month <= ?";
    sample_params.emplace_back(q.to);
  }
  const std::string lead_sql = "SELECT substr(received_at, 1, 7), " + lead_column +
                               ", COUNT(*) FROM leads" + lead_where +
                               " GROUP BY substr(received_at, 1, 7), " + lead_column;
  const std::string sample_sql = "SELECT sampled_month, " + sample_column +
                                 ", COUNT(*), SUM(failed) FROM sampling_results" + sample_where +
                                 " GROUP BY sampled_month" +
                                 (q.group == "source" ? std::string() : ", " + sample_column);

  std::map<std::pair<std::string, std::string>, screen::TrendRow> rows;
  auto groups_of = [&](const Row& r) {
    std::vector<std::string> out;
    if (q.group == "special_action")
      out = split_labels(r.text(1));
    else if (!r.is_null(1))
      out = {r.text(1)};
    if (out.empty()) out = {"none"};
    return out;
  };
  // The lead counts come from the statistics roll-up (stats_lead_margins, docs/statistics.md)
  // unless it still waits for its first rebuild after migration 15.
  Params margin_params = {path + "%", q.group};
  std::string margin_sql =
      "SELECT r.month, r.value, SUM(r.leads) FROM stats_lead_margins r JOIN units u ON "
      "u.code = r.unit_code WHERE u.path LIKE ? AND r.dim = ?";
  if (!q.from.empty()) margin_sql += " AND r.month >= ?", margin_params.emplace_back(q.from);
  if (!q.to.empty()) margin_sql += " AND r.month <= ?", margin_params.emplace_back(q.to);
  margin_sql += " GROUP BY r.month, r.value";
  LJ_RETURN_IF_ERROR(store.read([&](Connection& c) -> Status {
    LJ_ASSIGN_OR_RETURN(Rows pending,
                        c.query("SELECT 1 FROM stats_state WHERE name = 'rebuild_pending'"));
    const bool from_rollup = pending.empty();
    LJ_ASSIGN_OR_RETURN(Rows leads, from_rollup ? c.query(margin_sql, margin_params)
                                                : c.query(lead_sql, lead_params));
    if (from_rollup)
      for (Row& r : leads)
        if (r.text(1).empty()) r = Row({r.text(0), std::nullopt, r.text(2)});
    for (const Row& r : leads)
      for (const std::string& g : groups_of(r)) rows[{r.text(0), g}].leads += r.int64(2);
    LJ_ASSIGN_OR_RETURN(Rows samples, c.query(sample_sql, sample_params));
    for (const Row& r : samples)
      for (const std::string& g : groups_of(r)) {
        screen::TrendRow& t = rows[{r.text(0), g}];
        t.samples += r.int64(2);
        t.failed_samples += r.int64(3);
      }
    return Status::Ok();
  }));
  std::vector<screen::TrendRow> out;
  for (auto& [key, row] : rows) {
    row.month = key.first;
    row.group = key.second;
    out.push_back(std::move(row));
  }
  return out;
}

}  // namespace lj::sql
