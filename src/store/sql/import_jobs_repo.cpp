#include "store/sql/import_jobs_repo.hpp"

#include "store/sql/sql_store.hpp"

namespace lj::sql {

namespace {

constexpr const char* kColumns =
    "j.id, j.kind, j.format, j.file_name, j.size_bytes, j.unit_code, j.unit_path, j.user_id, "
    "j.username, j.status, j.rows_read, j.fraction_read, j.accepted, j.duplicates, j.rejected, "
    "j.errors, j.errors_omitted, j.message, j.runner, j.created_at, j.started_at, "
    "j.finished_at, j.updated_at";

constexpr const char* kInsert =
    "INSERT INTO import_jobs (kind, format, file_name, size_bytes, unit_code, unit_path, "
    "user_id, username, status, runner, created_at, updated_at) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'queued', ?, ?, ?) RETURNING id";

constexpr const char* kStart =
    "UPDATE import_jobs SET status = 'running', started_at = ?, updated_at = ? "
    "WHERE id = ? AND status = 'queued'";

constexpr const char* kProgress =
    "UPDATE import_jobs SET rows_read = ?, fraction_read = ?, updated_at = ? WHERE id = ?";

constexpr const char* kFinish =
    "UPDATE import_jobs SET status = ?, rows_read = ?, fraction_read = ?, accepted = ?, "
    "duplicates = ?, rejected = ?, errors = ?, errors_omitted = ?, message = ?, "
    "finished_at = ?, updated_at = ? WHERE id = ?";

constexpr const char* kAbandoned =
    "UPDATE import_jobs SET status = 'failed', message = ?, finished_at = ?, updated_at = ? "
    "WHERE runner = ? AND status IN ('queued', 'running') RETURNING id";

ImportJob job_from_row(const Row& r) {
  ImportJob j;
  j.id = r.int64(0);
  j.kind = r.text(1);
  j.format = r.text(2);
  j.file_name = r.text(3);
  j.size_bytes = r.int64(4);
  j.unit_code = r.text(5);
  j.unit_path = r.text(6);
  j.user_id = r.int64(7);
  j.username = r.text(8);
  j.status = r.text(9);
  j.rows_read = r.int64(10);
  j.fraction_read = r.real(11);
  j.accepted = r.int64(12);
  j.duplicates = r.int64(13);
  j.rejected = r.int64(14);
  j.errors = Json::parse(r.text(15), nullptr, false);
  if (!j.errors.is_array()) j.errors = Json::array();
  j.errors_omitted = r.int64(16);
  j.message = r.text(17);
  j.runner = r.text(18);
  j.created_at = r.text(19);
  j.started_at = r.text(20);
  j.finished_at = r.text(21);
  j.updated_at = r.text(22);
  return j;
}

// What the audit log keeps of a job (no row errors: they can be long).
Json audit_state(const ImportJob& j) {
  return Json{{"kind", j.kind},         {"format", j.format},   {"file_name", j.file_name},
              {"status", j.status},     {"accepted", j.accepted}, {"duplicates", j.duplicates},
              {"rejected", j.rejected}, {"message", j.message}};
}

Result<ImportJob> load(Connection& c, const Actor& actor, int64_t id) {
  Params params{id};
  std::string sql = std::string("SELECT ") + kColumns + " FROM import_jobs j WHERE j.id = ? AND " +
                    scope_predicate(actor, "import_job", "j", params);
  LJ_ASSIGN_OR_RETURN(Rows rows, c.query(sql, params));
  if (rows.empty()) return Status::NotFound("import job " + std::to_string(id) + " not found");
  return job_from_row(rows[0]);
}

}  // namespace

Result<ImportJob> create_import_job(Store& store, const Actor& actor, ImportJob draft) {
  SqlStore& s = store.sql();
  std::string now = s.now();
  draft.unit_code = actor.unit_code;
  draft.unit_path = actor.unit_path;
  draft.user_id = actor.user_id;
  draft.username = actor.username;
  draft.status = "queued";
  draft.created_at = draft.updated_at = now;
  LJ_RETURN_IF_ERROR(s.write([&](Connection& c) -> Status {
    LJ_ASSIGN_OR_RETURN(
        Rows rows, c.query(kInsert, {draft.kind, draft.format, text_or_null(draft.file_name),
                                     draft.size_bytes, draft.unit_code, draft.unit_path,
                                     draft.user_id, draft.username, draft.runner, now, now}));
    draft.id = rows.at(0).int64(0);
    return s.audit(c, actor, "create", "import_job", std::to_string(draft.id), nullptr,
                   audit_state(draft));
  }));
  return draft;
}

Status start_import_job(Store& store, int64_t id) {
  SqlStore& s = store.sql();
  std::string now = s.now();
  return s.write([&](Connection& c) { return c.exec(kStart, {now, now, id}); });
}

Status update_import_progress(Store& store, int64_t id, int64_t rows_read, double fraction_read) {
  SqlStore& s = store.sql();
  std::string now = s.now();
  return s.write([&](Connection& c) {
    return c.exec(kProgress, {rows_read, fraction_read, now, id});
  });
}

Status finish_import_job(Store& store, const Actor& actor, const ImportJob& result) {
  SqlStore& s = store.sql();
  std::string now = s.now();
  return s.write([&](Connection& c) -> Status {
    LJ_RETURN_IF_ERROR(c.exec(
        kFinish, {result.status, result.rows_read, result.fraction_read, result.accepted,
                  result.duplicates, result.rejected, result.errors.dump(), result.errors_omitted,
                  text_or_null(result.message), now, now, result.id}));
    return s.audit(c, actor, result.status == "done" ? "finish" : "fail", "import_job",
                   std::to_string(result.id), nullptr, audit_state(result));
  });
}

Result<ImportJob> get_import_job(Store& store, const Actor& actor, int64_t id) {
  SqlStore& s = store.sql();
  ImportJob job;
  LJ_RETURN_IF_ERROR(s.read([&](Connection& c) -> Status {
    LJ_ASSIGN_OR_RETURN(job, load(c, actor, id));
    return Status::Ok();
  }));
  return job;
}

Result<std::vector<ImportJob>> list_import_jobs(Store& store, const Actor& actor, int limit,
                                                int64_t before_id) {
  SqlStore& s = store.sql();
  std::vector<ImportJob> jobs;
  LJ_RETURN_IF_ERROR(s.read([&](Connection& c) -> Status {
    Params params;
    std::string sql = std::string("SELECT ") + kColumns + " FROM import_jobs j WHERE " +
                      scope_predicate(actor, "import_job", "j", params);
    if (before_id > 0) {
      sql += " AND j.id < ?";
      params.emplace_back(before_id);
    }
    sql += " ORDER BY j.id DESC LIMIT ?";
    params.emplace_back(int64_t{limit});
    LJ_ASSIGN_OR_RETURN(Rows rows, c.query(sql, params));
    for (const Row& r : rows) jobs.push_back(job_from_row(r));
    return Status::Ok();
  }));
  return jobs;
}

Result<int64_t> fail_abandoned_import_jobs(Store& store, const std::string& runner) {
  SqlStore& s = store.sql();
  std::string now = s.now();
  int64_t n = 0;
  LJ_RETURN_IF_ERROR(s.write([&](Connection& c) -> Status {
    LJ_ASSIGN_OR_RETURN(
        Rows rows,
        c.query(kAbandoned, {std::string("the server stopped before the job ended; upload the "
                                         "file again (rows stored already count as duplicates)"),
                             now, now, runner}));
    Actor system = Actor::system("import");
    for (const Row& r : rows) {
      ++n;
      LJ_RETURN_IF_ERROR(s.audit(c, system, "fail", "import_job", r.text(0), nullptr,
                                 Json{{"status", "failed"}, {"reason", "abandoned"}}));
    }
    return Status::Ok();
  }));
  return n;
}

}  // namespace lj::sql
