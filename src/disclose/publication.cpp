#include "disclose/publication.hpp"

#include <algorithm>

#include "disclose/masking.hpp"
#include "text/normalize.hpp"

namespace lj::disclose {
namespace {

bool contains(const std::vector<std::string>& v, const std::string& s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

const Json& penalties_of(const Json& facts) {
  static const Json kNone = Json::array();
  if (!facts.is_object() || !facts.contains("penalties") || !facts["penalties"].is_array())
    return kNone;
  return facts["penalties"];
}

std::string joined_legal_basis(const Json& facts) {
  std::string out;
  if (!facts.is_object() || !facts.contains("legal_basis") || !facts["legal_basis"].is_array())
    return out;
  for (const Json& b : facts["legal_basis"]) {
    if (!b.is_string()) continue;
    if (!out.empty()) out += "、";
    out += b.get<std::string>();
  }
  return out;
}

// The text published for a decision when the creator gives none: the decision's summary.
std::string text_from_case(const DecisionSource& src, const Publication& p) {
  std::string t =
      "行政处罚决定书 " + p.decision_no + "\n当事人：" + p.party + "\n案由：" + src.c.title;
  if (!src.c.summary.empty()) t += "\n" + src.c.summary;
  if (!p.penalty.empty()) t += "\n处罚内容：" + p.penalty;
  const std::string basis = joined_legal_basis(src.facts);
  if (!basis.empty()) t += "\n处罚依据：" + basis;
  t += "\n作出处罚决定的机关：" + p.authority + "\n作出处罚决定的日期：" + p.decided_on;
  return t;
}

int64_t to_index(const Json& v) {
  return v.is_number_integer() ? v.get<int64_t>() : -1;
}

}  // namespace

std::string yuan(int64_t fen) {
  const bool neg = fen < 0;
  const int64_t a = neg ? -fen : fen;
  std::string cents = std::to_string(a % 100);
  if (cents.size() < 2) cents = "0" + cents;
  return (neg ? "-" : "") + std::to_string(a / 100) + "." + cents;
}

std::string penalty_kind_zh(const std::string& kind) {
  if (kind == "fine") return "罚款";
  if (kind == "confiscate_goods") return "没收违法生产、销售的产品";
  if (kind == "confiscate_income") return "没收违法所得";
  if (kind == "warning") return "警告";
  if (kind == "order_stop") return "责令停产停业";
  if (kind == "order_correct") return "责令改正";
  return kind;
}

std::string penalty_text(const Json& facts, int64_t& fine_fen) {
  fine_fen = 0;
  std::string out;
  for (const Json& p : penalties_of(facts)) {
    if (!p.is_object()) continue;
    const std::string kind = p.value("kind", "");
    const int64_t amount = p.contains("amount_fen") && p["amount_fen"].is_number_integer()
                               ? p["amount_fen"].get<int64_t>()
                               : 0;
    if (kind == "fine") fine_fen += amount;
    if (!out.empty()) out += "；";
    out += penalty_kind_zh(kind);
    if (amount > 0) out += yuan(amount) + "元";
  }
  return out;
}

Status check_publishable(const DecisionSource& src, const std::string& kind,
                         const DisclosureRules& rules) {
  const std::string id = std::to_string(src.c.id);
  if (src.c.status == "revoked")
    return Status::Conflict("case " + id + " is revoked: its decision is not published", "case_id");
  if (src.decision != "penalty" || src.decided_at.empty())
    return Status::Conflict("case " + id + " has no penalty decision (status " + src.c.status + ")",
                            "case_id");
  if (kind == "typical_case") return Status::Ok();
  if (!contains(rules.publishable_procedures, src.procedure))
    return Status::Conflict(
        "case " + id + " was decided under the " + src.procedure +
            " procedure: only penalties of the ordinary procedure are published "
            "(SAMR Order 45)",
        "case_id");
  const Json& pens = penalties_of(src.facts);
  bool only_unpublished = !pens.empty();
  for (const Json& p : pens)
    only_unpublished = only_unpublished && p.is_object() &&
                       contains(rules.not_published_when_only, p.value("kind", ""));
  if (only_unpublished)
    return Status::Conflict("case " + id +
                                " was decided with a warning alone, which is not published "
                                "(SAMR Order 45)",
                            "case_id");
  return Status::Ok();
}

namespace {
Json proposed_spans(const MaskResult& m) {
  Json spans = Json::array();
  for (const PiiSpan& s : m.found)
    spans.push_back(Json{{"kind", std::string(kind_name(s.kind))},
                         {"start", s.start},
                         {"end", s.end},
                         {"original", s.original},
                         {"masked", s.masked},
                         {"source", "auto"},
                         {"decision", nullptr},
                         {"decided_by", nullptr},
                         {"decided_at", nullptr}});
  return spans;
}
}  // namespace

Publication redraft(const Publication& p, const std::string& text) {
  Publication out = p;
  out.body = text::valid_utf8(text);
  out.spans = proposed_spans(mask_text(out.body, {p.party}));
  return out;
}

Result<Publication> draft(const DecisionSource& src, const std::string& kind,
                          const std::string& text, const DisclosureRules& rules,
                          const calendar::WorkCalendar* calendar) {
  LJ_RETURN_IF_ERROR(check_publishable(src, kind, rules));
  if (kind == "typical_case" && text.empty())
    return Status::Invalid("summary", "a typical case needs its curated summary (field summary)");
  Publication p;
  p.decision_no = src.decision_no.empty() ? src.c.case_no : src.decision_no;
  p.decided_on = src.decided_at.substr(0, 10);
  p.party = src.party_names.empty() ? "" : src.party_names.front();
  p.region_code = src.c.unit_code;
  p.product_category = src.c.product_category;
  p.violations = src.c.violations;
  p.penalty = penalty_text(src.facts, p.fine_fen);
  p.authority = src.unit_name;
  p.title = src.c.title;
  if (kind == "decision") {
    auto day = calendar::parse_date(p.decided_on, "decided_at");
    if (day.ok() && calendar) {
      auto due = calendar->add_working_days(*day, rules.publish_within_working_days);
      p.due_on = calendar::format_date(due.ok() ? *due
                                                : calendar->add_working_days_provisional(
                                                      *day, rules.publish_within_working_days));
    }
  }
  p.body = text.empty() ? text_from_case(src, p) : text::valid_utf8(text);
  p.spans = proposed_spans(mask_text(p.body, src.party_names));
  return p;
}

Result<Publication> apply_review(const Publication& before, const Json& decisions,
                                 const Actor& reviewer, const std::string& now) {
  if (!decisions.is_array())
    return Status::Invalid("spans", "spans: an array of decisions is required");
  const std::u32string body = text::to_u32(before.body);
  Publication after = before;
  Json spans = before.spans;
  std::vector<bool> decided(spans.size(), false);
  std::vector<PiiSpan> masked;
  for (size_t i = 0; i < decisions.size(); ++i) {
    const Json& d = decisions[i];
    const std::string at = "spans[" + std::to_string(i) + "]";
    if (!d.is_object())
      return Status::Invalid(at, at + ": an object {start,end,kind,decision} is required");
    const int64_t start = to_index(d.value("start", Json())),
                  end = to_index(d.value("end", Json()));
    if (start < 0)
      return Status::Invalid(at + ".start", at + ".start: a character offset is required");
    if (end <= start || end > static_cast<int64_t>(body.size()))
      return Status::Invalid(at + ".end", at + ".end: must be after start and at most " +
                                              std::to_string(body.size()) + " (the text's length)");
    const std::string decision = d.value("decision", "");
    if (decision != "mask" && decision != "keep")
      return Status::Invalid(at + ".decision", at + ".decision: must be \"mask\" or \"keep\"");
    size_t k = 0;
    while (k < spans.size() &&
           !(to_index(spans[k]["start"]) == start && to_index(spans[k]["end"]) == end))
      ++k;
    if (k == spans.size()) {
      // The reviewer's own span.
      if (decision != "mask")
        return Status::Invalid(at + ".decision",
                               at + ": a span that was not proposed can only be masked");
      PiiKind kind;
      if (!d.contains("kind") || !d["kind"].is_string() ||
          !parse_kind(d["kind"].get<std::string>(), kind))
        return Status::Invalid(at + ".kind",
                               at + ".kind: one of id_number, phone, bank_account, email, "
                                    "address, name, health");
      const std::string original =
          text::from_u32(body.substr(static_cast<size_t>(start), static_cast<size_t>(end - start)));
      spans.push_back(Json{{"kind", std::string(kind_name(kind))},
                           {"start", start},
                           {"end", end},
                           {"original", original},
                           {"masked", mask_span(kind, original)},
                           {"source", "reviewer"}});
      decided.push_back(false);
      k = spans.size() - 1;
    } else if (decided[k]) {
      return Status::Invalid(at, at + ": span " + std::to_string(start) + "–" +
                                     std::to_string(end) + " is decided twice");
    }
    decided[k] = true;
    spans[k]["decision"] = decision;
    spans[k]["decided_by"] = reviewer.username;
    spans[k]["decided_at"] = now;
  }
  for (size_t k = 0; k < spans.size(); ++k) {
    if (!decided[k])
      return Status::Invalid("spans", "spans: the proposed " + spans[k].value("kind", "") + " at " +
                                          std::to_string(to_index(spans[k]["start"])) + "–" +
                                          std::to_string(to_index(spans[k]["end"])) +
                                          " has no decision: mask or keep it");
    if (spans[k]["decision"] != "mask") continue;
    PiiSpan s;
    parse_kind(spans[k].value("kind", ""), s.kind);
    s.start = static_cast<size_t>(to_index(spans[k]["start"]));
    s.end = static_cast<size_t>(to_index(spans[k]["end"]));
    s.masked = spans[k].value("masked", "");
    masked.push_back(std::move(s));
  }
  std::sort(masked.begin(), masked.end(),
            [](const PiiSpan& a, const PiiSpan& b) { return a.start < b.start; });
  for (size_t k = 1; k < masked.size(); ++k)
    if (masked[k].start < masked[k - 1].end)
      return Status::Invalid("spans", "spans: masked spans " + std::to_string(masked[k - 1].start) +
                                          "–" + std::to_string(masked[k - 1].end) + " and " +
                                          std::to_string(masked[k].start) + "–" +
                                          std::to_string(masked[k].end) + " overlap");
  after.spans = std::move(spans);
  after.masked_body = apply_spans(before.body, masked);
  after.status = "published";
  after.reviewed_by = reviewer.user_id;
  after.reviewer_name = reviewer.username;
  after.published_at = now;
  return after;
}

std::string masked_preview(const Publication& p) {
  std::vector<PiiSpan> spans;
  for (const Json& s : p.spans) {
    if (s.value("decision", Json()) == "keep") continue;
    PiiSpan sp;
    parse_kind(s.value("kind", ""), sp.kind);
    sp.start = static_cast<size_t>(std::max<int64_t>(0, to_index(s["start"])));
    sp.end = static_cast<size_t>(std::max<int64_t>(0, to_index(s["end"])));
    sp.masked = s.value("masked", "");
    spans.push_back(std::move(sp));
  }
  return apply_spans(p.body, spans);
}

Json internal_json(const Publication& p, const std::string& today) {
  auto opt = [](const std::string& s) { return s.empty() ? Json(nullptr) : Json(s); };
  const bool overdue = p.status == "pending_review" && !p.due_on.empty() && today > p.due_on;
  const bool late =
      !p.published_at.empty() && !p.due_on.empty() && p.published_at.substr(0, 10) > p.due_on;
  return Json{{"id", p.id},
              {"kind", p.kind},
              {"status", p.status},
              {"case_id", p.case_id},
              {"unit_code", p.unit_code},
              {"decision_no", p.decision_no},
              {"decided_on", p.decided_on},
              {"due_on", opt(p.due_on)},
              {"overdue", overdue},
              {"late", late},
              {"party", p.party},
              {"region_code", p.region_code},
              {"product_category", opt(p.product_category)},
              {"violations", p.violations},
              {"penalty", p.penalty},
              {"fine", yuan(p.fine_fen)},
              {"authority", p.authority},
              {"title", p.title},
              {"text", p.body},
              {"masked_text", p.status == "pending_review" ? masked_preview(p) : p.masked_body},
              {"spans", p.spans},
              {"created_by", p.created_by},
              {"created_at", p.created_at},
              {"reviewer_name", opt(p.reviewer_name)},
              {"published_at", opt(p.published_at)},
              {"withdrawn_at", opt(p.withdrawn_at)},
              {"withdraw_reason", opt(p.withdraw_reason)},
              {"revoked_at", opt(p.revoked_at)},
              {"version", p.version}};
}

documents::OfficialDocument public_document(const Publication& p) {
  documents::OfficialDocument d;
  d.issuer = p.authority;
  d.title = p.kind == "typical_case" ? "典型案例" : "行政处罚决定书（公示）";
  d.number = p.decision_no;
  size_t i = 0;
  while (i <= p.masked_body.size()) {
    size_t j = p.masked_body.find('\n', i);
    if (j == std::string::npos) j = p.masked_body.size();
    if (j > i) d.paragraphs.push_back(p.masked_body.substr(i, j - i));
    i = j + 1;
  }
  d.signer = p.authority;
  d.date = documents::chinese_date(p.decided_on);
  d.subject = p.decision_no + " " + p.party;
  return d;
}

Json public_json(const Publication& p, const CodeNames& names) {
  auto named = [&](const std::string& code) {
    auto it = names.find(code);
    return Json{{"code", code}, {"name", it == names.end() ? code : it->second}};
  };
  Json violations = Json::array();
  for (const auto& v : p.violations) violations.push_back(named(v));
  return Json{
      {"id", p.id},
      {"kind", p.kind},
      {"decision_no", p.decision_no},
      {"party", p.party},
      {"title", mask_text(p.title, {p.party}).masked},
      {"violations", violations},
      {"product_category", p.product_category.empty() ? Json(nullptr) : named(p.product_category)},
      {"penalty", p.penalty},
      {"fine", yuan(p.fine_fen)},
      {"authority", p.authority},
      {"region_code", p.region_code},
      {"decided_on", p.decided_on},
      {"published_at", p.published_at},
      {"text", p.masked_body}};
}

}  // namespace lj::disclose
