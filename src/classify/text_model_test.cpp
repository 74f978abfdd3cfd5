// Training the fastText model and combining it with the rules.
#include "classify/text_model.hpp"

#include <gtest/gtest.h>

#include "classify/classifier.hpp"
#include "refdata/data_dir.hpp"

namespace lj::classify {
namespace {

// Texts the keyword rules do not know: only the model can place them.
std::vector<LabelledText> fixture() {
  std::vector<LabelledText> out;
  const char* places[] = {"东街", "西街", "南关", "北门", "新区", "老城", "河畔", "站前"};
  for (int i = 0; i < 40; ++i) {
    const std::string p = places[i % 8];
    out.push_back({p + "春耕时节农户反映颗粒撒下后苗情很差，第" + std::to_string(i) + "批",
                   "fertilizer",
                   {"insufficient_content"}});
    out.push_back({p + "工地脚手架旁堆放的螺旋纹棒材一折就断，第" + std::to_string(i) + "批",
                   "steel",
                   {"banned_product"}});
    out.push_back({p + "小区业主反映邻居装修噪音扰民，第" + std::to_string(i) + "次", "other", {}});
  }
  return out;
}

TEST(TextModel, TrainsMeasuresAndPredicts) {
  TrainOptions options;
  options.epoch = 30;
  auto trained = train_model(fixture(), options);
  ASSERT_TRUE(trained.ok()) << trained.status().to_string();
  EXPECT_EQ(trained->training_size, 120);
  EXPECT_EQ(trained->metrics["holdout_size"], 24);
  EXPECT_GE(trained->metrics["category_accuracy"].get<double>(), 0.9);
  EXPECT_TRUE(trained->metrics["labels"].contains("c_fertilizer"));
  auto model = TextModel::load(trained->bytes);
  ASSERT_TRUE(model.ok()) << model.status().to_string();
  auto p = (*model)->predict("春耕时节农户反映颗粒撒下后苗情很差");
  ASSERT_FALSE(p.empty());
  EXPECT_EQ(p.front().first, "c_fertilizer");

  // The model fills in where the rules find nothing.
  auto dir = refdata::data_dir();
  ASSERT_TRUE(dir.ok());
  auto rules = load_rules_classifier(*dir);
  ASSERT_TRUE(rules.ok());
  auto combined = (*rules)->with_model(*model, 7);
  Classification c = combined->classify("站前工地脚手架旁堆放的螺旋纹棒材一折就断", false);
  EXPECT_EQ(c.product_category, "steel");
  EXPECT_EQ(c.category_source, "model");
  EXPECT_EQ(c.violations, std::vector<std::string>{"banned_product"});
  EXPECT_EQ(c.violations_source, "model");
  EXPECT_EQ(c.model_id, 7);
  // Rules still decide when they are unambiguous.
  Classification r = combined->classify("农资经销部销售的复合肥总养分不足", false);
  EXPECT_EQ(r.product_category, "fertilizer");
  EXPECT_EQ(r.category_source, "rules");
  // What the model learned as other stays other.
  EXPECT_EQ(combined->classify("小区业主反映邻居装修噪音扰民", false).product_category, "other");
}

TEST(TextModel, TooFewExamplesAreRefused) {
  std::vector<LabelledText> few(5, LabelledText{"复合肥", "fertilizer", {}});
  auto trained = train_model(few);
  ASSERT_FALSE(trained.ok());
  EXPECT_EQ(trained.status().code(), Code::kInvalidArgument);
  std::vector<LabelledText> one_category(20, LabelledText{"复合肥", "fertilizer", {}});
  EXPECT_FALSE(train_model(one_category).ok());
}

TEST(TextModel, GarbageIsNotAModel) {
  EXPECT_FALSE(TextModel::load("not a model").ok());
}

}  // namespace
}  // namespace lj::classify
