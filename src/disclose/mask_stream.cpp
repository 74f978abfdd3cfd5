#include "disclose/mask_stream.hpp"

#include <istream>
#include <ostream>
#include <string>

namespace lj::disclose {

nlohmann::ordered_json found_json(const MaskResult& r) {
  nlohmann::ordered_json found = nlohmann::ordered_json::array();
  for (const PiiSpan& s : r.found) {
    found.push_back({{"kind", kind_name(s.kind)}, {"start", s.start}, {"end", s.end}});
  }
  return found;
}

int64_t mask_stream(std::istream& in, std::ostream& out, std::ostream& err) {
  using Json = nlohmann::json;
  int64_t bad = 0;
  int64_t line_no = 0;
  std::string line;
  auto fail = [&](const Json& id, const std::string& message) {
    ++bad;
    err << "lijian mask: line " << line_no << ": " << message << "\n";
    nlohmann::ordered_json e;
    e["id"] = id;
    e["error"] = {{"line", line_no}, {"message", message}};
    out << e.dump() << "\n";
  };
  while (std::getline(in, line)) {
    ++line_no;
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    Json j = Json::parse(line, nullptr, false);
    if (j.is_discarded() || !j.is_object()) {
      fail(nullptr, "not a JSON object");
      continue;
    }
    const Json id = j.contains("id") ? j["id"] : Json(nullptr);
    if (!j.contains("text") || !j["text"].is_string()) {
      fail(id, "field text: a string is required");
      continue;
    }
    std::vector<std::string> parties;
    if (j.contains("party") && !j["party"].is_null()) {
      const Json& p = j["party"];
      bool ok = p.is_string() || p.is_array();
      if (p.is_string()) parties.push_back(p.get<std::string>());
      if (p.is_array()) {
        for (const Json& n : p) {
          ok = ok && n.is_string();
          if (n.is_string()) parties.push_back(n.get<std::string>());
        }
      }
      if (!ok) {
        fail(id, "field party: a string or an array of strings is required");
        continue;
      }
    }
    const MaskResult r = mask_text(j["text"].get<std::string>(), parties);
    nlohmann::ordered_json o;
    o["id"] = id;
    o["masked"] = r.masked;
    o["found"] = found_json(r);
    out << o.dump(-1, ' ', false, Json::error_handler_t::replace) << "\n";
  }
  return bad;
}

}  // namespace lj::disclose
