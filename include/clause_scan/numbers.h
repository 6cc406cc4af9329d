// numbers.h: exact decimals and the one parser of Chinese numbers, sums and rates.
//
// Money and rates are never `double` in clause-scan. Decimal holds units / 10^scale in a
// 64-bit integer (products use 128 bits), which is exact for every sum a contract writes.
// Formatting of money ("1977800.00", "1,977,800.00") and of percents ("30", "0.5") lives here
// and nowhere else.
//
// The parsers take the words a rule captured (normalized text: ASCII digits, '%', ',') and
// understand every way contracts write numbers:
//   capitals     壹佰玖拾柒万柒仟捌佰元整 -> 1977800.00; 贰拾万零伍佰元整 -> 200500.00;
//                叁仟元伍角 -> 3000.50 (零壹贰叁肆伍陆柒捌玖拾佰仟万亿 圆/元 角 分 整/正)
//   lower case   三十 -> 30; 一百零五 -> 105; 两千 -> 2000; 二〇二六 -> 2026 (digit by digit)
//   mixed        1.5万元; 125 万元; 3千万; 1,250,000.00; 人民币 1977800 元; ¥95800.00
//   rates        30%; 30 %; 百分之三十; 百分之二十五点五; 千分之五 (0.5); 万分之五 (0.05);
//                每日十万分之五 (0.005); 0.05%/日 (per day); 5‰ (0.5)
//   approximate  三十几万元, 二百余万元, 一千多万元 (value: the lower bound), 约50万元,
//                50万元左右 (value: the estimate); `approximate` is set
//   points       20个百分点 is a change in percentage points, not a percentage
//
// What is read. Each parser takes the whole text: spaces around and between words are
// ignored (125 万元, 百 分 之 五), but two figures apart are not one number (1 234). Word
// variants: 〇 for 零, 两/兩, 参/參 for 叁, 廿 (20), 卅 (30), and the traditional 萬 億 貳 陸
// 點 負 幾 圓. Spoken shorthand: a last digit right after 百 or a larger unit counts one place
// lower (三万五 = 35000, 一百二 = 120), as cn2an and Recognizers-Text read it.
//
// What is not, on purpose (the rule that captured the words must leave them out):
//   - labels and punctuation: "（大写）", "人民币：", "金额为"; bounds and ranges: 不超过,
//     以上, 1万-5万元; fractions other than powers of ten: 三分之一;
//   - colloquial or ambiguous units: 块, 毛, 1.5k, 30w, 两个亿; 兆 (10^6 or 10^12?), 俩, 幺;
//   - a figure starting with '.' (.5), more than 12 decimals, values beyond int64 units.
//
// Failure: the parse functions return std::nullopt for text that is not a number of their
// kind; they never throw. Arithmetic that would overflow 64 bits gives std::nullopt too.
// Thread-safety: everything here is a pure function.
#pragma once

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace clause_scan {

class Decimal {
 public:
  Decimal() = default;                                       // zero
  static Decimal from_units(std::int64_t units, int scale);  // units / 10^scale, scale 0..12
  static Decimal from_int(std::int64_t value) { return from_units(value, 0); }

  // Plain decimal text: "30", "-3.5", "1977800.00", "1,977,800.00" (',' groups allowed).
  static std::optional<Decimal> parse(std::string_view text);

  std::int64_t units() const { return units_; }
  int scale() const { return scale_; }
  bool is_zero() const { return units_ == 0; }

  // Exact arithmetic; std::nullopt on overflow. A product with more than 12 decimals is
  // rounded (halves away from zero) to 12.
  std::optional<Decimal> add(Decimal other) const;
  std::optional<Decimal> sub(Decimal other) const;
  std::optional<Decimal> mul(Decimal other) const;
  // this * percent / 100, e.g. 1977800.00 x 30 -> 593340.00 (exact, before rounding).
  std::optional<Decimal> percent_of(Decimal percent) const;
  // Rounded to `places` decimals, halves away from zero.
  Decimal round(int places) const;

  // Value comparison: 30 == 30.00.
  friend bool operator==(const Decimal& a, const Decimal& b);
  friend std::strong_ordering operator<=>(const Decimal& a, const Decimal& b);

  std::string to_string() const;             // shortest exact form: "30", "0.5", "25.5"
  std::string to_fixed(int places) const;    // rounded: to_fixed(2) -> "1977800.00"
  std::string to_grouped(int places) const;  // "1,977,800.00"

 private:
  std::int64_t units_ = 0;
  int scale_ = 0;
};

// Money in the summary's form: exactly two decimals ("593340.00").
std::string format_money(Decimal value);
// A written sum followed by its currency's ISO 4217 code, unless it is yuan (CNY), which every
// output assumes: ("5000.00", "USD") -> "5000.00 USD"; ("593340.00", "CNY") -> "593340.00".
std::string with_currency(std::string figure, std::string_view currency);
// Percent in the summary's form: shortest exact decimal ("30", "0.5", "0.05").
std::string format_percent(Decimal percent);

struct ParsedNumber {
  Decimal value;
  bool approximate = false;  // 三十几, 二百余, 一千多: the lower bound; 约50, 50左右: the estimate
};

// An integer or decimal number written in any of the forms above, without a currency or a
// percent: "三十", "一百零五", "1.5万", "3千万", "1,250,000.00", "二〇二六", "壹佰万",
// "负三", "约三十", "三十几万". Digit-by-digit readings (一二三, 二〇二六) are numbers here.
std::optional<ParsedNumber> parse_number(std::string_view text);

struct ParsedMoney {
  Decimal value;         // in yuan (or the unit of `currency`)
  std::string currency;  // ISO 4217: "CNY" unless the text names another (美元 -> USD)
  bool approximate = false;
  bool capitals = false;  // written in 大写 (壹贰叁 …)
};

// A sum of money: "1977800元", "人民币 1,977,800.00 元", "¥95800.00", "1.5万元",
// "壹佰玖拾柒万柒仟捌佰元整", "叁仟元伍角", "约50万元", "三十几万元", "USD 100".
//   [约] [currency] [负] figure (元 | 圆 | currency) [[零] digit 角] [[零] digit 分]
//   [整 | 正] [currency] [左右 | 上下]
// Currencies: 人民币 RMB CNY ¥ ￥ -> CNY; 美元 美金 USD US$ $ -> USD; 港币 港元 HKD HK$ -> HKD;
// 欧元 EUR € -> EUR; also 日元 英镑 澳元 加元 新台币 韩元 瑞士法郎 新加坡元 卢布 泰铢. Several
// names must agree (人民币 … 美元 is rejected). A figure with no 元 is a sum only after a
// currency (¥95800.00, USD 100, 人民币 100); "一二三四元" (digit by digit) is not a sum.
std::optional<ParsedMoney> parse_money(std::string_view text);

enum class RateKind {
  percent,  // a share of something: 30%, 千分之五
  points,   // a change in percentage points: 20个百分点
};

enum class RatePer { none, day, week, month, year };

struct ParsedRate {
  Decimal percent;  // in percent units: 30% -> 30; 千分之五 -> 0.5; 万分之五 -> 0.05
  RateKind kind = RateKind::percent;
  RatePer per = RatePer::none;  // 0.05%/日, 每日万分之五 -> day
};

// A rate: "30%", "百分之三十", "千分之五", "万分之五", "十万分之五", "5‰", "20个百分点",
// "0.05%/日", "每日万分之五", "按日万分之五", "万分之五每日".
//   [按] [每] [日 天 周 星期 月 年] body [/] [每] [日 天 周 星期 月 年]
// The period before the rate needs no 每 (日万分之五); after it, it needs '/' or 每.
// Approximate words (约, 多) are rejected: a rate in a contract is exact.
std::optional<ParsedRate> parse_rate(std::string_view text);

// "day", "week", "month", "year", or "" for none.
std::string_view to_string(RatePer per);

}  // namespace clause_scan
