#include "cases/deadlines.hpp"

#include <gtest/gtest.h>

#include <cstdlib>

namespace lj::cases {
namespace {

struct Loaded {
  Procedure procedure;
  calendar::WorkCalendar calendar;
};

const Loaded& loaded() {
  static const Loaded l = [] {
    const char* dir = std::getenv("LIJIAN_DATA_DIR");
    const std::string d = dir ? dir : "data";
    auto p = Procedure::load(d);
    auto c = calendar::WorkCalendar::load(d);
    EXPECT_TRUE(p.ok() && c.ok());
    return Loaded{p.ok() ? *p : Procedure{}, c.ok() ? *c : calendar::WorkCalendar{}};
  }();
  return l;
}

CaseEvent step(const std::string& on, const std::string& action, const std::string& from,
               const std::string& to, Json fields = Json::object()) {
  CaseEvent e;
  e.kind = "action";
  e.at = on + "T10:00:00+08:00";
  e.data = Json{{"action", action}, {"from", from}, {"to", to}, {"fields", fields}};
  return e;
}

DeadlineState find(const std::vector<CaseEvent>& timeline, const std::string& kind,
                   const std::string& today, const std::string& received = "") {
  for (auto& d : case_deadlines(loaded().procedure, loaded().calendar, timeline, received, today))
    if (d.kind == kind) return d;
  ADD_FAILURE() << "no deadline " << kind;
  return {};
}

// The dates below are counted by hand from the State Council's holiday notices.
TEST(CaseDeadlines, FilingDecisionInWorkingDaysFromTheLead) {
  const std::string received = "2018-02-12T09:30:00+08:00";
  DeadlineState d = find({}, "filing_decision", "2018-03-01", received);
  EXPECT_EQ(d.started_on, "2018-02-12");
  EXPECT_EQ(d.due_on, "2018-03-09");  // 春节 15–21 February skipped, Saturday 24 worked
  EXPECT_EQ(d.status, "open");
  EXPECT_EQ(d.days_left, 6);  // 2, 5, 6, 7, 8, 9 March
  EXPECT_EQ(find({}, "filing_decision", "2018-03-09", received).status, "open");
  EXPECT_EQ(find({}, "filing_decision", "2018-03-12", received).status, "overdue");
  // Extended once by 15 working days: 12–16, 19–23, 26–30 March.
  std::vector<CaseEvent> t = {step("2018-03-05", "extend_deadline", "filing_review", "filing_review",
                                   {{"deadline", "filing_decision"}, {"reason", "r"}})};
  d = find(t, "filing_decision", "2018-03-12", received);
  EXPECT_EQ(d.extensions, 1);
  EXPECT_EQ(d.due_on, "2018-03-30");
  EXPECT_EQ(d.status, "open");
  t.push_back(step("2018-03-20", "file", "filing_review", "filed"));
  d = find(t, "filing_decision", "2018-05-01", received);
  EXPECT_EQ(d.ended_on, "2018-03-20");
  EXPECT_EQ(d.status, "met");
}

TEST(CaseDeadlines, CaseDecisionInCalendarDaysStopsForSuspensionAndHearing) {
  std::vector<CaseEvent> t = {step("2018-05-02", "file", "filing_review", "filed")};
  EXPECT_EQ(find(t, "case_decision", "2018-05-03").due_on, "2018-07-31");  // 29 + 30 + 31 days
  t.push_back(step("2018-06-01", "suspend", "investigating", "suspended"));
  DeadlineState paused = find(t, "case_decision", "2018-06-05");
  EXPECT_EQ(paused.status, "paused");
  EXPECT_EQ(paused.stopped_days, 4);
  t.push_back(step("2018-06-11", "resume", "suspended", "investigating"));
  EXPECT_EQ(find(t, "case_decision", "2018-06-12").due_on, "2018-08-10");  // +10 days
  t.push_back(step("2018-07-02", "request_hearing", "notice", "hearing"));
  t.push_back(step("2018-07-09", "conclude_hearing", "hearing", "deciding"));
  DeadlineState d = find(t, "case_decision", "2018-07-10");
  EXPECT_EQ(d.stopped_days, 17);
  EXPECT_EQ(d.due_on, "2018-08-17");
  t.push_back(step("2018-08-01", "extend_deadline", "deciding", "deciding",
                   {{"deadline", "case_decision"}, {"reason", "案情复杂"}}));
  EXPECT_EQ(find(t, "case_decision", "2018-08-20").due_on, "2018-09-16");  // +30 days
  EXPECT_EQ(find(t, "case_decision", "2018-09-17").status, "overdue");
  t.push_back(step("2018-09-20", "decide_penalty", "deciding", "decided"));
  d = find(t, "case_decision", "2018-10-01");
  EXPECT_EQ(d.status, "late");
  EXPECT_EQ(d.ended_on, "2018-09-20");
}

TEST(CaseDeadlines, WorkingDayPeriodsSkipTheWorkingDaysOfASuspension) {
  // Legal review, 10 working days from Monday 30 September 2024: due Friday 18 October
  // (国庆 1–7 October, Saturday 12 worked). Suspended 8 October, resumed 10 October: the 9th and
  // 10th do not count, so it ends two working days later, Tuesday 22 October.
  std::vector<CaseEvent> t = {step("2024-09-30", "submit_legal_review", "investigating", "legal_review")};
  EXPECT_EQ(find(t, "legal_review", "2024-09-30").due_on, "2024-10-18");
  t.push_back(step("2024-10-08", "suspend", "legal_review", "suspended"));
  t.push_back(step("2024-10-10", "resume", "suspended", "legal_review"));
  DeadlineState d = find(t, "legal_review", "2024-10-11");
  EXPECT_EQ(d.due_on, "2024-10-22");
  EXPECT_EQ(d.status, "open");
  EXPECT_EQ(d.days_left, 8);  // 12 (a Saturday worked), 14, 15, 16, 17, 18, 21, 22 October
}

TEST(CaseDeadlines, TestingStopsTheCaseClockSeizureAndPreservationRunTheirOwn) {
  std::vector<CaseEvent> t = {step("2018-05-02", "file", "filing_review", "filed"),
                              step("2018-05-03", "start_investigation", "filed", "investigating"),
                              // Seized on 4 May: 30 days, to 3 June.
                              step("2018-05-04", "seize", "investigating", "investigating",
                                   {{"items", "复合肥200袋"}, {"place", "仓库"}, {"decision_no", "扣〔2018〕1号"}}),
                              // Evidence preserved on Friday 4 May: 7 working days are 7, 8, 9,
                              // 10, 11, 14, 15 May. Testing stops neither of these periods.
                              step("2018-05-04", "preserve_evidence", "investigating", "investigating",
                                   {{"items", "账簿"}}),
                              // Sent for testing 10 May, back 30 May: 20 days that do not count.
                              step("2018-05-10", "start_testing", "investigating", "testing"),
                              step("2018-05-30", "finish_testing", "testing", "investigating")};
  EXPECT_EQ(find(t, "seizure", "2018-05-31").due_on, "2018-06-03");
  EXPECT_EQ(find(t, "evidence_preservation", "2018-05-31").due_on, "2018-05-15");
  EXPECT_EQ(find(t, "evidence_preservation", "2018-05-31").status, "overdue");
  DeadlineState c = find(t, "case_decision", "2018-05-31");
  EXPECT_EQ(c.stopped_days, 20);
  EXPECT_EQ(c.due_on, "2018-08-20");  // 31 July + 20 days
  t.push_back(step("2018-06-01", "release_seizure", "investigating", "investigating", {{"handling", "解除"}}));
  EXPECT_EQ(find(t, "seizure", "2018-06-02").status, "met");
}

TEST(CaseDeadlines, AStepTakenAgainStartsANewPeriod) {
  std::vector<CaseEvent> t = {
      step("2018-04-02", "submit_legal_review", "investigating", "legal_review"),
      step("2018-04-04", "return_to_investigation", "legal_review", "investigating"),
      step("2018-05-02", "submit_legal_review", "investigating", "legal_review")};
  DeadlineState d = find(t, "legal_review", "2018-05-03");
  EXPECT_EQ(d.started_on, "2018-05-02");
  EXPECT_TRUE(d.ended_on.empty());
  // 3, 4, 7, 8, 9, 10, 11, 14, 15, 16 May 2018.
  EXPECT_EQ(d.due_on, "2018-05-16");
}

TEST(CaseDeadlines, DatesBeyondTheCalendarAreNamedNotGuessed) {
  const int last = loaded().calendar.last_year();
  const std::string received = std::to_string(last) + "-12-20T09:00:00+08:00";
  DeadlineState d = find({}, "filing_decision", std::to_string(last) + "-12-21", received);
  // Past the covered years only weekends are known: a provisional due day, flagged, with the
  // missing notice named.
  EXPECT_TRUE(d.provisional);
  EXPECT_NE(d.problem.find("cn-holidays.json"), std::string::npos);
  EXPECT_EQ(to_json(d)["provisional"], true);
  auto due = calendar::parse_date(d.due_on);
  ASSERT_TRUE(due.ok()) << d.due_on;
  EXPECT_EQ(static_cast<int>(std::chrono::year_month_day{*due}.year()), last + 1);
  EXPECT_EQ(d.status, "open");
}

TEST(CaseDeadlines, OnlyStartedDeadlinesAreListed) {
  auto all = case_deadlines(loaded().procedure, loaded().calendar, {}, "", "2018-05-01");
  EXPECT_TRUE(all.empty());
}

}  // namespace
}  // namespace lj::cases
