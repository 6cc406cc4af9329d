// Dates: parse_date, date arithmetic, and working days with the shipped PRC holiday calendar
// (rules/calendar-cn.txt) and its loading errors.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "clause_scan/calendar.h"

namespace {

using clause_scan::Date;
using clause_scan::WorkCalendar;

struct Row {
  std::string input;
  std::string expected;  // ISO date, or "none"
};

std::string parsed(std::string_view text) {
  const auto date = clause_scan::parse_date(text);
  return date ? date->iso() : "none";
}

Date iso(std::string_view text) { return *clause_scan::parse_iso_date(text); }

const WorkCalendar& shipped_calendar() {
  static const clause_scan::Result<WorkCalendar> calendar =
      WorkCalendar::load(CLAUSE_SCAN_SOURCE_DIR "/rules/calendar-cn.txt");
  REQUIRE_MESSAGE(calendar.ok(), (calendar.ok() ? "" : calendar.error().message()));
  return calendar.value();
}

// "2026-10-10" or "2027-01-01 approximate".
std::string after_working_days(std::string_view start, int count) {
  const auto result = shipped_calendar().add_working_days(iso(start), count);
  return result.date.iso() + (result.approximate ? " approximate" : "");
}

std::string load_error(std::string_view text) {
  const auto calendar = WorkCalendar::parse(text, "cal.txt");
  if (calendar.ok()) return "ok";
  return std::string(to_string(calendar.error().kind)) + ": " + calendar.error().message();
}

}  // namespace

TEST_CASE("parse_date reads the ways contracts write a date") {
  const std::vector<Row> rows{
      {"2026年12月31日", "2026-12-31"},
      {"2026 年 12 月 31 日", "2026-12-31"},
      {"2026年01月16日", "2026-01-16"},
      {"2026年1月6号", "2026-01-06"},
      {"2026-12-31", "2026-12-31"},
      {"2026.12.31", "2026-12-31"},
      {"2026/12/31", "2026-12-31"},
      {"2026-1-6", "2026-01-06"},
      {" 2026-12-31 ", "2026-12-31"},
      {"二〇二六年一月十六日", "2026-01-16"},
      {"二零二六年元月十六日", "2026-01-16"},
      {"二〇二六年十二月三十一日", "2026-12-31"},
      {"一九九九年十二月三十一日", "1999-12-31"},
      {"一九八0年九月十日", "1980-09-10"},  // mixed digits, as old typed documents have it
      {"二〇二六年二月二十日", "2026-02-20"},
      {"2024年2月29日", "2024-02-29"},
      {"2000-02-29", "2000-02-29"},
      {"1900-01-01", "1900-01-01"},
      {"2100-12-31", "2100-12-31"},
      // not dates
      {"2026年2月30日", "none"},
      {"2025-02-29", "none"},
      {"1900-02-29", "none"},
      {"2026年13月1日", "none"},
      {"2026年1月32日", "none"},
      {"2026年0月10日", "none"},
      {"7.1.10", "none"},  // clause numbers
      {"1.1.2", "none"},
      {"10.1.2026", "none"},
      {"2026年12月", "none"},  // no day
      {"26年1月6日", "none"},  // two-digit year
      {"1899-12-31", "none"},
      {"2101-01-01", "none"},
      {"2026/12-31", "none"},
      {"2026-12-31日", "none"},
      {"2026年12月31日前", "none"},
      {"二〇二六年一月十六", "none"},
      {"二〇二六年十三月一日", "none"},
      {"二六年一月一日", "none"},
      {"合同签订日", "none"},
      {"", "none"},
  };
  for (const Row& row : rows) {
    CAPTURE(row.input);
    CHECK(parsed(row.input) == row.expected);
  }
}

TEST_CASE("parse_iso_date takes YYYY-MM-DD only") {
  CHECK(clause_scan::parse_iso_date("2026-12-31")->iso() == "2026-12-31");
  CHECK_FALSE(clause_scan::parse_iso_date("2026-1-6"));
  CHECK_FALSE(clause_scan::parse_iso_date("2026/12/31"));
  CHECK_FALSE(clause_scan::parse_iso_date("2026-02-30"));
}

TEST_CASE("date arithmetic: weekdays, days and months") {
  CHECK(Date{2026, 1, 6}.iso() == "2026-01-06");
  CHECK(clause_scan::weekday(iso("2026-01-01")) == 3);  // Thursday
  CHECK(clause_scan::weekday(iso("2026-01-05")) == 0);  // Monday
  CHECK(clause_scan::weekday(iso("2026-01-04")) == 6);  // Sunday
  CHECK(clause_scan::add_days(iso("2026-12-31"), 1).iso() == "2027-01-01");
  CHECK(clause_scan::add_days(iso("2024-02-28"), 1).iso() == "2024-02-29");
  CHECK(clause_scan::add_days(iso("2026-03-01"), -1).iso() == "2026-02-28");
  CHECK(clause_scan::add_days(iso("2026-01-01"), 365).iso() == "2027-01-01");
  CHECK(clause_scan::add_months(iso("2026-01-31"), 1).iso() == "2026-02-28");
  CHECK(clause_scan::add_months(iso("2024-01-31"), 1).iso() == "2024-02-29");
  CHECK(clause_scan::add_months(iso("2026-12-15"), 1).iso() == "2027-01-15");
  CHECK(clause_scan::add_months(iso("2026-03-31"), -1).iso() == "2026-02-28");
  CHECK(clause_scan::add_months(iso("2026-05-20"), 12).iso() == "2027-05-20");
  CHECK(clause_scan::add_months(iso("2026-05-20"), -17).iso() == "2024-12-20");
  CHECK(iso("2026-01-01") < iso("2026-01-02"));
}

TEST_CASE("the shipped calendar covers 2023 to 2026") {
  const WorkCalendar& calendar = shipped_calendar();
  CHECK(calendar.first_year() == 2023);
  CHECK(calendar.last_year() == 2026);
  CHECK(calendar.covers(2024));
  CHECK_FALSE(calendar.covers(2022));
  CHECK_FALSE(calendar.covers(2027));
}

TEST_CASE("the shipped calendar follows the State Council notices") {
  struct Day {
    const char* date;
    bool working;
  };
  const std::vector<Day> days{
      {"2026-01-01", false}, {"2026-01-02", false}, {"2026-01-04", true},   // 元旦, Sunday worked
      {"2026-02-14", true},  {"2026-02-16", false}, {"2026-02-23", false},  // 春节 (9 days)
      {"2026-02-24", true},  {"2026-02-28", true},  {"2026-04-06", false},  // 清明 Monday
      {"2026-05-05", false}, {"2026-05-09", true},  {"2026-06-19", false},  // 劳动节, 端午
      {"2026-09-20", true},  {"2026-09-25", false}, {"2026-10-07", false},  // 中秋, 国庆
      {"2026-10-08", true},  {"2026-10-10", true},  {"2026-07-04", false},  // plain Saturday
      {"2026-07-06", true},  {"2025-01-28", false}, {"2025-01-26", true},
      {"2025-02-08", true},  // 2025: 除夕 off
      {"2025-05-02", false}, {"2025-04-27", true},  {"2025-10-08", false},
      {"2025-10-11", true},  {"2025-06-02", false}, {"2024-02-09", true},
      {"2024-02-04", true},  {"2024-02-18", true},  // 2024: 除夕 worked
      {"2024-04-07", true},  {"2024-05-11", true},  {"2024-06-10", false},
      {"2024-09-14", true},  {"2024-09-16", false}, {"2024-10-12", true},
      {"2023-01-02", false}, {"2023-01-28", true},  {"2023-01-29", true},  // 2023
      {"2023-04-05", false}, {"2023-06-25", true},  {"2023-10-06", false},
      {"2023-10-07", true},  {"2023-10-08", true},
  };
  for (const Day& day : days) {
    CAPTURE(day.date);
    CHECK(shipped_calendar().is_working_day(iso(day.date)) == day.working);
  }
}

TEST_CASE("add_working_days counts 工作日 across holidays and make-up days") {
  const std::vector<std::tuple<const char*, int, std::string>> cases{
      {"2026-09-30", 1, "2026-10-08"},  // 国庆: 10-01 to 10-07 off
      {"2026-09-30", 3, "2026-10-10"},  // ... and Saturday 10-10 is worked
      {"2026-09-30", 4, "2026-10-12"},
      {"2026-10-01", 1, "2026-10-08"},  // from inside the holiday
      {"2026-02-13", 1, "2026-02-14"},  // 春节 2026: Saturday 02-14 worked
      {"2026-02-13", 2, "2026-02-24"},  // then 02-15 to 02-23 off
      {"2025-01-24", 1, "2025-01-26"},  // 春节 2025: Sunday 01-26 worked
      {"2025-01-24", 3, "2025-02-05"},  // 01-28 (除夕) to 02-04 off
      {"2026-09-18", 1, "2026-09-20"},  // a make-up Sunday
      {"2024-05-10", 1, "2024-05-11"},  // a make-up Saturday
      {"2025-12-31", 1, "2026-01-04"},  // 元旦 2026 into the make-up Sunday
      {"2026-07-03", 5, "2026-07-10"},  // plain weeks
      {"2026-07-03", 0, "2026-07-03"},
      {"2026-10-08", -1, "2026-09-30"},  // backwards
      {"2026-02-24", -1, "2026-02-14"},
      // outside the covered years: Monday to Friday, flagged
      {"2026-12-31", 1, "2027-01-01 approximate"},
      {"2030-06-03", 5, "2030-06-10 approximate"},
      {"2022-12-30", 1, "2023-01-03 approximate"},  // 2022-12-31 counted as a plain weekend
      {"2023-01-03", -1, "2022-12-30 approximate"},
  };
  for (const auto& [start, count, expected] : cases) {
    CAPTURE(start);
    CAPTURE(count);
    CHECK(after_working_days(start, count) == expected);
  }
}

TEST_CASE("WorkCalendar::parse reports the file and line of what is wrong") {
  CHECK(load_error("# a comment\n\nyears 2026\n2026-01-01 holiday 元旦\n") == "ok");
  CHECK(load_error("years 2026\r\n2026-01-01 holiday 元旦\r\n2026-01-04 workday # Sunday\r\n") ==
        "ok");
  CHECK(load_error("\xEF\xBB\xBFyears 2026\n") == "ok");  // a byte-order mark
  CHECK(load_error("2026-01-01 holiday 元旦\n") ==
        "rule: cal.txt:1: the 'years' line must come before the dates");
  CHECK(load_error("years 2026\n2026-02-30 holiday 春节\n") ==
        "rule: cal.txt:2: '2026-02-30' is neither 'years' nor a date YYYY-MM-DD");
  CHECK(load_error("years 2026\n2027-01-01 holiday 元旦\n") ==
        "rule: cal.txt:2: 2027-01-01 is outside the years listed");
  CHECK(load_error("years 2026\n\n2026-01-05 workday\n") ==
        "rule: cal.txt:3: 2026-01-05 is a weekday; only a weekend day is made a workday");
  CHECK(load_error("years 2026\n2026-01-01 holiday\n") ==
        "rule: cal.txt:2: a holiday needs its name: 2026-01-01 holiday 元旦");
  CHECK(load_error("years 2026\n2026-01-04 workday 元旦\n") ==
        "rule: cal.txt:2: nothing may follow 'workday'");
  CHECK(load_error("years 2026\n2026-01-01 holiday 元旦\n2026-01-01 holiday 元旦\n") ==
        "rule: cal.txt:3: 2026-01-01 is listed twice");
  CHECK(load_error("years 2026\n2026-01-01 vacation\n") ==
        "rule: cal.txt:2: expected 'holiday' or 'workday' after 2026-01-01");
  CHECK(load_error("years 2024 2026\n") == "rule: cal.txt:1: the years must follow one another");
  CHECK(load_error("years 2026\nyears 2026\n") ==
        "rule: cal.txt:2: the 'years' line must come once, before the dates");
  CHECK(load_error("years\n") == "rule: cal.txt:1: 'years' needs at least one year");
  CHECK(load_error("years 26\n") == "rule: cal.txt:1: '26' is not a year");
  CHECK(load_error("# nothing but comments\n") == "rule: cal.txt: no 'years' line");
}

TEST_CASE("WorkCalendar::load of a missing file is an io error") {
  const auto calendar = WorkCalendar::load(CLAUSE_SCAN_SOURCE_DIR "/rules/no-such-calendar.txt");
  REQUIRE_FALSE(calendar.ok());
  CHECK(calendar.error().kind == clause_scan::ErrorKind::io);
  CHECK(calendar.error().file == CLAUSE_SCAN_SOURCE_DIR "/rules/no-such-calendar.txt");
}
