#include "classify/service.hpp"

#include <algorithm>
#include <map>

#include <spdlog/spdlog.h>

#include "refdata/campaign.hpp"
#include "refdata/data_dir.hpp"

namespace lj::classify {

Service::Service(Store& store, std::shared_ptr<const Classifier> rules,
                 std::chrono::seconds refresh_interval)
    : store_(store),
      rules_(std::move(rules)),
      refresh_interval_(refresh_interval),
      current_(rules_) {}

void Service::invalidate() {
  std::lock_guard lock(mu_);
  checked_ = false;
}

std::shared_ptr<const Classifier> Service::current() {
  std::lock_guard lock(mu_);
  const auto now = std::chrono::steady_clock::now();
  if (checked_ && now - checked_at_ < refresh_interval_) return current_;
  checked_ = true;
  checked_at_ = now;
  ClassifyRepo repo(store_.sql());
  auto newest = repo.latest_model_id();
  if (!newest.ok() || *newest == current_->model_id()) return current_;
  if (*newest == 0) {
    current_ = rules_;
    return current_;
  }
  auto stored = repo.latest_model(true);
  if (!stored.ok()) return current_;
  auto model = TextModel::load(stored->bytes);
  if (!model.ok()) {
    spdlog::warn("classifier model {} cannot be loaded: {}", stored->id, model.status().message());
    return current_;
  }
  current_ = rules_->with_model(std::move(*model), stored->id);
  return current_;
}

Result<std::shared_ptr<Service>> shared_service(Store& store, const std::string& data_dir) {
  static std::mutex mu;
  static std::map<Store*, std::shared_ptr<Service>> services;
  std::lock_guard lock(mu);
  auto it = services.find(&store);
  if (it != services.end()) return it->second;
  LJ_ASSIGN_OR_RETURN(std::string dir, refdata::data_dir(data_dir));
  LJ_ASSIGN_OR_RETURN(std::vector<CodeEntry> codes, store.list_codes(""));
  LJ_ASSIGN_OR_RETURN(auto rules, load_rules_classifier(dir, codes));
  auto service = std::make_shared<Service>(store, std::move(rules));
  services[&store] = service;
  return service;
}

Result<std::shared_ptr<const Classifier>> load_store_classifier(Store& store,
                                                                const std::string& data_dir) {
  LJ_ASSIGN_OR_RETURN(std::vector<CodeEntry> codes, store.list_codes("product_category"));
  if (codes.empty()) {  // reference data not loaded into this database yet: the campaign file's
    LJ_ASSIGN_OR_RETURN(codes, refdata::load_codes(data_dir));
  } else {
    LJ_ASSIGN_OR_RETURN(codes, store.list_codes(""));
  }
  LJ_ASSIGN_OR_RETURN(auto rules, load_rules_classifier(data_dir, codes));
  Service service(store, std::move(rules));
  return service.current();
}

GivenLabels given_in(const Lead& lead) {
  GivenLabels g;
  g.product_category = !lead.product_category.empty();
  g.special_actions = std::any_of(lead.special_actions.begin(), lead.special_actions.end(),
                                  [](const std::string& a) { return a != "ecommerce"; });
  g.violations = !lead.violations.empty();
  return g;
}

LabelProvenance label_lead(const Classifier& classifier, Lead& lead, const GivenLabels& given) {
  LabelProvenance p;
  if (given.product_category && given.special_actions && given.violations) {
    p.category_source = p.actions_source = p.violations_source = "source";
    return p;
  }
  const bool online = lead.channel == "online";
  const Classification c =
      classifier.classify(lead.title.empty() ? lead.text : lead.title + "\n" + lead.text, online);
  p.model_id = c.model_id;
  if (given.product_category) {
    p.category_source = "source";
  } else {
    p.category_source = c.category_source;
    p.confidence = c.confidence;
    lead.product_category = c.product_category == "other" ? "" : c.product_category;
  }
  if (given.special_actions) {
    p.actions_source = "source";
  } else {
    std::vector<std::string> actions = classifier.special_actions_for(
        lead.product_category.empty() ? "other" : lead.product_category, online);
    for (const std::string& a : lead.special_actions)
      if (std::find(actions.begin(), actions.end(), a) == actions.end()) actions.push_back(a);
    lead.special_actions = std::move(actions);
    p.actions_source = p.category_source;
  }
  if (given.violations) {
    p.violations_source = "source";
  } else {
    lead.violations = c.violations;
    p.violations_source = c.violations_source;
  }
  return p;
}

std::optional<LabelProvenance> label_new_lead(Store& store, Lead& lead, const GivenLabels& given) {
  auto service = shared_service(store);
  if (!service.ok()) {
    spdlog::warn("leads are not classified: {}", service.status().message());
    return std::nullopt;
  }
  return label_lead(*(*service)->current(), lead, given);
}

Status record_new_lead(Store& store, const Actor& actor, int64_t lead_id,
                       const LabelProvenance& p) {
  return ClassifyRepo(store.sql()).record_provenance(actor, {{lead_id, p}});
}

Result<StoredModel> train_and_store(Store& store, const Actor& actor, const TrainOptions& options) {
  ClassifyRepo repo(store.sql());
  LJ_ASSIGN_OR_RETURN(std::vector<ConfirmedLabels> confirmed, repo.confirmed_labels());
  std::vector<LabelledText> examples;
  examples.reserve(confirmed.size());
  for (ConfirmedLabels& c : confirmed)
    examples.push_back(
        LabelledText{std::move(c.text), std::move(c.product_category), std::move(c.violations)});
  LJ_ASSIGN_OR_RETURN(TrainedModel trained, train_model(examples, options));
  return repo.save_model(actor, trained.bytes, trained.training_size, trained.metrics);
}

}  // namespace lj::classify
