// Tests of the penalties extractor and its finding "undefined-base".
//
// The extractor runs alone on a document, with only rules/penalties.toml loaded; the
// amounts it reads (the sums its bases name) are put into the summary by the test, so these
// tests do not depend on the amounts extractor. Sentences are our own, in the ways
// contracts write them.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
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
const fs::path kSeed =
    fs::path(CLAUSE_SCAN_SHARED_DIR) / "corpus" / "seed" / "000_499730d0b662ff86.txt";

const cs::Resources& resources() {
  static const cs::Resources loaded = [] {
    cs::Resources r;
    auto rules = cs::RuleSet::load_files({kRules / "penalties.toml"});
    REQUIRE_MESSAGE(rules.ok(), rules.error().message());
    r.rules = std::move(rules).value();
    r.dir = kRules;
    return r;
  }();
  return loaded;
}

struct Sum {
  std::string label;
  std::string value;
  std::string currency = "CNY";
};

cs::Summary run(const std::string& text, const std::vector<Sum>& sums = {},
                const std::vector<std::string>& party_roles = {}) {
  cs::Document document = cs::make_document("t.txt", cs::DecodedText{text, "UTF-8", false});
  cs::extract::Context context(document, resources());
  cs::Summary summary;
  for (const std::string& role : party_roles) {
    cs::Party party;
    party.role = role;
    summary.parties.push_back(party);
  }
  for (const Sum& sum : sums) {
    cs::Amount amount;
    amount.label = sum.label;
    amount.value = *cs::Decimal::parse(sum.value);
    amount.currency = sum.currency;
    summary.amounts.push_back(amount);
  }
  cs::extract::extract_penalties(context, summary);
  return summary;
}

std::string show(const std::optional<std::string>& text) { return text ? *text : "null"; }
std::string percent(const std::optional<cs::Decimal>& value) {
  return value ? cs::format_percent(*value) : "null";
}
std::string money(const std::optional<cs::Decimal>& value) {
  return value ? cs::format_money(*value) : "null";
}

// kind|percent|per|base|base_value|amount|cap|payer|payee|line
std::string show(const cs::Penalty& p) {
  std::string_view per = cs::to_string(p.per);
  return std::string(cs::to_string(p.kind)) + "|" + percent(p.percent) + "|" +
         std::string(per.empty() ? "null" : per) + "|" + show(p.base) + "|" + money(p.base_value) +
         "|" + money(p.amount) + "|" + percent(p.cap_percent) + "|" + show(p.payer) + "|" +
         show(p.payee) + "|" + std::to_string(p.source.line);
}

std::vector<std::string> penalties(const std::string& text, const std::vector<Sum>& sums = {},
                                   const std::vector<std::string>& party_roles = {}) {
  std::vector<std::string> shown;
  for (const cs::Penalty& p : run(text, sums, party_roles).penalties) shown.push_back(show(p));
  return shown;
}

// show(p)|condition, for the tiers of a table.
std::vector<std::string> tiers(const std::string& text, const std::vector<Sum>& sums = {}) {
  std::vector<std::string> shown;
  for (const cs::Penalty& p : run(text, sums).penalties) {
    shown.push_back(show(p) + "|" + show(p.condition));
  }
  return shown;
}

// rule|severity|line|message
std::vector<std::string> findings(const std::string& text, const std::vector<Sum>& sums = {}) {
  std::vector<std::string> shown;
  for (const cs::Finding& f : run(text, sums).findings) {
    shown.push_back(f.rule + "|" + std::string(cs::to_string(f.severity)) + "|" +
                    std::to_string(f.source.line) + "|" + f.message);
  }
  return shown;
}

struct Case {
  const char* name;
  std::string text;
  std::vector<Sum> sums;
  std::vector<std::string> expected;
};

void check_cases(const std::vector<Case>& cases) {
  for (const Case& c : cases) {
    std::string name = c.name;
    CAPTURE(name);
    CHECK(penalties(c.text, c.sums) == c.expected);
  }
}

}  // namespace

TEST_CASE("penalties: the rule file's examples pass") {
  for (const cs::ExampleFailure& failure : resources().rules.test_examples()) {
    FAIL_CHECK(failure.file << ":" << failure.line << ": " << failure.reason);
  }
}

TEST_CASE("penalties: a rate of a named sum") {
  check_cases({
      {"one-off rate of a defined sum, payer and payee named",
       "9.3 如双方无法达成一致的，则乙方应按照本项目中标金额的 30%向甲方支付违约金。",
       {{"中标金额", "1977800.00"}},
       {"liquidated_damages|30|null|中标金额|1977800.00|593340.00|null|乙方|甲方|1"}},
      {"alternatives: the first defined one is the base",
       "则乙方应按照项目中标金额（如项目经过招投标程序）或项目总价款（如项目未经招投标程序）的 30% "
       "向甲方支付违约金；",
       {{"中标金额", "1977800.00"}},
       {"liquidated_damages|30|null|中标金额|1977800.00|593340.00|null|乙方|甲方|1"}},
      {"违约金按照…计算, parties from the line before the sentence",
       "(2) 按照甲方规定向甲方支付违约金，或者赔偿甲方因乙方违约遭受的损失。若不能达成一致的，"
       "则违约金按照项目中标金额（如项目经过招投标程序）或项目总价款（如项目未经招投标程序）的30%"
       "计算。",
       {{"中标金额", "1977800.00"}},
       {"liquidated_damages|30|null|中标金额|1977800.00|593340.00|null|乙方|甲方|1"}},
      {"full-width figures",
       "乙方应按合同金额的１０％向甲方支付违约金。",
       {{"合同金额", "286000.00"}},
       {"liquidated_damages|10|null|合同金额|286000.00|28600.00|null|乙方|甲方|1"}},
      {"a name of the contract price takes the whole price, not a part paid under the name",
       "甲方不得向第三方提供许可软件，否则应按合同金额的十倍支付违约金。",
       {{"合同总价", "790000.00"}, {"合同金额", "395000.00"}},
       {"liquidated_damages|1000|null|合同金额|790000.00|7900000.00|null|甲方|乙方|1"}},
      {"rate without 的 before it, and 作为违约金",
       "因乙方原因不能按期提供服务的，每延迟一日应向甲方偿付合同总价的千分之二作为违约金。",
       {},
       {"late_delivery|0.2|day|合同总价|null|null|null|乙方|甲方|1"}},
      {"deducted from a deposit the contract never quantifies",
       "若乙方违反售后服务条款，每违反一例须扣除履约保证金的10%作为违约金。",
       {},
       {"liquidated_damages|10|null|履约保证金|null|null|null|乙方|甲方|1"}},
      {"或 inside a name that is not a sum is not an alternative",
       "发包人收取承包人该类材料或设备费总价款的 20%作为违约金。",
       {},
       {"liquidated_damages|20|null|承包人该类材料或设备费总价款|null|null|null|承包人|发包人|1"}},
      {"another name of the contract price",
       "承包人按本合同总价的 10%向发包人支付违约金。",
       {{"签约合同价", "47641652.88"}},
       {"liquidated_damages|10|null|合同总价|47641652.88|4764165.29|null|承包人|发包人|1"}},
      {"a range note after the rate",
       "承包人按签约合同价的  10%（5～10）%支付违约金。",
       {{"签约合同价", "1000000.00"}},
       {"liquidated_damages|10|null|签约合同价|1000000.00|100000.00|null|承包人|发包人|1"}},
      {"not a penalty: an installment of the price",
       "甲方应按中标金额的 70%向乙方支付合同款。",
       {{"中标金额", "1977800.00"}},
       {}},
      {"not a penalty: a rate left blank",
       "甲方预约成功而未参加培训的，甲方应当按照本次培训服务费用的 　 　％支付违约金。",
       {},
       {}},
  });
}

TEST_CASE("penalties: rates per day, what is late, caps") {
  check_cases({
      {"a one-off rate named for a delay is of the delay's kind; 合同约定的 is not in the base",
       "乙方在接到通知后24小时内应无条件撤离本项目现场，逾期撤场则按本合同约定的工期延误违约金的"
       "二倍支付逾期撤场违约金。\n"
       "甲方逾期付款超过30日的，应按合同总价的5%向乙方支付逾期付款违约金。\n"
       "乙方逾期交货超过30日的，应按合同总价的10%向甲方支付逾期违约金。\n"
       "乙方逾期交货超过30日的，应按合同总价的10%向甲方支付违约金。",
       {},
       {"late_delivery|200|null|工期延误违约金|null|null|null|乙方|甲方|1",
        "late_payment|5|null|合同总价|null|null|null|甲方|乙方|2",
        "late_delivery|10|null|合同总价|null|null|null|乙方|甲方|3",
        "liquidated_damages|10|null|合同总价|null|null|null|乙方|甲方|4"}},
      {"late delivery with a cap on the same sentence",
       "(一) "
       "卖方逾期交货的，每逾期一日，应按合同总价的千分之五向买方支付违约金，累计不超过合同总价的 "
       "10%；逾期超过 30 日的，买方有权解除合同。",
       {{"合同总价", "1250000.00"}},
       {"late_delivery|0.5|day|合同总价|1250000.00|null|10|卖方|买方|1"}},
      {"late payment, payer named before the delay",
       "甲方逾期付款的，每逾期一日按应付未付金额的万分之五向乙方支付逾期付款违约金，"
       "最高不超过合同金额的 5%。",
       {},
       {"late_payment|0.05|day|应付未付金额|null|null|5|甲方|乙方|1"}},
      {"滞纳金 for a deposit not returned is a late payment",
       "甲方未按本合同约定退还押金的，每逾期一日，应按应退押金金额的千分之一向乙方支付滞纳金。",
       {},
       {"late_payment|0.1|day|应退押金金额|null|null|null|甲方|乙方|1"}},
      {"a disbursement made late is a late performance",
       "(三) "
       "贷款人未按约定日期发放借款的，每逾期一日，应按应发放金额的万分之二向借款人支付违约金。",
       {},
       {"late_delivery|0.02|day|应发放金额|null|null|null|贷款人|借款人|1"}},
      {"the per-day words inside the rate",
       "乙方未按约定归还本金的，还应对逾期款项按 每日十万分之五 的标准向甲方另行支付违约金。",
       {},
       {"late_payment|0.005|day|逾期款项|null|null|null|乙方|甲方|1"}},
      {"每日 right before 按",
       "5.甲方不能按期付款的，自逾期之日起每日按合同金额的千分之二支付违约金。",
       {},
       {"late_payment|0.2|day|合同金额|null|null|null|甲方|乙方|1"}},
      {"payee from an earlier sentence of the line",
       "乙方每期租金提前 3 日直接向甲方支付。逾期支付的，每逾期一日，乙方应按日租金的 105 "
       "%支付逾期违约金。",
       {},
       {"late_payment|105|day|日租金|null|null|null|乙方|甲方|1"}},
      {"payer from an earlier sentence of the line",
       "乙方提供的服务不符合约定的，应在甲方通知后十日内整改。否则，每延期一天，按合同总价的千分之"
       "二"
       "向甲方支付违约金。",
       {},
       {"late_delivery|0.2|day|合同总价|null|null|null|乙方|甲方|1"}},
      {"a use fee per day of late return",
       "乙方逾期返还该房屋的，每逾期一日，乙方应以日租金的 105 %向甲方支付该房屋占用期间的使用费。",
       {},
       {"late_delivery|105|day|日租金|null|null|null|乙方|甲方|1"}},
      {"two statements and one cap for both",
       "12."
       "1若乙方未按约定完成系统部署的，每逾期一日，应按合同总额的万分之三支付违约金，逾期满三十日的"
       "，"
       "甲方有权解除本合同，乙方应按合同总额的10%支付违约金，但违约金的总额不超过合同总价的10%。",
       {{"合同总价", "790000.00"}},
       {"late_delivery|0.03|day|合同总额|790000.00|null|10|乙方|甲方|1",
        "liquidated_damages|10|null|合同总额|790000.00|79000.00|10|乙方|甲方|1"}},
      {"a blank rate with a ceiling",
       "甲方应于十五个工作日内将费用支付给乙方，每逾期一日应按逾期金额[   "
       "]%的标准（不超过万分之六点五）"
       "向乙方支付违约金。",
       {},
       {"late_payment|null|day|逾期金额|null|null|0.065|甲方|乙方|1"}},
      {"a blank rate with the ranges it allows",
       "１．卖方不能交货的，应向买方偿付不能交货部分货款的＿％（通用产品的幅度为１－５％，专用产品"
       "的幅度为１０－３０％）的违约金。",
       {},
       {"liquidated_damages|null|null|不能交货部分货款|null|null|null|卖方|买方|1"}},
      {"a blank rate with its range, the 违约金 inside the bracket",
       "１．供方超过规定期限不能交货的，应偿付需方不能交货部分货款总值＿＿＿％（１－２０％的幅度的"
       "违约"
       "金）。",
       {},
       {"liquidated_damages|null|null|不能交货部分货款总值|null|null|null|供方|需方|1"}},
      {"two blank rates of two bases, each with its range",
       "２．中途废止合同的，定作方应偿付承揽方的未履行部分价款总值的＿＿％（１０％－－３０％幅度）"
       "或"
       "未履行部分酬金总额的＿＿％（２０％－－６０％幅度）违约金。",
       {},
       {"liquidated_damages|null|null|未履行部分价款总值|null|null|null|定作方|承揽方|1",
        "liquidated_damages|null|null|未履行部分酬金总额|null|null|null|定作方|承揽方|1"}},
      {"a blank rate with nothing to bound it is not listed",
       "２．卖方逾期交货的，应向买方偿付逾期交货部分货款的＿％的违约金。",
       {},
       {}},
      {"a rate per day paid (付给) to the other side",
       "如因贷款人原因延迟发放贷款，贷款人应按影响金额和天数，"
       "每天付给借款人相当于影响金额万分之三的违约金。",
       {},
       {"late_delivery|0.03|day|影响金额|null|null|null|贷款人|借款人|1"}},
      {"compensation per day of unpaid wages, not called 违约金",
       "用人单位每月十日前发放工资，超过规定日期的，每日按拖欠工资的1%赔偿劳动者损失。",
       {},
       {"late_payment|1|day|拖欠工资|null|null|null|用人单位|劳动者|1"}},
      {"whichever party breaches pays the other",
       "任何一方违反本合同约定导致合同解除的，应按合同总价的10%向对方支付违约金。",
       {},
       {"liquidated_damages|10|null|合同总价|null|null|null|违约方|守约方|1"}},
      {"a party asking to end the contract is no breaching party",
       "任何一方要求解除合同，则由提出方交纳10元违约金。",
       {},
       {"liquidated_damages|null|null|null|null|10.00|null|null|null|1"}},
      {"违约赔偿金 paid every month of delay",
       "卖方未能按时交付货轮的，卖方应向买方每月支付每艘货轮价格的１％作为违约赔偿金，不作罚款论。",
       {},
       {"late_delivery|1|month|每艘货轮价格|null|null|null|卖方|买方|1"}},
      {"compensation at a rate of a named sum, not called 违约金",
       "供电电压超出规定的变动幅度时，供电方应按不合格电量电费的２０％给予赔偿。",
       {},
       {"liquidated_damages|20|null|不合格电量电费|null|null|null|供电方|用电方|1"}},
      {"compensation at a multiple of a named sum",
       "供电方的责任事故造成停电的，供电方应按可能用电量电费的５倍给予赔偿。",
       {},
       {"liquidated_damages|500|null|可能用电量电费|null|null|null|供电方|用电方|1"}},
      {"compensation with no rate is not listed",
       "由于用电方的责任造成供电方对外停电，用电方应按少供电量电费予以赔偿。",
       {},
       {}},
      {"a fine (罚金) is no 违约金: kind other, unless named for a delay (延期罚金)",
       "乙方擅自转让土地的，乙方应按未完成部分土地价款的百分之十向甲方缴纳罚金。\n"
       "乙方未按期完成建设的，乙方应按未完成部分土地价款的百分之十向甲方缴纳延期罚金。",
       {},
       {"other|10|null|未完成部分土地价款|null|null|null|乙方|甲方|1",
        "late_delivery|10|null|未完成部分土地价款|null|null|null|乙方|甲方|2"}},
      {"a formula with its rate named after it",
       "借款人提前还本的，应支付违约金，违约金=提前还贷金额×违约金率，违约金率为1‰。",
       {},
       {"liquidated_damages|0.1|null|提前还贷金额|null|null|null|借款人|贷款人|1"}},
      {"a formula per day of delay",
       "借款人逾期还款的，应向贷款人支付违约金，违约金=逾期未付金额×0.05%×逾期天数。",
       {},
       {"late_payment|0.05|day|逾期未付金额|null|null|null|借款人|贷款人|1"}},
      {"a fine of a multiple of a named sum, imposed (处以)",
       "乙方不得挪用甲供材料，一经发现，甲方有权对乙方处以挪用部分价款两倍的违约金。",
       {},
       {"liquidated_damages|200|null|挪用部分价款|null|null|null|乙方|甲方|1"}},
      {"the payer is the subject of the condition before 应, not the sentence's first role",
       "需方根据供方的要求预付定金的，供方在不履行合同时，应加倍偿还不履行部分的预付定金。",
       {},
       {"deposit_forfeit|200|null|定金|null|null|null|供方|需方|1"}},
      {"a cap on another line does not apply",
       "乙方逾期交付的，每逾期一日按合同金额的千分之三向甲方支付违约金。\n"
       "维护费用不超过合同金额的 10%。",
       {},
       {"late_delivery|0.3|day|合同金额|null|null|null|乙方|甲方|1"}},
  });
}

TEST_CASE("penalties: fixed sums, months of rent, 定金, 罚息") {
  check_cases({
      {"a fixed sum with its capitals",
       "4.1. 乙方违反本协议约定的，应向甲方支付违约金人民币 50,000.00 元（大写：伍万元整）。",
       {},
       {"liquidated_damages|null|null|null|null|50000.00|null|乙方|甲方|1"}},
      {"sums in capitals and in figures, no party named",
       "合同未到期双方均要解除合同，各收违约金伍元伍角整，任何一方要求解除合同，则由提出方交纳１０"
       "元违约金。",
       {},
       {"liquidated_damages|null|null|null|null|5.50|null|null|null|1",
        "liquidated_damages|null|null|null|null|10.00|null|null|null|1"}},
      {"the sum written after months of rent wins",
       "违约方应向守约方支付相当于三个月租金的违约金，即人民币 108,000.00 元。",
       {},
       {"liquidated_damages|null|null|null|null|108000.00|null|违约方|守约方|1"}},
      {"months of rent without a sum",
       "若甲方有下列情形之一，乙方可书面通知甲方解除本合同，且甲方应当向乙方支付数额相当于  1  "
       "个月租金的违约金：",
       {},
       {"liquidated_damages|100|null|月租金|null|null|null|甲方|乙方|1"}},
      {"定金: forfeiture and double return",
       "(二) 买方不履行合同义务的，无权要求返还定金；卖方不履行合同义务的，应当双倍返还定金。",
       {{"定金", "125000.00"}},
       {"deposit_forfeit|100|null|定金|125000.00|125000.00|null|买方|卖方|1",
        "deposit_forfeit|200|null|定金|125000.00|250000.00|null|卖方|买方|1"}},
      {"a performance bond kept, its sum stated elsewhere",
       "乙方无正当理由拒绝履行合同的，其缴纳的履约保证金不予退还。",
       {{"履约保证金", "30000.00"}},
       {"deposit_forfeit|100|null|履约保证金|30000.00|30000.00|null|乙方|甲方|1"}},
      {"a performance bond confiscated",
       "承包人中途退场的，发包人有权没收承包人的履约保障金。",
       {},
       {"deposit_forfeit|100|null|履约保障金|null|null|null|承包人|发包人|1"}},
      {"定金 confiscated by the party who received it",
       "若乙方未能配合交房的，则甲方有权没收乙方支付的定金。",
       {{"定金", "5000.00"}},
       {"deposit_forfeit|100|null|定金|5000.00|5000.00|null|乙方|甲方|1"}},
      {"罚息 on a late repayment",
       "(一) 借款人未按期归还借款本金的，贷款人有权对逾期借款自逾期之日起在原借款利率基础上加收 "
       "50% "
       "计收罚息。",
       {},
       {"late_payment|50|null|原借款利率|null|null|null|借款人|贷款人|1"}},
      {"罚息 on misused funds",
       "(二) 借款人未按约定用途使用借款的，贷款人有权对挪用部分在原借款利率基础上加收 100% "
       "计收罚息。",
       {},
       {"other|100|null|原借款利率|null|null|null|借款人|贷款人|1"}},
      {"a range of sums is no figure (its bounds: the range test case)",
       "用电方私自迁移计量装置的，处以２０至５０元的罚金。",
       {},
       {"other|null|null|null|null|null|null|用电方|供电方|1"}},
      {"滞纳金 added per day",
       "乙方逾期缴纳的，每日按欠缴金额的万分之五加收滞纳金。",
       {},
       {"late_payment|0.05|day|欠缴金额|null|null|null|乙方|甲方|1"}},
      {"定金 not returned on request",
       "定作方不履行合同的，无权请求返还定金。承揽方不履行合同的，应当双倍返还定金。",
       {},
       {"deposit_forfeit|100|null|定金|null|null|null|定作方|承揽方|1",
        "deposit_forfeit|200|null|定金|null|null|null|承揽方|定作方|1"}},
      {"a sum per day",
       "承包人未按约定提交保险凭证的，每延后1天，承包人按 500 元/天支付违约金。",
       {},
       {"late_delivery|null|day|null|null|500.00|null|承包人|发包人|1"}},
      {"interest on a late sum: a yearly, a daily rate, a multiple of a bank rate",
       "甲方逾期付款的，应按年利率6%向乙方支付逾期利息。\n"
       "乙方逾期未归还借款的，应自逾期之日起按日万分之五向甲方支付逾期利息。\n"
       "甲方未按期支付的，应按中国人民银行同期贷款利率的1.5倍向乙方支付利息。\n"
       "此种过期未缴款应以相当于每年２０％的利率缴纳利息。\n"
       "乙方逾期交付的，按年利率6%向甲方支付利息。",
       {},
       {"late_payment|6|year|null|null|null|null|甲方|乙方|1",
        "late_payment|0.05|day|null|null|null|null|乙方|甲方|2",
        "late_payment|150|null|中国人民银行同期贷款利率|null|null|null|甲方|乙方|3",
        "late_payment|20|year|null|null|null|null|null|null|4",
        "late_delivery|6|year|null|null|null|null|乙方|甲方|5"}},
      {"not interest on a late sum: the rate of the loan",
       "借款年利率为4.35%，按月付息。本合同项下借款按年利率4.35%计算利息。",
       {},
       {}},
      {"a template's allowed range beside the figure; a sum and a rate per occurrence",
       "逾期竣工违约金的计算方法：每延误1天，承包人按  "
       "50000（5000～50000）元/天计算逾期竣工违约金。\n"
       "（11）承包人未能按照合同约定履行其他义务的违约责任：按5000（500～5000）元/次支付违约金。\n"
       "（14）承包人有违反安全管理规章制度情况的，按签约合同价的4‰/次支付违约金。\n"
       "发包人逾期支付超过56天的，按照贷款市场报价利率（LPR）的两倍支付利息。",
       {},
       {"late_delivery|null|day|null|null|50000.00|null|承包人|发包人|1",
        "liquidated_damages|null|null|null|null|5000.00|null|承包人|发包人|2",
        "liquidated_damages|0.4|null|签约合同价|null|null|null|承包人|发包人|3",
        "late_payment|200|null|贷款市场报价利率|null|null|null|发包人|承包人|4"}},
      {"an abbreviation in Latin letters is part of a base, a note is not",
       "发包人逾期付款的，应按贷款市场报价利率（LPR）的150%向承包人支付违约金。\n"
       "乙方违约的，应按合同总价（含税）的10%向甲方支付违约金。",
       {},
       {"liquidated_damages|150|null|贷款市场报价利率(LPR)|null|null|null|发包人|承包人|1",
        "liquidated_damages|10|null|合同总价|null|null|null|乙方|甲方|2"}},
      {"what is late comes before the paying of the penalty (应支付违约金)",
       "（1）承包人未按合同约定提交履约担保的违约责任：承包人应支付违约金，违约金的计算方法：每延误"
       "1"
       "天，承包人按 10000 元/天计算违约金。",
       {},
       {"late_delivery|null|day|null|null|10000.00|null|承包人|发包人|1"}},
      {"a performance guarantee kept or drawn on",
       "违法分包一经查实，承包人的履约担保不予退还，终止合同。\n"
       "有下列情形之一的，发包人有权解除合同，亦有权兑付履约担保。\n"
       "承包人被解除合同的，低价风险担保将全额扣除。",
       {},
       {"deposit_forfeit|100|null|履约担保|null|null|null|承包人|发包人|1",
        "deposit_forfeit|100|null|履约担保|null|null|null|承包人|发包人|2",
        "deposit_forfeit|100|null|低价风险担保|null|null|null|承包人|发包人|3"}},
      {"罚息 at a rate raised by a share",
       "借款人逾期还款的，贷款人有权按借款利率上浮50%计收罚息。",
       {},
       {"late_payment|50|null|借款利率|null|null|null|借款人|贷款人|1"}},
  });
}

TEST_CASE("penalties: an amount is in the currency of its base or of its own sum") {
  struct CurrencyCase {
    const char* name;
    std::string text;
    std::vector<Sum> sums;
    std::vector<std::string> expected;  // amount currency, per penalty
  };
  const std::vector<CurrencyCase> cases = {
      {"a tender deposit in US dollars, kept whole",
       "若中标者未能签订合同，该投标押金作为违约赔偿金，由招标委员会主席予以没收。",
       {{"投标押金", "1000.00", "USD"}},
       {"1000.00 USD"}},
      {"a share of a price in US dollars",
       "卖方逾期交货的，应按合同总价的5%向买方支付违约金。",
       {{"合同总价", "2500000.00", "USD"}},
       {"125000.00 USD"}},
      {"a share of a price in yuan",
       "卖方逾期交货的，应按合同总价的5%向买方支付违约金。",
       {{"合同总价", "2500000.00"}},
       {"125000.00 CNY"}},
      {"a fixed sum in US dollars", "卖方应向买方支付违约金5,000美元。", {}, {"5000.00 USD"}},
  };
  for (const CurrencyCase& c : cases) {
    CAPTURE(c.name);
    std::vector<std::string> shown;
    for (const cs::Penalty& p : run(c.text, c.sums).penalties) {
      shown.push_back(money(p.amount) + " " + p.currency);
    }
    CHECK(shown == c.expected);
  }
}

TEST_CASE("penalties: finding undefined-base") {
  const std::vector<Sum> price = {{"合同金额", "286000.00"}};
  SUBCASE("a base the contract never defines") {
    const std::string text = "(二) 乙方违反保密义务的，应按项目总价款的 20% 向甲方支付违约金。";
    CHECK(findings(text, price) ==
          std::vector<std::string>{
              "undefined-base|warning|1|违约金计算基数“项目总价款”在合同中没有定义金额"});
    CHECK(run(text, price).findings.at(0).message_en ==
          "penalty base “项目总价款” is not stated as a sum in the contract");
  }
  SUBCASE("its penalty has no amount") {
    CHECK(penalties("乙方违反保密义务的，应按项目总价款的 20% 向甲方支付违约金。", price) ==
          std::vector<std::string>{
              "liquidated_damages|20|null|项目总价款|null|null|null|乙方|甲方|1"});
  }
  SUBCASE("a defined base") {
    CHECK(findings("乙方应按本合同金额的 20% 向甲方支付违约金。", price).empty());
  }
  SUBCASE("the second alternative of a defined first one") {
    CHECK(
        findings(
            "乙方应按照项目中标金额（如经招标）或项目总价款（如未经招标）的 30% 向甲方支付违约金。",
            {{"中标金额", "1977800.00"}})
            .empty());
  }
  SUBCASE("alternatives none of which is defined: the first is named") {
    CHECK(findings("乙方应按照项目中标金额（如经招标）或项目总价款（如未经招标）的 30% "
                   "向甲方支付违约金。") ==
          std::vector<std::string>{
              "undefined-base|warning|1|违约金计算基数“项目中标金额”在合同中没有定义金额"});
  }
  SUBCASE("generic bases are not findings") {
    CHECK(findings("买方逾期付款的，每逾期一日，应按应付未付款项的万分之五向卖方支付违约金。\n"
                   "乙方逾期支付租金的，每逾期一日，乙方应按日租金的 105 %支付逾期违约金。\n"
                   "借款人未按期还款的，贷款人有权在原借款利率基础上加收 50% 计收罚息。")
              .empty());
  }
  SUBCASE("what is actually used is not defined by nature") {
    CHECK(findings("供电方应按用电方实际所用的不合格电量电费的２０％给予赔偿。").empty());
  }
  SUBCASE("sums that are not defined by nature: a batch, a settlement, another penalty") {
    CHECK(findings("承包人须承担该批材料总价值的20%违约金。\n"
                   "承包人应按审定结算金额的0.5‰/天支付违约金。\n"
                   "逾期撤场的，按本合同约定的工期延误违约金的二倍支付违约金。")
              .empty());
  }
  SUBCASE("a 定金 the contract leaves blank") {
    CHECK(findings("卖方不履行合同的，应当双倍返还定金。") ==
          std::vector<std::string>{
              "undefined-base|warning|1|违约金计算基数“定金”在合同中没有定义金额"});
  }
  SUBCASE("one line naming the same undefined 定金 twice: one finding") {
    const std::string text =
        "卖方不履行合同的，应当双倍返还定金；买方不履行合同的，无权要求返还定金。";
    CHECK(penalties(text).size() == 2);
    CHECK(findings(text) ==
          std::vector<std::string>{
              "undefined-base|warning|1|违约金计算基数“定金”在合同中没有定义金额"});
  }
  SUBCASE("fixed sums have no base") {
    CHECK(findings("乙方违反约定的，应向甲方支付违约金人民币 5 万元。").empty());
  }
}

TEST_CASE("penalties: payer and payee by the roles the contract gives its two parties") {
  const std::string text =
      "用地者未按期建成厂房的，应按未发展之土地市价的百分之十向市国土局缴纳延期罚金。";
  // (A fine named for a delay, 延期罚金, is of the delay's kind; a plain 罚金 is other.)
  CHECK(penalties(text, {}, {"市国土局", "用地者"}) ==
        std::vector<std::string>{
            "late_delivery|10|null|未发展之土地市价|null|null|null|用地者|市国土局|1"});
  // Without the parties the roles are unknown words.
  CHECK(penalties(text, {}, {}) ==
        std::vector<std::string>{
            "late_delivery|10|null|未发展之土地市价|null|null|null|null|null|1"});
  CHECK(penalties("用地者擅自改变土地用途的，应按土地市价的百分之十向市国土局缴纳罚金。", {},
                  {"市国土局", "用地者"}) ==
        std::vector<std::string>{"other|10|null|土地市价|null|null|null|用地者|市国土局|1"});
}

TEST_CASE("penalties: the heading of a clause names who pays where the sentence does not") {
  CHECK(
      penalties("第十二条　承揽方的违约责任：\n"
                "一、不能交付定作物的，应当偿付合同总价的10%违约金。\n"
                "二、逾期交付的，每逾期一天，按合同总价的千分之一偿付违约金。\n"
                "第十三条　定作方的违约责任：\n"
                "一、中途变更定作物的，应当偿付合同总价的5%违约金。\n"
                "第十四条　其他约定：\n"
                "一、因不可抗力解除合同的，应当偿付合同总价的1%违约金。") ==
      std::vector<std::string>{"liquidated_damages|10|null|合同总价|null|null|null|承揽方|定作方|2",
                               "late_delivery|0.1|day|合同总价|null|null|null|承揽方|定作方|3",
                               "liquidated_damages|5|null|合同总价|null|null|null|定作方|承揽方|5",
                               "liquidated_damages|1|null|合同总价|null|null|null|null|null|7"});
}

TEST_CASE("penalties: a table of tiers, one rate per line under one heading") {
  SUBCASE("numbered tiers, blank lines between them, the table ends at other words") {
    const std::string text =
        "如果货轮达不到规定的最高速度，卖方应按下列速度降低的比例支付违约赔偿金：\n"
        "１．０．５节或低于０．５节－－每艘船单价的１％；\n"
        "\n"
        "２．大于０．５节至１节包括一节－－每艘船单价的５％；\n"
        "３．大于１节至２节包括２节－－每艘船单价的１０％。\n"
        "买方有权拒收航速降低超过３节的货轮。\n"
        "４．另行约定－－每艘船单价的２０％。";
    CHECK(tiers(text) ==
          std::vector<std::string>{
              "liquidated_damages|1|null|每艘船单价|null|null|null|卖方|买方|2|0.5节或低于0.5节",
              "liquidated_damages|5|null|每艘船单价|null|null|null|卖方|买方|4|"
              "大于0.5节至1节包括一节",
              "liquidated_damages|10|null|每艘船单价|null|null|null|卖方|买方|5|"
              "大于1节至2节包括2节"});
    // The shared undefined base is said once, at the first tier.
    CHECK(findings(text) ==
          std::vector<std::string>{
              "undefined-base|warning|2|违约金计算基数“每艘船单价”在合同中没有定义金额"});
  }
  SUBCASE("a defined base gives each tier its amount; a per-day heading, its kind") {
    CHECK(tiers("乙方每逾期一日交付，应按以下标准向甲方支付违约金：\n"
                "（1）逾期1至10日的：合同总价的0.05%；\n"
                "（2）逾期11日以上的：合同总价的0.1%；",
                {{"合同总价", "200000.00"}}) ==
          std::vector<std::string>{
              "late_delivery|0.05|day|合同总价|200000.00|null|null|乙方|甲方|2|逾期1至10日的",
              "late_delivery|0.1|day|合同总价|200000.00|null|null|乙方|甲方|3|逾期11日以上的"});
    CHECK(tiers("服务可用率未达到约定标准的，乙方应按以下标准向甲方支付违约金：\n"
                "a) 可用率低于99%但不低于98%：扣除当月服务费的5%；\n"
                "b) 可用率低于98%：扣除当月服务费的10%。",
                {{"当月服务费", "30000.00"}}) ==
          std::vector<std::string>{"liquidated_damages|5|null|当月服务费|30000.00|1500.00|null|"
                                   "乙方|甲方|2|可用率低于99%但不低于98%",
                                   "liquidated_damages|10|null|当月服务费|30000.00|3000.00|null|"
                                   "乙方|甲方|3|可用率低于98%"});
  }
  SUBCASE("a line that is a statement of its own is read as one, and ends the table") {
    CHECK(tiers("乙方逾期交付的，违约金按下列标准计算：\n"
                "1、逾期11至30日的，按合同总价的1%向甲方支付违约金；\n"
                "2、逾期30日以上：合同总价的5%。") ==
          std::vector<std::string>{
              "liquidated_damages|1|null|合同总价|null|null|null|乙方|甲方|2|null"});
  }
  SUBCASE("not a table: an installment schedule, a heading that does not end its line") {
    CHECK(tiers("合同价款按下列比例支付：\n"
                "1、预付款－－合同总价的30%；")
              .empty());
    CHECK(tiers("乙方应按下列比例支付违约金：逾期交货的，按合同总价的5%向甲方支付违约金。\n"
                "1、逾期30日以上－－合同总价的10%；") ==
          std::vector<std::string>{
              "liquidated_damages|5|null|合同总价|null|null|null|乙方|甲方|1|null"});
  }
}

TEST_CASE("penalties: a tab-separated table under an assessment heading, read by its header") {
  const std::string heading =
      "承包人发生安全事故时，承包人除承担法定责任外，发包人还将按照以下标准进行考核：\n";
  const std::string rows =
      "较大事故\t签约合同价的0.5‰\n重大事故\t签约合同价的2‰\n"
      "（1）较大事故，是指造成3人以上10人以下死亡的事故；";
  CHECK(tiers(heading + "事件类型\t违约金额\n" + rows, {{"签约合同价", "47641652.88"}}) ==
        std::vector<std::string>{"liquidated_damages|0.05|null|签约合同价|47641652.88|23820.83|"
                                 "null|承包人|发包人|3|较大事故",
                                 "liquidated_damages|0.2|null|签约合同价|47641652.88|95283.31|"
                                 "null|承包人|发包人|4|重大事故"});
  // Without the header naming the penalty, an assessment is not a table of penalties.
  CHECK(tiers(heading + "事件类型\t扣分\n" + rows).empty());
  CHECK(tiers(heading + rows).empty());
}

TEST_CASE("penalties: a range the contract allows instead of one figure") {
  auto ranged = [](const std::string& text, const std::vector<Sum>& sums = {}) {
    std::vector<std::string> shown;
    for (const cs::Penalty& p : run(text, sums).penalties) {
      std::string range = "null";
      if (p.range) {
        bool yuan = p.range->unit == cs::RangeUnit::yuan;
        range = (yuan ? money(p.range->low) : percent(p.range->low)) + "~" +
                (yuan ? money(p.range->high) : percent(p.range->high)) + " " +
                std::string(cs::to_string(p.range->unit));
      }
      shown.push_back(show(p) + "|" + range + (cs::rate_left_blank(p) ? "|blank" : ""));
    }
    return shown;
  };
  const std::vector<Case> cases = {
      {"sums per day and occurrence, from the clause heading's payer",
       "15.2.3 承包人违约的责任\n"
       "每发现一次，根据具体情节，按1000～30000元/天·次计算违约金；",
       {},
       {"liquidated_damages|null|day|null|null|null|null|承包人|发包人|2|1000.00~30000.00 yuan"}},
      {"rates of a sum, bracketed or not; no amount computed from either bound",
       "擅自更换的，承包人按签约合同价的（0.5～3）%/人·次向发包人支付违约金。\n"
       "乙方逾期交货超过30日的，应按合同总价的5%-10%向甲方支付违约金。",
       {{"签约合同价", "47641652.88"}},
       {"liquidated_damages|null|null|签约合同价|47641652.88|null|null|承包人|发包人|1|0.5~3 "
        "percent",
        "liquidated_damages|null|null|合同总价|47641652.88|null|null|乙方|甲方|2|5~10 percent"}},
      {"a fine of a range of sums, of multiples; a low end without 万 takes the high end's",
       "用电方私自迁移计量装置的，处以２０至５０元的罚金。\n"
       "用电方私自改变用电类别的，并处以１－２倍差额电费的罚金。\n"
       "乙方违反保密义务的，违约金为1至5万元。",
       {},
       {"other|null|null|null|null|null|null|用电方|供电方|1|20.00~50.00 yuan",
        "other|null|null|差额电费|null|null|null|用电方|供电方|2|100~200 percent",
        "liquidated_damages|null|null|null|null|null|null|乙方|甲方|3|10000.00~50000.00 yuan"}},
      {"a share of a guarantee kept, as a range",
       "承包人拒绝整改或整改后不合格的，按低价风险担保金额的50～100%扣减，直至解除合同；",
       {},
       {"deposit_forfeit|null|null|低价风险担保金额|null|null|null|承包人|发包人|1|50~100 "
        "percent"}},
      {"a blank rate with the one range allowed; with two (by kind of goods), none",
       "１．供方超过规定期限不能交货的，应偿付需方不能交货部分货款总值＿＿＿％（１－２０％的幅度的"
       "违约金）。\n"
       "１．卖方不能交货的，应向买方偿付不能交货部分货款的＿％（通用产品的幅度为１－５％，专用产品"
       "的幅度为１０－３０％）的违约金。\n"
       "甲方应于十五个工作日内将费用支付给乙方，每逾期一日应按逾期金额[   "
       "]%的标准（不超过万分之六点五）"
       "向乙方支付违约金。",
       {},
       {"liquidated_damages|null|null|不能交货部分货款总值|null|null|null|供方|需方|1|1~20 "
        "percent|blank",
        "liquidated_damages|null|null|不能交货部分货款|null|null|null|卖方|买方|2|null|blank",
        "late_payment|null|day|逾期金额|null|null|0.065|甲方|乙方|3|null|blank"}},
      {"a figure with the range beside it is the figure, the range what the template allows",
       "承包人未能按照合同约定履行其他义务的，按5000（500～5000）元/次支付违约金。\n"
       "承包人原因未能通过竣工试验的，按照整改费用的  5%（1～5）%支付违约金。",
       {},
       {"liquidated_damages|null|null|null|null|5000.00|null|承包人|发包人|1|500.00~5000.00 yuan",
        "liquidated_damages|5|null|整改费用|null|null|null|承包人|发包人|2|1~5 percent"}},
  };
  for (const Case& c : cases) {
    std::string name = c.name;
    CAPTURE(name);
    CHECK(ranged(c.text, c.sums) == c.expected);
  }
}

TEST_CASE("penalties: finding penalty-outside-range, a figure outside the range beside it") {
  CHECK(findings("每延误1天，承包人按 60000（5000～50000）元/天计算违约金。\n"
                 "每延误1天，承包人按 50000（5000～50000）元/天计算违约金。\n"
                 "承包人未通过竣工试验的，按照整改费用的 12%（1～5）%支付违约金。\n"
                 "承包人未通过竣工试验的，按照整改费用的 1%（1～5）%支付违约金。") ==
        std::vector<std::string>{
            "penalty-outside-range|error|1|违约金 60,000.00 元 不在其旁注明的范围 "
            "5,000.00～50,000.00 元 内",
            "penalty-outside-range|error|3|违约金 12% 不在其旁注明的范围 1～5% 内"});
}

TEST_CASE("penalties: a role written with 方 for a party named with 人 is that party") {
  const std::string text =
      "承包人未按期完成账户开立的，每逾期一日应按合同总价0.5‰的标准向发包方计付违约金。";
  CHECK(penalties(text, {}, {"发包人", "承包人"}) ==
        std::vector<std::string>{"late_delivery|0.05|day|合同总价|null|null|null|承包人|发包人|1"});
  // Without such a party the words stay as written.
  CHECK(penalties(text, {}, {}) ==
        std::vector<std::string>{"late_delivery|0.05|day|合同总价|null|null|null|承包人|发包方|1"});
}

TEST_CASE("penalties: the seed contract") {
  if (!fs::exists(kSeed)) {
    MESSAGE("corpus absent: " << kSeed.string());
    return;
  }
  std::ifstream stream(kSeed, std::ios::binary);
  std::ostringstream bytes;
  bytes << stream.rdbuf();
  cs::Summary summary = run(bytes.str(), {{"中标金额", "1977800.00"}});
  std::vector<std::string> shown;
  for (const cs::Penalty& p : summary.penalties) shown.push_back(show(p));
  CHECK(shown ==
        std::vector<std::string>{
            "liquidated_damages|30|null|中标金额|1977800.00|593340.00|null|乙方|甲方|235",
            "liquidated_damages|30|null|中标金额|1977800.00|593340.00|null|乙方|甲方|465",
            "liquidated_damages|30|null|中标金额|1977800.00|593340.00|null|乙方|甲方|564"});
  CHECK(summary.findings.empty());
}
