// A template's blanks read as blanks: a penalty rate or an installment share the contract
// leaves to be filled in (＿＿%) is named in the text and Markdown summaries, so that a reader
// does not take the missing figure for one the tool failed to find.
#include <doctest/doctest.h>

#include <sstream>
#include <string>

#include "clause_scan/report.h"
#include "report_support.h"

namespace cs = clause_scan;
using clause_scan::testing::markdown_of;
using clause_scan::testing::text_of;

namespace {

cs::Summary summary_with_blanks() {
  cs::Summary summary;
  summary.file = "范本.txt";
  summary.encoding = "UTF-8";
  cs::Penalty penalty;
  penalty.kind = cs::PenaltyKind::liquidated_damages;
  penalty.base = "不能交货部分货款";
  penalty.payer = "乙方";
  penalty.payee = "甲方";
  penalty.source.clause = "第九条1";
  penalty.source.line = 93;
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
