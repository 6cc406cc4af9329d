// Decimal and the parsers of numbers, sums and rates: tables of the ways contracts write them,
// each row one CHECK on the whole result written out ("1977800.00 CNY 大写").
#include <doctest/doctest.h>

#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "clause_scan/numbers.h"

namespace {

using clause_scan::Decimal;

struct Row {
  std::string input;
  std::string expected;  // the result written out, or "none"
};

// "1977800.00 CNY", then " ~" when approximate and " 大写" when written in capitals.
std::string describe_money(std::string_view text) {
  const auto money = clause_scan::parse_money(text);
  if (!money) return "none";
  return clause_scan::format_money(money->value) + " " + money->currency +
         (money->approximate ? " ~" : "") + (money->capitals ? " 大写" : "");
}

// "30", then " ~" when approximate.
std::string describe_number(std::string_view text) {
  const auto number = clause_scan::parse_number(text);
  if (!number) return "none";
  return number->value.to_string() + (number->approximate ? " ~" : "");
}

// "0.05%/day", "20 points".
std::string describe_rate(std::string_view text) {
  const auto rate = clause_scan::parse_rate(text);
  if (!rate) return "none";
  std::string out = clause_scan::format_percent(rate->percent);
  out += rate->kind == clause_scan::RateKind::points ? " points" : "%";
  if (rate->per != clause_scan::RatePer::none) out += "/" + std::string(to_string(rate->per));
  return out;
}

std::string decimal_text(std::string_view text) {
  const auto value = Decimal::parse(text);
  return value ? value->to_string() : "none";
}

std::string text_of(std::optional<Decimal> value) { return value ? value->to_string() : "none"; }

Decimal dec(std::string_view text) { return *Decimal::parse(text); }

}  // namespace

TEST_CASE("Decimal::parse reads plain figures, groups of three and nothing else") {
  const std::vector<Row> rows{
      {"30", "30"},
      {"-3.5", "-3.5"},
      {"+7", "7"},
      {"1977800.00", "1977800"},
      {"1,977,800.00", "1977800"},
      {"1,000", "1000"},
      {"0.50", "0.5"},
      {"007", "7"},
      {"01.10", "1.1"},
      {"0.000000000001", "0.000000000001"},  // 12 decimals: the most a Decimal holds
      {"0.1000000000000", "0.1"},            // 13 decimals, but the last are zeros
      {"0.0000000000001", "none"},           // 13 significant decimals
      {"9223372036854775807", "9223372036854775807"},
      {"-9223372036854775808", "-9223372036854775808"},
      {"9223372036854775808", "none"},  // int64 + 1
      {"99999999999999999999", "none"},
      {"", "none"},
      {"-", "none"},
      {".5", "none"},
      {"5.", "none"},
      {"1..2", "none"},
      {"7.1.10", "none"},  // a clause number
      {"1,2345", "none"},
      {"19,77,800", "none"},
      {"1234,567", "none"},
      {"1,000.5,0", "none"},
      {"1 000", "none"},
      {"abc", "none"},
  };
  for (const Row& row : rows) {
    CAPTURE(row.input);
    CHECK(decimal_text(row.input) == row.expected);
  }
}

TEST_CASE("Decimal formats money, percents and grouped figures") {
  CHECK(dec("1977800").to_fixed(2) == "1977800.00");
  CHECK(dec("1977800").to_grouped(2) == "1,977,800.00");
  CHECK(dec("-1234.5").to_grouped(2) == "-1,234.50");
  CHECK(dec("999").to_grouped(2) == "999.00");
  CHECK(dec("1000").to_grouped(0) == "1,000");
  CHECK(dec("123456").to_grouped(2) == "123,456.00");
  CHECK(dec("0.5").to_grouped(2) == "0.50");
  CHECK(dec("2.345").to_fixed(2) == "2.35");  // halves away from zero
  CHECK(dec("-2.345").to_fixed(2) == "-2.35");
  CHECK(dec("2.344").to_fixed(2) == "2.34");
  CHECK(dec("0.005").to_fixed(2) == "0.01");
  CHECK(dec("1429249.5864").to_fixed(2) == "1429249.59");
  CHECK(dec("25.50").to_string() == "25.5");
  CHECK(dec("-0").to_string() == "0");
  CHECK(clause_scan::format_money(dec("593340")) == "593340.00");
  CHECK(clause_scan::format_money(dec("0.1")) == "0.10");
  CHECK(clause_scan::with_currency("5000.00", "USD") == "5000.00 USD");
  CHECK(clause_scan::with_currency("593,340.00", "CNY") == "593,340.00");
  CHECK(clause_scan::format_percent(dec("30.00")) == "30");
  CHECK(clause_scan::format_percent(dec("0.50")) == "0.5");
  CHECK(clause_scan::format_percent(dec("0.05")) == "0.05");
  CHECK(Decimal::from_units(std::numeric_limits<std::int64_t>::min(), 2).to_string() ==
        "-92233720368547758.08");
}

TEST_CASE("Decimal arithmetic is exact and refuses to overflow") {
  const Decimal max = Decimal::from_int(std::numeric_limits<std::int64_t>::max());
  CHECK(text_of(dec("1977800.00").percent_of(dec("30"))) == "593340");
  CHECK(clause_scan::format_money(*dec("1977800.00").percent_of(dec("30"))) == "593340.00");
  CHECK(text_of(dec("1977800").percent_of(dec("0.05"))) == "988.9");
  CHECK(text_of(dec("0.1").add(dec("0.2"))) == "0.3");
  CHECK(text_of(dec("0.3").sub(dec("0.1"))) == "0.2");
  CHECK(text_of(dec("1.5").mul(dec("10000"))) == "15000");
  CHECK(text_of(dec("0.000001").mul(dec("0.000001"))) == "0.000000000001");
  CHECK(text_of(dec("0.0000001").mul(dec("0.000001"))) == "0");  // 10^-13: rounded to 12 places
  CHECK(text_of(dec("0.000002").mul(dec("0.25"))) == "0.0000005");
  CHECK(text_of(max.add(Decimal::from_int(1))) == "none");
  CHECK(text_of(max.mul(Decimal::from_int(2))) == "none");
  CHECK(text_of(Decimal::from_int(std::numeric_limits<std::int64_t>::min())
                    .sub(Decimal::from_int(1))) == "none");
  CHECK(text_of(dec("92233720368547758.07").add(dec("0.01"))) == "none");
  CHECK(text_of(dec("1000000000000000000").add(dec("0.5"))) == "none");  // 20 digits
  CHECK(text_of(dec("4294967296").mul(dec("4294967296"))) == "none");    // 2^64
  CHECK(text_of(dec("4294967296").mul(dec("2147483647"))) == "9223372032559808512");
}

TEST_CASE("Decimal compares values, not spellings") {
  CHECK(dec("30") == dec("30.00"));
  CHECK(dec("0.5") < dec("0.51"));
  CHECK(dec("-1") < dec("0"));
  CHECK(dec("1977800.00") > dec("1977799.999"));
  CHECK(dec("1").round(0) == dec("1.0"));
}

TEST_CASE("parse_money: sums as contracts write them") {
  const std::vector<Row> rows{
      // capitals (大写)
      {"壹佰玖拾柒万柒仟捌佰元整", "1977800.00 CNY 大写"},
      {"贰拾万零伍佰元整", "200500.00 CNY 大写"},
      {"叁仟元伍角", "3000.50 CNY 大写"},
      {"壹佰壹拾万贰仟陆佰壹拾肆元陆角", "1102614.60 CNY 大写"},
      {"伍元伍角整", "5.50 CNY 大写"},
      {"拾元", "10.00 CNY 大写"},
      {"人民币壹万元整", "10000.00 CNY 大写"},
      {"人民币 柒拾玖万元整", "790000.00 CNY 大写"},
      {"肆仟柒佰陆拾肆万壹仟陆佰伍拾贰元捌角捌分", "47641652.88 CNY 大写"},
      {"壹佰叁拾万零伍佰柒拾陆元捌角陆分", "1300576.86 CNY 大写"},
      {"肆仟陆佰叁拾肆万壹仟零柒拾陆元", "46341076.00 CNY 大写"},
      {"玖仟陆佰陆拾伍圆壹角捌分", "9665.18 CNY 大写"},
      {"壹拾万零叁仟肆佰伍拾叁元整", "103453.00 CNY 大写"},
      {"壹亿伍仟万陆仟叁佰伍拾伍元整", "150006355.00 CNY 大写"},
      {"叁仟壹佰万零伍拾肆元整", "31000054.00 CNY 大写"},
      {"贰佰万元正", "2000000.00 CNY 大写"},
      {"壹佰万圆整", "1000000.00 CNY 大写"},
      {"叁万元零伍分", "30000.05 CNY 大写"},
      {"壹元零壹分", "1.01 CNY 大写"},
      {"伍角", "0.50 CNY 大写"},
      {"捌分", "0.08 CNY 大写"},
      {"贰拾元零角伍分", "20.05 CNY 大写"},
      {"零元", "0.00 CNY"},
      {"零元整", "0.00 CNY"},
      {"贰万伍仟元整人民币", "25000.00 CNY 大写"},
      {"貳萬伍仟圓整", "25000.00 CNY 大写"},  // traditional forms
      {"叁佰参拾元", "330.00 CNY 大写"},
      // figures
      {"1977800元", "1977800.00 CNY"},
      {"1977800.00元", "1977800.00 CNY"},
      {"1,977,800.00元", "1977800.00 CNY"},
      {"人民币1,977,800.00元", "1977800.00 CNY"},
      {"人民币 1977800 元", "1977800.00 CNY"},
      {"人民币1977800元整", "1977800.00 CNY"},
      {"¥95800.00", "95800.00 CNY"},
      {"¥95800.00元", "95800.00 CNY"},
      {"¥ 47641652.88 元", "47641652.88 CNY"},
      {"￥395,000.00元", "395000.00 CNY"},
      {"人民币¥790,000.00元", "790000.00 CNY"},
      {"RMB 1,250,000.00", "1250000.00 CNY"},
      {"RMB1250000元", "1250000.00 CNY"},
      {"CNY 100", "100.00 CNY"},
      {"人民币100", "100.00 CNY"},
      {"1429249.5864 元", "1429249.59 CNY"},
      {"0.5元", "0.50 CNY"},
      {"50元6角3分", "50.63 CNY"},
      {"123元1角1分", "123.11 CNY"},
      // with 万 and 亿
      {"1.5万元", "15000.00 CNY"},
      {"125 万元", "1250000.00 CNY"},
      {"500 万元", "5000000.00 CNY"},
      {"500万元", "5000000.00 CNY"},
      {"3千万元", "30000000.00 CNY"},
      {"0.5万元", "5000.00 CNY"},
      {"1.2345万元", "12345.00 CNY"},
      {"12.5亿元", "1250000000.00 CNY"},
      {"人民币12.5亿元", "1250000000.00 CNY"},
      {"8亿元人民币", "800000000.00 CNY"},
      {"1,100.9亿元", "110090000000.00 CNY"},
      // lower case words
      {"一百万元", "1000000.00 CNY"},
      {"五十万元", "500000.00 CNY"},
      {"两万元", "20000.00 CNY"},
      {"十万元整", "100000.00 CNY"},
      {"一万五千元", "15000.00 CNY"},
      {"六十四万零一百四十三元一角七分", "640143.17 CNY"},
      {"一百二十三元1角1分", "123.11 CNY"},
      // other currencies
      {"USD 100", "100.00 USD"},
      {"100美元", "100.00 USD"},
      {"5万美元", "50000.00 USD"},
      {"US$2,000", "2000.00 USD"},
      {"$2,000", "2000.00 USD"},
      {"美元100元", "100.00 USD"},
      {"港币10万元", "100000.00 HKD"},
      {"10万港元", "100000.00 HKD"},
      {"HK$500", "500.00 HKD"},
      {"欧元3000", "3000.00 EUR"},
      {"3000欧元", "3000.00 EUR"},
      {"€3000", "3000.00 EUR"},
      {"三万元欧元", "30000.00 EUR"},
      {"1万亿日元", "1000000000000.00 JPY"},
      {"2000英镑", "2000.00 GBP"},
      // approximate
      {"三十几万元", "300000.00 CNY ~"},
      {"二百余万元", "2000000.00 CNY ~"},
      {"一千多万元", "10000000.00 CNY ~"},
      {"十几万元", "100000.00 CNY ~"},
      {"几十万元", "100000.00 CNY ~"},
      {"数十万元", "none"},
      {"3000多元", "3000.00 CNY ~"},
      {"500余万元", "5000000.00 CNY ~"},
      {"约50万元", "500000.00 CNY ~"},
      {"大约50万元", "500000.00 CNY ~"},
      {"50万元左右", "500000.00 CNY ~"},
      {"约人民币50万元", "500000.00 CNY ~"},
      {"人民币约50万元", "500000.00 CNY ~"},
      {"约4.287亿美元", "428700000.00 USD ~"},
      // signs
      {"负壹角", "-0.10 CNY 大写"},
      {"-500元", "-500.00 CNY"},
      // edges: 2^31 - 1, 2^31, 2^31 + 1, 2^53 + 1 (a double would say ...992), int64 fen
      {"2147483647元", "2147483647.00 CNY"},
      {"2147483648元", "2147483648.00 CNY"},
      {"2147483649元", "2147483649.00 CNY"},
      {"9007199254740993元", "9007199254740993.00 CNY"},
      {"9007199254740993.99元", "9007199254740993.99 CNY"},
      {"92233720368547758.07元", "92233720368547758.07 CNY"},
      {"92233720368547758.08元", "none"},
      {"999999999999999999999元", "none"},
      {"壹仟壹佰壹拾壹万壹仟壹佰壹拾壹亿壹仟壹佰壹拾壹万壹仟壹佰壹拾壹元",
       "1111111111111111.00 CNY 大写"},
  };
  for (const Row& row : rows) {
    CAPTURE(row.input);
    CHECK(describe_money(row.input) == row.expected);
  }
}

TEST_CASE("parse_money keeps every decimal of the figure") {
  CHECK(clause_scan::parse_money("1429249.5864 元")->value.to_string() == "1429249.5864");
  CHECK(clause_scan::parse_money("9007199254740993元")->value.units() == 9007199254740993);
}

TEST_CASE("parse_money: what is not one sum") {
  const std::vector<std::string> rejects{
      "",
      "元",
      "元整",
      "万元",
      "人民币",
      "人民币元",
      "人民币             元",  // a blank left to fill in
      "¥ 元",
      "甲方",
      "100",  // a bare figure names no currency
      "壹佰万",
      "一二三四元",  // digit by digit: a code, not a sum
      "二〇二六元",
      "人民币（大写）壹万元整",  // the label is the rule's to drop
      "人民币:100元",
      "1万-5万元",     // a range
      "不超过50万元",  // a bound
      "50万元以上",
      "人民币100美元",  // two currencies
      "¥100美元",
      "7.1.10元",
      "1,2345元",
      "1 000元",
      "三块",  // colloquial units
      "十块三毛",
      "15k",
      "30w元",
      "两个亿元",
      "伍角伍角",
      "元100",
      "--500元",
      "一萬零卌元",
  };
  for (const std::string& input : rejects) {
    CAPTURE(input);
    CHECK(describe_money(input) == "none");
  }
}

TEST_CASE("parse_number: numbers in words, figures and both") {
  const std::vector<Row> rows{
      {"三十", "30"},
      {"一百零五", "105"},
      {"十五", "15"},
      {"两千", "2000"},
      {"二〇二六", "2026"},
      {"二零二六", "2026"},
      {"一七二零点一", "1720.1"},
      {"一千零一", "1001"},
      {"一千零十", "1010"},
      {"十万零一", "100001"},
      {"一万二百五十", "10250"},
      {"一百零十万", "1100000"},
      {"七十八万五佰零六", "780506"},
      {"一亿五千万零六千三百五十五", "150006355"},
      {"四亿五千六百四十二万零一十五", "456420015"},
      {"一千一百一十一万一千一百一十一亿一千一百一十一万一千一百一十一", "1111111111111111"},
      {"三万五", "35000"},
      {"一百二", "120"},
      {"两千六", "2600"},
      {"一百二十万三", "1203000"},
      {"百三", "130"},
      {"千三", "1300"},
      {"两千三点一", "2300.1"},
      {"三点五万", "35000"},
      {"两千万点五五四四", "20000000.5544"},
      {"十点二三三", "10.233"},
      {"零点五", "0.5"},
      {"零点零", "0"},
      {"零", "0"},
      {"〇", "0"},
      {"十", "10"},
      {"百", "100"},
      {"廿二", "22"},
      {"卅一", "31"},
      {"负三十二", "-32"},
      {"負三十二", "-32"},
      {"-10.5", "-10.5"},
      {"壹佰万", "1000000"},
      {"壹佰伍拾", "150"},
      {"肆佰陸拾", "460"},
      {"拾万零五十六", "100056"},
      {"兩千四百五", "2450"},
      {"四萬五千六百二十二", "45622"},
      {"1.5万", "15000"},
      {"3千万", "30000000"},
      {"1,250,000.00", "1250000"},
      {"5万4千6百", "54600"},
      {"1万600", "10600"},
      {"1千零1", "1001"},
      {"3万5", "30005"},  // no spoken shorthand after figures
      {"1.5亿两", "150000002"},
      {"200亿零四千230", "20000004230"},
      {"4.78万亿", "4780000000000"},
      {"四万万", "400000000"},
      {"10万万", "1000000000"},
      {"二十万亿", "20000000000000"},
      {"1000  万", "10000000"},
      {"一百 五 十 二", "152"},
      {"2147483647", "2147483647"},
      {"-2147483649", "-2147483649"},
      {"9007199254740993", "9007199254740993"},
      // approximate
      {"三十几万", "300000 ~"},
      {"二百余万", "2000000 ~"},
      {"一千多万", "10000000 ~"},
      {"十 余 万", "100000 ~"},
      {"一百零几万", "1000000 ~"},
      {"几十万", "100000 ~"},
      {"几万", "10000 ~"},
      {"三百几十", "310 ~"},
      {"一百二十几", "120 ~"},
      {"四百多", "400 ~"},
      {"约三十", "30 ~"},
      {"三十左右", "30 ~"},
  };
  for (const Row& row : rows) {
    CAPTURE(row.input);
    CHECK(describe_number(row.input) == row.expected);
  }
}

TEST_CASE("parse_number: what is not one number") {
  const std::vector<std::string> rejects{
      "",       "万",     "万万",     "元",         "甲方",     "一切",   "十一十二",
      "零点",   "点五",   "点零",     "负",         "1 234",    "7.1.10", "两两",
      "三十元", "30%",    "一二三万", "一万一千万", "三十几几", "十余余", "多",
      "一亿万", "第三条", "1.5.3",    "五兆",       "倆千",     "幺八九", ".5",
  };
  for (const std::string& input : rejects) {
    CAPTURE(input);
    CHECK(describe_number(input) == "none");
  }
}

TEST_CASE("parse_rate: percentages, per-mille and points") {
  const std::vector<Row> rows{
      {"30%", "30%"},
      {"30 %", "30%"},
      {"100%", "100%"},
      {"0.5%", "0.5%"},
      {"-22.2%", "-22.2%"},
      {"百分之三十", "30%"},
      {"百分之二十五点五", "25.5%"},
      {"百分之百", "100%"},
      {"百分之一百二十点五", "120.5%"},
      {"百分之0.5", "0.5%"},
      {"百分之1,669", "1669%"},
      {"百 分 之 五", "5%"},
      {"千分之五", "0.5%"},
      {"千分之二", "0.2%"},
      {"千分之一百一十一点一一二", "11.1112%"},
      {"仟分之贰", "0.2%"},
      {"万分之五", "0.05%"},
      {"萬分之肆", "0.04%"},
      {"万分之六点五", "0.065%"},
      {"十万分之五", "0.005%"},
      {"百万分之五", "0.0005%"},
      {"一百分之五十", "50%"},
      {"十分之三", "30%"},
      {"5‰", "0.5%"},
      {"1‰", "0.1%"},
      {"0.5‰", "0.05%"},
      {"5‱", "0.05%"},
      {"0.05%/日", "0.05%/day"},
      {"0.05%/天", "0.05%/day"},
      {"0.5‰/天", "0.05%/day"},
      {"0.2‰/天", "0.02%/day"},
      {"每日万分之五", "0.05%/day"},
      {"每天千分之二", "0.2%/day"},
      {"按日万分之五", "0.05%/day"},
      {"按每日万分之五", "0.05%/day"},
      {"日万分之五", "0.05%/day"},
      {"每日十万分之五", "0.005%/day"},
      {"万分之五每日", "0.05%/day"},
      {"每日0.05%", "0.05%/day"},
      {"每周千分之一", "0.1%/week"},
      {"每星期1%", "1%/week"},
      {"每月2%", "2%/month"},
      {"2%/月", "2%/month"},
      {"4.35%/年", "4.35%/year"},
      {"每日万分之五/日", "0.05%/day"},
      {"20个百分点", "20 points"},
      {"二十个百分点", "20 points"},
      {"2.5个百分点", "2.5 points"},
      {"5百分点", "5 points"},
      {"四点五个百分点", "4.5 points"},
  };
  for (const Row& row : rows) {
    CAPTURE(row.input);
    CHECK(describe_rate(row.input) == row.expected);
  }
}

TEST_CASE("parse_rate: what is not one rate") {
  const std::vector<std::string> rejects{
      "",
      "%",
      "百分之",
      "千分之",
      "甲方",
      "30",
      "三分之一",
      "五百分之2.2",
      "百分之二三十",
      "约30%",
      "30%左右",
      "30%多",
      "30%/",
      "每30%",
      "每日",
      "每日0.05%/月",
      "30%%",
      "个百分点",
      "百分点",
      "30%元",
      "1.5万",
      "三成",
      "七折",
      "30 %%",
      "百分之三十元",
      "每日按万分之五",
  };
  for (const std::string& input : rejects) {
    CAPTURE(input);
    CHECK(describe_rate(input) == "none");
  }
}

TEST_CASE("to_string(RatePer) gives the summary's words") {
  CHECK(to_string(clause_scan::RatePer::none).empty());
  CHECK(to_string(clause_scan::RatePer::day) == "day");
  CHECK(to_string(clause_scan::RatePer::week) == "week");
  CHECK(to_string(clause_scan::RatePer::month) == "month");
  CHECK(to_string(clause_scan::RatePer::year) == "year");
}
