// Tests of the parties extractor: the ways a party's line is written, the details that follow
// it, blanks, the same party met again (signature block, appendix), and the sample contracts
// against their gold files.
#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "clause_scan/extract.h"
#include "clause_scan/normalize.h"
#include "extract/context.h"
#include "extract/extractors.h"

namespace {

using clause_scan::Party;
using clause_scan::Summary;
namespace fs = std::filesystem;

const clause_scan::Resources& resources() {
  static const auto loaded = clause_scan::Resources::load(CLAUSE_SCAN_SOURCE_DIR "/rules");
  REQUIRE_MESSAGE(loaded.ok(), loaded.error().message());
  return loaded.value();
}

std::vector<Party> parties_of(std::string text) {
  const auto document = clause_scan::make_document(
      "test.txt", clause_scan::DecodedText{std::move(text), "UTF-8", false});
  const clause_scan::extract::Context context(document, resources());
  Summary summary;
  clause_scan::extract::extract_parties(context, summary);
  return summary.parties;
}

std::string or_null(const std::optional<std::string>& value) { return value.value_or("∅"); }

// "role|alias|name" of each party, separated by "; ".
std::string who(const std::vector<Party>& parties) {
  std::string out;
  for (const Party& p : parties) {
    out += (out.empty() ? "" : "; ") + p.role + "|" + or_null(p.alias) + "|" + or_null(p.name);
  }
  return out;
}

// "address|postcode|phone|fax|contact|legal_rep|bank|account|credit_code" of one party.
std::string details(const Party& p) {
  std::string out = or_null(p.address);
  for (const auto* field : {&p.postcode, &p.phone, &p.fax, &p.contact, &p.legal_rep, &p.bank,
                            &p.account, &p.credit_code}) {
    out += "|" + or_null(*field);
  }
  return out;
}

struct RoleCase {
  std::string_view text;
  std::string_view want;  // role|alias|name of each party, separated by "; "
};

const RoleCase kRoleLines[] = {
    {"甲方（委托人）：上海市数据中心", "甲方|委托人|上海市数据中心"},
    {"出租方（甲方）：云川市锦隆置业有限公司", "出租方|甲方|云川市锦隆置业有限公司"},
    {"委托方(甲方)：云川智联医疗器械有限公司", "委托方|甲方|云川智联医疗器械有限公司"},
    {"甲 方：  云川市福朗电子有限公司", "甲方|∅|云川市福朗电子有限公司"},
    {"买方：云川华岳精密机械有限公司。", "买方|∅|云川华岳精密机械有限公司"},
    {"保证人名称：云川金穗投资控股有限公司", "保证人|∅|云川金穗投资控股有限公司"},
    {"甲 方（需方）\t云川师范大学", "甲方|需方|云川师范大学"},
    {"发包人（全称，甲方）： 云川第二师范学院", "发包人|甲方|云川第二师范学院"},
    {"乙方：云川恒泰物业服务有限公司（以下简称“乙方”）", "乙方|∅|云川恒泰物业服务有限公司"},
    {"云川启衡信息技术有限公司（以下简称甲方）", "甲方|∅|云川启衡信息技术有限公司"},
    {"本合同由云川鼎泰供应链管理有限公司（以下简称“甲方”）与云川润禾农业科技有限公司（以下简称“乙方"
     "”）签订。",
     "甲方|∅|云川鼎泰供应链管理有限公司; 乙方|∅|云川润禾农业科技有限公司"},
    {"本合同由云川烟草国际（亚洲）有限公司——根据香港法律成立的一家公司（以下简称“云川公司”）签署。",
     "云川公司|∅|云川烟草国际（亚洲）有限公司"},
    {"本合同由根据香港法律而成立和存在的公司：云川烟草国际（亚洲）有限公司（以下简称“云川公司”，工"
     "商"
     "注册证号码为：６９０６７７５），和云川联合发展有限公司（以下简称“乙方”）签署。",
     "云川公司|∅|云川烟草国际（亚洲）有限公司; 乙方|∅|云川联合发展有限公司"},
    // Blanks and templates: the role without a name.
    {"　　本合同由委托咨询者（委托咨询方名称，以下简称为委托方）为一方，××国际咨询公司（以下简称咨"
     "询者）为另一方。",
     "委托方|∅|∅; 咨询者|∅|∅"},
    {"　　甲方担保人（名称）：＿＿＿", "甲方担保人|∅|∅"},
    {"出租人：＿＿＿＿＿＿＿（以下简称甲方）", "出租人|甲方|∅"},
    {"　　委托方：＿＿＿＿＿＿，以下简称甲方；", "委托方|甲方|∅"},
    {"　　借款方（即抵押人，以下简称“甲方”）", "借款方|甲方|∅"},
    {"丙方（保证人，如有）： ________", "丙方|保证人|∅"},
    {"　　甲方（用工单位）名称：＿＿＿＿性质：＿＿＿＿", "甲方|用工单位|∅"},
    {"　　供电单位：＿＿市（县）供电局（所），以下简称供电方；", "供电单位|供电方|∅"},
    {"甲方（学员姓名）：                     联系电话：", "甲方|学员|∅"},
    {"　　甲方（签字）　　　　登记号", "甲方|∅|∅"},
    {"　　甲方：××公司", "甲方|∅|∅"},
    {"乙方：　　　　　律师事务所", "乙方|∅|∅"},
    {"　　还款保证人（甲方所在单位）签名（章）：", "还款保证人|甲方所在单位|∅"},
    {"乙方：北京市正衡律师事务所", "乙方|∅|北京市正衡律师事务所"},
    {"借款人：${borrowerFullName!}", "借款人|∅|∅"},
    {"甲方(借款人)：见本合同“立约人信息”条款的约定", "甲方|借款人|∅"},
    {"甲方：公章　　　　　　　乙方：公章", "甲方|∅|∅; 乙方|∅|∅"},
    {"出租人（甲方）：\t\t\t\t\t承租人（乙方）：", "出租人|甲方|∅; 承租人|乙方|∅"},
    // Not party lines.
    {"甲方应在合同签订后 5 个工作日内向乙方提供资料。", ""},
    {"联系人：张欣", ""},
    {"法定代表人：何晋川", ""},
    {"　　收货方详细地址：＿＿＿＿＿＿", ""},
    {"甲方将位于滨江区的房屋（以下简称“该房屋”）出租给乙方。", ""},
    {"双方约定，由云川物业管理中心（以下简称“管理中心”）提供的服务不在本合同范围内。",
     "管理中心|∅|云川物业管理中心"},
};

TEST_CASE("extract_parties: the ways a party's line is written") {
  for (const RoleCase& c : kRoleLines) {
    CAPTURE(c.text);
    CHECK(who(parties_of(std::string(c.text))) == c.want);
  }
}

struct DetailCase {
  std::string_view name;
  std::string_view text;
  std::string_view want;  // details() of the first party
};

const DetailCase kDetails[] = {
    {"one per line",
     "甲方（采购人）：云川市机关事务管理局\n\n地址：云川市滨江区政通路 88 "
     "号\n\n邮政编码：415003\n\n"
     "电话：0736-7213058\n\n传真：0736-7213059\n\n联系人：周明远\n\n法定代表人：韩立群\n\n"
     "开户银行：中国农业银行云川政通路支行\n\n账号：18410201040012583\n\n统一社会信用代码：11431100"
     "MB1C45672K",
     "云川市滨江区政通路 88 "
     "号|415003|0736-7213058|0736-7213059|周明远|韩立群|中国农业银行云川政通路支行|"
     "18410201040012583|11431100MB1C45672K"},
    // Numbers and codes come back normalized; names and addresses as written.
    {"several on one line, full-width",
     "贷款人名称：云川鼎泰供应链管理有限公司\n住　　　所：云川市临江大道 566 号\n"
     "电话：０７３６－７１０８８２６　　邮政编码：４１５０００　　传真：０７３６－７１０８８２７",
     "云川市临江大道 566 "
     "号|415000|0736-7108826|0736-7108827|∅|∅|∅|∅|∅"},
    {"the legal representative in a name-and-sex field",
     "乙方（受托人）：云川科技网络通信有限公司\n\n供应商法人姓名、性别：陈立衡、男",
     "∅|∅|∅|∅|∅|陈立衡|∅|∅|∅"},
    {"other wordings of the labels",
     "借款人（乙方）：云川润禾农业科技有限公司\n联系地址：云川市丰乐县禾丰路 9 "
     "号\n联系电话：0736-5213390\n"
     "法定代表人或负责人：彭润禾\n开户行：云川农商银行丰乐支行\n帐号：82010000047712805",
     "云川市丰乐县禾丰路 9 号|∅|0736-5213390|∅|∅|彭润禾|云川农商银行丰乐支行|82010000047712805|∅"},
    {"labels spelt with spaces",
     "乙方信息如下：\n开 户 行： 兴业银行云川集美支行\n银行地址： 云川市集美区集源路60-101\n"
     "户  名：  云川软件有限公司\n账 号：  129980100100303352\n地  址：  云川市软件园三期63号\n电 "
     "话：  0592-3256096",
     "云川市软件园三期63号|∅|0592-3256096|∅|∅|∅|兴业银行云川集美支行|129980100100303352|∅"},
    {"blanks are nothing",
     "　　保证人名称：\n\n　　住　　　所：\n\n　　法定代表人：\n\n　　开户金融机构：　　　　　　　"
     "　　　　帐号：\n\n"
     "　　电话：　　　　邮政编码：　　　　　传真：",
     "∅|∅|∅|∅|∅|∅|∅|∅|∅"},
    {"blank lines made of underscores",
     "甲方（出借人）： ________\n身份证号：________\n联系地址：________\n联系电话：________",
     "∅|∅|∅|∅|∅|∅|∅|∅|∅"},
    {"other labels keep the block open",
     "劳动者（乙方）：许嘉宁\n\n性别：女\n\n居民身份证号码：4311021992********\n\n"
     "通讯地址：云川市高新区桐梓坡路 19 号\n\n联系电话：0736-7238841",
     "云川市高新区桐梓坡路 19 号|∅|0736-7238841|∅|∅|∅|∅|∅|∅"},
    {"a sentence ends the block",
     "甲方：云川市锦隆置业有限公司\n地址：云川市江汉路 218 "
     "号\n根据《中华人民共和国民法典》，订立本合同。\n"
     "电话：0736-7521880",
     "云川市江汉路 218 号|∅|∅|∅|∅|∅|∅|∅|∅"},
    {"a clause ends the block", "甲方：云川市锦隆置业有限公司\n\n第一条 定义\n\n电话：0736-7521880",
     "∅|∅|∅|∅|∅|∅|∅|∅|∅"},
    {"details on the role line, up to the next party",
     "甲方：云川师范大学 地址：云川市崇文路2号 统一社会信用代码：125000004504018996 "
     "联系电话：023-62461341 "
     "联系人姓名：陶嘉 联系人手机：152XXXXXXXX 开户银行：工行云川南山支行 "
     "甲方开户行行号：102653001137 "
     "账号：3100027409008801204 授权代表(签字)：\t乙方： 地址： 电话：",
     "云川市崇文路2号|∅|023-62461341|∅|陶嘉|∅|工行云川南山支行|3100027409008801204|"
     "125000004504018996"},
    {"the account holder's name opens its block",
     "甲方（委托方）：云川星澜科技有限公司\n\n乙方（受托方）：云川敏捷字节信息科技有限公司\n\n"
     "1. 甲方付款方式：银行转账\n    - 账户名称：云川敏捷字节信息科技有限公司\n    - "
     "账户号码：3602176809100098060\n"
     "    - 开户银行：中国工商银行云川华港支行\n",
     "∅|∅|∅|∅|∅|∅|∅|∅|∅"},
    {"a tax number is the credit code, without the page remark after it",
     "承包方（甲方）：云川沃乐科技有限公司 银行账号：95260078801100000902 税号： "
     "91330110MA2HYAEK1T(1/1) 电话（Tel）：",
     "∅|∅|∅|∅|∅|∅|∅|95260078801100000902|91330110MA2HYAEK1T"},
    {"an address and a postcode in a sentence",
     "“拥有”计算机股份有限公司（以下简称许可方）位于纽约州，总部设在纽约州纽约市发展大道第０号，"
     "邮政编码为１１１１１。",
     "纽约州纽约市发展大道第０号|11111|∅|∅|∅|∅|∅|∅|∅"},
    {"details inside the bracket that defines the party end with it",
     "本合同由根据香港法律而成立和存在的公司：云川烟草国际（亚洲）有限公司（以下简称“云川公司”，"
     "工商注册证号码为：６９０６７７５，营业地址为香港湾仔中环大厦二十五楼），和云川联合发展有限公"
     "司"
     "（以下简称“乙方”）签署。",
     "香港湾仔中环大厦二十五楼|∅|∅|∅|∅|∅|∅|∅|6906775"},
};

TEST_CASE("extract_parties: the details that follow a party's line") {
  for (const DetailCase& c : kDetails) {
    CAPTURE(c.name);
    std::vector<Party> parties = parties_of(std::string(c.text));
    REQUIRE_FALSE(parties.empty());
    CHECK(details(parties.front()) == c.want);
  }
}

TEST_CASE("extract_parties: a label that names its role gives its line to that party") {
  std::vector<Party> parties = parties_of(
      "甲方：云川市锦隆置业有限公司\n乙方：云川启衡信息技术有限公司\n\n十二、通知\n\n"
      "甲方联系人：郑国栋 联系电话：0736-7521880\n乙方联系人：林雨桐\n");
  REQUIRE(parties.size() == 2);
  CHECK(details(parties[0]) == "∅|∅|0736-7521880|∅|郑国栋|∅|∅|∅|∅");
  CHECK(details(parties[1]) == "∅|∅|∅|∅|林雨桐|∅|∅|∅|∅");
}

TEST_CASE("extract_parties: a list of duties names nobody") {
  CHECK(who(parties_of(
            "甲方（委托方）：\n\n五、双方责任\n\n甲方：负责提供办公场所，并按时付款。\n")) ==
        "甲方|委托方|∅");
}

TEST_CASE("extract_parties: a payee account in a payment clause goes to its holder") {
  std::vector<Party> parties = parties_of(std::string(kDetails[11].text));
  REQUIRE(parties.size() == 2);
  CHECK(details(parties[1]) == "∅|∅|∅|∅|∅|∅|中国工商银行云川华港支行|3602176809100098060|∅");
}

TEST_CASE("extract_parties: signature blocks side by side are columns") {
  std::vector<Party> parties = parties_of(
      "发包人：（公章）云川师范学院（甲方）\t承包人：（公章）云川建工有限公司（乙方）\t"
      "承包人：（公章）云川设计院有限公司（丙方）\n"
      "统一社会信用代码：  12500000450381728H\t统一社会信用代码：91500000203145189X\t"
      "统一社会信用代码：914201001776794856\n"
      "法定代表人：万书明 委托代理人：\t法定代表人：     杨光 委托代理人：       "
      "杨波\t法定代表人：     宋文\n"
      "电话：  023-61638259\t电话：  023-61638260\t电话：     027-87824571\n");
  CHECK(who(parties) ==
        "发包人|甲方|云川师范学院; 承包人|乙方|云川建工有限公司; 承包人|丙方|云川设计院有限公司");
  REQUIRE(parties.size() == 3);
  CHECK(details(parties[0]) == "∅|∅|023-61638259|∅|∅|万书明|∅|∅|12500000450381728H");
  CHECK(details(parties[1]) == "∅|∅|023-61638260|∅|∅|杨光|∅|∅|91500000203145189X");
  CHECK(details(parties[2]) == "∅|∅|027-87824571|∅|∅|宋文|∅|∅|914201001776794856");
}

TEST_CASE("extract_parties: one role with two role aliases names two parties") {
  CHECK(who(parties_of(
            "发包人（全称，甲方）： 云川师范学院\n承包人（全称，乙方）： 云川建工有限公司\n"
            "承包人（全称，丙方）： 云川设计院有限公司\n\n第一部分 合同协议书\n"
            "发包人（全称，甲方）： 云川师范学院\n承包人（全称，丙方）： 云川设计院有限公司\n")) ==
        "发包人|甲方|云川师范学院; 承包人|乙方|云川建工有限公司; 承包人|丙方|云川设计院有限公司");
}

const char kHeadSignatureAppendix[] =
    "运维服务合同\n\n甲方（委托人）：云川市数据中心\n\n联系人：张欣\n\n"
    "乙方（受托人）：云川科技网络通信有限公司\n\n一、定义\n\n1.1 "
    "本合同……\n\n签约各方：\n\n甲方（盖章）：\n\n"
    "乙方（盖章）：\n\n2026年01月16日\n\n保密协议\n\n协议编号：YW-2026-"
    "01\n\n甲方：云川市数据中心\n\n"
    "联系人：李明\n\n联系地址：云川市寿阳路 99 弄 15 "
    "号\n\n乙方：云川科技网络通信有限公司\n\n鉴于：\n";

TEST_CASE("extract_parties: the same party again fills what it lacks and keeps what it has") {
  std::vector<Party> parties = parties_of(kHeadSignatureAppendix);
  CHECK(who(parties) == "甲方|委托人|云川市数据中心; 乙方|受托人|云川科技网络通信有限公司");
  REQUIRE(parties.size() == 2);
  CHECK(details(parties[0]) == "云川市寿阳路 99 弄 15 号|∅|∅|∅|张欣|∅|∅|∅|∅");
}

TEST_CASE("extract_parties: a signature line names a party by its alias") {
  std::vector<Party> parties = parties_of(
      "技术支持合同\n\n甲方（委托方）：\n\n乙方（受托方）：云川敏捷字节信息科技有限公司\n\n一、概述"
      "\n\n"
      "甲\n- 委托方（盖章）：云川星澜科技有限公司\n- 授权代表签字：\n");
  CHECK(who(parties) ==
        "甲方|委托方|云川星澜科技有限公司; 乙方|受托方|云川敏捷字节信息科技有限公司");
}

TEST_CASE("extract_parties: roles named first, aliases given later") {
  CHECK(who(parties_of("　　保证人名称：\n\n　　贷款人名称：\n\n　　借款人名称：\n\n"
                       "　　借款人（以下称甲方）：\n\n　　贷款人（以下称乙方）：\n\n　　保证人（以"
                       "下称丙方）：\n")) == "保证人|丙方|∅; 贷款人|乙方|∅; 借款人|甲方|∅");
}

TEST_CASE("extract_parties: the role line is the party's source") {
  std::vector<Party> parties = parties_of(
      "房屋租赁合同\n\n合同编号：JLZL-2026-017\n\n出租方（甲方）：云川市锦隆置业有限公司\n");
  REQUIRE(parties.size() == 1);
  CHECK(parties[0].source.line == 5);
  CHECK(parties[0].source.clause == "");
  CHECK(parties[0].source.text == "出租方（甲方）：云川市锦隆置业有限公司");
}

// ---- The sample contracts against their gold files -------------------------------------

std::string gold_text(const nlohmann::json& party, const char* key) {
  if (!party.contains(key) || party[key].is_null()) return "∅";
  return clause_scan::normalize(party[key].get<std::string>());
}

std::string gold_details(const nlohmann::json& p) {
  std::string out = gold_text(p, "address");
  for (const char* key :
       {"postcode", "phone", "fax", "contact", "legal_rep", "bank", "account", "credit_code"}) {
    out += "|" + gold_text(p, key);
  }
  return out;
}

std::string read_file(const fs::path& path) {
  std::ifstream stream(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(stream), {});
}

TEST_CASE("extract_parties: the samples give their gold parties") {
  const fs::path source_dir = CLAUSE_SCAN_SOURCE_DIR;
  for (const auto& entry : fs::directory_iterator(source_dir / "tests" / "gold" / "samples")) {
    const nlohmann::json gold = nlohmann::json::parse(read_file(entry.path()));
    CAPTURE(entry.path().filename().string());
    std::vector<Party> parties =
        parties_of(read_file(source_dir / gold["file"].get<std::string>()));
    REQUIRE(parties.size() == gold["parties"].size());
    for (std::size_t i = 0; i < parties.size(); ++i) {
      const nlohmann::json& want = gold["parties"][i];
      CHECK(parties[i].role + "|" + clause_scan::normalize(or_null(parties[i].name)) ==
            want["role"].get<std::string>() + "|" + gold_text(want, "name"));
      CHECK(clause_scan::normalize(details(parties[i])) == gold_details(want));
    }
  }
}

}  // namespace
