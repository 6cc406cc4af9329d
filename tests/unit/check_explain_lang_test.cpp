// The language of `clause-scan check --explain` and `--list-checks`: Chinese by default,
// English with Lang::en, for the checks written in code and those of rule files; a rule file
// that gives no Chinese shows its English in both languages.
#include <doctest/doctest.h>

#include <algorithm>
#include <sstream>
#include <string>
#include <vector>

#include "check_support.h"
#include "clause_scan/check.h"

namespace cs = clause_scan;

namespace {

// The check `id` of the built-in checks and the bundled rules (rules/checks.toml).
cs::CheckInfo bundled(const std::string& id) {
  const auto catalog = cs::check_catalog({&cs::testing::shared_resources().rules});
  auto found = std::find_if(catalog.begin(), catalog.end(),
                            [&](const cs::CheckInfo& check) { return check.id == id; });
  REQUIRE(found != catalog.end());
  return *found;
}

// The checks of a rule file given as text (named "firm.toml").
std::vector<cs::CheckInfo> from_rule_file(const std::string& toml) {
  cs::Result<cs::RuleSet> set = cs::RuleSet::parse(toml, "firm.toml");
  REQUIRE_MESSAGE(set.ok(), (set.ok() ? "" : set.error().message()));
  std::vector<cs::CheckInfo> checks;
  for (const auto& rule : set->rules()) checks.push_back(cs::rule_check_info(*rule));
  return checks;
}

std::string explained(const cs::CheckInfo& check, cs::Lang lang) {
  std::ostringstream out;
  cs::write_check_explanation(out, check, lang);
  return out.str();
}

bool starts_with_non_ascii(const std::string& text) {
  return !text.empty() && static_cast<unsigned char>(text.front()) >= 0x80;
}

struct LangCase {
  const char* id;
  cs::Lang lang;
  const char* summary;
  const char* explanation;
};

}  // namespace

TEST_CASE("check explain lang: built-in and rule-file checks, in Chinese and in English") {
  const std::vector<LangCase> cases = {
      {"amount-words-mismatch", cs::Lang::zh, "大写金额与小写金额不一致",
       "同一笔金额以小写数字（1977800 元）和中文大写（壹佰玖拾柒万柒仟捌佰元整）各写一次，"
       "两者不一致。法院和银行通常以大写金额为准，小写数字中的一处笔误便会在不经意间改变价款。"
       "抽取阶段找出这两处金额并分别读出其数额；请核对后更正有误的一处。"},
      {"amount-words-mismatch", cs::Lang::en,
       "A sum written in figures and in capitals (大写) gives two different values",
       "A sum is written twice, in figures (1977800 元) and in Chinese capitals "
       "(壹佰玖拾柒万柒仟捌佰元整), and the two do not agree. Courts and banks usually take the "
       "capitals, so a typo in the figures silently changes the price. The extraction stage "
       "finds the pair and reads both; fix whichever is wrong."},
      {"penalty-over-ceiling", cs::Lang::zh, "一次性违约金超过上限（默认为合同金额的 30%）",
       "违约金比例、固定违约金数额或违约金上限超过其计算基数（固定数额以合同金额为基数）的 "
       "[limits] penalty_percent 所设百分比（默认 30%）。约定的违约金过分高于造成的损失的，"
       "人民法院可以根据当事人的请求予以适当减少（民法典第五百八十五条；依司法解释，"
       "超过造成的损失百分之三十的，一般可以认定为过分高于造成的损失），"
       "因此超过上限的比例应当复核。定金（依法不得超过主合同标的额的百分之二十）"
       "和在利率基础上加收的罚息不作比较。"},
      {"check.missing-amount", cs::Lang::zh, "未载明合同金额",
       "没有任何条款载明合同的金额，即合同金额、合同价款、总价、租金或报酬等字样之后写明一笔"
       "金额（或为其预留的空白）。缺少该金额，合同中按比例计算的各项约定（违约金为合同金额的 "
       "10%）均失去计算基数。"},
      {"check.missing-amount", cs::Lang::en, "No contract amount is stated",
       "No clause states what the contract is worth: a label such as 合同金额, 合同价款, 总价, "
       "租金 or 报酬 followed by a sum (or a blank for it). Without it every percentage in the "
       "contract (违约金为合同金额的 10%) has nothing to be taken of."},
  };
  for (const LangCase& c : cases) {
    CAPTURE(c.id);
    CAPTURE(c.lang == cs::Lang::zh ? "zh" : "en");
    const cs::CheckInfo check = bundled(c.id);
    CHECK(cs::summary_in(check, c.lang) == c.summary);
    CHECK(cs::explanation_in(check, c.lang) == c.explanation);
  }
}

TEST_CASE("check explain lang: the --explain text, Chinese by default") {
  const cs::CheckInfo check = bundled("amount-words-mismatch");
  std::ostringstream by_default;
  cs::write_check_explanation(by_default, check);
  CHECK(by_default.str() == explained(check, cs::Lang::zh));
  CHECK(explained(check, cs::Lang::zh) ==
        "amount-words-mismatch (error, 内置)\n"
        "大写金额与小写金额不一致\n\n"
        "同一笔金额以小写数字（1977800 元）和中文大写（壹佰玖拾柒万柒仟捌佰元整）各写一次，"
        "两者不一致。法院和银行通常以大写金额为准，小写数字中的一处笔误便会在不经意间改变价款。"
        "抽取阶段找出这两处金额并分别读出其数额；请核对后更正有误的一处。\n\n"
        "在 .clause-scan.toml 中关闭此检查或更改其严重级别：[checks] "
        "\"amount-words-mismatch\" = \"off\" | \"error\" | \"warning\" | \"info\"\n");
  CHECK(explained(check, cs::Lang::en) ==
        "amount-words-mismatch (error, built-in)\n"
        "A sum written in figures and in capitals (大写) gives two different values\n\n"
        "A sum is written twice, in figures (1977800 元) and in Chinese capitals "
        "(壹佰玖拾柒万柒仟捌佰元整), and the two do not agree. Courts and banks usually take the "
        "capitals, so a typo in the figures silently changes the price. The extraction stage "
        "finds the pair and reads both; fix whichever is wrong.\n\n"
        "Turn it off or change its severity in .clause-scan.toml: [checks] "
        "\"amount-words-mismatch\" = \"off\" | \"error\" | \"warning\" | \"info\"\n");

  // A rule file's check keeps its origin in both languages.
  const cs::CheckInfo rule = bundled("check.missing-term");
  CHECK(explained(rule, cs::Lang::zh).rfind("check.missing-term (warning, ", 0) == 0);
  CHECK(explained(rule, cs::Lang::zh).find("checks.toml:") != std::string::npos);
  CHECK(explained(rule, cs::Lang::zh).find("\n未约定合同期限\n\n") != std::string::npos);
}

TEST_CASE("check explain lang: --list-checks lines") {
  std::vector<cs::CheckInfo> checks = {bundled("clause-number-gap"),
                                       bundled("check.missing-signature")};
  std::ostringstream zh, en, by_default;
  cs::write_check_list(zh, checks, cs::Lang::zh);
  cs::write_check_list(en, checks, cs::Lang::en);
  cs::write_check_list(by_default, checks);
  CHECK(zh.str() ==
        "clause-number-gap\twarning\t条款编号跳号或倒序\n"
        "check.missing-signature\twarning\t缺少签署栏（供当事人签字、盖章的行）\n");
  CHECK(en.str() ==
        "clause-number-gap\twarning\tClause numbering skips a number or goes back\n"
        "check.missing-signature\twarning\tNo signature block (盖章 / 签字 lines for the "
        "parties)\n");
  CHECK(by_default.str() == zh.str());
}

TEST_CASE("check explain lang: a rule file without Chinese falls back to English") {
  struct FallbackCase {
    const char* id;
    const char* summary_zh;
    const char* explanation_zh;
    const char* summary_en;
    const char* explanation_en;
  };
  const std::vector<cs::CheckInfo> checks = from_rule_file(R"TOML([[rule]]
id = "firm.english-only"
category = "check"
description = "A placeholder company name left in the text"
message = "占位公司名称：请填写当事人的登记名称"
message_en = "placeholder company name: write the party's registered name"
explanation = """XX公司 or 某某公司 stands where the party's registered name belongs."""
pattern = 'XX公司|某某公司'

[[rule]]
id = "firm.bilingual"
category = "check"
description = "No confidentiality clause"
description_zh = "缺少保密条款"
explanation = """The contract says nothing of keeping its terms secret (保密)."""
explanation_zh = """合同未约定保密义务（保密）。"""
message = "缺少保密条款"
require = "present"
pattern = '保密'

[[rule]]
id = "firm.message-only"
category = "check"
message = "缺少验收条款"
message_en = "no acceptance clause"
require = "present"
pattern = '验收'

[[rule]]
id = "firm.chinese-summary-only"
category = "check"
description = "No warranty clause"
description_zh = "缺少质量保证条款"
message = "缺少质保条款"
message_en = "no warranty clause"
require = "present"
pattern = '质保|质量保证'
)TOML");
  const std::vector<FallbackCase> cases = {
      {"firm.english-only", "A placeholder company name left in the text",
       "XX公司 or 某某公司 stands where the party's registered name belongs.",
       "A placeholder company name left in the text",
       "XX公司 or 某某公司 stands where the party's registered name belongs."},
      {"firm.bilingual", "缺少保密条款", "合同未约定保密义务（保密）。",
       "No confidentiality clause",
       "The contract says nothing of keeping its terms secret (保密)."},
      {"firm.message-only", "缺少验收条款", "缺少验收条款", "no acceptance clause",
       "no acceptance clause. Message: no acceptance clause"},
      {"firm.chinese-summary-only", "缺少质量保证条款", "缺少质量保证条款。提示信息：缺少质保条款",
       "No warranty clause", "No warranty clause. Message: no warranty clause"},
  };
  REQUIRE(checks.size() == cases.size());
  for (std::size_t i = 0; i < cases.size(); ++i) {
    const FallbackCase& c = cases[i];
    const cs::CheckInfo& check = checks[i];
    CAPTURE(c.id);
    CHECK(check.id == c.id);
    CHECK(cs::summary_in(check, cs::Lang::zh) == c.summary_zh);
    CHECK(cs::explanation_in(check, cs::Lang::zh) == c.explanation_zh);
    CHECK(cs::summary_in(check, cs::Lang::en) == c.summary_en);
    CHECK(cs::explanation_in(check, cs::Lang::en) == c.explanation_en);
  }
  CHECK(explained(checks[0], cs::Lang::zh) ==
        "firm.english-only (warning, firm.toml:1)\n"
        "A placeholder company name left in the text\n\n"
        "XX公司 or 某某公司 stands where the party's registered name belongs.\n\n"
        "在 .clause-scan.toml 中关闭此检查或更改其严重级别：[checks] "
        "\"firm.english-only\" = \"off\" | \"error\" | \"warning\" | \"info\"\n");
}

TEST_CASE("check explain lang: a CheckInfo without Chinese shows its English") {
  const cs::CheckInfo check{"x.only-english", cs::Severity::info, "A summary", "A paragraph.",
                            "built-in"};
  CHECK(cs::summary_in(check, cs::Lang::zh) == "A summary");
  CHECK(cs::explanation_in(check, cs::Lang::zh) == "A paragraph.");
  CHECK(explained(check, cs::Lang::zh) ==
        "x.only-english (info, 内置)\nA summary\n\nA paragraph.\n\n"
        "在 .clause-scan.toml 中关闭此检查或更改其严重级别：[checks] "
        "\"x.only-english\" = \"off\" | \"error\" | \"warning\" | \"info\"\n");
}

TEST_CASE("check explain lang: every built-in and bundled check has its Chinese") {
  const auto catalog = cs::check_catalog({&cs::testing::shared_resources().rules});
  int builtin = 0;
  int rules = 0;
  for (const cs::CheckInfo& check : catalog) {
    CAPTURE(check.id);
    (check.origin == "built-in" ? builtin : rules)++;
    // Written in Chinese, not the English fallback.
    CHECK(starts_with_non_ascii(check.summary_zh));
    CHECK(starts_with_non_ascii(check.explanation_zh));
    CHECK(check.summary_zh != check.summary);
    CHECK(check.explanation_zh != check.explanation);
    CHECK(check.explanation_zh.size() > check.summary_zh.size());
    // And the English is still there, for --lang en and SARIF.
    CHECK(!starts_with_non_ascii(check.summary));
    CHECK(!starts_with_non_ascii(check.explanation));
    if (check.origin != "built-in") {
      const cs::Rule* rule = cs::testing::shared_resources().rules.find(check.id);
      REQUIRE(rule != nullptr);
      CHECK(check.summary_zh == rule->attribute("description_zh"));
      CHECK(check.explanation_zh == rule->attribute("explanation_zh"));
    }
  }
  CHECK(builtin == 12);
  CHECK(rules == 13);
}
