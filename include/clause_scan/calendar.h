// calendar.h: dates, and the Chinese working-day calendar.
//
// Date is a plain civil date. parse_date reads every way a contract writes one:
// 2026年12月31日, 2026 年 12 月 31 日, 2026-12-31, 2026.12.31, 2026/12/31, 2026-1-6,
// 二〇二六年一月十六日, 二零二六年元月十六日, 2026年1月6号 (normalized text: ASCII digits).
// The whole text must be the date. The year has four digits from 1900 to 2100, so clause
// numbers such as 7.1.10 or 1.1.2 are not dates; a two-digit year (26年) is not read.
//
// WorkCalendar holds the official public holidays and the make-up working days (调休) of
// the years it covers, loaded from rules/calendar-cn.txt. add_working_days counts 工作日
// with it; outside the covered years it counts Monday to Friday and says the result is
// approximate.
//
// Failure: parse_date returns std::nullopt for text that is not a valid date (2026年2月30日
// included). WorkCalendar::load fails with ErrorKind::io, or ErrorKind::rule whose `file`
// is "path:line" so that Error::message() reads "path:line: reason".
// Thread-safety: pure functions; a loaded WorkCalendar is immutable and may be shared.
#pragma once

#include <compare>
#include <filesystem>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "clause_scan/error.h"

namespace clause_scan {

struct Date {
  int year = 0;
  int month = 0;  // 1..12
  int day = 0;    // 1..31

  std::string iso() const;  // "2026-12-31"
  friend auto operator<=>(const Date&, const Date&) = default;
};

bool is_valid_date(int year, int month, int day);
std::optional<Date> parse_date(std::string_view text);
std::optional<Date> parse_iso_date(std::string_view text);  // "2026-12-31" only
int weekday(Date date);                                     // 0 = Monday .. 6 = Sunday
Date add_days(Date date, int days);                         // may be negative
Date add_months(Date date, int months);                     // clamps the day to the month's length

struct WorkingDayResult {
  Date date;
  bool approximate = false;  // a day outside the calendar's covered years was counted
};

class WorkCalendar {
 public:
  // Text format: "# comment", "years 2024 2025 2026" (consecutive years, once, first), then
  // one line per date of those years: "2026-01-01 holiday 元旦" or "2026-01-04 workday"
  // (a Saturday or Sunday that is worked). A date listed twice is an error.
  static Result<WorkCalendar> load(const std::filesystem::path& path);
  static Result<WorkCalendar> parse(std::string_view text, std::string_view file);

  bool covers(int year) const;
  bool is_working_day(Date date) const;
  // The date `count` working days after `start` (start itself not counted; a negative
  // count goes back; at most 100000 either way). Days outside the covered years count
  // Monday to Friday and set `approximate`.
  WorkingDayResult add_working_days(Date start, int count) const;

  int first_year() const { return first_year_; }
  int last_year() const { return last_year_; }

 private:
  // One line of the file, split into words; the reason it is wrong, if it is.
  std::optional<std::string> read_years(const std::vector<std::string_view>& words, bool has_years);
  std::optional<std::string> read_day(const std::vector<std::string_view>& words, bool has_years);

  int first_year_ = 0;
  int last_year_ = -1;
  std::set<Date> holidays_;
  std::set<Date> workdays_;
};

}  // namespace clause_scan
