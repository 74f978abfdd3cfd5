// The small shared SQL layer under both backends: parameters, rows, transactions, pooling and
// the mapping of driver errors to our codes. Statements use `?` placeholders; the PostgreSQL
// driver rewrites them to $1..$n. Nothing above this layer knows which engine runs.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "core/status.hpp"

namespace lj::sql {

using Value = std::variant<std::monostate, int64_t, double, std::string>;
using Params = std::vector<Value>;

inline Value null() { return std::monostate{}; }
template <class T>
Value opt(const std::optional<T>& v) {
  return v ? Value(*v) : Value(std::monostate{});
}
// Empty text is stored as NULL.
inline Value text_or_null(const std::string& s) { return s.empty() ? Value() : Value(s); }

// One result row; columns are read by position as text (NULL reads as nullopt).
class Row {
 public:
  explicit Row(std::vector<std::optional<std::string>> cells) : cells_(std::move(cells)) {}
  bool is_null(size_t i) const { return !cells_.at(i).has_value(); }
  std::string text(size_t i) const { return cells_.at(i).value_or(std::string()); }
  // Moves the cell's text out of the row (the cell reads as empty afterwards).
  std::string take_text(size_t i) {
    auto& c = cells_.at(i);
    return c ? std::move(*c) : std::string();
  }
  int64_t int64(size_t i) const;
  std::optional<int64_t> opt_int64(size_t i) const;
  double real(size_t i) const;
  size_t size() const { return cells_.size(); }

 private:
  std::vector<std::optional<std::string>> cells_;
};

using Rows = std::vector<Row>;

enum class Dialect { kSqlite, kPostgres };

// A connection, used by one thread at a time. Methods map engine errors: unique violations to
// kConflict, a lost server to kUnavailable, everything else to kInternal.
class Connection {
 public:
  virtual ~Connection() = default;
  virtual Dialect dialect() const = 0;
  virtual Status exec(std::string_view sql, const Params& params = {}) = 0;
  virtual Result<Rows> query(std::string_view sql, const Params& params = {}) = 0;
  // Runs several statements without parameters (migrations).
  virtual Status exec_script(std::string_view sql) = 0;
  // Starts a write transaction that serialises against other writers of the audit chain.
  virtual Status begin_write() = 0;
  virtual Status begin_read() = 0;
  virtual Status commit() = 0;
  virtual Status rollback() = 0;
};

// Pool statistics for /metrics.
struct PoolStats {
  int size = 0;
  int in_use = 0;
  int64_t waits = 0;  // acquisitions that had to wait
};

// A pool of connections. `acquire(true)` hands out a connection that may write (SQLite has one
// writer; PostgreSQL any). The handle returns the connection to the pool when destroyed.
class Database {
 public:
  class Handle {
   public:
    Handle(Database* db, Connection* conn, bool write) : db_(db), conn_(conn), write_(write) {}
    Handle(Handle&& o) noexcept : db_(o.db_), conn_(o.conn_), write_(o.write_) { o.conn_ = nullptr; }
    Handle(const Handle&) = delete;
    Handle& operator=(const Handle&) = delete;
    Handle& operator=(Handle&&) = delete;
    ~Handle() {
      if (conn_) db_->release(conn_, write_);
    }
    Connection* operator->() const { return conn_; }
    Connection& operator*() const { return *conn_; }

   private:
    Database* db_;
    Connection* conn_;
    bool write_;
  };

  virtual ~Database() = default;
  virtual Dialect dialect() const = 0;
  virtual Result<Handle> acquire(bool write) = 0;
  virtual PoolStats stats() const = 0;
  // A consistent copy of the whole database to `path` (SQLite file, or pg_dump custom format).
  virtual Status backup(const std::string& path) = 0;

 protected:
  virtual void release(Connection* conn, bool write) = 0;
};

// Opens "sqlite://path" or "postgresql://..." (see CONTRACTS.md, Database selection).
Result<std::unique_ptr<Database>> open_database(const std::string& url, int pool_size);

// Runs `body` in a transaction: commits when it returns ok, rolls back otherwise.
Status in_transaction(Connection& conn, bool write, const std::function<Status()>& body);

}  // namespace lj::sql
