// Tests of the durations extractor: numbers and units in every written form, ranges, halves,
// filled-in blanks, and the look-alikes that are not durations.
#include <doctest/doctest.h>

#include <string>
#include <string_view>
#include <vector>

#include "extract_dates_support.h"

namespace {

using clause_scan::Duration;
using clause_scan::Summary;
using clause_scan::to_string;

Summary durations_of(std::string text) {
  return clause_scan::testing::run_extractor(clause_scan::extract::extract_durations,
                                             std::move(text));
}

// "10 working_day" for each duration, in order.
std::vector<std::string> described(const Summary& summary) {
  std::vector<std::string> out;
  for (const Duration& duration : summary.durations) {
    out.push_back(duration.value.to_string() + " " + std::string(to_string(duration.unit)));
  }
  return out;
}

struct DurationCase {
  std::string_view text;
  std::vector<std::string> expected;
};

const DurationCase kCases[] = {
    // Units.
    {"甲方收到乙方开具的等额发票后 10 个工作日内，支付中标金额的 70 %；", {"10 working_day"}},
    {"甲方应在十五日内将押金无息退还乙方。", {"15 day"}},
    {"乙方应提前三十(30)日书面通知甲方。", {"30 day"}},
    {"如果在六十（６０）天内不能通过友好讨论解决争议。", {"60 day"}},
    {"押金在合同签订后壹个（０１）日历月内退回，最迟不超过陆个（０６）日历月。",
     {"1 month", "6 month"}},
    {"土地使用年限伍拾（５０）年。", {"50 year"}},
    {"乙方应于合同签订后3个月内完成系统集成。", {"3 month"}},
    {"乙方提供一年的免费维护服务。", {"1 year"}},
    {"甲方接到乙方维修通知后应在 48 小时内进行维修。", {"48 hour"}},
    {"乙方应在入驻前至少一周以书面形式通知甲方。", {"1 week"}},
    {"两周内完成评估，四（４）星期内完成培训。", {"2 week", "4 week"}},
    {"合同签订后需在三十日历日之内完成主页升级改版。", {"30 day"}},
    {"工期总日历天数为 420 日历天。", {"420 day"}},
    {"应当提前7个自然日在停车场的显著位置发布公告。", {"7 day"}},
    {"发出电报或电传以后的二（２）个工作日。", {"2 working_day"}},
    {"次一营业日不计，五个营业日内办理完毕。", {"5 working_day"}},
    {"消防控制室实行二十四小时值班。", {"24 hour"}},
    {"第一期款项将于工厂开始作业之后十二（１２）个月到期应付。", {"12 month"}},
    // Halves.
    {"服务期半年内负担乙方医药费３０％，半年之后负担４０％。", {"0.5 year", "0.5 year"}},
    {"不满半年的，计发半个月的平均工资。", {"0.5 year", "0.5 month"}},
    {"试用期为一年半，培训期为一个半月。", {"1.5 year", "1.5 month"}},
    // Ranges: two durations with one unit.
    {"试用期为三至六个月。", {"3 month", "6 month"}},
    {"此种培训估计可在两个(２)至三个(３)星期的时间内完成。", {"2 week", "3 week"}},
    {"乙方应在 3-5 个工作日内答复。", {"3 working_day", "5 working_day"}},
    // Filled-in blanks, and blanks whose maximum the text fixes.
    {"甲方应在合同签订且确认无误后 ____3____ 日内汇入借款。", {"3 day"}},
    {"本合同项下的借款期限为 ____十____年。", {"10 year"}},
    {"乙方每期租金提前  3  日直接向甲方支付。", {"3 day"}},
    {"甲方应在收到退费申请后       （≤15）日内退款。", {"15 day"}},
    {"甲方应于        （≤15）个工作日内将费用支付给乙方。", {"15 working_day"}},
    // Sums measured in months, lengths of service.
    {"押金数额为   1  个月的租金。", {"1 month"}},
    {"乙方服务每满一年，甲方每年为其安排探亲假一次。", {"1 year"}},
    {"乙方累计工作已满 1 年不满 10 年的，年休假 5 天。", {"1 year", "10 year", "5 day"}},
    // Not durations.
    {"乙方应年满18周岁。", {}},
    {"市国资委 2026 年数字化项目。", {}},
    {"2025-2026年度运维服务项目。", {}},
    {"本合同于二〇二六年三月十八日在云川市签订。", {}},
    {"本合同于 2026 年 3 月 18 日签订。", {}},
    {"每逾期一日，应按中标金额的千分之一向甲方支付违约金。", {}},
    {"否则，每延期一天，按合同总价的千分之二向甲方支付违约金。", {}},
    {"逾期还款的，按每日万分之五计收滞纳金。", {}},
    {"本合同一式两份，甲乙双方各执一份。", {}},
    {"乙方应于每月5日前支付当月租金。", {}},
    {"晚上22时至次日6时为夜间。", {}},
    {"从第六日起每日按拖欠工资的１％赔偿。", {}},
    {"还款日为每季度末月的第一个工作日。", {}},
    {"甲方应在____日内付款。", {}},
    {"收费标准：□元/月 □元/季 □半年 □年", {}},
    {"在每期约定还款日的前一日结计甲方当期应还本金。", {}},
    {"期限最后一天的截止时间为当天24:00。", {}},
    {"1.1.4.9天：除特别指明外，均指日历天。", {}},
    {"按课时收费的，不得一次性收取超过60课时的费用。", {}},
    {"合同期从一九　　年　　月　　日起至　　年　　月　　日。", {}},
    {"本合同经双方商洽期限自１９９　年　月　日起。", {}},
    {"供电周率允许偏差为±０．２周／秒。", {}},
};

TEST_CASE("extract_durations: values and units") {
  for (const DurationCase& duration : kCases) {
    CAPTURE(duration.text);
    CHECK(described(durations_of(std::string(duration.text))) == duration.expected);
  }
}

TEST_CASE("extract_durations: source reference") {
  const Summary summary = durations_of(
      "五、付款\na. 合同签订生效且甲方收到发票后 10 个工作日内，支付中标金额的 70 %；\n");
  REQUIRE(summary.durations.size() == 1);
  CHECK(summary.durations[0].source.line == 2);
  CHECK(summary.durations[0].source.clause == "五、a");
  CHECK(summary.durations[0].source.text == "10 个工作日");
}

TEST_CASE("extract_durations: the text of a figure written twice is the whole of it") {
  const Summary summary = durations_of("如果在六十（６０）天内不能解决争议。");
  REQUIRE(summary.durations.size() == 1);
  CHECK(summary.durations[0].source.text == "六十（６０）天");
}

TEST_CASE("extract_durations: a date and a duration on one line") {
  CHECK(described(durations_of(
            "乙方未能在 2026 年 3 月 1 日进场的，逾期超过 10 日，甲方有权解除合同。")) ==
        std::vector<std::string>{"10 day"});
}

}  // namespace
