// `lijian geocode` as a function over streams (CONTRACTS.md): NDJSON {"id":..., "address":"..."}
// in, NDJSON {"id":..., "division_code":..., "level":..., "name":...} out, one line per input
// line in the same order.
#pragma once

#include <cstdint>
#include <iosfwd>

#include "geo/gazetteer.hpp"

namespace lj::geo {

struct GeocodeCounts {
  uint64_t placed = 0;     // lines answered with a division
  uint64_t unplaced = 0;   // lines answered with level "none" (an `error` field included)
  uint64_t malformed = 0;  // lines that are not a JSON object: {"line":N,"error":"..."}
};

// Reads `in` to its end and writes one line per non-blank input line:
//  - {"id":ID,"division_code":"150404","level":"county","name":"松山区"}: `id` is echoed as
//    given (null when absent); level "none" has division_code and name null;
//  - with `"error":"..."` naming the field and level "none" when `address` is missing or not a
//    string;
//  - {"line":N,"error":"..."} (N counted from 1) when the line is not a JSON object.
// Never stops early on bad input. An optional string field `region_code` is used as
// Gazetteer::locate's hint.
GeocodeCounts geocode_stream(const Gazetteer& gazetteer, std::istream& in, std::ostream& out);

}  // namespace lj::geo
