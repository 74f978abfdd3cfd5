#include "cases/integrity.hpp"

#include <fstream>

#include "model/json.hpp"

namespace lj::cases {
namespace {

Result<int64_t> amount(const Json& j, const char* key, const std::string& where) {
  if (!j.contains(key) || !j[key].is_number_integer() || j[key].get<int64_t>() < 0)
    return Status::Invalid(where + "." + key, "a non-negative integer is required");
  return j[key].get<int64_t>();
}

std::string text(const Json& j, const char* key) {
  return j.contains(key) && j[key].is_string() ? j[key].get<std::string>() : std::string();
}

std::string yuan(int64_t fen) {
  return fen_to_yuan(fen);
}

}  // namespace

Result<IntegrityRules> IntegrityRules::from_json(const Json& doc) {
  if (!doc.is_object()) return Status::Invalid("rules", "the rules are a JSON object");
  IntegrityRules r;
  if (!doc.contains("criminal_transfer") || !doc["criminal_transfer"].is_object())
    return Status::Invalid("criminal_transfer", "an object is required");
  const Json& c = doc["criminal_transfer"];
  r.criminal_source = text(c, "source");
  LJ_ASSIGN_OR_RETURN(r.criminal_sales_fen, amount(c, "sales_fen", "criminal_transfer"));
  LJ_ASSIGN_OR_RETURN(r.criminal_unsold_fen, amount(c, "unsold_value_fen", "criminal_transfer"));
  LJ_ASSIGN_OR_RETURN(r.criminal_combined_fen, amount(c, "combined_fen", "criminal_transfer"));
  LJ_ASSIGN_OR_RETURN(r.criminal_sales_multiplier,
                      amount(c, "sales_multiplier", "criminal_transfer"));
  if (!doc.contains("discretion") || !doc["discretion"].is_object() ||
      !doc["discretion"].contains("articles") || !doc["discretion"]["articles"].is_array())
    return Status::Invalid("discretion.articles", "a list of articles is required");
  r.discretion_source = text(doc["discretion"], "source");
  const Json& arts = doc["discretion"]["articles"];
  for (size_t i = 0; i < arts.size(); ++i) {
    const std::string where = "discretion.articles[" + std::to_string(i) + "]";
    const Json& a = arts[i];
    if (!a.is_object()) return Status::Invalid(where, "an article is an object");
    DiscretionArticle art;
    art.article = text(a, "article");
    if (art.article.empty()) return Status::Invalid(where + ".article", "a code is required");
    art.name_zh = text(a, "name_zh");
    LJ_ASSIGN_OR_RETURN(art.min_permille, amount(a, "min_permille", where));
    LJ_ASSIGN_OR_RETURN(art.max_permille, amount(a, "max_permille", where));
    if (art.min_permille > art.max_permille)
      return Status::Invalid(where, "min_permille is above max_permille");
    if (!a.contains("tiers") || !a["tiers"].is_object())
      return Status::Invalid(where + ".tiers", "lenient, ordinary and heavy ranges are required");
    for (const char* tier : {"lenient", "ordinary", "heavy"}) {
      const Json& t = a["tiers"].contains(tier) ? a["tiers"][tier] : Json();
      if (!t.is_array() || t.size() != 2 || !t[0].is_number_integer() ||
          !t[1].is_number_integer() || t[0].get<int64_t>() > t[1].get<int64_t>() ||
          t[0].get<int64_t>() < art.min_permille || t[1].get<int64_t>() > art.max_permille)
        return Status::Invalid(where + ".tiers." + tier,
                               "[min, max] permille inside the statutory range is required");
      art.tiers.push_back({tier, {t[0].get<int64_t>(), t[1].get<int64_t>()}});
    }
    r.articles.push_back(std::move(art));
  }
  if (!doc.contains("major_case") || !doc["major_case"].is_object())
    return Status::Invalid("major_case", "an object is required");
  const Json& m = doc["major_case"];
  r.major_source = text(m, "source");
  LJ_ASSIGN_OR_RETURN(r.major_goods_value_fen, amount(m, "goods_value_fen", "major_case"));
  LJ_ASSIGN_OR_RETURN(r.major_sales_fen, amount(m, "sales_fen", "major_case"));
  r.major_on_criminal_transfer = m.value("criminal_transfer", false);
  r.major_on_cross_region = m.value("cross_region", false);
  return r;
}

Result<IntegrityRules> IntegrityRules::load(const std::string& data_dir) {
  const std::string path = data_dir + "/procedure/integrity-rules.json";
  std::ifstream in(path);
  if (!in) return Status::NotFound("cannot read the integrity rules " + path);
  Json doc = Json::parse(in, nullptr, false);
  if (doc.is_discarded()) return Status::Invalid("rules", path + " is not valid JSON");
  auto r = from_json(doc);
  if (!r.ok()) return Status::Invalid(r.status().field(), path + ": " + r.status().message());
  return r;
}

const DiscretionArticle* IntegrityRules::article(const std::string& code) const {
  for (const auto& a : articles)
    if (a.article == code) return &a;
  return nullptr;
}

TransferProgress transfer_progress(const std::vector<CaseEvent>& timeline) {
  TransferProgress t;
  for (const auto& e : timeline) {
    if (e.kind != "action" || !e.data.is_object()) continue;
    const std::string action = text(e.data, "action");
    if (action == "propose_transfer") {
      t.proposed = true;
    } else if (action == "approve_transfer") {
      t.proposed = false;
      t.approved = true;
    } else if (action == "refuse_transfer") {
      t.proposed = false;
      const Json& fields = e.data.contains("fields") ? e.data["fields"] : Json::object();
      std::string reason = fields.is_object() ? text(fields, "reason") : std::string();
      if (reason.empty()) reason = e.note;
      if (!reason.empty()) {
        t.refused = true;
        t.refusal_reason = reason;
      }
    }
  }
  return t;
}

std::string criminal_threshold_met(const CaseFacts& f, const IntegrityRules& r) {
  if (f.sales_fen >= r.criminal_sales_fen) return "sales";
  if (f.unsold_value_fen >= r.criminal_unsold_fen) return "unsold_value";
  if (f.sales_fen * r.criminal_sales_multiplier + f.unsold_value_fen >= r.criminal_combined_fen)
    return "combined";
  return {};
}

std::optional<Finding> check_criminal_transfer(const CaseFacts& f, const TransferProgress& t,
                                               const IntegrityRules& r) {
  const std::string met = criminal_threshold_met(f, r);
  if (met.empty() || t.approved || t.refused) return std::nullopt;
  Finding out;
  out.kind = "criminal_transfer";
  if (met == "sales")
    out.reason = "sales " + yuan(f.sales_fen) + " yuan reach the criminal threshold of " +
                 yuan(r.criminal_sales_fen) + " yuan";
  else if (met == "unsold_value")
    out.reason = "unsold goods value " + yuan(f.unsold_value_fen) +
                 " yuan reaches the criminal threshold of " + yuan(r.criminal_unsold_fen) + " yuan";
  else
    out.reason = "sales " + yuan(f.sales_fen) + " x " +
                 std::to_string(r.criminal_sales_multiplier) + " + unsold value " +
                 yuan(f.unsold_value_fen) + " yuan reach the threshold of " +
                 yuan(r.criminal_combined_fen) + " yuan";
  out.reason += t.proposed ? "; the transfer awaits the head's decision (Decree 310 Art. 5: 3 days)"
                           : "; the case is neither transferred nor refused with reasons";
  out.shown = {{"threshold", met},
               {"sales_fen", f.sales_fen},
               {"unsold_value_fen", f.unsold_value_fen},
               {"sales_threshold_fen", r.criminal_sales_fen},
               {"unsold_threshold_fen", r.criminal_unsold_fen},
               {"combined_threshold_fen", r.criminal_combined_fen},
               {"sales_multiplier", r.criminal_sales_multiplier},
               {"source", r.criminal_source}};
  return out;
}

std::string discretion_review_of(const std::vector<CaseEvent>& timeline) {
  std::string reasons;
  for (const auto& e : timeline) {
    if (e.kind != "action" || !e.data.is_object() || text(e.data, "action") != "review_discretion")
      continue;
    const Json& fields = e.data.contains("fields") ? e.data["fields"] : Json::object();
    if (fields.is_object() && !text(fields, "reasons").empty()) reasons = text(fields, "reasons");
  }
  return reasons;
}

std::optional<Finding> check_discretion(const CaseFacts& f, const IntegrityRules& r,
                                        const std::string& reviewed) {
  const DiscretionArticle* art = nullptr;
  for (const auto& code : f.legal_basis)
    if ((art = r.article(code))) break;
  if (!art || !reviewed.empty()) return std::nullopt;
  const int64_t fine = f.fine_fen();
  if (fine == 0) return std::nullopt;  // no fine: nothing to weigh against the range
  std::pair<int64_t, int64_t> tier{art->min_permille, art->max_permille};
  for (const auto& [name, range] : art->tiers)
    if (name == f.circumstances) tier = range;
  // fine / goods value in [min, max] permille, compared in integers: fine*1000 vs value*permille.
  const __int128 lhs = static_cast<__int128>(fine) * 1000;
  const __int128 lo = static_cast<__int128>(f.goods_value_fen) * tier.first;
  const __int128 hi = static_cast<__int128>(f.goods_value_fen) * tier.second;
  if (lhs >= lo && lhs <= hi) return std::nullopt;
  const int64_t lo_fen = f.goods_value_fen * tier.first / 1000;
  const int64_t hi_fen = f.goods_value_fen * tier.second / 1000;
  Finding out;
  out.kind = "discretion";
  out.reason = "fine " + yuan(fine) + " yuan is " + (lhs < lo ? "below" : "above") + " the " +
               f.circumstances + " range " + yuan(lo_fen) + "–" + yuan(hi_fen) + " yuan of " +
               art->article + " for goods value " + yuan(f.goods_value_fen) + " yuan";
  out.shown = {{"article", art->article},
               {"circumstances", f.circumstances},
               {"fine_fen", fine},
               {"goods_value_fen", f.goods_value_fen},
               {"tier_min_fen", lo_fen},
               {"tier_max_fen", hi_fen},
               {"statutory_min_fen", f.goods_value_fen * art->min_permille / 1000},
               {"statutory_max_fen", f.goods_value_fen * art->max_permille / 1000},
               {"source", r.discretion_source}};
  return out;
}

std::optional<Finding> check_unfiled(const std::string& case_status,
                                     const std::vector<DeadlineState>& deadlines) {
  const bool is_lead = case_status == "verified";
  if (case_status != "filing_review" && !is_lead) return std::nullopt;
  for (const auto& d : deadlines) {
    if (d.kind != "filing_decision" || d.status != "overdue") continue;
    Finding out;
    out.kind = "unfiled";
    out.reason = "the filing decision was due on " + d.due_on +
                 (is_lead ? " and the lead is verified but no case is filed (有案不立)"
                          : " and the case is still in filing review (有案不立)");
    out.shown = {{"deadline", d.kind}, {"due_on", d.due_on}, {"source", d.source}};
    return out;
  }
  return std::nullopt;
}

std::optional<Finding> check_transfer_deadlines(const std::vector<DeadlineState>& deadlines) {
  for (const auto& d : deadlines) {
    if (d.kind != "transfer_approval" && d.kind != "police_handover") continue;
    if (d.status != "overdue" && d.status != "late") continue;
    Finding out;
    out.kind = "transfer_deadline";
    const std::string due = d.hours ? d.due_at : d.due_on;
    if (d.kind == "transfer_approval")
      out.reason = "the head's decision on the proposed transfer was due by " + due +
                   (d.status == "late" ? " and was taken on " + d.ended_on : " and is still missing") +
                   " (Decree 310 Art. 5: 3 days)";
    else
      out.reason = "the approved case was to be handed to the police by " + due +
                   (d.status == "late" ? " and was handed over at " + d.ended_at
                                       : " and is not handed over") +
                   " (Decree 310 Art. 5: 24 hours)";
    out.shown = {{"deadline", d.kind}, {"due", due}, {"status", d.status}, {"source", d.source}};
    return out;
  }
  return std::nullopt;
}

MajorCase major_case(const CaseFacts& f, const TransferProgress& t, const IntegrityRules& r) {
  MajorCase m;
  if (r.major_goods_value_fen > 0 && f.goods_value_fen >= r.major_goods_value_fen)
    m.reasons.push_back("goods value " + yuan(f.goods_value_fen) +
                        " yuan >= " + yuan(r.major_goods_value_fen));
  if (r.major_sales_fen > 0 && f.sales_fen >= r.major_sales_fen)
    m.reasons.push_back("sales " + yuan(f.sales_fen) + " yuan >= " + yuan(r.major_sales_fen));
  if (r.major_on_criminal_transfer && (t.approved || t.proposed))
    m.reasons.push_back("criminal transfer");
  if (r.major_on_cross_region && f.cross_region) m.reasons.push_back("cross-region");
  m.major = !m.reasons.empty();
  return m;
}

}  // namespace lj::cases
