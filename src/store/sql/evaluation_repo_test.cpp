// The evaluation's figures counted from the base tables on both backends, on a small fixture
// whose expectations are worked out by hand below; the dispatch report's content; stored
// reports (idempotent key, replacement, scope, audit); the scheduled production.
#include "store/sql/evaluation_repo.hpp"

#include <cstdlib>

#include "calendar/work_calendar.hpp"
#include "documents/evaluation_reports.hpp"
#include "model/json.hpp"
#include "store/store_test_fixture.hpp"

namespace lj {
namespace {

using namespace store_testing;
using evaluate::Normalise;

// The fixture, period 2018-05:
//   松山 150404: officers 2 (+1 analyst, not counted); enterprises 2.
//     S1 filed 05-03, major, closed 05-20; its case_decision period ended 05-20, due 08-01: met.
//     S2 filed 05-10; its filing_decision period ended 05-10, due 05-08: late; its case_decision
//        period started 05-10, due 05-25, still running: overdue 6 days at 05-31; supervised by
//        the league since 05-15, one progress report.
//     S3 filed 04-28, transferred to the police 05-02 (decision transfer), closed 05-02.
//     Review of S1: 80 of 100, 05-25. Leads received in May: 4, of which 3 handled.
//   红山 150402: officer 1; market entities configured as 5,000; no case in May.
//     History: 3 filed in 2017-05; one each in 2018-02, 03, 04 (average 1, below min_base 3).
//   赤峰 150400 (league): a leader (not an officer); 1 enterprise registered at league level.
// Figures by hand:
//   松山: filed 2 (S1, S2), closed 2 (S1, S3), major 1, transfers 1, periods ended 2 / met 1,
//        review 80/100, leads 4 / handled 3; last year 0; previous {0, 0, 1}.
//   红山: filed 0, last year 3 (−100 % of a base of 3: declining vs_last_year); previous {1,1,1}
//        (average 1 < 3: not judged); zero-case.
//   赤峰: everything of both plus its own: filed 2, closed 2, officers 3, enterprises 3,
//        last year 3, previous {1, 1, 2}: 2 against 3 a year ago is −33 %, declining too
//        (average 4/3 is below min_base 3).
// Scores of the counties with the test scheme (filed per officer 50, timeliness 30, major per
// 10,000 entities 20): 松山 2/2 = 1.0 (best), 0.5 (best), 1 × 10000 / 2 = 5000 (best) → 100;
// 红山 0/1 = 0, null, 0 × 10000 / 5000 = 0 → 0.
class EvaluationRepoTest : public StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    if (IsSkipped()) return;
    repo_ = std::make_unique<EvaluationRepo>(store_->sql());
    scheme_.version = "test";
    scheme_.indicators = {{"filed", "立案数", "cases_filed", Normalise::kPerOfficer, 50, ""},
                          {"timely", "办案时效", "timeliness", Normalise::kNone, 30, ""},
                          {"major", "大案要案", "major_cases", Normalise::kPer10kEntities, 20, ""}};
    scheme_.market_entities["150402"] = 5000;
    scheme_.vs_last_year = {30, 3};
    scheme_.moving_average = {30, 3};
    scheme_.moving_average_periods = 3;

    user("ss1", kSongshan, "officer");
    user("ss2", kSongshan, "officer");
    user("ss3", kSongshan, "analyst");
    user("hs1", kHongshan, "officer");
    user("cf1", kLeague, "leader");
    enterprise("松山甲", "150404");
    enterprise("松山乙", "150404");
    enterprise("赤峰丙", "150400");
    const int64_t s1 = add_case(kSongshan, "S1", "2018-05-03T10:00:00+08:00",
                                "2018-05-20T10:00:00+08:00", "", "", true);
    s2_ = add_case(kSongshan, "S2", "2018-05-10T10:00:00+08:00", "", "", "", false);
    add_case(kSongshan, "S3", "2018-04-28T10:00:00+08:00", "2018-05-02T16:00:00+08:00", "transfer",
             "2018-05-02T15:00:00+08:00", false);
    deadline(s1, "case_decision", kSongshan, "2018-05-03", "2018-08-01", "2018-05-20");
    deadline(s2_, "filing_decision", kSongshan, "2018-04-20", "2018-05-08", "2018-05-10");
    deadline(s2_, "case_decision", kSongshan, "2018-05-10", "2018-05-25", "");
    review(s1, kSongshan, 80, 100, "2018-05-25T09:00:00+08:00");
    supervision(s2_, "2018-05-15T09:00:00+08:00");
    const char* statuses[] = {"verified", "rejected", "case_opened", "new"};
    for (int i = 0; i < 4; ++i) {
      Lead l = add_lead(kSongshan, "L" + std::to_string(i),
                        "2018-05-0" + std::to_string(i + 1) + "T09:00:00+08:00");
      exec("UPDATE leads SET status = ? WHERE id = ?", {std::string(statuses[i]), l.id});
    }
    add_lead(kSongshan, "L-april", "2018-04-30T09:00:00+08:00");
    for (int i = 0; i < 3; ++i)
      add_case(kHongshan, "H17-" + std::to_string(i),
               "2017-05-1" + std::to_string(i) + "T10:00:00+08:00", "", "", "", false);
    for (const char* m : {"02", "03", "04"})
      add_case(kHongshan, std::string("H18-") + m, std::string("2018-") + m + "-15T10:00:00+08:00",
               "", "", "", false);
  }

  void exec(const std::string& sql, const sql::Params& p) {
    Status st = store_->sql().write([&](sql::Connection& c) { return c.exec(sql, p); });
    ASSERT_TRUE(st.ok()) << st.to_string();
  }
  int64_t insert(const std::string& sql, const sql::Params& p) {
    int64_t id = 0;
    Status st = store_->sql().write([&](sql::Connection& c) -> Status {
      LJ_ASSIGN_OR_RETURN(sql::Rows rows, c.query(sql + " RETURNING id", p));
      id = rows.at(0).int64(0);
      return Status::Ok();
    });
    EXPECT_TRUE(st.ok()) << st.to_string();
    return id;
  }
  void user(const std::string& name, const Actor& at, const std::string& role) {
    insert(
        "INSERT INTO users (username, display_name, unit_code, unit_path, role, password_hash, "
        "created_at, updated_at) VALUES (?, ?, ?, ?, ?, 'x', '2018-01-01', '2018-01-01')",
        {name, name, at.unit_code, at.unit_path, role});
  }
  void enterprise(const std::string& name, const std::string& region) {
    insert(
        "INSERT INTO enterprises (name, region_code, created_at, updated_at) VALUES (?, ?, "
        "'2018-01-01', '2018-01-01')",
        {name, region});
  }
  int64_t add_case(const Actor& at, const std::string& no, const std::string& filed,
                   const std::string& closed, const std::string& decision,
                   const std::string& decided, bool major) {
    const int64_t id = insert(
        "INSERT INTO cases (case_no, unit_code, unit_path, status, title, is_major, opened_by, "
        "opened_at, updated_at) VALUES (?, ?, ?, 'investigating', ?, ?, 1, ?, ?)",
        {no, at.unit_code, at.unit_path, "案件" + no, int64_t{major}, filed, filed});
    auto opt = [](const std::string& s) { return s.empty() ? sql::Value{} : sql::Value{s}; };
    exec(
        "INSERT INTO case_progress (case_id, procedure, filed_at, closed_at, decision, "
        "decided_at, updated_at) VALUES (?, 'ordinary', ?, ?, ?, ?, ?)",
        {id, filed, opt(closed), opt(decision), opt(decided), filed});
    return id;
  }
  void deadline(int64_t case_id, const std::string& kind, const Actor& at, const std::string& start,
                const std::string& due, const std::string& ended) {
    exec(
        "INSERT INTO case_deadlines (case_id, kind, unit_path, started_on, due_on, ended_on) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        {case_id, kind, at.unit_path, start, due,
         ended.empty() ? sql::Value{} : sql::Value{ended}});
  }
  void review(int64_t case_id, const Actor& at, int64_t total, int64_t max,
              const std::string& when) {
    insert(
        "INSERT INTO case_reviews (case_id, unit_code, unit_path, reviewer_id, reviewer_name, "
        "checklist_version, total, max_total, items, comment, created_at, updated_at) VALUES "
        "(?, ?, ?, 2, 'cf1', 't', ?, ?, '[]', '', ?, ?)",
        {case_id, at.unit_code, at.unit_path, total, max, when, when});
  }
  void supervision(int64_t case_id, const std::string& opened) {
    const int64_t id = insert(
        "INSERT INTO supervisions (case_id, case_unit_path, supervising_unit_code, "
        "supervising_unit_path, level, instructions, deadline_on, report_interval_days, "
        "next_report_due_on, state, opened_by, opened_at) VALUES (?, ?, '150400', ?, 'league', "
        "'限期办结', '2018-06-30', 15, '2018-06-15', 'open', 2, ?)",
        {case_id, kSongshan.unit_path, kLeague.unit_path, opened});
    insert(
        "INSERT INTO supervision_reports (supervision_id, due_on, text, reported_by, "
        "reporter_name, reported_at) VALUES (?, '2018-05-30', '已调取销售记录', 3, 'ss1', "
        "'2018-05-28T10:00:00+08:00')",
        {id});
  }
  const evaluate::UnitEvaluation& unit(const evaluate::Evaluation& e, const std::string& code) {
    for (const auto& u : e.units)
      if (u.figures.code == code) return u;
    throw std::runtime_error("no unit " + code);
  }
  size_t audit_entries(const std::string& entity) {
    size_t n = 0;
    EXPECT_TRUE(store_
                    ->scan_audit([&](const AuditEntry& a) {
                      n += a.entity == entity;
                      return true;
                    })
                    .ok());
    return n;
  }

  std::unique_ptr<EvaluationRepo> repo_;
  evaluate::Scheme scheme_;
  int64_t s2_ = 0;
};

TEST_P(EvaluationRepoTest, FiguresAndScoresFromTheBaseTables) {
  auto e = repo_->evaluate(kRegion, "", *evaluate::parse_period("2018-05"), scheme_);
  ASSERT_TRUE(e.ok()) << e.status().to_string();
  ASSERT_EQ(e->units.size(), 3u);
  const auto& ss = unit(*e, "150404").figures;
  EXPECT_EQ(ss.cases_filed, 2);
  EXPECT_EQ(ss.cases_closed, 2);
  EXPECT_EQ(ss.major_cases, 1);
  EXPECT_EQ(ss.criminal_transfers, 1);
  EXPECT_EQ(ss.deadlines_ended, 2);
  EXPECT_EQ(ss.deadlines_met, 1);
  EXPECT_EQ(ss.review_points, 80);
  EXPECT_EQ(ss.review_max_points, 100);
  EXPECT_EQ(ss.leads_received, 4);
  EXPECT_EQ(ss.leads_handled, 3);
  EXPECT_EQ(ss.officers, 2);
  EXPECT_EQ(ss.market_entities, 2);
  EXPECT_EQ(ss.last_year, 0);
  EXPECT_EQ(ss.previous, (std::vector<int64_t>{0, 0, 1}));
  const auto& hs = unit(*e, "150402").figures;
  EXPECT_EQ(hs.cases_filed, 0);
  EXPECT_EQ(hs.officers, 1);
  EXPECT_EQ(hs.market_entities, 5000);
  EXPECT_TRUE(hs.market_entities_configured);
  EXPECT_EQ(hs.last_year, 3);
  EXPECT_EQ(hs.previous, (std::vector<int64_t>{1, 1, 1}));
  const auto& cf = unit(*e, "150400").figures;
  EXPECT_EQ(cf.cases_filed, 2);
  EXPECT_EQ(cf.officers, 3);
  EXPECT_EQ(cf.market_entities, 3);
  EXPECT_EQ(cf.last_year, 3);
  EXPECT_EQ(cf.previous, (std::vector<int64_t>{1, 1, 2}));
  EXPECT_DOUBLE_EQ(unit(*e, "150404").score, 100);
  EXPECT_DOUBLE_EQ(unit(*e, "150402").score, 0);
  EXPECT_EQ(unit(*e, "150404").rank, 1);
  EXPECT_EQ(unit(*e, "150402").rank, 2);
  ASSERT_EQ(e->zero_case.size(), 1u);
  EXPECT_EQ(e->zero_case[0].code, "150402");
  // The league too: 2 filed against 3 a year ago is a fall of 33 % of a base of 3.
  ASSERT_EQ(e->declining.size(), 2u);
  EXPECT_EQ(e->declining[0].code, "150400");
  EXPECT_EQ(e->declining[0].reasons, std::vector<std::string>{"vs_last_year"});
  EXPECT_EQ(e->declining[1].code, "150402");
  EXPECT_EQ(e->declining[1].reasons, std::vector<std::string>{"vs_last_year"});
  EXPECT_EQ(e->total.code, "150000");
  EXPECT_EQ(e->total.cases_filed, 2);
}

TEST_P(EvaluationRepoTest, ScopeIsTheActorsSubtree) {
  auto own = repo_->evaluate(kSongshan, "", *evaluate::parse_period("2018-05"), scheme_);
  ASSERT_TRUE(own.ok()) << own.status().to_string();
  ASSERT_EQ(own->units.size(), 1u);
  EXPECT_EQ(own->units[0].figures.code, "150404");
  auto above = repo_->evaluate(kSongshan, "150400", *evaluate::parse_period("2018-05"), scheme_);
  ASSERT_FALSE(above.ok());
  EXPECT_EQ(above.status().code(), Code::kInvalidArgument);
  EXPECT_EQ(above.status().field(), "unit");
  auto sibling = repo_->evaluate(kHongshan, "150404", *evaluate::parse_period("2018-05"), scheme_);
  EXPECT_FALSE(sibling.ok());
}

TEST_P(EvaluationRepoTest, DispatchReportContent) {
  auto r = repo_->dispatch(kLeague, "150400", *evaluate::parse_period("2018-05"), scheme_,
                           screen::HotspotConfig{});
  ASSERT_TRUE(r.ok()) << r.status().to_string();
  EXPECT_EQ(r->total.leads, 4);
  EXPECT_EQ(r->total.filed, 2);
  EXPECT_EQ(r->total.closed, 2);
  EXPECT_EQ(r->total.overdue, 1);
  EXPECT_EQ(r->total.supervised, 1);
  ASSERT_EQ(r->leads_by_source.size(), 1u);
  EXPECT_EQ(r->leads_by_source[0].source, "hotline_12365");
  EXPECT_EQ(r->leads_by_source[0].count, 4);
  ASSERT_EQ(r->units.size(), 2u);
  EXPECT_EQ(r->units[0].code, "150402");
  EXPECT_EQ(r->units[1].code, "150404");
  EXPECT_EQ(r->units[1].overdue, 1);
  ASSERT_EQ(r->overdue.size(), 1u);
  EXPECT_EQ(r->overdue[0].case_no, "S2");
  EXPECT_EQ(r->overdue[0].kind, "case_decision");
  EXPECT_EQ(r->overdue[0].days_overdue, 6);
  ASSERT_EQ(r->supervised.size(), 1u);
  EXPECT_EQ(r->supervised[0].reports, 1);
  EXPECT_EQ(r->supervised[0].supervising_unit, "赤峰市市场监督管理局");
  ASSERT_EQ(r->zero_case.size(), 1u);
  EXPECT_EQ(r->zero_case[0].code, "150402");
  // In June the period is still overdue; in April it had not started.
  auto april = repo_->dispatch(kLeague, "150400", *evaluate::parse_period("2018-04"), scheme_,
                               screen::HotspotConfig{});
  ASSERT_TRUE(april.ok());
  EXPECT_TRUE(april->overdue.empty());
  EXPECT_TRUE(april->supervised.empty());
}

TEST_P(EvaluationRepoTest, StoredReportsAreKeyedScopedAndAudited) {
  documents::ReportRequest r;
  r.unit_code = "150400";
  r.period = "2018-05";
  r.format = "xlsx";
  r.replace = false;
  auto first = documents::produce_dispatch(store_->sql(), kLeague, r, scheme_, {}, "2018-06-01");
  ASSERT_TRUE(first.ok()) << first.status().to_string();
  EXPECT_EQ(first->version, 1);
  EXPECT_GT(first->size, 1000);
  auto kept = documents::produce_dispatch(store_->sql(), kLeague, r, scheme_, {}, "2018-06-02");
  ASSERT_TRUE(kept.ok());
  EXPECT_EQ(kept->id, first->id);
  EXPECT_EQ(kept->version, 1);
  r.replace = true;
  auto replaced = documents::produce_dispatch(store_->sql(), kLeague, r, scheme_, {}, "2018-06-02");
  ASSERT_TRUE(replaced.ok());
  EXPECT_EQ(replaced->id, first->id);
  EXPECT_EQ(replaced->version, 2);
  EXPECT_EQ(audit_entries("report"), 2u);
  auto file = repo_->get_report(kRegion, first->id);
  ASSERT_TRUE(file.ok());
  EXPECT_EQ(file->content.substr(0, 2), "PK");
  EXPECT_EQ(static_cast<int64_t>(file->content.size()), replaced->size);
  // A county sees neither the league's report nor its download.
  EXPECT_EQ(repo_->get_report(kSongshan, first->id).status().code(), Code::kNotFound);
  ReportQuery q;
  auto none = repo_->list_reports(kSongshan, q);
  ASSERT_TRUE(none.ok());
  EXPECT_TRUE(none->empty());
  auto listed = repo_->list_reports(kRegion, q);
  ASSERT_TRUE(listed.ok());
  ASSERT_EQ(listed->size(), 1u);
  EXPECT_TRUE((*listed)[0].content.empty());
  // Who and what may be produced.
  Actor officer = kLeague;
  officer.role = Role::kOfficer;
  EXPECT_EQ(documents::produce_dispatch(store_->sql(), officer, r, scheme_, {}, "2018-06-02")
                .status()
                .code(),
            Code::kForbidden);
  r.unit_code = "150404";
  EXPECT_EQ(documents::produce_dispatch(store_->sql(), kLeague, r, scheme_, {}, "2018-06-02")
                .status()
                .field(),
            "unit");
  r.unit_code = "150400";
  r.period = "2018-Q2";
  EXPECT_EQ(documents::produce_dispatch(store_->sql(), kLeague, r, scheme_, {}, "2018-06-02")
                .status()
                .field(),
            "month");
  r.period = "2018-05";
  r.format = "docx";
  EXPECT_EQ(documents::produce_dispatch(store_->sql(), kLeague, r, scheme_, {}, "2018-06-02")
                .status()
                .field(),
            "format");
}

TEST_P(EvaluationRepoTest, ScheduledProductionOnTheFirstWorkingDayOnce) {
  const char* dir = std::getenv("LIJIAN_DATA_DIR");
  auto cal = calendar::WorkCalendar::load(dir ? dir : "data");
  ASSERT_TRUE(cal.ok()) << cal.status().to_string();
  // 2018-10-01..07 is the National Day holiday: the first working day of October is the 8th.
  auto before =
      documents::produce_due_dispatch_reports(store_->sql(), *cal, scheme_, {}, "2018-10-05");
  ASSERT_TRUE(before.ok()) << before.status().to_string();
  EXPECT_EQ(*before, 0);
  // On the 8th: September's reports of the region and the league, PDF and XLSX.
  auto due =
      documents::produce_due_dispatch_reports(store_->sql(), *cal, scheme_, {}, "2018-10-08");
  ASSERT_TRUE(due.ok()) << due.status().to_string();
  EXPECT_EQ(*due, 4);
  // Again (another server, or the next round of housekeeping): nothing new.
  auto again =
      documents::produce_due_dispatch_reports(store_->sql(), *cal, scheme_, {}, "2018-10-09");
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(*again, 0);
  ReportQuery q;
  q.period = "2018-09";
  auto listed = repo_->list_reports(kRegion, q);
  ASSERT_TRUE(listed.ok());
  ASSERT_EQ(listed->size(), 4u);
  for (const auto& r : *listed) EXPECT_EQ(r.origin, "schedule");
}

// Disclosure on time (disclosure_source(), the publications of migration 14), period 2018-05:
//   松山: P1 decision due 05-10, published 05-09            → due, on time
//         P2 decision due 05-20, published 05-21            → due, late
//         P3 decision due 05-31, still pending_review       → due, not published
//         P4 decision due 05-25, published 05-25 23:30      → due, on time (the due day itself)
//         P5 decision due 05-15, withdrawn: decision revoked → not due
//         P6 typical case due 05-12, published              → not a decision, not counted
//         P7 decision due 06-01, published 05-30            → due in June, not in May
//   红山: P8 decision due 05-08, published 05-02            → due, on time
// By hand: 松山 due 4, on time 2 (P1, P4): 0.5; 红山 1 of 1: 1.0; 赤峰 (league) 5 and 3: 0.6.
// June: 松山 1 of 1 (P7); 红山 none due: null. The scheme weighs the indicator 10: 松山's points
// are 10 × 0.5 ÷ 1.0 (红山 is best) = 5.
TEST_P(EvaluationRepoTest, DisclosureOnTimeFromPublications) {
  struct Pub {
    const char* no;
    Actor at;
    const char* kind;
    const char* status;
    const char* due;
    const char* published;  // "" none
    bool revoked;
  };
  const Pub pubs[] = {
      {"P1", kSongshan, "decision", "published", "2018-05-10", "2018-05-09T10:00:00+08:00", false},
      {"P2", kSongshan, "decision", "published", "2018-05-20", "2018-05-21T09:00:00+08:00", false},
      {"P3", kSongshan, "decision", "pending_review", "2018-05-31", "", false},
      {"P4", kSongshan, "decision", "published", "2018-05-25", "2018-05-25T23:30:00+08:00", false},
      {"P5", kSongshan, "decision", "withdrawn", "2018-05-15", "", true},
      {"P6", kSongshan, "typical_case", "published", "2018-05-12", "2018-05-11T10:00:00+08:00",
       false},
      {"P7", kSongshan, "decision", "published", "2018-06-01", "2018-05-30T10:00:00+08:00", false},
      {"P8", kHongshan, "decision", "published", "2018-05-08", "2018-05-02T10:00:00+08:00", false},
  };
  for (const auto& p : pubs) {
    const int64_t case_id = insert(
        "INSERT INTO cases (case_no, unit_code, unit_path, status, title, is_major, opened_by, "
        "opened_at, updated_at) VALUES (?, ?, ?, 'closed', ?, 0, 1, '2018-03-01', '2018-03-01')",
        {std::string("D-") + p.no, p.at.unit_code, p.at.unit_path, std::string("案件") + p.no});
    auto opt = [](const char* s) { return *s ? sql::Value{std::string(s)} : sql::Value{}; };
    insert(
        "INSERT INTO publications (kind, case_id, unit_code, unit_path, status, decision_no, "
        "decided_on, due_on, party, region_code, product_category, violations, penalty, "
        "authority, title, body, spans, created_by, created_at, published_at, revoked_at) "
        "VALUES (?, ?, ?, ?, ?, ?, '2018-04-20', ?, '某公司', ?, '', '[]', '罚款1000.00元', "
        "'局', ?, '正文', '[]', 1, '2018-04-20T10:00:00+08:00', ?, ?)",
        {std::string(p.kind), case_id, p.at.unit_code, p.at.unit_path, std::string(p.status),
         std::string(p.no), std::string(p.due), p.at.unit_code, std::string(p.no), opt(p.published),
         p.revoked ? sql::Value{std::string("2018-05-01T10:00:00+08:00")} : sql::Value{}});
  }
  scheme_.indicators.push_back(
      {"disclosure", "信息公示及时率", "disclosure_on_time", Normalise::kNone, 10, ""});
  auto may = repo_->evaluate(kRegion, "", *evaluate::parse_period("2018-05"), scheme_);
  ASSERT_TRUE(may.ok()) << may.status().to_string();
  const auto& ss = unit(*may, "150404").figures;
  EXPECT_EQ(ss.decisions_due, 4);
  EXPECT_EQ(ss.published_on_time, 2);
  EXPECT_DOUBLE_EQ(*evaluate::measure_value("disclosure_on_time", ss), 0.5);
  const auto& hs = unit(*may, "150402").figures;
  EXPECT_EQ(hs.decisions_due, 1);
  EXPECT_EQ(hs.published_on_time, 1);
  const auto& cf = unit(*may, "150400").figures;
  EXPECT_EQ(cf.decisions_due, 5);
  EXPECT_EQ(cf.published_on_time, 3);
  EXPECT_EQ(may->total.decisions_due, 5);
  // Points: 松山 earned 100 before the indicator (see the fixture) and 10 × 0.5 / 1.0 now.
  EXPECT_DOUBLE_EQ(unit(*may, "150404").score, 105);
  // Scope: 松山's officer sees its own publications only.
  auto own = repo_->evaluate(kSongshan, "", *evaluate::parse_period("2018-05"), scheme_);
  ASSERT_TRUE(own.ok()) << own.status().to_string();
  ASSERT_EQ(own->units.size(), 1u);
  EXPECT_EQ(own->units[0].figures.decisions_due, 4);
  EXPECT_EQ(own->units[0].figures.published_on_time, 2);
  // June: P7 only; 红山 has none due and no value.
  auto june = repo_->evaluate(kRegion, "", *evaluate::parse_period("2018-06"), scheme_);
  ASSERT_TRUE(june.ok()) << june.status().to_string();
  EXPECT_EQ(unit(*june, "150404").figures.decisions_due, 1);
  EXPECT_EQ(unit(*june, "150404").figures.published_on_time, 1);
  EXPECT_EQ(unit(*june, "150402").figures.decisions_due, 0);
  EXPECT_FALSE(evaluate::measure_value("disclosure_on_time", unit(*june, "150402").figures));
}

INSTANTIATE_TEST_SUITE_P(Backends, EvaluationRepoTest, ::testing::Values("sqlite", "postgres"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace lj
