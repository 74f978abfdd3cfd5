// The NDJSON filter shape shared by `lijian classify` and `lijian mask` (CONTRACTS.md): one
// object per line with an `id` echoed back and a required string `text`; one answer line per
// input line in the same order; a bad line answers {"id":...,"error":{"line":N,"message":"..."}}
// and a message on the error stream, and the next lines go on.
#pragma once

#include <cstdint>
#include <functional>
#include <iosfwd>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace lj {

// What a command makes of one record: the answer line, or an error naming the field
// ("field channel: ...") when `error` is not empty.
struct NdjsonAnswer {
  nlohmann::ordered_json line;
  std::string error;
};

// Reads `in` to its end, skipping blank lines; for each object with a string `text` calls
// `answer(record, id)` and writes its line (invalid UTF-8 replaced). `command` names the
// command in the messages on `err` ("lijian mask: line 3: ..."). Returns the number of bad lines.
int64_t ndjson_texts(std::istream& in, std::ostream& out, std::ostream& err, std::string_view command,
                     const std::function<NdjsonAnswer(const nlohmann::json& record,
                                                      const nlohmann::json& id)>& answer);

}  // namespace lj
