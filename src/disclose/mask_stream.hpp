// The `lijian mask` filter (CONTRACTS.md) over streams, so it is testable without the binary.
#pragma once

#include <cstdint>
#include <iosfwd>

#include <nlohmann/json.hpp>

#include "disclose/masking.hpp"

namespace lj::disclose {

// The found spans as JSON: [{"kind":"phone","start":N,"end":N}, ...] (code points of the input).
nlohmann::ordered_json found_json(const MaskResult& r);

// Reads NDJSON objects {"id":..., "text":"...", "party":"name" | ["name", ...] (optional: names
// of the party, which are published and not masked)} from `in` and writes, in the same order,
// {"id":..., "masked":"...", "found":[...]} to `out`. A bad line gives
// {"id":..., "error":{"line":N,"message":"..."}} on `out` and a line on `err`; blank lines are
// skipped. Returns the number of bad lines.
int64_t mask_stream(std::istream& in, std::ostream& out, std::ostream& err);

}  // namespace lj::disclose
