// numbers_fuzzer: the number, money, rate and date parsers on arbitrary bytes, and the
// formatting of arbitrary values.
// Properties: no parser crashes on any bytes; a value that was printed parses back to itself:
// Decimal::parse(to_string / to_fixed / to_grouped), parse_number(to_string),
// parse_money(format_money + "元") (the value rounded to cents), parse_rate(format_percent +
// "%"), parse_date of a date's ISO and Chinese forms; what a parser reads parses back the same
// once printed; add then sub gives the value back.
#include <fuzzer/FuzzedDataProvider.h>

#include <cstddef>
#include <cstdint>
#include <limits>
#include <string>
#include <string_view>

#include "clause_scan/calendar.h"
#include "clause_scan/numbers.h"
#include "fuzz_support.h"

namespace {

using clause_scan::Date;
using clause_scan::Decimal;

// Whether `value` rounded to cents still fits a Decimal at two decimals (format_money's form).
bool fits_in_cents(Decimal value) {
  const Decimal cents = value.round(2);
  __int128 units = cents.units();
  for (int scale = cents.scale(); scale < 2; ++scale) units *= 10;
  return units >= std::numeric_limits<std::int64_t>::min() &&
         units <= std::numeric_limits<std::int64_t>::max();
}

void check_decimal_prints(Decimal value) {
  const std::string shortest = value.to_string();
  const auto parsed = Decimal::parse(shortest);
  FUZZ_CHECK(parsed && *parsed == value, "Decimal::parse(\"%s\")", shortest.c_str());
  const std::string fixed = value.to_fixed(value.scale());
  FUZZ_CHECK(Decimal::parse(fixed) == value, "Decimal::parse(\"%s\")", fixed.c_str());
  const std::string grouped = value.to_grouped(value.scale());
  FUZZ_CHECK(Decimal::parse(grouped) == value, "Decimal::parse(\"%s\")", grouped.c_str());
}

void check_number_prints(Decimal value) {
  const std::string printed = value.to_string();
  const auto number = clause_scan::parse_number(printed);
  FUZZ_CHECK(number && number->value == value && !number->approximate, "parse_number(\"%s\")",
             printed.c_str());
}

void check_money_prints(Decimal value) {
  if (!fits_in_cents(value)) return;
  const std::string printed = clause_scan::format_money(value) + "元";
  const auto money = clause_scan::parse_money(printed);
  FUZZ_CHECK(money && money->value == value.round(2) && money->currency == "CNY",
             "parse_money(\"%s\")", printed.c_str());
  const std::string grouped = "人民币" + value.to_grouped(2) + "元";
  const auto grouped_money = clause_scan::parse_money(grouped);
  FUZZ_CHECK(grouped_money && grouped_money->value == value.round(2), "parse_money(\"%s\")",
             grouped.c_str());
}

void check_rate_prints(Decimal percent) {
  const std::string printed = clause_scan::format_percent(percent) + "%";
  const auto rate = clause_scan::parse_rate(printed);
  FUZZ_CHECK(rate && rate->percent == percent && rate->kind == clause_scan::RateKind::percent &&
                 rate->per == clause_scan::RatePer::none,
             "parse_rate(\"%s\")", printed.c_str());
}

void check_date_prints(Date date) {
  const std::string iso = date.iso();
  FUZZ_CHECK(clause_scan::parse_date(iso) == date, "parse_date(\"%s\")", iso.c_str());
  FUZZ_CHECK(clause_scan::parse_iso_date(iso) == date, "parse_iso_date(\"%s\")", iso.c_str());
  const std::string chinese = std::to_string(date.year) + "年" + std::to_string(date.month) + "月" +
                              std::to_string(date.day) + "日";
  FUZZ_CHECK(clause_scan::parse_date(chinese) == date, "parse_date(\"%s\")", chinese.c_str());
}

// Every value printed parses back (negative values: Decimal::parse only; the Chinese parsers
// read 负 and contracts write no negative sums or rates).
void check_value(Decimal value) {
  check_decimal_prints(value);
  if (value.units() < 0) return;
  check_number_prints(value);
  check_money_prints(value);
  check_rate_prints(value);
}

// The parsers on the raw words; what they read, printed, reads back the same.
void check_text(std::string_view text) {
  if (auto decimal = Decimal::parse(text)) check_decimal_prints(*decimal);
  if (auto number = clause_scan::parse_number(text); number && number->value.units() >= 0) {
    check_number_prints(number->value);
  }
  if (auto money = clause_scan::parse_money(text); money && money->value.units() >= 0) {
    check_money_prints(money->value);
  }
  if (auto rate = clause_scan::parse_rate(text); rate && rate->percent.units() >= 0) {
    check_rate_prints(rate->percent);
  }
  if (auto date = clause_scan::parse_date(text)) {
    FUZZ_CHECK(clause_scan::is_valid_date(date->year, date->month, date->day), "invalid date");
    check_date_prints(*date);
  }
  (void)clause_scan::parse_iso_date(text);
}

void check_values(FuzzedDataProvider& provider) {
  const Decimal value = Decimal::from_units(provider.ConsumeIntegral<std::int64_t>(),
                                            provider.ConsumeIntegralInRange(0, 12));
  check_value(value);
  const Decimal other = Decimal::from_units(provider.ConsumeIntegral<std::int64_t>(),
                                            provider.ConsumeIntegralInRange(0, 12));
  if (auto sum = value.add(other)) {
    FUZZ_CHECK(sum->sub(other) == value, "(%s + %s) - %s", value.to_string().c_str(),
               other.to_string().c_str(), other.to_string().c_str());
  }
  const Date date{provider.ConsumeIntegralInRange(1900, 2100),
                  provider.ConsumeIntegralInRange(1, 12), provider.ConsumeIntegralInRange(1, 31)};
  if (clause_scan::is_valid_date(date.year, date.month, date.day)) check_date_prints(date);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  check_text(std::string_view(reinterpret_cast<const char*>(data), size));
  FuzzedDataProvider provider(data, size);
  check_values(provider);
  return 0;
}
