#include "model/json.hpp"

#include <cstdio>

namespace lj {
namespace {
Json opt_id(const std::optional<int64_t>& v) { return v ? Json(*v) : Json(nullptr); }
Json opt_text(const std::string& s) { return s.empty() ? Json(nullptr) : Json(s); }
}  // namespace

std::string mask_phone(const std::string& phone) {
  if (phone.empty()) return phone;
  if (phone.size() < 7) return std::string(phone.size(), '*');
  return phone.substr(0, 3) + std::string(phone.size() - 7, '*') + phone.substr(phone.size() - 4);
}

std::string mask_name(const std::string& name) {
  if (name.empty()) return name;
  // Keep the first UTF-8 character (the family name), star the rest.
  size_t first = 1;
  unsigned char c = static_cast<unsigned char>(name[0]);
  if (c >= 0xF0) first = 4;
  else if (c >= 0xE0) first = 3;
  else if (c >= 0xC0) first = 2;
  return name.substr(0, std::min(first, name.size())) + "**";
}

std::string join_labels(const std::vector<std::string>& codes) {
  std::string out = ",";
  for (const auto& c : codes) out += c + ",";
  return out;
}

std::vector<std::string> split_labels(const std::string& stored) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start < stored.size()) {
    size_t end = stored.find(',', start);
    if (end == std::string::npos) end = stored.size();
    if (end > start) out.push_back(stored.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

std::string fen_to_yuan(int64_t fen) {
  char buf[32];
  const char* sign = fen < 0 ? "-" : "";
  uint64_t a = fen < 0 ? static_cast<uint64_t>(-(fen + 1)) + 1 : static_cast<uint64_t>(fen);
  std::snprintf(buf, sizeof buf, "%s%llu.%02llu", sign, static_cast<unsigned long long>(a / 100),
                static_cast<unsigned long long>(a % 100));
  return buf;
}

Json to_json(const Unit& u) {
  return {{"code", u.code}, {"name", u.name}, {"parent_code", opt_text(u.parent_code)},
          {"level", u.level}, {"path", u.path}};
}

Json to_json(const CodeEntry& c) {
  return {{"kind", c.kind}, {"code", c.code}, {"parent", opt_text(c.parent)},
          {"name_zh", c.name_zh}, {"name_en", c.name_en}, {"campaign", opt_text(c.campaign)}};
}

Json to_json(const User& u) {
  return {{"id", u.id}, {"username", u.username}, {"display_name", u.display_name},
          {"unit_code", u.unit_code}, {"role", role_name(u.role)}, {"active", u.active},
          {"is_demo", u.is_demo}, {"must_change_password", u.must_change_password},
          {"created_at", u.created_at}, {"updated_at", u.updated_at}};
}

Json to_json(const ApiToken& t) {
  return {{"id", t.id}, {"name", t.name}, {"user_id", t.user_id}, {"prefix", t.prefix},
          {"created_at", t.created_at}, {"expires_at", opt_text(t.expires_at)},
          {"revoked_at", opt_text(t.revoked_at)}, {"last_used_at", opt_text(t.last_used_at)}};
}

Json to_json(const Enterprise& e) {
  return {{"id", e.id}, {"uscc", opt_text(e.uscc)}, {"uscc_valid", e.uscc_valid}, {"name", e.name},
          {"former_names", opt_text(e.former_names)}, {"address", opt_text(e.address)},
          {"region_code", opt_text(e.region_code)},
          {"legal_representative", opt_text(e.legal_representative)},
          {"industry_code", opt_text(e.industry_code)},
          {"established_on", opt_text(e.established_on)}, {"status", opt_text(e.status)},
          {"created_at", e.created_at}, {"updated_at", e.updated_at}};
}

Json to_json(const Lead& l, bool with_personal_data) {
  Json j = {{"id", l.id}, {"source", l.source}, {"source_id", l.source_id},
            {"received_at", l.received_at}, {"title", opt_text(l.title)}, {"text", l.text},
            {"channel", l.channel}, {"status", l.status}, {"unit_code", l.unit_code},
            {"enterprise_id", opt_id(l.enterprise_id)},
            {"enterprise_name", opt_text(l.enterprise_name)},
            {"enterprise_uscc", opt_text(l.enterprise_uscc)},
            {"enterprise_address", opt_text(l.enterprise_address)},
            {"region_code", opt_text(l.region_code)}, {"product_name", opt_text(l.product_name)},
            {"product_category", opt_text(l.product_category)},
            {"special_actions", l.special_actions}, {"violations", l.violations},
            {"amount_involved", l.amount_involved_fen ? Json(fen_to_yuan(*l.amount_involved_fen))
                                                      : Json(nullptr)},
            {"extra", l.extra}, {"created_at", l.created_at}, {"updated_at", l.updated_at},
            {"version", l.version}};
  j["reporter_name"] = opt_text(with_personal_data ? l.reporter_name : mask_name(l.reporter_name));
  j["reporter_phone"] =
      opt_text(with_personal_data ? l.reporter_phone : mask_phone(l.reporter_phone));
  return j;
}

Json to_json(const Case& c) {
  return {{"id", c.id}, {"case_no", c.case_no}, {"lead_id", opt_id(c.lead_id)},
          {"unit_code", c.unit_code}, {"status", c.status}, {"title", c.title},
          {"summary", opt_text(c.summary)}, {"product_category", opt_text(c.product_category)},
          {"special_actions", c.special_actions}, {"violations", c.violations},
          {"enterprise_id", opt_id(c.enterprise_id)}, {"is_major", c.is_major},
          {"opened_by", c.opened_by}, {"opened_at", c.opened_at}, {"updated_at", c.updated_at},
          {"version", c.version}};
}

Json to_json(const CaseEvent& e) {
  return {{"id", e.id}, {"case_id", e.case_id}, {"at", e.at}, {"actor_id", e.actor_id},
          {"actor_name", e.actor_name}, {"kind", e.kind}, {"note", opt_text(e.note)},
          {"data", e.data}};
}

Json to_json(const Attachment& a) {
  return {{"id", a.id}, {"entity", a.entity}, {"entity_id", a.entity_id}, {"sha256", a.sha256},
          {"size", a.size}, {"content_type", a.content_type}, {"filename", a.filename},
          {"uploaded_by", a.uploaded_by}, {"uploaded_at", a.uploaded_at}};
}

Json to_json(const AuditEntry& a) {
  return {{"id", a.id}, {"at", a.at}, {"actor_id", a.actor_id}, {"actor_name", a.actor_name},
          {"unit_code", opt_text(a.unit_code)}, {"action", a.action}, {"entity", a.entity},
          {"entity_id", a.entity_id}, {"before", a.before}, {"after", a.after},
          {"request_id", opt_text(a.request_id)}, {"prev_hash", a.prev_hash}, {"hash", a.hash}};
}

}  // namespace lj
