// `lijian report dispatch --db URL --unit CODE --month YYYY-MM --format pdf|xlsx [--out FILE]`:
// produces the monthly dispatch report (调度会) of a league or the region, stores it (replacing
// a stored one of the same month and format) and writes it to FILE (default
// dispatch-CODE-YYYY-MM.FORMAT); prints the stored report's metadata as JSON.
// `lijian report due --db URL [--today YYYY-MM-DD]`: runs the scheduled production the server
// runs (the previous month's reports of the region and every league, on or after the month's
// first working day; those already stored are kept) and prints how many files it stored.
// `lijian report list --db URL [--unit CODE] [--kind K] [--period P]`: the stored reports.
#pragma once

namespace CLI {
class App;
}

namespace lj::cli {

void add_report_command(CLI::App& app, int& exit_code);

}  // namespace lj::cli
