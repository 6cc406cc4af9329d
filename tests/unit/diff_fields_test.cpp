// Tests for diff_fields: the changes of the summary fields, on hand-built summaries.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "clause_scan/diff.h"

namespace {

using namespace clause_scan;

SourceRef at(const std::string& clause, int line) {
  SourceRef source;
  source.clause = clause;
  source.line = line;
  return source;
}

Decimal number(const char* text) { return *Decimal::parse(text); }

Amount amount(std::optional<std::string> label, const char* value, const std::string& clause,
              int line) {
  Amount result;
  result.label = std::move(label);
  result.value = number(value);
  result.source = at(clause, line);
  return result;
}

Party party(const std::string& role, std::optional<std::string> name, int line) {
  Party result;
  result.role = role;
  result.name = std::move(name);
  result.source = at("", line);
  return result;
}

Penalty penalty(PenaltyKind kind, const char* percent, const std::string& clause, int line) {
  Penalty result;
  result.kind = kind;
  result.percent = number(percent);
  result.source = at(clause, line);
  return result;
}

// "field label[ aspect]: old -> new (old_clause -> new_clause)[ change]" for one change.
std::string row(const FieldChange& change) {
  std::string text(to_string(change.field));
  text += " " + change.label;
  if (change.aspect) text += " " + *change.aspect;
  text += ": " + change.old_value.value_or("null") + " -> " + change.new_value.value_or("null");
  text +=
      " (" + change.old_clause.value_or("null") + " -> " + change.new_clause.value_or("null") + ")";
  if (change.change) text += " " + *change.change;
  return text;
}

std::vector<std::string> rows(const std::vector<FieldChange>& changes) {
  std::vector<std::string> result;
  for (const FieldChange& change : changes) result.push_back(row(change));
  return result;
}

}  // namespace

TEST_CASE("diff_fields: identical summaries have no changes") {
  Summary summary;
  summary.title = "运维服务合同";
  summary.parties = {party("甲方", "上海市大数据中心", 10)};
  summary.amounts = {amount("中标金额", "1977800.00", "2.2", 60)};
  CHECK(diff_fields(summary, summary).empty());
}

TEST_CASE("diff_fields: title and contract number, compared without spaces and forms") {
  Summary a, b;
  a.title = "运维服务合同";
  b.title = "运维服务合同（2026 年修订）";
  a.contract_no = "HT-2026-018";
  b.contract_no = "ＨＴ－２０２６－０１８";
  CHECK(rows(diff_fields(a, b)) ==
        std::vector<std::string>{
            "title : 运维服务合同 -> 运维服务合同（2026 年修订） (null -> null)",
        });
  CHECK(rows(diff_fields(a, b, TextCompare::strict)).size() == 2);
}

TEST_CASE("diff_fields: parties by role, their names") {
  Summary a, b;
  a.parties = {party("甲方", "云川市机关事务管理局", 10),
               party("乙方", "云川恒泰物业服务有限公司", 30)};
  b.parties = {party("甲方", "云川市机关事务管理局", 10),
               party("乙方", "云川恒泰物业管理有限公司", 30),
               party("丙方", "云川金穗投资控股有限公司", 45)};
  CHECK(rows(diff_fields(a, b)) ==
        std::vector<std::string>{
            "party 乙方: 云川恒泰物业服务有限公司 -> 云川恒泰物业管理有限公司 ( -> )",
            "party 丙方: null -> 云川金穗投资控股有限公司 (null -> )",
        });
  SUBCASE("a name written with full-width brackets is the same name") {
    Summary c = a, d = a;
    c.parties[1].name = "云川恒泰（中国）物业服务有限公司";
    d.parties[1].name = "云川恒泰(中国)物业服务有限公司";
    CHECK(diff_fields(c, d).empty());
  }
}

TEST_CASE("diff_fields: amounts by label with their relative change") {
  Summary a, b;
  a.amounts = {amount("中标金额", "1977800.00", "2.2", 60),
               amount("履约保证金", "98890.00", "2.5", 66),
               amount(std::nullopt, "45.00", "7.2.6", 188)};
  b.amounts = {amount("中标金额", "2100000.00", "2.2", 60),
               amount("履约保证金", "98890.00", "2.5", 66),
               amount(std::nullopt, "50.00", "7.2.6", 188)};
  CHECK(rows(diff_fields(a, b)) ==
        std::vector<std::string>{
            "amount 中标金额: 1977800.00 -> 2100000.00 (2.2 -> 2.2) +6.2%",
            "amount : 45.00 -> 50.00 (7.2.6 -> 7.2.6) +11.1%",
        });
  SUBCASE("a decrease") {
    std::swap(a.amounts, b.amounts);
    CHECK(row(diff_fields(a, b).front()) ==
          "amount 中标金额: 2100000.00 -> 1977800.00 (2.2 -> 2.2) -5.8%");
  }
}

TEST_CASE("diff_fields: amounts of one label pair by place first, unlabelled ones only by place") {
  Summary a, b;
  a.amounts = {amount("中标金额", "2386500.00", "2.2", 72),
               amount("中标金额", "2386500.00", "5.1", 132),
               amount(std::nullopt, "954600.00", "5.2", 138)};
  b.amounts = {amount("中标金额", "2386500.00", "5.1", 132),
               amount("中标金额", "2510000.00", "2.2", 72),
               amount(std::nullopt, "954600.00", "5.3", 140)};
  CHECK(rows(diff_fields(a, b)) ==
        std::vector<std::string>{
            "amount 中标金额: 2386500.00 -> 2510000.00 (2.2 -> 2.2) +5.2%",
            "amount : null -> 954600.00 (null -> 5.3)",
            "amount : 954600.00 -> null (5.2 -> null)",
        });
}

TEST_CASE("diff_fields: places from the clause alignment follow a renumbered clause") {
  Summary a, b;
  a.penalties = {penalty(PenaltyKind::liquidated_damages, "30", "9.3", 235),
                 penalty(PenaltyKind::liquidated_damages, "10", "9.4", 240)};
  b.penalties = {penalty(PenaltyKind::liquidated_damages, "10", "9.5", 245),
                 penalty(PenaltyKind::liquidated_damages, "20", "9.4", 240)};
  SUBCASE("by clause path (the default), the two 9.4 meet and 9.3 pairs with 9.5") {
    CHECK(rows(diff_fields(a, b)) == std::vector<std::string>{
                                         "penalty liquidated_damages: 30 -> 10 (9.3 -> 9.5)",
                                         "penalty liquidated_damages: 10 -> 20 (9.4 -> 9.4)",
                                     });
  }
  SUBCASE("with the alignment 9.3 -> 9.4 and 9.4 -> 9.5, only the rate of 9.3 changed") {
    FieldPlaces places;
    places.old_place = [](const SourceRef& source) {
      return source.clause == "9.3" ? std::string("9.4") : std::string("9.5");
    };
    places.new_place = [](const SourceRef& source) { return source.clause; };
    CHECK(rows(diff_fields(a, b, TextCompare::normalized, places)) ==
          std::vector<std::string>{"penalty liquidated_damages: 30 -> 20 (9.3 -> 9.4)"});
  }
}

TEST_CASE("diff_fields: penalty rate, period and cap") {
  Summary a, b;
  a.penalties = {penalty(PenaltyKind::late_delivery, "0.3", "八、(一)", 137)};
  a.penalties[0].per = RatePer::day;
  a.penalties[0].cap_percent = number("15");
  b.penalties = a.penalties;
  b.penalties[0].percent = number("0.5");
  b.penalties[0].per = RatePer::none;
  b.penalties[0].cap_percent = number("10");
  CHECK(rows(diff_fields(a, b)) ==
        std::vector<std::string>{
            "penalty late_delivery: 0.3 -> 0.5 (八、(一) -> 八、(一))",
            "penalty late_delivery per: day -> null (八、(一) -> 八、(一))",
            "penalty late_delivery cap: 15 -> 10 (八、(一) -> 八、(一))",
        });
}

TEST_CASE("diff_fields: a fixed sum in another currency is a change, and says its currency") {
  Summary a, b;
  a.penalties = {penalty(PenaltyKind::liquidated_damages, "0", "9", 88)};
  a.penalties[0].percent.reset();
  a.penalties[0].amount = number("5000");
  b.penalties = a.penalties;
  b.penalties[0].currency = "USD";
  a.payment_terms.resize(1);
  a.payment_terms[0].seq = 1;
  a.payment_terms[0].amount = number("20000");
  a.payment_terms[0].source = at("4", 40);
  b.payment_terms = a.payment_terms;
  b.payment_terms[0].amount = number("25000");
  b.payment_terms[0].currency = "HKD";
  CHECK(rows(diff_fields(a, b)) ==
        std::vector<std::string>{
            "installment 1: 20000.00 -> 25000.00 HKD (4 -> 4)",
            "penalty liquidated_damages: 5000.00 -> 5000.00 USD (9 -> 9)",
        });
}

TEST_CASE("diff_fields: the condition of a tier") {
  Summary a, b;
  a.penalties = {penalty(PenaltyKind::liquidated_damages, "5", "42", 241)};
  a.penalties[0].condition = "大于0.5节至1节包括一节";
  b.penalties = a.penalties;
  b.penalties[0].condition = "大于0.5节至1节";
  CHECK(rows(diff_fields(a, b)) ==
        std::vector<std::string>{"penalty liquidated_damages condition: 大于0.5节至1节包括一节 -> "
                                 "大于0.5节至1节 (42 -> 42)"});
}

TEST_CASE("diff_fields: the range of a penalty without a figure") {
  Summary a, b;
  a.penalties = {penalty(PenaltyKind::liquidated_damages, "0", "15.2.3", 1980)};
  a.penalties[0].percent.reset();
  a.penalties[0].range = PenaltyRange{number("1000"), number("30000"), RangeUnit::yuan};
  b.penalties = a.penalties;
  b.penalties[0].range->high = number("50000");
  CHECK(rows(diff_fields(a, b)) ==
        std::vector<std::string>{"penalty liquidated_damages range: 1000.00~30000.00 -> "
                                 "1000.00~50000.00 (15.2.3 -> 15.2.3)"});
  b.penalties[0].range = PenaltyRange{number("0.5"), number("3"), RangeUnit::percent};
  CHECK(rows(diff_fields(a, b)) ==
        std::vector<std::string>{"penalty liquidated_damages range: 1000.00~30000.00 -> 0.5%~3% "
                                 "(15.2.3 -> 15.2.3)"});
  CHECK(diff_fields(a, a).empty());
}

TEST_CASE("diff_fields: dates, periods and durations") {
  Summary a, b;
  DateMention signing;
  signing.value = Date{2026, 2, 9};
  signing.role = DateRole::signing;
  signing.source = at("13.5", 272);
  DateMention delivery;
  delivery.value = Date{2026, 5, 20};
  delivery.role = DateRole::other;
  delivery.source = at("第七条(一)", 104);
  a.dates = {signing, delivery};
  b.dates = a.dates;
  b.dates[0].value = Date{2026, 2, 12};
  b.dates[1].source.clause = "第七条(二)";  // an "other" date elsewhere is another date
  Period period;
  period.label = "服务期限";
  period.start.date = Date{2026, 3, 1};
  period.end.text = "合同签订日起一年";
  period.source = at("2.3", 74);
  a.periods = {period};
  b.periods = {period};
  b.periods[0].end = PeriodEnd{Date{2027, 2, 28}, "2027 年 2 月 28 日"};
  Duration due{number("10"), DurationUnit::working_day, at("5.2", 138)};
  a.durations = {due};
  b.durations = {due};
  b.durations[0].value = number("15");
  Duration added{number("3"), DurationUnit::day, at("10.2", 230)};
  b.durations.push_back(added);  // a duration with no counterpart is not a field change
  CHECK(rows(diff_fields(a, b)) == std::vector<std::string>{
                                       "date signing: 2026-02-09 -> 2026-02-12 (13.5 -> 13.5)",
                                       "date other: null -> 2026-05-20 (null -> 第七条(二))",
                                       "date other: 2026-05-20 -> null (第七条(一) -> null)",
                                       "period 服务期限: 2026-03-01/合同签订日起一年 -> "
                                       "2026-03-01/2027-02-28 (2.3 -> 2.3)",
                                       "duration : 10 working_day -> 15 working_day (5.2 -> 5.2)",
                                   });
}

TEST_CASE("diff_fields: installments by sequence number, percent and deadline") {
  auto term = [](int seq, const char* percent, int days) {
    Installment installment;
    installment.seq = seq;
    installment.percent = number(percent);
    installment.amount = number("1000.00");
    installment.due = Duration{Decimal::from_int(days), DurationUnit::working_day, at("5.2", 138)};
    installment.source = at("5.2", 136 + 2 * seq);
    return installment;
  };
  Summary a, b;
  a.payment_terms = {term(1, "40", 10), term(2, "30", 10), term(3, "30", 15)};
  b.payment_terms = {term(1, "30", 10), term(2, "30", 5)};
  b.payment_terms[1].amount = number("2000.00");  // computed from the percent: not compared
  CHECK(rows(diff_fields(a, b)) ==
        std::vector<std::string>{
            "installment 1: 40 -> 30 (5.2 -> 5.2)",
            "installment 2 due: 10 working_day -> 5 working_day (5.2 -> 5.2)",
            "installment 3: 30 -> null (5.2 -> null)",
        });
}
