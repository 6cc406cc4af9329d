#include "extract/dates_words.h"

#include <string>

namespace clause_scan::extract {
namespace {

std::string without_blanks(std::string_view words) {
  std::string kept;
  for (char c : words) {
    if (c != '_' && c != ' ' && c != '\t') kept.push_back(c);
  }
  return kept;
}

}  // namespace

std::optional<Date> read_date(std::string_view words) {
  std::string kept;
  for (char c : words) {
    if (c != '_') kept.push_back(c);
  }
  return parse_date(kept);
}

bool is_blank_template(std::string_view words) {
  if (words.find("__") != std::string_view::npos) return true;
  if (words.find("  ") != std::string_view::npos || words.find("\t") != std::string_view::npos) {
    return true;
  }
  // Date marks next to each other once the blanks are gone: 年月日, 199年月日, 年月.
  const std::string kept = without_blanks(words);
  for (std::string_view empty : {"年月", "月日", "月号"}) {
    if (kept.find(empty) != std::string::npos) return true;
  }
  return false;
}

}  // namespace clause_scan::extract
