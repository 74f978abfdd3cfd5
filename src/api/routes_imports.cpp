// Import jobs over HTTP: POST /api/v1/imports takes a file as the request body (spooled to disk
// by the server) and queues it for the import worker (api/import_jobs.hpp); GET reads the
// jobs of the caller's subtree and their per-row error reports. docs/import.md.
#include <filesystem>
#include <fstream>
#include <random>

#include "api/app.hpp"
#include "api/errors.hpp"
#include "api/import_jobs.hpp"
#include "api/input.hpp"
#include "auth/policy.hpp"
#include "intake/importer.hpp"

namespace lj::api {

namespace {

// Removes a spool file when it goes out of scope, unless released to a job.
class SpoolFile {
 public:
  explicit SpoolFile(std::string path) : path_(std::move(path)) {}
  ~SpoolFile() {
    std::error_code ec;
    if (!path_.empty()) std::filesystem::remove(path_, ec);
  }
  SpoolFile(const SpoolFile&) = delete;
  SpoolFile& operator=(const SpoolFile&) = delete;
  const std::string& path() const { return path_; }
  std::string release() { return std::exchange(path_, std::string()); }

 private:
  std::string path_;
};

// The body as a file: the server's spool file, or (a server that keeps this route's body in
// memory, as the unit tests' App) the body written to a new file in the spool folder.
Result<std::string> body_as_file(Context& ctx) {
  if (!ctx.req.body_file.empty()) return std::exchange(ctx.req.body_file, std::string());
  const std::string& dir = ctx.app.imports().config().spool_dir;
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  std::string path = (std::filesystem::path(dir) /
                      ("upload-inline-" + std::to_string(std::random_device{}()) + "-" +
                       ctx.req.request_id + ".part"))
                         .string();
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(ctx.req.body.data(), static_cast<std::streamsize>(ctx.req.body.size()));
  out.close();
  if (!out) return Status{Code::kUnavailable, "the server cannot store the upload"};
  ctx.req.body.clear();
  return path;
}

Json job_json(const sql::ImportJob& j) {
  intake::ImportSummary s;
  s.accepted = j.accepted;
  s.duplicates = j.duplicates;
  s.rejected = j.rejected;
  for (const Json& e : j.errors)
    s.errors.push_back(intake::RowError{e.value("line", int64_t{0}), e.value("field", ""),
                                        e.value("reason", "")});
  auto opt = [](const std::string& v) { return v.empty() ? Json(nullptr) : Json(v); };
  std::string self = "/api/v1/imports/" + std::to_string(j.id);
  return Json{{"id", j.id},
              {"kind", j.kind},
              {"format", j.format},
              {"file_name", opt(j.file_name)},
              {"size_bytes", j.size_bytes},
              {"unit_code", j.unit_code},
              {"user", {{"id", j.user_id}, {"username", j.username}}},
              {"status", j.status},
              {"rows_read", j.rows_read},
              {"fraction_read", j.fraction_read},
              {"summary", Json::parse(intake::summary_json(s).dump())},
              {"message", opt(j.message)},
              {"created_at", j.created_at},
              {"started_at", opt(j.started_at)},
              {"finished_at", opt(j.finished_at)},
              {"links", {{"self", self}, {"errors_csv", self + "/errors.csv"}}}};
}

Result<http::Response> create_import(Context& ctx) {
  LJ_RETURN_IF_ERROR(require(ctx.actor, Permission::kWriteRecords));
  // The body is ours from here on, whatever happens: removed unless a job takes it.
  LJ_ASSIGN_OR_RETURN(std::string spooled, body_as_file(ctx));
  SpoolFile file(std::move(spooled));

  std::string kind_name = query_string(ctx.req, "kind");
  if (kind_name.empty())
    return Status::Invalid("kind", "the query parameter kind is required: leads or enterprises");
  auto kind = intake::parse_kind(kind_name);
  if (!kind.ok()) return Status::Invalid("kind", "unknown kind '" + kind_name + "'");
  std::string name = query_string(ctx.req, "name");
  if (name.size() > 255) return Status::Invalid("name", "name is longer than 255 characters");
  std::string format_text = query_string(ctx.req, "format");
  Result<intake::Format> format = Status::Invalid("format", "");
  if (!format_text.empty()) {
    format = intake::parse_format(format_text, "format");
  } else if (!name.empty()) {
    format = intake::format_for_path(name);
    if (!format.ok()) format = Status::Invalid("format", format.status().message());
  } else {
    format = Status::Invalid("format", "the query parameter format is required: csv, ndjson or xlsx");
  }
  if (!format.ok()) return format.status();

  const ImportJobsConfig& cfg = ctx.app.imports().config();
  std::error_code ec;
  if (std::filesystem::file_size(file.path(), ec) == 0 || ec)
    return Status::Invalid("body", "the body is empty: send the file itself as the request body");
  auto opened = intake::ImportFile::open(file.path(), *format, intake::fields_of(*kind), cfg.xlsx);
  if (!opened.ok()) {
    if (opened.status().code() == Code::kInvalidArgument) return opened.status();
    return Status{Code::kUnavailable, "the server cannot read the upload"};
  }

  sql::ImportJob draft;
  draft.kind = kind_name;
  draft.format = intake::format_name(*format);
  draft.file_name = name;
  draft.size_bytes = (*opened)->size_bytes();
  draft.runner = cfg.runner;
  LJ_ASSIGN_OR_RETURN(sql::ImportJob job, sql::create_import_job(ctx.app.store(), ctx.actor, draft));
  Json body = job_json(job);
  ctx.app.imports().submit(ctx.actor, *kind, job, std::move(*opened), file.release());
  LJ_ASSIGN_OR_RETURN(http::Response resp, ok_json(body, 202));
  resp.headers.emplace_back("Location", "/api/v1/imports/" + std::to_string(job.id));
  return resp;
}

Result<http::Response> list_imports(Context& ctx) {
  LJ_RETURN_IF_ERROR(require(ctx.actor, Permission::kReadRecords));
  LJ_ASSIGN_OR_RETURN(int limit, query_int(ctx.req, "limit", 50, 1, 200));
  int64_t before = 0;
  if (std::string cursor = query_string(ctx.req, "cursor"); !cursor.empty()) {
    LJ_ASSIGN_OR_RETURN(before, parse_id(cursor, "cursor"));
  }
  LJ_ASSIGN_OR_RETURN(std::vector<sql::ImportJob> jobs,
                      sql::list_import_jobs(ctx.app.store(), ctx.actor, limit + 1, before));
  std::string next;
  if (static_cast<int>(jobs.size()) > limit) {
    jobs.pop_back();
    next = std::to_string(jobs.back().id);
  }
  Json items = Json::array();
  for (const auto& j : jobs) items.push_back(job_json(j));
  return ok_json(page_json(std::move(items), next));
}

Result<http::Response> get_import(Context& ctx) {
  LJ_RETURN_IF_ERROR(require(ctx.actor, Permission::kReadRecords));
  LJ_ASSIGN_OR_RETURN(int64_t id, parse_id(ctx.param("id"), "id"));
  LJ_ASSIGN_OR_RETURN(sql::ImportJob job, sql::get_import_job(ctx.app.store(), ctx.actor, id));
  return ok_json(job_json(job));
}

std::string csv_field(const std::string& v) {
  if (v.find_first_of(",\"\r\n") == std::string::npos) return v;
  std::string out = "\"";
  for (char c : v) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

Result<http::Response> get_import_errors(Context& ctx) {
  LJ_RETURN_IF_ERROR(require(ctx.actor, Permission::kReadRecords));
  LJ_ASSIGN_OR_RETURN(int64_t id, parse_id(ctx.param("id"), "id"));
  LJ_ASSIGN_OR_RETURN(sql::ImportJob job, sql::get_import_job(ctx.app.store(), ctx.actor, id));
  http::Response resp;
  resp.content_type = "text/csv; charset=utf-8";
  resp.headers.emplace_back("Content-Disposition",
                            "attachment; filename=\"import-" + std::to_string(id) + "-errors.csv\"");
  resp.body = "line,field,reason\r\n";
  for (const Json& e : job.errors)
    resp.body += std::to_string(e.value("line", int64_t{0})) + "," +
                 csv_field(e.value("field", "")) + "," + csv_field(e.value("reason", "")) + "\r\n";
  return resp;
}

}  // namespace

bool spooled_upload_route(const std::string& method, const std::string& path) {
  return method == "POST" && path == "/api/v1/imports";
}

void add_import_routes(Router& r) {
  r.add("POST", "/api/v1/imports", create_import);
  r.add("GET", "/api/v1/imports", list_imports);
  r.add("GET", "/api/v1/imports/{id}", get_import);
  r.add("GET", "/api/v1/imports/{id}/errors.csv", get_import_errors);
}

}  // namespace lj::api
