// Internal to the demo data set: classification state, so the screens show something — the
// provenance of every demo lead's labels, a share of them confirmed by officers, and a model
// trained from those confirmations.
#pragma once

#include <map>
#include <string>
#include <utility>
#include <vector>

#include "core/status.hpp"
#include "model/model.hpp"
#include "store/store.hpp"

namespace lj::refdata::demo {

// One created demo lead: its id and the demo user who confirms its labels.
struct LabelledDemoLead {
  int64_t id = 0;
  const Actor* confirmer = nullptr;
};

inline constexpr int kConfirmedPercent = 40;  // of the demo leads, confirmed by an officer

// Records "source" provenance for `leads` (their labels came with the generated lead), marks
// every lead whose position modulo 100 is below kConfirmedPercent as confirmed by its confirmer,
// and trains and stores a model from all confirmed leads of the store. Does nothing when
// `leads` is empty (a repeated run).
Status label_demo_leads(Store& store, const std::vector<LabelledDemoLead>& leads);

}  // namespace lj::refdata::demo
