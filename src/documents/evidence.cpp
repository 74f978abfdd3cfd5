#include "documents/evidence.hpp"

#include <fstream>
#include <sstream>

#include "model/json.hpp"

namespace lj::documents {
namespace {

bool starts(std::string_view b, std::string_view prefix) {
  return b.substr(0, prefix.size()) == prefix;
}

// Valid UTF-8 without NUL bytes in the first 64 KiB (a sequence cut at the window's end is fine).
bool looks_like_text(std::string_view b) {
  const size_t n = std::min<size_t>(b.size(), 64 * 1024);
  size_t i = 0;
  while (i < n) {
    unsigned char c = static_cast<unsigned char>(b[i]);
    if (c == 0) return false;
    size_t len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
    if (len == 0) return false;
    for (size_t k = 1; k < len; ++k) {
      if (i + k >= n) return i + k >= b.size() || n < b.size();
      if ((static_cast<unsigned char>(b[i + k]) >> 6) != 2) return false;
    }
    i += len;
  }
  return true;
}

const char* kKnownMagic[] = {"pdf", "jpeg", "png", "webp", "zip", "mp3", "mp4", "text"};

}  // namespace

std::string sniff(std::string_view b) {
  if (starts(b, "%PDF-")) return "pdf";
  if (starts(b, "\xFF\xD8\xFF")) return "jpeg";
  if (starts(b, "\x89PNG\r\n\x1A\n")) return "png";
  if (b.size() >= 12 && starts(b, "RIFF") && b.substr(8, 4) == "WEBP") return "webp";
  if (starts(b, std::string_view("PK\x03\x04", 4)) || starts(b, std::string_view("PK\x05\x06", 4)))
    return "zip";
  if (b.size() >= 12 && b.substr(4, 4) == "ftyp") return "mp4";
  if (starts(b, "ID3")) return "mp3";
  // An MPEG audio frame header: 11 sync bits, a layer that is not "reserved".
  if (b.size() >= 2 && static_cast<unsigned char>(b[0]) == 0xFF &&
      (static_cast<unsigned char>(b[1]) & 0xE0) == 0xE0 &&
      (static_cast<unsigned char>(b[1]) & 0x06) != 0)
    return "mp3";
  if (!b.empty() && looks_like_text(b)) return "text";
  return "";
}

EvidencePolicy EvidencePolicy::defaults() {
  constexpr int64_t kMiB = 1024 * 1024;
  EvidencePolicy p;
  p.types_ = {
      {"application/pdf", "pdf", 20 * kMiB},
      {"image/jpeg", "jpeg", 10 * kMiB},
      {"image/png", "png", 10 * kMiB},
      {"image/webp", "webp", 10 * kMiB},
      {"application/zip", "zip", 20 * kMiB},
      {"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "zip", 10 * kMiB},
      {"application/vnd.openxmlformats-officedocument.wordprocessingml.document", "zip", 10 * kMiB},
      {"audio/mpeg", "mp3", 20 * kMiB},
      {"video/mp4", "mp4", 20 * kMiB},
      {"text/plain", "text", 2 * kMiB},
      {"text/csv", "text", 5 * kMiB}};
  p.kinds_ = {{"documentary", "书证"},     {"physical", "物证"},
              {"audiovisual", "视听资料"}, {"electronic", "电子数据"},
              {"witness", "证人证言"},     {"party_statement", "当事人的陈述"},
              {"expert_opinion", "鉴定意见"}, {"inspection_record", "勘验笔录、现场笔录"}};
  return p;
}

Result<EvidencePolicy> EvidencePolicy::parse(const std::string& text) {
  Json j = Json::parse(text, nullptr, false);
  if (j.is_discarded() || !j.is_object() || !j.contains("types") || !j["types"].is_array())
    return Status::Invalid("types", "evidence-types.json must be an object with a 'types' array");
  EvidencePolicy p;
  for (size_t i = 0; i < j["types"].size(); ++i) {
    const Json& e = j["types"][i];
    const std::string at = "types[" + std::to_string(i) + "]";
    if (!e.is_object() || !e.contains("type") || !e["type"].is_string() ||
        e["type"].get<std::string>().empty())
      return Status::Invalid(at + ".type", at + ".type must be a non-empty string");
    if (!e.contains("magic") || !e["magic"].is_string())
      return Status::Invalid(at + ".magic", at + ".magic must be a string");
    std::string magic = e["magic"].get<std::string>();
    if (std::find(std::begin(kKnownMagic), std::end(kKnownMagic), magic) == std::end(kKnownMagic))
      return Status::Invalid(at + ".magic", at + ".magic: unknown '" + magic + "'");
    if (!e.contains("max_bytes") || !e["max_bytes"].is_number_integer() ||
        e["max_bytes"].get<int64_t>() <= 0)
      return Status::Invalid(at + ".max_bytes", at + ".max_bytes must be a positive integer");
    std::string type = e["type"].get<std::string>();
    for (const auto& t : p.types_)
      if (t.type == type)
        return Status::Invalid(at + ".type", at + ".type: '" + type + "' listed twice");
    p.types_.push_back({type, magic, e["max_bytes"].get<int64_t>()});
  }
  if (p.types_.empty()) return Status::Invalid("types", "evidence-types.json lists no type");
  if (j.contains("evidence_kinds")) {
    if (!j["evidence_kinds"].is_array())
      return Status::Invalid("evidence_kinds", "evidence_kinds must be a list");
    for (size_t i = 0; i < j["evidence_kinds"].size(); ++i) {
      const Json& k = j["evidence_kinds"][i];
      const std::string at = "evidence_kinds[" + std::to_string(i) + "]";
      if (!k.is_object() || !k.contains("code") || !k["code"].is_string() ||
          k["code"].get<std::string>().empty() || !k.contains("name_zh") || !k["name_zh"].is_string())
        return Status::Invalid(at, at + " needs a code and a name_zh");
      if (p.kind(k["code"].get<std::string>()))
        return Status::Invalid(at + ".code", at + ".code listed twice");
      p.kinds_.push_back({k["code"].get<std::string>(), k["name_zh"].get<std::string>()});
    }
  } else {
    p.kinds_ = defaults().kinds_;
  }
  return p;
}

const EvidencePolicy::EvidenceKind* EvidencePolicy::kind(const std::string& code) const {
  for (const auto& k : kinds_)
    if (k.code == code) return &k;
  return nullptr;
}

Result<EvidencePolicy> EvidencePolicy::load(const std::string& data_dir) {
  const std::string path = data_dir + "/documents/evidence-types.json";
  std::ifstream in(path);
  if (!in) return Status::NotFound("cannot read " + path);
  std::stringstream ss;
  ss << in.rdbuf();
  auto p = parse(ss.str());
  if (!p.ok()) return Status::Invalid(p.status().field(), path + ": " + p.status().message());
  return p;
}

Status EvidencePolicy::check(const std::string& content_type, std::string_view bytes) const {
  const EvidenceType* t = nullptr;
  for (const auto& e : types_)
    if (e.type == content_type) t = &e;
  if (!t)
    return Status::Invalid("content-type",
                           "content type '" + content_type + "' is not accepted as evidence");
  if (bytes.empty()) return Status::Invalid("body", "the file is empty");
  if (static_cast<int64_t>(bytes.size()) > t->max_bytes)
    return Status{
        Code::kPayloadTooLarge,
        "a " + content_type + " file may have at most " + std::to_string(t->max_bytes) + " bytes",
        "body"};
  const std::string found = sniff(bytes);
  if (found != t->magic)
    return Status::Invalid(
        "body", "the file's content does not match its type " + content_type + " (" +
                    (found.empty() ? std::string("unknown bytes") : "it looks like " + found) +
                    ")");
  return Status::Ok();
}

}  // namespace lj::documents
