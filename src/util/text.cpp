#include "util/text.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

namespace clause_scan::util {
namespace {

int char_width(UChar32 c) {
  if (c < 0) return 1;
  if (u_getCombiningClass(c) != 0 || u_charType(c) == U_NON_SPACING_MARK) return 0;
  int width = u_getIntPropertyValue(c, UCHAR_EAST_ASIAN_WIDTH);
  return (width == U_EA_WIDE || width == U_EA_FULLWIDTH) ? 2 : 1;
}

}  // namespace

int display_width(std::string_view utf8) {
  int columns = 0;
  int32_t i = 0;
  const auto length = static_cast<int32_t>(utf8.size());
  while (i < length) {
    UChar32 c;
    U8_NEXT(utf8.data(), i, length, c);
    columns += char_width(c);
  }
  return columns;
}

std::size_t count_chars(std::string_view utf8) {
  std::size_t count = 0;
  int32_t i = 0;
  const auto length = static_cast<int32_t>(utf8.size());
  while (i < length) {
    UChar32 c;
    U8_NEXT(utf8.data(), i, length, c);
    ++count;
  }
  return count;
}

std::string pad_left(std::string_view utf8, int width) {
  int missing = width - display_width(utf8);
  std::string out(missing > 0 ? missing : 0, ' ');
  out.append(utf8);
  return out;
}

std::string pad_right(std::string_view utf8, int width) {
  int missing = width - display_width(utf8);
  std::string out(utf8);
  if (missing > 0) out.append(missing, ' ');
  return out;
}

std::string truncate_chars(std::string_view utf8, std::size_t max_chars) {
  int32_t i = 0;
  const auto length = static_cast<int32_t>(utf8.size());
  for (std::size_t n = 0; n < max_chars && i < length; ++n) {
    U8_FWD_1(utf8.data(), i, length);
  }
  if (i >= length) return std::string(utf8);
  return std::string(utf8.substr(0, i)) + "…";
}

std::string_view trim(std::string_view text) {
  constexpr std::string_view kIdeographicSpace = "\u3000";
  for (;;) {
    if (!text.empty() && (text.front() == ' ' || text.front() == '\t' || text.front() == '\r' ||
                          text.front() == '\n')) {
      text.remove_prefix(1);
    } else if (starts_with(text, kIdeographicSpace)) {
      text.remove_prefix(kIdeographicSpace.size());
    } else {
      break;
    }
  }
  for (;;) {
    if (!text.empty() &&
        (text.back() == ' ' || text.back() == '\t' || text.back() == '\r' || text.back() == '\n')) {
      text.remove_suffix(1);
    } else if (ends_with(text, kIdeographicSpace)) {
      text.remove_suffix(kIdeographicSpace.size());
    } else {
      break;
    }
  }
  return text;
}

bool starts_with(std::string_view text, std::string_view prefix) {
  return text.substr(0, prefix.size()) == prefix;
}

bool ends_with(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

std::string in_quotes(std::string_view text) {
  // Appended piece by piece: GCC 12 warns (-Wrestrict, a false alarm) on "\"" + std::string.
  std::string quoted(1, '"');
  quoted.append(text).push_back('"');
  return quoted;
}

}  // namespace clause_scan::util
