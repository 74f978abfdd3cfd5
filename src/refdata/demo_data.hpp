// Internal to the demo data set: the deterministic generation of enterprises and leads, apart
// from writing them (demo.cpp), so that the same seed and options give the same records.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "model/model.hpp"
#include "refdata/demo.hpp"
#include "refdata/demo_names.hpp"
#include "refdata/divisions.hpp"

namespace lj::refdata::demo {

struct EnterpriseDraft {
  Enterprise enterprise;
  std::string category;  // product category of its business
  bool sells_only = true;
  Place place;
};

struct LeadDraft {
  Lead lead;               // enterprise_id unset: `enterprise` indexes DemoData::enterprises
  int enterprise = -1;     // -1: the lead names no registered enterprise
  bool open_case = false;  // a verified lead that becomes a case
  bool major = false;
  int64_t case_opened_at = 0;  // epoch seconds
};

struct DemoData {
  std::vector<EnterpriseDraft> enterprises;
  std::vector<LeadDraft> leads;
};

// The first and last instant of the demo's two years of leads (2017-04-01 … 2019-03-31,
// Shanghai time).
int64_t demo_start();
int64_t demo_end();

// Generates opts.enterprises enterprises and opts.leads leads over the county-level units of
// Inner Mongolia. Requires `units` and `divisions` of province "15" (load_units,
// load_divisions). A pure function of its arguments.
DemoData generate_demo(const std::vector<Unit>& units, const std::vector<Division>& divisions,
                       const DemoOptions& opts);

}  // namespace lj::refdata::demo
