// numbering.h (private to the outline stage): what one line of normalized text says about the
// outline, as pure functions on a std::string_view line (without its '\n').
//
//   classify_line("7.2.9 乙方应…")   -> decimal "7.2.9", depth 3
//   classify_line("第一条 定义")      -> article "第一条", heading "定义"
//   classify_line("2026年01月16日")  -> nullopt (a date, not a clause)
//
// The line is normalized text (normalize.h): full-width digits and punctuation arrive as ASCII,
// "（一）" as "(一)", "：" as ':'. Everything here is a cheap prefix check; nothing allocates
// unless the line is a numbering.
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "clause_scan/outline.h"

namespace clause_scan::outline_internal {

inline constexpr int kMaxDecimalDepth = 6;
inline constexpr int kMaxNumberValue = 200;  // larger first components are years or amounts

// Letter forms: lower case 0..2 and upper case 3..5 for "a." / "a)" / "(a)".
inline constexpr int kUpperCaseLetterForm = 3;

// A numbering at the start of a line.
struct Numbering {
  NumberStyle style = NumberStyle::decimal;
  // Finer than style: two numberings can be siblings only when style and form agree
  // (a. / A. / a) / (a) are four forms of letter; 第一章 / 第一节 / 第一部分 three of chapter).
  int form = 0;
  std::size_t begin = 0;       // byte offset in the line where the number starts
  std::size_t body_begin = 0;  // byte offset after number, separator and spaces
  std::string number;          // as written, without the trailing separator ("1.1", "(一)")
  std::string heading;         // heading_of(the rest of the line)
  int depth = 1;               // components of a decimal number ("4.1.1" -> 3), else 1
  std::array<int, kMaxDecimalDepth> values{};  // component values; 一 -> 1, b -> 2, ③ -> 3
};

// The numbering that starts `line` (after leading spaces and a Markdown bullet "- " / "* "),
// or nullopt when the line is not a clause: no numbering, a date, an amount or quantity, a
// phone number, a number above kMaxNumberValue, a single-level number without separator
// ("15 日内"), a table row (a tab or a box-drawing character after the first text).
std::optional<Numbering> classify_line(std::string_view line);

// The short heading in `rest` (the line after the numbering): all of it when it has no
// sentence punctuation and at most 30 characters; else a leading label of at most 12
// characters followed by ':' ("中标金额:本项目…" -> "中标金额"); else "".
std::string heading_of(std::string_view rest);

// The value of a Chinese numeral (一 -> 1, 十五 -> 15, 一百零一 -> 101), or -1 when `numeral`
// is not one (empty, a digit string such as 一九八四, or a stray character).
int chinese_numeral_value(std::string_view numeral);

// An appendix heading line: 附件 / 附件一 / 附件1 / 附件:履约验收方案 / 附表1:劳务清单.
struct AppendixLine {
  std::size_t begin = 0;       // offset in the line of "附"
  std::size_t body_begin = 0;  // after the number, the separator and spaces
  std::string number;          // "附件", "附件一", "附表1"
  std::string heading;         // the title on the same line, or ""
};
std::optional<AppendixLine> parse_appendix_line(std::string_view line);

// A line of a signature block or its markers: 甲方(盖章):, 乙方(签字):, 签约各方:, 日期:,
// (以下无正文), 【以下无正文】, …签字页.
bool is_signature_line(std::string_view line);

// A short title line that can open a new agreement after a signature block: at most 25
// characters ending in 协议/协议书/合同/合同书/承诺书/确认书/方案/清单. `line` is trimmed.
bool is_agreement_title(std::string_view line);

// A line that typically follows an agreement title: 协议编号, 合同编号, 甲方, 鉴于, 第一条.
bool opens_agreement_body(std::string_view line);

// "目录" / "目 录" on a line of its own.
bool is_contents_heading(std::string_view line);

// `line` without leading and trailing spaces, tabs and ideographic spaces.
std::string_view trim(std::string_view line);

// Number of characters (code points) of valid UTF-8 `text`.
std::size_t char_count(std::string_view text);

}  // namespace clause_scan::outline_internal
