// Tests of the periods extractor: named and unnamed periods, ends as dates or as words,
// blank templates, and lengths without ends (which are durations, not periods).
#include <doctest/doctest.h>

#include <string>
#include <string_view>
#include <vector>

#include "extract_dates_support.h"

namespace {

using clause_scan::Period;
using clause_scan::PeriodEnd;
using clause_scan::Summary;

Summary periods_of(std::string text) {
  return clause_scan::testing::run_extractor(clause_scan::extract::extract_periods,
                                             std::move(text));
}

// An end as "2026-12-31" (a date) or "[合同签订日]" (words only).
std::string described(const PeriodEnd& end) {
  return end.date ? end.date->iso() : "[" + end.text + "]";
}

// "label: start -> end" for each period.
std::vector<std::string> described(const Summary& summary) {
  std::vector<std::string> out;
  for (const Period& period : summary.periods) {
    out.push_back(period.label.value_or("null") + ": " + described(period.start) + " -> " +
                  described(period.end));
  }
  return out;
}

struct PeriodCase {
  std::string_view text;
  std::vector<std::string> expected;
};

const PeriodCase kCases[] = {
    {"2.3 服务期限：自合同签订日起至 2026 年 12 月 31 日。乙方应在服务期间内提供服务。",
     {"服务期限: [合同签订日] -> 2026-12-31"}},
    {"本合同为固定期限劳动合同，合同期限为三年，自 2026 年 4 月 1 日起至 2029 年 3 月 31 日止。",
     {"合同期限: 2026-04-01 -> 2029-03-31"}},
    {"第二条 试用期为三个月，自 2026 年 4 月 1 日起至 2026 年 6 月 30 日止。",
     {"试用期: 2026-04-01 -> 2026-06-30"}},
    {"2.3 服务期限：自２０２６年３月１日起至２０２７年２月２８日止，共计 12 个月。",
     {"服务期限: 2026-03-01 -> 2027-02-28"}},
    {"甲方给予乙方免租期两个月，自 2026 年 3 月 1 日起至 2026 年 4 月 30 日止，供乙方装修使用。",
     {"免租期: 2026-03-01 -> 2026-04-30"}},
    {"2.2“建设期”：指自合同生效之日至本合同项目通过验收合格之日止。",
     {"建设期: [合同生效之日] -> [本合同项目通过验收合格之日]"}},
    {"保密期限自本合同签订之日起至上述信息依法公开之日止。",
     {"保密期限: [本合同签订之日] -> [上述信息依法公开之日]"}},
    {"本合同项下的借款期限为 ____十____年，自 __2026__年_02_月_04_日起至 "
     "__2036__年_02_月_04_日止。",
     {"借款期限: 2026-02-04 -> 2036-02-04"}},
    {"租赁期限自 2026 年 1 月 1 日起至合同终止之日止。",
     {"租赁期限: 2026-01-01 -> [合同终止之日]"}},
    {"合同有效期为 2026 年 1 月 1 日至 2026 年 12 月 31 日。",
     {"合同有效期: 2026-01-01 -> 2026-12-31"}},
    {"租期：2026-03-01 ~ 2027-02-28", {"租期: 2026-03-01 -> 2027-02-28"}},
    {"自逾期之日起至本息全部清偿之日止，按罚息利率计收利息。",
     {"null: [逾期之日] -> [本息全部清偿之日]"}},
    // A year that recurs, its ends without a year.
    {"１４．７　合营公司的财会年度应从１月１日到１２月３１日。",
     {"财会年度: [１月１日] -> [１２月３１日]"}},
    {"“会计年度”指公历每年的１月１日起至当年的１２月３１日止的期间。",
     {"会计年度: [每年的１月１日] -> [当年的１２月３１日]"}},
    {"乙方应于每年1月1日至1月15日期间提交上年度报告。", {}},
    // Blank templates are not periods.
    {"合同期限自　　年　　月　　日起至　　年　　月　　日止。", {}},
    {"1.错时停车位租赁期限为：【自     年     月     日至       年     月     日】", {}},
    {"６．本合同经双方商洽期限自１９９　年　月　日起至１９９　年　月　日。", {}},
    {"本保函有效期自合同生效之日起至合同约定的工期截止日后  天，最迟不超过  年  月  日。", {}},
    // A length with one end, or none, is a duration.
    {"借款期限为一年。", {}},
    {"(二) 质保期为一年，自货物最终验收合格之日起计算。", {}},
    {"2.服务期限：两年", {}},
    // Not periods at all.
    {"本协议自双方盖章之日起生效，至物业管理服务合同履行完毕时终止。", {}},
    {"回复期限：自监理人收到承包人文件之日起，7天内。", {}},
    {"在租赁期限内，乙方自行承担水电费用，运至指定地点。", {}},
    {"乙方自始至终负责本项目。", {}},
    {"物业服务时间为每日 8:00 至 18:00。", {}},
};

TEST_CASE("extract_periods: ends, labels and blanks") {
  for (const PeriodCase& period : kCases) {
    CAPTURE(period.text);
    CHECK(described(periods_of(std::string(period.text))) == period.expected);
  }
}

TEST_CASE("extract_periods: the ends keep the original words") {
  const Summary summary =
      periods_of("一、总则\n2.3 服务期限：自合同签订日起至 2026 年 12 月 31 日。\n");
  REQUIRE(summary.periods.size() == 1);
  const Period& period = summary.periods[0];
  CHECK_FALSE(period.start.date.has_value());
  CHECK(period.start.text == "合同签订日");
  CHECK(period.end.text == "2026 年 12 月 31 日");
  CHECK(period.source.text == "服务期限：自合同签订日起至 2026 年 12 月 31 日");
  CHECK(period.source.line == 2);
  CHECK(period.source.clause == "2.3");
}

TEST_CASE("extract_periods: full-width ends are written as in the contract") {
  const Summary summary = periods_of("服务期限：自２０２６年３月１日起至２０２７年２月２８日止。");
  REQUIRE(summary.periods.size() == 1);
  CHECK(summary.periods[0].start.text == "２０２６年３月１日");
  CHECK(summary.periods[0].end.text == "２０２７年２月２８日");
}

TEST_CASE("extract_periods: a period found by a named and an unnamed rule is listed once") {
  // 保密期限自…起至…止 fits period.labelled-from-to and period.from-to.
  CHECK(periods_of("保密期限自本合同签订之日起至上述信息依法公开之日止。").periods.size() == 1);
}

}  // namespace
