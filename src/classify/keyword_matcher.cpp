#include "classify/keyword_matcher.hpp"

#include <hs/hs.h>

#include <algorithm>
#include <fstream>
#include <mutex>
#include <set>

#include "text/bigrams.hpp"
#include "text/normalize.hpp"

namespace lj::classify {

Result<std::vector<Keyword>> parse_rules(const Json& doc,
                                         const std::vector<CodeEntry>& known_codes) {
  std::set<std::pair<std::string, std::string>> known;
  for (const CodeEntry& c : known_codes) known.emplace(c.kind, c.code);
  std::vector<Keyword> out;
  const std::pair<const char*, LabelKind> sections[] = {
      {"product_categories", LabelKind::kCategory}, {"violations", LabelKind::kViolation}};
  for (auto [section, kind] : sections) {
    if (!doc.is_object() || !doc.contains(section) || !doc[section].is_object())
      return Status::Invalid(section, std::string("rules: the object ") + section + " is missing");
    const char* code_kind = kind == LabelKind::kCategory ? "product_category" : "violation";
    for (const auto& [code, list] : doc[section].items()) {
      const std::string field = std::string(section) + "." + code;
      if (!known.count({code_kind, code}))
        return Status::Invalid(field, "rules: " + code + " is not a " + code_kind + " code");
      if (!list.is_array()) return Status::Invalid(field, "rules: a list of keywords is expected");
      for (const Json& k : list) {
        Keyword kw{kind, code, {}, 0};
        if (k.is_string()) {
          kw.text = text::search_normalize(k.get<std::string>());
        } else if (k.is_object() && k.contains("k") && k["k"].is_string()) {
          kw.text = text::search_normalize(k["k"].get<std::string>());
          if (k.contains("w") && k["w"].is_number()) kw.weight = k["w"].get<double>();
        } else {
          return Status::Invalid(field, "rules: a keyword is a string or {\"k\":...,\"w\":N}");
        }
        if (kw.text.empty()) return Status::Invalid(field, "rules: empty keyword");
        if (kw.weight <= 0) kw.weight = static_cast<double>(text::utf8_length(kw.text));
        out.push_back(std::move(kw));
      }
    }
  }
  return out;
}

Result<std::vector<Keyword>> load_rules(const std::string& data_dir,
                                        const std::vector<CodeEntry>& known_codes) {
  const std::string path = data_dir + "/classify/rules.json";
  std::ifstream in(path);
  if (!in) return Status::NotFound("cannot read " + path);
  Json doc = Json::parse(in, nullptr, false);
  if (doc.is_discarded()) return Status::Invalid("rules", path + " is not valid JSON");
  return parse_rules(doc, known_codes);
}

struct KeywordMatcher::Impl {
  hs_database_t* db = nullptr;
  hs_scratch_t* prototype = nullptr;
  std::mutex mu;
  std::vector<hs_scratch_t*> free;  // scratch spaces not in use

  ~Impl() {
    for (hs_scratch_t* s : free) hs_free_scratch(s);
    if (prototype) hs_free_scratch(prototype);
    if (db) hs_free_database(db);
  }
  hs_scratch_t* borrow() {
    {
      std::lock_guard lock(mu);
      if (!free.empty()) {
        hs_scratch_t* s = free.back();
        free.pop_back();
        return s;
      }
    }
    hs_scratch_t* s = nullptr;
    if (hs_clone_scratch(prototype, &s) != HS_SUCCESS) return nullptr;
    return s;
  }
  void give_back(hs_scratch_t* s) {
    std::lock_guard lock(mu);
    free.push_back(s);
  }
};

KeywordMatcher::~KeywordMatcher() = default;

Result<std::shared_ptr<const KeywordMatcher>> KeywordMatcher::compile(
    std::vector<Keyword> keywords) {
  if (keywords.empty()) return Status::Invalid("rules", "rules: no keywords");
  std::shared_ptr<KeywordMatcher> m(new KeywordMatcher());
  m->keywords_ = std::move(keywords);
  m->impl_ = std::make_unique<Impl>();
  std::vector<const char*> patterns;
  std::vector<size_t> lengths;
  std::vector<unsigned> flags, ids;
  for (size_t i = 0; i < m->keywords_.size(); ++i) {
    patterns.push_back(m->keywords_[i].text.data());
    lengths.push_back(m->keywords_[i].text.size());
    flags.push_back(HS_FLAG_SOM_LEFTMOST);
    ids.push_back(static_cast<unsigned>(i));
  }
  hs_compile_error_t* error = nullptr;
  if (hs_compile_lit_multi(patterns.data(), flags.data(), ids.data(), lengths.data(),
                           static_cast<unsigned>(patterns.size()), HS_MODE_BLOCK, nullptr,
                           &m->impl_->db, &error) != HS_SUCCESS) {
    std::string message = error && error->message ? error->message : "unknown error";
    int at = error ? error->expression : -1;
    hs_free_compile_error(error);
    std::string which = at >= 0 ? m->keywords_[static_cast<size_t>(at)].text : "?";
    return Status::Invalid("rules", "rules: keyword " + which + " does not compile: " + message);
  }
  if (hs_alloc_scratch(m->impl_->db, &m->impl_->prototype) != HS_SUCCESS)
    return Status::Internal("hyperscan: cannot allocate scratch space");
  return std::shared_ptr<const KeywordMatcher>(std::move(m));
}

namespace {
struct RawHit {
  unsigned id;
  size_t from, to;  // bytes
};
int on_match(unsigned id, unsigned long long from, unsigned long long to, unsigned, void* ctx) {
  static_cast<std::vector<RawHit>*>(ctx)->push_back(
      RawHit{id, static_cast<size_t>(from), static_cast<size_t>(to)});
  return 0;
}
}  // namespace

std::vector<KeywordHit> KeywordMatcher::match(std::string_view normalized) const {
  std::vector<RawHit> raw;
  if (normalized.empty()) return {};
  hs_scratch_t* scratch = impl_->borrow();
  if (!scratch) return {};
  hs_scan(impl_->db, normalized.data(), static_cast<unsigned>(normalized.size()), 0, scratch,
          on_match, &raw);
  impl_->give_back(scratch);
  // Drop a hit inside a longer hit of the same kind.
  std::vector<bool> dropped(raw.size(), false);
  for (size_t i = 0; i < raw.size(); ++i) {
    for (size_t j = 0; j < raw.size() && !dropped[i]; ++j) {
      if (i == j || keywords_[raw[i].id].kind != keywords_[raw[j].id].kind) continue;
      const bool inside = raw[j].from <= raw[i].from && raw[i].to <= raw[j].to &&
                          (raw[j].to - raw[j].from) > (raw[i].to - raw[i].from);
      if (inside) dropped[i] = true;
    }
  }
  std::vector<KeywordHit> out;
  for (size_t i = 0; i < raw.size(); ++i) {
    if (dropped[i]) continue;
    const size_t start = text::utf8_length(normalized.substr(0, raw[i].from));
    const size_t end =
        start + text::utf8_length(normalized.substr(raw[i].from, raw[i].to - raw[i].from));
    out.push_back(KeywordHit{&keywords_[raw[i].id], start, end});
  }
  std::sort(out.begin(), out.end(), [](const KeywordHit& a, const KeywordHit& b) {
    return a.start != b.start ? a.start < b.start : a.end > b.end;
  });
  return out;
}

}  // namespace lj::classify
