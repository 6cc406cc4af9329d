// The checks of `clause-scan check`, each shown to fire and to stay quiet: blanks and boxes
// from rules/checks.toml, required content, numbering, cross-references, penalty ceilings
// and contradicting dates (on hand-built summaries), severities and switches.
#include <doctest/doctest.h>

#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include "check_support.h"
#include "clause_scan/check.h"

namespace cs = clause_scan;
using cs::testing::check_text;
using cs::testing::describe;
using cs::testing::line_rules;
using cs::testing::only;
using cs::testing::without_required_content;

namespace {

using Lines = std::vector<std::string>;

struct Case {
  const char* text;
  Lines expected;  // "line:rule"
};

void check_cases(const std::vector<Case>& cases, const std::string& id,
                 const cs::CheckSettings& settings = without_required_content()) {
  for (const Case& c : cases) {
    const std::string text = c.text;
    CAPTURE(text);
    auto findings = only(check_text(c.text, settings), id);
    CHECK_MESSAGE(line_rules(findings) == c.expected, describe(findings));
  }
}

// A summary with nothing in it, for the checks that read only hand-built fields.
cs::SourceRef at_line(int line) {
  cs::SourceRef source;
  source.line = line;
  return source;
}

cs::Decimal dec(const char* text) { return *cs::Decimal::parse(text); }

// Runs the summary checks on a hand-built summary over `text`.
std::vector<cs::CheckFinding> check_summary(const std::string& text, const cs::Summary& summary,
                                            const cs::CheckSettings& settings) {
  cs::Document document = cs::testing::document_of(text);
  return cs::check_document(document, summary, settings, {&cs::testing::shared_resources().rules})
      .findings;
}

// "line:rule | Chinese message | English message" for each finding, in order.
Lines line_messages(const std::vector<cs::CheckFinding>& findings) {
  Lines items;
  for (const cs::CheckFinding& item : findings) {
    items.push_back(std::to_string(item.finding.source.line) + ":" + item.finding.rule + " | " +
                    item.finding.message + " | " + item.finding.message_en);
  }
  return items;
}

const char* const kTwentyLines =
    "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n13\n14\n15\n16\n17\n18\n19\n20\n";

}  // namespace

TEST_CASE("check: every built-in check has an id, a summary and an explanation") {
  std::set<std::string> ids;
  for (const cs::CheckInfo& check : cs::builtin_checks()) {
    CAPTURE(check.id);
    CHECK(ids.insert(check.id).second);
    CHECK(!check.summary.empty());
    CHECK(check.explanation.size() > check.summary.size());
    CHECK(check.origin == "built-in");
  }
  CHECK(ids == std::set<std::string>{
                   "amount-words-mismatch", "clause-number-gap", "daily-rate-over-ceiling",
                   "dangling-reference", "duplicate-clause-number", "installments-not-100",
                   "penalty-outside-range", "penalty-over-ceiling", "period-end-before-start",
                   "signing-after-period-end", "undefined-base", "unused-rule"});
}

TEST_CASE("check: every check rule of rules/checks.toml has a message and an explanation") {
  const auto catalog = cs::check_catalog({&cs::testing::shared_resources().rules});
  int rules = 0;
  for (const cs::CheckInfo& check : catalog) {
    if (check.origin == "built-in") continue;
    ++rules;
    CAPTURE(check.id);
    const cs::Rule* rule = cs::testing::shared_resources().rules.find(check.id);
    REQUIRE(rule != nullptr);
    // message in Chinese (the default), message_en in English.
    CHECK(!rule->attribute("message").empty());
    CHECK(static_cast<unsigned char>(rule->attribute("message").front()) >= 0x80);
    CHECK(!rule->attribute("message_en").empty());
    CHECK(static_cast<unsigned char>(rule->attribute("message_en").front()) < 0x80);
    CHECK(!rule->attribute("explanation").empty());
    CHECK(check.explanation == rule->attribute("explanation"));
    CHECK(check.origin.find("checks.toml:") != std::string::npos);
  }
  CHECK(rules == 13);
  CHECK(std::is_sorted(catalog.begin(), catalog.end(),
                       [](const auto& a, const auto& b) { return a.id < b.id; }));
}

TEST_CASE("check: blanks, boxes and leftover form markup") {
  check_cases({{"联系地址：________\n", {"1:check.unfilled-blank"}},
               {"本合同签订日期：________年\n", {"1:check.unfilled-blank"}},
               {"联系地址：云川市滨江区政通路 88 号\n", {}},
               {"本合同自___2024___年起生效。\n", {}}},
              "check.unfilled-blank");
  check_cases({{"乙方应于每月____前向甲方支付当月租金。\n", {"1:check.blank"}},
               {"说明：\n________________________________\n", {"2:check.blank"}},
               {"乙方借款用途为 ___生存_____。\n", {}},
               {"人民币 ____贰拾万整____ 元（大写）\n", {}},
               // A blank after a label is reported once, by check.unfilled-blank.
               {"联系地址：________\n", {}}},
              "check.blank");
  check_cases({{"承租方（    ）应于每月五日前支付租金。\n", {"1:check.empty-brackets"}},
               {"租赁用途：【  】\n", {"1:check.empty-brackets"}},
               {"- [ ] 银行转账\n- [x] 现金\n", {"1:check.empty-brackets"}},
               {"乙方（供应商）：云川恒泰物业服务有限公司\n", {}}},
              "check.empty-brackets");
  check_cases({{"证件类型：□居民身份证  □护照\n", {"1:check.unticked-choice"}},
               {"甲方付款方式： ☑ 银行转账 ☐ 现金\n", {}}},
              "check.unticked-choice");
  check_cases({{"付款方式：<input type=\"checkbox\"> 银行转账\n", {"1:check.html-checkbox"}},
               {"<input type=\"text\" name=\"amount\">\n", {}}},
              "check.html-checkbox");
  check_cases({{"□现金 □银行卡 □其他______\n", {"1:check.other-unspecified"}},
               {"其他未尽事宜，由双方协商解决。\n", {}}},
              "check.other-unspecified");
}

TEST_CASE("check: a finding points at the blank, in characters of the original line") {
  auto findings =
      only(check_text("合同名称：运维服务\n联系地址：________\n", {}), "check.unfilled-blank");
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].finding.source.line == 2);
  CHECK(findings[0].finding.source.column == 6);  // 联系地址： is five characters
  CHECK(findings[0].finding.severity == cs::Severity::warning);
  CHECK(findings[0].finding.message == "未填写的空白：横线上没有填写内容");
  CHECK(findings[0].finding.message_en == "unfilled blank: nothing is written on the line");
  CHECK(findings[0].context == "联系地址:________");
}

TEST_CASE("check: required content, each item on its own") {
  const std::string complete =
      "甲方：青禾市档案馆\n"
      "乙方：青禾安居物业服务有限公司\n"
      "合同金额：人民币 380000 元。\n"
      "服务期限：自 2026 年 7 月 1 日起至 2027 年 6 月 30 日止。\n"
      "验收合格后 10 个工作日内，甲方一次性支付合同金额。\n"
      "争议向甲方所在地人民法院提起诉讼。\n"
      "甲方（盖章）：青禾市档案馆\n";
  CHECK(describe(check_text(complete, {})) == "");

  struct Missing {
    const char* line;  // the line removed
    const char* id;
  };
  for (const Missing& missing :
       {Missing{"乙方：青禾安居物业服务有限公司\n", "check.missing-parties"},
        Missing{"合同金额：人民币 380000 元。\n", "check.missing-amount"},
        Missing{"服务期限：自 2026 年 7 月 1 日起至 2027 年 6 月 30 日止。\n",
                "check.missing-term"},
        Missing{"验收合格后 10 个工作日内，甲方一次性支付合同金额。\n",
                "check.missing-payment-terms"},
        Missing{"争议向甲方所在地人民法院提起诉讼。\n", "check.missing-dispute-resolution"},
        Missing{"甲方（盖章）：青禾市档案馆\n", "check.missing-signature"}}) {
    const std::string id = missing.id;
    CAPTURE(id);
    std::string text = complete;
    text.erase(text.find(missing.line), std::string(missing.line).size());
    auto findings = check_text(text, {});
    CHECK(line_rules(findings) == Lines{std::string("1:") + missing.id});

    cs::CheckSettings not_required;  // the item taken off the required list: quiet
    std::string name = std::string(missing.id).substr(std::string("check.missing-").size());
    std::erase(not_required.required, name);
    CHECK(check_text(text, not_required).empty());
  }
}

TEST_CASE("check: a party line with no name") {
  cs::CheckSettings parties_required;
  parties_required.required = {"parties"};
  check_cases({{"甲方（委托人）：\n乙方（受托人）：青禾云帆信息技术有限公司\n",
                {"1:check.party-name-blank"}},
               {"发包人（全称）：　　　　　　\n", {"1:check.party-name-blank"}},
               {"甲方（盖章）：\n", {}},
               {"甲方（委托人）：青禾市数字政务服务中心\n", {}}},
              "check.party-name-blank", parties_required);
}

TEST_CASE("check: the summary satisfies required content the text words differently") {
  cs::Summary summary;
  summary.parties.resize(2);
  summary.amounts.resize(1);
  summary.periods.resize(1);
  summary.payment_terms.resize(1);
  cs::CheckSettings settings;
  settings.required = {"parties", "amount", "term", "payment-terms"};
  CHECK(check_summary("一份没有这些字样的文本。\n", summary, settings).empty());
  CHECK(line_rules(check_summary("一份没有这些字样的文本。\n", cs::Summary{}, settings)) ==
        Lines{"1:check.missing-amount", "1:check.missing-parties", "1:check.missing-payment-terms",
              "1:check.missing-term"});
}

TEST_CASE("check: duplicate clause numbers and gaps") {
  check_cases({{"1.1 甲方提供场地。\n1.2 乙方提供设备。\n1.2 乙方负责安装。\n",
                {"3:duplicate-clause-number"}},
               {"第一条 总则\n第二条 价款\n第二条 付款\n", {"3:duplicate-clause-number"}},
               // Articles run on across chapters and are compared over the whole part.
               {"第一章 总则\n第一条 目的\n第二条 定义\n第二章 价款\n第二条 价款\n",
                {"5:duplicate-clause-number"}},
               {"1.1 甲方提供场地。\n1.2 乙方提供设备。\n1.3 乙方负责安装。\n", {}},
               // Lists start again at 1 under headings the outline does not number.
               {"付款方式\n1. 预付款。\n2. 尾款。\n交付方式\n1. 快递。\n2. 自提。\n", {}}},
              "duplicate-clause-number");
  check_cases(
      {{"4.1 甲方提供场地。\n4.3 乙方提供设备。\n", {"2:clause-number-gap"}},
       {"第三条 价款\n第五条 付款\n", {"2:clause-number-gap"}},
       {"一、总则\n二、价款\n四、付款\n", {"3:clause-number-gap"}},
       {"(1) 甲方\n(2) 乙方\n(4) 丙方\n", {"3:clause-number-gap"}},
       {"5.1 甲方。\n5.3 乙方。\n5.2 丙方。\n", {"2:clause-number-gap", "3:clause-number-gap"}},
       {"第一章 总则\n第一条 目的\n第二章 价款\n第二条 价款\n", {}},
       {"4.1 甲方提供场地。\n4.2 乙方提供设备。\n", {}}},
      "clause-number-gap");
}

TEST_CASE("check: an appendix numbers its clauses on its own") {
  const std::string text =
      "第一条 服务内容\n1.1 运维。\n1.2 巡检。\n第二条 价款\n"
      "甲方（盖章）：青禾市档案馆\n\n附件一 服务清单\n1. 巡检。\n2. 备份。\n";
  CHECK(describe(only(check_text(text, without_required_content()), "duplicate-clause-number")) ==
        "");
  CHECK(describe(only(check_text(text, without_required_content()), "clause-number-gap")) == "");
}

TEST_CASE("check: cross-references to clauses that do not exist") {
  const std::string outline = "第一条 总则\n1.1 定义。\n1.2 范围。\n第二条 价款\n";
  check_cases({{(outline + "违约按本合同第十条处理。\n").c_str(), {"5:dangling-reference"}},
               {(outline + "详见第 2.2 款。\n").c_str(), {"5:dangling-reference"}},
               {(outline + "适用本合同第二条及第 1.2 款。\n").c_str(), {}},
               {(outline + "依照《中华人民共和国民法典》第五百八十五条处理。\n").c_str(), {}},
               // 第二款 / 第三项 are relative to the clause they are in: not judged.
               {(outline + "按本条第三款执行。\n").c_str(), {}},
               // No chapters in the outline: 第三章 points into another document.
               {(outline + "按招标文件第三章执行。\n").c_str(), {}}},
              "dangling-reference");
}

TEST_CASE("check: numbering and reference messages, in Chinese and in English") {
  const std::string outline = "第一条 总则\n1.1 定义。\n1.2 范围。\n第二条 价款\n";
  struct MessageCase {
    std::string text;
    const char* id;
    Lines expected;  // "line:rule | Chinese message | English message"
  };
  const std::vector<MessageCase> cases = {
      {"1.1 甲方提供场地。\n1.2 乙方提供设备。\n1.2 乙方负责安装。\n",
       "duplicate-clause-number",
       {"3:duplicate-clause-number | 条款编号 1.2 重复出现 | clause number 1.2 is used twice"}},
      {"第一条 总则\n第二条 价款\n第二条 付款\n",
       "duplicate-clause-number",
       {"3:duplicate-clause-number | 条款编号第二条重复出现 | clause number 第二条 is used twice"}},
      {"4.1 甲方提供场地。\n4.3 乙方提供设备。\n",
       "clause-number-gap",
       {"2:clause-number-gap | 条款编号从 4.1 跳到 4.3 | clause numbering jumps from 4.1 to 4.3"}},
      {"第三条 价款\n第五条 付款\n",
       "clause-number-gap",
       {"2:clause-number-gap | 条款编号从第三条跳到第五条 | clause numbering jumps from 第三条 to "
        "第五条"}},
      {"(1) 甲方\n(2) 乙方\n(4) 丙方\n",
       "clause-number-gap",
       {"3:clause-number-gap | 条款编号从 (2) 跳到 (4) | clause numbering jumps from (2) to (4)"}},
      {"5.1 甲方。\n5.3 乙方。\n5.2 丙方。\n",
       "clause-number-gap",
       {"2:clause-number-gap | 条款编号从 5.1 跳到 5.3 | clause numbering jumps from 5.1 to 5.3",
        "3:clause-number-gap | 条款 5.2 排在 5.3 之后，编号倒退 | clause 5.2 comes after 5.3: "
        "numbering goes back"}},
      {outline + "违约按本合同第十条处理。\n",
       "dangling-reference",
       {"5:dangling-reference | 引用了不存在的条款：第十条（本合同中没有该条款） | reference to "
        "第十条: the contract has no such clause"}},
      {outline + "详见第 2.2 款。\n",
       "dangling-reference",
       {"5:dangling-reference | 引用了不存在的条款：第2.2款（本合同中没有该条款） | reference to "
        "第2.2款: the contract has no such clause"}},
      {"第一条 服务内容\n第二条 价款\n甲方（盖章）：青禾市档案馆\n\n附件一 服务清单\n"
       "1. 巡检。\n2. 备份，按本合同第九条执行。\n",
       "dangling-reference",
       {"7:dangling-reference | 引用了不存在的条款：第九条（“附件一”中没有该条款） | reference "
        "to 第九条: “附件一” has no such clause"}},
  };
  for (const MessageCase& c : cases) {
    CAPTURE(c.text);
    CHECK(line_messages(only(check_text(c.text, without_required_content()), c.id)) == c.expected);
  }
}

TEST_CASE("check: a reference from an appendix may name a clause of the main contract") {
  const std::string text =
      "第一条 服务内容\n第二条 价款\n甲方（盖章）：青禾市档案馆\n\n附件一 服务清单\n"
      "1. 巡检，按本合同第二条执行。\n2. 备份，按本合同第九条执行。\n";
  auto findings = only(check_text(text, without_required_content()), "dangling-reference");
  CHECK(line_rules(findings) == Lines{"7:dangling-reference"});
}

TEST_CASE("check: findings of the extraction pass through with their place") {
  cs::Summary summary;
  cs::Finding mismatch{"amount-words-mismatch", cs::Severity::error, "大写金额与小写金额不一致",
                       at_line(3), "amount in words differs from the figures"};
  mismatch.source.column = 6;
  summary.findings.push_back(mismatch);
  summary.findings.push_back(
      cs::Finding{"installments-not-100", cs::Severity::error, "合计 90%", at_line(5)});
  auto findings = check_summary(kTwentyLines, summary, without_required_content());
  CHECK(line_rules(findings) == Lines{"3:amount-words-mismatch", "5:installments-not-100"});
  CHECK(findings[0].finding.source.column == 6);
  CHECK(findings[0].finding.message == "大写金额与小写金额不一致");
  CHECK(findings[0].finding.message_en == "amount in words differs from the figures");
  CHECK(findings[0].context == "3");

  cs::CheckSettings settings = without_required_content();
  settings.levels["amount-words-mismatch"] = cs::Severity::info;
  settings.levels["installments-not-100"] = std::nullopt;
  findings = check_summary(kTwentyLines, summary, settings);
  CHECK(line_rules(findings) == Lines{"3:amount-words-mismatch"});
  CHECK(findings[0].finding.severity == cs::Severity::info);
}

TEST_CASE("check: penalty ceilings") {
  struct PenaltyCase {
    const char* name;
    cs::RatePer per;
    const char* percent;  // "" for none
    const char* cap;      // "" for none
    const char* amount;   // "" for none
    Lines expected;       // "line:rule | Chinese message | English message"
  };
  const std::vector<PenaltyCase> cases = {
      {"50% one-off",
       cs::RatePer::none,
       "50",
       "",
       "",
       {"4:penalty-over-ceiling | 违约金为“合同金额”的 50%，超过 30% 的限额 | penalty of 50% of "
        "“合同金额” is above the 30% ceiling"}},
      {"30% one-off is at the ceiling", cs::RatePer::none, "30", "", "", {}},
      {"cap of 40%",
       cs::RatePer::none,
       "10",
       "40",
       "",
       {"4:penalty-over-ceiling | 违约金上限 40%，超过 30% 的限额 | penalty cap of 40% is above "
        "the 30% ceiling"}},
      {"fixed 600000 of 1000000",
       cs::RatePer::none,
       "",
       "",
       "600000",
       {"4:penalty-over-ceiling | 违约金 600000.00 元，超过合同金额 1000000.00 元的 30% | "
        "penalty of 600000.00 is more than 30% of the contract amount 1000000.00"}},
      {"fixed 300000 of 1000000", cs::RatePer::none, "", "", "300000", {}},
      {"0.1% per day",
       cs::RatePer::day,
       "0.1",
       "",
       "",
       {"4:daily-rate-over-ceiling | 违约金按“合同金额”的每日 0.1% 计，超过每日 0.05% 的限额 | "
        "rate of 0.1% per day of “合同金额” is above the ceiling of 0.05% per day"}},
      {"0.05% per day", cs::RatePer::day, "0.05", "", "", {}},
      {"1% per month is under 30 x 0.05%", cs::RatePer::month, "1", "", "", {}},
      {"2% per month",
       cs::RatePer::month,
       "2",
       "",
       "",
       {"4:daily-rate-over-ceiling | 违约金按“合同金额”的每月 2% 计，超过每月 1.5% 的限额 | "
        "rate of 2% per month of “合同金额” is above the ceiling of 1.5% per month"}},
  };
  for (const PenaltyCase& c : cases) {
    CAPTURE(c.name);
    cs::Summary summary;
    cs::Amount contract;
    contract.label = "合同金额";
    contract.value = dec("1000000");
    summary.amounts.push_back(contract);
    cs::Penalty penalty;
    penalty.kind = cs::PenaltyKind::liquidated_damages;
    penalty.per = c.per;
    if (*c.percent) penalty.percent = dec(c.percent);
    if (*c.cap) penalty.cap_percent = dec(c.cap);
    if (*c.amount) penalty.amount = dec(c.amount);
    penalty.base = "合同金额";
    penalty.source = at_line(4);
    summary.penalties.push_back(penalty);
    auto findings = check_summary(kTwentyLines, summary, without_required_content());
    CHECK(line_messages(findings) == c.expected);
  }
}

TEST_CASE("check: penalty ceilings are configurable") {
  cs::Summary summary;
  cs::Penalty daily;
  daily.per = cs::RatePer::day;
  daily.percent = dec("0.08");
  daily.source = at_line(2);
  cs::Penalty one_off;
  one_off.percent = dec("20");
  one_off.source = at_line(3);
  summary.penalties = {daily, one_off};
  cs::CheckSettings settings = without_required_content();
  CHECK(line_rules(check_summary(kTwentyLines, summary, settings)) ==
        Lines{"2:daily-rate-over-ceiling"});
  settings.limits.daily_rate_percent = dec("0.1");
  settings.limits.penalty_percent = dec("10");
  auto findings = check_summary(kTwentyLines, summary, settings);
  CHECK(line_rules(findings) == Lines{"3:penalty-over-ceiling"});
  CHECK(findings[0].finding.message == "违约金比例为 20%，超过 10% 的限额");
  CHECK(findings[0].finding.message_en == "penalty of 20% is above the 10% ceiling");
}

TEST_CASE("check: dates that contradict each other") {
  auto period = [](const char* label, cs::Date start, cs::Date end, int line) {
    cs::Period p;
    p.label = label;
    p.start.date = start;
    p.end.date = end;
    p.source = at_line(line);
    return p;
  };
  cs::DateMention signing;
  signing.role = cs::DateRole::signing;
  signing.value = cs::Date{2026, 5, 8};
  signing.source = at_line(9);

  cs::Summary backwards;
  backwards.periods.push_back(period("服务期限", {2026, 7, 1}, {2025, 6, 30}, 3));
  auto findings = check_summary(kTwentyLines, backwards, without_required_content());
  CHECK(line_rules(findings) == Lines{"3:period-end-before-start"});
  CHECK(findings[0].finding.message == "“服务期限”的终止日期 2025-06-30 早于起始日期 2026-07-01");
  CHECK(findings[0].finding.message_en ==
        "\u201c服务期限\u201d ends on 2025-06-30, before it starts on 2026-07-01");

  cs::Summary late;
  late.periods.push_back(period("服务期限", {2026, 1, 1}, {2026, 3, 31}, 4));
  late.dates.push_back(signing);
  findings = check_summary(kTwentyLines, late, without_required_content());
  CHECK(line_rules(findings) == Lines{"9:signing-after-period-end"});
  CHECK(findings[0].finding.message == "签订日期 2026-05-08 晚于“服务期限”的终止日期 2026-03-31");
  CHECK(findings[0].finding.message_en ==
        "signed on 2026-05-08, after \u201c服务期限\u201d ends on 2026-03-31");

  cs::Summary fine;
  fine.periods.push_back(period("服务期限", {2026, 6, 1}, {2027, 5, 31}, 4));
  fine.dates.push_back(signing);
  CHECK(check_summary(kTwentyLines, fine, without_required_content()).empty());
}

TEST_CASE("check: a check turned off or given another severity") {
  const std::string text = "联系地址：________\n";
  cs::CheckSettings settings = without_required_content();
  settings.levels["check.unfilled-blank"] = cs::Severity::error;
  auto findings = check_text(text, settings);
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].finding.severity == cs::Severity::error);
  settings.levels["check.unfilled-blank"] = std::nullopt;
  // Off: the blank is now the catch-all check.blank's to report.
  CHECK(line_rules(check_text(text, settings)) == Lines{"1:check.blank"});
  settings.levels["check.blank"] = std::nullopt;
  CHECK(check_text(text, settings).empty());
}

TEST_CASE("check: rules that matched are reported for --report-unused-rules") {
  cs::Document document = cs::testing::document_of("联系地址：________\n");
  cs::Summary summary = cs::summarize(document, cs::testing::shared_resources());
  auto result = cs::check_document(document, summary, without_required_content(),
                                   {&cs::testing::shared_resources().rules});
  std::set<std::string> matched;
  for (const cs::Rule* rule : result.rules_matched) matched.insert(rule->id);
  CHECK(matched == std::set<std::string>{"check.blank", "check.unfilled-blank"});
}
