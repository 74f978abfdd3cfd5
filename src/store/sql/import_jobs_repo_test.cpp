// Import jobs in the store (migration 6) on both backends: scope, progress, outcome, audit and
// the recovery of jobs a killed server left running.
#include "store/sql/import_jobs_repo.hpp"

#include "store/store_test_fixture.hpp"

namespace lj::store_testing {
namespace {

class ImportJobsRepoTest : public StoreTest {
 protected:
  sql::ImportJob queue(const Actor& who, const std::string& runner = "host-a :8080") {
    sql::ImportJob draft;
    draft.kind = "leads";
    draft.format = "xlsx";
    draft.file_name = "线索.xlsx";
    draft.size_bytes = 1234;
    draft.runner = runner;
    auto job = sql::create_import_job(*store_, who, draft);
    EXPECT_TRUE(job.ok()) << job.status().to_string();
    return *job;
  }

  int64_t audit_count(const std::string& action) {
    int64_t n = 0;
    EXPECT_TRUE(store_->scan_audit([&](const AuditEntry& e) {
      if (e.entity == "import_job" && e.action == action) ++n;
      return true;
    }).ok());
    return n;
  }
};

TEST_P(ImportJobsRepoTest, AJobBelongsToTheUploadersUnitAndIsScoped) {
  sql::ImportJob job = queue(kSongshan);
  EXPECT_GT(job.id, 0);
  EXPECT_EQ(job.status, "queued");
  EXPECT_EQ(job.unit_code, "150404");

  auto own = sql::get_import_job(*store_, kSongshan, job.id);
  ASSERT_TRUE(own.ok()) << own.status().to_string();
  EXPECT_EQ(own->file_name, "线索.xlsx");
  EXPECT_EQ(own->username, kSongshan.username);
  EXPECT_EQ(own->size_bytes, 1234);
  EXPECT_TRUE(sql::get_import_job(*store_, kLeague, job.id).ok());
  auto other = sql::get_import_job(*store_, kHongshan, job.id);
  ASSERT_FALSE(other.ok());
  EXPECT_EQ(other.status().code(), Code::kNotFound);

  sql::ImportJob second = queue(kHongshan);
  auto league = sql::list_import_jobs(*store_, kLeague, 10, 0);
  ASSERT_TRUE(league.ok());
  ASSERT_EQ(league->size(), 2u);
  EXPECT_EQ((*league)[0].id, second.id);  // newest first
  auto page = sql::list_import_jobs(*store_, kLeague, 10, second.id);
  ASSERT_TRUE(page.ok());
  ASSERT_EQ(page->size(), 1u);
  EXPECT_EQ((*page)[0].id, job.id);
  auto songshan = sql::list_import_jobs(*store_, kSongshan, 10, 0);
  ASSERT_TRUE(songshan.ok());
  ASSERT_EQ(songshan->size(), 1u);
  EXPECT_EQ(audit_count("create"), 2);
}

TEST_P(ImportJobsRepoTest, ProgressAndOutcomeAreStored) {
  sql::ImportJob job = queue(kSongshan);
  ASSERT_TRUE(sql::start_import_job(*store_, job.id).ok());
  ASSERT_TRUE(sql::update_import_progress(*store_, job.id, 5000, 0.25).ok());
  auto running = sql::get_import_job(*store_, kSongshan, job.id);
  ASSERT_TRUE(running.ok());
  EXPECT_EQ(running->status, "running");
  EXPECT_EQ(running->rows_read, 5000);
  EXPECT_DOUBLE_EQ(running->fraction_read, 0.25);
  EXPECT_FALSE(running->started_at.empty());

  job.status = "done";
  job.rows_read = 20000;
  job.fraction_read = 1;
  job.accepted = 19000;
  job.duplicates = 990;
  job.rejected = 10;
  job.errors = Json::array({Json{{"line", 7}, {"field", "received_at"}, {"reason", "不是日期"}}});
  job.errors_omitted = 9;
  ASSERT_TRUE(sql::finish_import_job(*store_, kSongshan, job).ok());
  auto done = sql::get_import_job(*store_, kSongshan, job.id);
  ASSERT_TRUE(done.ok());
  EXPECT_EQ(done->status, "done");
  EXPECT_EQ(done->accepted, 19000);
  EXPECT_EQ(done->duplicates, 990);
  EXPECT_EQ(done->rejected, 10);
  EXPECT_EQ(done->errors, job.errors);
  EXPECT_EQ(done->errors_omitted, 9);
  EXPECT_FALSE(done->finished_at.empty());
  EXPECT_EQ(audit_count("finish"), 1);
}

TEST_P(ImportJobsRepoTest, JobsOfAKilledServerAreFailedWhenItStartsAgain) {
  sql::ImportJob running = queue(kSongshan, "host-a :8080");
  ASSERT_TRUE(sql::start_import_job(*store_, running.id).ok());
  sql::ImportJob queued = queue(kSongshan, "host-a :8080");
  sql::ImportJob elsewhere = queue(kSongshan, "host-b :8080");
  ASSERT_TRUE(sql::start_import_job(*store_, elsewhere.id).ok());
  sql::ImportJob finished = queue(kSongshan, "host-a :8080");
  finished.status = "done";
  ASSERT_TRUE(sql::finish_import_job(*store_, kSongshan, finished).ok());

  auto n = sql::fail_abandoned_import_jobs(*store_, "host-a :8080");
  ASSERT_TRUE(n.ok()) << n.status().to_string();
  EXPECT_EQ(*n, 2);
  auto status = [&](int64_t id) { return sql::get_import_job(*store_, kRegion, id)->status; };
  EXPECT_EQ(status(running.id), "failed");
  EXPECT_EQ(status(queued.id), "failed");
  EXPECT_EQ(status(elsewhere.id), "running");
  EXPECT_EQ(status(finished.id), "done");
  EXPECT_NE(sql::get_import_job(*store_, kRegion, running.id)->message.find("upload the file again"),
            std::string::npos);
  EXPECT_EQ(audit_count("fail"), 2);
}

INSTANTIATE_TEST_SUITE_P(Backends, ImportJobsRepoTest, ::testing::Values("sqlite", "postgres"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace lj::store_testing
