// The public portal's API, without login (docs/public-api.md). Every path under /api/public/
// is rate limited per client address by App::handle (public_gate.cpp).
//   GET  /api/public/v1/decisions               search / count published penalty decisions
//   GET  /api/public/v1/decisions/{id}          one published decision
//   GET  /api/public/v1/decisions/{id}/document.pdf   the same as PDF (masked text only)
//   GET  /api/public/v1/typical-cases           search / count typical cases
//   GET  /api/public/v1/typical-cases/{id}      one typical case
//   GET  /api/public/v1/reports/form            a signed form token for the report form
//   POST /api/public/v1/reports                 a report (12365 style) as a lead of source
//   public_web GET  /api/public/v1/reports/{number}        its state, with ?secret=
#include <spdlog/spdlog.h>

#include "api/app.hpp"
#include "api/errors.hpp"
#include "api/input.hpp"
#include "api/routes_resolve.hpp"
#include "classify/service.hpp"
#include "core/clock.hpp"
#include "core/crypto.hpp"
#include "disclose/form_token.hpp"
#include "disclose/public_gate.hpp"
#include "disclose/public_query.hpp"
#include "disclose/publication.hpp"
#include "intake/records.hpp"
#include "intake/route.hpp"
#include "model/json.hpp"
#include "text/normalize.hpp"

namespace lj::api {
namespace {

constexpr const char* kDisclaimer =
    "Published under 《市场监督管理行政处罚信息公示规定》 (SAMR Order 45); personal data masked.";

Result<const disclose::DisclosureRules*> rules_of(App& app) {
  const auto& r = app.config().disclosure;
  if (!r) return Status{Code::kUnavailable, "the public portal is not configured on this server"};
  return r.get();
}

disclose::CodeNames code_names(App& app) {
  disclose::CodeNames names;
  for (const char* kind : {"violation", "product_category"}) {
    auto codes = app.store().list_codes(kind);
    if (!codes.ok()) continue;
    for (const auto& c : *codes) names[c.code] = c.name_zh;
  }
  return names;
}

Result<http::Response> search(Context& ctx, const std::string& kind) {
  LJ_ASSIGN_OR_RETURN(const disclose::DisclosureRules* rules, rules_of(ctx.app));
  const auto& lim = rules->public_api;
  PublicQuery q;
  q.kind = kind;
  // Filters as their own parameters, then the search expression.
  q.region_prefix = query_string(ctx.req, "region");
  if (q.region_prefix.size() > 6 || !std::all_of(q.region_prefix.begin(), q.region_prefix.end(),
                                                 [](char c) { return c >= '0' && c <= '9'; }))
    return Status::Invalid("region", "region: a GB/T 2260 code or its prefix (digits)");
  q.product_category = query_string(ctx.req, "product_category");
  q.violation = query_string(ctx.req, "violation");
  for (const char* bound : {"from", "to"}) {
    const std::string v = query_string(ctx.req, bound);
    if (v.empty()) continue;
    if (!calendar::parse_date(v, bound).ok())
      return Status::Invalid(bound, std::string(bound) + ": a date YYYY-MM-DD");
    (std::string(bound) == "from" ? q.from : q.to) = v;
  }
  LJ_RETURN_IF_ERROR(disclose::parse_public_search(query_string(ctx.req, "search"), q));
  const std::string count = query_string(ctx.req, "count");
  LJ_ASSIGN_OR_RETURN(
      q.limit, query_int(ctx.req, "limit", count.empty() ? lim.limit_default : lim.count_max, 1,
                         count.empty() ? lim.limit_max : lim.count_max));
  LJ_ASSIGN_OR_RETURN(q.skip, query_int(ctx.req, "skip", 0, 0, lim.skip_max));
  DisclosureRepo repo(ctx.app.store().sql());
  const std::string updated = format_time(ctx.app.clock().now()).substr(0, 10);
  if (!count.empty()) {
    if (!disclose::countable(count))
      return Status::Invalid("count",
                             "count: one of region_code, product_category, violation, authority, "
                             "decided_year, decided_month");
    LJ_ASSIGN_OR_RETURN(auto all, repo.all_public(q));
    bool truncated = false;
    auto buckets = disclose::count_by(all, count, q.limit, truncated);
    Json results = Json::array();
    for (const auto& [term, n] : buckets) results.push_back(Json{{"term", term}, {"count", n}});
    return ok_json(Json{{"meta",
                         {{"disclaimer", kDisclaimer},
                          {"last_updated", updated},
                          {"results",
                           {{"total", all.size()},
                            {"terms", results.size()},
                            {"limit", q.limit},
                            {"truncated", truncated}}}}},
                        {"results", results}});
  }
  LJ_ASSIGN_OR_RETURN(PublicPage page, repo.search_public(q));
  const disclose::CodeNames names = code_names(ctx.app);
  Json results = Json::array();
  for (const auto& p : page.items) results.push_back(disclose::public_json(p, names));
  const bool truncated = page.total > q.skip + static_cast<int64_t>(page.items.size());
  return ok_json(Json{{"meta",
                       {{"disclaimer", kDisclaimer},
                        {"last_updated", updated},
                        {"results",
                         {{"skip", q.skip},
                          {"limit", q.limit},
                          {"total", page.total},
                          {"truncated", truncated},
                          {"limit_max", lim.limit_max},
                          {"skip_max", lim.skip_max}}}}},
                      {"results", results}});
}

Result<http::Response> one(Context& ctx, const std::string& kind) {
  LJ_RETURN_IF_ERROR(rules_of(ctx.app).status());
  LJ_ASSIGN_OR_RETURN(int64_t id, parse_id(ctx.param("id"), "id"));
  DisclosureRepo repo(ctx.app.store().sql());
  LJ_ASSIGN_OR_RETURN(Publication p, repo.get_public(kind, id));
  return ok_json(disclose::public_json(p, code_names(ctx.app)));
}

// The published decision as PDF: the masked text in the official layout.
Result<http::Response> one_pdf(Context& ctx) {
  LJ_RETURN_IF_ERROR(rules_of(ctx.app).status());
  LJ_ASSIGN_OR_RETURN(int64_t id, parse_id(ctx.param("id"), "id"));
  DisclosureRepo repo(ctx.app.store().sql());
  LJ_ASSIGN_OR_RETURN(Publication p, repo.get_public("decision", id));
  LJ_ASSIGN_OR_RETURN(std::string pdf, documents::render_pdf(disclose::public_document(p)));
  http::Response resp;
  resp.content_type = "application/pdf";
  resp.headers.emplace_back("Content-Disposition",
                            "inline; filename=\"decision-" + std::to_string(id) + ".pdf\"");
  resp.body = std::move(pdf);
  return resp;
}

Result<http::Response> report_form(Context& ctx) {
  LJ_ASSIGN_OR_RETURN(const disclose::DisclosureRules* rules, rules_of(ctx.app));
  DisclosureRepo repo(ctx.app.store().sql());
  LJ_ASSIGN_OR_RETURN(std::string key, repo.form_key());
  const auto& f = rules->report_form;
  return ok_json(
      Json{{"form_token", disclose::issue_form_token(key, ctx.app.clock().now())},
           {"min_age_seconds", f.min_age_seconds},
           {"max_age_seconds", f.max_age_seconds},
           {"honeypot_field", f.honeypot_field},
           {"limits", {{"text", f.text_max}, {"title", f.title_max}, {"name", f.name_max}}}});
}

// A follow-up number: "WB" + the day + 8 characters of an alphabet without look-alikes.
std::string report_number(const std::string& day) {
  static constexpr char kAlphabet[] = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
  const std::string raw = random_token(8);
  std::string n = "WB" + day.substr(0, 4) + day.substr(5, 2) + day.substr(8, 2) + "-";
  for (unsigned char c : raw.substr(0, 8)) n += kAlphabet[c % 32];
  return n;
}

Result<std::optional<std::string>> bounded(const Json& j, const char* name, size_t max_chars) {
  LJ_ASSIGN_OR_RETURN(auto v, opt_string(j, name, max_chars * 4));
  if (v && text::utf8_length(*v) > max_chars)
    return Status::Invalid(
        name, std::string(name) + ": at most " + std::to_string(max_chars) + " characters");
  if (v) *v = text::clean_multiline(*v);
  if (v && v->empty()) v.reset();
  return v;
}

Result<http::Response> submit_report(Context& ctx) {
  LJ_ASSIGN_OR_RETURN(const disclose::DisclosureRules* rules, rules_of(ctx.app));
  const auto& f = rules->report_form;
  const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                      std::chrono::steady_clock::now().time_since_epoch())
                      .count();
  if (int64_t wait = ctx.app.public_gate().admit_report(ctx.app.client_address(ctx.req), ms);
      wait > 0)
    return rate_limited(wait, "too many reports from your address");
  Json j = Json::parse(ctx.req.body, nullptr, false);
  if (j.is_discarded() || !j.is_object())
    return Status::Invalid("body", "the body must be a JSON object");
  static const std::set<std::string> kAllowed = {
      "form_token",   "title",       "text",          "enterprise_name", "enterprise_address",
      "product_name", "region_code", "reporter_name", "reporter_phone"};
  for (const auto& [k, v] : j.items()) {
    if (k == f.honeypot_field) {
      if (!v.is_null() && !(v.is_string() && v.get<std::string>().empty()))
        return Status::Invalid(f.honeypot_field, "the form could not be accepted");
      continue;
    }
    if (!kAllowed.count(k)) return Status::Invalid(k, "unknown field " + k);
  }
  LJ_ASSIGN_OR_RETURN(std::string token, req_string(j, "form_token", 200));
  DisclosureRepo repo(ctx.app.store().sql());
  LJ_ASSIGN_OR_RETURN(std::string key, repo.form_key());
  LJ_ASSIGN_OR_RETURN(auto ft, disclose::verify_form_token(key, token, ctx.app.clock().now(),
                                                           f.min_age_seconds, f.max_age_seconds));
  LJ_ASSIGN_OR_RETURN(auto text, bounded(j, "text", f.text_max));
  if (!text || text::utf8_length(*text) < 10)
    return Status::Invalid("text", "text: describe what you report in at least 10 characters");
  LJ_ASSIGN_OR_RETURN(auto title, bounded(j, "title", f.title_max));
  LJ_ASSIGN_OR_RETURN(auto enterprise, bounded(j, "enterprise_name", 200));
  if (!enterprise)
    return Status::Invalid("enterprise_name", "enterprise_name: name the business you report");
  LJ_ASSIGN_OR_RETURN(auto address, bounded(j, "enterprise_address", 200));
  LJ_ASSIGN_OR_RETURN(auto product, bounded(j, "product_name", 100));
  LJ_ASSIGN_OR_RETURN(auto region, opt_string(j, "region_code", 6));
  LJ_ASSIGN_OR_RETURN(auto name, bounded(j, "reporter_name", f.name_max));
  LJ_ASSIGN_OR_RETURN(auto phone_in, opt_string(j, "reporter_phone", 40));
  if (!phone_in)
    return Status::Invalid("reporter_phone",
                           "reporter_phone: a phone number to reach you is required");
  auto phone = text::normalize_phone(*phone_in);
  if (!phone)
    return Status::Invalid("reporter_phone",
                           "reporter_phone: not a mainland mobile (13800138000) or landline "
                           "with area code (0471-3255699)");
  LJ_RETURN_IF_ERROR(repo.use_form_nonce(ft.nonce));

  const std::string now = format_time(ctx.app.clock().now());
  const std::string number = report_number(now);
  Json row{{"source", "public_web"},  {"source_id", number}, {"received_at", now},
           {"text", *text},           {"channel", "online"}, {"enterprise_name", *enterprise},
           {"reporter_phone", *phone}};
  row["title"] = title ? *title : text::from_u32(text::to_u32(*text).substr(0, 30));
  if (address) row["enterprise_address"] = *address;
  if (product) row["product_name"] = *product;
  if (region && !region->empty()) row["region_code"] = *region;
  if (name) row["reporter_name"] = *name;
  LJ_ASSIGN_OR_RETURN(Lead lead, intake::lead_from_row(row, *ctx.app.vocabulary()));
  // Through the normal intake: routed to the unit of its place, classified, resolved.
  const Actor system = Actor::system("public report form");
  LJ_ASSIGN_OR_RETURN(auto units, ctx.app.store().list_units(""));
  LJ_ASSIGN_OR_RETURN(auto index, intake::UnitIndex::build(units));
  lead.unit_code = intake::route_lead(lead, index, ctx.app.config().gazetteer.get());
  const auto labelled = classify::label_new_lead(ctx.app.store(), lead, {false, false, false});
  LJ_ASSIGN_OR_RETURN(Upserted up, ctx.app.store().insert_lead(system, lead));
  if (up.created && labelled)
    LJ_RETURN_IF_ERROR(classify::record_new_lead(ctx.app.store(), system, up.id, *labelled));
  Context sys{ctx.app, ctx.req, system, "", {}};
  if (Status st = resolve_created_lead(sys, up.id); !st.ok())
    spdlog::warn("resolving public report lead {}: {}", up.id, st.to_string());
  const std::string secret = random_token(18);
  LJ_RETURN_IF_ERROR(repo.add_report(number, sha256_hex(secret), up.id));
  return ok_json(Json{{"number", number},
                      {"secret", secret},
                      {"received_at", now},
                      {"status_url", "/api/public/v1/reports/" + number + "?secret=" + secret}},
                 201);
}

Result<http::Response> report_status(Context& ctx) {
  LJ_RETURN_IF_ERROR(rules_of(ctx.app).status());
  const std::string number = ctx.param("number");
  const std::string secret = query_string(ctx.req, "secret");
  if (secret.empty() || secret.size() > 100)
    return Status::Invalid("secret", "secret: the secret given with the number is required");
  if (number.size() > 40) return Status::NotFound("no report " + number.substr(0, 40));
  DisclosureRepo repo(ctx.app.store().sql());
  LJ_ASSIGN_OR_RETURN(auto st, repo.report_status(number, sha256_hex(secret)));
  return ok_json(Json{{"number", st.number},
                      {"received_at", st.received_at},
                      {"status", st.lead_status},
                      {"handled_by", st.unit_name}});
}

}  // namespace

void add_public_routes(Router& r) {
  r.add(
      "GET", "/api/public/v1/decisions", [](Context& c) { return search(c, "decision"); }, false);
  r.add(
      "GET", "/api/public/v1/decisions/{id}", [](Context& c) { return one(c, "decision"); }, false);
  r.add("GET", "/api/public/v1/decisions/{id}/document.pdf", one_pdf, false);
  r.add(
      "GET", "/api/public/v1/typical-cases", [](Context& c) { return search(c, "typical_case"); },
      false);
  r.add(
      "GET", "/api/public/v1/typical-cases/{id}", [](Context& c) { return one(c, "typical_case"); },
      false);
  r.add("GET", "/api/public/v1/reports/form", report_form, false);
  r.add("POST", "/api/public/v1/reports", submit_report, false);
  r.add("GET", "/api/public/v1/reports/{number}", report_status, false);
}

}  // namespace lj::api
