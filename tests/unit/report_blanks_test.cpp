// A template's blanks read as blanks: a penalty rate or an installment share the contract
// leaves to be filled in (＿＿%) is named in the text and Markdown summaries, so that a reader
// does not take the missing figure for one the tool failed to find; a penalty the contract
// bounds instead of stating (按1000～30000元/天·次) shows its range, and is no blank.
#include <doctest/doctest.h>

#include <sstream>
#include <string>

#include "clause_scan/report.h"
#include "report_support.h"

namespace cs = clause_scan;
using clause_scan::testing::markdown_of;
using clause_scan::testing::text_of;

namespace {

cs::Summary summary_of(const std::string& file) {
  cs::Summary summary;
  summary.file = file;
  summary.encoding = "UTF-8";
  return summary;
}

// A 违约金 paid by `payer` to `payee`, stated at clause:line, with no figure yet.
cs::Penalty damages(const std::string& payer, const std::string& payee, const std::string& clause,
                    int line) {
  cs::Penalty penalty;
  penalty.kind = cs::PenaltyKind::liquidated_damages;
  penalty.payer = payer;
  penalty.payee = payee;
  penalty.source.clause = clause;
  penalty.source.line = line;
  return penalty;
}

cs::Summary summary_with_blanks() {
  cs::Summary summary = summary_of("范本.txt");
  cs::Penalty penalty = damages("乙方", "甲方", "第九条1", 93);
  penalty.base = "不能交货部分货款";
  summary.penalties.push_back(penalty);
  cs::Installment share;
  share.seq = 1;
  share.base = "服务费总额";
  share.source.clause = "6.1";
  share.source.line = 40;
  summary.payment_terms.push_back(share);
  cs::Installment remainder;  // no percent either, but the remainder is no blank
  remainder.seq = 2;
  remainder.base = "服务费总额";
  remainder.remainder = true;
  remainder.source.clause = "6.2";
  remainder.source.line = 41;
  summary.payment_terms.push_back(remainder);
  return summary;
}

bool has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

}  // namespace

TEST_CASE("report: the text summary names blank rates and shares") {
  const std::string zh = text_of(summary_with_blanks(), cs::Lang::zh);
  CHECK(has(zh, "不能交货部分货款的 比例空白  乙方 → 甲方  §第九条1 L93"));
  CHECK(has(zh, "1. 比例空白 服务费总额  §6.1 L40"));
  CHECK(has(zh, "2. 尾款 服务费总额  §6.2 L41"));
  const std::string en = text_of(summary_with_blanks(), cs::Lang::en);
  CHECK(has(en, "不能交货部分货款 x rate left blank  乙方 → 甲方"));
  CHECK(has(en, "1. rate left blank 服务费总额"));
}

TEST_CASE("report: the Markdown summary names blank rates and shares") {
  const std::string zh = markdown_of(summary_with_blanks(), cs::Lang::zh);
  CHECK(has(zh, "| 比例空白 | 不能交货部分货款 |"));
  CHECK(has(zh, "| 1 | 比例空白 | 服务费总额 |"));
  CHECK(has(zh, "| 2 | 尾款 | 服务费总额 |"));
}

namespace {

cs::Summary summary_with_ranges() {
  cs::Summary summary = summary_of("总承包合同.txt");
  cs::Penalty sums = damages("承包人", "发包人", "15.2.3(19)1)", 1980);
  sums.per = cs::RatePer::day;
  sums.range = cs::PenaltyRange{*cs::Decimal::parse("1000"), *cs::Decimal::parse("30000"),
                                cs::RangeUnit::yuan};
  cs::Penalty blank = damages("供方", "需方", "第四条1", 63);  // ＿＿％（１－２０％的幅度）
  blank.base = "不能交货部分货款总值";
  blank.rate_blank = true;
  blank.range =
      cs::PenaltyRange{*cs::Decimal::parse("1"), *cs::Decimal::parse("20"), cs::RangeUnit::percent};
  summary.penalties.push_back(blank);
  cs::Penalty rates = sums;
  rates.per = cs::RatePer::none;
  rates.base = "签约合同价";
  rates.range = cs::PenaltyRange{*cs::Decimal::parse("0.5"), *cs::Decimal::parse("3"),
                                 cs::RangeUnit::percent};
  summary.penalties.insert(summary.penalties.begin(), {sums, rates});
  return summary;
}

}  // namespace

TEST_CASE("report: the text and Markdown summaries show a penalty's range") {
  const std::string zh = text_of(summary_with_ranges(), cs::Lang::zh);
  CHECK(
      has(zh, "违约金         1,000.00～30,000.00 元 每日  承包人 → 发包人  §15.2.3(19)1) L1980"));
  CHECK(has(zh, "违约金         签约合同价的 0.5～3%  承包人 → 发包人"));
  CHECK(has(zh, "违约金         不能交货部分货款总值的 比例空白 (范围 1～20%)  供方 → 需方"));
  const std::string en = text_of(summary_with_ranges(), cs::Lang::en);
  CHECK(has(en, "1,000.00 to 30,000.00 CNY per day"));
  CHECK(has(en, "签约合同价 x 0.5 to 3%"));
  const std::string markdown = markdown_of(summary_with_ranges(), cs::Lang::zh);
  CHECK(has(markdown, "| 违约金 | 每日 |  | 1,000.00～30,000.00 元 |"));
  CHECK(has(markdown, "| 违约金 | 0.5～3% | 签约合同价 |  |"));
  CHECK(has(markdown, "| 违约金 | 比例空白 (范围 1～20%) | 不能交货部分货款总值 |  |"));
}
