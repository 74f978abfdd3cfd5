// PostgreSQL backend over libpq: a pool of connections, each statement prepared once per
// connection (keyed by its SQL text and parameter types) and run with text-format parameters.
//
// Parameter typing: a placeholder types like the literal it stands for. int64 is sent as int4
// when it fits, else int8 (as PostgreSQL types the literal 5 or 5000000000), double as float8;
// text and NULL are sent untyped, so the server infers their type from the context (a TEXT or
// BIGINT column...). Hence: compare TEXT columns with string values, not int64; and a bare
// `? IS NULL` with a NULL argument has no type to infer, so write `CAST(? AS TEXT) IS NULL`.
// Results: every column reads as text; booleans read as "1"/"0" like SQLite's, bigint and
// numeric as digits.
#include "store/postgres/postgres_database.hpp"

#include <fcntl.h>
#include <libpq-fe.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <condition_variable>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <mutex>
#include <unordered_map>

#include <spdlog/spdlog.h>

#include "store/postgres/placeholders.hpp"

extern char** environ;

namespace lj::sql {
namespace {

// Every writer takes this transaction-scoped advisory lock, so audit-chain appends (and
// migrations) are serialised across all servers sharing the database.
constexpr const char* kBeginWrite = "BEGIN; SELECT pg_advisory_xact_lock(727170)";
constexpr const char* kBeginRead = "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY";
constexpr const char* kSessionOptions = "-c TimeZone=Asia/Shanghai";
constexpr const char* kDefaultConnectTimeoutSeconds = "10";
constexpr size_t kStatementCacheLimit = 512;  // prepared statements per connection
constexpr size_t kPgDumpMessageLimit = 4096;  // bytes of pg_dump's stderr kept for the error
constexpr Oid kBoolOid = 16, kInt8Oid = 20, kInt4Oid = 23, kFloat8Oid = 701;

using PgResult = std::unique_ptr<PGresult, decltype(&PQclear)>;

// libpq's messages end in a newline and may span lines: one line for our logs.
std::string trimmed(std::string s) {
  while (!s.empty() && (s.back() == '\n' || s.back() == ' ')) s.pop_back();
  std::replace(s.begin(), s.end(), '\n', ' ');
  std::replace(s.begin(), s.end(), '\t', ' ');
  return s;
}

// The first schema of a "-c search_path=a,b" (or "-csearch_path=a") in libpq options; empty
// when none is set.
std::string search_path_schema(const std::string& options) {
  const std::string key = "search_path=";
  size_t at = options.find(key);
  if (at == std::string::npos) return "";
  at += key.size();
  size_t end = options.find_first_of(", ", at);
  std::string schema = options.substr(at, end == std::string::npos ? std::string::npos : end - at);
  if (schema.size() >= 2 && schema.front() == '"' && schema.back() == '"')
    schema = schema.substr(1, schema.size() - 2);
  return schema;
}

std::string sqlstate(const PGresult* res) {
  const char* state = res ? PQresultErrorField(res, PG_DIAG_SQLSTATE) : nullptr;
  return state ? state : "";
}

Status map_error(PGconn* conn, const PGresult* res, std::string_view what) {
  const char* primary = res ? PQresultErrorField(res, PG_DIAG_MESSAGE_PRIMARY) : nullptr;
  std::string state = sqlstate(res);
  std::string msg = std::string(what) + ": " +
                    (primary ? std::string(primary) : trimmed(PQerrorMessage(conn)));
  if (!state.empty()) msg += " (SQLSTATE " + state + ")";
  if (PQstatus(conn) != CONNECTION_OK || state.starts_with("08") || state == "57P01" ||
      state == "57P02" || state == "57P03")
    return {Code::kUnavailable, "PostgreSQL unavailable: " + msg};
  if (state == "23505") return Status::Conflict(msg);
  if (state == "40001" || state == "40P01") return Status::Conflict("retry: " + msg);
  return Status::Internal(msg);
}

bool succeeded(const PGresult* res) {
  auto st = res ? PQresultStatus(res) : PGRES_FATAL_ERROR;
  return st == PGRES_COMMAND_OK || st == PGRES_TUPLES_OK;
}

// Connection parameters parsed from the URI, as libpq keyword/value pairs, with our session
// settings merged in. The password is kept apart from every message and argv.
struct ConnParams {
  std::vector<std::pair<std::string, std::string>> pairs;

  std::string get(std::string_view key) const {
    for (const auto& [k, v] : pairs)
      if (k == key) return v;
    return {};
  }
  void set(const std::string& key, std::string value) {
    for (auto& [k, v] : pairs)
      if (k == key) { v = std::move(value); return; }
    pairs.emplace_back(key, std::move(value));
  }
  // "user@host:port/db" for messages; never the password.
  std::string describe() const {
    std::string host = get("host").empty() ? get("hostaddr") : get("host");
    return (get("user").empty() ? "" : get("user") + "@") + (host.empty() ? "localhost" : host) +
           (get("port").empty() ? "" : ":" + get("port")) + "/" + get("dbname");
  }
  // A keyword=value conninfo string without the password (for pg_dump's argv).
  std::string conninfo_without_password() const {
    std::string out;
    for (const auto& [k, v] : pairs) {
      if (k == "password") continue;
      out += k + "='";
      for (char c : v) {
        if (c == '\'' || c == '\\') out += '\\';
        out += c;
      }
      out += "' ";
    }
    return out;
  }
};

Result<ConnParams> parse_conninfo(const std::string& uri) {
  char* err = nullptr;
  PQconninfoOption* opts = PQconninfoParse(uri.c_str(), &err);
  if (!opts) {
    std::string msg = err ? trimmed(err) : "out of memory";
    PQfreemem(err);
    // libpq may quote a malformed part of the URI: keep the password out of the message.
    size_t scheme = uri.find("://");
    size_t at = uri.find('@');
    if (scheme != std::string::npos && at != std::string::npos && at > scheme + 3) {
      std::string userinfo = uri.substr(scheme + 3, at - scheme - 3);
      size_t colon = userinfo.find(':');
      std::string password = colon == std::string::npos ? "" : userinfo.substr(colon + 1);
      for (size_t p; !password.empty() && (p = msg.find(password)) != std::string::npos;)
        msg.replace(p, password.size(), "***");
    }
    return Status::Invalid("db", "bad PostgreSQL URL: " + msg);
  }
  ConnParams params;
  for (PQconninfoOption* o = opts; o->keyword; ++o)
    if (o->val && *o->val) params.pairs.emplace_back(o->keyword, o->val);
  PQconninfoFree(opts);
  std::string user_options = params.get("options");
  params.set("options", user_options.empty() ? kSessionOptions
                                             : std::string(kSessionOptions) + " " + user_options);
  params.set("client_encoding", "UTF8");
  if (params.get("connect_timeout").empty()) params.set("connect_timeout", kDefaultConnectTimeoutSeconds);
  if (params.get("application_name").empty()) params.set("fallback_application_name", "lijian");
  return params;
}

// A libpq connection. Used by one thread at a time (the pool hands it to one Handle).
class PgConnection final : public Connection {
 public:
  explicit PgConnection(PGconn* conn) : conn_(conn) {}
  ~PgConnection() override { PQfinish(conn_); }

  Dialect dialect() const override { return Dialect::kPostgres; }
  Status exec(std::string_view sql, const Params& params) override { return run(sql, params, nullptr); }
  Result<Rows> query(std::string_view sql, const Params& params) override {
    Rows rows;
    LJ_RETURN_IF_ERROR(run(sql, params, &rows));
    return rows;
  }

  Status exec_script(std::string_view sql) override {
    LJ_RETURN_IF_ERROR(ensure_open());
    PgResult res(PQexec(conn_, std::string(sql).c_str()), &PQclear);
    return succeeded(res.get()) ? Status::Ok() : map_error(conn_, res.get(), "script");
  }

  Status begin_write() override { return begin(kBeginWrite); }
  Status begin_read() override { return begin(kBeginRead); }

  Status commit() override {
    if (PQstatus(conn_) == CONNECTION_OK && PQtransactionStatus(conn_) == PQTRANS_INERROR) {
      rollback();  // COMMIT would silently roll back; say so instead
      return Status::Internal("commit: the transaction had failed and was rolled back");
    }
    Status st = exec_script("COMMIT");
    in_transaction_ = false;
    return st;
  }

  Status rollback() override {
    in_transaction_ = false;
    // A lost connection has no transaction left on the server to roll back.
    if (PQstatus(conn_) != CONNECTION_OK || PQtransactionStatus(conn_) == PQTRANS_IDLE)
      return Status::Ok();
    return exec_script("ROLLBACK");
  }

  // Readies the connection for its next user: ends a transaction its last user left open.
  void recycle() {
    if (in_transaction_ || (PQstatus(conn_) == CONNECTION_OK &&
                            PQtransactionStatus(conn_) != PQTRANS_IDLE))
      rollback();
  }

 private:
  struct Prepared {
    std::string name;
    int params;
  };

  // Reconnects a connection the server dropped, unless it dropped inside a transaction: that
  // transaction is gone, and its user must learn so (rollback() clears the state).
  Status ensure_open() {
    if (PQstatus(conn_) == CONNECTION_OK) return Status::Ok();
    if (in_transaction_)
      return {Code::kUnavailable, "PostgreSQL connection lost inside a transaction"};
    statements_.clear();
    PQreset(conn_);
    if (PQstatus(conn_) != CONNECTION_OK)
      return {Code::kUnavailable, "PostgreSQL reconnect failed: " + trimmed(PQerrorMessage(conn_))};
    return Status::Ok();
  }

  Status begin(const char* sql) {
    Status st = exec_script(sql);
    if (!st.ok()) {
      rollback();
      return st;
    }
    in_transaction_ = true;
    return st;
  }

  // Statements are cached by SQL text and parameter types (a NULL where an int was sent before
  // prepares a second variant).
  static std::string statement_key(std::string_view sql, const std::vector<Oid>& types) {
    std::string key(sql);
    key += '\0';
    for (Oid t : types) key += t == kInt4Oid ? 'i' : t == kInt8Oid ? 'l' : t == kFloat8Oid ? 'd' : 'u';
    return key;
  }

  Result<const Prepared*> prepare(std::string_view sql, const std::vector<Oid>& types) {
    std::string key = statement_key(sql, types);
    if (auto it = statements_.find(key); it != statements_.end()) return &it->second;
    if (statements_.size() >= kStatementCacheLimit && PQtransactionStatus(conn_) == PQTRANS_IDLE) {
      PgResult res(PQexec(conn_, "DEALLOCATE ALL"), &PQclear);
      if (succeeded(res.get())) statements_.clear();
    }
    RewrittenSql rewritten = rewrite_placeholders(sql);
    if (rewritten.params != static_cast<int>(types.size()))
      return Status::Internal("statement has " + std::to_string(rewritten.params) +
                              " placeholders but " + std::to_string(types.size()) +
                              " parameters: " + std::string(sql.substr(0, 120)));
    Prepared p{"lj" + std::to_string(++statement_counter_), rewritten.params};
    PgResult res(PQprepare(conn_, p.name.c_str(), rewritten.text.c_str(), p.params, types.data()),
                 &PQclear);
    if (!succeeded(res.get()))
      return map_error(conn_, res.get(), "prepare `" + std::string(sql.substr(0, 120)) + "`");
    return &statements_.emplace(std::move(key), std::move(p)).first->second;
  }

  Status run(std::string_view sql, const Params& params, Rows* rows) {
    LJ_RETURN_IF_ERROR(ensure_open());
    std::vector<std::string> texts(params.size());
    std::vector<const char*> values(params.size(), nullptr);
    std::vector<Oid> types(params.size(), 0);
    for (size_t i = 0; i < params.size(); ++i) {
      const Value& v = params[i];
      if (auto* n = std::get_if<int64_t>(&v)) {
        texts[i] = std::to_string(*n);
        types[i] = *n >= INT32_MIN && *n <= INT32_MAX ? kInt4Oid : kInt8Oid;
      } else if (auto* d = std::get_if<double>(&v)) {
        char buf[32];
        std::snprintf(buf, sizeof buf, "%.17g", *d);
        texts[i] = buf;
        types[i] = kFloat8Oid;
      } else if (auto* s = std::get_if<std::string>(&v)) {
        texts[i] = *s;
      }
      if (!std::holds_alternative<std::monostate>(v)) values[i] = texts[i].c_str();
    }
    LJ_ASSIGN_OR_RETURN(const Prepared* stmt, prepare(sql, types));
    PgResult res(PQexecPrepared(conn_, stmt->name.c_str(), stmt->params, values.data(), nullptr,
                                nullptr, 0),
                 &PQclear);
    if (!succeeded(res.get())) {
      // "cached plan must not change result type": the schema changed under the statement, so
      // prepare it afresh next time.
      if (sqlstate(res.get()) == "0A000") statements_.erase(statement_key(sql, types));
      return map_error(conn_, res.get(), "exec");
    }
    if (rows) read_rows(res.get(), *rows);
    return Status::Ok();
  }

  static void read_rows(const PGresult* res, Rows& rows) {
    int nrows = PQntuples(res), ncols = PQnfields(res);
    std::vector<bool> is_bool(ncols);
    for (int c = 0; c < ncols; ++c) is_bool[c] = PQftype(res, c) == kBoolOid;
    rows.reserve(rows.size() + nrows);
    for (int r = 0; r < nrows; ++r) {
      std::vector<std::optional<std::string>> cells;
      cells.reserve(ncols);
      for (int c = 0; c < ncols; ++c) {
        if (PQgetisnull(res, r, c)) cells.emplace_back(std::nullopt);
        else if (is_bool[c]) cells.emplace_back(*PQgetvalue(res, r, c) == 't' ? "1" : "0");
        else cells.emplace_back(std::string(PQgetvalue(res, r, c), PQgetlength(res, r, c)));
      }
      rows.emplace_back(std::move(cells));
    }
  }

  PGconn* conn_;
  bool in_transaction_ = false;
  int64_t statement_counter_ = 0;
  std::unordered_map<std::string, Prepared> statements_;
};

Result<std::unique_ptr<PgConnection>> connect(const ConnParams& params) {
  std::vector<const char*> keys, values;
  for (const auto& [k, v] : params.pairs) {
    keys.push_back(k.c_str());
    values.push_back(v.c_str());
  }
  keys.push_back(nullptr);
  values.push_back(nullptr);
  PGconn* raw = PQconnectdbParams(keys.data(), values.data(), 0);
  if (!raw) return Status{Code::kUnavailable, "cannot connect to PostgreSQL: out of memory"};
  auto conn = std::make_unique<PgConnection>(raw);
  // Server notices ("... already exists, skipping") go to the debug log, not stderr.
  PQsetNoticeProcessor(
      raw, [](void*, const char* message) { spdlog::debug("postgres: {}", trimmed(message)); },
      nullptr);
  if (PQstatus(raw) != CONNECTION_OK)
    return Status{Code::kUnavailable, "cannot connect to PostgreSQL " + params.describe() + ": " +
                                          trimmed(PQerrorMessage(raw))};
  // Placeholder rewriting assumes backslashes in literals are plain characters.
  const char* scs = PQparameterStatus(raw, "standard_conforming_strings");
  if (!scs || std::strcmp(scs, "on") != 0)
    return Status::Internal("PostgreSQL " + params.describe() + " must run with standard_conforming_strings=on");
  return conn;
}

// Runs `argv` with `env`; returns its exit status and up to kPgDumpMessageLimit of its stderr.
Status run_tool(const std::vector<std::string>& argv, const std::vector<std::string>& env) {
  std::vector<char*> args, envp;
  for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  for (const auto& e : env) envp.push_back(const_cast<char*>(e.c_str()));
  args.push_back(nullptr);
  envp.push_back(nullptr);
  int err_pipe[2];
  if (pipe2(err_pipe, O_CLOEXEC) != 0) return Status::Internal("pipe: " + std::string(std::strerror(errno)));
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, err_pipe[1], STDERR_FILENO);
  pid_t pid = 0;
  int rc = posix_spawnp(&pid, args[0], &actions, nullptr, args.data(), envp.data());
  posix_spawn_file_actions_destroy(&actions);
  close(err_pipe[1]);
  std::string message;
  char buf[1024];
  for (ssize_t n; rc == 0 && ((n = read(err_pipe[0], buf, sizeof buf)) > 0 || (n < 0 && errno == EINTR));)
    if (n > 0 && message.size() < kPgDumpMessageLimit) message.append(buf, n);
  close(err_pipe[0]);
  if (rc != 0) return Status::Internal("cannot run " + argv[0] + ": " + std::strerror(rc));
  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {}
  if (WIFEXITED(status) && WEXITSTATUS(status) == 0) return Status::Ok();
  std::string how = WIFEXITED(status) ? "exit " + std::to_string(WEXITSTATUS(status))
                                      : "signal " + std::to_string(WTERMSIG(status));
  return Status::Internal(argv[0] + " failed (" + how + "): " + trimmed(message));
}

// The pool. Connections open lazily up to `size`; acquire waits when all are in use.
// Thread safe.
class PgDatabase final : public Database {
 public:
  PgDatabase(ConnParams params, int size, std::unique_ptr<PgConnection> first)
      : params_(std::move(params)), size_(size) {
    free_.push_back(first.get());
    all_.push_back(std::move(first));
  }

  Dialect dialect() const override { return Dialect::kPostgres; }

  Result<Handle> acquire(bool write) override {
    std::unique_lock lock(mu_);
    if (free_.empty() && static_cast<int>(all_.size()) + opening_ >= size_) ++waits_;
    cv_.wait(lock, [&] { return !free_.empty() || static_cast<int>(all_.size()) + opening_ < size_; });
    ++in_use_;
    if (!free_.empty()) {
      Connection* c = free_.back();
      free_.pop_back();
      return Handle(this, c, write);
    }
    ++opening_;
    lock.unlock();
    auto conn = connect(params_);
    lock.lock();
    --opening_;
    if (!conn.ok()) {
      --in_use_;
      cv_.notify_one();
      return conn.status();
    }
    all_.push_back(std::move(conn).value());
    return Handle(this, all_.back().get(), write);
  }

  PoolStats stats() const override {
    std::lock_guard lock(mu_);
    return PoolStats{size_, in_use_, waits_};
  }

  // pg_dump (from PATH) in custom format; the password travels in PGPASSWORD, not argv. A URL
  // whose options set search_path (Lijian in a schema of a shared database) dumps that schema
  // only: the other schemas are not Lijian's, and may change while the dump runs.
  Status backup(const std::string& path) override {
    std::vector<std::string> env;
    for (char** e = environ; *e; ++e)
      if (std::strncmp(*e, "PGPASSWORD=", 11) != 0) env.emplace_back(*e);
    if (!params_.get("password").empty()) env.push_back("PGPASSWORD=" + params_.get("password"));
    std::vector<std::string> argv = {"pg_dump", "--format=custom", "--file=" + path,
                                     "--dbname=" + params_.conninfo_without_password()};
    if (std::string schema = search_path_schema(params_.get("options")); !schema.empty())
      argv.push_back("--schema=" + schema);
    return run_tool(argv, env);
  }

 protected:
  void release(Connection* conn, bool /*write*/) override {
    static_cast<PgConnection*>(conn)->recycle();
    {
      std::lock_guard lock(mu_);
      free_.push_back(conn);
      --in_use_;
    }
    cv_.notify_one();
  }

 private:
  const ConnParams params_;
  const int size_;
  mutable std::mutex mu_;
  std::condition_variable cv_;
  std::vector<std::unique_ptr<PgConnection>> all_;
  std::vector<Connection*> free_;
  int opening_ = 0;  // connections being opened outside the lock
  int in_use_ = 0;
  int64_t waits_ = 0;
};

}  // namespace

Result<std::unique_ptr<Database>> open_postgres(const std::string& conninfo, int size) {
  LJ_ASSIGN_OR_RETURN(ConnParams params, parse_conninfo(conninfo));
  // One connection now, so a wrong URL or a down server fails at start-up.
  LJ_ASSIGN_OR_RETURN(auto first, connect(params));
  return std::unique_ptr<Database>(new PgDatabase(std::move(params), std::max(1, size), std::move(first)));
}

}  // namespace lj::sql
