// The server's import worker: uploaded files (POST /api/v1/imports) are imported one job at a
// time on a thread of its own, never on an I/O or request thread. A job's progress is written
// to the database after each batch, so any server of a deployment answers GET
// /api/v1/imports/{id}; the job itself runs on the server that received the file (its spool
// file is local). Thread-safe.
#pragma once

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include "geo/gazetteer.hpp"
#include "intake/import_file.hpp"
#include "intake/records.hpp"
#include "store/sql/import_jobs_repo.hpp"
#include "store/store.hpp"

namespace lj::api {

struct ImportJobsConfig {
  std::string spool_dir = "imports";                 // uploaded files wait here for their job
  uint64_t max_upload_bytes = uint64_t{512} << 20;   // the body limit of an upload
  size_t batch_size = 2000;                          // rows per write transaction
  size_t max_errors = 1000;                          // row errors kept per job
  std::string runner;                                // this server's name (default: host name)
  intake::XlsxLimits xlsx;
};

class ImportJobs {
 public:
  // Fails the jobs this runner left queued or running (a killed server), removes the upload
  // files left in the spool folder (which must be this server's own), then starts the worker.
  ImportJobs(Store& store, std::shared_ptr<const geo::Gazetteer> gazetteer, ImportJobsConfig cfg);
  // Stops the worker: a running job stops after its current batch and ends failed (its stored
  // rows stay; uploading the file again completes it); queued jobs end failed.
  ~ImportJobs();
  ImportJobs(const ImportJobs&) = delete;
  ImportJobs& operator=(const ImportJobs&) = delete;

  const ImportJobsConfig& config() const { return cfg_; }

  // Queues `job` (created by create_import_job) to import `file` as `actor`; `path` is the
  // file's spool path, removed when the job ends.
  void submit(const Actor& actor, intake::Kind kind, sql::ImportJob job,
              std::unique_ptr<intake::ImportFile> file, std::string path);

 private:
  struct Pending {
    Actor actor;
    intake::Kind kind;
    sql::ImportJob job;
    std::unique_ptr<intake::ImportFile> file;
    std::string path;
  };
  void loop();
  void run(Pending& p);

  Store& store_;
  std::shared_ptr<const geo::Gazetteer> gazetteer_;
  ImportJobsConfig cfg_;
  std::mutex mu_;
  std::condition_variable cv_;
  std::deque<Pending> queue_;
  std::atomic<bool> stopping_{false};
  std::thread worker_;
};

}  // namespace lj::api
