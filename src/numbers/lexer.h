// lexer.h (private to cs_numbers): the words of a number, a sum or a rate as tokens, and the
// reader of the number words among them.
//
// The parsers in numbers.cpp and calendar.cpp read tokens, never bytes. Spaces between tokens are
// dropped; any character that is not part of the vocabulary below makes the whole text unreadable,
// which is how "（大写）" or "甲方" end up rejected.
#pragma once

#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "clause_scan/numbers.h"

namespace clause_scan::numbers_internal {

enum class TokenKind {
  digit,        // 零〇一二两三…九 and the capitals 壹贰叁…玖: value 0..9
  arabic,       // 1977800, 1,250,000.00, 1.5: `number` holds the value, `text` the digits
  small_unit,   // 十拾 百佰 千仟: value is the exponent 1..3
  big_unit,     // 万萬 亿億: value is the exponent 4 or 8
  point,        // 点 點: the decimal point of a number written in words
  some,         // 几 幾: an unknown digit (三十几万)
  more,         // 余 多: "and more" (二百余万, 一千多万)
  sign,         // 负 負 -
  about,        // 约 大约 约为 约合: before a number
  about_after,  // 左右 上下: after a sum
  yuan,         // 元 圆 圓: the unit of any currency
  jiao,         // 角
  fen,          // 分
  whole,        // 整 正: "and no jiao or fen"
  currency,     // 人民币 美元 ¥ USD …: `code` holds the ISO 4217 code
  fraction_of,  // 分之 (百分之, 千分之, 万分之)
  percent,      // %
  permille,     // ‰
  permyriad,    // ‱
  points,       // 百分点: percentage points
  measure,      // 个 個 (20个百分点)
  each,         // 每
  by,           // 按
  period,       // 日 天 周 星期 月 年: value is a RatePer
  slash,        // /
};

struct Token {
  TokenKind kind = TokenKind::digit;
  int value = 0;
  Decimal number;              // arabic: the value
  std::string_view text;       // the source bytes of the token
  std::string_view code;       // currency: "CNY", "USD" …
  bool capital = false;        // written in 大写 (壹 贰 … 拾 佰 仟)
  bool read_by_digit = false;  // digit usable in a digit-by-digit reading (二〇二六; not 两)
};

// The tokens of `text`, or std::nullopt when it holds anything outside the vocabulary.
std::optional<std::vector<Token>> tokenize(std::string_view text);

// Tokens that can be part of a number: digits, units, 点, 几, 余/多 and a leading sign.
bool is_number_token(TokenKind kind);

struct WordNumber {
  Decimal value;
  bool approximate = false;  // 几, 余 or 多 stood in it
  bool by_digit = false;     // read digit by digit: 二〇二六, 一二三
  bool capital = false;      // at least one 大写 character
};

// The value of `tokens`, all of them number tokens (see is_number_token), in any of the
// forms of numbers.h; std::nullopt when they do not make one number or it overflows.
std::optional<WordNumber> read_number(std::span<const Token> tokens);

}  // namespace clause_scan::numbers_internal
