#include "api/import_jobs.hpp"

#include <spdlog/spdlog.h>
#include <unistd.h>

#include <filesystem>

#include "intake/importer.hpp"

namespace lj::api {

namespace {

std::string host_name() {
  char name[256] = {};
  if (gethostname(name, sizeof name - 1) != 0) return "localhost";
  return name;
}

// Ends the rows early when the server stops: the importer then commits what it has and the
// job ends failed, to be completed by uploading the file again.
class StoppableRows final : public intake::RowReader {
 public:
  StoppableRows(intake::RowReader& rows, const std::atomic<bool>& stop) : rows_(rows), stop_(stop) {}
  bool next(intake::Row& row) override {
    if (stop_.load()) {
      stopped_ = true;
      return false;
    }
    return rows_.next(row);
  }
  Status status() const override {
    if (stopped_)
      return Status{Code::kUnavailable,
                    "the server stopped during the import; upload the file again to complete it "
                    "(rows stored already count as duplicates)"};
    return rows_.status();
  }
  double fraction_read() const override { return rows_.fraction_read(); }

 private:
  intake::RowReader& rows_;
  const std::atomic<bool>& stop_;
  bool stopped_ = false;
};

void remove_file(const std::string& path) {
  std::error_code ec;
  std::filesystem::remove(path, ec);
}

}  // namespace

ImportJobs::ImportJobs(Store& store, std::shared_ptr<const geo::Gazetteer> gazetteer,
                       ImportJobsConfig cfg)
    : store_(store), gazetteer_(std::move(gazetteer)), cfg_(std::move(cfg)) {
  if (cfg_.runner.empty()) cfg_.runner = host_name();
  auto abandoned = sql::fail_abandoned_import_jobs(store_, cfg_.runner);
  if (!abandoned.ok())
    spdlog::warn("import jobs: cannot end the jobs left running: {}",
                 abandoned.status().to_string());
  else if (*abandoned > 0)
    spdlog::warn("import jobs: {} job(s) left running by a stopped server marked failed",
                 *abandoned);
  // Uploads a previous process of this server left behind (killed mid-upload or mid-job): the
  // spool folder is this server's own, and no job of this process exists yet.
  std::error_code ec;
  for (std::filesystem::directory_iterator it(cfg_.spool_dir, ec), end; !ec && it != end;
       it.increment(ec)) {
    const std::string name = it->path().filename().string();
    if (name.starts_with("upload-") && name.ends_with(".part")) remove_file(it->path().string());
  }
  worker_ = std::thread([this] { loop(); });
}

ImportJobs::~ImportJobs() {
  {
    std::lock_guard lock(mu_);
    stopping_ = true;
  }
  cv_.notify_all();
  worker_.join();
}

void ImportJobs::submit(const Actor& actor, intake::Kind kind, sql::ImportJob job,
                        std::unique_ptr<intake::ImportFile> file, std::string path) {
  {
    std::lock_guard lock(mu_);
    queue_.push_back(Pending{actor, kind, std::move(job), std::move(file), std::move(path)});
  }
  cv_.notify_all();
}

void ImportJobs::loop() {
  for (;;) {
    Pending p;
    {
      std::unique_lock lock(mu_);
      cv_.wait(lock, [&] { return stopping_ || !queue_.empty(); });
      if (queue_.empty()) return;
      p = std::move(queue_.front());
      queue_.pop_front();
    }
    try {
      run(p);
    } catch (const std::exception& e) {
      spdlog::error("import job {} threw: {}", p.job.id, e.what());
      p.job.status = "failed";
      p.job.message = "internal error";
      (void)sql::finish_import_job(store_, p.actor, p.job);
    }
    p.file.reset();
    remove_file(p.path);
  }
}

void ImportJobs::run(Pending& p) {
  sql::ImportJob& job = p.job;
  auto fail = [&](const Status& st) {
    job.status = "failed";
    job.message = st.message();
    if (Status f = sql::finish_import_job(store_, p.actor, job); !f.ok())
      spdlog::error("import job {}: cannot record its failure: {}", job.id, f.to_string());
  };
  if (stopping_) return fail(Status{Code::kUnavailable, "the server stopped before the job started"});
  if (Status st = sql::start_import_job(store_, job.id); !st.ok()) return fail(st);
  auto context = intake::load_import_context(store_);
  if (!context.ok()) return fail(context.status());
  context->gazetteer = gazetteer_;
  // Leads are routed as `lijian import` routes them, within the uploader's subtree: a lead
  // that cannot be placed there goes to the uploader's unit (as a system's POST /leads does).
  auto units = store_.list_units(p.actor.unit_code);
  if (!units.ok()) return fail(units.status());
  auto index = intake::UnitIndex::build(*units);
  if (!index.ok()) return fail(index.status());
  context->units = std::move(*index);

  StoppableRows rows(p.file->rows(), stopping_);
  intake::ImportOptions options;
  options.batch_size = cfg_.batch_size;
  options.max_errors = cfg_.max_errors;
  options.on_batch = [&](int64_t n) {
    job.rows_read = n;
    if (Status st = sql::update_import_progress(store_, job.id, n, p.file->fraction_read());
        !st.ok())
      spdlog::warn("import job {}: progress not recorded: {}", job.id, st.to_string());
  };
  intake::ImportSummary summary =
      intake::import_rows(store_, p.actor, p.kind, rows, *context, options);

  job.accepted = summary.accepted;
  job.duplicates = summary.duplicates;
  job.rejected = summary.rejected;
  job.rows_read = summary.accepted + summary.duplicates + summary.rejected;
  job.fraction_read = summary.status.ok() ? 1.0 : p.file->fraction_read();
  job.errors = Json::array();
  for (const intake::RowError& e : summary.errors)
    job.errors.push_back(Json{{"line", e.line}, {"field", e.field}, {"reason", e.reason}});
  job.errors_omitted = summary.rejected - static_cast<int64_t>(summary.errors.size());
  job.status = summary.status.ok() ? "done" : "failed";
  job.message = summary.status.ok() ? "" : summary.status.message();
  if (Status st = sql::finish_import_job(store_, p.actor, job); !st.ok())
    spdlog::error("import job {}: cannot record its end: {}", job.id, st.to_string());
  spdlog::info("import job {} {}: {} accepted, {} duplicates, {} rejected{}", job.id, job.status,
               job.accepted, job.duplicates, job.rejected,
               job.message.empty() ? "" : " (" + job.message + ")");
}

}  // namespace lj::api
