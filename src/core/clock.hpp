// Time behind an interface so tests can fix "now". All civil times are Asia/Shanghai (UTC+8,
// no daylight saving since 1991) and are stored as ISO 8601 text "YYYY-MM-DDTHH:MM:SS+08:00",
// which sorts the same as the instants it names.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace lj {

class Clock {
 public:
  virtual ~Clock() = default;
  // Seconds since the Unix epoch.
  virtual int64_t now() const = 0;
};

class SystemClock final : public Clock {
 public:
  int64_t now() const override;
};

class FixedClock final : public Clock {
 public:
  explicit FixedClock(int64_t t) : t_(t) {}
  int64_t now() const override { return t_; }
  void advance(int64_t seconds) { t_ += seconds; }

 private:
  int64_t t_;
};

const Clock& system_clock();

// Formats an instant as Shanghai local time with offset, e.g. 2018-04-02T09:30:00+08:00.
std::string format_time(int64_t epoch_seconds);

// Parses "YYYY-MM-DD", "YYYY-MM-DD HH:MM[:SS]", "YYYY-MM-DDTHH:MM[:SS][.fff][Z|±HH:MM]" and
// "YYYY/MM/DD"; a time without zone is Shanghai time, a date alone is its midnight.
// Returns epoch seconds, or nothing when the text is not such a time or names an impossible date.
std::optional<int64_t> parse_time(std::string_view text);

// Days since 1970-01-01 for a proleptic Gregorian civil date (Howard Hinnant's algorithm).
int64_t days_from_civil(int y, unsigned m, unsigned d);

}  // namespace lj
