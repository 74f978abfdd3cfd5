// Import from in-memory files into a SQLite store: error reporting, routing, idempotency.
#include "intake/importer.hpp"

#include <gtest/gtest.h>

#include <sstream>

#include "model/audit.hpp"
#include "refdata/data_dir.hpp"
#include "refdata/demo.hpp"
#include "refdata/divisions.hpp"
#include "store/test_database.hpp"

namespace lj::intake {
namespace {

class ImportTest : public ::testing::Test {
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
  }

  Result<ImportSummary> run(const std::string& text, Format format, Kind kind = Kind::kLeads,
                            ImportOptions options = {}) {
    std::istringstream in(text);
    LJ_ASSIGN_OR_RETURN(auto rows, open_rows(in, format, fields_of(kind)));
    return import_rows(*store_, Actor::system("import"), kind, *rows, context_, options);
  }

  std::vector<Lead> all_leads() {
    LeadQuery q;
    q.sort = "id";
    q.limit = 100;
    auto page = store_->list_leads(Actor::system("test"), q);
    EXPECT_TRUE(page.ok());
    return page.ok() ? page->items : std::vector<Lead>{};
  }

  testing::TestDatabase db_{"sqlite"};
  std::unique_ptr<Store> store_;
  ImportContext context_;
};

const std::string kHeader =
    "source,source_id,received_at,text,product_category,amount_involved,region_code,channel\n";

std::string good_row(int i, const std::string& region = "150404") {
  return "hotline_12365,G-" + std::to_string(i) + ",2018-04-0" + std::to_string(1 + i % 9) +
         ",某农资店销售不合格复合肥,fertilizer,12.5," + region + ",offline\n";
}

void expect_error(const RowError& e, int64_t line, const std::string& field) {
  EXPECT_EQ(e.line, line) << e.field << ": " << e.reason;
  EXPECT_EQ(e.field, field) << "line " << e.line << ": " << e.reason;
  EXPECT_FALSE(e.reason.empty());
}

TEST_F(ImportTest, BadCsvRowsAreRejectedWithLineAndFieldAndTheRestStored) {
  std::string csv = kHeader;                                               // line 1
  csv += good_row(1);                                                      // 2
  csv += "unknown_src,B-1,2018-04-01,文本,fertilizer,1,150404,offline\n";  // 3 source
  csv += good_row(2);                                                      // 4
  csv += "media,B-2,2018-04-01,,fertilizer,1,150404,offline\n";            // 5 text
  csv += "media,B-3,2018-13-45,文本,fertilizer,1,150404,offline\n";        // 6 received_at
  csv += "media,B-4,2018-04-01,文本,fertilizer,12.345,150404,offline\n";   // 7 amount
  csv += "media,B-5,2018-04-01,文本,plastic_toys,1,150404,offline\n";      // 8 category
  csv += "media,B-6,2018-04-01,\"文本\"x,fertilizer,1,150404,offline\n";   // 9 quoting
  csv += good_row(3);                                                      // 10
  csv += "media,\"B-7\n";                                                  // 11 unterminated
  csv += good_row(4);                                                      // 12
  csv += "media,B-8,2018-04-01,文本,fertilizer,1,150404,offline,extra\n";  // 13 too many
  auto s = run(csv, Format::kCsv);
  ASSERT_TRUE(s.ok()) << s.status().to_string();
  EXPECT_TRUE(s->status.ok()) << s->status.to_string();
  EXPECT_EQ(s->accepted, 4);
  EXPECT_EQ(s->duplicates, 0);
  EXPECT_EQ(s->rejected, 8);
  ASSERT_EQ(s->errors.size(), 8u);
  expect_error(s->errors[0], 3, "source");
  expect_error(s->errors[1], 5, "text");
  expect_error(s->errors[2], 6, "received_at");
  expect_error(s->errors[3], 7, "amount_involved");
  expect_error(s->errors[4], 8, "product_category");
  expect_error(s->errors[5], 9, "");
  EXPECT_NE(s->errors[5].reason.find("malformed CSV"), std::string::npos);
  expect_error(s->errors[6], 11, "");
  expect_error(s->errors[7], 13, "");
  EXPECT_EQ(*store_->count_leads(), 4);

  // The same file again stores nothing new.
  auto again = run(csv, Format::kCsv);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->accepted, 0);
  EXPECT_EQ(again->duplicates, 4);
  EXPECT_EQ(again->rejected, 8);
  EXPECT_EQ(*store_->count_leads(), 4);
}

TEST_F(ImportTest, LeadsAreValidatedAsTheApiDoesAndRoutedByRegion) {
  std::string csv = kHeader;
  csv += good_row(1, "150404");  // a county
  csv += good_row(2, "150400");  // a league
  csv += good_row(3, "150000");  // the region
  csv += good_row(4, "110101");  // a valid code outside the unit tree: the regional queue
  csv += "hotline_12365,G-5,2018-04-01,某店,fertilizer,,,online\n";  // no region, online
  auto s = run(csv, Format::kCsv);
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s->accepted, 5) << summary_json(*s).dump();
  auto leads = all_leads();
  ASSERT_EQ(leads.size(), 5u);
  EXPECT_EQ(leads[0].unit_code, "150404");
  EXPECT_EQ(leads[0].unit_path, "/150000/150400/150404/");
  EXPECT_EQ(leads[0].amount_involved_fen, 1250);
  EXPECT_EQ(leads[0].received_at, "2018-04-02T00:00:00+08:00");
  EXPECT_EQ(leads[1].unit_code, "150400");
  EXPECT_EQ(leads[2].unit_code, "150000");
  EXPECT_EQ(leads[3].unit_code, "150000");
  EXPECT_EQ(leads[3].region_code, "110101");
  EXPECT_EQ(leads[4].unit_code, "150000");
  EXPECT_EQ(leads[4].channel, "online");
  EXPECT_EQ(leads[4].special_actions, std::vector<std::string>{"ecommerce"});
  AuditVerdict v = verify_audit_chain([&](const auto& visit) { return store_->scan_audit(visit); });
  EXPECT_TRUE(v.intact) << v.reason;
}

TEST(RouteLead, PrefersTheUnitOfTheRegionCodeElseTheRoot) {
  auto index = UnitIndex::build({{"150000", "区局", "", "province", "/150000/"},
                                 {"150400", "市局", "150000", "city", "/150000/150400/"}});
  ASSERT_TRUE(index.ok());
  Lead l;
  EXPECT_EQ(route_lead(l, *index, nullptr), "150000");
  l.region_code = "150400";
  EXPECT_EQ(route_lead(l, *index, nullptr), "150400");
  l.region_code = "150404";
  EXPECT_EQ(route_lead(l, *index, nullptr), "150000");
  EXPECT_EQ(UnitIndex::build({}).status().code(), Code::kNotFound);
}

TEST(RouteLead, PlacesByAddressWhenTheRegionCodeIsNoUnit) {
  auto dir = refdata::data_dir("");
  ASSERT_TRUE(dir.ok()) << dir.status().to_string();
  auto gazetteer = geo::Gazetteer::load(*dir, "150000");
  ASSERT_TRUE(gazetteer.ok()) << gazetteer.status().to_string();
  auto units = refdata::load_units(*dir, "150000");
  ASSERT_TRUE(units.ok());
  auto index = UnitIndex::build(*units);
  ASSERT_TRUE(index.ok());

  Lead by_address;
  by_address.enterprise_address = "内蒙古赤峰市松山区迎宾路112号";
  EXPECT_EQ(route_lead(by_address, *index, &*gazetteer), "150404");
  EXPECT_EQ(by_address.region_code, "150404") << "the place found fills an empty region code";

  Lead by_text;
  by_text.text = "群众反映锡林浩特市某农资店销售假化肥";
  EXPECT_EQ(route_lead(by_text, *index, &*gazetteer), "152502");

  Lead city_only;
  city_only.text = "赤峰市有商户销售不合格电线";
  EXPECT_EQ(route_lead(city_only, *index, &*gazetteer), "150400");

  Lead nowhere;
  nowhere.text = "某网店销售假冒儿童玩具";
  EXPECT_EQ(route_lead(nowhere, *index, &*gazetteer), "150000") << "unplaced leads queue at the region";
  EXPECT_EQ(nowhere.region_code, "");

  Lead given;
  given.region_code = "150402";
  given.enterprise_address = "赤峰市松山区";
  EXPECT_EQ(route_lead(given, *index, &*gazetteer), "150402") << "the source's region code wins";
}

TEST_F(ImportTest, NdjsonRowsThatAreNotObjectsAreRejected) {
  std::string nd =
      R"({"source":"media","source_id":"N-1","received_at":"2018-04-01T09:30:00+08:00","text":"某店","price":12.5})"
      "\n"
      "not json at all\n"
      "\n"
      R"([{"source":"media"}])"
      "\n"
      R"({"source":"media","source_id":"N-2","received_at":"2018-04-01","text":"某店","unit_code":"150404"})"
      "\n"
      R"({"source":"media","source_id":"N-3","received_at":"2018-04-01","text":"某店","sample_result":"maybe"})"
      "\n"
      R"({"source":"media","source_id":"N-1","received_at":"2018-04-01","text":"again"})"
      "\r\n";
  auto s = run(nd, Format::kNdjson);
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s->accepted, 1);
  EXPECT_EQ(s->duplicates, 1);  // N-1 again, later in the same file
  EXPECT_EQ(s->rejected, 4);
  ASSERT_EQ(s->errors.size(), 4u);
  expect_error(s->errors[0], 2, "");
  expect_error(s->errors[1], 4, "");
  EXPECT_NE(s->errors[1].reason.find("array"), std::string::npos);
  expect_error(s->errors[2], 5, "unit_code");  // not an import field
  expect_error(s->errors[3], 6, "sample_result");
  auto leads = all_leads();
  ASSERT_EQ(leads.size(), 1u);
  EXPECT_EQ(leads[0].extra["price"], 12.5);
}

TEST_F(ImportTest, AHeaderMissingARequiredColumnOrNamingAnUnknownOneRejectsTheFile) {
  auto missing = run("source_id,received_at,text\nX,2018-04-01,t\n", Format::kCsv);
  EXPECT_EQ(missing.status().code(), Code::kInvalidArgument);
  EXPECT_NE(missing.status().message().find("source"), std::string::npos);
  auto unknown = run(kHeader.substr(0, kHeader.size() - 1) + ",colour\n", Format::kCsv);
  EXPECT_EQ(unknown.status().code(), Code::kInvalidArgument);
  EXPECT_NE(unknown.status().message().find("colour"), std::string::npos);
  auto empty = run("", Format::kCsv);
  EXPECT_EQ(empty.status().code(), Code::kInvalidArgument);
  EXPECT_EQ(*store_->count_leads(), 0);
}

TEST_F(ImportTest, ExcelCsvWithByteOrderMarkAndCrlfImports) {
  std::string csv =
      "\xEF\xBB\xBF"
      "source,source_id,received_at,text\r\n"
      "media,E-1,2018-04-01,\"第一行\r\n第二行\"\r\n"
      "media,E-2,2018-04-02,文本\r\n";
  auto s = run(csv, Format::kCsv);
  ASSERT_TRUE(s.ok()) << s.status().to_string();
  EXPECT_EQ(s->accepted, 2) << summary_json(*s).dump();
  auto leads = all_leads();
  ASSERT_EQ(leads.size(), 2u);
  EXPECT_EQ(leads[0].source, "media");
  EXPECT_EQ(leads[0].text, "第一行\n第二行");
  EXPECT_EQ(leads[1].text, "文本");
}

TEST_F(ImportTest, ErrorsAreCappedAndCounted) {
  std::string csv = kHeader;
  for (int i = 0; i < 30; ++i) csv += "bad_source,X-" + std::to_string(i) + ",2018-04-01,t,,,,\n";
  csv += good_row(1);
  ImportOptions options;
  options.max_errors = 10;
  options.batch_size = 7;
  auto s = run(csv, Format::kCsv, Kind::kLeads, options);
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s->rejected, 30);
  EXPECT_EQ(s->accepted, 1);
  EXPECT_EQ(s->errors.size(), 10u);
  EXPECT_EQ(s->errors[9].line, 11);
  auto j = summary_json(*s);
  EXPECT_EQ(j["errors_truncated"], true);
  EXPECT_EQ(j["errors_omitted"], 20);
  EXPECT_EQ(j["errors"].size(), 10u);
}

TEST_F(ImportTest, SmallBatchesStoreEachRowOnce) {
  std::string csv = kHeader;
  for (int i = 0; i < 95; ++i) csv += good_row(i);
  for (int i = 0; i < 10; ++i) csv += good_row(i);  // repeated rows
  ImportOptions options;
  options.batch_size = 10;
  int64_t calls = 0, last = 0;
  options.on_batch = [&](int64_t rows) {
    ++calls;
    EXPECT_GT(rows, last);
    last = rows;
  };
  auto s = run(csv, Format::kCsv, Kind::kLeads, options);
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s->accepted, 95);
  EXPECT_EQ(s->duplicates, 10);
  EXPECT_EQ(last, 105);
  EXPECT_EQ(calls, 11);
  EXPECT_EQ(*store_->count_leads(), 95);
}

TEST_F(ImportTest, EnterprisesByUsccElseNameAndRegion) {
  std::string csv =
      "uscc,name,region_code,established_on,former_names\n"
      "91150404MA0N00000X,赤峰甲农资有限公司,150404,2015-03-02,\n"  // 2: check fails: flagged
      "９１１５０４０４ma0n00000x,赤峰甲农资有限公司,150404,,\n"    // 3: same code, full width
      ",松山区乙农资店,150404,,乙店;乙商行\n"                       // 4: no code
      ",松山区乙农资店,150404,,\n"                                  // 5: same name and region
      "12345,丙公司,150404,,\n"                                     // 6: uscc length
      "91150404MA0N000001,,150404,,\n"                              // 7: name missing
      "91150404MA0N000002,丁公司,1504,,\n"                          // 8: region_code
      "91150404MA0N000003,戊公司,150404,2015/03/02,\n";             // 9: date
  auto s = run(csv, Format::kCsv, Kind::kEnterprises);
  ASSERT_TRUE(s.ok()) << s.status().to_string();
  EXPECT_EQ(s->accepted, 2) << summary_json(*s).dump();
  EXPECT_EQ(s->duplicates, 2);
  EXPECT_EQ(s->rejected, 4);
  ASSERT_EQ(s->errors.size(), 4u);
  expect_error(s->errors[0], 6, "uscc");
  expect_error(s->errors[1], 7, "name");
  expect_error(s->errors[2], 8, "region_code");
  expect_error(s->errors[3], 9, "established_on");
  EnterpriseQuery q;
  q.uscc = "91150404MA0N00000X";
  auto page = store_->list_enterprises(q);
  ASSERT_TRUE(page.ok());
  ASSERT_EQ(page->items.size(), 1u);
  EXPECT_FALSE(page->items[0].uscc_valid);
  EXPECT_EQ(page->items[0].established_on, "2015-03-02");

  auto again = run(csv, Format::kCsv, Kind::kEnterprises);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->accepted, 0);
  EXPECT_EQ(again->duplicates, 4);
}

TEST(ImportFormat, ByExtension) {
  EXPECT_EQ(*format_for_path("a.csv"), Format::kCsv);
  EXPECT_EQ(*format_for_path("a.ndjson"), Format::kNdjson);
  EXPECT_EQ(*format_for_path("a.jsonl"), Format::kNdjson);
  EXPECT_EQ(*format_for_path("-"), Format::kNdjson);
  EXPECT_EQ(*format_for_path("a.xlsx"), Format::kXlsx);
  EXPECT_FALSE(format_for_path("a.xls").ok());
  EXPECT_EQ(*parse_kind("enterprises"), Kind::kEnterprises);
  EXPECT_EQ(*parse_kind("sampling"), Kind::kSampling);
  EXPECT_FALSE(parse_kind("samples").ok());
}

}  // namespace
}  // namespace lj::intake
