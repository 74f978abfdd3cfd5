// `lijian calendar add --from DATE --working-days N` (CONTRACTS.md): the due date N working days
// after DATE under the official calendar (data/calendar/cn-holidays.json), the start day not
// counted. Also `lijian calendar check DATE`: whether a date is a working day.
#pragma once

namespace CLI {
class App;
}

namespace lj::cli {

// Registers the subcommand on `app`; its callback sets `exit_code`: 0 with the answer on
// stdout, 1 with the reason on stderr when an input is bad or the calendar does not cover the
// dates. `exit_code` must outlive app.parse().
void add_calendar_command(CLI::App& app, int& exit_code);

}  // namespace lj::cli
