// Reading a number written in words, figures or both: 壹佰玖拾柒万柒仟捌佰, 一百零五, 1.5万,
// 3千万, 二〇二六, 三十几万, 四万亿.
//
// Two readings. Digit by digit (二〇二六, 一七二零点一) when the text is nothing but two or
// more digits. Otherwise positional: digits and figures are multiplied by the units after
// them (十 百 千 within a section of four places, 万 and 亿 between sections), the way
// cn2an and Recognizers-Text read them, including the spoken shorthand 三万五 (35000) and
// 一百二 (120) where a last digit directly after a unit of 百 or more counts one place lower.
#include <algorithm>
#include <string>
#include <vector>

#include "numbers/lexer.h"

namespace clause_scan::numbers_internal {
namespace {

using K = TokenKind;

std::optional<Decimal> times_pow10(Decimal value, int exponent) {
  std::optional<Decimal> result = value;
  for (; exponent > 0 && result; exponent -= 9) {
    std::int64_t factor = 1;
    for (int i = 0; i < std::min(exponent, 9); ++i) factor *= 10;
    result = result->mul(Decimal::from_int(factor));
  }
  return result;
}

std::optional<Decimal> plus(std::optional<Decimal> a, std::optional<Decimal> b) {
  if (!a || !b) return std::nullopt;
  return a->add(*b);
}

// How many tokens after 点 are its decimals: digits read one by one, or one plain figure.
std::size_t fraction_length(std::span<const Token> tokens) {
  if (!tokens.empty() && tokens[0].kind == K::arabic) {
    const bool plain = tokens[0].text.find_first_of(",.") == std::string_view::npos;
    return plain ? 1 : 0;
  }
  std::size_t length = 0;
  while (length < tokens.size() && tokens[length].read_by_digit) ++length;
  return length;
}

// 0.<digits> for the decimals of fraction_length.
std::optional<Decimal> fraction_value(std::span<const Token> tokens) {
  std::string text = "0.";
  for (const Token& token : tokens) {
    if (token.kind == K::arabic) {
      text += token.text;
    } else {
      text.push_back(static_cast<char>('0' + token.value));
    }
  }
  return Decimal::parse(text);
}

// 二〇二六, 一二三, 一七二零点一: two or more digits read one by one, perhaps with decimals.
std::optional<Decimal> read_by_digit(std::span<const Token> tokens) {
  std::size_t count = 0;
  std::string text;
  while (count < tokens.size() && tokens[count].read_by_digit) {
    text.push_back(static_cast<char>('0' + tokens[count].value));
    ++count;
  }
  if (count < 2) return std::nullopt;
  if (count < tokens.size()) {
    const std::span<const Token> decimals = tokens.subspan(count + 1);
    if (tokens[count].kind != K::point || decimals.empty() ||
        fraction_length(decimals) != decimals.size() || decimals[0].kind == K::arabic) {
      return std::nullopt;
    }
    text.push_back('.');
    for (const Token& token : decimals) text.push_back(static_cast<char>('0' + token.value));
  }
  return Decimal::parse(text);
}

// The positional reading. Each on_* method takes one token and says whether it may stand
// there; finish() gives the value.
class Positional {
 public:
  bool feed(std::span<const Token> tokens);
  std::optional<Decimal> finish() const;
  bool approximate() const { return approximate_; }

 private:
  enum class Pending { none, word_digit, figure, unknown_digit, with_decimals };
  struct Group {
    Decimal value;  // already multiplied by its unit
    int exponent;   // of its unit: 4 for 万, 8 for 亿, 12 for 万亿
  };

  bool feed_one(std::span<const Token> tokens, std::size_t& index);
  bool on_zero();
  bool on_digit(Decimal value, Pending kind);
  bool on_small_unit(int exponent);
  bool on_big_unit(int exponent);
  bool on_more();
  bool on_point(std::span<const Token> decimals);
  std::optional<Decimal> pending_value() const;

  std::vector<Group> groups_;  // completed 万/亿 sections, exponents decreasing
  Decimal section_;            // the current section below 万
  Decimal pending_;            // a digit or figure waiting for its unit
  Pending pending_kind_ = Pending::none;
  int shorthand_exponent_ = 0;  // unit right before a word digit (三万五: 4)
  int last_small_ = 4;          // units within a section must decrease: 千 > 百 > 十
  int last_unit_ = 0;
  bool after_unit_ = false;       // the previous token was a unit
  bool section_started_ = false;  // anything since the last 万/亿
  bool any_ = false;
  bool any_known_ = false;   // a digit, figure or unit, not only 几
  bool any_figure_ = false;  // figures (1.5万) take no spoken shorthand
  bool after_more_ = false;  // 余/多 seen: only 万/亿 or the end may follow
  bool closed_ = false;      // decimals added to the total: nothing may follow
  bool approximate_ = false;
};

bool Positional::feed(std::span<const Token> tokens) {
  for (std::size_t index = 0; index < tokens.size(); ++index) {
    const bool is_unit = tokens[index].kind == K::small_unit || tokens[index].kind == K::big_unit;
    if (!feed_one(tokens, index)) return false;
    after_unit_ = is_unit;
  }
  return true;
}

bool Positional::feed_one(std::span<const Token> tokens, std::size_t& index) {
  const Token& token = tokens[index];
  switch (token.kind) {
    case K::digit:
      if (token.value == 0) return on_zero();
      return on_digit(Decimal::from_int(token.value), Pending::word_digit);
    case K::arabic:
      return on_digit(token.number, token.text.find('.') == std::string_view::npos
                                        ? Pending::figure
                                        : Pending::with_decimals);
    case K::some:
      approximate_ = true;
      return on_digit(Decimal(), Pending::unknown_digit);
    case K::small_unit:
      return on_small_unit(token.value);
    case K::big_unit:
      return on_big_unit(token.value);
    case K::more:
      return on_more();
    case K::point: {
      const std::span<const Token> rest = tokens.subspan(index + 1);
      const std::size_t length = fraction_length(rest);
      index += length;
      return length > 0 && on_point(rest.first(length));
    }
    default:
      return false;
  }
}

bool Positional::on_zero() {
  if (closed_ || after_more_ || pending_kind_ != Pending::none) return false;
  any_ = any_known_ = section_started_ = true;
  return true;
}

bool Positional::on_digit(Decimal value, Pending kind) {
  if (closed_ || after_more_ || pending_kind_ != Pending::none) return false;
  pending_ = value;
  pending_kind_ = kind;
  // 几 stands for its least value: one when first in its section (几万 >= 10000), none
  // after a unit (三十几万 >= 300000). Before 十 百 千 it always counts one (三百几十 >= 310).
  if (kind == Pending::unknown_digit) pending_ = Decimal::from_int(section_started_ ? 0 : 1);
  shorthand_exponent_ =
      (kind == Pending::word_digit && after_unit_ && !any_figure_) ? last_unit_ : 0;
  any_figure_ = any_figure_ || kind == Pending::figure || kind == Pending::with_decimals;
  any_known_ = any_known_ || kind != Pending::unknown_digit;
  any_ = section_started_ = true;
  return true;
}

bool Positional::on_small_unit(int exponent) {
  if (closed_ || after_more_ || exponent >= last_small_) return false;
  const bool has_digit = pending_kind_ != Pending::none && pending_kind_ != Pending::unknown_digit;
  const std::optional<Decimal> value =
      times_pow10(has_digit ? pending_ : Decimal::from_int(1), exponent);
  const std::optional<Decimal> section = plus(section_, value);
  if (!section) return false;
  section_ = *section;
  pending_kind_ = Pending::none;
  last_small_ = last_unit_ = exponent;
  any_ = any_known_ = section_started_ = true;
  return true;
}

// 万 or 亿 closes the current section. With nothing new before it (四万万, 四万亿) it
// multiplies the sections already read instead.
bool Positional::on_big_unit(int exponent) {
  if (closed_) return false;
  std::optional<Decimal> value = plus(section_, pending_value());
  int folded_exponent = 0;
  bool folded = false;
  while (value && !groups_.empty() &&
         (groups_.back().exponent < exponent ||
          (!section_started_ && groups_.back().exponent == exponent))) {
    value = value->add(groups_.back().value);
    folded_exponent = std::max(folded_exponent, groups_.back().exponent);
    groups_.pop_back();
    folded = true;
  }
  if (!section_started_ && !folded) return false;  // 万 alone, or 一亿万
  const int group_exponent = exponent + folded_exponent;
  if (!groups_.empty() && groups_.back().exponent <= group_exponent) return false;
  value = value ? times_pow10(*value, exponent) : value;
  if (!value) return false;
  groups_.push_back({*value, group_exponent});
  section_ = Decimal();
  pending_kind_ = Pending::none;
  last_small_ = 4;
  last_unit_ = group_exponent;
  section_started_ = after_more_ = false;
  any_known_ = true;
  return true;
}

bool Positional::on_more() {
  if (closed_ || after_more_ || !any_) return false;
  approximate_ = after_more_ = true;
  return true;
}

// 点: the decimals belong to the digit before it (三点五万 = 35000), or, after a unit, to the
// whole number (两千万点五 = 20000000.5; 两千三点一 = 2300.1 by the shorthand).
bool Positional::on_point(std::span<const Token> decimals) {
  if (closed_ || after_more_ || !any_) return false;
  const std::optional<Decimal> fraction = fraction_value(decimals);
  if (!fraction) return false;
  const bool shorthand = pending_kind_ == Pending::word_digit && shorthand_exponent_ >= 2;
  if ((pending_kind_ == Pending::word_digit || pending_kind_ == Pending::figure) && !shorthand) {
    const std::optional<Decimal> value = pending_.add(*fraction);
    if (!value) return false;
    pending_ = *value;
    pending_kind_ = Pending::with_decimals;
    return true;
  }
  if (pending_kind_ == Pending::unknown_digit || pending_kind_ == Pending::with_decimals) {
    return false;
  }
  const std::optional<Decimal> section = plus(plus(section_, pending_value()), fraction);
  if (!section) return false;
  section_ = *section;
  pending_kind_ = Pending::none;
  closed_ = true;
  return true;
}

std::optional<Decimal> Positional::pending_value() const {
  switch (pending_kind_) {
    case Pending::none:
      return Decimal();
    case Pending::unknown_digit:
      return pending_;
    case Pending::word_digit:
      if (shorthand_exponent_ >= 2) return times_pow10(pending_, shorthand_exponent_ - 1);
      return pending_;
    case Pending::figure:
    case Pending::with_decimals:
      return pending_;
  }
  return std::nullopt;
}

std::optional<Decimal> Positional::finish() const {
  if (!any_known_) return std::nullopt;  // 几 alone is no number
  std::optional<Decimal> total = plus(section_, pending_value());
  for (const Group& group : groups_) total = plus(total, group.value);
  return total;
}

}  // namespace

bool is_number_token(TokenKind kind) {
  switch (kind) {
    case K::digit:
    case K::arabic:
    case K::small_unit:
    case K::big_unit:
    case K::point:
    case K::some:
    case K::more:
    case K::sign:
      return true;
    default:
      return false;
  }
}

std::optional<WordNumber> read_number(std::span<const Token> tokens) {
  const bool negative = !tokens.empty() && tokens[0].kind == K::sign;
  if (negative) tokens = tokens.subspan(1);
  if (tokens.empty()) return std::nullopt;
  WordNumber result;
  for (const Token& token : tokens) {
    if (!is_number_token(token.kind) || token.kind == K::sign) return std::nullopt;
    result.capital = result.capital || token.capital;
  }
  std::optional<Decimal> value = read_by_digit(tokens);
  result.by_digit = value.has_value();
  if (!value) {
    Positional reader;
    if (!reader.feed(tokens)) return std::nullopt;
    value = reader.finish();
    result.approximate = reader.approximate();
  }
  if (value && negative) value = Decimal().sub(*value);
  if (!value) return std::nullopt;
  result.value = *value;
  return result;
}

}  // namespace clause_scan::numbers_internal
