// Tests of the amounts extractor (figures, capitals, names, tables) and its finding
// "amount-words-mismatch".
//
// The extractor runs alone on a document with only rules/amounts.toml loaded. Each sum is
// shown as "line|value|currency|label|words|words_value|consistent" (approximate sums end
// in "|approx"), so one CHECK compares everything found in a sentence.
#include <doctest/doctest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "clause_scan/extract.h"
#include "extract/context.h"
#include "extract/extractors.h"
#include "extract/lookup.h"

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
    auto rules = cs::RuleSet::load_files({kRules / "amounts.toml"});
    REQUIRE_MESSAGE(rules.ok(), rules.error().message());
    r.rules = std::move(rules).value();
    r.dir = kRules;
    return r;
  }();
  return loaded;
}

cs::Summary run(const std::string& text) {
  cs::Document document = cs::make_document("t.txt", cs::DecodedText{text, "UTF-8", false});
  cs::extract::Context context(document, resources());
  cs::Summary summary;
  cs::extract::extract_amounts(context, summary);
  return summary;
}

std::string show(const std::optional<std::string>& text) { return text ? *text : "null"; }
std::string show(const std::optional<bool>& flag) {
  return flag ? (*flag ? "true" : "false") : "null";
}
std::string money(const std::optional<cs::Decimal>& value) {
  return value ? cs::format_money(*value) : "null";
}

std::string row(const cs::Amount& amount) {
  return std::to_string(amount.source.line) + "|" + cs::format_money(amount.value) + "|" +
         amount.currency + "|" + show(amount.label) + "|" + show(amount.words) + "|" +
         money(amount.words_value) + "|" + show(amount.consistent) +
         (amount.approximate ? "|approx" : "");
}

std::vector<std::string> rows(const std::string& text) {
  std::vector<std::string> out;
  for (const cs::Amount& amount : run(text).amounts) out.push_back(row(amount));
  return out;
}

using Rows = std::vector<std::string>;

}  // namespace

struct Case {
  const char* name;
  std::string text;
  Rows want;
};

void check_cases(const std::vector<Case>& cases) {
  for (const Case& c : cases) {
    SUBCASE(c.name) { CHECK(rows(c.text) == c.want); }
  }
}

TEST_CASE("extract amounts: figures and currencies") {
  check_cases({
      {"Markdown emphasis around the figure and the capitals",
       "2.2 中标金额：本项目中标金额合计人民币 **1977800** "
       "元（大写**壹佰玖拾柒万柒仟捌佰元整**）。",
       {"1|1977800.00|CNY|中标金额|壹佰玖拾柒万柒仟捌佰元整|1977800.00|true"}},
      {"currency sign without 元",
       "签约合同价：¥95,800.00",
       {"1|95800.00|CNY|签约合同价|null|null|null"}},
      {"full-width yuan sign and digits",
       "合同总价为￥４７，６４１，６５２．８８元。",
       {"1|47641652.88|CNY|合同总价|null|null|null"}},
      {"ten-thousands",
       "现场实施及用户培训费用 1.5万元 已包含在合同金额中。",
       {"1|15000.00|CNY|培训费用|null|null|null"}},
      {"ten-thousands after a blank",
       "上述合同总价（即人民币 125 万元）为固定价格。",
       {"1|1250000.00|CNY|合同总价|null|null|null"}},
      {"US dollars, full-width",
       "投标押金，款额为１，０００美元。",
       {"1|1000.00|USD|投标押金|null|null|null"}},
      {"Hong Kong dollars", "定金为港币 50,000 元。", {"1|50000.00|HKD|定金|null|null|null"}},
      {"the range a template allows between the figure and 元",
       "每延误1天，承包人按  10000（5000～50000）元/天计算违约金。",
       {"1|10000.00|CNY|null|null|null|null"}},
      {"Chinese numerals with 元", "每次罚款十万元。", {"1|100000.00|CNY|罚款|null|null|null"}},
      {"a range gives both ends",
       "按1000～30000元/天·次计算违约金。",
       {"1|1000.00|CNY|null|null|null|null", "1|30000.00|CNY|null|null|null|null"}},
      {"a range takes the multiplier of its high end",
       "损失在1-5万元之间的。",
       {"1|10000.00|CNY|null|null|null|null", "1|50000.00|CNY|null|null|null|null"}},
      {"more decimals than money has",
       "累计违约金上限： 47641652.88 *3%=1429249.5864 元。",
       {"1|1429249.59|CNY|null|null|null|null"}},
  });
}

TEST_CASE("extract amounts: approximate sums are lower bounds") {
  check_cases({
      {"about", "项目总投资约50万元。", {"1|500000.00|CNY|null|null|null|null|approx"}},
      {"thirty-some", "预计费用三十几万元。", {"1|300000.00|CNY|null|null|null|null|approx"}},
      {"two hundred odd",
       "合同总价二百余万元。",
       {"1|2000000.00|CNY|合同总价|null|null|null|approx"}},
  });
}

TEST_CASE("extract amounts: not sums") {
  check_cases({
      {"blank line before 元", "违约金为____元。", {}},
      {"empty brackets", "合同总价为人民币（ ）元（大写：      元整）。", {}},
      {"a percentage", "违约金为合同总价的 5%。", {}},
      {"a bare number", "共计 1977800。", {}},
      {"an area", "房屋建筑面积 3,000 平方米。", {}},
      {"a flat number", "地址：厦门市软件园三期63号2101-2104单元", {}},
      {"a placeholder",
       "乙方支付人民币       x       元（大写：        x         元整）作为定金。",
       {}},
      {"a rate's term, not a sum", "参照中国人民银行人民币1年期贷款基准利率。", {}},
  });
}

TEST_CASE("extract amounts: capitals") {
  check_cases({
      {"capitals after the figure, with a comma",
       "4.1本合同总价（含6%增值税价）：¥790,000.00元，大写：人民币 柒拾玖万元整。",
       {"1|790000.00|CNY|合同总价|柒拾玖万元整|790000.00|true"}},
      {"capitals before the figure",
       "人民币（大写) 肆仟柒佰陆拾肆万壹仟陆佰伍拾贰元捌角捌分（¥ 47641652.88 元）。",
       {"1|47641652.88|CNY|null|肆仟柒佰陆拾肆万壹仟陆佰伍拾贰元捌角捌分|47641652.88|true"}},
      {"two sums with capitals before their figures on one line",
       "人民币（大写) 壹佰叁拾万零伍佰柒拾陆元捌角陆分  "
       "（¥1300576.86元）；税金为人民币（大写)柒万叁仟陆佰壹拾柒元伍角陆分（¥73617.56元）",
       {"1|1300576.86|CNY|null|壹佰叁拾万零伍佰柒拾陆元捌角陆分|1300576.86|true",
        "1|73617.56|CNY|税金|柒万叁仟陆佰壹拾柒元伍角陆分|73617.56|true"}},
      {"fen after a zero agree",
       "建筑安装工程费：人民币（大写)肆仟陆佰叁拾肆万壹仟零柒拾陆元零贰分（¥46341076.02元）",
       {"1|46341076.02|CNY|建筑安装工程费|肆仟陆佰叁拾肆万壹仟零柒拾陆元零贰分|46341076.02|true"}},
      {"capitals missing the fen disagree",
       "人民币（大写)肆仟陆佰叁拾肆万壹仟零柒拾陆元（¥46341076.02元）",
       {"1|46341076.02|CNY|null|肆仟陆佰叁拾肆万壹仟零柒拾陆元|46341076.00|false"}},
      {"figures in brackets after capitals without the word 大写",
       "押金人民币壹万元整（¥10,000.00）。",
       {"1|10000.00|CNY|押金|壹万元整|10000.00|true"}},
      {"capitals in brackets without the word 大写",
       "服务费 100 元（壹佰元整）。",
       {"1|100.00|CNY|服务费|壹佰元整|100.00|true"}},
      {"lowercase and capitals on consecutive lines",
       "小写：¥95800.00 元\n大写：玖万伍仟捌佰元整\n",
       {"1|95800.00|CNY|null|玖万伍仟捌佰元整|95800.00|true"}},
      {"capitals labelled 大写 on the line after their figure",
       "合同总价为人民币 100 元；\n大写：壹佰元整。\n",
       {"1|100.00|CNY|合同总价|壹佰元整|100.00|true"}},
      {"capitals before their figure are not those of the line before",
       "押金人民币 100 元\n人民币（大写)贰佰元整（¥200元）\n",
       {"1|100.00|CNY|押金|null|null|null", "2|200.00|CNY|null|贰佰元整|200.00|true"}},
      {"a total with 小写 then 大写 lines",
       "总计人民币（小写）：￥95800.00元\n总计人民币（大写）: 玖万伍仟捌佰元整\n",
       {"1|95800.00|CNY|总计|玖万伍仟捌佰元整|95800.00|true"}},
      {"大写 before 小写 on one line, the figure without 元",
       "合计 （含6%增值税）\t总金额（大写）：人民币柒拾玖万元整 总金额（小写）： 790,000.00",
       {"1|790000.00|CNY|总金额|柒拾玖万元整|790000.00|true"}},
      {"capitals alone are a sum",
       "乙方为需求调研垫付的差旅费用共计人民币叁仟元伍角。",
       {"1|3000.50|CNY|差旅费用|叁仟元伍角|3000.50|true"}},
      {"capitals alone in a legacy contract",
       "交纳介绍费壹拾陆元，（甲方拾元、乙方陆元）介绍费一律不退。",
       {"1|16.00|CNY|介绍费|壹拾陆元|16.00|true", "1|10.00|CNY|null|拾元|10.00|true",
        "1|6.00|CNY|null|陆元|6.00|true"}},
      {"zero yuan", "赠品价格：          元，实收零元。", {"1|0.00|CNY|实收|零元|0.00|true"}},
      {"a price named with what it is for",
       "每一基金单位的面值为人民币壹元，发售价格为人民币壹元。",
       {"1|1.00|CNY|面值|壹元|1.00|true", "1|1.00|CNY|发售价格|壹元|1.00|true"}},
      {"a partly filled template",
       "乙方向甲方借款人民币 _20万整_ 元（大写： ____贰拾万整____）。",
       {"1|200000.00|CNY|借款金额|贰拾万整|200000.00|true"}},
      {"capitals without a figure and without 元 are not a sum", "大写：贰拾万整", {}},
  });
}

TEST_CASE("extract amounts: names") {
  check_cases({
      {"the defined price",
       "本合同总价为人民币 1,250,000.00 元（大写：壹佰贰拾伍万元整）。",
       {"1|1250000.00|CNY|合同总价|壹佰贰拾伍万元整|1250000.00|true"}},
      {"monthly rent",
       "该房屋每月租金为人民币 36,000.00 元（大写：叁万陆仟元整），即每平方米每月人民币 30 元。",
       {"1|36000.00|CNY|租金|叁万陆仟元整|36000.00|true", "1|30.00|CNY|null|null|null|null"}},
      {"a threshold is not the price",
       "对于中标金额低于 500 万元且不属于跨年项目的，按照两期分期付款：",
       {"1|5000000.00|CNY|null|null|null|null"}},
      {"a cap is not the penalty",
       "违约金累计不超过 10 万元。",
       {"1|100000.00|CNY|null|null|null|null"}},
      {"a share of the price has no name of its own",
       "a. 合同签订后 10 个工作日内，支付中标金额的 40%，即人民币 954,600.00 元；",
       {"1|954600.00|CNY|null|null|null|null"}},
      {"a name before a share of another sum",
       "乙方向甲方提交履约保证金，金额为中标金额的 5%，即人民币 119,325.00 元。",
       {"1|119325.00|CNY|履约保证金|null|null|null"}},
      {"an item heading before a share of another sum",
       "3. 质保金：合同总价的 10%，即人民币 125,000.00 元作为质量保证金。",
       {"1|125000.00|CNY|质保金|null|null|null"}},
      {"an item heading names the first sum of its line",
       "1. 预付款：本合同生效后 7 个工作日内，买方支付合同总价的 30%，即人民币 375,000.00 "
       "元，另付运费 500 元。",
       {"1|375000.00|CNY|预付款|null|null|null", "1|500.00|CNY|运费|null|null|null"}},
      {"an installment heading",
       "2. 第二期：系统通过初验后，甲方支付合同金额的 40%，即人民币 114,400.00 元；",
       {"1|114400.00|CNY|第二期|null|null|null"}},
      {"a heading with a qualifier",
       "(一) 试用期月工资：人民币 14,400.00 元（大写：壹万肆仟肆佰元整）；",
       {"1|14400.00|CNY|试用期月工资|壹万肆仟肆佰元整|14400.00|true"}},
      {"a name on the line before",
       "四、1. 签约合同价（含税）为：\n人民币（大写)叁拾万元整  （¥300000.00元）。",
       {"2|300000.00|CNY|签约合同价|叁拾万元整|300000.00|true"}},
      {"a spaced name in a form",
       "合 同 金 额\t￥95800.00元",
       {"1|95800.00|CNY|合同金额|null|null|null"}},
      {"a name after the sum",
       "任何一方要求解除合同，则由提出方交纳１０元违约金。",
       {"1|10.00|CNY|违约金|null|null|null"}},
      {"a deposit named after its capitals",
       "买方支付的预付款中人民币 125,000.00 元（大写：壹拾贰万伍仟元整）作为本合同的定金。",
       {"1|125000.00|CNY|定金|壹拾贰万伍仟元整|125000.00|true"}},
      {"a unit price with its fee",
       "该房屋的物业管理费按每月每平方米人民币 6 元计算。",
       {"1|6.00|CNY|物业管理费|null|null|null"}},
      {"a unit price without a name",
       "所需人员按每人每小时人民币 45 元另行结算。",
       {"1|45.00|CNY|null|null|null|null"}},
      {"borrowing names the loan",
       "本合同项下乙方向甲方借款人民币 3,000,000.00 元。",
       {"1|3000000.00|CNY|借款金额|null|null|null"}},
      {"a bonus",
       "甲方同意向乙方发放签约奖金人民币 30,000.00 元（大写：叁万元整）。",
       {"1|30000.00|CNY|签约奖金|叁万元整|30000.00|true"}},
      {"a fee by the day",
       "变更费用按每人日人民币 1,800 元计算。",
       {"1|1800.00|CNY|变更费用|null|null|null"}},
  });
}

TEST_CASE("extract amounts: tables") {
  check_cases({
      {"money columns with signs, and a total row",
       "序号\t货物名称\t数量\t单价\t金额\n1\t数控车床\t3\t￥86,000.00\t￥258,000."
       "00\n合计\t\t\t\t￥258,000.00\n",
       {"2|86000.00|CNY|单价|null|null|null", "2|258000.00|CNY|金额|null|null|null",
        "3|258000.00|CNY|合计|null|null|null"}},
      {"bare numbers under a unit in the header",
       "类别\t技术参数\t单价/元\t数量\t小计/"
       "元\n开发服务\t详见清单。\t465000\t1\t465000\n实施服务\t现场实施\t2500元/"
       "人天\t130\t325000\n",
       {"2|465000.00|CNY|单价|null|null|null", "2|465000.00|CNY|小计|null|null|null",
        "3|2500.00|CNY|单价|null|null|null", "3|325000.00|CNY|小计|null|null|null"}},
      {"units in a row under the names",
       "模块名称\t单价\t数量\t合计\t功能备注\n\t（元）\t\t（元）\n\n权限管理\t40000\t1\t40000\t角色"
       "管理\n",
       {"4|40000.00|CNY|单价|null|null|null", "4|40000.00|CNY|合计|null|null|null"}},
      {"units in brackets, zeros count",
       "序号\t服务名称\t数量\t单价 (元)\t合计 （元)\n2\t质保服务\t1\t0\t0\n",
       {"2|0.00|CNY|单价|null|null|null", "2|0.00|CNY|合计|null|null|null"}},
      {"a line of text ends the table", "名称\t单价/元\t数量\n说明如下：\n软件\t100\t2\n", {}},
      {"quantities are not money", "名称\t数量\t单位\n软件\t100\t套\n", {}},
  });
}

TEST_CASE("extract amounts: finding amount-words-mismatch") {
  cs::Summary summary =
      run("三、合同价款\n"
          "(一) 合同金额：本合同金额为人民币 286,000.00 元（大写：贰拾陆万捌仟元整）。\n"
          "(二) 押金人民币 1,000.00 元（大写：壹仟元整）。\n");
  REQUIRE(summary.findings.size() == 1);
  const cs::Finding& finding = summary.findings.front();
  CHECK(finding.rule == "amount-words-mismatch");
  CHECK(finding.severity == cs::Severity::error);
  CHECK(finding.message ==
        "大写金额与小写金额不一致：小写 286,000.00 元，大写 贰拾陆万捌仟元整 = 268,000.00 元");
  CHECK(finding.message_en ==
        "amount in words differs from the figures: 286,000.00 CNY, in words 贰拾陆万捌仟元整 = "
        "268,000.00 CNY");
  CHECK(finding.source.line == 2);
  CHECK(finding.source.column == 16);
  CHECK(finding.source.text == "人民币 286,000.00 元（大写：贰拾陆万捌仟元整）");
}

TEST_CASE("extract amounts: a mismatch in another currency names that currency") {
  cs::Summary summary = run("合同总价为 1,000.00 美元（大写：壹仟伍佰元整）。");
  REQUIRE(summary.findings.size() == 1);
  CHECK(summary.findings.front().message ==
        "大写金额与小写金额不一致：小写 1,000.00 美元，大写 壹仟伍佰元整 = 1,500.00 美元");
  CHECK(summary.findings.front().message_en ==
        "amount in words differs from the figures: 1,000.00 USD, in words 壹仟伍佰元整 = 1,500.00 "
        "USD");
}

TEST_CASE("extract amounts: sums agreeing with their capitals give no finding") {
  CHECK(run("签约合同价：人民币（大写)肆仟陆佰叁拾肆万壹仟零柒拾陆元零贰分（¥46341076.02元）")
            .findings.empty());
  CHECK(run("借款人民币 _20万整_ 元（大写： ____贰拾万整____）").findings.empty());
}

TEST_CASE("extract amounts: installments find the defined price, not a threshold") {
  cs::Summary summary =
      run("2.2 中标金额：本项目中标金额合计人民币 1977800 元（大写壹佰玖拾柒万柒仟捌佰元整）。\n"
          "对于中标金额低于 500 万元且不属于跨年项目的，按照两期分期付款：\n");
  const cs::Amount* price = cs::extract::find_amount(summary, "本项目中标金额");
  REQUIRE(price != nullptr);
  CHECK(cs::format_money(price->value) == "1977800.00");
  CHECK(price->source.clause == "2.2");
  REQUIRE(summary.amounts.size() == 2);
  CHECK_FALSE(summary.amounts[1].label.has_value());
}

TEST_CASE("extract amounts: the source is the original words") {
  cs::Summary summary =
      run("合同总价为人民币 **１９７７８００** 元（大写**壹佰玖拾柒万柒仟捌佰元整**）。");
  REQUIRE(summary.amounts.size() == 1);
  CHECK(summary.amounts[0].source.text ==
        "人民币 **１９７７８００** 元（大写**壹佰玖拾柒万柒仟捌佰元整**）");
  CHECK(summary.amounts[0].source.column == 6);
}

TEST_CASE("extract amounts: the capitals of a real construction contract all agree") {
  const fs::path path = fs::path(CLAUSE_SCAN_SHARED_DIR) / "corpus" / "real" /
                        "construction_epc_chongqing_2nd_normal_univ_2025.txt";
  if (!fs::exists(path)) {
    MESSAGE("corpus absent, skipped: " << path.string());
    return;
  }
  auto document = cs::load_document(path, {});
  REQUIRE(document.ok());
  cs::extract::Context context(document.value(), resources());
  cs::Summary summary;
  cs::extract::extract_amounts(context, summary);
  int with_capitals = 0;
  for (const cs::Amount& amount : summary.amounts) with_capitals += amount.words ? 1 : 0;
  CHECK(with_capitals == 7);
  CHECK(summary.findings.empty());
  const cs::Amount* price = cs::extract::find_amount(summary, "签约合同价");
  REQUIRE(price != nullptr);
  CHECK(cs::format_money(price->value) == "47641652.88");
}
