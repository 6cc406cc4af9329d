// Tests of the outline stage: the line classifier (what is a numbering, its style, number and
// heading), whole small documents compared as compact outlines, offsets and clause paths.
// The seed contract and the real corpus are in outline_corpus_test.cpp.
#include <doctest/doctest.h>

#include <string>
#include <string_view>
#include <vector>

#include "clause_scan/normalize.h"
#include "clause_scan/outline.h"
#include "outline/numbering.h"
#include "outline_render.h"

namespace {

using clause_scan::NumberStyle;
using clause_scan::Outline;
using clause_scan::SourceText;
using clause_scan::testing::render_compact;
namespace internal = clause_scan::outline_internal;

Outline outline_of(std::string text) {
  return clause_scan::build_outline(SourceText(std::move(text)));
}

// The offset of the first occurrence of `needle` in the normalized text.
std::size_t offset_of(const SourceText& source, std::string_view needle) {
  const std::size_t offset = source.text().find(needle);
  REQUIRE(offset != std::string::npos);
  return offset;
}

struct LineCase {
  std::string_view line;
  bool clause;
  NumberStyle style;
  std::string_view number;
  std::string_view heading;
};

constexpr NumberStyle kNone = NumberStyle::decimal;  // style of the non-clause rows (unused)

// Lines as they arrive after normalization (full-width digits and punctuation folded).
const LineCase kLineCases[] = {
    // chinese
    {"一、定义", true, NumberStyle::chinese, "一", "定义"},
    {"十五、其他", true, NumberStyle::chinese, "十五", "其他"},
    {"三、合同文件的组成和解释顺序如下", true, NumberStyle::chinese, "三",
     "合同文件的组成和解释顺序如下"},
    {"四、服务质量、权利瑕疵担保及验收", true, NumberStyle::chinese, "四",
     "服务质量、权利瑕疵担保及验收"},
    {"  二十一、适用法律", true, NumberStyle::chinese, "二十一", "适用法律"},
    {"一、经甲方(用户)乙方(家庭服务员)协商同意,签定服务合同。", true, NumberStyle::chinese, "一",
     ""},
    {"一,未按合同规定的质量交付定作物或完成工作,定作方同意利用的,应当按质论价;", true,
     NumberStyle::chinese, "一", ""},
    {"二、合同期和试用(熟练)期:", true, NumberStyle::chinese, "二", "合同期和试用(熟练)期"},
    // decimal
    {"1.1 “合同”系指本《运维服务合同》第三条规定的全部合同文件。", true, NumberStyle::decimal,
     "1.1", ""},
    {"2.1 项目服务内容及范围", true, NumberStyle::decimal, "2.1", "项目服务内容及范围"},
    {"2.2 中标金额:本项目中标金额合计人民币 1977800 元(大写壹佰玖拾柒万柒仟捌佰元整)。", true,
     NumberStyle::decimal, "2.2", "中标金额"},
    {"2.3 服务期限:自合同签订日起至 2026 年 12 月 31 日。", true, NumberStyle::decimal, "2.3",
     "服务期限"},
    {"2.5 履约保证金:不收取", true, NumberStyle::decimal, "2.5", "履约保证金"},
    {"4.1.1 本项目采购需求规定的规范及要求明确的,乙方所提供的运维服务标准应当符合规范。", true,
     NumberStyle::decimal, "4.1.1", ""},
    {"7.2.16 本年度运维工作结束时,乙方应在 10 个工作日内向甲方移交有关资料。", true,
     NumberStyle::decimal, "7.2.16", ""},
    {"1.1. 本协议所称保密信息包括:", true, NumberStyle::decimal, "1.1", "本协议所称保密信息包括"},
    {"2.2. 上述第 2.1. 款所指的保密措施以及相关的保密义务包括以下内容:", true, NumberStyle::decimal,
     "2.2", ""},
    {"1.1.1.1合同:是指根据法律规定和合同当事人约定具有约束力的文件", true, NumberStyle::decimal,
     "1.1.1.1", "合同"},
    {"21.4工程收方", true, NumberStyle::decimal, "21.4", "工程收方"},
    {"1、甲乙双方拟就市国资委 2026 年数字化项目开展业务合作(以下简称项目);", true,
     NumberStyle::decimal, "1", ""},
    {"1. 工程名称:重庆第二师范学院南山校区学生宿舍三期建设工程EPC总承包工程。", true,
     NumberStyle::decimal, "1", "工程名称"},
    {"1.定义", true, NumberStyle::decimal, "1", "定义"},
    {"0. 委托内容:", true, NumberStyle::decimal, "0", "委托内容"},
    {"1.____", true, NumberStyle::decimal, "1", ""},
    {"1.0.5节或低于0.5节--每艘船单价的1%;", true, NumberStyle::decimal, "1", ""},
    {"3-2 安装、初级培训及调整", true, NumberStyle::decimal, "3-2", "安装、初级培训及调整"},
    {"3-5-1 除了根据上述第3-2款规定的培训服务外,许可方还应提供顾问性服务。", true,
     NumberStyle::decimal, "3-5-1", ""},
    // paren_arabic, arabic_paren
    {"(1) 非乙方的行为、过失、违约或失职造成的损失或伤害;", true, NumberStyle::paren_arabic, "(1)",
     ""},
    {"- (2) 不可抗力造成的损失。", true, NumberStyle::paren_arabic, "(2)", ""},
    {"(4)如出现保密信息丢失、被盗、被泄露或非授权使用等失、泄密事件,", true,
     NumberStyle::paren_arabic, "(4)", ""},
    {"(12) 其他_____ / _____。", true, NumberStyle::paren_arabic, "(12)", ""},
    {"(3)加班工资:法定节日为  %。", true, NumberStyle::paren_arabic, "(3)", "加班工资"},
    {"1)在合同实施及咨询人员到达咨询服务地后__天内,委托方应支付预付款。", true,
     NumberStyle::arabic_paren, "1)", ""},
    {"3)根据第13条[变更与调整]应增加和扣减的变更金额;", true, NumberStyle::arabic_paren, "3)", ""},
    // paren_chinese
    {"(一)特别委托:是指委托人委托受托人处理一项或者数项事务的行为。", true,
     NumberStyle::paren_chinese, "(一)", "特别委托"},
    {"(十一)如本合同有两个以上(含两个)借款人,则各借款人承担连带责任。", true,
     NumberStyle::paren_chinese, "(十一)", ""},
    {"(二)乙方的义务", true, NumberStyle::paren_chinese, "(二)", "乙方的义务"},
    {"(三) 财政部文件(84)财税字第29号一九八四年", true, NumberStyle::paren_chinese, "(三)",
     "财政部文件(84)财税字第29号一九八四年"},
    // letter
    {"a. 合同签订生效且甲方收到乙方开具的等额发票后 10 个工作日内,支付中标金额的 70 %;", true,
     NumberStyle::letter, "a", ""},
    {"b)“咨询者”指×××(咨询者名称);", true, NumberStyle::letter, "b)", ""},
    {"(a) 美国重新颁发专利第 号,题目是“增加烟草填充能力的处理方法”", true, NumberStyle::letter,
     "(a)", ""},
    {"(a) 雷诺士公司将选择一批某种种类的烟丝用于质量测试.", true, NumberStyle::letter, "(a)", ""},
    {"A.本项目的材料、设备在采购前承包人应将所采购材料的厂家以书面形式通知发包人。", true,
     NumberStyle::letter, "A", ""},
    {"C. 需认质核价的材料和设备品牌若难以询价或已被垄断的,发包人有权更换。", true,
     NumberStyle::letter, "C", ""},
    // circled
    {"①不可抗力;", true, NumberStyle::circled, "①", ""},
    {"③货物的合理损耗", true, NumberStyle::circled, "③", "货物的合理损耗"},
    // article, chapter
    {"第一条 定义", true, NumberStyle::article, "第一条", "定义"},
    {"第十二条  承揽方的违约责任:", true, NumberStyle::article, "第十二条", "承揽方的违约责任"},
    {"第1条  一般约定", true, NumberStyle::article, "第1条", "一般约定"},
    {"第 1 条 借款金额与用途", true, NumberStyle::article, "第1条", "借款金额与用途"},
    {"第七条贷款利率、罚息利率和计息、结息", true, NumberStyle::article, "第七条",
     "贷款利率、罚息利率和计息、结息"},
    {"  第一条 丙方保证金额为甲方根据  年  字第  号合同向乙方借款的本金。", true,
     NumberStyle::article, "第一条", ""},
    {"第四条 期限;试用期;终止;终止前的权利及义务", true, NumberStyle::article, "第四条", ""},
    {"第三条 货物起运地点______", true, NumberStyle::article, "第三条", "货物起运地点"},
    {"\t\t第五条  履约保障措施", true, NumberStyle::article, "第五条", "履约保障措施"},
    {"第一章 总则", true, NumberStyle::chapter, "第一章", "总则"},
    {"第二节 付款", true, NumberStyle::chapter, "第二节", "付款"},
    {"第一部分 合同协议书", true, NumberStyle::chapter, "第一部分", "合同协议书"},
    // not clauses: dates, amounts, quantities, phone numbers, years, references
    {"2026年01月16日", false, kNone, "", ""},
    {"2026.12.31", false, kNone, "", ""},
    {"2026-01-20", false, kNone, "", ""},
    {"1986", false, kNone, "", ""},
    {"二〇二五年七月", false, kNone, "", ""},
    {"(一九八四年五月二十九日)", false, kNone, "", ""},
    {"1977800 元", false, kNone, "", ""},
    {"3.5 万元", false, kNone, "", ""},
    {"1.5%的违约金", false, kNone, "", ""},
    {"2.5 倍的赔偿", false, kNone, "", ""},
    {"0.5节或低于0.5节--每艘船单价的1%;", false, kNone, "", ""},
    {"15 个工作日内作出书面答复", false, kNone, "", ""},
    {"15 日内将有关当局出具的不可抗力证明文件发送给对方确认", false, kNone, "", ""},
    {"10-15 日内完成整改", false, kNone, "", ""},
    {"3-5天内", false, kNone, "", ""},
    {"021-66080097", false, kNone, "", ""},
    {"13621864476", false, kNone, "", ""},
    {"250. 超出范围的编号", false, kNone, "", ""},
    {"(250) 超出范围的编号", false, kNone, "", ""},
    {"1 定义", false, kNone, "", ""},
    {"一方泄露或者在本合同以外使用该商业秘密的,应当赔偿损失。", false, kNone, "", ""},
    {"第三条规定的违约金由乙方承担。", false, kNone, "", ""},
    {"第三条、第四条的约定不适用于本附件。", false, kNone, "", ""},
    {"e.g. 示例", false, kNone, "", ""},
    {"U.S.D.:____美元", false, kNone, "", ""},
    // not clauses: table rows, signature blocks, bullets without a number
    {"一、验收组织\t\t\t\t\t", false, kNone, "", ""},
    {"1\t校园主页升级改版\t对校园主页网站进行升级改版", false, kNone, "", ""},
    {"(1)│卖方│", false, kNone, "", ""},
    {"│(1)│租赁物件", false, kNone, "", ""},
    {"甲方(盖章):", false, kNone, "", ""},
    {"日期:2026年01月16日", false, kNone, "", ""},
    {"(以下无正文)", false, kNone, "", ""},
    {"【以下无正文】", false, kNone, "", ""},
    {"附件:履约验收方案", false, kNone, "", ""},
    {"- 《中华人民共和国保守国家秘密法》及相关法律法规规定的国家秘密;", false, kNone, "", ""},
    {"", false, kNone, "", ""},
};

TEST_CASE("outline::classify_line") {
  for (const LineCase& c : kLineCases) {
    CAPTURE(c.line);
    const std::optional<internal::Numbering> numbering = internal::classify_line(c.line);
    REQUIRE(numbering.has_value() == c.clause);
    if (!c.clause) continue;
    CHECK(numbering->style == c.style);
    CHECK(numbering->number == c.number);
    CHECK(numbering->heading == c.heading);
  }
}

TEST_CASE("outline::classify_line offsets skip spaces, bullets, number and separator") {
  const std::string_view line = "  - (1) 非乙方的行为";
  const std::optional<internal::Numbering> numbering = internal::classify_line(line);
  REQUIRE(numbering);
  CHECK(line.substr(numbering->begin, 3) == "(1)");
  CHECK(line.substr(numbering->body_begin) == "非乙方的行为");
}

TEST_CASE("outline::classify_line decimal components") {
  const std::optional<internal::Numbering> numbering = internal::classify_line("7.2.16 乙方");
  REQUIRE(numbering);
  CHECK(numbering->depth == 3);
  CHECK(numbering->values[0] == 7);
  CHECK(numbering->values[1] == 2);
  CHECK(numbering->values[2] == 16);
}

TEST_CASE("outline::heading_of") {
  const std::pair<std::string_view, std::string_view> cases[] = {
      {"定义", "定义"},
      {"  服务质量标准和要求  ", "服务质量标准和要求"},
      {"中标金额:本项目中标金额合计人民币 1977800 元。", "中标金额"},
      {"服务期限:自合同签订日起至 2026 年 12 月 31 日。", "服务期限"},
      {"乙方(受托人):上海科技网络通信有限公司", "乙方(受托人)"},
      {"合同签订生效且甲方收到乙方开具的等额发票后,支付中标金额的 70 %;", ""},
      {"本合同中的下列词语应按以下内容进行解释,双方另有约定的除外", ""},
      // 31 and 30 characters without punctuation
      {"甲方的权利和义务乙方的权利和义务以及双方共同的权利和义务约定事项", ""},
      {"甲方的权利和义务乙方的权利和义务以及双方共同的权利和义务约定",
       "甲方的权利和义务乙方的权利和义务以及双方共同的权利和义务约定"},
      {"乙方在租赁期间内的权利义务:", ""},  // a label of 13 characters
      {"货物起运地点______", "货物起运地点"},
      {"", ""},
  };
  for (const auto& [rest, heading] : cases) {
    CAPTURE(rest);
    CHECK(internal::heading_of(rest) == heading);
  }
}

TEST_CASE("outline::chinese_numeral_value") {
  const std::pair<std::string_view, int> cases[] = {
      {"一", 1},        {"九", 9},         {"十", 10},          {"十五", 15},  {"二十", 20},
      {"二十一", 21},   {"一百零一", 101}, {"一百二十三", 123}, {"两百", 200}, {"一九八四", -1},
      {"二〇二五", -1}, {"十十", -1},      {"零", -1},          {"", -1},      {"定义", -1},
  };
  for (const auto& [numeral, value] : cases) {
    CAPTURE(numeral);
    CHECK(internal::chinese_numeral_value(numeral) == value);
  }
}

TEST_CASE("outline::parse_appendix_line") {
  struct Case {
    std::string_view line;
    bool appendix;
    std::string_view number;
    std::string_view heading;
  };
  const Case cases[] = {
      {"附件:履约验收方案", true, "附件", "履约验收方案"},
      {"附件一:项目实施方案", true, "附件一", "项目实施方案"},
      {"附件1  《发包人要求》", true, "附件1", "《发包人要求》"},
      {"  附件", true, "附件", ""},
      {"附件一", true, "附件一", ""},
      {"附表1:劳务清单", true, "附表1", "劳务清单"},
      {"附件与合同具有同等效力。", false, "", ""},
      {"附件1所列设备由乙方提供", false, "", ""},
      {"附件:本合同附件包括报价单,技术方案。", false, "", ""},
  };
  for (const Case& c : cases) {
    CAPTURE(c.line);
    const std::optional<internal::AppendixLine> appendix = internal::parse_appendix_line(c.line);
    REQUIRE(appendix.has_value() == c.appendix);
    if (!c.appendix) continue;
    CHECK(appendix->number == c.number);
    CHECK(appendix->heading == c.heading);
  }
}

TEST_CASE("outline::is_signature_line") {
  const std::pair<std::string_view, bool> cases[] = {
      {"甲方(盖章):", true},
      {"乙方(签字):", true},
      {"法定代表人或授权代表(签字或盖章):", true},
      {"签约各方:", true},
      {"日期:2026年01月16日", true},
      {"(以下无正文)", true},
      {"【以下无正文】", true},
      {"(本页以下无合同正文)", true},
      {"【本页为市国资委 2026 年数字化项目《保密协议》签字页,", true},
      {"甲方:公章       乙方:公章       丙方:公章", true},
      {"法定代表人签字:", true},
      {"本合同自双方签字盖章之日起生效。", false},
      {"甲方:上海市大数据中心", false},
      {"合同签订地点:网上签约", false},
  };
  for (const auto& [line, signature] : cases) {
    CAPTURE(line);
    CHECK(internal::is_signature_line(line) == signature);
  }
}

TEST_CASE("outline::is_agreement_title") {
  const std::pair<std::string_view, bool> cases[] = {
      {"保密协议", true},
      {"廉洁协议", true},
      {"安全生产承诺书", true},
      {"履约验收方案", true},
      {"保证合同使用说明", true},
      {"协议编号:11NMB2F042362026202", false},
      {"双方经协商一致,签订本合同", false},
      {"本协议经双方盖章后生效,并作为甲乙双方就项目签订的协议", false},
      {"", false},
  };
  for (const auto& [line, title] : cases) {
    CAPTURE(line);
    CHECK(internal::is_agreement_title(line) == title);
  }
}

TEST_CASE("outline::to_string(NumberStyle)") {
  CHECK(clause_scan::to_string(NumberStyle::part) == "part");
  CHECK(clause_scan::to_string(NumberStyle::paren_chinese) == "paren_chinese");
  CHECK(clause_scan::to_string(NumberStyle::arabic_paren) == "arabic_paren");
  CHECK(clause_scan::to_string(NumberStyle::circled) == "circled");
}

// --- Whole documents -----------------------------------------------------------------------

struct DocumentCase {
  const char* name;
  const char* text;
  const char* outline;
};

const DocumentCase kDocuments[] = {
    {"chinese, dotted decimals by depth, letters under a decimal, a quantity line",
     "运维服务合同\n"
     "\n"
     "一、定义\n"
     "1.1 “合同”系指本合同。\n"
     "1.2 “甲方”系指采购人。\n"
     "二、合同主要要素\n"
     "2.1 项目服务内容及范围\n"
     "2.1.1 运维服务。\n"
     "2.1.2 驻场服务。\n"
     "2.2 中标金额:人民币 1977800 元。\n"
     "15 个工作日内付款。\n"
     "a. 首付款 70 %;\n"
     "b. 尾款 30 %。\n"
     "三、其他\n",
     "一 定义 L3\n"
     "  1.1 L4\n"
     "  1.2 L5\n"
     "二 合同主要要素 L6\n"
     "  2.1 项目服务内容及范围 L7\n"
     "    2.1.1 L8\n"
     "    2.1.2 L9\n"
     "  2.2 中标金额 L10\n"
     "    a L12\n"
     "    b L13\n"
     "三 其他 L14\n"},
    {"a preamble list 1、2、 then 一、 makes 一 top-level; 1、 under 二、 nests",
     "鉴于:\n"
     "1、甲乙双方拟开展业务合作;\n"
     "2、甲方将与供应商合作。\n"
     "一、业务规范\n"
     "双方应当遵守规范。\n"
     "二、各方义务\n"
     "1、双方同意并保证不收受不正当利益。\n"
     "(1) 礼品、礼金;\n"
     "(2) 宴请。\n"
     "2、乙方如发现违规应当举报。\n"
     "三、其他\n",
     "1 L2\n"
     "2 L3\n"
     "一 业务规范 L4\n"
     "二 各方义务 L6\n"
     "  1 L7\n"
     "    (1) L8\n"
     "    (2) L9\n"
     "  2 L10\n"
     "三 其他 L11\n"},
    {"a chinese list under an article stays under it; the next article is a sibling",
     "第一条 借款额度\n"
     "一、借款额度有效期间见本合同第二十二条的约定。\n"
     "二、下列情况发生时,借款额度失效:\n"
     "(一)借款人未按合同约定用途使用借款;\n"
     "第二条 借款支用\n",
     "第一条 借款额度 L1\n"
     "  一 L2\n"
     "  二 L3\n"
     "    (一) L4\n"
     "第二条 借款支用 L5\n"},
    {"dotted decimals under articles whose numbers agree; parens under them",
     "第一条 定义\n"
     "1.1. 本协议所称保密信息包括:\n"
     "(4) 乙方因开展项目工作而接触到的信息;\n"
     "(5) 其他信息。\n"
     "1.2. 特别地,系统配置属于保密信息。\n"
     "第二条 保密义务\n"
     "2.1. 乙方应采取严格的保密措施。\n",
     "第一条 定义 L1\n"
     "  1.1 本协议所称保密信息包括 L2\n"
     "    (4) L3\n"
     "    (5) L4\n"
     "  1.2 L5\n"
     "第二条 保密义务 L6\n"
     "  2.1 L7\n"},
    {"a preamble list before the first article closes; parens chinese nest",
     "使用说明\n"
     "一、本合同文本为示范文本。\n"
     "二、双方当事人应当仔细阅读本合同。\n"
     "第一条  培训服务内容\n"
     "(一)培训项目\n"
     "第二条  培训收费\n",
     "一 L2\n"
     "二 L3\n"
     "第一条 培训服务内容 L4\n"
     "  (一) 培训项目 L5\n"
     "第二条 培训收费 L6\n"},
    {"section headings 一、 directly followed by articles hold the articles",
     "一、定义\n"
     "\n"
     "第一条 除本规则另有规定外,下列名词应有如下的定义:\n"
     "1.“工业村”指福田国际工业村。\n"
     "二、用地价款之给付\n"
     "第二条 用地者必须在三天以内给付定金。\n",
     "一 定义 L1\n"
     "  第一条 L3\n"
     "    1 L4\n"
     "二 用地价款之给付 L5\n"
     "  第二条 L6\n"},
    {"chapters hold articles; a new chapter closes them",
     "第一部分 合同协议书\n"
     "第一章 总则\n"
     "第一条 为明确双方的权利义务,订立本合同。\n"
     "第二条 定义\n"
     "(一)合同:指本合同及其附件。\n"
     "第二章 工程\n"
     "第三条 工程范围\n"
     "第二部分 通用条款\n",
     "第一部分 合同协议书 L1\n"
     "  第一章 总则 L2\n"
     "    第一条 L3\n"
     "    第二条 定义 L4\n"
     "      (一) 合同 L5\n"
     "  第二章 工程 L6\n"
     "    第三条 工程范围 L7\n"
     "第二部分 通用条款 L8\n"},
    {"missing levels: 5.2.1 after 5.1, 5.4 after 5.3.2",
     "第四条 终止\n"
     "4.1 本合同生效。\n"
     "5.1 本合同不得转让。\n"
     "5.2.1 争议应协商解决。\n"
     "5.2.2 仲裁裁决为终局。\n"
     "5.3.1 不可抗力。\n"
     "5.4 通知应书面发出。\n",
     "第四条 终止 L1\n"
     "  4.1 L2\n"
     "  5.1 L3\n"
     "  5.2.1 L4\n"
     "  5.2.2 L5\n"
     "  5.3.1 L6\n"
     "  5.4 L7\n"},
    {"a missing 1.1.4 puts 1.1.4.1 under 1.1",
     "1.1 词语定义\n"
     "1.1.3 工程和设备\n"
     "1.1.3.1 工程:指永久工程。\n"
     "1.1.4.1 开始工作通知:指工程师发出的通知。\n"
     "1.2 语言文字\n",
     "1.1 词语定义 L1\n"
     "  1.1.3 工程和设备 L2\n"
     "    1.1.3.1 工程 L3\n"
     "  1.1.4.1 开始工作通知 L4\n"
     "1.2 语言文字 L5\n"},
    {"upper-case letters head decimals; lower-case letters nest under upper-case ones",
     "A.安装及初始改制\n"
     "1.依第3-1款规定交付的许可软件将运行在指定的CPU上。\n"
     "2.该许可软件的安装由许可方负责。\n"
     "B.初始培训服务\n"
     "a.培训人数不超过十人;\n"
     "b.培训地点由双方商定。\n"
     "C.附加培训\n",
     "A 安装及初始改制 L1\n"
     "  1 L2\n"
     "  2 L3\n"
     "B 初始培训服务 L4\n"
     "  a L5\n"
     "  b L6\n"
     "C 附加培训 L7\n"},
    {"hyphenated numbers nest by depth like dotted ones",
     "第三条 许可方提供的服务\n"
     "3-5 其他顾问性服务\n"
     "3-5-1 除了上述培训服务外,许可方还应提供顾问服务。\n"
     "3-5-2 在开始提供任何附加服务之前,双方应共同制定计划。\n"
     "3-6 维护\n",
     "第三条 许可方提供的服务 L1\n"
     "  3-5 其他顾问性服务 L2\n"
     "    3-5-1 L3\n"
     "    3-5-2 L4\n"
     "  3-6 维护 L5\n"},
    {"Markdown bullets and circled numbers",
     "7.2.9 乙方应承担赔偿责任。但下列情况不视为乙方违约:\n"
     "- (1) 非乙方的行为造成的损失;\n"
     "- (2) 不可抗力造成的损失,包括:\n"
     "①地震\n"
     "②台风\n"
     "7.2.10 乙方不承担设备损毁的赔偿责任。\n",
     "7.2.9 L1\n"
     "  (1) L2\n"
     "  (2) L3\n"
     "    ① 地震 L4\n"
     "    ② 台风 L5\n"
     "7.2.10 L6\n"},
    {"full-width numbering is folded by normalization",
     "一、名词解释\n"
     "（一）特别委托：是指委托人委托受托人处理一项事务的行为。\n"
     "（二）概括委托：是指委托人委托受托人处理一切事务的行为。\n"
     "二、合同期限\n"
     "１．１ 合同期限为１年。\n",
     "一 名词解释 L1\n"
     "  (一) 特别委托 L2\n"
     "  (二) 概括委托 L3\n"
     "二 合同期限 L4\n"
     "  1.1 L5\n"},
    {"agreements after a signature block and an appendix are parts; tables are not clauses",
     "运维服务合同\n"
     "一、定义\n"
     "本合同中的词语解释如下。\n"
     "二、其他\n"
     "本合同自签订之日起生效。\n"
     "(以下无正文)\n"
     "甲方(盖章):\n"
     "乙方(盖章):\n"
     "保密协议\n"
     "协议编号:11NMB2F042362026202\n"
     "甲方:上海市大数据中心\n"
     "第一条 定义\n"
     "1.1. 保密信息包括国家秘密。\n"
     "第二条 保密义务\n"
     "日期:2026年01月16日\n"
     "附件:履约验收方案\n"
     "一、验收组织\t\t\n"
     "备注:本表为履约验收方案格式。\n",
     "一 定义 L2\n"
     "二 其他 L4\n"
     "[part] 保密协议 L9\n"
     "  第一条 定义 L12\n"
     "    1.1 L13\n"
     "  第二条 保密义务 L14\n"
     "[part 附件] 履约验收方案 L16\n"},
    {"a list of appendices and a title without a signature block are not parts",
     "一、合同文件\n"
     "本合同附件如下:\n"
     "附件1:发包人要求\n"
     "附件2:价格清单\n"
     "二、其他\n"
     "补充协议\n"
     "1. 双方另行约定。\n",
     "一 合同文件 L1\n"
     "二 其他 L5\n"
     "  1 L7\n"},
    {"the appendix that repeats the first entry of a list opens a part; its title may follow",
     "一、合同文件\n"
     "附件1:发包人要求\n"
     "附件2:价格清单\n"
     "附件1\n"
     "发包人要求\n"
     "一、功能要求\n",
     "一 合同文件 L1\n"
     "[part 附件1] 发包人要求 L4\n"
     "  一 功能要求 L6\n"},
    {"a title after a signature block without its own parties or clauses is not a part",
     "一、其他\n"
     "甲方(盖章):\n"
     "采购清单\n"
     "见另行签署的文件。\n"
     "双方确认无误。\n"
     "由双方各自保存。\n"
     "不另行约定。\n"
     "本页结束。\n"
     "以上。\n"
     "1. 说明。\n",
     "一 其他 L1\n"
     "  1 L10\n"},
    {"a table of contents is skipped up to the repetition of its first entry",
     "目  录\n"
     "第一条 定义      2\n"
     "第二条 合营公司的结构     4\n"
     "附件一  技术转让合同\n"
     "合资经营合同\n"
     "第一条 定义\n"
     "1.1 合营公司指华美卷烟有限公司。\n"
     "第二条 合营公司的结构\n",
     "第一条 定义 L6\n"
     "  1.1 L7\n"
     "第二条 合营公司的结构 L8\n"},
    {"a list restarting at 1 after a line ending in ':' nests; the next number returns",
     "41. 卖方应按时交付货轮。\n"
     "42. 如果货轮达不到规定航速,卖方应按下列比例支付违约赔偿金:\n"
     "1. 0.5节或低于0.5节--每艘船单价的1%;\n"
     "2. 大于0.5节至1节--每艘船单价的5%。\n"
     "43. 买方有权拒收。\n",
     "41 L1\n"
     "42 L2\n"
     "  1 L3\n"
     "  2 L4\n"
     "43 L5\n"},
    {"a list restarting at 1 after a title is a new list at the top",
     "18. 请附上资料。\n"
     "19. 请附上技术说明。\n"
     "招标条件\n"
     "1. 招标人为云川国际有限公司。\n"
     "2. 投标截止日期另行通知。\n",
     "18 L1\n"
     "19 L2\n"
     "1 L4\n"
     "2 L5\n"},
    {"text without numbering has an empty outline", "本合同没有编号。\n双方签字。\n", ""},
    {"empty text", "", ""},
};

TEST_CASE("outline::build_outline documents") {
  for (const DocumentCase& c : kDocuments) {
    SUBCASE(c.name) { CHECK(render_compact(outline_of(c.text)) == std::string(c.outline)); }
  }
}

TEST_CASE("outline::build_outline offsets") {
  const std::string text =
      "一、定义\n"
      "1.1 “合同”系指本合同。\n"
      "\n"
      "  - (1) 项\n"
      "二、其他\n";
  const Outline outline = outline_of(text);
  REQUIRE(outline.clauses().size() == 2);
  const clause_scan::Clause& first = outline.clauses()[0];
  const clause_scan::Clause& second = outline.clauses()[1];
  REQUIRE(first.children.size() == 1);
  const clause_scan::Clause& child = first.children[0];
  REQUIRE(child.children.size() == 1);
  const clause_scan::Clause& item = child.children[0];

  const std::size_t line2 = text.find("1.1");
  const std::size_t line4 = text.find("  - (1)");
  const std::size_t line5 = text.find("二、");
  CHECK(first.begin == 0);
  CHECK(first.body_begin == std::string("一、").size());
  CHECK(first.end == line5);
  CHECK(first.own_end() == line2);
  CHECK(child.begin == line2);
  CHECK(child.body_begin == line2 + std::string("1.1 ").size());
  CHECK(child.end == line5);  // the blank line stays inside
  CHECK(item.begin == line4 + std::string("  - ").size());
  CHECK(item.body_begin == text.find("项"));
  CHECK(item.line == 4);
  CHECK(item.end == line5);
  CHECK(second.begin == line5);
  CHECK(second.body_begin == line5 + std::string("二、").size());
  CHECK(second.end == text.size());
}

TEST_CASE("outline::build_outline part offsets") {
  const std::string text =
      "一、其他\n"
      "甲方(盖章):\n"
      "保密协议\n"
      "协议编号:001\n"
      "附件:履约验收方案\n"
      "备注\n";
  const Outline outline = outline_of(text);
  REQUIRE(outline.clauses().size() == 3);
  const clause_scan::Clause& agreement = outline.clauses()[1];
  const clause_scan::Clause& appendix = outline.clauses()[2];
  CHECK(agreement.style == NumberStyle::part);
  CHECK(agreement.number.empty());
  CHECK(agreement.heading == "保密协议");
  CHECK(agreement.begin == text.find("保密协议"));
  CHECK(agreement.body_begin == text.find("\n协议编号"));  // a title is all label
  CHECK(agreement.end == text.find("附件"));
  CHECK(outline.clauses()[0].end == agreement.begin);
  CHECK(appendix.style == NumberStyle::part);
  CHECK(appendix.number == "附件");
  CHECK(appendix.heading == "履约验收方案");
  CHECK(appendix.body_begin == text.find("履约验收方案"));
  CHECK(appendix.end == text.size());
}

// --- Paths ---------------------------------------------------------------------------------

TEST_CASE("outline::path_at") {
  const std::string text =
      "合同\n"  // before the first clause
      "九、知识产权及所有权归属\n"
      "9.3 违反知识产权及所有权归属\n"
      "甲方有权要求乙方支付违约金。\n"  // in 9.3
      "十、双方权利义务\n"
      "十方面的说明。\n"  // in 十 itself
      "7.2.9 但下列情况不视为乙方违约:\n"
      "- (1) 非乙方的行为造成的损失;\n"
      "第七条 违约责任\n"
      "(三)任何一方有其他违约行为的,应当承担责任。\n"
      "甲方(盖章):\n"
      "保密协议\n"
      "协议编号:001\n"
      "第七条 违约责任\n"
      "7.1. 如果乙方未履行保密义务,甲方有权:\n"
      "(3) 要求乙方赔偿损失。\n"
      "日期:2026年01月16日\n"
      "廉洁协议\n"
      "协议编号:001\n"
      "协议正文说明。\n"  // directly under the part
      "二、各方义务\n"
      "4、若乙方违反本协议,乙方将承担如下责任:\n"
      "(2) 按照甲方相关管理规定支付违约金。\n"
      "42. 卖方应按下列比例支付违约赔偿金:\n"
      "1. 0.5节或低于0.5节--每艘船单价的1%。\n";
  const SourceText source(text);
  const Outline outline = clause_scan::build_outline(source);
  const std::pair<std::string_view, std::string_view> cases[] = {
      {"合同\n", ""},
      {"九、", "九"},
      {"甲方有权要求", "9.3"},
      {"十方面", "十"},
      {"非乙方的行为", "7.2.9(1)"},
      {"(三)任何", "第七条(三)"},
      {"要求乙方赔偿", "7.1(3)"},
      {"协议正文说明", ""},
      {"按照甲方相关管理规定", "二、4(2)"},
      {"0.5节或低于", "二、42.1"},
  };
  for (const auto& [needle, path] : cases) {
    CAPTURE(needle);
    CHECK(outline.path_at(offset_of(source, needle)) == path);
  }
  CHECK(outline.path_at(text.size()) == "");  // past the end
}

TEST_CASE("outline::clause_at and flatten") {
  const std::string text =
      "前言\n"
      "一、定义\n"
      "1.1 “合同”系指本合同。\n"
      "二、其他\n"
      "(1) 本合同一式两份。\n";
  const SourceText source(text);
  const Outline outline = clause_scan::build_outline(source);
  CHECK(outline.clause_at(0) == nullptr);
  const clause_scan::Clause* clause = outline.clause_at(offset_of(source, "系指"));
  REQUIRE(clause != nullptr);
  CHECK(clause->number == "1.1");
  std::vector<std::string> numbers;
  for (const clause_scan::Clause* c : outline.flatten()) numbers.push_back(c->number);
  CHECK(numbers == std::vector<std::string>{"一", "1.1", "二", "(1)"});
}

TEST_CASE("outline::Outline copies rebuild the index") {
  const std::string text = "一、定义\n1.1 “合同”系指本合同。\n二、其他\n";
  Outline copy;
  {
    const Outline original = outline_of(text);
    copy = original;
  }
  const std::vector<const clause_scan::Clause*> flat = copy.flatten();
  REQUIRE(flat.size() == 3);
  CHECK(flat[0] == &copy.clauses()[0]);
  CHECK(copy.path_at(text.find("系指")) == "1.1");
  const Outline moved = std::move(copy);
  CHECK(moved.flatten()[1] == &moved.clauses()[0].children[0]);
  CHECK(moved.path_at(text.find("其他")) == "二");
}

}  // namespace
