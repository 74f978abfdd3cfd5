#include "documents/evaluation_reports.hpp"

#include <spdlog/spdlog.h>

#include "documents/dispatch_report.hpp"
#include "documents/notification.hpp"
#include "evaluate/period.hpp"

namespace lj::documents {
namespace {

constexpr const char* kFormats[] = {"pdf", "xlsx"};

Status check_producer(const Actor& actor) {
  if (actor.role == Role::kOfficer)
    return Status::Forbidden("only an administrator, a leader or an analyst produces reports");
  return Status::Ok();
}

}  // namespace

Result<StoredReport> produce_dispatch(SqlStore& store, const Actor& actor, const ReportRequest& r,
                                      const evaluate::Scheme& scheme,
                                      const screen::HotspotConfig& hotspots,
                                      const std::string& today) {
  LJ_RETURN_IF_ERROR(check_producer(actor));
  LJ_ASSIGN_OR_RETURN(evaluate::Period month, evaluate::parse_period(r.period, "month"));
  if (month.kind != evaluate::PeriodKind::kMonth)
    return Status::Invalid(
        "month", "a dispatch report covers a month: expected YYYY-MM, got '" + r.period + "'");
  if (r.format != "pdf" && r.format != "xlsx")
    return Status::Invalid("format", "format must be pdf or xlsx, got '" + r.format + "'");
  EvaluationRepo repo(store);
  LJ_ASSIGN_OR_RETURN(Unit unit, repo.unit_in_scope(actor, r.unit_code));
  if (unit.level == "county")
    return Status::Invalid("unit",
                           "dispatch reports are made for a league or the region, not the "
                           "county unit " +
                               unit.code);
  LJ_ASSIGN_OR_RETURN(evaluate::DispatchReport content,
                      repo.dispatch(actor, unit.code, month, scheme, hotspots));
  StoredReport s;
  s.kind = "dispatch";
  s.unit_code = unit.code;
  s.unit_path = unit.path;
  s.period = month.code();
  s.format = r.format;
  s.title = unit.name + dispatch_title(content);
  s.origin = r.origin;
  if (r.format == "pdf") {
    LJ_ASSIGN_OR_RETURN(s.content, render_dispatch_pdf(content, today));
  } else {
    LJ_ASSIGN_OR_RETURN(s.content, render_dispatch_xlsx(content, today));
  }
  return repo.store_report(actor, std::move(s), r.replace);
}

Result<StoredReport> produce_notification(SqlStore& store, const Actor& actor,
                                          const ReportRequest& r, const evaluate::Scheme& scheme,
                                          const std::string& today) {
  LJ_RETURN_IF_ERROR(check_producer(actor));
  LJ_ASSIGN_OR_RETURN(evaluate::Period period, evaluate::parse_period(r.period, "period"));
  if (!r.format.empty() && r.format != "pdf")
    return Status::Invalid("format",
                           "a notification draft is a PDF, got format '" + r.format + "'");
  EvaluationRepo repo(store);
  LJ_ASSIGN_OR_RETURN(Unit unit, repo.unit_in_scope(actor, r.unit_code));
  LJ_ASSIGN_OR_RETURN(evaluate::Evaluation e, repo.evaluate(actor, unit.code, period, scheme));
  StoredReport s;
  s.kind = "notification";
  s.unit_code = unit.code;
  s.unit_path = unit.path;
  s.period = period.code();
  s.format = "pdf";
  s.title = notification_title(e);
  s.origin = r.origin;
  LJ_ASSIGN_OR_RETURN(s.content, render_notification_pdf(e, scheme, today));
  return repo.store_report(actor, std::move(s), r.replace);
}

Result<int> produce_due_dispatch_reports(SqlStore& store, const calendar::WorkCalendar& cal,
                                         const evaluate::Scheme& scheme,
                                         const screen::HotspotConfig& hotspots,
                                         const std::string& today) {
  LJ_ASSIGN_OR_RETURN(calendar::Date day, calendar::parse_date(today, "today"));
  LJ_ASSIGN_OR_RETURN(evaluate::Period current,
                      evaluate::parse_period(today.substr(0, 7), "today"));
  // The first working day of the current month.
  LJ_ASSIGN_OR_RETURN(calendar::Date first, calendar::parse_date(current.from(), "today"));
  for (;;) {
    LJ_ASSIGN_OR_RETURN(bool working, cal.is_working_day(first));
    if (working) break;
    first += std::chrono::days{1};
  }
  if (day < first) return 0;
  const evaluate::Period month = current.previous();
  LJ_ASSIGN_OR_RETURN(std::vector<Unit> units, store.list_units(""));
  EvaluationRepo repo(store);
  int stored = 0;
  for (const auto& u : units) {
    if (u.level != "province" && u.level != "city") continue;
    for (const char* format : kFormats) {
      LJ_ASSIGN_OR_RETURN(bool have, repo.has_report("dispatch", u.code, month.code(), format));
      if (have) continue;
      ReportRequest r;
      r.unit_code = u.code;
      r.period = month.code();
      r.format = format;
      r.origin = "schedule";
      r.replace = false;
      LJ_RETURN_IF_ERROR(
          produce_dispatch(store, Actor::system("dispatch-schedule"), r, scheme, hotspots, today)
              .status());
      ++stored;
    }
  }
  return stored;
}

void run_scheduled_dispatch_reports(Store& store, int64_t now_epoch_seconds,
                                    const std::string& data_dir) {
  auto cal = calendar::WorkCalendar::load(data_dir);
  auto scheme = evaluate::Scheme::load(data_dir);
  if (!cal.ok() || !scheme.ok()) {
    spdlog::warn("dispatch reports: {} {}", cal.status().to_string(), scheme.status().to_string());
    return;
  }
  const std::string today = format_time(now_epoch_seconds).substr(0, 10);
  auto n = produce_due_dispatch_reports(store.sql(), *cal, *scheme, screen::HotspotConfig{}, today);
  if (!n.ok())
    spdlog::warn("dispatch reports: {}", n.status().to_string());
  else if (*n > 0)
    spdlog::info("dispatch reports: stored {} files", *n);
}

}  // namespace lj::documents
