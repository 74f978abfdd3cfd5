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

void BM_Json_PageAsHandler(benchmark::State& state) {  // items passed as an lvalue: copied
  auto page = first_page();
  size_t bytes = 0;
  for (auto _ : state) {
    lj::Json items = lj::Json::array();
    for (const auto& l : page.items) items.push_back(lj::to_json(l, true));
    auto resp = lj::api::ok_json(lj::api::page_json(items, page.next_cursor));
    bytes = resp->body.size();
    benchmark::DoNotOptimize(resp->body.data());
  }
  state.counters["body_bytes"] = static_cast<double>(bytes);
}
BENCHMARK(BM_Json_PageAsHandler)->Unit(benchmark::kMicrosecond);

void BM_Json_PageMoved(benchmark::State& state) {  // the same with std::move(items)
  auto page = first_page();
  for (auto _ : state) {
    lj::Json items = lj::Json::array();
    for (const auto& l : page.items) items.push_back(lj::to_json(l, true));
    auto resp = lj::api::ok_json(lj::api::page_json(std::move(items), page.next_cursor));
    benchmark::DoNotOptimize(resp->body.data());
  }
}
BENCHMARK(BM_Json_PageMoved)->Unit(benchmark::kMicrosecond);

void BM_Json_DumpOnly(benchmark::State& state) {  // serialising a page DOM built once
  auto page = first_page();
  lj::Json items = lj::Json::array();
  for (const auto& l : page.items) items.push_back(lj::to_json(l, true));
  lj::Json body = lj::api::page_json(std::move(items), page.next_cursor);
  for (auto _ : state) {
    std::string s = body.dump();
    benchmark::DoNotOptimize(s.data());
  }
}
BENCHMARK(BM_Json_DumpOnly)->Unit(benchmark::kMicrosecond);

// A prototype of the alternative: the page written straight into one string, without a DOM.
// Same bytes as the handler's output (checked once before timing); keys in nlohmann's order.
void append_escaped(std::string& out, const std::string& s) {
  out += '"';
  size_t run = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    out.append(s, run, i - run);
    run = i + 1;
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default: {
        char buf[8];
        std::snprintf(buf, sizeof buf, "\\u%04x", c);
        out += buf;
      }
    }
  }
  out.append(s, run, std::string::npos);
  out += '"';
}

void append_field(std::string& out, const char* key, const std::string& text, bool null_if_empty) {
  out += '"';
  out += key;
  out += "\":";
  if (null_if_empty && text.empty()) out += "null";
  else append_escaped(out, text);
  out += ',';
}

void append_labels(std::string& out, const char* key, const std::vector<std::string>& codes) {
  out += '"';
  out += key;
  out += "\":[";
  for (size_t i = 0; i < codes.size(); ++i) {
    if (i) out += ',';
    append_escaped(out, codes[i]);
  }
  out += "],";
}

void append_lead(std::string& out, const lj::Lead& l) {
  out += "{\"amount_involved\":";
  if (l.amount_involved_fen) append_escaped(out, lj::fen_to_yuan(*l.amount_involved_fen));
  else out += "null";
  out += ',';
  append_field(out, "channel", l.channel, false);
  append_field(out, "created_at", l.created_at, false);
  append_field(out, "enterprise_address", l.enterprise_address, true);
  out += "\"enterprise_id\":";
  out += l.enterprise_id ? std::to_string(*l.enterprise_id) : "null";
  out += ',';
  append_field(out, "enterprise_name", l.enterprise_name, true);
  append_field(out, "enterprise_uscc", l.enterprise_uscc, true);
  out += "\"extra\":";
  out += l.extra.dump();
  out += ",\"id\":";
  out += std::to_string(l.id);
  out += ',';
  append_field(out, "product_category", l.product_category, true);
  append_field(out, "product_name", l.product_name, true);
  append_field(out, "received_at", l.received_at, false);
  append_field(out, "region_code", l.region_code, true);
  append_field(out, "reporter_name", l.reporter_name, true);
  append_field(out, "reporter_phone", l.reporter_phone, true);
  append_field(out, "source", l.source, false);
  append_field(out, "source_id", l.source_id, false);
  append_labels(out, "special_actions", l.special_actions);
  append_field(out, "status", l.status, false);
  append_field(out, "text", l.text, false);
  append_field(out, "title", l.title, true);
  append_field(out, "unit_code", l.unit_code, false);
  append_field(out, "updated_at", l.updated_at, false);
  out += "\"version\":";
  out += std::to_string(l.version);
  out += ',';
  append_labels(out, "violations", l.violations);
  out.back() = '}';
}

std::string page_direct(const lj::Page<lj::Lead>& page) {
  std::string out;
  out.reserve(1024 * page.items.size() + 256);
  out += "{\"items\":[";
  for (size_t i = 0; i < page.items.size(); ++i) {
    if (i) out += ',';
    append_lead(out, page.items[i]);
  }
  out += "],\"next_cursor\":";
  if (page.next_cursor.empty()) out += "null";
  else append_escaped(out, page.next_cursor);
  out += '}';
  return out;
}

void BM_Json_PageDirectWriter(benchmark::State& state) {
  auto page = first_page();
  lj::Json items = lj::Json::array();
  for (const auto& l : page.items) items.push_back(lj::to_json(l, true));
  if (page_direct(page) != lj::api::page_json(std::move(items), page.next_cursor).dump()) {
    state.SkipWithError("the direct writer's bytes differ from the handler's");
    return;
  }
  for (auto _ : state) {
    std::string s = page_direct(page);
    benchmark::DoNotOptimize(s.data());
  }
}
BENCHMARK(BM_Json_PageDirectWriter)->Unit(benchmark::kMicrosecond);

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
