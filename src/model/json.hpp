// JSON forms of the domain records: the API's representation and the audit log's before/after.
#pragma once

#include "model/model.hpp"

namespace lj {

Json to_json(const Unit& u);
Json to_json(const CodeEntry& c);
Json to_json(const User& u);  // never includes credentials
Json to_json(const ApiToken& t);  // never includes the hash
Json to_json(const Enterprise& e);
// `with_personal_data` false replaces reporter name and phone by masked forms.
Json to_json(const Lead& l, bool with_personal_data = true);
Json to_json(const Case& c);
Json to_json(const CaseEvent& e);
Json to_json(const Attachment& a);
Json to_json(const AuditEntry& a);

// "13812345678" -> "138****5678"; "张三" -> "张*". Used where personal data must not show.
std::string mask_phone(const std::string& phone);
std::string mask_name(const std::string& name);

// Label lists are stored as ",a,b," so that a filter is LIKE '%,a,%'.
std::string join_labels(const std::vector<std::string>& codes);
std::vector<std::string> split_labels(const std::string& stored);

// Amount in fen as a decimal yuan string: 123456 -> "1234.56".
std::string fen_to_yuan(int64_t fen);

}  // namespace lj
