#include "store/sql/connection.hpp"

#include <charconv>

namespace lj::sql {

int64_t Row::int64(size_t i) const {
  const auto& c = cells_.at(i);
  if (!c) return 0;
  int64_t v = 0;
  std::from_chars(c->data(), c->data() + c->size(), v);
  return v;
}

std::optional<int64_t> Row::opt_int64(size_t i) const {
  if (!cells_.at(i)) return std::nullopt;
  return int64(i);
}

double Row::real(size_t i) const {
  const auto& c = cells_.at(i);
  return c ? std::stod(*c) : 0.0;
}

Status in_transaction(Connection& conn, bool write, const std::function<Status()>& body) {
  LJ_RETURN_IF_ERROR(write ? conn.begin_write() : conn.begin_read());
  Status st;
  try {
    st = body();
  } catch (...) {
    conn.rollback();
    throw;
  }
  if (!st.ok()) {
    conn.rollback();
    return st;
  }
  return conn.commit();
}

}  // namespace lj::sql
