// Loading reference data into a store, and the demo data set: demo accounts, an enterprise
// registry and two years of leads (2017-04 … 2019-03) with the cases opened from some of them,
// all in Inner Mongolia and deterministic for a seed.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/status.hpp"
#include "model/model.hpp"
#include "store/store.hpp"

namespace lj::refdata {

// Upserts the unit tree of `province` ("15" or "150000"; parents first) and the codes of the
// 2018 campaign from `data_dir`, as Actor::system("reference"). Idempotent.
Status load_reference(Store& store, const std::string& data_dir, const std::string& province);

struct DemoOptions {
  int leads = 3000;
  int enterprises = 800;
  uint64_t seed = 2018;
  // Also two years of supervision-sampling results with a planted hotspot (demo_sampling.hpp);
  // their failed samples and the hotspot's complaints are leads beyond `leads`.
  bool sampling = true;
};

// The one password of every demo account. Demo users carry is_demo = true: never in production.
inline constexpr const char* kDemoPassword = "Demo-2018-lijian";

struct DemoAccount {
  std::string username;
  std::string password;
  Role role = Role::kOfficer;
  std::string unit_code;
  std::string unit_name;
  bool created = false;  // false: the user existed already and was left as it was
};

// The demo accounts, in the order load_demo reports them (passwords filled in).
std::vector<DemoAccount> demo_accounts();

// Loads the demo data set into `store`; requires load_reference(store, data_dir, "15") first
// (kNotFound otherwise). Creates the demo users (existing usernames are skipped), upserts
// opts.enterprises enterprises by USCC, inserts opts.leads leads keyed by (source, source_id)
// and opens cases from about 10% of the verified ones, each as a demo user whose scope covers
// the lead. Running it again with the same options adds nothing. Returns every demo account.
// Cost: one password hash per new account (tens of ms) plus one transaction per record.
Result<std::vector<DemoAccount>> load_demo(Store& store, const std::string& data_dir,
                                           const DemoOptions& opts = {});

}  // namespace lj::refdata
