// Supervision (migration 10) on both backends: who may open, report and close; report due days
// on the working-day calendar across holidays; escalation of an overdue report; scope; the
// case timeline and the audit chain.
#include "store/sql/supervision_repo.hpp"

#include "cases/supervision.hpp"
#include "store/store_test_fixture.hpp"

namespace lj::store_testing {
namespace {

const calendar::WorkCalendar& cal() {
  static const calendar::WorkCalendar c = [] {
    const char* dir = std::getenv("LIJIAN_DATA_DIR");
    auto loaded = calendar::WorkCalendar::load(dir ? dir : "data");
    EXPECT_TRUE(loaded.ok()) << loaded.status().to_string();
    return loaded.ok() ? *loaded : calendar::WorkCalendar{};
  }();
  return c;
}

SupervisionQuery query(const std::string& role, const std::string& state = "",
                       const std::string& today = "2018-05-01") {
  SupervisionQuery q;
  q.role = role;
  q.state = state;
  q.today = today;
  return q;
}

const Actor kSongshanLeader = actor_at("150404", "/150000/150400/150404/", Role::kLeader, 5);

class SupervisionRepoTest : public StoreTest {
 protected:
  int64_t new_case(const std::string& source_id) {
    Lead l = add_lead(kSongshan, source_id, "2018-04-20T10:00:00+08:00");
    auto c = store_->open_case(kSongshan, l.id, Case{});
    EXPECT_TRUE(c.ok()) << c.status().to_string();
    return c->id;
  }
  std::string today() const { return format_time(clock_.now()).substr(0, 10); }
  SupervisionDraft draft(const std::string& level = "league", int interval = 5,
                         const std::string& deadline = "2018-06-30") {
    Json body{{"level", level},
              {"deadline_on", deadline},
              {"report_interval_days", interval},
              {"instructions", "限期查清违法事实，每5个工作日报告进展"}};
    auto d = cases::supervision_draft(cal(), body, today());
    EXPECT_TRUE(d.ok()) << d.status().to_string();
    return *d;
  }
  SupervisionRepo::NextDue next() {
    return [](const Supervision& s, const std::string& day) {
      return cases::next_report_due(cal(), day, s.report_interval_days, s.deadline_on);
    };
  }
  std::vector<std::string> timeline_kinds(int64_t case_id) {
    std::vector<std::string> kinds;
    for (const auto& e : *store_->case_timeline(kSongshan, case_id))
      if (e.kind.rfind("supervision", 0) == 0) kinds.push_back(e.kind);
    return kinds;
  }
  void set_day(const std::string& iso) {  // moves the fixed clock to 09:00 Shanghai of a day
    auto d = calendar::parse_date(iso);
    ASSERT_TRUE(d.ok());
    const int64_t t = d->time_since_epoch().count() * 86400 + 3600;  // 09:00 +08:00
    clock_.advance(t - clock_.now());
  }
};

TEST_P(SupervisionRepoTest, ALeagueLeaderSupervisesACountyCaseWithReportsDueInWorkingDays) {
  const int64_t id = new_case("S-1");
  SupervisionRepo repo(store_->sql());
  // 2018-05-01 is the May Day holiday: five working days later is Tuesday 8 May.
  auto s = repo.open(kLeague, id, draft());
  ASSERT_TRUE(s.ok()) << s.status().to_string();
  EXPECT_EQ(s->state, "open");
  EXPECT_EQ(s->level, "league");
  EXPECT_EQ(s->supervising_unit_code, "150400");
  EXPECT_EQ(s->next_report_due_on, "2018-05-08");
  EXPECT_EQ(repo.open(kLeague, id, draft()).status().code(), Code::kConflict);

  // The case's unit reports on Friday 4 May; the next report is due five working days later.
  set_day("2018-05-04");
  auto r = repo.report(kSongshan, s->id, "已现场检查，封存涉案复合肥120袋", next());
  ASSERT_TRUE(r.ok()) << r.status().to_string();
  ASSERT_EQ(r->reports.size(), 1u);
  EXPECT_EQ(r->reports[0].due_on, "2018-05-08");
  EXPECT_FALSE(r->reports[0].late());
  EXPECT_EQ(r->next_report_due_on, "2018-05-11");

  // Across the Dragon Boat holiday (16–18 June 2018): from Tuesday 12 June, five working days
  // are 13, 14, 15, 19 and 20 June.
  set_day("2018-06-12");
  r = repo.report(kSongshan, s->id, "检验报告已出具", next());
  ASSERT_TRUE(r.ok());
  EXPECT_TRUE(r->reports[1].late()) << "due 11 May, filed 12 June";
  EXPECT_EQ(r->next_report_due_on, "2018-06-20");
  // Near the deadline the next report is due on the deadline itself.
  set_day("2018-06-26");
  r = repo.report(kSongshan, s->id, "拟作出行政处罚", next());
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->next_report_due_on, "2018-06-30");

  auto closed = repo.close(kLeague, s->id, "案件已依法查处，督办办结");
  ASSERT_TRUE(closed.ok()) << closed.status().to_string();
  EXPECT_EQ(closed->state, "closed");
  EXPECT_EQ(closed->conclusion, "案件已依法查处，督办办结");
  EXPECT_EQ(repo.close(kLeague, s->id, "again").status().code(), Code::kConflict);
  EXPECT_EQ(repo.report(kSongshan, s->id, "late", next()).status().code(), Code::kConflict);

  EXPECT_EQ(
      timeline_kinds(id),
      (std::vector<std::string>{"supervision_opened", "supervision_report", "supervision_report",
                                "supervision_report", "supervision_closed"}));
  int audits = 0;
  ASSERT_TRUE(store_
                  ->scan_audit([&](const AuditEntry& e) {
                    if (e.entity == "supervision" && e.entity_id == std::to_string(s->id)) ++audits;
                    return true;
                  })
                  .ok());
  EXPECT_EQ(audits, 5);
}

TEST_P(SupervisionRepoTest, OnlyTheRightRolesAndUnitsActAndOthersSeeNothing) {
  const int64_t id = new_case("S-2");
  SupervisionRepo repo(store_->sql());
  // The case's own unit cannot supervise itself, an officer cannot open, a city cannot open a
  // region supervision, a sibling county does not even see the case.
  EXPECT_EQ(repo.open(kSongshanLeader, id, draft()).status().code(), Code::kForbidden);
  EXPECT_EQ(repo.open(actor_at("150400", "/150000/150400/", Role::kOfficer, 6), id, draft())
                .status()
                .code(),
            Code::kForbidden);
  EXPECT_EQ(repo.open(kLeague, id, draft("region")).status().code(), Code::kForbidden);
  EXPECT_EQ(repo.open(actor_at("150402", "/150000/150400/150402/", Role::kLeader, 7), id, draft())
                .status()
                .code(),
            Code::kNotFound);
  auto s = repo.open(kRegion, id, draft("region"));
  ASSERT_TRUE(s.ok()) << s.status().to_string();

  EXPECT_EQ(repo.get(kHongshan, s->id).status().code(), Code::kNotFound);
  EXPECT_TRUE(repo.get(kSongshan, s->id).ok());
  EXPECT_TRUE(repo.get(kLeague, s->id).ok());
  EXPECT_EQ(repo.list(kHongshan, query(""))->size(), 0u);
  EXPECT_EQ(repo.of_case(kHongshan, id).status().code(), Code::kNotFound);
  // The league sits between: it sees the case's side, but the region supervises.
  EXPECT_EQ(repo.list(kLeague, query("supervising"))->size(), 0u);
  EXPECT_EQ(repo.list(kLeague, query("supervised"))->size(), 1u);
  EXPECT_EQ(repo.list(kRegion, query("supervising"))->size(), 1u);
  EXPECT_EQ(repo.list(kSongshan, query("supervised", "open"))->size(), 1u);
  EXPECT_EQ(repo.list(kSongshan, query("supervised", "closed"))->size(), 0u);

  // Reports come from the case's unit, closing from the supervising unit.
  EXPECT_EQ(repo.report(kLeague, s->id, "x", next()).status().code(), Code::kForbidden);
  EXPECT_EQ(repo.report(kHongshan, s->id, "x", next()).status().code(), Code::kNotFound);
  EXPECT_EQ(repo.close(kLeague, s->id, "x").status().code(), Code::kForbidden);
  EXPECT_TRUE(repo.close(kRegion, s->id, "办结").ok());
}

TEST_P(SupervisionRepoTest, AnOverdueReportEscalatesOnceAndTheNextReportClearsIt) {
  const int64_t id = new_case("S-3");
  SupervisionRepo repo(store_->sql());
  auto s = repo.open(kLeague, id, draft());
  ASSERT_TRUE(s.ok());
  ASSERT_EQ(*repo.escalate_overdue("2018-05-08"), 0) << "due on the 8th: not overdue that day";
  set_day("2018-05-09");
  ASSERT_EQ(*repo.escalate_overdue("2018-05-09"), 1);
  ASSERT_EQ(*repo.escalate_overdue("2018-05-09"), 0) << "escalated once";
  auto got = repo.get(kRegion, s->id);  // the supervisor's parent sees the flag
  ASSERT_TRUE(got.ok());
  EXPECT_FALSE(got->escalated_at.empty());
  SupervisionQuery overdue = query("supervising", "overdue", "2018-05-09");
  EXPECT_EQ(repo.list(kLeague, overdue)->size(), 1u);
  EXPECT_EQ(to_json(*got, "2018-05-09")["overdue"], true);

  auto r = repo.report(kSongshan, s->id, "补报进展", next());
  ASSERT_TRUE(r.ok());
  EXPECT_TRUE(r->escalated_at.empty());
  EXPECT_TRUE(r->reports[0].late());
  EXPECT_EQ(r->next_report_due_on, "2018-05-16");
  EXPECT_EQ(repo.list(kLeague, overdue)->size(), 0u);
  EXPECT_EQ(timeline_kinds(id),
            (std::vector<std::string>{"supervision_opened", "supervision_escalated",
                                      "supervision_report"}));
}

TEST(SupervisionRules, TheDraftNamesTheFieldThatIsWrong) {
  auto bad = [](Json body) {
    return cases::supervision_draft(cal(), body, "2018-05-02").status().field();
  };
  Json ok{{"level", "league"},
          {"deadline_on", "2018-06-30"},
          {"report_interval_days", 5},
          {"instructions", "x"}};
  EXPECT_TRUE(cases::supervision_draft(cal(), ok, "2018-05-02").ok());
  Json j = ok;
  j["level"] = "county";
  EXPECT_EQ(bad(j), "level");
  j = ok;
  j["deadline_on"] = "2018-05-01";
  EXPECT_EQ(bad(j), "deadline_on");
  j = ok;
  j["deadline_on"] = "2018-02-30";
  EXPECT_EQ(bad(j), "deadline_on");
  j = ok;
  j["report_interval_days"] = 0;
  EXPECT_EQ(bad(j), "report_interval_days");
  j = ok;
  j.erase("instructions");
  EXPECT_EQ(bad(j), "instructions");
  // 15 working days from Friday 2018-09-21 run across the Mid-Autumn holiday (22–24 September)
  // and the National Day week (1–7 October), counting the working weekend of 29–30 September.
  EXPECT_EQ(*cases::assistance_due(cal(), "2018-09-21", 15), "2018-10-18");
}

INSTANTIATE_TEST_SUITE_P(Backends, SupervisionRepoTest, ::testing::Values("sqlite", "postgres"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace lj::store_testing
