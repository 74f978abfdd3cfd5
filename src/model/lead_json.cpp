#include "model/lead_json.hpp"

#include "model/json.hpp"

namespace lj {
namespace {
void string_list(JsonWriter& w, const std::vector<std::string>& list) {
  w.begin_array();
  for (const auto& s : list) w.string(s);
  w.end_array();
}
}  // namespace

void write_lead_members(JsonWriter& w, const Lead& l, bool with_personal_data) {
  w.key("amount_involved");
  l.amount_involved_fen ? w.string(fen_to_yuan(*l.amount_involved_fen)) : w.null();
  w.key("channel").string(l.channel);
  w.key("created_at").string(l.created_at);
  w.key("enterprise_address").string_or_null(l.enterprise_address);
  w.key("enterprise_id");
  l.enterprise_id ? w.integer(*l.enterprise_id) : w.null();
  w.key("enterprise_name").string_or_null(l.enterprise_name);
  w.key("enterprise_uscc").string_or_null(l.enterprise_uscc);
  w.key("extra").raw(l.extra.empty() ? "{}" : l.extra.dump());
  w.key("id").integer(l.id);
  w.key("product_category").string_or_null(l.product_category);
  w.key("product_name").string_or_null(l.product_name);
  w.key("received_at").string(l.received_at);
  w.key("region_code").string_or_null(l.region_code);
  w.key("reporter_name").string_or_null(with_personal_data ? l.reporter_name : mask_name(l.reporter_name));
  w.key("reporter_phone")
      .string_or_null(with_personal_data ? l.reporter_phone : mask_phone(l.reporter_phone));
  w.key("source").string(l.source);
  w.key("source_id").string(l.source_id);
  w.key("special_actions");
  string_list(w, l.special_actions);
  w.key("status").string(l.status);
  w.key("text").string(l.text);
  w.key("title").string_or_null(l.title);
  w.key("unit_code").string(l.unit_code);
  w.key("updated_at").string(l.updated_at);
  w.key("version").integer(l.version);
  w.key("violations");
  string_list(w, l.violations);
}

void write_lead(JsonWriter& w, const Lead& l, bool with_personal_data) {
  w.begin_object();
  write_lead_members(w, l, with_personal_data);
  w.end_object();
}

}  // namespace lj
