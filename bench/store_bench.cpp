// Micro-benchmarks of the lead list path below HTTP: Store::list_leads and get_lead on SQLite,
// next to the same query as a raw prepared sqlite3 statement (the floor) and variants of its
// scope predicate, and the handler's JSON step (to_json + page_json + dump) on a page of 50
// leads next to a prototype that writes the same bytes without a DOM.
//
// The database is made once per run in a temporary folder: migrations and the reference data
// through the Store, then LIJIAN_BENCH_LEADS leads (default 100000) with bench/bulk_leads.sql,
// then ANALYZE. The folder is removed at exit. Run: build/bench/store_bench (see bench/README.md).
// The Store and raw connections are used from the benchmark threads only; the fixture is made
// once, before any benchmark runs.
#include <benchmark/benchmark.h>
#include <sqlite3.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>
#include <string>

#include "api/app.hpp"
#include "model/json.hpp"
#include "model/lead_json.hpp"
#include "refdata/data_dir.hpp"
#include "refdata/demo.hpp"
#include "store/store.hpp"

namespace {

constexpr const char* kLeadColumns =  // the column list of SqlStore::list_leads
    "l.id, l.source, l.source_id, l.received_at, l.title, l.text, l.channel, l.status, "
    "l.unit_code, l.unit_path, l.enterprise_id, l.enterprise_name, l.enterprise_uscc, "
    "l.enterprise_address, l.region_code, l.product_name, l.product_category, "
    "l.special_actions, l.violations, l.amount_involved_fen, l.reporter_name, l.reporter_phone, "
    "l.extra, l.created_at, l.updated_at, l.version";
// The scope predicate SqlStore builds (store/sql/sql_store.cpp, scope_predicate).
constexpr const char* kScope =
    "(l.unit_path LIKE ? OR l.id IN (SELECT entity_id FROM shares WHERE entity = ? AND unit_code = ?))";
constexpr const char* kOrder = " ORDER BY l.received_at DESC, l.id DESC LIMIT 51";

[[noreturn]] void fail(const std::string& what) {
  std::cerr << "store_bench: " << what << "\n";
  std::exit(1);
}

void check(const lj::Status& st, const char* what) {
  if (!st.ok()) fail(std::string(what) + ": " + st.to_string());
}

lj::Actor actor(const char* unit_code, const char* unit_path, lj::Role role) {
  lj::Actor a;
  a.user_id = 1;
  a.username = "bench";
  a.role = role;
  a.unit_code = unit_code;
  a.unit_path = unit_path;
  a.via = "session";
  return a;
}

// The shared fixture: a store over a database of `leads` leads, and a raw connection to it.
struct Fixture {
  std::filesystem::path dir;
  std::unique_ptr<lj::Store> store;
  sqlite3* raw = nullptr;
  sqlite3* raw_qpsg = nullptr;  // the same file with SQLITE_DBCONFIG_ENABLE_QPSG on
  int64_t leads = 0;
  lj::Actor leader = actor("150000", "/150000/", lj::Role::kLeader);           // sees every lead
  lj::Actor officer = actor("150404", "/150000/150400/150404/", lj::Role::kOfficer);  // one county
  std::string deep_cursor;  // about half-way down the whole list, by received_at descending

  Fixture() {
    const char* env = std::getenv("LIJIAN_BENCH_LEADS");
    leads = env ? std::atoll(env) : 100000;
    std::string tmpl = (std::filesystem::temp_directory_path() / "lijian-store-bench.XXXXXX").string();
    if (!mkdtemp(tmpl.data())) fail("cannot create a temporary folder");
    dir = tmpl;
    std::string db = (dir / "bench.db").string();
    auto opened = lj::open_store("sqlite://" + db, 4);
    check(opened.status(), "open_store");
    store = std::move(*opened);
    check(store->migrate().status(), "migrate");
    auto data = lj::refdata::data_dir(LIJIAN_SOURCE_DATA_DIR);
    check(data.status(), "data_dir");
    check(lj::refdata::load_reference(*store, *data, "15"), "load_reference");

    if (sqlite3_open_v2(db.c_str(), &raw, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK)
      fail("cannot open " + db);
    std::ifstream in(LIJIAN_BENCH_DIR "/bulk_leads.sql");
    std::stringstream sql;
    sql << in.rdbuf();
    std::string script = sql.str();
    if (script.empty()) fail("cannot read bench/bulk_leads.sql");
    for (size_t at; (at = script.find("@target")) != std::string::npos;)
      script.replace(at, 7, std::to_string(leads));
    exec(script + "ANALYZE; PRAGMA cache_size = -65536;");  // back to the store's cache size
    if (sqlite3_open_v2(db.c_str(), &raw_qpsg, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK ||
        sqlite3_db_config(raw_qpsg, SQLITE_DBCONFIG_ENABLE_QPSG, 1, nullptr) != SQLITE_OK)
      fail("cannot open " + db + " with QPSG");

    lj::LeadQuery mid;
    mid.received_to = "2018-03-31T23:59:59+08:00";
    auto page = store->list_leads(leader, mid);
    check(page.status(), "list_leads (received_to)");
    deep_cursor = page->next_cursor;
  }

  ~Fixture() {
    sqlite3_close_v2(raw);
    sqlite3_close_v2(raw_qpsg);
    store.reset();
    std::error_code ec;
    std::filesystem::remove_all(dir, ec);
  }

  void exec(const std::string& sql) {
    char* err = nullptr;
    if (sqlite3_exec(raw, sql.c_str(), nullptr, nullptr, &err) != SQLITE_OK)
      fail(std::string("sqlite: ") + (err ? err : "?"));
  }

  sqlite3_stmt* prepare(const std::string& sql, sqlite3* on = nullptr) {
    if (!on) on = raw;
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v3(on, sql.c_str(), -1, SQLITE_PREPARE_PERSISTENT, &stmt, nullptr) != SQLITE_OK)
      fail("prepare: " + std::string(sqlite3_errmsg(on)));
    return stmt;
  }
};

Fixture& fixture() {
  static Fixture f;
  return f;
}

// Steps `stmt` to the end, reading every column as text (what the store's driver reads);
// returns the rows and adds the bytes read to `bytes`.
int step_all(sqlite3_stmt* stmt, int64_t& bytes) {
  int rows = 0;
  while (sqlite3_step(stmt) == SQLITE_ROW) {
    ++rows;
    for (int c = 0, n = sqlite3_column_count(stmt); c < n; ++c) {
      if (sqlite3_column_type(stmt, c) == SQLITE_NULL) continue;
      benchmark::DoNotOptimize(sqlite3_column_text(stmt, c));
      bytes += sqlite3_column_bytes(stmt, c);
    }
  }
  sqlite3_reset(stmt);
  return rows;
}

void bind_text(sqlite3_stmt* stmt, int i, const std::string& s) {
  sqlite3_bind_text(stmt, i, s.data(), static_cast<int>(s.size()), SQLITE_TRANSIENT);
}

void run_list(benchmark::State& state, const lj::Actor& a, const lj::LeadQuery& q) {
  auto& f = fixture();
  size_t items = 0;
  for (auto _ : state) {
    auto page = f.store->list_leads(a, q);
    if (!page.ok()) {
      state.SkipWithError(page.status().to_string().c_str());
      return;
    }
    items = page->items.size();
    benchmark::DoNotOptimize(page->items.data());
  }
  state.counters["rows"] = static_cast<double>(items);
  state.counters["leads_in_db"] = static_cast<double>(f.leads);
}

// --- the store

void BM_Store_ListFirstPage(benchmark::State& state) {
  lj::LeadQuery q;
  run_list(state, fixture().leader, q);
}
BENCHMARK(BM_Store_ListFirstPage)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_Store_ListFirstPage)->Unit(benchmark::kMicrosecond)->Threads(2)->UseRealTime();

void BM_Store_ListDeepPage(benchmark::State& state) {
  lj::LeadQuery q;
  q.cursor = fixture().deep_cursor;
  run_list(state, fixture().leader, q);
}
BENCHMARK(BM_Store_ListDeepPage)->Unit(benchmark::kMicrosecond);

void BM_Store_ListFiltered(benchmark::State& state) {
  lj::LeadQuery q;
  q.status = "verified";
  q.special_action = "agri_inputs";
  run_list(state, fixture().leader, q);
}
BENCHMARK(BM_Store_ListFiltered)->Unit(benchmark::kMicrosecond);

void BM_Store_ListCountyOfficer(benchmark::State& state) {  // a scope of one county in ~108
  lj::LeadQuery q;
  run_list(state, fixture().officer, q);
}
BENCHMARK(BM_Store_ListCountyOfficer)->Unit(benchmark::kMicrosecond);

void BM_Store_GetLead(benchmark::State& state) {
  auto& f = fixture();
  int64_t id = 1;
  for (auto _ : state) {
    auto lead = f.store->get_lead(f.leader, id);
    if (!lead.ok()) {
      state.SkipWithError(lead.status().to_string().c_str());
      return;
    }
    benchmark::DoNotOptimize(lead->id);
    id = (id + 7919) % f.leads + 1;
  }
}
BENCHMARK(BM_Store_GetLead)->Unit(benchmark::kMicrosecond);

// --- raw SQL: one prepared statement kept across iterations, rows stepped and read as text

void BM_Raw_ListFirstPage(benchmark::State& state) {  // no scope predicate: the floor
  auto& f = fixture();
  sqlite3_stmt* stmt = f.prepare(std::string("SELECT ") + kLeadColumns + " FROM leads l" + kOrder);
  int64_t bytes = 0;
  int rows = 0;
  for (auto _ : state) rows = step_all(stmt, bytes);
  sqlite3_finalize(stmt);
  state.counters["rows"] = rows;
  state.SetBytesProcessed(bytes);
}
BENCHMARK(BM_Raw_ListFirstPage)->Unit(benchmark::kMicrosecond);

// Variants of the scope predicate, each one prepared statement with its parameters bound anew
// per execution as the store does. The counter `reprepares` is SQLITE_STMTSTATUS_REPREPARE per
// iteration: 1 means SQLite recompiles the statement on every execution, which it does when a
// LIKE pattern is a bound parameter (the value may change the plan), unless the connection has
// SQLITE_DBCONFIG_ENABLE_QPSG on.
enum ScopeSql { kStoreLike, kStoreLikeQpsg, kSubstr, kRange };

void BM_Raw_ListFirstPageScope(benchmark::State& state) {
  auto& f = fixture();
  const auto variant = static_cast<ScopeSql>(state.range(0));
  std::string where;
  switch (variant) {
    case kStoreLike:
    case kStoreLikeQpsg: where = kScope; break;
    case kSubstr:
      where = "(substr(l.unit_path, 1, length(?1)) = ?1 OR l.id IN "
              "(SELECT entity_id FROM shares WHERE entity = ?2 AND unit_code = ?3))";
      break;
    case kRange:  // prefix p as p <= path < p || x'7f': lets SQLite pick the unit_path index
      where = "((l.unit_path >= ?1 AND l.unit_path < ?1 || char(127)) OR l.id IN "
              "(SELECT entity_id FROM shares WHERE entity = ?2 AND unit_code = ?3))";
      break;
  }
  sqlite3_stmt* stmt = f.prepare(std::string("SELECT ") + kLeadColumns + " FROM leads l WHERE " +
                                     where + kOrder,
                                 variant == kStoreLikeQpsg ? f.raw_qpsg : f.raw);
  const bool like = variant == kStoreLike || variant == kStoreLikeQpsg;
  int64_t bytes = 0;
  int rows = 0;
  for (auto _ : state) {
    bind_text(stmt, 1, like ? f.leader.unit_path + "%" : f.leader.unit_path);
    bind_text(stmt, 2, "lead");
    bind_text(stmt, 3, f.leader.unit_code);
    rows = step_all(stmt, bytes);
    sqlite3_clear_bindings(stmt);
  }
  state.counters["rows"] = rows;
  state.counters["reprepares"] = benchmark::Counter(
      sqlite3_stmt_status(stmt, SQLITE_STMTSTATUS_REPREPARE, 0), benchmark::Counter::kAvgIterations);
  sqlite3_finalize(stmt);
  state.SetBytesProcessed(bytes);
  const char* names[] = {"store_like", "store_like_qpsg", "substr", "range"};
  state.SetLabel(names[variant]);
}
BENCHMARK(BM_Raw_ListFirstPageScope)
    ->Unit(benchmark::kMicrosecond)
    ->Arg(kStoreLike)
    ->Arg(kStoreLikeQpsg)
    ->Arg(kSubstr)
    ->Arg(kRange);

// get_lead's statement: Arg 0 by id alone, Arg 1 with the store's scope predicate (LIKE ?).
void BM_Raw_GetLead(benchmark::State& state) {
  auto& f = fixture();
  const bool scoped = state.range(0) == 1;
  sqlite3_stmt* stmt = f.prepare(std::string("SELECT ") + kLeadColumns + " FROM leads l WHERE l.id = ?" +
                                 (scoped ? std::string(" AND ") + kScope : std::string()));
  int64_t id = 1, bytes = 0;
  for (auto _ : state) {
    sqlite3_bind_int64(stmt, 1, id);
    if (scoped) {
      bind_text(stmt, 2, f.leader.unit_path + "%");
      bind_text(stmt, 3, "lead");
      bind_text(stmt, 4, f.leader.unit_code);
    }
    benchmark::DoNotOptimize(step_all(stmt, bytes));
    id = (id + 7919) % f.leads + 1;
  }
  state.counters["reprepares"] = benchmark::Counter(
      sqlite3_stmt_status(stmt, SQLITE_STMTSTATUS_REPREPARE, 0), benchmark::Counter::kAvgIterations);
  state.SetLabel(scoped ? "store_sql" : "by_id");
  sqlite3_finalize(stmt);
}
BENCHMARK(BM_Raw_GetLead)->Unit(benchmark::kMicrosecond)->Arg(0)->Arg(1);

// --- the handler's JSON step on one page of 50 leads (api/routes_leads.cpp, list_leads)

lj::Page<lj::Lead> first_page() {
  auto page = fixture().store->list_leads(fixture().leader, lj::LeadQuery{});
  check(page.status(), "list_leads");
  return std::move(*page);
}

// What the handler does: the page written straight into the response by JsonWriter.
void BM_Json_PageAsHandler(benchmark::State& state) {
  auto page = first_page();
  size_t bytes = 0;
  for (auto _ : state) {
    std::string body;
    body.reserve(1024 * page.items.size() + 64);
    lj::JsonWriter w(body);
    w.begin_object();
    w.key("items").begin_array();
    for (const auto& l : page.items) lj::write_lead(w, l, true);
    w.end_array();
    w.key("next_cursor").string_or_null(page.next_cursor);
    w.end_object();
    bytes = body.size();
    benchmark::DoNotOptimize(body.data());
  }
  state.counters["body_bytes"] = static_cast<double>(bytes);
}
BENCHMARK(BM_Json_PageAsHandler)->Unit(benchmark::kMicrosecond);

// Reference in the same run: the same page through nlohmann objects (the audit log's form).
void BM_Json_PageAsDom(benchmark::State& state) {
  auto page = first_page();
  for (auto _ : state) {
    lj::Json items = lj::Json::array();
    for (const auto& l : page.items) items.push_back(lj::to_json(l, true));
    auto resp = lj::api::ok_json(lj::api::page_json(std::move(items), page.next_cursor));
    benchmark::DoNotOptimize(resp->body.data());
  }
}
BENCHMARK(BM_Json_PageAsDom)->Unit(benchmark::kMicrosecond);

}  // namespace

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  auto t0 = std::chrono::steady_clock::now();
  Fixture& f = fixture();
  std::chrono::duration<double> took = std::chrono::steady_clock::now() - t0;
  std::cerr << "store_bench: " << f.leads << " leads in " << (f.dir / "bench.db").string() << " (made in "
            << took.count() << " s; LIJIAN_BENCH_LEADS sets the number)\n";
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
