// `lijian import --kind sampling`: CSV and NDJSON rows, errors naming row and field, reruns.
#include "intake/sampling_records.hpp"

#include <gtest/gtest.h>

#include <sstream>

#include "intake/importer.hpp"
#include "refdata/data_dir.hpp"
#include "refdata/demo.hpp"
#include "store/sql/sampling_repo.hpp"
#include "store/test_database.hpp"

namespace lj::intake {
namespace {

class SamplingImportTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto s = open_store(db_.url(), 2);
    ASSERT_TRUE(s.ok()) << s.status().to_string();
    store_ = std::move(*s);
    ASSERT_TRUE(store_->migrate().ok());
    auto dir = refdata::data_dir("");
    ASSERT_TRUE(dir.ok()) << dir.status().to_string();
    ASSERT_TRUE(refdata::load_reference(*store_, *dir, "15").ok());
    auto ctx = load_import_context(*store_);
    ASSERT_TRUE(ctx.ok()) << ctx.status().to_string();
    context_ = std::move(*ctx);
    auto gazetteer = geo::Gazetteer::load(*dir, "150000");
    ASSERT_TRUE(gazetteer.ok()) << gazetteer.status().to_string();
    context_.gazetteer = std::make_shared<const geo::Gazetteer>(std::move(*gazetteer));
  }

  ImportSummary run(const std::string& text, Format format, size_t batch_size = 5000) {
    std::istringstream in(text);
    auto rows = open_rows(in, format, fields_of(Kind::kSampling));
    EXPECT_TRUE(rows.ok()) << rows.status().to_string();
    ImportOptions options;
    options.batch_size = batch_size;
    return import_rows(*store_, Actor::system("import"), Kind::kSampling, **rows, context_,
                       options);
  }

  std::vector<screen::SamplingResult> all_samples() {
    sql::SamplingQuery q;
    q.limit = 500;
    auto page = sql::list_sampling_results(store_->sql(), Actor::system("test"), q);
    EXPECT_TRUE(page.ok());
    return page.ok() ? page->items : std::vector<screen::SamplingResult>{};
  }

  int64_t sampling_leads() {
    LeadQuery q;
    q.source = "sampling";
    q.limit = 500;
    auto page = store_->list_leads(Actor::system("test"), q);
    EXPECT_TRUE(page.ok());
    return page.ok() ? static_cast<int64_t>(page->items.size()) : -1;
  }

  testing::TestDatabase db_{"sqlite"};
  std::unique_ptr<Store> store_;
  ImportContext context_;
};

const std::string kCsv =
    "source_id,sampled_on,enterprise_name,enterprise_uscc,enterprise_address,region_code,"
    "product_name,product_category,batch_no,standard,result,failed_items,lab,sampling_level\n"
    "JD-2018-001,2018-04-12,赤峰蒙原农资有限公司,,内蒙古自治区赤峰市松山区建设路88号,,复合肥料,"
    "fertilizer,180301,GB/T 15063-2009,fail,总养分;氯离子,赤峰市产品质量计量检测所,city\n"
    "JD-2018-002,2018-04-13,红山线缆厂,,,150402,电线,wire_cable,,GB/T 5023,pass,,,\n"
    "JD-2018-003,2018-04-14,某店,,,150404,复合肥料,fertilizer,,,fail,,,\n"
    "JD-2018-004,2018-13-01,某店,,,150404,复合肥料,fertilizer,,,pass,,,\n"
    "JD-2018-005,2018-04-15,某店,,,150404,复合肥料,no_such_category,,,pass,,,\n"
    "JD-2018-006,2018-04-15,某店,,,150404,复合肥料,fertilizer,,,maybe,,,\n"
    "JD-2018-007,2018-04-15,某店,,,150404,复合肥料,fertilizer,,,pass,,,township\n";

TEST_F(SamplingImportTest, CsvRowsAreStoredRoutedAndBadRowsNamed) {
  ImportSummary s = run(kCsv, Format::kCsv);
  ASSERT_TRUE(s.status.ok()) << s.status.to_string();
  EXPECT_EQ(s.accepted, 2);
  EXPECT_EQ(s.rejected, 5);
  ASSERT_EQ(s.errors.size(), 5u);
  EXPECT_EQ(s.errors[0].line, 4);
  EXPECT_EQ(s.errors[0].field, "failed_items");
  EXPECT_EQ(s.errors[1].field, "sampled_on");
  EXPECT_EQ(s.errors[2].field, "product_category");
  EXPECT_EQ(s.errors[3].field, "result");
  EXPECT_EQ(s.errors[4].field, "sampling_level");
  EXPECT_EQ(s.errors[4].line, 8);

  std::map<std::string, screen::SamplingResult> by;
  for (auto& r : all_samples()) by[r.source_id] = r;
  ASSERT_EQ(by.size(), 2u);
  const auto& failed = by["JD-2018-001"];
  EXPECT_EQ(failed.unit_code, "150404");  // placed from the address
  EXPECT_EQ(failed.region_code, "150404");
  EXPECT_EQ(failed.special_actions, std::vector<std::string>{"agri_inputs"});  // from the category
  EXPECT_EQ(failed.failed_items, "总养分;氯离子");
  EXPECT_EQ(failed.sampling_level, "city");
  EXPECT_EQ(by["JD-2018-002"].unit_code, "150402");
  EXPECT_EQ(by["JD-2018-002"].sampling_level, "provincial");
  EXPECT_EQ(sampling_leads(), 1);  // the failed sample's lead
}

TEST_F(SamplingImportTest, NdjsonAndARerunStoresNothingNew) {
  const std::string ndjson =
      R"({"source_id":"JD-N-1","sampled_on":"2018-09-01T09:30:00+08:00","enterprise_name":"敖汉某农资店","region_code":"150430","product_name":"复混肥料","product_category":"fertilizer","result":"fail","failed_items":"总养分","special_actions":["agri_inputs"]})"
      "\n"
      R"({"source_id":"JD-N-2","sampled_on":"2018-09-02","enterprise_name":"敖汉某农资店","enterprise_uscc":"91150430-bad","product_name":"复混肥料","product_category":"fertilizer","result":"pass"})"
      "\n"
      R"({"source_id":"JD-N-3","sampled_on":"2018-09-03","enterprise_name":"敖汉某农资店","region_code":"150430","product_name":"复混肥料","product_category":"fertilizer","result":"pass","colour":"red"})"
      "\n"
      R"({"source_id":"JD-N-4","sampled_on":"2018-09-04","enterprise_name":"敖汉某农资店","region_code":"150430","product_name":"农膜","product_category":"agri_film","result":"pass"})"
      "\n";
  ImportSummary first = run(ndjson, Format::kNdjson, 1);
  ASSERT_TRUE(first.status.ok());
  EXPECT_EQ(first.accepted, 2);
  EXPECT_EQ(first.rejected, 2);
  ASSERT_EQ(first.errors.size(), 2u);
  EXPECT_EQ(first.errors[0].line, 2);
  EXPECT_EQ(first.errors[0].field, "enterprise_uscc");
  EXPECT_EQ(first.errors[1].line, 3);
  EXPECT_EQ(first.errors[1].field, "colour");
  EXPECT_EQ(sampling_leads(), 1);

  ImportSummary second = run(ndjson, Format::kNdjson, 1);
  EXPECT_EQ(second.accepted, 0);
  EXPECT_EQ(second.duplicates, 2);
  EXPECT_EQ(all_samples().size(), 2u);
  EXPECT_EQ(sampling_leads(), 1);
  for (const auto& s : all_samples()) {
    EXPECT_EQ(s.unit_code, "150430");
    if (s.source_id == "JD-N-1") {
      EXPECT_EQ(s.sampled_on, "2018-09-01");
    }
  }
}

TEST_F(SamplingImportTest, ARerunAfterALostLeadWriteCompletesIt) {
  // A crash between the samples' transaction and their leads' leaves samples without leads:
  // the rerun counts the samples as duplicates and stores the missing leads.
  std::vector<screen::SamplingResult> batch(1);
  batch[0].source_id = "JD-2018-001";
  batch[0].sampled_on = "2018-04-12";
  batch[0].enterprise_name = "赤峰蒙原农资有限公司";
  batch[0].unit_code = "150404";
  batch[0].product_name = "复合肥料";
  batch[0].product_category = "fertilizer";
  batch[0].result = "fail";
  batch[0].failed_items = "总养分";
  batch[0].sampling_level = "city";
  ASSERT_TRUE(sql::insert_sampling_results(store_->sql(), Actor::system("import"), batch).ok());
  EXPECT_EQ(sampling_leads(), 0);
  ImportSummary s = run(kCsv, Format::kCsv);
  EXPECT_EQ(s.accepted, 1);
  EXPECT_EQ(s.duplicates, 1);
  EXPECT_EQ(sampling_leads(), 1);
}

}  // namespace
}  // namespace lj::intake
