#include "refdata/demo_campaign.hpp"

#include <algorithm>
#include <atomic>
#include <map>

#include "calendar/work_calendar.hpp"
#include "cases/case_actions.hpp"
#include "cases/integrity.hpp"
#include "cases/integrity_eval.hpp"
#include "core/clock.hpp"
#include "core/crypto.hpp"
#include "disclose/publication.hpp"
#include "disclose/rules.hpp"
#include "documents/case_file.hpp"
#include "documents/pdf.hpp"
#include "model/actor.hpp"
#include "store/attachment_files.hpp"
#include "store/sql/case_documents_repo.hpp"
#include "store/sql/case_facts_repo.hpp"
#include "store/sql/case_procedure_repo.hpp"
#include "store/sql/disclosure_repo.hpp"
#include "store/store.hpp"

namespace lj::refdata {
namespace {

// The store's "now" during the walk: each step is taken at its day of 2018.
class StepClock final : public Clock {
 public:
  int64_t now() const override { return t_.load(); }
  void set(int64_t t) { t_.store(t); }

 private:
  std::atomic<int64_t> t_{0};
};

constexpr int64_t kDay = 86400;

// The demo's units whose cases are taken through the procedure: each has a demo officer, and
// the leader above it takes the leader's steps.
struct WalkUnit {
  const char* unit_code;
  const char* officer;
  const char* leader;
};
constexpr WalkUnit kWalkUnits[] = {
    {"150404", "demo_songshan_officer", "demo_chifeng_leader"},
    {"150402", "demo_hongshan_officer", "demo_chifeng_leader"},
    {"150102", "demo_xincheng_officer", "demo_region_leader"},
};

// A stable number from 0 to 99 for a case: FNV-1a of its number and the seed.
int bucket(const std::string& case_no, uint64_t seed) {
  uint64_t h = 1469598103934665603ull ^ seed;
  for (unsigned char ch : case_no) {
    h ^= ch;
    h *= 1099511628211ull;
  }
  return static_cast<int>(h % 100);
}

struct Walker {
  Store& store;
  StepClock& clock;
  const cases::Procedure& procedure;
  const calendar::WorkCalendar& calendar;
  const cases::IntegrityRules& integrity;
  const disclose::DisclosureRules& disclosure;
  std::string attachments_dir;
  CaseProcedureRepo cases_repo;
  CaseFactsRepo facts_repo;
  DisclosureRepo disclosure_repo;
  CaseDocumentsRepo documents_repo;

  Walker(Store& s, StepClock& c, const cases::Procedure& p, const calendar::WorkCalendar& cal,
         const cases::IntegrityRules& ir, const disclose::DisclosureRules& dr, std::string dir)
      : store(s), clock(c), procedure(p), calendar(cal), integrity(ir), disclosure(dr),
        attachments_dir(std::move(dir)), cases_repo(s.sql()), facts_repo(s.sql()),
        disclosure_repo(s.sql()), documents_repo(s.sql()) {}

  // One step, as POST /api/v1/cases/{id}/actions/{action} takes it: the procedure's checks, then
  // the integrity flags and the decision's publication refreshed.
  Status step(const Actor& actor, int64_t case_id, const std::string& action, Json fields) {
    cases::ActionRequest request;
    request.action = action;
    request.fields = std::move(fields);
    auto applied = cases::take_action(cases_repo, procedure, calendar, actor, case_id, request);
    if (!applied.ok())
      return Status(applied.status().code(), "demo case " + std::to_string(case_id) + ", step " +
                                                 action + ": " + applied.status().message());
    LJ_RETURN_IF_ERROR(facts_repo.refresh_case(
        actor, case_id, cases::integrity_evaluator(integrity, procedure, calendar)));
    if (applied->c.status == "decided" && applied->progress.decision == "penalty") {
      auto created = disclosure_repo.create(
          actor, case_id, "decision",
          [&](const DecisionSource& src) {
            return disclose::draft(src, "decision", "", disclosure, &calendar);
          },
          true);
      if (!created.ok() && created.status().code() != Code::kConflict) return created.status();
    }
    return Status::Ok();
  }

  Status put_facts(const Actor& actor, int64_t case_id, const Json& facts) {
    return facts_repo
        .put(actor, case_id, std::nullopt, facts,
             cases::integrity_evaluator(integrity, procedure, calendar))
        .status();
  }

  // Keeps the 行政处罚决定书 the serve step needs, as POST .../documents/penalty-decision.pdf.
  Status keep_decision(const Actor& actor, int64_t case_id) {
    LJ_ASSIGN_OR_RETURN(documents::CaseFile file, documents::load_case_file(store, actor, case_id));
    LJ_ASSIGN_OR_RETURN(documents::OfficialDocument doc,
                        documents::build_document(documents::DocumentKind::kPenaltyDecision, file));
    LJ_ASSIGN_OR_RETURN(std::string pdf, documents::render_pdf(doc));
    AttachmentFiles files(attachments_dir);
    LJ_ASSIGN_OR_RETURN(std::string sha, files.put(pdf));
    Attachment a;
    a.sha256 = sha;
    a.size = static_cast<int64_t>(pdf.size());
    a.content_type = "application/pdf";
    const std::string title = documents::document_title(documents::DocumentKind::kPenaltyDecision);
    a.filename = file.c.case_no + "-" + title + ".pdf";
    EvidenceDetails details;
    details.evidence_kind = "documentary";
    details.description = title;
    details.document_kind = "penalty_decision";
    return documents_repo.add(actor, case_id, a, details).status();
  }

  // The secrecy review of the case's decision: every proposed span masked, as a reviewer does.
  Status publish(const Actor& reviewer, int64_t case_id) {
    LJ_ASSIGN_OR_RETURN(auto pubs, disclosure_repo.of_case(reviewer, case_id));
    for (const auto& p : pubs) {
      if (p.status != "pending_review") continue;
      Json decisions = Json::array();
      for (const auto& s : p.spans)
        decisions.push_back(Json{{"start", s["start"]}, {"end", s["end"]}, {"decision", "mask"}});
      LJ_RETURN_IF_ERROR(disclosure_repo
                             .publish(reviewer, p.id, p.version,
                                      [&](const Publication& before, const std::string& now) {
                                        return disclose::apply_review(before, decisions, reviewer,
                                                                      now);
                                      })
                             .status());
    }
    return Status::Ok();
  }
};

std::string day_of(int64_t t) {
  return format_time(t).substr(0, 10);
}

}  // namespace

Result<CampaignSummary> run_demo_campaign(const std::string& db_url, const std::string& data_dir,
                                          const std::string& attachments_dir, uint64_t seed) {
  StepClock clock;
  clock.set(*parse_time("2018-01-02T09:00:00+08:00"));
  LJ_ASSIGN_OR_RETURN(auto store, open_store(db_url, 2, clock));
  LJ_ASSIGN_OR_RETURN(cases::Procedure procedure, cases::Procedure::load(data_dir));
  LJ_ASSIGN_OR_RETURN(calendar::WorkCalendar calendar, calendar::WorkCalendar::load(data_dir));
  LJ_ASSIGN_OR_RETURN(cases::IntegrityRules integrity, cases::IntegrityRules::load(data_dir));
  LJ_ASSIGN_OR_RETURN(disclose::DisclosureRules disclosure, disclose::DisclosureRules::load(data_dir));
  Walker w(*store, clock, procedure, calendar, integrity, disclosure, attachments_dir);

  std::map<std::string, Actor> actors;
  auto actor_of = [&](const std::string& username) -> Result<Actor> {
    auto it = actors.find(username);
    if (it != actors.end()) return it->second;
    LJ_ASSIGN_OR_RETURN(auto login, store->find_login(username));
    LJ_ASSIGN_OR_RETURN(Unit unit, store->get_unit(login.first.unit_code));
    Actor a = make_actor(login.first, unit, "cli");
    a.request_id = "demo";
    actors[username] = a;
    return a;
  };

  // The cases to walk, oldest first: in filing_review (a second run finds none), opened in 2018.
  struct Pending {
    int64_t id;
    std::string case_no, opened_at;
    const WalkUnit* unit;
  };
  std::vector<Pending> pending;
  Status st = store->sql().read([&](sql::Connection& c) -> Status {
    for (const WalkUnit& u : kWalkUnits) {
      LJ_ASSIGN_OR_RETURN(
          sql::Rows rows,
          c.query("SELECT id, case_no, opened_at FROM cases WHERE unit_code = ? AND status = "
                  "'filing_review' AND opened_at >= '2018-01-01' AND opened_at < '2019-01-01'",
                  {std::string(u.unit_code)}));
      for (const auto& r : rows) pending.push_back({r.int64(0), r.text(1), r.text(2), &u});
    }
    return Status::Ok();
  });
  if (!st.ok()) return st;
  std::sort(pending.begin(), pending.end(),
            [](const Pending& a, const Pending& b) { return a.opened_at < b.opened_at; });

  const int64_t year_end = *parse_time("2018-12-31T18:00:00+08:00");
  CampaignSummary sum;
  int decisions = 0;
  for (const Pending& p : pending) {
    const int b = bucket(p.case_no, seed);
    LJ_ASSIGN_OR_RETURN(Actor officer, actor_of(p.unit->officer));
    LJ_ASSIGN_OR_RETURN(Actor leader, actor_of(p.unit->leader));
    const int64_t opened = *parse_time(p.opened_at);
    // The steps' days: working-day gaps are approximated by calendar days from the opening;
    // a step that would fall after 2018 is not taken, so the year's last cases stay open.
    auto at = [&](int days) {
      clock.set(opened + days * kDay + 2 * 3600);
      return clock.now() <= year_end;
    };
    const std::string no = p.case_no;
    if (b >= 90) continue;  // still in filing review
    if (b < 12) {
      if (!at(6)) continue;
      LJ_RETURN_IF_ERROR(w.step(leader, p.id, "decline_filing",
                                Json{{"reason", b % 2 ? "经核查，举报线索所涉产品已下架且无销售记录，不予立案"
                                                      : "经核查，涉案行为不属于本局管辖，已移交有关部门"}}));
      ++sum.not_filed;
      continue;
    }
    // Two of the cases file late (past the 15 working days), for the timeliness indicator.
    if (!at(b % 7 == 0 ? 25 : 5)) continue;
    LJ_RETURN_IF_ERROR(w.step(leader, p.id, "file", Json{{"reason", "经初步核查，有违法事实，依法立案"}}));
    ++sum.filed;
    if (!at(b % 7 == 0 ? 27 : 7)) continue;
    LJ_RETURN_IF_ERROR(w.step(officer, p.id, "start_investigation", Json::object()));
    // Facts: the goods' value from 20,000 to 99,000 yuan; sales a bit less.
    const int64_t value = (20000 + (b * 1000) % 80000) * 100;
    // The 3rd and the 9th filed case sold over 立案追诉标准 Art. 16 (50,000 yuan): transferred.
    const bool criminal = sum.filed == 3 || sum.filed == 9;
    Json facts{{"goods_value_fen", value},
               {"sales_fen", criminal ? int64_t{6000000} : value * 6 / 10},
               {"legal_basis", Json::array({"PQL-50"})},
               {"products", Json::array({Json{{"name", "涉案产品"}, {"batch", "2018" + no.substr(no.size() > 4 ? no.size() - 4 : 0)},
                                              {"quantity", 100 + b * 7}}})}};
    // Fines within the ordinary tier of PQL-50 (1.3–2.2 × the goods' value); one in ten below
    // the tier without reasons, which raises a discretion flag.
    const int64_t permille = b % 10 == 3 ? 800 : 1300 + (b * 37) % 900;
    const int64_t fine = value * permille / 1000;
    if (!criminal)
      facts["penalties"] = Json::array({Json{{"kind", "fine"}, {"amount_fen", fine}},
                                        Json{{"kind", "confiscate_goods"}}});
    if (!at(20)) continue;
    LJ_RETURN_IF_ERROR(w.put_facts(officer, p.id, facts));
    if (criminal) {
      // Decree 310: the transfer is proposed and approved by the person in charge.
      if (!at(24)) continue;
      LJ_RETURN_IF_ERROR(w.step(officer, p.id, "propose_transfer",
                                Json{{"reason", "销售金额超过五万元，涉嫌生产、销售伪劣产品罪"},
                                     {"proposed_by", "王建国、李志强"}}));
      if (!at(26)) continue;
      LJ_RETURN_IF_ERROR(w.step(leader, p.id, "approve_transfer",
                                Json{{"police_authority", "公安局经济犯罪侦查大队"},
                                     {"transfer_no", "移〔2018〕" + std::to_string(b) + "号"}}));
      ++sum.transferred;
      continue;
    }
    if (b >= 70) continue;  // still investigating
    if (!at(40)) continue;
    LJ_RETURN_IF_ERROR(w.step(officer, p.id, "submit_legal_review",
                              Json{{"findings", "当事人销售不合格产品，违法事实清楚，证据确凿"},
                                   {"proposed_decision", "罚款并没收涉案产品"}}));
    if (!at(45)) continue;
    LJ_RETURN_IF_ERROR(w.step(leader, p.id, "send_prior_notice",
                              Json{{"notice_no", "告〔2018〕" + std::to_string(b) + "号"},
                                   {"proposed_penalty", disclose::yuan(fine) + "元罚款，没收涉案产品"}}));
    if (!at(52)) continue;
    LJ_RETURN_IF_ERROR(w.step(officer, p.id, "close_statement_period",
                              Json{{"statement", "当事人在期限内未提出陈述、申辩"}}));
    if (!at(56)) continue;
    LJ_RETURN_IF_ERROR(w.step(leader, p.id, "decide_penalty",
                              Json{{"decision_no", "罚〔2018〕" + std::to_string(b) + "号"},
                                   {"legal_basis", "《中华人民共和国产品质量法》第五十条"}}));
    ++sum.decided;
    const int decision_index = decisions++;
    LJ_RETURN_IF_ERROR(w.keep_decision(leader, p.id));
    // Publication: most decisions reviewed within the 20 working days (14 days after the
    // decision), every fourth late (45 days after), every fifth left pending review.
    const bool to_publish = decision_index % 5 != 4;
    const bool late = decision_index % 4 == 3;
    if (!at(60)) continue;
    LJ_RETURN_IF_ERROR(w.step(officer, p.id, "serve",
                              Json{{"served_on", day_of(clock.now())}, {"method", "直接送达"}}));
    if (to_publish && !late && at(70)) {
      LJ_RETURN_IF_ERROR(w.publish(leader, p.id));
      ++sum.published;
    }
    if (!at(75)) continue;
    LJ_RETURN_IF_ERROR(w.step(officer, p.id, "record_execution",
                              Json{{"executed_on", day_of(clock.now())},
                                   {"result", "罚款已缴入国库，涉案产品已没收"}}));
    if (!at(80)) continue;
    LJ_RETURN_IF_ERROR(w.step(leader, p.id, "close", Json{{"closing_report", "处罚决定已执行完毕，予以结案"}}));
    ++sum.closed;
    if (to_publish && late && at(101)) {
      LJ_RETURN_IF_ERROR(w.publish(leader, p.id));
      ++sum.published;
    }
  }
  return sum;
}

}  // namespace lj::refdata
