// The token vocabulary of numbers, sums and rates, and the longest-match tokenizer over it.
#include "numbers/lexer.h"

#include <array>
#include <cctype>
#include <span>
#include <utility>

namespace clause_scan::numbers_internal {
namespace {

// One entry of the vocabulary; the fields become the Token's.
struct Word {
  std::string_view text;
  TokenKind kind;
  int value = 0;               // digit, unit exponent or RatePer
  std::string_view code = {};  // currency: ISO 4217
  bool capital = false;        // 大写
  bool read_by_digit = true;   // digits only: false for 两, never read one by one
};

constexpr int per(RatePer p) { return static_cast<int>(p); }

using K = TokenKind;

// Each simplified form with the traditional one a document may still use. Only variants in
// real use: 两/兩 for two, 参/參 for the capital three; no 俩, 幺 or 兆 (whose value is
// disputed: 10^6 or 10^12), no colloquial 块/毛 (块 is also a measure word: 三块土地).
constexpr std::array kWords{
    Word{"零", K::digit, 0},
    Word{"〇", K::digit, 0},
    Word{"一", K::digit, 1},
    Word{"二", K::digit, 2},
    Word{"三", K::digit, 3},
    Word{"四", K::digit, 4},
    Word{"五", K::digit, 5},
    Word{"六", K::digit, 6},
    Word{"七", K::digit, 7},
    Word{"八", K::digit, 8},
    Word{"九", K::digit, 9},
    Word{.text = "两", .kind = K::digit, .value = 2, .read_by_digit = false},
    Word{.text = "兩", .kind = K::digit, .value = 2, .read_by_digit = false},
    Word{.text = "壹", .kind = K::digit, .value = 1, .capital = true},
    Word{.text = "贰", .kind = K::digit, .value = 2, .capital = true},
    Word{.text = "貳", .kind = K::digit, .value = 2, .capital = true},
    Word{.text = "叁", .kind = K::digit, .value = 3, .capital = true},
    Word{.text = "参", .kind = K::digit, .value = 3, .capital = true},
    Word{.text = "參", .kind = K::digit, .value = 3, .capital = true},
    Word{.text = "肆", .kind = K::digit, .value = 4, .capital = true},
    Word{.text = "伍", .kind = K::digit, .value = 5, .capital = true},
    Word{.text = "陆", .kind = K::digit, .value = 6, .capital = true},
    Word{.text = "陸", .kind = K::digit, .value = 6, .capital = true},
    Word{.text = "柒", .kind = K::digit, .value = 7, .capital = true},
    Word{.text = "捌", .kind = K::digit, .value = 8, .capital = true},
    Word{.text = "玖", .kind = K::digit, .value = 9, .capital = true},
    Word{"十", K::small_unit, 1},
    Word{.text = "拾", .kind = K::small_unit, .value = 1, .capital = true},
    Word{"百", K::small_unit, 2},
    Word{.text = "佰", .kind = K::small_unit, .value = 2, .capital = true},
    Word{"千", K::small_unit, 3},
    Word{.text = "仟", .kind = K::small_unit, .value = 3, .capital = true},
    Word{"万", K::big_unit, 4},
    Word{"萬", K::big_unit, 4},
    Word{"亿", K::big_unit, 8},
    Word{"億", K::big_unit, 8},
    Word{"点", K::point},
    Word{"點", K::point},
    Word{"几", K::some},
    Word{"幾", K::some},
    Word{"余", K::more},
    Word{"餘", K::more},
    Word{"多", K::more},
    Word{"负", K::sign},
    Word{"負", K::sign},
    Word{"约", K::about},
    Word{"約", K::about},
    Word{"大约", K::about},
    Word{"大約", K::about},
    Word{"约为", K::about},
    Word{"约合", K::about},
    Word{"左右", K::about_after},
    Word{"上下", K::about_after},
    Word{"元", K::yuan},
    Word{"圆", K::yuan},
    Word{"圓", K::yuan},
    Word{"角", K::jiao},
    Word{"分", K::fen},
    Word{"整", K::whole},
    Word{"正", K::whole},
    Word{"人民币", K::currency, 0, "CNY"},
    Word{"人民幣", K::currency, 0, "CNY"},
    Word{"¥", K::currency, 0, "CNY"},
    Word{"￥", K::currency, 0, "CNY"},
    Word{"美元", K::currency, 0, "USD"},
    Word{"美圆", K::currency, 0, "USD"},
    Word{"美金", K::currency, 0, "USD"},
    Word{"港币", K::currency, 0, "HKD"},
    Word{"港幣", K::currency, 0, "HKD"},
    Word{"港元", K::currency, 0, "HKD"},
    Word{"欧元", K::currency, 0, "EUR"},
    Word{"歐元", K::currency, 0, "EUR"},
    Word{"€", K::currency, 0, "EUR"},
    Word{"日元", K::currency, 0, "JPY"},
    Word{"日币", K::currency, 0, "JPY"},
    Word{"英镑", K::currency, 0, "GBP"},
    Word{"£", K::currency, 0, "GBP"},
    Word{"澳元", K::currency, 0, "AUD"},
    Word{"加元", K::currency, 0, "CAD"},
    Word{"新台币", K::currency, 0, "TWD"},
    Word{"台币", K::currency, 0, "TWD"},
    Word{"韩元", K::currency, 0, "KRW"},
    Word{"瑞士法郎", K::currency, 0, "CHF"},
    Word{"新加坡元", K::currency, 0, "SGD"},
    Word{"卢布", K::currency, 0, "RUB"},
    Word{"泰铢", K::currency, 0, "THB"},
    Word{"分之", K::fraction_of},
    Word{"%", K::percent},
    Word{"‰", K::permille},
    Word{"‱", K::permyriad},
    Word{"百分点", K::points},
    Word{"百分點", K::points},
    Word{"个", K::measure},
    Word{"個", K::measure},
    Word{"每", K::each},
    Word{"按", K::by},
    Word{"/", K::slash},
    Word{"日", K::period, per(RatePer::day)},
    Word{"天", K::period, per(RatePer::day)},
    Word{"周", K::period, per(RatePer::week)},
    Word{"星期", K::period, per(RatePer::week)},
    Word{"月", K::period, per(RatePer::month)},
    Word{"年", K::period, per(RatePer::year)},
    Word{"-", K::sign},
};

// ASCII currency words, matched whole and case-insensitively ("RMB 100", "usd100").
constexpr std::array kAsciiCurrencies{
    Word{"RMB", K::currency, 0, "CNY"}, Word{"CNY", K::currency, 0, "CNY"},
    Word{"USD", K::currency, 0, "USD"}, Word{"US$", K::currency, 0, "USD"},
    Word{"$", K::currency, 0, "USD"},   Word{"HKD", K::currency, 0, "HKD"},
    Word{"HK$", K::currency, 0, "HKD"}, Word{"EUR", K::currency, 0, "EUR"},
    Word{"JPY", K::currency, 0, "JPY"}, Word{"GBP", K::currency, 0, "GBP"},
};

bool is_digit(char c) { return c >= '0' && c <= '9'; }

Token token_of(const Word& word, std::string_view text) {
  Token token;
  token.kind = word.kind;
  token.value = word.value;
  token.text = text;
  token.code = word.code;
  token.capital = word.capital;
  token.read_by_digit = word.kind == K::digit && word.read_by_digit;
  return token;
}

bool is_space(char c) { return c == ' ' || c == '\t'; }

// The bytes of `rest` that spell `word`, spaces between its characters allowed
// ("百 分 之", "个百分 点"); 0 when `rest` does not start with it.
std::size_t spelled_length(std::string_view rest, std::string_view word) {
  std::size_t used = 0;
  for (std::size_t i = 0; i < word.size(); ++i) {
    const bool starts_character = (static_cast<unsigned char>(word[i]) & 0xC0) != 0x80;
    if (i > 0 && starts_character) {
      while (used < rest.size() && is_space(rest[used])) ++used;
    }
    if (used >= rest.size() || rest[used] != word[i]) return 0;
    ++used;
  }
  return used;
}

// The longest vocabulary word at the start of `rest`, and the bytes it spans.
std::pair<const Word*, std::size_t> longest_word(std::string_view rest) {
  const Word* best = nullptr;
  std::size_t best_length = 0;
  for (const Word& word : kWords) {
    const std::size_t length = spelled_length(rest, word.text);
    if (length > 0 && (!best || word.text.size() > best->text.size())) {
      best = &word;
      best_length = length;
    }
  }
  return {best, best_length};
}

// Digits, ',' and '.' each followed by a digit: "1,250,000.00", "7.1.10" (rejected later).
std::size_t arabic_length(std::string_view rest) {
  std::size_t length = 0;
  while (length < rest.size()) {
    const char c = rest[length];
    const bool joins = (c == ',' || c == '.') && length + 1 < rest.size() &&
                       is_digit(rest[length + 1]) && length > 0;
    if (!is_digit(c) && !joins) break;
    ++length;
  }
  return length;
}

bool equals_ignoring_case(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (std::toupper(static_cast<unsigned char>(a[i])) != b[i]) return false;
  }
  return true;
}

std::size_t ascii_word_length(std::string_view rest) {
  std::size_t length = 0;
  while (length < rest.size() &&
         (std::isalpha(static_cast<unsigned char>(rest[length])) || rest[length] == '$')) {
    ++length;
  }
  return length;
}

// 廿 and 卅 are two tokens: a digit and 十.
bool push_tens(std::string_view rest, std::vector<Token>& tokens) {
  constexpr std::string_view kTwenty = "廿", kThirty = "卅";
  if (!rest.starts_with(kTwenty) && !rest.starts_with(kThirty)) return false;
  const std::string_view text = rest.substr(0, kTwenty.size());
  tokens.push_back(token_of(Word{"", K::digit, rest.starts_with(kTwenty) ? 2 : 3}, text));
  tokens.back().read_by_digit = false;
  tokens.push_back(token_of(Word{"", K::small_unit, 1}, text));
  return true;
}

// One token (or two, for 廿/卅) from the start of `rest`; the bytes used, or 0 if none fits.
std::size_t next_token(std::string_view rest, std::vector<Token>& tokens) {
  if (const std::size_t length = arabic_length(rest); length > 0) {
    const std::optional<Decimal> value = Decimal::parse(rest.substr(0, length));
    if (!value) return 0;
    Token token = token_of(Word{"", K::arabic}, rest.substr(0, length));
    token.number = *value;
    tokens.push_back(token);
    return length;
  }
  if (const std::size_t length = ascii_word_length(rest); length > 0) {
    for (const Word& word : kAsciiCurrencies) {
      if (equals_ignoring_case(rest.substr(0, length), word.text)) {
        tokens.push_back(token_of(word, rest.substr(0, length)));
        return length;
      }
    }
    return 0;
  }
  if (push_tens(rest, tokens)) return tokens.back().text.size();
  const auto [word, length] = longest_word(rest);
  if (!word) return 0;
  tokens.push_back(token_of(*word, rest.substr(0, length)));
  return length;
}

}  // namespace

std::optional<std::vector<Token>> tokenize(std::string_view text) {
  std::vector<Token> tokens;
  std::size_t pos = 0;
  while (pos < text.size()) {
    if (is_space(text[pos])) {
      ++pos;
      continue;
    }
    const std::size_t used = next_token(text.substr(pos), tokens);
    if (used == 0) return std::nullopt;
    pos += used;
  }
  return tokens;
}

}  // namespace clause_scan::numbers_internal
