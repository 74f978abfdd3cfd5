// Classification on import (intake::import_rows with a classifier), on both backends.
#include <gtest/gtest.h>

#include <sstream>

#include "classify/service.hpp"
#include "intake/importer.hpp"
#include "refdata/data_dir.hpp"
#include "refdata/demo.hpp"
#include "store/sql/classify_repo.hpp"
#include "store/test_database.hpp"

namespace lj::classify {
namespace {

class ImportLabelsTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    db_ = std::make_unique<testing::TestDatabase>(GetParam());
    if (!db_->available()) GTEST_SKIP() << db_->skip_reason();
    auto s = open_store(db_->url(), 2);
    ASSERT_TRUE(s.ok()) << s.status().to_string();
    store_ = std::move(*s);
    ASSERT_TRUE(store_->migrate().ok());
    auto dir = refdata::data_dir("");
    ASSERT_TRUE(dir.ok());
    ASSERT_TRUE(refdata::load_reference(*store_, *dir, "15").ok());
    auto ctx = intake::load_import_context(*store_);
    ASSERT_TRUE(ctx.ok());
    context_ = std::move(*ctx);
    auto classifier = load_store_classifier(*store_, *dir);
    ASSERT_TRUE(classifier.ok()) << classifier.status().to_string();
    context_.classifier = *classifier;
  }

  std::unique_ptr<testing::TestDatabase> db_;
  std::unique_ptr<Store> store_;
  intake::ImportContext context_;
};

TEST_P(ImportLabelsTest, ImportedLeadsAreClassifiedAndTheirProvenanceRecorded) {
  std::istringstream in(
      "source,source_id,received_at,text,product_category,region_code,channel\n"
      "hotline_12365,L-1,2018-04-02,某农资店销售的尿素养分不足,,150404,offline\n"
      "sampling,L-2,2018-04-02,抽检发现复合肥不合格,steel,150404,offline\n"
      "ecommerce_monitoring,L-3,2018-04-02,网店销售的BV线无3C认证,,150404,online\n"
      "hotline_12365,L-4,2018-04-02,邻居装修噪音扰民,,150404,offline\n");
  auto rows = intake::open_rows(in, intake::Format::kCsv, intake::fields_of(intake::Kind::kLeads));
  ASSERT_TRUE(rows.ok());
  intake::ImportSummary s =
      intake::import_rows(*store_, Actor::system("import"), intake::Kind::kLeads, **rows, context_);
  ASSERT_TRUE(s.status.ok()) << s.status.to_string();
  ASSERT_EQ(s.accepted, 4);

  LeadQuery q;
  q.sort = "id";
  q.limit = 10;
  const Actor all = Actor::system("test");
  auto page = store_->list_leads(all, q);
  ASSERT_TRUE(page.ok());
  ASSERT_EQ(page->items.size(), 4u);
  const Lead& urea = page->items[0];
  EXPECT_EQ(urea.product_category, "fertilizer");
  EXPECT_EQ(urea.special_actions, std::vector<std::string>{"agri_inputs"});
  EXPECT_EQ(urea.violations, std::vector<std::string>{"insufficient_content"});
  const Lead& given = page->items[1];
  EXPECT_EQ(given.product_category, "steel");  // the source's category is kept
  EXPECT_EQ(given.special_actions, std::vector<std::string>{"building_materials"});
  EXPECT_EQ(given.violations, std::vector<std::string>{"substandard"});
  const Lead& online = page->items[2];
  EXPECT_EQ(online.product_category, "wire_cable");
  EXPECT_EQ(online.special_actions, (std::vector<std::string>{"building_materials", "ecommerce"}));
  EXPECT_EQ(online.violations, std::vector<std::string>{"no_ccc"});
  EXPECT_EQ(page->items[3].product_category, "");

  ClassifyRepo repo(store_->sql());
  auto p0 = repo.lead_labels(all, urea.id);
  ASSERT_TRUE(p0.ok());
  EXPECT_TRUE(p0->recorded);
  EXPECT_EQ(p0->provenance.category_source, "rules");
  auto p1 = repo.lead_labels(all, given.id);
  EXPECT_EQ(p1->provenance.category_source, "source");
  EXPECT_EQ(p1->provenance.violations_source, "rules");
  EXPECT_EQ(repo.lead_labels(all, page->items[3].id)->provenance.category_source, "none");

  // The same file again stores nothing and records nothing new.
  std::istringstream again(
      "source,source_id,received_at,text,product_category,region_code,channel\n"
      "hotline_12365,L-1,2018-04-02,某农资店销售的尿素养分不足,,150404,offline\n");
  auto rows2 =
      intake::open_rows(again, intake::Format::kCsv, intake::fields_of(intake::Kind::kLeads));
  ASSERT_TRUE(rows2.ok());
  auto s2 = intake::import_rows(*store_, Actor::system("import"), intake::Kind::kLeads, **rows2,
                                context_);
  EXPECT_TRUE(s2.status.ok()) << s2.status.to_string();
  EXPECT_EQ(s2.duplicates, 1);
}

INSTANTIATE_TEST_SUITE_P(Backends, ImportLabelsTest, ::testing::Values("sqlite", "postgres"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace lj::classify

namespace lj::classify {
namespace {

// A server's Service picks up a model trained elsewhere (another process, another server) from
// the database, and classifies with it.
TEST_P(ImportLabelsTest, ServicePicksUpANewerModelFromTheDatabase) {
  auto dir = refdata::data_dir("");
  ASSERT_TRUE(dir.ok());
  auto rules = load_rules_classifier(*dir);
  ASSERT_TRUE(rules.ok());
  Service service(*store_, *rules, std::chrono::seconds(0));
  EXPECT_FALSE(service.current()->has_model());

  std::vector<Lead> leads;
  for (int i = 0; i < 30; ++i) {
    Lead l;
    l.source = "hotline_12365";
    l.source_id = "M-" + std::to_string(i);
    l.received_at = "2018-04-02T10:00:00+08:00";
    l.unit_code = "150404";
    const bool fert = i % 2 == 0;
    l.text = (fert ? "春耕时节农户反映颗粒撒下后苗情很差，第"
                   : "工地脚手架旁堆放的螺旋纹棒材一折就断，第") +
             std::to_string(i) + "批";
    l.product_category = fert ? "fertilizer" : "steel";
    leads.push_back(l);
  }
  auto stored = store_->insert_leads(Actor::system("test"), leads);
  ASSERT_TRUE(stored.ok()) << stored.status().to_string();
  std::vector<int64_t> ids;
  for (const Upserted& u : *stored) ids.push_back(u.id);
  ClassifyRepo repo(store_->sql());
  ASSERT_TRUE(repo.confirm(Actor::system("test"), ids).ok());
  auto model = train_and_store(*store_, Actor::system("test"));
  ASSERT_TRUE(model.ok()) << model.status().to_string();
  EXPECT_EQ(model->training_size, 30);

  auto current = service.current();
  ASSERT_TRUE(current->has_model());
  EXPECT_EQ(current->model_id(), model->id);
  Classification c = current->classify("春耕时节农户反映颗粒撒下后苗情很差", false);
  EXPECT_EQ(c.product_category, "fertilizer");
  EXPECT_EQ(c.category_source, "model");
  EXPECT_EQ(c.model_id, model->id);
}

}  // namespace
}  // namespace lj::classify
