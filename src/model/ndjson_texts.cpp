#include "model/ndjson_texts.hpp"

#include <istream>
#include <ostream>

namespace lj {

int64_t ndjson_texts(std::istream& in, std::ostream& out, std::ostream& err, std::string_view command,
                     const std::function<NdjsonAnswer(const nlohmann::json& record,
                                                      const nlohmann::json& id)>& answer) {
  using Json = nlohmann::json;
  int64_t bad = 0;
  int64_t line_no = 0;
  std::string line;
  auto fail = [&](const Json& id, const std::string& message) {
    ++bad;
    err << command << ": line " << line_no << ": " << message << "\n";
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
    NdjsonAnswer a = answer(j, id);
    if (!a.error.empty()) {
      fail(id, a.error);
      continue;
    }
    out << a.line.dump(-1, ' ', false, Json::error_handler_t::replace) << "\n";
  }
  return bad;
}

}  // namespace lj
