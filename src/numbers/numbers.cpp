// parse_number, parse_money and parse_rate: the grammar around a number (currency, 元 角 分,
// 整, %, 百分之, per-period words, 约 … 左右), over the tokens of lexer.h.
#include <algorithm>
#include <cstdint>
#include <string>

#include "numbers/lexer.h"

namespace clause_scan {
namespace {

using numbers_internal::read_number;
using numbers_internal::Token;
using numbers_internal::tokenize;
using numbers_internal::WordNumber;
using K = numbers_internal::TokenKind;

// A read position in a token list.
class Cursor {
 public:
  explicit Cursor(std::span<const Token> tokens) : tokens_(tokens) {}

  bool at_end() const { return pos_ == tokens_.size(); }
  std::size_t pos() const { return pos_; }
  void reset(std::size_t pos) { pos_ = pos; }
  bool next_is(K kind) const { return !at_end() && tokens_[pos_].kind == kind; }
  const Token& next() const { return tokens_[pos_]; }

  // Consumes the next token if it is of `kind`.
  const Token* accept(K kind) {
    if (!next_is(kind)) return nullptr;
    return &tokens_[pos_++];
  }

  // The longest run of number tokens from here (possibly empty).
  std::span<const Token> take_number() {
    const std::size_t start = pos_;
    while (!at_end() && numbers_internal::is_number_token(tokens_[pos_].kind)) {
      if (tokens_[pos_].kind == K::sign && pos_ != start) break;
      ++pos_;
    }
    return tokens_.subspan(start, pos_ - start);
  }

 private:
  std::span<const Token> tokens_;
  std::size_t pos_ = 0;
};

// value / 10^places (places may be negative), exact.
std::optional<Decimal> shift_point(Decimal value, int places) {
  std::int64_t units = value.units();
  int scale = value.scale() + places;
  for (; scale < 0; ++scale) {
    if (units > INT64_MAX / 10 || units < INT64_MIN / 10) return std::nullopt;
    units *= 10;
  }
  for (; scale > 12 && units % 10 == 0; --scale) units /= 10;
  if (scale > 12) return std::nullopt;
  return Decimal::from_units(units, scale);
}

// ---- money ----

struct MoneyState {
  std::string_view currency;  // explicit ISO code, if the text names one
  bool approximate = false;
  bool capitals = false;

  // 人民币 … 元 and ¥ … 元 agree; 人民币 … 美元 does not.
  bool note_currency(const Token& token) {
    if (!currency.empty() && currency != token.code) return false;
    currency = token.code;
    return true;
  }
};

// 约, 人民币, ¥ in any order before the figure.
bool read_money_prefix(Cursor& cursor, MoneyState& state) {
  while (true) {
    if (cursor.accept(K::about)) {
      state.approximate = true;
    } else if (const Token* token = cursor.accept(K::currency)) {
      if (!state.note_currency(*token)) return false;
    } else {
      return true;
    }
  }
}

// "[零] digit 角" or "[零] digit 分": the digit, or -1 (cursor unchanged) when absent.
int read_subunit(Cursor& cursor, K unit, MoneyState& state) {
  const std::size_t start = cursor.pos();
  const Token* zero = cursor.accept(K::digit);
  if (zero && zero->value != 0) cursor.reset(start);
  if (zero && zero->value == 0 && cursor.accept(unit)) return 0;  // 零角 on printed forms
  const Token* digit = cursor.accept(K::digit);
  if (!digit) digit = cursor.accept(K::arabic);
  const bool single = digit && (digit->kind == K::digit || digit->text.size() == 1);
  if (!single || !cursor.accept(unit)) {
    cursor.reset(start);
    return -1;
  }
  state.capitals = state.capitals || digit->capital;
  return digit->kind == K::digit ? digit->value : digit->text[0] - '0';
}

// 角 and 分 after 元 (or alone: 伍角), added to `value`.
std::optional<Decimal> read_subunits(Cursor& cursor, Decimal value, MoneyState& state) {
  const int jiao = read_subunit(cursor, K::jiao, state);
  const int fen = read_subunit(cursor, K::fen, state);
  const std::int64_t cents = std::max(jiao, 0) * 10 + std::max(fen, 0);
  if (cents == 0) return value;
  return value.add(Decimal::from_units(cents, 2));
}

// 整, 人民币 (8亿元人民币), 左右 in any order after the sum.
bool read_money_suffix(Cursor& cursor, MoneyState& state) {
  while (!cursor.at_end()) {
    if (cursor.accept(K::whole)) continue;
    if (cursor.accept(K::about_after)) {
      state.approximate = true;
    } else if (const Token* token = cursor.accept(K::currency)) {
      if (!state.note_currency(*token)) return false;
    } else {
      return false;
    }
  }
  return true;
}

// The figure and its unit: "1977800 元", "1.5万美元", "叁仟元伍角", "伍角", "¥95800.00".
// The sign, if any, is read by read_amount.
std::optional<Decimal> read_unsigned_amount(Cursor& cursor, MoneyState& state) {
  if (cursor.next_is(K::sign)) return std::nullopt;
  const std::size_t start = cursor.pos();
  const std::span<const Token> figure = cursor.take_number();
  if (cursor.next_is(K::jiao) || cursor.next_is(K::fen)) {
    cursor.reset(start);
    const std::optional<Decimal> value = read_subunits(cursor, Decimal(), state);
    return cursor.pos() == start ? std::nullopt : value;
  }
  const std::optional<WordNumber> number = read_number(figure);
  if (!number || number->by_digit) return std::nullopt;  // 一二三四元 is not how sums are written
  state.approximate = state.approximate || number->approximate;
  state.capitals = state.capitals || number->capital;
  if (cursor.accept(K::yuan)) return read_subunits(cursor, number->value, state);
  if (cursor.next_is(K::currency)) {
    if (!state.note_currency(*cursor.accept(K::currency))) return std::nullopt;
    return number->value;
  }
  // A bare figure is a sum only when a currency stood before it: ¥95800.00, USD 100.
  if (state.currency.empty()) return std::nullopt;
  return number->value;
}

// A sum, perhaps negative: 负壹角, -500元.
std::optional<Decimal> read_amount(Cursor& cursor, MoneyState& state) {
  const bool negative = cursor.accept(K::sign) != nullptr;
  std::optional<Decimal> value = read_unsigned_amount(cursor, state);
  if (value && negative) value = Decimal().sub(*value);
  return value;
}

// ---- rates ----

std::optional<RatePer> period_of(const Token* token) {
  if (!token) return std::nullopt;
  return static_cast<RatePer>(token->value);
}

// 每日, 按日, 按每日, 日 before the rate; RatePer::none when absent.
std::optional<RatePer> read_per_prefix(Cursor& cursor) {
  const bool marked = cursor.accept(K::by) != nullptr;
  const bool each = cursor.accept(K::each) != nullptr;
  const std::optional<RatePer> period = period_of(cursor.accept(K::period));
  if (period) return period;
  if (marked || each) return std::nullopt;  // 每 with no period after it
  return RatePer::none;
}

// "/日", "/每日", "每日" after the rate; RatePer::none when absent.
std::optional<RatePer> read_per_suffix(Cursor& cursor) {
  const bool slash = cursor.accept(K::slash) != nullptr;
  const bool each = cursor.accept(K::each) != nullptr;
  if (!slash && !each) return RatePer::none;
  return period_of(cursor.accept(K::period));
}

// A plain number for a rate: not approximate, not read digit by digit.
std::optional<Decimal> rate_number(std::span<const Token> tokens) {
  const std::optional<WordNumber> number = read_number(tokens);
  if (!number || number->by_digit || number->approximate) return std::nullopt;
  return number->value;
}

// The 100 of 百分之, the 1000 of 千分之, … as a power of ten: 2, 3, 4, 5 (十万分之).
std::optional<int> denominator_exponent(std::span<const Token> tokens) {
  std::optional<Decimal> value;
  if (tokens.size() == 1 && tokens[0].kind == K::big_unit) {
    value = Decimal::from_units(tokens[0].value == 4 ? 10000 : 100000000, 0);
  } else {
    value = rate_number(tokens);
  }
  if (!value || value->scale() != 0 || value->units() < 10) return std::nullopt;
  int exponent = 0;
  for (std::int64_t units = value->units(); units > 1; units /= 10) {
    if (units % 10 != 0) return std::nullopt;  // 三分之一 is not a rate we can hold exactly
    ++exponent;
  }
  return exponent;
}

// 30%, 5‰, 百分之三十, 千分之五, 20个百分点.
std::optional<ParsedRate> read_rate_body(Cursor& cursor) {
  ParsedRate rate;
  const std::span<const Token> first = cursor.take_number();
  std::optional<Decimal> percent;
  if (cursor.accept(K::fraction_of)) {
    const std::optional<int> exponent = denominator_exponent(first);
    const std::optional<Decimal> numerator = rate_number(cursor.take_number());
    if (exponent && numerator) percent = shift_point(*numerator, *exponent - 2);
  } else if (cursor.accept(K::percent)) {
    percent = rate_number(first);
  } else if (cursor.accept(K::permille)) {
    if (const std::optional<Decimal> value = rate_number(first)) percent = shift_point(*value, 1);
  } else if (cursor.accept(K::permyriad)) {
    if (const std::optional<Decimal> value = rate_number(first)) percent = shift_point(*value, 2);
  } else {
    cursor.accept(K::measure);
    if (cursor.accept(K::points)) percent = rate_number(first);
    rate.kind = RateKind::points;
  }
  if (!percent) return std::nullopt;
  rate.percent = *percent;
  return rate;
}

}  // namespace

std::optional<ParsedNumber> parse_number(std::string_view text) {
  const std::optional<std::vector<Token>> tokens = tokenize(text);
  if (!tokens) return std::nullopt;
  Cursor cursor(*tokens);
  const bool about = cursor.accept(K::about) != nullptr;
  const std::optional<WordNumber> number = read_number(cursor.take_number());
  const bool about_after = cursor.accept(K::about_after) != nullptr;
  if (!number || !cursor.at_end()) return std::nullopt;
  return ParsedNumber{number->value, about || about_after || number->approximate};
}

std::optional<ParsedMoney> parse_money(std::string_view text) {
  const std::optional<std::vector<Token>> tokens = tokenize(text);
  if (!tokens) return std::nullopt;
  Cursor cursor(*tokens);
  MoneyState state;
  if (!read_money_prefix(cursor, state)) return std::nullopt;
  const std::optional<Decimal> value = read_amount(cursor, state);
  if (!value || !read_money_suffix(cursor, state)) return std::nullopt;
  ParsedMoney money;
  money.value = *value;
  money.currency = state.currency.empty() ? "CNY" : std::string(state.currency);
  money.approximate = state.approximate;
  money.capitals = state.capitals;
  return money;
}

std::optional<ParsedRate> parse_rate(std::string_view text) {
  const std::optional<std::vector<Token>> tokens = tokenize(text);
  if (!tokens) return std::nullopt;
  Cursor cursor(*tokens);
  const std::optional<RatePer> before = read_per_prefix(cursor);
  if (!before) return std::nullopt;
  std::optional<ParsedRate> rate = read_rate_body(cursor);
  const std::optional<RatePer> after = read_per_suffix(cursor);
  if (!rate || !after || !cursor.at_end()) return std::nullopt;
  if (*before != RatePer::none && *after != RatePer::none && *before != *after) {
    return std::nullopt;  // 每日 … /月
  }
  rate->per = *before != RatePer::none ? *before : *after;
  return rate;
}

std::string_view to_string(RatePer per) {
  switch (per) {
    case RatePer::none:
      return "";
    case RatePer::day:
      return "day";
    case RatePer::week:
      return "week";
    case RatePer::month:
      return "month";
    case RatePer::year:
      return "year";
  }
  return "";
}

}  // namespace clause_scan
