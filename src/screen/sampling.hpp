// A supervision-sampling result (监督抽查结果, docs/screening.md "Sampling records") and the lead
// a failed sample becomes (监督抽查不合格 is a lead source of the work plan). Pure functions.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "model/model.hpp"

namespace lj::screen {

struct SamplingResult {
  int64_t id = 0;
  std::string source_id;                 // the sampling report no.; unique
  std::string sampled_on;                // YYYY-MM-DD (Shanghai)
  std::optional<int64_t> enterprise_id;  // linked by USCC, else exact name, when registered
  std::string enterprise_name;
  std::string enterprise_uscc;
  std::string enterprise_address;
  std::string region_code;
  std::string unit_code;  // the unit responsible, routed like a lead
  std::string unit_path;
  std::string product_name;
  std::string product_category;
  std::vector<std::string> special_actions;
  std::string batch_no;
  std::string standard;
  std::string result;        // pass | fail
  std::string failed_items;  // ';'-separated, required when result is fail
  std::string lab;
  std::string sampling_level;  // national | provincial | city | county
  std::string created_at;

  bool failed() const { return result == "fail"; }
};

Json to_json(const SamplingResult& s);

// The lead of a failed sample: source "sampling", source_id the report no., received_at the
// sampling date (00:00 Shanghai), violation "substandard", the sampling details in `extra`,
// routed to the sample's unit and linked to its enterprise. Requires s.failed().
Lead lead_of_failed_sample(const SamplingResult& s);

}  // namespace lj::screen
