#include "refdata/demo_campaign.hpp"

#include <algorithm>
#include <atomic>
#include <map>
#include <optional>

#include "calendar/work_calendar.hpp"
#include "cases/case_actions.hpp"
#include "cases/dishonesty.hpp"
#include "cases/integrity.hpp"
#include "cases/integrity_eval.hpp"
#include "cases/review.hpp"
#include "cases/supervision.hpp"
#include "core/clock.hpp"
#include "core/crypto.hpp"
#include "disclose/publication.hpp"
#include "disclose/rules.hpp"
#include "documents/case_file.hpp"
#include "documents/pdf.hpp"
#include "model/actor.hpp"
#include "refdata/demo.hpp"
#include "store/attachment_files.hpp"
#include "store/sql/case_documents_repo.hpp"
#include "store/sql/case_facts_repo.hpp"
#include "store/sql/case_procedure_repo.hpp"
#include "store/sql/disclosure_repo.hpp"
#include "store/sql/review_repo.hpp"
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

// The units whose cases are taken through the procedure, each with an officer of its own (the
// procedure's "own" steps) and the leader above it: 新城区 (呼和浩特) with the region's leader, and
// the counties of 赤峰 with the league's leader, except 阿鲁科尔沁旗 and 林西县, left without cases
// so that the evaluation lists zero-case units. Counties without a demo officer get one
// (demo_officer_<code>, the demo password).
struct WalkUnit {
  std::string unit_code, officer, leader;
};
constexpr const char* kZeroCaseCounties[] = {"150421", "150424"};
constexpr const char* kNamedOfficers[][2] = {{"150404", "demo_songshan_officer"},
                                             {"150402", "demo_hongshan_officer"},
                                             {"150102", "demo_xincheng_officer"}};

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
  const cases::Procedure& procedure;
  const calendar::WorkCalendar& calendar;
  const cases::IntegrityRules& integrity;
  const disclose::DisclosureRules& disclosure;
  std::string attachments_dir;
  CaseProcedureRepo cases_repo;
  CaseFactsRepo facts_repo;
  DisclosureRepo disclosure_repo;
  CaseDocumentsRepo documents_repo;
  SupervisionRepo supervisions;
  CaseReviewRepo reviews;
  std::optional<cases::ReviewChecklist> checklist;
  DishonestyRepo dishonesty_repo;
  const cases::DishonestyRules& dishonesty;

  Walker(Store& s, const cases::Procedure& p, const calendar::WorkCalendar& cal,
         const cases::IntegrityRules& ir, const disclose::DisclosureRules& dr,
         const cases::DishonestyRules& hr, std::string dir)
      : store(s),
        procedure(p),
        calendar(cal),
        integrity(ir),
        disclosure(dr),
        attachments_dir(std::move(dir)),
        cases_repo(s.sql()),
        facts_repo(s.sql()),
        disclosure_repo(s.sql()),
        documents_repo(s.sql()),
        supervisions(s.sql()),
        reviews(s.sql()),
        dishonesty_repo(s.sql()),
        dishonesty(hr) {}

  // The case-file review (案卷评查) of a closed case by the leader above its unit, as
  // POST /api/v1/cases/{id}/reviews stores it: every item of the checklist scored, a few points
  // taken off where `b` says so.
  Status review(const Actor& leader, int64_t case_id, int b) {
    Json items = Json::array();
    int index = 0;
    for (const auto& g : checklist->groups())
      for (const auto& it : g.items) {
        const bool short_of = (b + index++) % 6 == 0;
        const int score = short_of ? std::max(0, it.points - 2) : it.points;
        items.push_back(Json{
            {"item", it.code}, {"score", score}, {"comment", short_of ? "文书填写不够规范" : ""}});
      }
    LJ_ASSIGN_OR_RETURN(cases::ReviewScores scores,
                        checklist->score(Json{{"items", items}, {"comment", "案卷材料基本齐全"}}));
    return reviews
        .submit(
            leader, case_id,
            [&](const Case& c) { return cases::may_review(leader, c, *checklist); }, scores,
            checklist->version(), checklist->max_total())
        .status();
  }

  // The listing of a case's party, as POST /api/v1/dishonesty proposes it.
  Result<int64_t> propose_listing(const Actor& actor, int64_t case_id) {
    LJ_ASSIGN_OR_RETURN(DishonestyListing l,
                        dishonesty_repo.propose(
                            actor, case_id,
                            [&](const Case& c, const Json* facts,
                                const std::vector<Enterprise>& ents, const std::string& authority) {
                              return cases::proposal(
                                  dishonesty, c, facts, ents, authority,
                                  "从重处罚且造成不良社会影响，拟列入严重违法失信名单", actor.role);
                            }));
    return l.id;
  }

  // A step of a listing, as POST /api/v1/dishonesty/{id}/actions/{action} takes it.
  Status listing_step(const Actor& actor, int64_t id, const std::string& action, const Json& fields,
                      const std::string& today) {
    return dishonesty_repo
        .apply(actor, id, std::nullopt, action,
               [&](const DishonestyListing& before) {
                 return cases::dishonesty_step(dishonesty, calendar, before, action, actor.role,
                                               actor.username, fields, today);
               })
        .status();
  }

  // A typical case (典型案例) of a decided case with its curated summary, reviewed and
  // published as POST /api/v1/publications and .../publish do.
  Status typical_case(const Actor& actor, int64_t case_id, const std::string& summary) {
    auto created = disclosure_repo.create(
        actor, case_id, "typical_case",
        [&](const DecisionSource& src) {
          return disclose::draft(src, "typical_case", summary, disclosure, &calendar);
        },
        true);
    if (!created.ok()) return created.status();
    return publish(actor, case_id);
  }

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
  LJ_ASSIGN_OR_RETURN(disclose::DisclosureRules disclosure,
                      disclose::DisclosureRules::load(data_dir));
  LJ_ASSIGN_OR_RETURN(cases::DishonestyRules dishonesty, cases::DishonestyRules::load(data_dir));
  Walker w(*store, procedure, calendar, integrity, disclosure, dishonesty, attachments_dir);
  LJ_ASSIGN_OR_RETURN(w.checklist, cases::ReviewChecklist::load(data_dir));

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
    int64_t enterprise_id;
  };
  // The walking units and their officers.
  std::vector<WalkUnit> walk_units{{"150102", "demo_xincheng_officer", "demo_region_leader"}};
  Status st = store->sql().read([&](sql::Connection& c) -> Status {
    LJ_ASSIGN_OR_RETURN(
        sql::Rows rows,
        c.query("SELECT code FROM units WHERE parent_code = '150400' ORDER BY code", {}));
    for (const auto& r : rows) {
      const std::string code = r.text(0);
      bool zero = false;
      for (const char* z : kZeroCaseCounties) zero = zero || code == z;
      if (!zero) walk_units.push_back({code, "demo_officer_" + code, "demo_chifeng_leader"});
    }
    return Status::Ok();
  });
  if (!st.ok()) return st;
  std::string password_hash;  // hashed once: every demo account has the one demo password
  for (WalkUnit& u : walk_units) {
    for (const auto& named : kNamedOfficers)
      if (u.unit_code == named[0]) u.officer = named[1];
    auto existing = store->find_login(u.officer);
    if (existing.ok()) continue;
    if (existing.status().code() != Code::kNotFound) return existing.status();
    LJ_ASSIGN_OR_RETURN(Unit unit, store->get_unit(u.unit_code));
    if (password_hash.empty()) password_hash = hash_password(kDemoPassword);
    User draft;
    draft.username = u.officer;
    draft.display_name = "演示·" + unit.name + "执法人员";
    draft.unit_code = u.unit_code;
    draft.role = Role::kOfficer;
    draft.is_demo = true;
    LJ_RETURN_IF_ERROR(store->create_user(Actor::system("demo"), draft, password_hash).status());
  }

  std::vector<Pending> pending;
  st = store->sql().read([&](sql::Connection& c) -> Status {
    for (const WalkUnit& u : walk_units) {
      LJ_ASSIGN_OR_RETURN(
          sql::Rows rows,
          c.query("SELECT id, case_no, opened_at, enterprise_id FROM cases WHERE unit_code = ? "
                  "AND status = 'filing_review' AND opened_at >= '2018-01-01' "
                  "AND opened_at < '2019-01-01'",
                  {u.unit_code}));
      for (const auto& r : rows)
        pending.push_back({r.int64(0), r.text(1), r.text(2), &u, r.is_null(3) ? 0 : r.int64(3)});
    }
    return Status::Ok();
  });
  if (!st.ok()) return st;
  std::sort(pending.begin(), pending.end(), [](const Pending& a, const Pending& b) {
    return a.opened_at != b.opened_at ? a.opened_at < b.opened_at : a.id < b.id;
  });

  const int64_t year_end = *parse_time("2018-12-31T18:00:00+08:00");
  CampaignSummary sum;
  int decisions = 0, supervised = 0;
  bool listed = false, typical = false;
  for (const Pending& p : pending) {
    const int b = bucket(p.case_no, seed);
    LJ_ASSIGN_OR_RETURN(Actor officer, actor_of(p.unit->officer));
    LJ_ASSIGN_OR_RETURN(Actor leader, actor_of(p.unit->leader));
    const int64_t opened = *parse_time(p.opened_at);
    // The steps' days count from the opening (calendar days); a step that would fall after 2018
    // is not taken, so the year's last cases stay open.
    auto at = [&](int days) {
      clock.set(opened + days * kDay + 2 * 3600);
      return clock.now() <= year_end;
    };
    auto today = [&] { return day_of(clock.now()); };
    const std::string no = p.case_no;
    if (b >= 90) continue;  // still in filing review
    if (b < 12) {
      if (!at(6)) continue;
      LJ_RETURN_IF_ERROR(
          w.step(leader, p.id, "decline_filing",
                 Json{{"reason", b % 2 ? "经核查，举报线索所涉产品已下架且无销售记录，不予立案"
                                       : "经核查，涉案行为不属于本局管辖，已移交有关部门"}}));
      ++sum.not_filed;
      continue;
    }
    // One case in seven is filed late (past the 15 working days), for the timeliness indicator.
    const int late_filing = b % 7 == 0 ? 20 : 0;
    if (!at(5 + late_filing)) continue;
    LJ_RETURN_IF_ERROR(
        w.step(leader, p.id, "file", Json{{"reason", "经初步核查，有违法事实，依法立案"}}));
    ++sum.filed;
    if (!at(7 + late_filing)) continue;
    LJ_RETURN_IF_ERROR(w.step(officer, p.id, "start_investigation", Json::object()));
    // The league supervises (督办) the 2nd and the 6th case filed in one of its counties.
    std::optional<int64_t> supervision;
    if (p.unit->leader == "demo_chifeng_leader" && (sum.filed == 2 || sum.filed == 6) &&
        at(10 + late_filing)) {
      LJ_ASSIGN_OR_RETURN(
          SupervisionDraft draft,
          cases::supervision_draft(
              calendar,
              Json{{"level", "league"},
                   {"instructions", "案值较大，请依法从快查处，每15个工作日报告进展"},
                   {"deadline_on", day_of(clock.now() + 90 * kDay)},
                   {"report_interval_days", 15}},
              today()));
      LJ_ASSIGN_OR_RETURN(Supervision sv, w.supervisions.open(leader, p.id, draft));
      supervision = sv.id;
      ++supervised;
      if (at(24 + late_filing))
        LJ_RETURN_IF_ERROR(w.supervisions
                               .report(officer, sv.id, "已调取进货及销售记录，对当事人制作询问笔录",
                                       [&](const Supervision& s, const std::string& day) {
                                         return cases::next_report_due(
                                             calendar, day, s.report_interval_days, s.deadline_on);
                                       })
                               .status());
    }
    // Facts: the goods' value from 20,000 to 79,000 yuan, sales 60 % of it (below 50,000 yuan).
    // The 3rd and the 9th filed case sold over 立案追诉标准 Art. 16 (50,000 yuan) and are
    // transferred; the first decided case with a registered party is judged heavy and its party
    // listed as seriously dishonest.
    const int64_t value = (20000 + (b * 1000) % 60000) * 100;
    const bool criminal = sum.filed == 3 || sum.filed == 9;
    const bool heavy = !listed && !criminal && b < 70 && p.enterprise_id > 0;
    Json facts{{"goods_value_fen", value},
               {"sales_fen", criminal ? int64_t{6000000} : value * 6 / 10},
               {"legal_basis", Json::array({"PQL-50"})},
               {"products",
                Json::array({Json{{"name", "涉案产品"},
                                  {"batch", "2018" + no.substr(no.size() > 4 ? no.size() - 4 : 0)},
                                  {"quantity", 100 + b * 7}}})}};
    // Fines within the ordinary tier of PQL-50 (1.3–2.2 × the goods' value); one in ten below
    // the tier without reasons, which raises a discretion flag; the heavy case in its tier.
    const int64_t permille = heavy ? 2600 : b % 10 == 3 ? 800 : 1300 + (b * 37) % 900;
    const int64_t fine = value * permille / 1000;
    if (!criminal)
      facts["penalties"] = Json::array(
          {Json{{"kind", "fine"}, {"amount_fen", fine}}, Json{{"kind", "confiscate_goods"}}});
    if (heavy) {
      facts["circumstances"] = "heavy";
      facts["circumstance_reasons"] = "曾因同类违法行为受过行政处罚，且涉案产品流入多个旗县";
      facts["parties"] =
          Json::array({Json{{"kind", "enterprise"}, {"enterprise_id", p.enterprise_id}}});
    }
    if (!at(20 + late_filing)) continue;
    LJ_RETURN_IF_ERROR(w.put_facts(officer, p.id, facts));
    if (criminal) {
      // Decree 310: proposed by two officers, approved by the person in charge.
      if (!at(24 + late_filing)) continue;
      LJ_RETURN_IF_ERROR(w.step(officer, p.id, "propose_transfer",
                                Json{{"reason", "销售金额超过五万元，涉嫌生产、销售伪劣产品罪"},
                                     {"proposed_by", "王建国、李志强"}}));
      if (!at(26 + late_filing)) continue;
      LJ_RETURN_IF_ERROR(w.step(leader, p.id, "approve_transfer",
                                Json{{"police_authority", "公安局经济犯罪侦查大队"},
                                     {"transfer_no", "移〔2018〕" + std::to_string(b) + "号"}}));
      ++sum.transferred;
      continue;
    }
    if (b >= 70) continue;  // still investigating
    if (!at(40 + late_filing)) continue;
    LJ_RETURN_IF_ERROR(w.step(officer, p.id, "submit_legal_review",
                              Json{{"findings", "当事人销售不合格产品，违法事实清楚，证据确凿"},
                                   {"proposed_decision", "罚款并没收涉案产品"}}));
    if (!at(45 + late_filing)) continue;
    LJ_RETURN_IF_ERROR(
        w.step(leader, p.id, "send_prior_notice",
               Json{{"notice_no", "告〔2018〕" + std::to_string(b) + "号"},
                    {"proposed_penalty", disclose::yuan(fine) + "元罚款，没收涉案产品"}}));
    if (!at(52 + late_filing)) continue;
    LJ_RETURN_IF_ERROR(w.step(officer, p.id, "close_statement_period",
                              Json{{"statement", "当事人在期限内未提出陈述、申辩"}}));
    if (!at(56 + late_filing)) continue;
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
    std::optional<int64_t> listing;
    if (heavy && at(57 + late_filing)) {
      LJ_ASSIGN_OR_RETURN(int64_t id, w.propose_listing(officer, p.id));
      listing = id;
      LJ_RETURN_IF_ERROR(
          w.listing_step(leader, id, "notify",
                         Json{{"notice_no", "失告〔2018〕" + std::to_string(b) + "号"}}, today()));
    }
    if (!at(60 + late_filing)) continue;
    LJ_RETURN_IF_ERROR(
        w.step(officer, p.id, "serve", Json{{"served_on", today()}, {"method", "直接送达"}}));
    // The party did not object within the 5 working days: the head decides to list it.
    if (listing && at(68 + late_filing)) {
      LJ_RETURN_IF_ERROR(w.listing_step(
          leader, *listing, "decide",
          Json{{"decision_no", "失决〔2018〕" + std::to_string(b) + "号"}}, today()));
      listed = true;
    }
    if (to_publish && !late && at(70 + late_filing)) {
      LJ_RETURN_IF_ERROR(w.publish(leader, p.id));
      ++sum.published;
      if (!typical && at(72 + late_filing)) {
        // The first decision published on time is also the league's typical case (典型案例).
        LJ_RETURN_IF_ERROR(w.typical_case(leader, p.id,
                                          "2018年“质检利剑”行动中，执法人员根据举报线索对当事人经营"
                                          "场所开展检查，发现其销售的产品经抽样"
                                          "检验不合格。经立案调查，当事人以不合格产品冒充合格产品，"
                                          "违反《中华人民共和国产品质量法》第三十九条。"
                                          "执法机关依法没收涉案产品，并处罚款。本案提示消费者购买时"
                                          "查验产品合格证明，发现问题及时拨打12315举报。"));
        typical = true;
      }
    }
    if (!at(75 + late_filing)) continue;
    LJ_RETURN_IF_ERROR(
        w.step(officer, p.id, "record_execution",
               Json{{"executed_on", today()}, {"result", "罚款已缴入国库，涉案产品已没收"}}));
    if (!at(80 + late_filing)) continue;
    LJ_RETURN_IF_ERROR(
        w.step(leader, p.id, "close", Json{{"closing_report", "处罚决定已执行完毕，予以结案"}}));
    ++sum.closed;
    if (supervision)
      LJ_RETURN_IF_ERROR(
          w.supervisions.close(leader, *supervision, "案件已依法作出处罚决定并执行完毕，督办结束")
              .status());
    // The league (or the region) reviews the closed case's file ten days later.
    if (at(90 + late_filing)) LJ_RETURN_IF_ERROR(w.review(leader, p.id, b));
    if (to_publish && late && at(101 + late_filing)) {
      LJ_RETURN_IF_ERROR(w.publish(leader, p.id));
      ++sum.published;
    }
  }
  sum.supervised = supervised;
  sum.listed = listed ? 1 : 0;
  sum.typical_cases = typical ? 1 : 0;
  return sum;
}

}  // namespace lj::refdata
