#include "disclose/mask_stream.hpp"

#include <string>
#include <vector>

#include "model/ndjson_texts.hpp"

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
  return ndjson_texts(in, out, err, "lijian mask", [](const Json& j, const Json& id) {
    NdjsonAnswer a;
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
        a.error = "field party: a string or an array of strings is required";
        return a;
      }
    }
    const MaskResult r = mask_text(j["text"].get<std::string>(), parties);
    a.line["id"] = id;
    a.line["masked"] = r.masked;
    a.line["found"] = found_json(r);
    return a;
  });
}

}  // namespace lj::disclose
