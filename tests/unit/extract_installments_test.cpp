// Tests of the installments extractor (payment_terms) and its findings.
//
// The extractor runs alone on a document, with only rules/payment.toml and the calendar
// loaded; the amounts and dates it reads (base sums, signing dates) are put into the
// summary by the test, so these tests do not depend on the other extractors.
#include <doctest/doctest.h>

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "clause_scan/extract.h"
#include "extract/context.h"
#include "extract/extractors.h"

namespace doctest {
template <>
struct StringMaker<std::vector<std::string>> {
  static String convert(const std::vector<std::string>& lines) {
    std::string joined = "{";
    for (const std::string& line : lines) joined += "\n  " + line;
    return (joined + "}").c_str();
  }
};
}  // namespace doctest

namespace cs = clause_scan;
namespace fs = std::filesystem;

namespace {

const fs::path kRules = fs::path(CLAUSE_SCAN_SOURCE_DIR) / "rules";

const cs::Resources& resources() {
  static const cs::Resources loaded = [] {
    cs::Resources r;
    auto rules = cs::RuleSet::load_files({kRules / "payment.toml"});
    REQUIRE_MESSAGE(rules.ok(), rules.error().message());
    auto calendar = cs::WorkCalendar::load(kRules / "calendar-cn.txt");
    REQUIRE_MESSAGE(calendar.ok(), calendar.error().message());
    r.rules = std::move(rules).value();
    r.calendar = std::move(calendar).value();
    r.dir = kRules;
    return r;
  }();
  return loaded;
}

cs::Amount amount(std::string label, std::string value) {
  cs::Amount a;
  a.label = std::move(label);
  a.value = *cs::Decimal::parse(value);
  return a;
}

cs::DateMention date(std::string iso, cs::DateRole role) {
  cs::DateMention d;
  d.value = cs::parse_iso_date(iso);
  d.role = role;
  return d;
}

struct Given {
  std::vector<cs::Amount> amounts;
  std::vector<cs::DateMention> dates;
};

cs::Summary run(const std::string& text, const Given& given = {}) {
  cs::Document document = cs::make_document("t.txt", cs::DecodedText{text, "UTF-8", false});
  cs::extract::Context context(document, resources());
  cs::Summary summary;
  summary.amounts = given.amounts;
  summary.dates = given.dates;
  cs::extract::extract_installments(context, summary);
  return summary;
}

std::string show(const std::optional<cs::Decimal>& value) {
  return value ? value->to_string() : "null";
}
std::string money(const std::optional<cs::Decimal>& value) {
  return value ? cs::format_money(*value) : "null";
}
std::string show(const std::optional<std::string>& text) { return text ? *text : "null"; }
std::string show(const std::optional<cs::Duration>& due) {
  return due ? due->value.to_string() + " " + std::string(cs::to_string(due->unit)) : "null";
}
std::string show(const std::optional<cs::Date>& day) { return day ? day->iso() : "null"; }

// One installment as "seq|line|percent|amount|base|due|remainder".
std::string row(const cs::Installment& item) {
  return std::to_string(item.seq) + "|" + std::to_string(item.source.line) + "|" +
         show(item.percent) + "|" + money(item.amount) + "|" + show(item.base) + "|" +
         show(item.due) + "|" + (item.remainder ? "remainder" : "-");
}

std::vector<std::string> rows(const cs::Summary& summary) {
  std::vector<std::string> out;
  for (const cs::Installment& item : summary.payment_terms) out.push_back(row(item));
  return out;
}

std::vector<std::string> findings(const cs::Summary& summary) {
  std::vector<std::string> out;
  for (const cs::Finding& f : summary.findings) {
    out.push_back(f.rule + "|" + std::string(cs::to_string(f.severity)) + "|" +
                  std::to_string(f.source.line) + "|" + f.message);
  }
  return out;
}

// The English message of each finding (`message` is the Chinese one, shown by default).
std::vector<std::string> english(const cs::Summary& summary) {
  std::vector<std::string> out;
  for (const cs::Finding& f : summary.findings) out.push_back(f.message_en);
  return out;
}

using Rows = std::vector<std::string>;

const char* const kTwoStages =
    "5.2 付款方式\n"
    "按照两期分期付款：\n"
    "a. 合同签订生效且甲方收到乙方开具的等额发票后 10 个工作日内，支付中标金额的 70 %；\n"
    "b. 本项目通过最终验收，甲方收到乙方开具的等额发票后 10 个工作日内，支付合同尾款。\n";

}  // namespace

TEST_CASE("installments: a percent of a defined sum and a remainder") {
  cs::Summary summary = run(kTwoStages, {{amount("中标金额", "1977800.00")}, {}});
  CHECK(rows(summary) == Rows{"1|3|70|1384460.00|中标金额|10 working_day|-",
                              "2|4|null|null|null|10 working_day|remainder"});
  REQUIRE(summary.payment_terms.size() == 2);
  CHECK(show(summary.payment_terms[0].trigger) == "合同签订生效且甲方收到乙方开具的等额发票后");
  CHECK(show(summary.payment_terms[1].trigger) ==
        "本项目通过最终验收，甲方收到乙方开具的等额发票后");
  CHECK(summary.payment_terms[0].source.clause == "5.2a");
  CHECK(findings(summary).empty());
}

TEST_CASE("installments: an amount is in the currency of its base or of its own sum") {
  cs::Amount price = amount("合同总价", "2500000.00");
  price.currency = "USD";
  struct Case {
    const char* name;
    std::string text;
    std::vector<cs::Amount> amounts;
    Rows expected;  // amount currency, per installment
  };
  const std::vector<Case> cases = {
      {"a share of a price in US dollars",
       "买方在收到卖方开具的发票后30日内，支付合同总价的30%作为预付款。",
       {price},
       {"750000.00 USD"}},
      {"a share of a price in yuan",
       "买方在收到卖方开具的发票后30日内，支付合同总价的30%作为预付款。",
       {amount("合同总价", "2500000.00")},
       {"750000.00 CNY"}},
      {"a sum in Hong Kong dollars",
       "乙方应于合同签订后7日内向甲方支付首期款港币50,000元。",
       {},
       {"50000.00 HKD"}},
  };
  for (const Case& c : cases) {
    CAPTURE(c.name);
    cs::Summary summary = run(c.text, {c.amounts, {}});
    Rows shown;
    for (const cs::Installment& item : summary.payment_terms) {
      shown.push_back(money(item.amount) + " " + item.currency);
    }
    CHECK(shown == c.expected);
  }
}

TEST_CASE("installments: without the base's sum the amount is null and the base undefined") {
  cs::Summary summary = run(kTwoStages);
  CHECK(rows(summary) == Rows{"1|3|70|null|中标金额|10 working_day|-",
                              "2|4|null|null|null|10 working_day|remainder"});
  CHECK(findings(summary) ==
        Rows{"undefined-base|warning|3|付款基数“中标金额”在合同中没有定义金额"});
  CHECK(english(summary) == Rows{"payment base “中标金额” is not stated as a sum in the contract"});
}

TEST_CASE("installments: a schedule short of 100% without a remainder") {
  const std::string text =
      "第十一条 甲方向乙方发放签约奖金人民币 30,000.00 元，分期支付如下：\n"
      "（一）乙方试用期满并经考核合格后 15 日内，甲方支付签约奖金的 40%，即人民币 12,000.00 元；\n"
      "（二）乙方入职满一年且年度考核合格后 15 日内，甲方支付签约奖金的 40%，即人民币 12,000.00 "
      "元。\n"
      "乙方在入职满两年前离职的，应当将已领取的签约奖金退还甲方。\n";
  cs::Summary summary = run(text, {{amount("签约奖金", "30000.00")}, {}});
  CHECK(rows(summary) ==
        Rows{"1|2|40|12000.00|签约奖金|15 day|-", "2|3|40|12000.00|签约奖金|15 day|-"});
  CHECK(findings(summary) ==
        Rows{"installments-not-100|error|2|分期付款比例合计 80%，不足 100% 且无尾款条款"});
  CHECK(english(summary) ==
        Rows{"installments add up to 80%, less than 100%, and no remainder is paid"});
}

TEST_CASE("installments: percents over 100% are an error even with a remainder") {
  const std::string text =
      "第五条 付款方式\n"
      "1. 预付款：本合同生效后 7 日内，买方支付合同总价的 60%；\n"
      "2. 尾款：验收合格后 15 日内，买方支付合同总价的 50%。\n";
  cs::Summary summary = run(text, {{amount("合同总价", "100000")}, {}});
  CHECK(rows(summary) ==
        Rows{"1|2|60|60000.00|合同总价|7 day|-", "2|3|50|50000.00|合同总价|15 day|remainder"});
  CHECK(findings(summary) == Rows{"installments-not-100|error|2|分期付款比例合计 110%，超过 100%"});
  CHECK(english(summary) == Rows{"installments add up to 110%, more than 100%"});
}

TEST_CASE("installments: shares of different sums are not added up") {
  const std::string text =
      "14.4 合同价款的支付\n"
      "（1）设计费支付：签订合同后，支付合同金额中设计费用的30%；在取得施工图审查合格书后，支付合同"
      "中的设计费的40%；通过竣工验收后，支付合同金额中的设计费的30%。\n"
      "（2）建筑安装工程费支付：\n"
      "②合同订立后，发包人在工程开工前按签约合同价中安全文明施工费的50％支付承包人。\n"
      "③发包人按审核合格的工程量向承包人支付对应施工进度款的80%。\n"
      "⑤工程竣工验收合格后28天内，发包人向承包人支付至实际完成产值的90%。\n";
  cs::Summary summary = run(text, {{amount("设计费", "1300576.86")}, {}});
  CHECK(rows(summary) == Rows{"1|2|30|390173.06|设计费用|null|-", "2|2|40|520230.74|设计费|null|-",
                              "3|2|30|390173.06|设计费|null|-", "1|4|50|null|安全文明施工费|null|-",
                              "2|5|80|null|施工进度款|null|-",
                              "3|6|90|null|实际完成产值|28 day|-"});
  // 设计费用 is the 设计费 the contract defines; the other bases are not defined.
  CHECK(findings(summary) ==
        Rows{"undefined-base|warning|4|付款基数“安全文明施工费”在合同中没有定义金额",
             "undefined-base|warning|5|付款基数“施工进度款”在合同中没有定义金额",
             "undefined-base|warning|6|付款基数“实际完成产值”在合同中没有定义金额"});
}

TEST_CASE("installments: shares that add up to 100%, full-width figures, 百分之") {
  const std::string text =
      "第五条　付款方式\n"
      "１．第一期：本合同签订生效后５个工作日内，甲方向乙方支付合同金额的３０％；\n"
      "２．第二期：系统通过初步验收后１０个工作日内，甲方向乙方支付合同金额的百分之四十；\n"
      "３．第三期：系统通过最终验收后１０个工作日内，甲方向乙方支付本合同金额的３０％。\n";
  cs::Summary summary = run(text, {{amount("合同金额", "286000.00")}, {}});
  CHECK(rows(summary) == Rows{"1|2|30|85800.00|合同金额|5 working_day|-",
                              "2|3|40|114400.00|合同金额|10 working_day|-",
                              "3|4|30|85800.00|合同金额|10 working_day|-"});
  CHECK(findings(summary).empty());
  REQUIRE(summary.payment_terms.size() == 3);
  CHECK(summary.payment_terms[0].source.text ==
        "第一期：本合同签订生效后５个工作日内，甲方向乙方支付合同金额的３０％");
  CHECK(summary.payment_terms[0].due->source.text == "５个工作日");
}

TEST_CASE("installments: shares a template leaves blank are installments without a percent") {
  const std::string text =
      "第六条　付款方式\n"
      "１．合同签订后＿＿日内，甲方向乙方支付服务费总额的＿＿％；\n"
      "２．项目验收合格后，甲方向乙方支付服务费总额的＿＿（－％）。\n";
  SUBCASE("the base names no sum: one warning, and no sum of percents to check") {
    cs::Summary summary = run(text);
    CHECK(rows(summary) ==
          Rows{"1|2|null|null|服务费总额|null|-", "2|3|null|null|服务费总额|null|-"});
    CHECK(findings(summary) ==
          Rows{"undefined-base|warning|2|付款基数“服务费总额”在合同中没有定义金额"});
  }
  SUBCASE("a defined base gives no amount without the share") {
    cs::Summary summary = run(text, {{amount("服务费总额", "120000.00")}, {}});
    CHECK(rows(summary) ==
          Rows{"1|2|null|null|服务费总额|null|-", "2|3|null|null|服务费总额|null|-"});
    CHECK(findings(summary).empty());
  }
  SUBCASE("blanks in brackets, paid up to a share, a remainder later in the sentence") {
    CHECK(
        rows(run("第六条　付款方式\n"
                 "１．竣工验收合格后，支付到本合同总价的【】%（含已支付的各项费用）。\n"
                 "２．经甲方审核盖章确认后支付到结算总价的【】% ( 含已支付各项费用），余款【】%作为"
                 "工程质量保修金，自工程验收合格之日起算，质保期【】年后一个月扣除质保期内产生的费"
                 "用后全部付清。\n")) == Rows{"1|2|null|null|合同总价|null|-",
                                              "2|3|null|null|结算总价|null|-",
                                              "3|3|null|null|null|null|remainder"});
  }
  SUBCASE("a blank that is not a share of a sum is no installment") {
    CHECK(rows(run("第六条　付款方式\n发票税率为＿＿％，由乙方开具。\n")).empty());
  }
}

TEST_CASE("installments: a heading with 给付, and a remainder paid after the 定金") {
  const std::string text =
      "二、用地价款之给付\n"
      "第二条　合同签订后三天以内，用地者以支票向国土局给付用地价款的百分之十作为定金。\n"
      "第三条　给付定金后的用地价款余款，用地者必须于签订合同之日起九十天内一次付清。\n";
  // The 定金 itself is no installment of the price; the remainder after it is.
  CHECK(rows(run(text)) == Rows{"1|3|null|null|null|90 day|remainder"});
}

TEST_CASE("installments: a fixed sum and the remainder in one sentence") {
  const std::string text =
      "合同总价及付款方式\n"
      "4.1本合同总价：¥600,000.00元。\n"
      "4.2甲方同意在本合同生效后5个工作日内支付合同金额：￥300,000.00元给乙方，余款￥300,000.00元"
      "在乙方完成本合同项目并通过验收5个工作日付清。\n"
      "4.3合同总价的所有支付由甲方以银行转账方式付至乙方。\n"
      "乙方账户信息如下：\n";
  cs::Summary summary = run(text);
  CHECK(rows(summary) == Rows{"1|3|null|300000.00|null|5 working_day|-",
                              "2|3|null|300000.00|null|5 working_day|remainder"});
  REQUIRE(summary.payment_terms.size() == 2);
  CHECK(show(summary.payment_terms[0].trigger) == "本合同生效后");
  CHECK(show(summary.payment_terms[1].trigger) == "乙方完成本合同项目并通过验收");
}

TEST_CASE("installments: the rest paid as 剩余部分") {
  const std::string text =
      "５－３　许可费的支付\n"
      "（ａ）在许可软件按要求安装完备后２０天内，应向许可方支付一定数额的美元。\n"
      "（ｂ）在试用期结束后的第一个工作日，应向许可方支付剩余部分的美元。\n";
  CHECK(rows(run(text)) ==
        Rows{"1|2|null|null|null|20 day|-", "2|3|null|null|null|null|remainder"});
}

TEST_CASE("installments: periodic rent is one installment with its period") {
  const std::string text =
      "第四条　租金及支付方式\n"
      "1. 该房屋每月租金为人民币 36,000.00 元（大写：叁万陆仟元整），即每平方米每月人民币 30 元，"
      "按季度支付，乙方应于每个季度开始之日起十日内向甲方支付当季租金。\n"
      "2. 租金自免租期届满次日起计收。\n"
      "3. 乙方应于本合同签订之日向甲方支付押金人民币 72,000.00 元。\n"
      "4. 逾期支付的，每逾期一日，乙方应按月租金的 1%支付违约金。\n";
  cs::Summary summary = run(text);
  CHECK(rows(summary) == Rows{"1|2|null|36000.00|null|10 day|-"});
  REQUIRE(summary.payment_terms.size() == 1);
  CHECK(show(summary.payment_terms[0].period) == "month");
  CHECK(show(summary.payment_terms[0].trigger) == "每个季度开始之日起");
}

TEST_CASE("installments: repayment on dates gives due dates") {
  const std::string text =
      "第六条　还款\n"
      "（一）借款人按以下计划分期归还借款本金：\n"
      "1) 2026 年 9 月 30 日前，归还借款金额的 20%，即人民币 600,000.00 元；\n"
      "2) 2026 年 12 月 31 日前，归还借款金额的 30%，即人民币 900,000.00 元；\n"
      "3) 借款到期日即 2027 年 3 月 31 日，一次性归还剩余本金，即借款金额的 50%。\n"
      "（二）借款人提前还款的，应提前 30 日书面通知贷款人。\n";
  cs::Summary summary = run(text, {{amount("借款金额", "3000000")}, {}});
  CHECK(rows(summary) == Rows{"1|3|20|600000.00|借款金额|null|-",
                              "2|4|30|900000.00|借款金额|null|-",
                              "3|5|50|1500000.00|借款金额|null|remainder"});
  REQUIRE(summary.payment_terms.size() == 3);
  CHECK(show(summary.payment_terms[0].due_date) == "2026-09-30");
  CHECK(show(summary.payment_terms[2].due_date) == "2027-03-31");
  CHECK(show(summary.payment_terms[2].trigger) == "借款到期日即 2027 年 3 月 31 日");
}

TEST_CASE("installments: due dates counted from the signing") {
  const std::string text =
      "三、付款方式\n"
      "1. 自合同签订之日起 5 个工作日内，甲方支付合同金额的 30%；\n"
      "2. 本合同签订后 15 日内，甲方支付合同金额的 20%；\n"
      "3. 验收合格后 10 日内，甲方支付合同金额的 50%。\n";
  SUBCASE("the last signature counts; 工作日 skip the Spring Festival and count 调休 Saturdays") {
    // Signed 2026-02-09 and 2026-02-10: from 02-10, the working days are 02-11, 02-12,
    // 02-13, 02-14 (a Saturday worked) and, after the holiday of 02-15..02-23, 02-24.
    cs::Summary summary = run(text, {{},
                                     {date("2026-02-09", cs::DateRole::signing),
                                      date("2026-02-10", cs::DateRole::signing)}});
    REQUIRE(summary.payment_terms.size() == 3);
    CHECK(show(summary.payment_terms[0].due_date) == "2026-02-24");
    CHECK_FALSE(summary.payment_terms[0].due_date_approximate);
    CHECK(show(summary.payment_terms[1].due_date) == "2026-02-25");
    CHECK(show(summary.payment_terms[2].due_date) == "null");
  }
  SUBCASE("outside the calendar's years the date is approximate") {
    cs::Summary summary = run(text, {{}, {date("2031-03-03", cs::DateRole::signing)}});
    REQUIRE(summary.payment_terms.size() == 3);
    CHECK(show(summary.payment_terms[0].due_date) == "2031-03-10");
    CHECK(summary.payment_terms[0].due_date_approximate);
  }
  SUBCASE("no signing date, no due date") {
    cs::Summary summary = run(text);
    REQUIRE(summary.payment_terms.size() == 3);
    CHECK(show(summary.payment_terms[0].due_date) == "null");
  }
}

TEST_CASE("installments: the effective date starts 生效后 deadlines") {
  const std::string text = "付款方式：本合同生效后 1 个月内，甲方支付合同价款的 100%。\n";
  cs::Summary summary = run(text, {{},
                                   {date("2026-01-16", cs::DateRole::signing),
                                    date("2026-03-01", cs::DateRole::effective)}});
  REQUIRE(summary.payment_terms.size() == 1);
  CHECK(show(summary.payment_terms[0].due_date) == "2026-04-01");
}

TEST_CASE("installments: only the narrowest payment section is read") {
  const std::string text =
      "五、服务费用的支付\n"
      "5.1 最终合同总价\n"
      "考核结果为优秀的按合同金额 100%支付，良好的按合同金额 97%为上限支付。\n"
      "5.2 付款方式\n"
      "a. 验收合格后 10 个工作日内，支付合同金额的 100%。\n";
  cs::Summary summary = run(text, {{amount("合同金额", "50000")}, {}});
  CHECK(rows(summary) == Rows{"1|5|100|50000.00|合同金额|10 working_day|-"});
}

TEST_CASE("installments: two schedules are two groups, each checked") {
  const std::string text =
      "第三条 付款方式\n"
      "（一）合同价款分两期支付如下：\n"
      "1. 签订后 5 日内支付合同价款的 50%；\n"
      "2. 验收后 5 日内支付合同价款的 50%。\n"
      "（二）绩效奖金分两期支付如下：\n"
      "1. 半年考核合格后 10 日内支付绩效奖金的 50%；\n"
      "2. 年度考核合格后 10 日内支付绩效奖金的 30%。\n";
  cs::Summary summary = run(text, {{amount("合同价款", "1000"), amount("绩效奖金", "200")}, {}});
  CHECK(rows(summary) == Rows{"1|3|50|500.00|合同价款|5 day|-", "2|4|50|500.00|合同价款|5 day|-",
                              "1|6|50|100.00|绩效奖金|10 day|-", "2|7|30|60.00|绩效奖金|10 day|-"});
  CHECK(findings(summary) ==
        Rows{"installments-not-100|error|6|分期付款比例合计 80%，不足 100% 且无尾款条款"});
}

TEST_CASE("installments: what is not an installment") {
  SUBCASE("a payment clause that only says how to pay") {
    const std::string text =
        "四、租金、支付方式与支付日期\n"
        "4.1 该房屋每月租金为人民币：        元。\n"
        "4.2 租金以三个月为一期支付。乙方每期租金提前 3 日直接向甲方支付（即先付后租）。"
        "逾期支付的，每逾期一日，乙方应按日租金的 105 %支付逾期违约金。\n"
        "4.3 乙方支付租金的方式如下：现金支付；银行转账：\n";
    CHECK(rows(run(text)) == Rows{"1|3|null|null|null|3 day|-"});
  }
  SUBCASE("a blank template") {
    const std::string text =
        "第五条 付款方式\n甲方在本合同生效后　　日内一次性缴付培训服务费用。\n";
    CHECK(rows(run(text)).empty());
  }
  SUBCASE("a 履约保证金 in the payment clause") {
    const std::string text =
        "第五条 付款方式\n乙方应在签订前向甲方提交履约保证金，金额为合同金额的 5%。\n";
    CHECK(rows(run(text)).empty());
  }
}

TEST_CASE("installments: the whole price paid at once, and repayment at maturity") {
  SUBCASE("支付合同款 takes the contract's price") {
    const std::string text =
        "验收及付款方式： 1.乙方按合同提供服务。 "
        "2.验收合格后，甲方凭发票以转账方式向乙方支付合同款。\n";
    cs::Summary summary = run(text, {{amount("合同金额", "95800.00")}, {}});
    CHECK(rows(summary) == Rows{"1|1|null|95800.00|null|null|-"});
    REQUIRE(summary.payment_terms.size() == 1);
    CHECK(show(summary.payment_terms[0].trigger) == "验收合格后");
  }
  SUBCASE("到期一次性还本付息") {
    const std::string text =
        "第四条 还款方式\n乙方选择以下第 1 "
        "种还款方式：\n到期一次性还本付息。\n分期还款，具体约定为：________。\n";
    cs::Summary summary = run(text);
    CHECK(rows(summary) == Rows{"1|3|null|null|null|null|-"});
  }
}

TEST_CASE("installments: time limits and their words") {
  SUBCASE("a clause number that looks like a count is not a time limit") {
    const std::string text =
        "7.1 付款方式\n"
        "7.1.10 甲方应在验收合格后 10 个工作日内支付合同金额的 30%。\n";
    cs::Summary summary = run(text);
    CHECK(rows(summary) == Rows{"1|2|30|null|合同金额|10 working_day|-"});
    REQUIRE(summary.payment_terms.size() == 1);
    CHECK(show(summary.payment_terms[0].trigger) == "验收合格后");
  }
  SUBCASE("十二（１２）个月 after the event, in the second part of a sentence") {
    const std::string text =
        "第二条 付款\n"
        "2.1 公司同意分五期向乙方支付技术费。该款汇入乙方账户，"
        "第一期款项将于工厂开始作业之后十二（１２）个月到期应付。\n";
    cs::Summary summary = run(text);
    CHECK(rows(summary) == Rows{"1|2|null|null|null|12 month|-"});
    REQUIRE(summary.payment_terms.size() == 1);
    CHECK(show(summary.payment_terms[0].trigger) == "工厂开始作业之后");
  }
  SUBCASE("a condition before the trigger is part of it") {
    const std::string text =
        "第五条 付款方式\n"
        "1. 预付款：本合同生效后，买方在收到卖方开具的收据之日起 7 个工作日内，"
        "支付合同总价的 30%；\n";
    cs::Summary summary = run(text);
    REQUIRE(summary.payment_terms.size() == 1);
    CHECK(show(summary.payment_terms[0].trigger) == "本合同生效后，买方在收到卖方开具的收据之日起");
    CHECK(show(summary.payment_terms[0].due) == "7 working_day");
  }
  SUBCASE("a day of the month is not a time limit") {
    const std::string text =
        "第四条 租金及支付方式\n月租金为人民币 8,500 元，乙方应于每月 5 日前支付当月租金。\n";
    cs::Summary summary = run(text);
    CHECK(rows(summary) == Rows{"1|2|null|8500.00|null|null|-"});
    REQUIRE(summary.payment_terms.size() == 1);
    CHECK(show(summary.payment_terms[0].period) == "month");
  }
  SUBCASE("a sum in 万元") {
    const std::string text = "付款方式：合同签订后 3 日内支付首期款 50 万元。\n";
    CHECK(rows(run(text)) == Rows{"1|1|null|500000.00|null|3 day|-"});
  }
}

TEST_CASE("installments: a written date plus 工作日 crosses the National Day holiday") {
  // From Friday 2026-09-25 (中秋节): 09-28, 09-29, 09-30, then 10-01..10-07 off, 10-08, 10-09.
  const std::string text = "付款方式：自 2026 年 9 月 25 日起 5 个工作日内支付合同金额的 100%。\n";
  cs::Summary summary = run(text);
  REQUIRE(summary.payment_terms.size() == 1);
  CHECK(show(summary.payment_terms[0].trigger) == "2026 年 9 月 25 日起");
  CHECK(show(summary.payment_terms[0].due_date) == "2026-10-09");
  CHECK_FALSE(summary.payment_terms[0].due_date_approximate);
}

TEST_CASE("installments: procedure and default in a payment clause are not installments") {
  const std::string text =
      "14.3.2 进度付款审核和支付\n"
      "工程师应在收到承包人进度付款申请单后7天内完成审查并报送发包人。\n"
      "甲方逾期支付的，应在催告后 10 日内补足。\n"
      "发包人应在进度款支付证书签发后14天内完成支付。\n";
  CHECK(rows(run(text)) == Rows{"1|4|null|null|null|14 day|-"});
}

TEST_CASE("installments: outside a payment clause, only what and when together") {
  SUBCASE("a share and the remainder, each with its time") {
    const std::string text =
        "第九条 其他\n"
        "甲方应在收到发票后 10 日内支付合同金额的 30%；\n"
        "余款于验收合格后 10 日内付清。\n";
    CHECK(rows(run(text)) ==
          Rows{"1|2|30|null|合同金额|10 day|-", "2|3|null|null|null|10 day|remainder"});
  }
  SUBCASE("a single share is not checked against 100%") {
    const std::string text = "第九条 其他\n甲方应在收到发票后 10 日内支付合同金额的 30%。\n";
    cs::Summary summary = run(text, {{amount("合同金额", "1000")}, {}});
    CHECK(rows(summary) == Rows{"1|2|30|300.00|合同金额|10 day|-"});
    CHECK(findings(summary).empty());
  }
  SUBCASE("a time limit alone says nothing of what is paid") {
    const std::string text = "第九条 其他\n甲方应在收到发票后 10 日内支付相关费用。\n";
    CHECK(rows(run(text)).empty());
  }
  SUBCASE("a sum alone says nothing of when") {
    const std::string text = "第九条 其他\n甲方已支付定额费用人民币 5,000 元。\n";
    CHECK(rows(run(text)).empty());
  }
}

// How far a trigger reaches back: one clause that is no condition is taken along only when a
// condition stands before it.
TEST_CASE("installments: the clauses a trigger takes along") {
  const struct {
    const char* line;
    const char* trigger;
  } cases[] = {
      {"3. 尾款：服务期满并通过最终验收后，甲方根据全年考核结果核定应付金额，在收到乙方开具的等额发"
       "票后 15 个工作日内支付尾款。",
       "服务期满并通过最终验收后，甲方根据全年考核结果核定应付金额，在收到乙方开具的等额发票后"},
      {"3. 尾款：乙方应按时提交全年服务报告，甲方在收到乙方开具的等额发票后 15 "
       "个工作日内支付尾款。",
       "收到乙方开具的等额发票后"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.line);
    cs::Summary summary = run(std::string("第五条 付款方式\n") + c.line + "\n");
    REQUIRE(summary.payment_terms.size() == 1);
    CHECK(show(summary.payment_terms[0].trigger) == c.trigger);
  }
}
