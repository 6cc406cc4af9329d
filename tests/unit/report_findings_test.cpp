// Findings speak the language of the output: Chinese by default, English with Lang::en, in
// the text, Markdown and JSON summaries alike; a finding with no English keeps its Chinese.
#include <doctest/doctest.h>

#include <sstream>
#include <string>

#include "clause_scan/report.h"
#include "report_support.h"

namespace cs = clause_scan;
using clause_scan::testing::markdown_of;
using clause_scan::testing::text_of;

namespace {

const char* const kChinese =
    "大写金额与小写金额不一致：小写 286,000.00 元，大写 贰拾陆万捌仟元整 = 268,000.00 元";
const char* const kEnglish =
    "amount in words differs from the figures: 286,000.00 CNY, in words 贰拾陆万捌仟元整 = "
    "268,000.00 CNY";

cs::Summary summary_with_finding() {
  cs::Summary summary;
  summary.file = "合同.txt";
  summary.encoding = "UTF-8";
  cs::Finding finding;
  finding.rule = "amount-words-mismatch";
  finding.severity = cs::Severity::error;
  finding.message = kChinese;
  finding.message_en = kEnglish;
  finding.source.clause = "3.1";
  finding.source.line = 7;
  summary.findings.push_back(finding);
  return summary;
}

}  // namespace

TEST_CASE("report: message_in chooses the language, English falling back to Chinese") {
  cs::Finding finding;
  finding.message = "未勾选任何选项";
  CHECK(cs::message_in(finding, cs::Lang::zh) == "未勾选任何选项");
  CHECK(cs::message_in(finding, cs::Lang::en) == "未勾选任何选项");
  finding.message_en = "no box ticked";
  CHECK(cs::message_in(finding, cs::Lang::zh) == "未勾选任何选项");
  CHECK(cs::message_in(finding, cs::Lang::en) == "no box ticked");
}

TEST_CASE("report: the text summary writes findings in its language") {
  const cs::Summary summary = summary_with_finding();
  const std::string zh = text_of(summary, cs::Lang::zh);
  CHECK(zh.find("\n发现的问题\n  错误 [amount-words-mismatch] " + std::string(kChinese) +
                "  §3.1 L7\n") != std::string::npos);
  const std::string en = text_of(summary, cs::Lang::en);
  CHECK(en.find("\nFindings\n  error [amount-words-mismatch] " + std::string(kEnglish) +
                "  §3.1 L7\n") != std::string::npos);
  CHECK(en.find(kChinese) == std::string::npos);
}

TEST_CASE("report: the Markdown summary writes findings in its language") {
  const cs::Summary summary = summary_with_finding();
  CHECK(markdown_of(summary, cs::Lang::zh)
            .find("- **错误** `amount-words-mismatch` " + std::string(kChinese) + " (§3.1 L7)\n") !=
        std::string::npos);
  CHECK(markdown_of(summary, cs::Lang::en)
            .find("- **error** `amount-words-mismatch` " + std::string(kEnglish) +
                  " (§3.1 L7)\n") != std::string::npos);
}

TEST_CASE("report: the JSON summary's message follows the language, and adds no key") {
  const cs::Summary summary = summary_with_finding();
  const cs::Json zh = cs::summary_to_json(summary);
  CHECK(zh["findings"][0]["message"] == kChinese);
  const cs::Json en = cs::summary_to_json(summary, cs::Lang::en);
  CHECK(en["findings"][0]["message"] == kEnglish);
  cs::Json same = en;
  same["findings"][0]["message"] = kChinese;
  CHECK(same == zh);
  CHECK(zh["findings"][0].size() == 6);  // rule, severity, message, clause, line, column
}
