// ResolveRepo: reading matches and matters, and the decisions of the review queue.
#include "resolve/grouping.hpp"
#include "store/sql/resolve_repo.hpp"
#include "store/sql/resolve_repo_internal.hpp"

namespace lj {

using sql::Connection;
using sql::Params;
using sql::Rows;
using namespace resolve_detail;

namespace {

constexpr const char* kMatchColumns =
    "m.lead_id, m.state, m.method, m.enterprise_id, m.score, m.candidates, m.decided_by, "
    "m.decided_at, m.updated_at";

Json match_json(const sql::Row& r) {
  Json cands = Json::parse(r.text(5), nullptr, false);
  if (cands.is_discarded()) cands = Json::array();
  return {{"lead_id", r.int64(0)},
          {"state", r.text(1)},
          {"method", r.text(2)},
          {"enterprise_id", r.is_null(3) ? Json(nullptr) : Json(r.int64(3))},
          {"score", r.is_null(4) ? Json(nullptr) : Json(static_cast<double>(r.int64(4)) / 10000.0)},
          {"candidates", std::move(cands)},
          {"decided_by", r.is_null(6) ? Json(nullptr) : Json(r.int64(6))},
          {"decided_at", r.is_null(7) ? Json(nullptr) : Json(r.text(7))},
          {"updated_at", r.text(8)}};
}

Result<Json> load_match(Connection& c, int64_t lead_id) {
  LJ_ASSIGN_OR_RETURN(Rows rows, c.query(std::string("SELECT ") + kMatchColumns +
                                             " FROM lead_matches m WHERE m.lead_id = ?",
                                         {lead_id}));
  if (rows.empty())
    return Json{{"lead_id", lead_id},       {"state", "pending"},    {"method", nullptr},
                {"enterprise_id", nullptr}, {"score", nullptr},      {"candidates", Json::array()},
                {"decided_by", nullptr},    {"decided_at", nullptr}, {"updated_at", nullptr}};
  return match_json(rows[0]);
}

// The lead in scope and owned by the actor's subtree (shared leads are read-only), with its
// match in review.
Result<Json> open_review(SqlStore& store, Connection& c, const Actor& actor, int64_t lead_id,
                         Lead& lead) {
  LJ_ASSIGN_OR_RETURN(lead, store.load_lead(c, actor, lead_id));
  if (lead.unit_path.rfind(actor.unit_path, 0) != 0)
    return Status::Forbidden("lead " + std::to_string(lead_id) +
                             " was shared with your unit for reading only");
  LJ_ASSIGN_OR_RETURN(Json m, load_match(c, lead_id));
  if (m["state"] != "review")
    return Status::Conflict("lead " + std::to_string(lead_id) +
                                " has no open match review (state " +
                                m["state"].get<std::string>() + ")",
                            "state");
  return m;
}

}  // namespace

Result<Json> ResolveRepo::get_match(const Actor& actor, int64_t lead_id) {
  Result<Json> out = Status::Internal("not run");
  Status st = store_.read([&](Connection& c) -> Status {
    LJ_RETURN_IF_ERROR(store_.load_lead(c, actor, lead_id).status());
    out = load_match(c, lead_id);
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return out;
}

Result<Page<Json>> ResolveRepo::list_matches(const Actor& actor, const ReviewQuery& q) {
  if (q.limit < 1 || q.limit > 500)
    return Status::Invalid("limit", "limit must be between 1 and 500");
  int64_t before = 0;
  if (!q.cursor.empty()) {
    try {
      size_t used = 0;
      before = std::stoll(q.cursor, &used);
      if (used != q.cursor.size() || before <= 0) throw std::invalid_argument("cursor");
    } catch (const std::exception&) {
      return Status::Invalid("cursor", "cursor must be the next_cursor of a previous page");
    }
  }
  Page<Json> page;
  Status st = store_.read([&](Connection& c) -> Status {
    Params p{q.state};
    std::string where = " WHERE m.state = ? AND " + scope_predicate(actor, "lead", "l", p);
    if (!q.unit_code.empty()) {
      auto unit = store_.load_unit(c, q.unit_code);
      if (!unit.ok()) return Status::Invalid("unit", "no unit with code " + q.unit_code);
      where += " AND l.unit_path LIKE ?";
      p.emplace_back(unit->path + "%");
    }
    if (q.min_score) {
      where += " AND m.score >= ?";
      p.emplace_back(score_bp(*q.min_score));
    }
    if (q.max_score) {
      where += " AND m.score <= ?";
      p.emplace_back(score_bp(*q.max_score));
    }
    if (before > 0) {
      where += " AND m.lead_id < ?";
      p.emplace_back(before);
    }
    p.emplace_back(int64_t{q.limit + 1});
    LJ_ASSIGN_OR_RETURN(Rows rows,
                        c.query(std::string("SELECT ") + kMatchColumns +
                                    ", l.title, l.enterprise_name, l.unit_code, l.received_at, "
                                    "l.product_category FROM lead_matches m JOIN leads l ON "
                                    "l.id = m.lead_id" +
                                    where + " ORDER BY m.lead_id DESC LIMIT ?",
                                p));
    for (const auto& r : rows) {
      Json j = match_json(r);
      j["lead"] = {
          {"id", r.int64(0)},        {"title", r.text(9)},        {"enterprise_name", r.text(10)},
          {"unit_code", r.text(11)}, {"received_at", r.text(12)}, {"product_category", r.text(13)}};
      page.items.push_back(std::move(j));
    }
    return Status::Ok();
  });
  if (!st.ok()) return st;
  if (static_cast<int>(page.items.size()) > q.limit) {
    page.items.resize(static_cast<size_t>(q.limit));
    page.next_cursor = std::to_string(page.items.back()["lead_id"].get<int64_t>());
  }
  return page;
}

Result<Json> ResolveRepo::confirm(const Actor& actor, int64_t lead_id, int64_t enterprise_id) {
  Result<Json> out = Status::Internal("not run");
  Status st = store_.write([&](Connection& c) -> Status {
    Lead lead;
    LJ_ASSIGN_OR_RETURN(Json m, open_review(store_, c, actor, lead_id, lead));
    const Json* chosen = nullptr;
    for (const Json& cand : m["candidates"])
      if (cand.value("enterprise_id", int64_t{0}) == enterprise_id &&
          !cand.value("rejected", false))
        chosen = &cand;
    if (!chosen)
      return Status::Invalid("enterprise_id", "enterprise " + std::to_string(enterprise_id) +
                                                  " is not an open candidate of lead " +
                                                  std::to_string(lead_id));
    const double score = chosen->value("score", 0.0);
    const std::string now = store_.now();
    LJ_RETURN_IF_ERROR(c.exec(
        "UPDATE leads SET enterprise_id = ?, updated_at = ?, version = version + 1 WHERE id = ?",
        {enterprise_id, now, lead_id}));
    LJ_RETURN_IF_ERROR(
        c.exec("UPDATE lead_matches SET state = 'confirmed', enterprise_id = ?, score = ?, "
               "decided_by = ?, decided_at = ?, updated_at = ? WHERE lead_id = ?",
               {enterprise_id, score_bp(score), actor.user_id, now, now, lead_id}));
    LJ_RETURN_IF_ERROR(store_.audit(
        c, actor, "confirm_match", "lead", std::to_string(lead_id),
        Json{{"enterprise_id", lead.enterprise_id ? Json(*lead.enterprise_id) : Json(nullptr)},
             {"state", "review"}},
        Json{{"enterprise_id", enterprise_id}, {"state", "confirmed"}, {"score", score}}));
    // The lead's subject is now the enterprise: it may join (or leave) a matter.
    std::set<Neighbourhood> dirty;
    LJ_RETURN_IF_ERROR(place_in_group(c, lead_id, resolve::subject_key(&enterprise_id, ""),
                                      lead.product_category, dirty));
    for (const auto& [subject, category] : dirty)
      LJ_RETURN_IF_ERROR(regroup(c, options_, subject, category, nullptr));
    out = load_match(c, lead_id);
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return out;
}

Result<Json> ResolveRepo::reject(const Actor& actor, int64_t lead_id,
                                 std::optional<int64_t> enterprise_id) {
  Result<Json> out = Status::Internal("not run");
  Status st = store_.write([&](Connection& c) -> Status {
    Lead lead;
    LJ_ASSIGN_OR_RETURN(Json m, open_review(store_, c, actor, lead_id, lead));
    Json cands = m["candidates"];
    bool found = !enterprise_id;
    bool open_left = false;
    for (Json& cand : cands) {
      if (!enterprise_id || cand.value("enterprise_id", int64_t{0}) == *enterprise_id) {
        found = found || !cand.value("rejected", false);
        cand["rejected"] = true;
      }
      open_left = open_left || !cand.value("rejected", false);
    }
    if (!found)
      return Status::Invalid("enterprise_id", "enterprise " + std::to_string(*enterprise_id) +
                                                  " is not an open candidate of lead " +
                                                  std::to_string(lead_id));
    const std::string state = open_left ? "review" : "rejected";
    const std::string now = store_.now();
    LJ_RETURN_IF_ERROR(
        c.exec("UPDATE lead_matches SET state = ?, candidates = ?, decided_by = ?, decided_at = ?, "
               "updated_at = ? WHERE lead_id = ?",
               {state, cands.dump(), actor.user_id, now, now, lead_id}));
    LJ_RETURN_IF_ERROR(store_.audit(
        c, actor, "reject_match", "lead", std::to_string(lead_id), Json{{"state", "review"}},
        Json{{"state", state},
             {"enterprise_id", enterprise_id ? Json(*enterprise_id) : Json("all")}}));
    out = load_match(c, lead_id);
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return out;
}

Result<Json> ResolveRepo::get_group(const Actor& actor, int64_t lead_id) {
  Result<Json> out = Status::Internal("not run");
  Status st = store_.read([&](Connection& c) -> Status {
    LJ_RETURN_IF_ERROR(store_.load_lead(c, actor, lead_id).status());
    LJ_ASSIGN_OR_RETURN(Rows g,
                        c.query("SELECT group_id FROM lead_groups WHERE lead_id = ?", {lead_id}));
    const int64_t group = g.empty() ? lead_id : g[0].int64(0);
    LJ_ASSIGN_OR_RETURN(Rows n,
                        c.query("SELECT COUNT(*) FROM lead_groups WHERE group_id = ?", {group}));
    Params p{group};
    LJ_ASSIGN_OR_RETURN(Rows rows, c.query("SELECT l.id, l.received_at, l.title, l.unit_code, "
                                           "l.status, l.product_category, l.violations, "
                                           "l.enterprise_id, l.enterprise_name FROM lead_groups g "
                                           "JOIN leads l ON l.id = g.lead_id "
                                           "WHERE g.group_id = ? AND " +
                                               scope_predicate(actor, "lead", "l", p) +
                                               " ORDER BY l.received_at, l.id",
                                           p));
    Json members = Json::array();
    for (const auto& r : rows)
      members.push_back({{"id", r.int64(0)},
                         {"received_at", r.text(1)},
                         {"title", r.text(2)},
                         {"unit_code", r.text(3)},
                         {"status", r.text(4)},
                         {"product_category", r.text(5)},
                         {"violations", split_labels(r.text(6))},
                         {"enterprise_id", r.is_null(7) ? Json(nullptr) : Json(r.int64(7))},
                         {"enterprise_name", r.text(8)},
                         {"primary", r.int64(0) == group}});
    const int64_t size = g.empty() ? 1 : n.at(0).int64(0);
    out = Json{{"lead_id", lead_id},
               {"group_id", g.empty() ? Json(nullptr) : Json(group)},
               {"primary_lead_id", group},
               {"size", size},
               {"hidden_members", size - static_cast<int64_t>(g.empty() ? 1 : members.size())},
               {"members", g.empty() ? Json::array() : std::move(members)}};
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return out;
}

Status ResolveRepo::regroup_lead(const Actor& actor, int64_t lead_id) {
  return store_.write([&](Connection& c) -> Status {
    LJ_ASSIGN_OR_RETURN(Lead lead, store_.load_lead(c, actor, lead_id));
    const std::string core = names_.core(lead.enterprise_name);
    const int64_t* eid = lead.enterprise_id ? &*lead.enterprise_id : nullptr;
    const std::string subject = resolve::subject_key(eid, core);
    std::set<Neighbourhood> dirty;
    LJ_RETURN_IF_ERROR(place_in_group(c, lead_id, subject, lead.product_category, dirty));
    // Its violations may have changed within the same neighbourhood.
    if (!subject.empty() && !lead.product_category.empty())
      dirty.insert({subject, lead.product_category});
    for (const auto& [s, category] : dirty)
      LJ_RETURN_IF_ERROR(regroup(c, options_, s, category, nullptr));
    return store_.audit(c, actor, "regroup", "lead", std::to_string(lead_id), nullptr,
                        Json{{"subject", subject}, {"product_category", lead.product_category}});
  });
}

Result<std::map<int64_t, GroupInfo>> ResolveRepo::group_info(const std::vector<int64_t>& lead_ids) {
  std::map<int64_t, GroupInfo> out;
  if (lead_ids.empty()) return out;
  Status st = store_.read([&](Connection& c) -> Status {
    Params p(lead_ids.begin(), lead_ids.end());
    LJ_ASSIGN_OR_RETURN(Rows rows, c.query("SELECT g.lead_id, g.group_id, (SELECT COUNT(*) FROM "
                                           "lead_groups s WHERE s.group_id = g.group_id) "
                                           "FROM lead_groups g WHERE g.lead_id IN (" +
                                               placeholders(lead_ids.size()) + ")",
                                           p));
    for (const auto& r : rows) out[r.int64(0)] = GroupInfo{r.int64(1), r.int64(2)};
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return out;
}

}  // namespace lj
