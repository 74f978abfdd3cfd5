#include "refdata/demo_labels.hpp"

#include "classify/service.hpp"
#include "store/sql/classify_repo.hpp"

namespace lj::refdata::demo {

Status label_demo_leads(Store& store, const std::vector<LabelledDemoLead>& leads) {
  if (leads.empty()) return Status::Ok();
  ClassifyRepo repo(store.sql());
  const Actor system = Actor::system("demo");
  std::vector<std::pair<int64_t, LabelProvenance>> provenance;
  LabelProvenance source;
  source.category_source = source.actions_source = source.violations_source = "source";
  for (const LabelledDemoLead& l : leads) provenance.emplace_back(l.id, source);
  LJ_RETURN_IF_ERROR(repo.record_provenance(system, provenance));
  std::map<const Actor*, std::vector<int64_t>> to_confirm;
  for (size_t i = 0; i < leads.size(); ++i)
    if (static_cast<int>(i % 100) < kConfirmedPercent)
      to_confirm[leads[i].confirmer].push_back(leads[i].id);
  for (const auto& [actor, ids] : to_confirm) LJ_RETURN_IF_ERROR(repo.confirm(*actor, ids));
  return classify::train_and_store(store, system).status();
}

}  // namespace lj::refdata::demo
