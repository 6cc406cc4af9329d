// util/text.h: small UTF-8 helpers on top of ICU, with no clause-scan types in them.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace clause_scan::util {

// Columns a terminal gives the text: 2 for East Asian wide and full-width characters,
// 0 for combining marks, 1 otherwise.
int display_width(std::string_view utf8);

// Number of code points in `utf8` (invalid bytes count one each).
std::size_t count_chars(std::string_view utf8);

// `utf8` padded with spaces on the left (right-aligned) or right to `width` columns.
std::string pad_left(std::string_view utf8, int width);
std::string pad_right(std::string_view utf8, int width);

// At most `max_chars` code points of `utf8`, with "…" appended when it was cut.
std::string truncate_chars(std::string_view utf8, std::size_t max_chars);

// Leading and trailing ASCII white space and U+3000 removed.
std::string_view trim(std::string_view text);

// "text": quoted for an error message.
std::string in_quotes(std::string_view text);

bool starts_with(std::string_view text, std::string_view prefix);
bool ends_with(std::string_view text, std::string_view suffix);

}  // namespace clause_scan::util
