// Date arithmetic (std::chrono's civil calendar), parse_date, and the working-day calendar.
#include "clause_scan/calendar.h"

#include <algorithm>
#include <charconv>
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "numbers/lexer.h"

namespace clause_scan {
namespace {

namespace chrono = std::chrono;

constexpr int kFirstYear = 1900;  // a numeric date needs a year in this range: 7.1.10 is a
constexpr int kLastYear = 2100;   // clause number, not a date

constexpr int kMaxWorkingDays = 100000;  // about 400 years: the most add_working_days counts

chrono::year_month_day to_ymd(Date date) {
  return chrono::year_month_day{chrono::year{date.year},
                                chrono::month{static_cast<unsigned>(date.month)},
                                chrono::day{static_cast<unsigned>(date.day)}};
}

Date from_ymd(chrono::year_month_day ymd) {
  return Date{static_cast<int>(ymd.year()), static_cast<int>(static_cast<unsigned>(ymd.month())),
              static_cast<int>(static_cast<unsigned>(ymd.day()))};
}

std::string_view trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\r')) {
    text.remove_suffix(1);
  }
  return text;
}

// An unsigned decimal of `min_digits`..`max_digits` ASCII digits and nothing else.
std::optional<int> ascii_int(std::string_view text, std::size_t min_digits,
                             std::size_t max_digits) {
  if (text.size() < min_digits || text.size() > max_digits) return std::nullopt;
  int value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

std::optional<Date> checked_date(int year, int month, int day) {
  if (year < kFirstYear || year > kLastYear || !is_valid_date(year, month, day)) {
    return std::nullopt;
  }
  return Date{year, month, day};
}

// 2026-12-31, 2026.12.31, 2026/12/31, 2026-1-6: the same separator twice.
std::optional<Date> parse_numeric_date(std::string_view text) {
  if (text.size() < 8 || text.find_first_of("-./") != 4) return std::nullopt;
  const char separator = text[4];
  const std::size_t second = text.find(separator, 5);
  if (second == std::string_view::npos) return std::nullopt;
  const std::optional<int> year = ascii_int(text.substr(0, 4), 4, 4);
  const std::optional<int> month = ascii_int(text.substr(5, second - 5), 1, 2);
  const std::optional<int> day = ascii_int(text.substr(second + 1), 1, 2);
  if (!year || !month || !day) return std::nullopt;
  return checked_date(*year, *month, *day);
}

// The year of 年: four digits, as figures (2026), in words (二〇二六, 二零二六) or mixed as
// typed in old documents (一九八0).
std::optional<int> year_of(std::string_view text) {
  const auto tokens = numbers_internal::tokenize(text);
  if (!tokens) return std::nullopt;
  std::string digits;
  for (const numbers_internal::Token& token : *tokens) {
    if (token.read_by_digit) {
      digits.push_back(static_cast<char>('0' + token.value));
    } else if (token.kind == numbers_internal::TokenKind::arabic) {
      digits += token.text;
    } else {
      return std::nullopt;
    }
  }
  return ascii_int(digits, 4, 4);
}

// The month or day: 1-2 figures, or a small number in words (十二, 三十一); 元月 is January.
std::optional<int> month_or_day_of(std::string_view text) {
  if (text == "元") return 1;
  if (const std::optional<int> value = ascii_int(text, 1, 2)) return value;
  const auto tokens = numbers_internal::tokenize(text);
  if (!tokens || tokens->empty()) return std::nullopt;
  for (const numbers_internal::Token& token : *tokens) {
    using K = numbers_internal::TokenKind;
    if (token.kind != K::digit && token.kind != K::small_unit) return std::nullopt;
  }
  const auto number = numbers_internal::read_number(*tokens);
  if (!number || number->value.scale() != 0 || number->value.units() > 31) return std::nullopt;
  return static_cast<int>(number->value.units());
}

// 2026年12月31日, 2026 年 12 月 31 日, 二〇二六年元月十六日, 2026年1月6号.
std::optional<Date> parse_words_date(std::string_view text) {
  const std::size_t year_end = text.find("年");
  const std::size_t month_end = text.find("月");
  if (year_end == std::string_view::npos || month_end == std::string_view::npos ||
      month_end < year_end) {
    return std::nullopt;
  }
  std::string_view rest = text.substr(month_end + std::string_view("月").size());
  bool has_day_mark = false;
  for (std::string_view mark : {"日", "号", "號"}) {
    if (rest.ends_with(mark)) {
      rest.remove_suffix(mark.size());
      has_day_mark = true;
      break;
    }
  }
  if (!has_day_mark) return std::nullopt;
  const std::size_t month_start = year_end + std::string_view("年").size();
  const std::optional<int> year = year_of(trim(text.substr(0, year_end)));
  const std::optional<int> month =
      month_or_day_of(trim(text.substr(month_start, month_end - month_start)));
  const std::optional<int> day = month_or_day_of(trim(rest));
  if (!year || !month || !day) return std::nullopt;
  return checked_date(*year, *month, *day);
}

Error rule_error(std::string_view file, int line, std::string reason) {
  return Error{ErrorKind::rule, fmt::format("{}:{}", file, line), std::move(reason)};
}

std::vector<std::string_view> split_words(std::string_view line) {
  std::vector<std::string_view> words;
  while (true) {
    line = trim(line);
    if (line.empty()) return words;
    const std::size_t end = line.find_first_of(" \t");
    words.push_back(line.substr(0, end));
    if (end == std::string_view::npos) return words;
    line.remove_prefix(end);
  }
}

}  // namespace

std::string Date::iso() const { return fmt::format("{:04}-{:02}-{:02}", year, month, day); }

bool is_valid_date(int year, int month, int day) {
  if (month < 1 || month > 12 || day < 1 || day > 31) return false;
  return to_ymd(Date{year, month, day}).ok();
}

std::optional<Date> parse_date(std::string_view text) {
  text = trim(text);
  if (std::optional<Date> date = parse_numeric_date(text)) return date;
  return parse_words_date(text);
}

std::optional<Date> parse_iso_date(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  const std::optional<int> year = ascii_int(text.substr(0, 4), 4, 4);
  const std::optional<int> month = ascii_int(text.substr(5, 2), 2, 2);
  const std::optional<int> day = ascii_int(text.substr(8, 2), 2, 2);
  if (!year || !month || !day || !is_valid_date(*year, *month, *day)) return std::nullopt;
  return Date{*year, *month, *day};
}

int weekday(Date date) {
  return static_cast<int>(chrono::weekday{chrono::sys_days{to_ymd(date)}}.iso_encoding()) - 1;
}

Date add_days(Date date, int days) {
  return from_ymd(chrono::year_month_day{chrono::sys_days{to_ymd(date)} + chrono::days{days}});
}

Date add_months(Date date, int months) {
  chrono::year_month_day ymd = to_ymd(date) + chrono::months{months};
  if (!ymd.ok()) ymd = chrono::year_month_day_last{ymd.year(), chrono::month_day_last{ymd.month()}};
  return from_ymd(ymd);
}

// ---- WorkCalendar ----

Result<WorkCalendar> WorkCalendar::load(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Error{ErrorKind::io, path.string(), "cannot open the calendar file"};
  std::ostringstream text;
  text << in.rdbuf();
  if (in.bad()) return Error{ErrorKind::io, path.string(), "cannot read the calendar file"};
  return parse(text.str(), path.string());
}

Result<WorkCalendar> WorkCalendar::parse(std::string_view text, std::string_view file) {
  constexpr std::string_view kBom = "\xEF\xBB\xBF";
  if (text.starts_with(kBom)) text.remove_prefix(kBom.size());
  WorkCalendar calendar;
  bool has_years = false;
  int line_number = 0;
  while (!text.empty()) {
    ++line_number;
    const std::size_t end = text.find('\n');
    std::string_view line = text.substr(0, end);
    text.remove_prefix(end == std::string_view::npos ? text.size() : end + 1);
    line = line.substr(0, line.find('#'));
    const std::vector<std::string_view> words = split_words(line);
    if (words.empty()) continue;
    std::optional<std::string> problem = words[0] == "years" ? calendar.read_years(words, has_years)
                                                             : calendar.read_day(words, has_years);
    if (problem) return rule_error(file, line_number, std::move(*problem));
    has_years = true;
  }
  if (!has_years) return Error{ErrorKind::rule, std::string(file), "no 'years' line"};
  return calendar;
}

std::optional<std::string> WorkCalendar::read_years(const std::vector<std::string_view>& words,
                                                    bool has_years) {
  if (has_years) return "the 'years' line must come once, before the dates";
  if (words.size() < 2) return "'years' needs at least one year";
  for (std::size_t i = 1; i < words.size(); ++i) {
    const std::optional<int> year = ascii_int(words[i], 4, 4);
    if (!year || *year < kFirstYear || *year > kLastYear) {
      return fmt::format("'{}' is not a year", words[i]);
    }
    if (i > 1 && *year != last_year_ + 1) return "the years must follow one another";
    if (i == 1) first_year_ = *year;
    last_year_ = *year;
  }
  return std::nullopt;
}

std::optional<std::string> WorkCalendar::read_day(const std::vector<std::string_view>& words,
                                                  bool has_years) {
  const std::optional<Date> date = parse_iso_date(words[0]);
  if (!date) return fmt::format("'{}' is neither 'years' nor a date YYYY-MM-DD", words[0]);
  if (!has_years) return "the 'years' line must come before the dates";
  if (!covers(date->year)) return fmt::format("{} is outside the years listed", words[0]);
  if (holidays_.contains(*date) || workdays_.contains(*date)) {
    return fmt::format("{} is listed twice", words[0]);
  }
  const std::string_view kind = words.size() > 1 ? words[1] : std::string_view();
  if (kind == "holiday") {
    if (words.size() < 3) return "a holiday needs its name: 2026-01-01 holiday 元旦";
    holidays_.insert(*date);
    return std::nullopt;
  }
  if (kind == "workday") {
    if (words.size() != 2) return "nothing may follow 'workday'";
    if (weekday(*date) < 5)
      return fmt::format("{} is a weekday; only a weekend day is made a workday", words[0]);
    workdays_.insert(*date);
    return std::nullopt;
  }
  return fmt::format("expected 'holiday' or 'workday' after {}", words[0]);
}

bool WorkCalendar::covers(int year) const { return year >= first_year_ && year <= last_year_; }

bool WorkCalendar::is_working_day(Date date) const {
  if (holidays_.contains(date)) return false;
  if (workdays_.contains(date)) return true;
  return weekday(date) < 5;
}

WorkingDayResult WorkCalendar::add_working_days(Date start, int count) const {
  WorkingDayResult result{start, false};
  const int step = count < 0 ? -1 : 1;
  for (int remaining = std::min(std::abs(std::max(count, -kMaxWorkingDays)), kMaxWorkingDays);
       remaining > 0;) {
    result.date = add_days(result.date, step);
    if (!covers(result.date.year)) result.approximate = true;
    if (is_working_day(result.date)) --remaining;
  }
  return result;
}

}  // namespace clause_scan
