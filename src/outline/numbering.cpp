// numbering.cpp: the line classifier of the outline stage (see numbering.h).
//
// Hand-written prefix checks instead of regular expressions: the outline runs on every line of
// every document and almost every line fails on its first byte.
#include "outline/numbering.h"

#include <algorithm>
#include <climits>
#include <cstring>
#include <span>
#include <tuple>

#include <unicode/utf8.h>

namespace clause_scan::outline_internal {
namespace {

constexpr std::string_view kIdeographicSpace = "\u3000";

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_ascii_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

bool at(std::string_view line, std::size_t pos, std::string_view literal) {
  return pos <= line.size() && line.substr(pos).starts_with(literal);
}

bool at_any(std::string_view line, std::size_t pos, std::span<const std::string_view> list) {
  return std::any_of(list.begin(), list.end(),
                     [&](std::string_view literal) { return at(line, pos, literal); });
}
bool at_any(std::string_view line, std::size_t pos, std::initializer_list<std::string_view> list) {
  return at_any(line, pos, std::span(list.begin(), list.size()));
}

// `text.find(marker, from)`, searching for the marker's last byte: in Chinese text the lead
// byte of a UTF-8 character (E4..E9) is everywhere and a given last byte is rare, so memchr
// stops far less often. This runs on every line.
std::size_t find_marker(std::string_view text, std::string_view marker, std::size_t from = 0) {
  if (marker.empty()) return from <= text.size() ? from : std::string_view::npos;
  for (std::size_t pos = from + marker.size() - 1; pos < text.size(); ++pos) {
    const void* hit = std::memchr(text.data() + pos, marker.back(), text.size() - pos);
    if (hit == nullptr) return std::string_view::npos;
    pos = static_cast<std::size_t>(static_cast<const char*>(hit) - text.data());
    const std::size_t begin = pos + 1 - marker.size();
    if (text.substr(begin, marker.size()) == marker) return begin;
  }
  return std::string_view::npos;
}

bool contains_any(std::string_view text, std::span<const std::string_view> list) {
  return std::any_of(list.begin(), list.end(), [&](std::string_view literal) {
    return find_marker(text, literal) != std::string_view::npos;
  });
}
bool contains_any(std::string_view text, std::initializer_list<std::string_view> list) {
  return contains_any(text, std::span(list.begin(), list.size()));
}

std::size_t skip_spaces(std::string_view line, std::size_t pos) {
  while (pos < line.size()) {
    if (line[pos] == ' ' || line[pos] == '\t') {
      ++pos;
    } else if (line[pos] == kIdeographicSpace[0] && at(line, pos, kIdeographicSpace)) {
      pos += kIdeographicSpace.size();
    } else {
      break;
    }
  }
  return pos;
}

// --- Chinese numerals -------------------------------------------------------------------------

// One numeral character: a digit 0..9 (unit 0) or a unit 10/100/1000 (digit -1).
struct NumeralChar {
  int digit;
  int unit;
};

constexpr std::size_t kNumeralBytes = 3;  // every numeral character is 3 bytes of UTF-8

// The code point at byte `pos` of `text`, or -1 at the end or on ill-formed UTF-8.
UChar32 code_point_at(std::string_view text, std::size_t pos) {
  if (pos >= text.size()) return -1;
  UChar32 c = 0;
  const auto* bytes = reinterpret_cast<const uint8_t*>(text.data());
  int32_t index = static_cast<int32_t>(pos);
  U8_NEXT(bytes, index, static_cast<int32_t>(text.size()), c);
  return c;
}

std::optional<NumeralChar> numeral_char(std::string_view text, std::size_t pos) {
  switch (code_point_at(text, pos)) {
    case U'零':
    case U'〇':
      return NumeralChar{0, 0};
    case U'一':
      return NumeralChar{1, 0};
    case U'二':
    case U'两':
      return NumeralChar{2, 0};
    case U'三':
      return NumeralChar{3, 0};
    case U'四':
      return NumeralChar{4, 0};
    case U'五':
      return NumeralChar{5, 0};
    case U'六':
      return NumeralChar{6, 0};
    case U'七':
      return NumeralChar{7, 0};
    case U'八':
      return NumeralChar{8, 0};
    case U'九':
      return NumeralChar{9, 0};
    case U'十':
      return NumeralChar{-1, 10};
    case U'百':
      return NumeralChar{-1, 100};
    case U'千':
      return NumeralChar{-1, 1000};
    default:
      return std::nullopt;
  }
}

// Bytes of the run of numeral characters at `pos`.
std::size_t numeral_run(std::string_view text, std::size_t pos) {
  std::size_t end = pos;
  while (numeral_char(text, end)) end += kNumeralBytes;
  return end - pos;
}

// --- Units: a number followed by one of these is a quantity, not a clause number ----------

// Units that make a quantity whatever follows them.
constexpr std::string_view kStrongUnits[] = {"元",   "万",   "亿",   "%",    "‰",    "倍",
                                             "米",   "吨",   "℃",    "小时", "分钟", "工作日",
                                             "平方", "立方", "公斤", "千克", "公里", "千米",
                                             "厘米", "毫米", "美元", "港币", "港元"};
// Units that are also the first character of ordinary words (日常, 年度, 人员): a quantity
// only when followed by a boundary character (日内, 年以上, 个月) or nothing.
constexpr std::string_view kWeakUnits[] = {"个", "日", "天", "月", "年", "周", "岁", "度",
                                           "秒", "次", "克", "斤", "亩", "台", "套", "件",
                                           "份", "页", "人", "期", "项", "条", "款", "号"};
constexpr std::string_view kUnitBoundaries[] = {
    "内", "以", "后", "前", "之", "的", "起", "止", "为", "左", "至", "或", "和", "及",
    "计", "整", "工", "月", "日", "小", "分", "时", "个", "期", "次", "、", "。", "，"};

// First characters of the units above: most text fails this cheap check.
constexpr UChar32 kUnitInitials[] = {U'元', U'万', U'亿', U'%',  U'‰',  U'倍', U'米', U'吨', U'℃',
                                     U'小', U'分', U'工', U'平', U'立', U'公', U'千', U'厘', U'毫',
                                     U'美', U'港', U'个', U'日', U'天', U'月', U'年', U'周', U'岁',
                                     U'度', U'秒', U'次', U'克', U'斤', U'亩', U'台', U'套', U'件',
                                     U'份', U'页', U'人', U'期', U'项', U'条', U'款', U'号'};

bool starts_with_unit(std::string_view text) {
  const UChar32 first = code_point_at(text, 0);
  if (std::find(std::begin(kUnitInitials), std::end(kUnitInitials), first) ==
      std::end(kUnitInitials)) {
    return false;
  }
  if (at_any(text, 0, kStrongUnits)) return true;
  for (std::string_view unit : kWeakUnits) {
    if (!at(text, 0, unit)) continue;
    const std::size_t next = unit.size();
    if (next >= text.size() || static_cast<unsigned char>(text[next]) < 0x80) return true;
    return at_any(text, next, kUnitBoundaries);
  }
  return false;
}

// --- Parsers of the numbering styles ------------------------------------------------------

// A parsed numbering before its heading: `end` is the offset after the separator.
struct Parsed {
  NumberStyle style = NumberStyle::decimal;
  int form = 0;
  std::string number;
  int depth = 1;
  std::array<int, kMaxDecimalDepth> values{};
  std::size_t end = 0;
};

// Reads 1..3 ASCII digits at `pos` into `value`; false on none or on more than three.
bool read_component(std::string_view line, std::size_t& pos, int& value) {
  std::size_t end = pos;
  value = 0;
  while (end < line.size() && is_digit(line[end])) {
    value = value * 10 + (line[end] - '0');
    if (++end - pos > 3) return false;
  }
  if (end == pos) return false;
  pos = end;
  return true;
}

// An optional '.' or '、' after a numbering that carries its own brackets: "(一)、", "①.".
std::size_t skip_optional_separator(std::string_view line, std::size_t pos) {
  if (pos < line.size() && line[pos] == '.') return pos + 1;
  if (at(line, pos, "、")) return pos + std::string_view("、").size();
  return pos;
}

// The components "4.1.1" or "3-5-1" at `pos`; `delimiter` is set to '.' or '-' when there are
// two or more. False on a component of more than three digits (years, amounts, phones).
bool read_components(std::string_view line, std::size_t& pos, Parsed& parsed, char& delimiter) {
  if (!read_component(line, pos, parsed.values[0])) return false;
  delimiter = 0;
  // A component never starts with 0: "1.0.5节" is "1." followed by "0.5节".
  while (pos + 1 < line.size() && (line[pos] == '.' || line[pos] == '-') &&
         is_digit(line[pos + 1]) && line[pos + 1] != '0') {
    if ((delimiter != 0 && line[pos] != delimiter) || parsed.depth == kMaxDecimalDepth) {
      return false;
    }
    delimiter = line[pos++];
    if (!read_component(line, pos, parsed.values[parsed.depth])) return false;
    ++parsed.depth;
  }
  return true;
}

// What follows a multi-level number written without a separator ("1.1 定义", "4.1.1本项目"):
// a space, the end of the line or a non-ASCII character, and no unit ("3.5 万元").
bool valid_after_bare_number(std::string_view line, std::size_t pos) {
  if (pos < line.size() && line[pos] != ' ' && static_cast<unsigned char>(line[pos]) < 0x80) {
    return false;
  }
  return !starts_with_unit(line.substr(skip_spaces(line, pos)));
}

// 1. / 1、 / 1.1 / 4.1.1 / 1.1. / 3-5-1 (decimal) and 1) (arabic_paren).
std::optional<Parsed> parse_arabic(std::string_view line, std::size_t pos) {
  Parsed parsed;
  std::size_t i = pos;
  char delimiter = 0;
  if (!read_components(line, i, parsed, delimiter)) return std::nullopt;
  if (parsed.values[0] > kMaxNumberValue) return std::nullopt;
  if (parsed.depth >= 2 && parsed.values[0] == 0) return std::nullopt;  // "0.5节", a fraction
  std::size_t number_end = i;
  if (delimiter == '-') {
    // "1-1 “协议书”是指…": legacy multi-level numbering, always followed by a space.
    if (i >= line.size() || line[i] != ' ' || !valid_after_bare_number(line, i)) {
      return std::nullopt;
    }
    parsed.end = i;
  } else if (i < line.size() && line[i] == '.') {
    parsed.end = i + 1;
  } else if (at(line, i, "、")) {
    parsed.end = i + std::string_view("、").size();
  } else if (i < line.size() && line[i] == ')' && parsed.depth == 1) {
    parsed.style = NumberStyle::arabic_paren;
    number_end = parsed.end = i + 1;
  } else if (parsed.depth >= 2 && valid_after_bare_number(line, i)) {
    parsed.end = i;
  } else {
    return std::nullopt;  // "15 日内", "2026年", "10%", "021-66080097"
  }
  parsed.number = std::string(line.substr(pos, number_end - pos));
  return parsed;
}

int letter_value(char c) { return (c >= 'a' ? c - 'a' : c - 'A') + 1; }
int letter_form(char c, int bracket) { return (c >= 'a' ? 0 : kUpperCaseLetterForm) + bracket; }

// (1) / (一) / (a), with an optional '.' or '、' after the closing bracket.
std::optional<Parsed> parse_parenthesized(std::string_view line, std::size_t pos) {
  Parsed parsed;
  std::size_t i = pos + 1;
  if (i < line.size() && is_digit(line[i])) {
    if (!read_component(line, i, parsed.values[0])) return std::nullopt;
    if (parsed.values[0] > kMaxNumberValue) return std::nullopt;
    parsed.style = NumberStyle::paren_arabic;
  } else if (i + 1 < line.size() && is_ascii_letter(line[i]) && line[i + 1] == ')') {
    parsed.style = NumberStyle::letter;
    parsed.form = letter_form(line[i], 2);
    parsed.values[0] = letter_value(line[i]);
    ++i;
  } else {
    const std::size_t run = numeral_run(line, i);
    const int value = chinese_numeral_value(line.substr(i, run));
    if (value <= 0 || value > kMaxNumberValue || at_any(line, i, {"两", "零", "〇"})) {
      return std::nullopt;
    }
    parsed.style = NumberStyle::paren_chinese;
    parsed.values[0] = value;
    i += run;
  }
  if (i >= line.size() || line[i] != ')') return std::nullopt;
  parsed.number = std::string(line.substr(pos, i + 1 - pos));
  parsed.end = skip_optional_separator(line, i + 1);
  return parsed;
}

// a. / A. / a)   ("e.g." and "U.S.D." are not numberings).
std::optional<Parsed> parse_letter(std::string_view line, std::size_t pos) {
  if (pos + 1 >= line.size()) return std::nullopt;
  const char letter = line[pos];
  const char separator = line[pos + 1];
  Parsed parsed;
  parsed.style = NumberStyle::letter;
  parsed.values[0] = letter_value(letter);
  if (separator == '.') {
    if (pos + 2 < line.size() && (is_ascii_letter(line[pos + 2]) || is_digit(line[pos + 2]))) {
      return std::nullopt;
    }
    parsed.form = letter_form(letter, 0);
    parsed.number = std::string(1, letter);
  } else if (separator == ')') {
    parsed.form = letter_form(letter, 1);
    parsed.number = std::string(line.substr(pos, 2));
  } else {
    return std::nullopt;
  }
  parsed.end = pos + 2;
  return parsed;
}

// Characters that, right after 第N条, show a reference in a sentence ("第三条规定的").
constexpr std::string_view kReferenceFollowers[] = {"款", "项", "的", "之", "所", "规", "约", "中",
                                                    "和", "及", "或", "至", "与", "第", "内"};

// 第一章 / 第一节 / 第一部分 (chapter) and 第一条 / 第 1 条 (article).
std::optional<Parsed> parse_chapter_or_article(std::string_view line, std::size_t pos) {
  static constexpr std::string_view kDi = "第";
  std::size_t i = skip_spaces(line, pos + kDi.size());
  const std::size_t numeral_begin = i;
  Parsed parsed;
  if (i < line.size() && is_digit(line[i])) {
    if (!read_component(line, i, parsed.values[0])) return std::nullopt;
  } else {
    i += numeral_run(line, i);
    parsed.values[0] = chinese_numeral_value(line.substr(numeral_begin, i - numeral_begin));
  }
  if (parsed.values[0] <= 0 || parsed.values[0] > kMaxNumberValue) return std::nullopt;
  const std::string_view numeral = line.substr(numeral_begin, i - numeral_begin);
  i = skip_spaces(line, i);
  static constexpr std::tuple<std::string_view, NumberStyle, int> kUnits[] = {
      {"章", NumberStyle::chapter, 0},
      {"节", NumberStyle::chapter, 1},
      {"部分", NumberStyle::chapter, 2},
      {"条", NumberStyle::article, 0},
  };
  for (const auto& [unit, style, form] : kUnits) {
    if (!at(line, i, unit)) continue;
    i += unit.size();
    if (at_any(line, i, kReferenceFollowers)) return std::nullopt;
    if (i < line.size() && (line[i] == ':' || line[i] == '.')) ++i;
    if (at(line, i, "、")) {
      i += std::string_view("、").size();
      if (at(line, skip_spaces(line, i), kDi)) return std::nullopt;  // 第三条、第四条
    }
    parsed.style = style;
    parsed.form = form;
    parsed.number = std::string(kDi).append(numeral).append(unit);
    parsed.end = i;
    return parsed;
  }
  return std::nullopt;
}

// 一、 / 十五、 / 一. / 一, (chinese).
std::optional<Parsed> parse_chinese(std::string_view line, std::size_t pos) {
  if (at_any(line, pos, {"两", "零", "〇"})) return std::nullopt;
  const std::size_t run = numeral_run(line, pos);
  const int value = chinese_numeral_value(line.substr(pos, run));
  if (value <= 0 || value > kMaxNumberValue) return std::nullopt;
  std::size_t i = pos + run;
  if (at(line, i, "、")) {
    i += std::string_view("、").size();
  } else if (i < line.size() && (line[i] == '.' || line[i] == ',')) {
    ++i;
  } else {
    return std::nullopt;
  }
  Parsed parsed;
  parsed.style = NumberStyle::chinese;
  parsed.values[0] = value;
  parsed.number = std::string(line.substr(pos, run));
  parsed.end = i;
  return parsed;
}

// ① … ⑳ (U+2460..U+2473: E2 91 A0..B3).
std::optional<Parsed> parse_circled(std::string_view line, std::size_t pos) {
  if (pos + 2 >= line.size() || static_cast<unsigned char>(line[pos]) != 0xE2 ||
      static_cast<unsigned char>(line[pos + 1]) != 0x91) {
    return std::nullopt;
  }
  const int third = static_cast<unsigned char>(line[pos + 2]);
  if (third < 0xA0 || third > 0xB3) return std::nullopt;
  Parsed parsed;
  parsed.style = NumberStyle::circled;
  parsed.values[0] = third - 0xA0 + 1;
  parsed.number = std::string(line.substr(pos, 3));
  parsed.end = skip_optional_separator(line, pos + 3);
  return parsed;
}

std::optional<Parsed> parse_numbering(std::string_view line, std::size_t pos) {
  const char first = line[pos];
  if (is_digit(first)) return parse_arabic(line, pos);
  if (first == '(') return parse_parenthesized(line, pos);
  if (is_ascii_letter(first)) return parse_letter(line, pos);
  if (at(line, pos, "第")) return parse_chapter_or_article(line, pos);
  if (static_cast<unsigned char>(first) == 0xE2) return parse_circled(line, pos);
  if (numeral_char(line, pos)) return parse_chinese(line, pos);
  return std::nullopt;
}

// A tab after the first text, or a box-drawing character (U+2500..U+257F): a table row.
bool is_table_row(std::string_view rest) {
  return rest.find('\t') != std::string_view::npos ||
         rest.find("\xE2\x94") != std::string_view::npos ||
         rest.find("\xE2\x95") != std::string_view::npos;
}

// Sentence punctuation: a rest of line containing one is a sentence, not a heading.
constexpr std::string_view kSentencePunctuation[] = {"，", "。", "；", "：", ";", ":",
                                                     ",",  "!",  "?",  "！", "？"};
// Template blanks at the end of a heading line ("货物起运地点______") are not heading.
std::string_view trim_blanks(std::string_view text) {
  while (!text.empty() && (text.back() == '_' || text.back() == ' ')) text.remove_suffix(1);
  return text;
}

constexpr std::string_view kSignatureWords[] = {"签字", "盖章", "公章", "签章", "签名"};

constexpr std::size_t kMaxHeadingChars = 30;
constexpr std::size_t kMaxLabelChars = 12;

}  // namespace

std::string_view trim(std::string_view line) {
  std::size_t begin = skip_spaces(line, 0);
  std::size_t end = line.size();
  while (end > begin) {
    if (line[end - 1] == ' ' || line[end - 1] == '\t' || line[end - 1] == '\r') {
      --end;
    } else if (end - begin >= kIdeographicSpace.size() &&
               line.substr(end - kIdeographicSpace.size(), kIdeographicSpace.size()) ==
                   kIdeographicSpace) {
      end -= kIdeographicSpace.size();
    } else {
      break;
    }
  }
  return line.substr(begin, end - begin);
}

std::size_t char_count(std::string_view text) {
  return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;  // not a continuation byte
  }));
}

int chinese_numeral_value(std::string_view numeral) {
  if (numeral.empty() || numeral.size() % kNumeralBytes != 0) return -1;
  int total = 0;
  int digit = -1;  // the pending digit, -1 when none
  int last_unit = INT_MAX;
  for (std::size_t pos = 0; pos < numeral.size(); pos += kNumeralBytes) {
    const std::optional<NumeralChar> c = numeral_char(numeral, pos);
    if (!c) return -1;
    if (c->unit == 0 && c->digit == 0) {
      if (digit >= 0 || last_unit == INT_MAX) return -1;  // 〇 only as 一百零一
    } else if (c->unit == 0) {
      if (digit >= 0) return -1;  // two digits in a row: 一九八四 is a year
      digit = c->digit;
    } else {
      if (c->unit >= last_unit) return -1;
      if (digit < 0 && !(c->unit == 10 && total == 0)) return -1;  // only 十 stands alone
      total += (digit < 0 ? 1 : digit) * c->unit;
      last_unit = c->unit;
      digit = -1;
    }
  }
  if (digit > 0) total += digit;
  return total > 0 ? total : -1;
}

std::string heading_of(std::string_view rest) {
  rest = trim_blanks(trim(rest));
  if (rest.empty()) return {};
  // Some legacy texts end their sentences with an ASCII '.'.
  const bool sentence = contains_any(rest, kSentencePunctuation) || rest.back() == '.';
  if (!sentence && char_count(rest) <= kMaxHeadingChars) return std::string(rest);
  std::size_t colon = rest.find(':');
  colon = std::min(colon, rest.find("："));
  if (colon == std::string_view::npos) return {};
  const std::string_view label = trim(rest.substr(0, colon));
  if (label.empty() || char_count(label) > kMaxLabelChars ||
      contains_any(label, kSentencePunctuation)) {
    return {};
  }
  return std::string(label);
}

std::optional<Numbering> classify_line(std::string_view line) {
  std::size_t pos = skip_spaces(line, 0);
  if (at_any(line, pos, {"- ", "* "})) pos = skip_spaces(line, pos + 2);
  if (pos >= line.size()) return std::nullopt;
  std::optional<Parsed> parsed = parse_numbering(line, pos);
  if (!parsed || is_table_row(line.substr(pos))) return std::nullopt;
  Numbering numbering;
  numbering.style = parsed->style;
  numbering.form = parsed->form;
  numbering.begin = pos;
  numbering.body_begin = skip_spaces(line, parsed->end);
  numbering.number = std::move(parsed->number);
  numbering.heading = heading_of(line.substr(numbering.body_begin));
  numbering.depth = parsed->depth;
  numbering.values = parsed->values;
  return numbering;
}

std::optional<AppendixLine> parse_appendix_line(std::string_view line) {
  const std::size_t pos = skip_spaces(line, 0);
  if (!at_any(line, pos, {"附件", "附表", "附录"})) return std::nullopt;
  std::size_t i = pos + std::string_view("附件").size();
  int value = 0;
  if (i < line.size() && is_digit(line[i])) {
    if (!read_component(line, i, value)) return std::nullopt;
  } else {
    const std::size_t run = numeral_run(line, i);
    if (run > 0 && chinese_numeral_value(line.substr(i, run)) <= 0) return std::nullopt;
    i += run;
  }
  AppendixLine appendix;
  appendix.begin = pos;
  appendix.number = std::string(line.substr(pos, i - pos));
  if (i < line.size() && line[i] == ':') {
    ++i;
  } else if (i < line.size() && !(line[i] == ' ' || at(line, i, kIdeographicSpace))) {
    return std::nullopt;  // "附件与合同具有同等效力", "附件1所列"
  }
  appendix.body_begin = skip_spaces(line, i);
  const std::string_view title = trim(line.substr(appendix.body_begin));
  if (is_table_row(title) || char_count(title) > 40 ||
      contains_any(title, {"，", "。", "；", ",", ";", "!", "?"})) {
    return std::nullopt;
  }
  appendix.heading = std::string(title);
  return appendix;
}

namespace {

// Whether some occurrence of `marker` in `text` comes right after one of `words`:
// "(盖章)" is ")" after "盖章". One memchr-based scan per marker instead of one per pattern:
// this runs on every line.
bool marker_after_any(std::string_view text, std::string_view marker,
                      std::span<const std::string_view> words) {
  for (std::size_t pos = find_marker(text, marker); pos != std::string_view::npos;
       pos = find_marker(text, marker, pos + marker.size())) {
    const std::string_view before = text.substr(0, pos);
    for (std::string_view word : words) {
      if (before.ends_with(word)) return true;
    }
  }
  return false;
}

}  // namespace

bool is_signature_line(std::string_view line) {
  static constexpr std::string_view kBeforeParen[] = {"盖章", "签字", "签章", "签名", "公章"};
  static constexpr std::string_view kBeforePage[] = {"签字", "签署", "签章", "盖章"};
  static constexpr std::string_view kBeforeText[] = {"无", "无合同"};
  const std::string_view text = trim(line);
  // "甲方(盖章):", "(以下无正文)", "(本页以下无合同正文)", "…签字页".
  if (marker_after_any(text, ")", kBeforeParen) || marker_after_any(text, "正文", kBeforeText) ||
      marker_after_any(text, "页", kBeforePage)) {
    return true;
  }
  const UChar32 first = code_point_at(text, 0);
  if ((first == U'签' || first == U'日' || first == U'盖') &&
      at_any(text, 0,
             {"签约各方", "签署各方", "日期:", "签订日期", "签署日期", "签字日期",
              "盖章:", "签字:", "签章:", "签名:"})) {
    return true;
  }
  // "甲方:公章   乙方:公章", "法定代表人签字:", "鉴证人员签名:".
  std::string_view end = text;
  if (end.ends_with(':')) end.remove_suffix(1);
  return std::any_of(std::begin(kSignatureWords), std::end(kSignatureWords),
                     [&](std::string_view word) { return end.ends_with(word); });
}

bool is_agreement_title(std::string_view line) {
  if (line.empty() || char_count(line) > 25) return false;
  if (contains_any(line, kSentencePunctuation)) return false;
  static constexpr std::string_view kSuffixes[] = {"协议",   "协议书", "合同", "合同书", "承诺书",
                                                   "确认书", "方案",   "清单", "说明"};
  return std::any_of(std::begin(kSuffixes), std::end(kSuffixes),
                     [&](std::string_view suffix) { return line.ends_with(suffix); });
}

bool opens_agreement_body(std::string_view line) {
  const std::string_view text = trim(line);
  return at_any(text, 0, {"协议编号", "合同编号", "编号:", "甲方", "鉴于", "第一条"});
}

bool is_contents_heading(std::string_view line) {
  static constexpr std::string_view kMu = "目";
  static constexpr std::string_view kLu = "录";
  const std::string_view text = trim(line);
  if (text.size() < kMu.size() + kLu.size() || !text.starts_with(kMu) || !text.ends_with(kLu)) {
    return false;
  }
  return trim(text.substr(kMu.size(), text.size() - kMu.size() - kLu.size())).empty();
}

}  // namespace clause_scan::outline_internal
