#include "stats/summary.hpp"

#include <fstream>

#include "disclose/masking.hpp"

namespace lj::stats {
namespace {

constexpr const char* kFigureNames[] = {"leads", "filed", "closed", "major", "transferred",
                                        "closed_within_deadline", "fines_fen", "goods_value_fen",
                                        "illegal_income_fen"};

Json figures_json(const StatsFigures& f, bool cases) {
  Json j = {{"leads", f.leads}};
  if (!cases) return j;
  for (const char* n : kFigureNames) j[n] = *figure(f, n);
  return j;
}

std::string csv_line(const std::vector<std::string>& cells) {
  std::string s;
  for (size_t i = 0; i < cells.size(); ++i) {
    if (i) s += ',';
    const std::string& c = cells[i];
    if (c.find_first_of(",\"\n") == std::string::npos) {
      s += c;
    } else {
      s += '"';
      for (char ch : c) s += ch == '"' ? std::string("\"\"") : std::string(1, ch);
      s += '"';
    }
  }
  return s + "\n";
}

}  // namespace

Result<int64_t> figure(const StatsFigures& f, const std::string& name) {
  if (name == "leads") return f.leads;
  if (name == "filed") return f.filed;
  if (name == "closed") return f.closed;
  if (name == "major") return f.major;
  if (name == "transferred") return f.transferred;
  if (name == "closed_within_deadline") return f.closed_within_deadline;
  if (name == "fines_fen") return f.fines_fen;
  if (name == "goods_value_fen") return f.goods_value_fen;
  if (name == "illegal_income_fen") return f.illegal_income_fen;
  return Status::Invalid("figure", "no figure '" + name + "'");
}

Result<SummaryDefinition> SummaryDefinition::load(const std::string& data_dir) {
  const std::string path = data_dir + "/stats/campaign-summary.json";
  std::ifstream in(path);
  if (!in) return Status::Invalid(path, "cannot read the summary definition");
  Json j = Json::parse(in, nullptr, false);
  if (!j.is_object()) return Status::Invalid(path, "not a JSON object");
  SummaryDefinition d;
  d.title = j.value("title", "");
  d.row_header = j.value("row_header", "");
  d.typical_cases = j.value("typical_cases", 10);
  for (const auto& r : j.value("rows", Json::array()))
    d.rows.push_back({r.value("label", ""), r.value("special_action", "")});
  for (const auto& g : j.value("groups", Json::array())) {
    SummaryGroup group{g.value("label", ""), {}};
    for (const auto& c : g.value("columns", Json::array())) {
      SummaryColumn col{c.value("label", ""), c.value("figure", ""), c.value("source", ""),
                        c.value("money", false)};
      if (!figure(StatsFigures{}, col.figure).ok())
        return Status::Invalid(path, "column '" + col.label + "': unknown figure '" + col.figure + "'");
      group.columns.push_back(col);
    }
    d.groups.push_back(std::move(group));
  }
  if (d.rows.empty() || d.groups.empty()) return Status::Invalid(path, "needs rows and groups");
  return d;
}

Result<SummaryTable> build_summary(StatsRepo& repo, const Actor& actor,
                                   const SummaryDefinition& def, const Period& period,
                                   const std::string& unit_code, const std::string& period_text) {
  SummaryTable t;
  t.title = def.title;
  t.row_header = def.row_header;
  t.groups = def.groups;
  t.period = period_text;
  t.period_label = period.label;
  for (const auto& row : def.rows) {
    t.row_labels.push_back(row.label);
    std::vector<int64_t> cells;
    for (const auto& g : def.groups)
      for (const auto& col : g.columns) {
        StatsQuery q;
        q.from_month = period.from_month;
        q.to_month = period.to_month;
        q.unit_code = unit_code;
        q.special_action = row.special_action;
        q.source = col.source;
        LJ_ASSIGN_OR_RETURN(StatsAnswer a, repo.query(actor, q));
        t.unit_code = a.unit.code;
        t.unit_name = a.unit.name;
        LJ_ASSIGN_OR_RETURN(int64_t v, figure(a.totals, col.figure));
        cells.push_back(v);
      }
    t.cells.push_back(std::move(cells));
  }
  LJ_ASSIGN_OR_RETURN(t.typical_cases, repo.typical_cases(actor, unit_code, period.from_month,
                                                          period.to_month, def.typical_cases));
  // Case titles are officers' free text: the summary is exported (XLSX, PDF, CSV) and sent
  // upward, so personal data in them is masked as for publication (docs/disclosure.md).
  for (auto& c : t.typical_cases) c.title = disclose::mask_text(c.title).masked;
  return t;
}

std::string wan_yuan(int64_t fen) {
  const bool neg = fen < 0;
  const int64_t hundredths = ((neg ? -fen : fen) + 5000) / 10000;
  char buf[48];
  std::snprintf(buf, sizeof buf, "%s%lld.%02lld", neg ? "-" : "",
                static_cast<long long>(hundredths / 100), static_cast<long long>(hundredths % 100));
  return buf;
}

Json to_json(const SummaryTable& t) {
  Json groups = Json::array();
  for (const auto& g : t.groups) {
    Json cols = Json::array();
    for (const auto& c : g.columns)
      cols.push_back({{"label", c.label}, {"figure", c.figure}, {"source", c.source},
                      {"money", c.money}});
    groups.push_back({{"label", g.label}, {"columns", cols}});
  }
  Json rows = Json::array();
  for (size_t r = 0; r < t.row_labels.size(); ++r)
    rows.push_back({{"label", t.row_labels[r]}, {"cells", t.cells[r]}});
  Json cases = Json::array();
  for (const auto& c : t.typical_cases)
    cases.push_back({{"id", c.id}, {"case_no", c.case_no}, {"title", c.title},
                     {"unit_code", c.unit_code}, {"unit_name", c.unit_name},
                     {"product_category", c.product_category}, {"status", c.status},
                     {"filed_month", c.filed_month}, {"closed_month", c.closed_month},
                     {"major", c.major}, {"fines_fen", c.fines_fen},
                     {"goods_value_fen", c.goods_value_fen},
                     {"illegal_income_fen", c.illegal_income_fen}});
  return {{"title", t.title}, {"unit", {{"code", t.unit_code}, {"name", t.unit_name}}},
          {"period", t.period}, {"period_label", t.period_label}, {"row_header", t.row_header},
          {"groups", groups}, {"rows", rows}, {"typical_cases", cases}};
}

std::string to_csv(const SummaryTable& t) {
  std::vector<std::string> h1{t.row_header}, h2{""};
  std::vector<const SummaryColumn*> cols;
  for (const auto& g : t.groups)
    for (size_t i = 0; i < g.columns.size(); ++i) {
      h1.push_back(i == 0 ? g.label : "");
      h2.push_back(g.columns[i].label);
      cols.push_back(&g.columns[i]);
    }
  std::string out = csv_line(h1) + csv_line(h2);
  for (size_t r = 0; r < t.row_labels.size(); ++r) {
    std::vector<std::string> line{t.row_labels[r]};
    for (size_t c = 0; c < cols.size(); ++c)
      line.push_back(cols[c]->money ? wan_yuan(t.cells[r][c]) : std::to_string(t.cells[r][c]));
    out += csv_line(line);
  }
  return out;
}

Json to_json(const StatsAnswer& a, const Period& p, const std::string& group_by) {
  Json groups = Json::array();
  for (const auto& g : a.groups) {
    Json j = figures_json(g.figures, a.cases_included);
    j["key"] = g.key;
    j["name"] = g.name;
    groups.push_back(j);
  }
  return {{"unit", {{"code", a.unit.code}, {"name", a.unit.name}}},
          {"from", p.from_month},
          {"to", p.to_month},
          {"period_label", p.label},
          {"group_by", group_by},
          {"cases_included", a.cases_included},
          {"answered_from", a.lead_table},
          {"totals", figures_json(a.totals, a.cases_included)},
          {"groups", groups}};
}

std::string to_csv(const StatsAnswer& a, const std::string& group_by) {
  std::vector<std::string> head{group_by.empty() ? "total" : group_by, "name", "leads"};
  if (a.cases_included)
    for (size_t i = 1; i < std::size(kFigureNames); ++i) head.push_back(kFigureNames[i]);
  std::string out = csv_line(head);
  auto line = [&](const std::string& key, const std::string& name, const StatsFigures& f) {
    std::vector<std::string> cells{key, name, std::to_string(f.leads)};
    if (a.cases_included)
      for (size_t i = 1; i < std::size(kFigureNames); ++i)
        cells.push_back(std::to_string(*figure(f, kFigureNames[i])));
    out += csv_line(cells);
  };
  for (const auto& g : a.groups) line(g.key, g.name, g.figures);
  line("total", a.unit.name, a.totals);
  return out;
}

}  // namespace lj::stats
