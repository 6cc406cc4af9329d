// extract/dates_words.h: reading the words of a date or of a period's end (internal).
//
// Dates, periods and durations read what their rules captured through these helpers, so that
// a filled-in template (__2026__年_02_月_04_日) and a blank one (    年   月   日) are told
// apart the same way everywhere.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

#include "clause_scan/calendar.h"
#include "clause_scan/rules.h"

namespace clause_scan::extract {

// The date the words give (parse_date, once the '_' of a filled-in blank are removed), or
// std::nullopt.
std::optional<Date> read_date(std::string_view words);

// True when the words are an unfilled template: a run of '_' or of two spaces or more
// (合同约定的      日), or date marks with nothing in them (  年  月  日, 199 年 月 日).
bool is_blank_template(std::string_view words);

// True when [begin, end) lies inside the capture.
inline bool lies_within(std::size_t begin, std::size_t end, const Capture& capture) {
  return capture.begin <= begin && end <= capture.end;
}

}  // namespace clause_scan::extract
