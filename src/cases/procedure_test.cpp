#include "cases/procedure.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <set>

namespace lj::cases {
namespace {

const Procedure& shipped() {
  static const Procedure p = [] {
    const char* dir = std::getenv("LIJIAN_DATA_DIR");
    auto r = Procedure::load(dir ? dir : "data");
    EXPECT_TRUE(r.ok()) << r.status().to_string();
    return r.ok() ? *r : Procedure{};
  }();
  return p;
}

const Json kAllFields = {{"reason", "r"},          {"party_kind", "person"}, {"fine", "100"},
                         {"legal_basis", "《产品质量法》第四十九条"},
                         {"findings", "f"},        {"proposed_decision", "p"},
                         {"notice_no", "n"},       {"proposed_penalty", "p"},
                         {"requested_on", "2018-05-02"}, {"hearing_report", "h"},
                         {"statement", "s"},       {"decision_no", "d"},
                         {"proposed_by", {"officer a", "officer b"}},
                         {"police_authority", "赤峰市公安局松山分局"}, {"transfer_no", "t"},
                         {"served_on", "2018-06-01"}, {"method", "direct"},
                         {"executed_on", "2018-06-10"}, {"result", "paid"},
                         {"closing_report", "c"}, {"deadline", "case_decision"},
                         {"item", "复合肥样品"}, {"institution", "质检所"}, {"result", "不合格"},
                         {"items", "复合肥200袋"}, {"place", "仓库"}, {"handling", "解除"},
                         {"reasons", "经集体讨论"}, {"police_receipt", "回执"},
                         {"handed_over_at", "2018-06-01T10:00"}, {"discussion_record", "纪要"},
                         {"period_days", 180}};

Code code_of(const Result<Step>& r) { return r.ok() ? Code::kOk : r.status().code(); }

TEST(Procedure, TheShippedDefinitionIsAConnectedMachine) {
  const Procedure& p = shipped();
  ASSERT_EQ(p.initial(), "filing_review");
  // Every state is reachable from the initial one, and every state that is not final has a way
  // out: no case can get stuck.
  std::set<std::string> seen{p.initial()}, frontier{p.initial()};
  while (!frontier.empty()) {
    std::set<std::string> next;
    for (const auto& t : p.transitions())
      for (const auto& f : t.from)
        if (frontier.count(f) && t.to[0] != '@' && seen.insert(t.to).second) next.insert(t.to);
    frontier = next;
  }
  for (const auto& s : p.states()) {
    EXPECT_TRUE(seen.count(s.code)) << s.code << " is unreachable";
    bool leaves = false;
    for (const auto& t : p.transitions())
      for (const auto& f : t.from) leaves |= f == s.code;
    EXPECT_EQ(leaves, !s.final) << s.code;
  }
}

// Every action by every role from every relation: allowed exactly for the roles and units its
// definition names, and the refusal says why.
TEST(Procedure, EveryTransitionIsAllowedAndRefusedByRoleAndUnit) {
  const Procedure& p = shipped();
  int allowed = 0, refused = 0;
  for (const auto& t : p.transitions()) {
    for (Role role : {Role::kAdmin, Role::kLeader, Role::kOfficer, Role::kAnalyst}) {
      for (UnitRelation rel : {UnitRelation::kOwn, UnitRelation::kSuperior, UnitRelation::kOther}) {
        const bool role_ok = std::find(t.roles.begin(), t.roles.end(), role) != t.roles.end();
        const bool unit_ok = rel == UnitRelation::kOwn || (rel == UnitRelation::kSuperior && t.superior_may);
        auto r = p.check(t.action, t.from.front(), "investigating", role, rel, kAllFields);
        if (role_ok && unit_ok) {
          EXPECT_EQ(code_of(r), Code::kOk) << t.action << " by " << role_name(role) << ": " << r.status().to_string();
          ++allowed;
        } else {
          EXPECT_EQ(code_of(r), Code::kForbidden) << t.action << " by " << role_name(role);
          ++refused;
        }
        const auto avail = p.available(t.from.front(), role, rel);
        EXPECT_EQ(std::find(avail.begin(), avail.end(), &t) != avail.end(), role_ok && unit_ok) << t.action;
      }
    }
  }
  EXPECT_GT(allowed, 20);
  EXPECT_GT(refused, 100);
  // Analysts and administrators never handle cases.
  for (const auto& s : p.states()) {
    EXPECT_TRUE(p.available(s.code, Role::kAnalyst, UnitRelation::kOwn).empty());
    EXPECT_TRUE(p.available(s.code, Role::kAdmin, UnitRelation::kOwn).empty());
  }
}

TEST(Procedure, RefusalsSayWhy) {
  const Procedure& p = shipped();
  auto wrong_state = p.check("serve", "filing_review", "", Role::kOfficer, UnitRelation::kOwn, kAllFields);
  ASSERT_EQ(code_of(wrong_state), Code::kConflict);
  EXPECT_NE(wrong_state.status().message().find("taken from: decided"), std::string::npos);
  auto officer_files = p.check("file", "filing_review", "", Role::kOfficer, UnitRelation::kOwn, kAllFields);
  ASSERT_EQ(code_of(officer_files), Code::kForbidden);
  EXPECT_NE(officer_files.status().message().find("taken by: leader"), std::string::npos);
  auto superior_serves = p.check("serve", "decided", "", Role::kLeader, UnitRelation::kSuperior, kAllFields);
  ASSERT_EQ(code_of(superior_serves), Code::kForbidden);
  EXPECT_NE(superior_serves.status().message().find("own unit only"), std::string::npos);
  auto no_reason = p.check("decline_filing", "filing_review", "", Role::kLeader, UnitRelation::kOwn,
                           Json{{"reason", "  "}});
  ASSERT_EQ(code_of(no_reason), Code::kInvalidArgument);
  EXPECT_EQ(no_reason.status().field(), "reason");
  auto unknown = p.check("shred", "filed", "", Role::kLeader, UnitRelation::kOwn, kAllFields);
  EXPECT_EQ(unknown.status().field(), "action");
  EXPECT_EQ(code_of(p.check("file", "closed", "", Role::kLeader, UnitRelation::kOwn, kAllFields)),
            Code::kConflict);
}

TEST(Procedure, AnOrdinaryCaseFromFilingToClosing) {
  const Procedure& p = shipped();
  std::string status = p.initial();
  for (const char* action : {"file", "start_investigation", "submit_legal_review", "send_prior_notice",
                             "request_hearing", "conclude_hearing", "decide_penalty", "serve",
                             "record_execution", "close"}) {
    auto r = p.check(action, status, "", Role::kLeader, UnitRelation::kOwn, kAllFields);
    ASSERT_TRUE(r.ok()) << action << " from " << status << ": " << r.status().to_string();
    status = r->to;
  }
  EXPECT_EQ(status, "closed");
  // A closed case can only be revoked (by review or a court).
  const auto after = p.available("closed", Role::kLeader, UnitRelation::kOwn);
  ASSERT_EQ(after.size(), 1u);
  EXPECT_EQ(after[0]->action, "revoke");
}

TEST(Procedure, SuspensionResumesWhereItStopped) {
  const Procedure& p = shipped();
  auto s = p.check("suspend", "legal_review", "", Role::kLeader, UnitRelation::kSuperior, kAllFields);
  ASSERT_TRUE(s.ok()) << s.status().to_string();
  EXPECT_EQ(s->to, "suspended");
  EXPECT_TRUE(p.state("suspended")->clock_stopped);
  auto r = p.check("resume", "suspended", "legal_review", Role::kLeader, UnitRelation::kOwn, kAllFields);
  ASSERT_TRUE(r.ok()) << r.status().to_string();
  EXPECT_EQ(r->to, "legal_review");
  EXPECT_EQ(code_of(p.check("resume", "suspended", "", Role::kLeader, UnitRelation::kOwn, kAllFields)),
            Code::kConflict);
}

TEST(Procedure, TransferFollowsDecree310) {
  const Procedure& p = shipped();
  auto proposed = p.check("propose_transfer", "investigating", "", Role::kOfficer, UnitRelation::kOwn, kAllFields);
  ASSERT_TRUE(proposed.ok());
  EXPECT_EQ(proposed->to, "transfer_review");
  // The head approves or refuses; a refusal needs its reasons and sends the case back.
  Json no_reason = kAllFields;
  no_reason.erase("reason");
  EXPECT_EQ(p.check("refuse_transfer", "transfer_review", "", Role::kLeader, UnitRelation::kOwn, no_reason).status().field(),
            "reason");
  EXPECT_EQ(p.check("refuse_transfer", "transfer_review", "", Role::kLeader, UnitRelation::kOwn, kAllFields)->to,
            "investigating");
  EXPECT_EQ(code_of(p.check("approve_transfer", "transfer_review", "", Role::kOfficer, UnitRelation::kOwn, kAllFields)),
            Code::kForbidden);
  EXPECT_EQ(p.check("close", "transferred", "", Role::kLeader, UnitRelation::kOwn, kAllFields)->to, "closed");
}

TEST(Procedure, SummaryPenaltyStaysUnderItsCeiling) {
  const Procedure& p = shipped();
  auto summary = [&](const char* kind, const char* fine) {
    Json f = kAllFields;
    f["party_kind"] = kind;
    f["fine"] = fine;
    auto r = p.check("summary_penalty", "filing_review", "", Role::kOfficer, UnitRelation::kOwn, f);
    return r.ok() ? std::string("ok") : r.status().field();
  };
  EXPECT_EQ(summary("person", "200"), "ok");  // 200 yuan for a person
  EXPECT_EQ(summary("person", "200.01"), "fine");
  EXPECT_EQ(summary("organisation", "3000.00"), "ok");  // 3,000 yuan for an organisation
  EXPECT_EQ(summary("organisation", "3000.01"), "fine");
  EXPECT_EQ(summary("company", "1"), "party_kind");
  EXPECT_EQ(summary("person", "abc"), "fine");
}

TEST(Procedure, BadDefinitionsAreNamed) {
  auto err = [](Json doc) {
    auto r = Procedure::from_json(doc);
    return r.ok() ? std::string("ok") : r.status().field() + ": " + r.status().message();
  };
  Json base = {{"initial", "a"},
               {"states", {{{"code", "a"}, {"name_zh", "甲"}, {"name_en", "A"}},
                           {{"code", "b"}, {"name_zh", "乙"}, {"name_en", "B"}, {"final", true}}}},
               {"transitions", {{{"action", "go"}, {"name_zh", "走"}, {"from", {"a"}}, {"to", "b"},
                                 {"roles", {"leader"}}, {"unit", "own"}}}}};
  EXPECT_EQ(err(base), "ok");
  Json bad = base;
  bad["transitions"][0]["to"] = "c";
  EXPECT_EQ(err(bad), "transitions[0].to: no state 'c'");
  bad = base;
  bad["transitions"][0]["roles"] = {"chief"};
  EXPECT_EQ(err(bad), "transitions[0].roles: no role 'chief'");
  bad = base;
  bad["transitions"][0]["from"] = {"b"};
  EXPECT_EQ(err(bad), "transitions[0].from: 'b' is final: nothing leaves it");
  bad = base;
  bad["transitions"][0]["unit"] = "anyone";
  EXPECT_NE(err(bad).find("transitions[0].unit"), std::string::npos);
  bad = base;
  bad["initial"] = "z";
  EXPECT_EQ(err(bad), "initial: no state 'z'");
}

TEST(Procedure, RelationsFromUnitPaths) {
  EXPECT_EQ(relation_of("/150000/150400/150404/", "/150000/150400/150404/"), UnitRelation::kOwn);
  EXPECT_EQ(relation_of("/150000/150400/", "/150000/150400/150404/"), UnitRelation::kSuperior);
  EXPECT_EQ(relation_of("/150000/150400/150404/", "/150000/150400/"), UnitRelation::kOther);
  EXPECT_EQ(relation_of("/150000/150400/150402/", "/150000/150400/150404/"), UnitRelation::kOther);
}

}  // namespace
}  // namespace lj::cases

namespace lj::cases {
namespace {

// The vocabulary's case statuses (data/campaign-2018.json, used to validate list filters) are
// the procedure's states.
TEST(Procedure, TheCampaignListsItsStatesAsCaseStatuses) {
  const char* dir = std::getenv("LIJIAN_DATA_DIR");
  std::ifstream in(std::string(dir ? dir : "data") + "/campaign-2018.json");
  ASSERT_TRUE(in) << "campaign-2018.json";
  const Json campaign = Json::parse(in);
  std::vector<std::string> codes, states;
  for (const auto& s : campaign["case_statuses"]) codes.push_back(s["code"]);
  for (const auto& s : shipped().states()) states.push_back(s.code);
  EXPECT_EQ(codes, states);
}

}  // namespace
}  // namespace lj::cases
