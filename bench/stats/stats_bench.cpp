// The dashboard's figures at scale (bench/README.md "Statistics"): each figure answered from the
// roll-ups (StatsRepo, as GET /api/v1/stats does) and, in the same run on the same database,
// computed from the base table `leads`; both answers must be equal. Prints one line per figure
// (median of the runs) and writes the answers as JSON for the DuckDB run to compare against.
//   build/bench/stats_bench sqlite:///path/bench.db OUT.json [rollup_runs] [base_runs]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>

#include "model/json.hpp"
#include "store/sql/stats_repo.hpp"
#include "store/store.hpp"

using namespace lj;

namespace {

using Answer = std::map<std::string, int64_t>;

struct Figure {
  std::string name;
  StatsQuery q;
  std::string base_sql;  // rows of (key, count); scope and period written in
  bool split_list = false;  // base keys are ",a,b," lists to split (special actions)
};

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

template <class F>
double time_ms(F&& f) {
  auto t0 = std::chrono::steady_clock::now();
  f();
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::cerr << "usage: stats_bench DB_URL OUT.json [rollup_runs] [base_runs]\n";
    return 2;
  }
  const int rollup_runs = argc > 3 ? std::atoi(argv[3]) : 21;
  const int base_runs = argc > 4 ? std::atoi(argv[4]) : 3;
  auto store = open_store(argv[1], 2);
  if (!store.ok()) {
    std::cerr << store.status().to_string() << "\n";
    return 1;
  }
  Actor region;
  region.username = "bench";
  region.role = Role::kAnalyst;
  region.unit_code = "150000";
  region.unit_path = "/150000/";
  StatsRepo repo((*store)->sql());

  const std::string year = " AND received_at >= '2018-01' AND received_at < '2018-12-99'";
  const std::string all_region = " FROM leads WHERE unit_path LIKE '/150000/%'";
  auto q = [](std::string from, std::string to, std::string unit, std::string group) {
    StatsQuery s;
    s.from_month = std::move(from);
    s.to_month = std::move(to);
    s.unit_code = std::move(unit);
    s.group_by = std::move(group);
    return s;
  };
  std::vector<Figure> figures = {
      {"region total, year", q("2018-01", "2018-12", "150000", ""),
       "SELECT 'total', COUNT(*)" + all_region + year},
      {"region by month, 24 months", q("2017-04", "2019-03", "150000", "month"),
       "SELECT substr(received_at, 1, 7), COUNT(*)" + all_region +
           " AND received_at >= '2017-04' AND received_at < '2019-03-99' GROUP BY 1"},
      {"region by league, year", q("2018-01", "2018-12", "150000", "unit"),
       "SELECT CASE WHEN length(unit_path) > 8 THEN substr(unit_path, 9, 6) ELSE '150000' END, "
       "COUNT(*)" + all_region + year + " GROUP BY 1"},
      {"league 150400 by county, year", q("2018-01", "2018-12", "150400", "unit"),
       "SELECT CASE WHEN length(unit_path) > 15 THEN substr(unit_path, 16, 6) ELSE '150400' END, "
       "COUNT(*) FROM leads WHERE unit_path LIKE "
       "'/150000/150400/%'" + year + " GROUP BY 1"},
      {"region by source, year", q("2018-01", "2018-12", "150000", "source"),
       "SELECT source, COUNT(*)" + all_region + year + " GROUP BY 1"},
      {"region by product category, year", q("2018-01", "2018-12", "150000", "product_category"),
       "SELECT COALESCE(product_category, ''), COUNT(*)" + all_region + year + " GROUP BY 1"},
      {"region by special action, year", q("2018-01", "2018-12", "150000", "special_action"),
       "SELECT special_actions, COUNT(*)" + all_region + year + " GROUP BY 1", true},
      {"region by violation, year", q("2018-01", "2018-12", "150000", "violation"),
       "SELECT violations, COUNT(*)" + all_region + year + " GROUP BY 1", true},
      {"county 150404 by month, year", q("2018-01", "2018-12", "150404", "month"),
       "SELECT substr(received_at, 1, 7), COUNT(*) FROM leads WHERE unit_path LIKE "
       "'/150000/150400/150404/%'" + year + " GROUP BY 1"},
  };
  {
    Figure f{"12365 x agri_inputs by month, year", q("2018-01", "2018-12", "150000", "month"),
             "SELECT substr(received_at, 1, 7), COUNT(*)" + all_region + year +
                 " AND source = 'hotline_12365' AND special_actions LIKE '%,agri_inputs,%' GROUP BY 1"};
    f.q.source = "hotline_12365";
    f.q.special_action = "agri_inputs";
    figures.push_back(f);
  }

  Json out = Json::array();
  int mismatches = 0;
  std::printf("%-38s %12s %12s %8s  %s\n", "figure", "roll-up ms", "base ms", "ratio", "table");
  for (const Figure& f : figures) {
    Answer from_rollup, from_base;
    std::string table;
    std::vector<double> tr, tb;
    for (int i = 0; i < rollup_runs; ++i)
      tr.push_back(time_ms([&] {
        auto a = repo.query(region, f.q);
        if (!a.ok()) {
          std::cerr << f.name << ": " << a.status().to_string() << "\n";
          std::exit(1);
        }
        from_rollup.clear();
        table = a->lead_table;
        if (f.q.group_by.empty()) from_rollup["total"] = a->totals.leads;
        for (const auto& g : a->groups)
          if (g.figures.leads) from_rollup[g.key] = g.figures.leads;
      }));
    for (int i = 0; i < base_runs; ++i)
      tb.push_back(time_ms([&] {
        from_base.clear();
        Status st = (*store)->sql().read([&](sql::Connection& c) -> Status {
          LJ_ASSIGN_OR_RETURN(sql::Rows rows, c.query(f.base_sql));
          for (const auto& r : rows) {
            if (r.int64(1) == 0) continue;
            if (f.split_list) {
              auto labels = split_labels(r.text(0));
              if (labels.empty()) labels = {""};
              for (const auto& l : labels) from_base[l] += r.int64(1);
            } else {
              from_base[r.text(0)] += r.int64(1);
            }
          }
          return Status::Ok();
        });
        if (!st.ok()) {
          std::cerr << f.name << ": " << st.to_string() << "\n";
          std::exit(1);
        }
      }));
    // The roll-up lists "" (none) only for lists; the base keys of a unit group are codes.
    if (f.split_list) from_base.erase("");
    if (f.split_list) from_rollup.erase("");
    const bool same = from_rollup == from_base;
    if (!same) ++mismatches;
    const double r = median(tr), b = median(tb);
    std::printf("%-38s %12.2f %12.1f %7.0fx  %s%s\n", f.name.c_str(), r, b, b / r, table.c_str(),
                same ? "" : "  MISMATCH");
    Json answer = Json::object();
    for (const auto& [k, v] : from_base) answer[k] = v;
    out.push_back({{"figure", f.name}, {"rollup_ms", r}, {"base_ms", b}, {"answer", answer},
                   {"same", same}});
  }
  std::ofstream(argv[2]) << out.dump(2) << "\n";
  return mismatches ? 1 : 0;
}
