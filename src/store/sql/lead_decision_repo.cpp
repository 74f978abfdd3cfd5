#include "store/sql/lead_decision_repo.hpp"

#include "model/json.hpp"

namespace lj {

namespace {

constexpr const char* kInsert =
    "INSERT INTO lead_decisions (lead_id, status_before, status, reason, actor_id, actor_name, "
    "decided_at) VALUES (?, ?, ?, ?, ?, ?, ?)";
constexpr const char* kUpdateLead =
    "UPDATE leads SET status = ?, updated_at = ?, version = ? WHERE id = ? AND version = ?";
constexpr const char* kHistory =
    "SELECT id, lead_id, status_before, status, reason, actor_id, actor_name, decided_at "
    "FROM lead_decisions WHERE lead_id = ? ORDER BY id";

bool blank(const std::string& s) {
  return s.find_first_not_of(" \t\r\n") == std::string::npos;
}

}  // namespace

Json to_json(const LeadDecision& d) {
  return Json{{"id", d.id},
              {"lead_id", d.lead_id},
              {"status_before", d.status_before},
              {"status", d.status},
              {"reason", d.reason.empty() ? Json(nullptr) : Json(d.reason)},
              {"actor_id", d.actor_id},
              {"actor_name", d.actor_name},
              {"decided_at", d.decided_at}};
}

Result<Lead> LeadDecisionRepo::decide(const Actor& actor, int64_t lead_id,
                                      const std::string& status, const std::string& reason,
                                      std::optional<int64_t> expected_version) {
  const std::string what = "lead " + std::to_string(lead_id);
  if (status == "rejected" && blank(reason))
    return Status::Invalid("reason", what + ": a rejection needs a reason");
  Result<Lead> out = Status::Internal("not run");
  Status st = store_.write([&](sql::Connection& c) -> Status {
    LJ_ASSIGN_OR_RETURN(Lead before, store_.load_lead(c, actor, lead_id));
    if (before.unit_path.rfind(actor.unit_path, 0) != 0)
      return Status::Forbidden(what + " was shared with your unit for reading only");
    if (expected_version && *expected_version != before.version)
      return Status::Conflict(
          what + " was changed by someone else (version " + std::to_string(before.version) + ")",
          "version");
    if (before.status == "case_opened" && status != before.status)
      return Status::Conflict(what + " has a case; its status stays case_opened", "status");
    Lead after = before;
    after.status = status;
    after.updated_at = store_.now();
    after.version = before.version + 1;
    LJ_RETURN_IF_ERROR(c.exec(
        kUpdateLead, {after.status, after.updated_at, after.version, lead_id, before.version}));
    LJ_RETURN_IF_ERROR(c.exec(kInsert, {lead_id, before.status, status, reason, actor.user_id,
                                        actor.username, after.updated_at}));
    out = after;
    Json audited = to_json(after);
    audited["reason"] = reason.empty() ? Json(nullptr) : Json(reason);
    return store_.audit(c, actor, "update", "lead", std::to_string(lead_id), to_json(before),
                        audited);
  });
  if (!st.ok()) return st;
  return out;
}

Result<std::vector<LeadDecision>> LeadDecisionRepo::history(const Actor& actor, int64_t lead_id) {
  std::vector<LeadDecision> out;
  Status st = store_.read([&](sql::Connection& c) -> Status {
    LJ_RETURN_IF_ERROR(store_.load_lead(c, actor, lead_id).status());
    LJ_ASSIGN_OR_RETURN(sql::Rows rows, c.query(kHistory, {lead_id}));
    for (const auto& r : rows) {
      LeadDecision d;
      d.id = r.int64(0);
      d.lead_id = r.int64(1);
      d.status_before = r.text(2);
      d.status = r.text(3);
      d.reason = r.text(4);
      d.actor_id = r.int64(5);
      d.actor_name = r.text(6);
      d.decided_at = r.text(7);
      out.push_back(std::move(d));
    }
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return out;
}

}  // namespace lj
