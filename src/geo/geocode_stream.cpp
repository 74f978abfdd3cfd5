#include "geo/geocode_stream.hpp"

#include <istream>
#include <nlohmann/json.hpp>
#include <ostream>
#include <string>

#include "model/json_writer.hpp"

namespace lj::geo {
namespace {

// Output is flushed to the stream in blocks of about this size.
constexpr size_t kFlushBytes = 1 << 16;

bool blank(const std::string& line) {
  return line.find_first_not_of(" \t\r\n") == std::string::npos;
}

void write_place(std::string& out, const nlohmann::json* id, const Place& place,
                 std::string_view error) {
  JsonWriter w(out);
  w.begin_object();
  w.key("id");
  if (id == nullptr) {
    w.null();
  } else {
    w.raw(id->dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
  }
  w.key("division_code").string_or_null(place.code);
  w.key("level").string(place.level);
  w.key("name").string_or_null(place.name);
  if (!error.empty()) w.key("error").string(error);
  w.end_object();
  out += '\n';
}

}  // namespace

GeocodeCounts geocode_stream(const Gazetteer& gazetteer, std::istream& in, std::ostream& out) {
  GeocodeCounts counts;
  std::string line;
  std::string buffer;
  buffer.reserve(kFlushBytes + 4096);
  uint64_t line_no = 0;
  const Place none{"", "none", "", 0};
  while (std::getline(in, line)) {
    ++line_no;
    if (blank(line)) continue;
    nlohmann::json doc;
    std::string parse_error;
    try {
      doc = nlohmann::json::parse(line);
    } catch (const nlohmann::json::parse_error& e) {
      parse_error = std::string("invalid JSON: ") + e.what();
    }
    if (parse_error.empty() && !doc.is_object()) parse_error = "expected a JSON object";
    if (!parse_error.empty()) {
      ++counts.malformed;
      JsonWriter w(buffer);
      w.begin_object();
      w.key("line").integer(static_cast<int64_t>(line_no));
      w.key("error").string(parse_error);
      w.end_object();
      buffer += '\n';
    } else {
      auto id_it = doc.find("id");
      const nlohmann::json* id = id_it == doc.end() ? nullptr : &*id_it;
      auto address = doc.find("address");
      if (address == doc.end() || address->is_null()) {
        ++counts.unplaced;
        write_place(buffer, id, none, "missing field: address");
      } else if (!address->is_string()) {
        ++counts.unplaced;
        write_place(buffer, id, none, "field address must be a string");
      } else {
        std::string_view hint;
        auto region = doc.find("region_code");
        if (region != doc.end() && region->is_string())
          hint = region->get_ref<const std::string&>();
        const Place place = gazetteer.locate(address->get_ref<const std::string&>(), hint);
        ++(place.level == "none" ? counts.unplaced : counts.placed);
        write_place(buffer, id, place, {});
      }
    }
    if (buffer.size() >= kFlushBytes) {
      out.write(buffer.data(), static_cast<std::streamsize>(buffer.size()));
      buffer.clear();
    }
  }
  out.write(buffer.data(), static_cast<std::streamsize>(buffer.size()));
  out.flush();
  return counts;
}

}  // namespace lj::geo
