// clause_number.cpp: reading clause numbers as values.
#include "check/clause_number.h"

#include "clause_scan/numbers.h"

namespace clause_scan::check_detail {
namespace {

bool starts_with(std::string_view text, std::string_view prefix) {
  return text.substr(0, prefix.size()) == prefix;
}
bool ends_with(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

// "(一)" -> "一", "1)" -> "1", "a" -> "a".
std::string_view strip_parens(std::string_view text) {
  if (starts_with(text, "(")) text.remove_prefix(1);
  if (ends_with(text, ")")) text.remove_suffix(1);
  return text;
}

std::optional<ClauseNumber> read_decimal(std::string_view number) {
  while (ends_with(number, ".")) number.remove_suffix(1);
  std::size_t last = number.find_last_of(".-");
  std::string_view tail = last == std::string_view::npos ? number : number.substr(last + 1);
  std::optional<long> value = read_integer(tail);
  if (!value) return std::nullopt;
  std::string prefix = last == std::string_view::npos ? "" : std::string(number.substr(0, last));
  for (char& c : prefix) c = c == '-' ? '.' : c;
  return ClauseNumber{"decimal " + prefix, *value};
}

std::optional<ClauseNumber> read_letter(std::string_view number) {
  std::string_view letter = strip_parens(number);
  if (letter.size() != 1) return std::nullopt;
  char c = letter[0];
  bool lower = c >= 'a' && c <= 'z';
  if (!lower && !(c >= 'A' && c <= 'Z')) return std::nullopt;
  std::string form = number.size() == 1 ? "" : starts_with(number, "(") ? "()" : ")";
  return ClauseNumber{std::string("letter ") + (lower ? "a" : "A") + form,
                      lower ? c - 'a' + 1 : c - 'A' + 1};
}

// ① .. ⑳ are U+2460 .. U+2473: E2 91 A0 .. E2 91 B3.
std::optional<ClauseNumber> read_circled(std::string_view number) {
  if (number.size() != 3 || static_cast<unsigned char>(number[0]) != 0xE2 ||
      static_cast<unsigned char>(number[1]) != 0x91) {
    return std::nullopt;
  }
  int offset = static_cast<unsigned char>(number[2]) - 0xA0;
  if (offset < 0 || offset > 19) return std::nullopt;
  return ClauseNumber{"circled", offset + 1};
}

// 第一章 / 第一节 / 第一部分 and 第一条: the numeral between 第 and the unit.
std::optional<ClauseNumber> read_ordinal(std::string_view number, std::string_view family_name) {
  if (!starts_with(number, "第")) return std::nullopt;
  number.remove_prefix(std::string_view("第").size());
  for (std::string_view unit : {"条", "章", "节", "部分"}) {
    if (!ends_with(number, unit)) continue;
    std::optional<long> value = read_integer(number.substr(0, number.size() - unit.size()));
    if (!value) return std::nullopt;
    return ClauseNumber{std::string(family_name) + " " + std::string(unit), *value};
  }
  return std::nullopt;
}

void collect(const Clause& clause, std::vector<const Clause*>& into) {
  into.push_back(&clause);
  for (const Clause& child : clause.children) collect(child, into);
}

}  // namespace

std::optional<long> read_integer(std::string_view text) {
  if (text.empty()) return std::nullopt;
  // "12" and "十二" both parse with scale 0; "1.5", "约十" and "三十几" are not clause numbers.
  std::optional<ParsedNumber> parsed = parse_number(text);
  if (!parsed || parsed->approximate || parsed->value.scale() != 0) return std::nullopt;
  if (parsed->value.units() < 0 || parsed->value.units() > 100000) return std::nullopt;
  return static_cast<long>(parsed->value.units());
}

std::optional<ClauseNumber> read_clause_number(const Clause& clause) {
  std::string_view number = clause.number;
  switch (clause.style) {
    case NumberStyle::part:
      return std::nullopt;
    case NumberStyle::chapter:
      return read_ordinal(number, "chapter");
    case NumberStyle::article:
      return read_ordinal(number, "article");
    case NumberStyle::chinese:
    case NumberStyle::paren_chinese:
    case NumberStyle::paren_arabic:
    case NumberStyle::arabic_paren: {
      std::optional<long> value = read_integer(strip_parens(number));
      if (!value) return std::nullopt;
      return ClauseNumber{std::string(to_string(clause.style)), *value};
    }
    case NumberStyle::decimal:
      return read_decimal(number);
    case NumberStyle::letter:
      return read_letter(number);
    case NumberStyle::circled:
      return read_circled(number);
  }
  return std::nullopt;
}

std::vector<OutlinePart> split_parts(const Outline& outline) {
  std::vector<OutlinePart> parts(1);
  for (const Clause& top : outline.clauses()) {
    if (top.style == NumberStyle::part) {
      OutlinePart part;
      part.part = &top;
      for (const Clause& child : top.children) collect(child, part.clauses);
      parts.push_back(std::move(part));
    } else {
      collect(top, parts.front().clauses);
    }
  }
  return parts;
}

}  // namespace clause_scan::check_detail
