#include "screen/sampling.hpp"

namespace lj::screen {

Json to_json(const SamplingResult& s) {
  Json j = {{"id", s.id},
            {"source_id", s.source_id},
            {"sampled_on", s.sampled_on},
            {"enterprise_id", s.enterprise_id ? Json(*s.enterprise_id) : Json(nullptr)},
            {"enterprise_name", s.enterprise_name},
            {"enterprise_uscc", s.enterprise_uscc},
            {"enterprise_address", s.enterprise_address},
            {"region_code", s.region_code},
            {"unit_code", s.unit_code},
            {"product_name", s.product_name},
            {"product_category", s.product_category},
            {"special_actions", s.special_actions},
            {"batch_no", s.batch_no},
            {"standard", s.standard},
            {"result", s.result},
            {"failed_items", s.failed_items},
            {"lab", s.lab},
            {"sampling_level", s.sampling_level},
            {"created_at", s.created_at}};
  return j;
}

Lead lead_of_failed_sample(const SamplingResult& s) {
  Lead l;
  l.source = "sampling";
  l.source_id = s.source_id;
  l.received_at = s.sampled_on + "T00:00:00+08:00";
  l.title = "监督抽查不合格：" + s.product_name;
  l.text = "监督抽查报告" + s.source_id + "：" + s.enterprise_name + "的" + s.product_name +
           (s.batch_no.empty() ? "" : "（批号" + s.batch_no + "）") + "经" +
           (s.lab.empty() ? std::string("检验机构") : s.lab) + "检验不合格，不合格项目：" +
           s.failed_items + (s.standard.empty() ? "" : "；依据标准：" + s.standard) + "。";
  l.unit_code = s.unit_code;
  l.enterprise_id = s.enterprise_id;
  l.enterprise_name = s.enterprise_name;
  l.enterprise_uscc = s.enterprise_uscc;
  l.enterprise_address = s.enterprise_address;
  l.region_code = s.region_code;
  l.product_name = s.product_name;
  l.product_category = s.product_category;
  l.special_actions = s.special_actions;
  l.violations = {"substandard"};
  l.extra = Json{{"sample_result", "fail"},
                 {"failed_items", s.failed_items},
                 {"standard", s.standard},
                 {"batch_no", s.batch_no},
                 {"lab", s.lab},
                 {"sampling_level", s.sampling_level}};
  return l;
}

}  // namespace lj::screen
