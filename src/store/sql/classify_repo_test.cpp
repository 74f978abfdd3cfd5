// Classification storage on both backends: provenance, officer corrections, scope, models.
#include "store/sql/classify_repo.hpp"

#include <algorithm>

#include "store/store_test_fixture.hpp"

namespace lj {
namespace {

using namespace store_testing;  // NOLINT(google-build-using-namespace)

class ClassifyRepoTest : public StoreTest {
 protected:
  ClassifyRepo repo() { return ClassifyRepo(store_->sql()); }
};

TEST_P(ClassifyRepoTest, ProvenanceIsRecordedAndScoped) {
  Lead lead = add_lead(kSongshan, "C-1", "2018-04-02T10:00:00+08:00");
  LabelProvenance p;
  p.category_source = "rules";
  p.actions_source = "rules";
  p.violations_source = "model";
  p.confidence = 0.875;
  p.model_id = 3;
  ASSERT_TRUE(repo().record_provenance(kSongshan, {{lead.id, p}}).ok());
  auto got = repo().lead_labels(kSongshan, lead.id);
  ASSERT_TRUE(got.ok()) << got.status().to_string();
  EXPECT_TRUE(got->recorded);
  EXPECT_EQ(got->provenance.category_source, "rules");
  EXPECT_EQ(got->provenance.violations_source, "model");
  EXPECT_DOUBLE_EQ(*got->provenance.confidence, 0.875);
  EXPECT_EQ(got->provenance.model_id, 3);
  EXPECT_TRUE(got->confirmed_at.empty());
  // A sibling county sees nothing; the league above sees it.
  EXPECT_EQ(repo().lead_labels(kHongshan, lead.id).status().code(), Code::kNotFound);
  EXPECT_TRUE(repo().lead_labels(kLeague, lead.id).ok());
  // A lead created before classification has no record.
  Lead older = add_lead(kSongshan, "C-2", "2018-04-02T10:00:00+08:00");
  EXPECT_FALSE(repo().lead_labels(kSongshan, older.id)->recorded);
}

TEST_P(ClassifyRepoTest, CorrectionUpdatesTheLeadAndKeepsOldAndNew) {
  Lead lead = add_lead(kSongshan, "C-3", "2018-04-02T10:00:00+08:00");
  LabelsChange change;
  change.product_category = "steel";
  change.special_actions = {"building_materials"};
  change.violations = {"banned_product"};
  change.expected_version = lead.version;
  auto updated = repo().set_labels(kSongshan, lead.id, change);
  ASSERT_TRUE(updated.ok()) << updated.status().to_string();
  EXPECT_EQ(updated->product_category, "steel");
  EXPECT_EQ(updated->special_actions, std::vector<std::string>{"building_materials"});
  EXPECT_EQ(updated->violations, std::vector<std::string>{"banned_product"});
  EXPECT_EQ(updated->version, lead.version + 1);

  auto record = repo().lead_labels(kSongshan, lead.id);
  ASSERT_TRUE(record.ok());
  EXPECT_EQ(record->provenance.category_source, "officer");
  EXPECT_EQ(record->confirmed_by, kSongshan.user_id);
  EXPECT_EQ(record->confirmed_by_name, kSongshan.username);
  EXPECT_FALSE(record->confirmed_at.empty());

  auto corrections = repo().corrections(kSongshan, lead.id);
  ASSERT_TRUE(corrections.ok());
  ASSERT_EQ(corrections->size(), 1u);
  EXPECT_EQ((*corrections)[0].before["product_category"], "fertilizer");
  EXPECT_EQ((*corrections)[0].before["violations"], Json::array({"insufficient_content"}));
  EXPECT_EQ((*corrections)[0].after["product_category"], "steel");
  EXPECT_EQ((*corrections)[0].username, kSongshan.username);

  // A stale version conflicts; a sibling county cannot see the lead.
  EXPECT_EQ(repo().set_labels(kSongshan, lead.id, change).status().code(), Code::kConflict);
  change.expected_version.reset();
  EXPECT_EQ(repo().set_labels(kHongshan, lead.id, change).status().code(), Code::kNotFound);
  EXPECT_EQ(repo().corrections(kHongshan, lead.id).status().code(), Code::kNotFound);

  // "other" clears the category; the confirmed labels feed training.
  change.product_category = "other";
  change.special_actions = {};
  change.violations = {};
  ASSERT_TRUE(repo().set_labels(kSongshan, lead.id, change).ok());
  auto confirmed = repo().confirmed_labels();
  ASSERT_TRUE(confirmed.ok());
  ASSERT_EQ(confirmed->size(), 1u);
  EXPECT_EQ((*confirmed)[0].lead_id, lead.id);
  EXPECT_EQ((*confirmed)[0].product_category, "other");
  EXPECT_TRUE((*confirmed)[0].violations.empty());
  EXPECT_EQ(repo().count_confirmed().value(), 1);
  EXPECT_EQ(repo().corrections(kSongshan, lead.id)->size(), 2u);
}

TEST_P(ClassifyRepoTest, SharedLeadsAreReadOnlyForLabels) {
  Lead lead = add_lead(kSongshan, "C-4", "2018-04-02T10:00:00+08:00");
  ASSERT_TRUE(store_->share(kSongshan, "lead", lead.id, "150402").ok());
  EXPECT_TRUE(repo().lead_labels(kHongshan, lead.id).ok());
  LabelsChange change;
  change.product_category = "fuel";
  EXPECT_EQ(repo().set_labels(kHongshan, lead.id, change).status().code(), Code::kForbidden);
}

TEST_P(ClassifyRepoTest, ModelsAreStoredWholeAndTheNewestWins) {
  EXPECT_EQ(repo().latest_model_id().value(), 0);
  EXPECT_EQ(repo().latest_model(false).status().code(), Code::kNotFound);
  std::string bytes("\x00\x01\xff model \x00 bytes", 17);
  auto first = repo().save_model(kRegion, bytes, 120, Json{{"category_accuracy", 0.9}});
  ASSERT_TRUE(first.ok()) << first.status().to_string();
  auto second = repo().save_model(kRegion, bytes + "2", 130, Json{{"category_accuracy", 0.95}});
  ASSERT_TRUE(second.ok());
  EXPECT_GT(second->id, first->id);
  EXPECT_EQ(repo().latest_model_id().value(), second->id);
  auto full = repo().latest_model(true);
  ASSERT_TRUE(full.ok());
  EXPECT_EQ(full->bytes, bytes + "2");
  EXPECT_EQ(full->training_size, 130);
  EXPECT_EQ(full->metrics["category_accuracy"], 0.95);
  EXPECT_EQ(full->created_by, kRegion.username);
  EXPECT_TRUE(repo().latest_model(false)->bytes.empty());
}

TEST_P(ClassifyRepoTest, EveryChangeIsAudited) {
  Lead lead = add_lead(kSongshan, "C-5", "2018-04-02T10:00:00+08:00");
  LabelProvenance p;
  p.category_source = "source";
  ASSERT_TRUE(repo().record_provenance(kSongshan, {{lead.id, p}}).ok());
  LabelsChange change;
  change.product_category = "fertilizer";
  change.special_actions = {"agri_inputs"};
  change.violations = {"short_weight"};
  ASSERT_TRUE(repo().set_labels(kSongshan, lead.id, change).ok());
  ASSERT_TRUE(repo().save_model(kRegion, "m", 10, Json::object()).ok());
  std::vector<std::string> actions;
  ASSERT_TRUE(store_
                  ->scan_audit([&](const AuditEntry& e) {
                    actions.push_back(e.action + ":" + e.entity);
                    return true;
                  })
                  .ok());
  EXPECT_NE(std::find(actions.begin(), actions.end(), "classify:lead"), actions.end());
  EXPECT_NE(std::find(actions.begin(), actions.end(), "update:lead"), actions.end());
  EXPECT_NE(std::find(actions.begin(), actions.end(), "create:classifier_model"), actions.end());
  AuditVerdict verdict =
      verify_audit_chain([&](const auto& visit) { return store_->scan_audit(visit); });
  EXPECT_TRUE(verdict.intact) << verdict.reason;
}

INSTANTIATE_TEST_SUITE_P(Backends, ClassifyRepoTest, ::testing::Values("sqlite", "postgres"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace lj
