// Tests of the title extractor: the title line of the head (also over two lines, in 《》, as a
// fallback the opening lines above the parties) and the contract number.
#include <doctest/doctest.h>

#include <optional>
#include <string>
#include <string_view>

#include "clause_scan/extract.h"
#include "extract/context.h"
#include "extract/extractors.h"

namespace {

using clause_scan::Summary;

const clause_scan::Resources& resources() {
  static const auto loaded = clause_scan::Resources::load(CLAUSE_SCAN_SOURCE_DIR "/rules");
  REQUIRE_MESSAGE(loaded.ok(), loaded.error().message());
  return loaded.value();
}

Summary title_of(std::string text) {
  const auto document = clause_scan::make_document(
      "test.txt", clause_scan::DecodedText{std::move(text), "UTF-8", false});
  const clause_scan::extract::Context context(document, resources());
  Summary summary;
  clause_scan::extract::extract_title(context, summary);
  return summary;
}

std::string or_null(const std::optional<std::string>& value) { return value.value_or("null"); }

struct Case {
  std::string_view text;
  std::string_view want;  // "null" for none
};

const Case kTitles[] = {
    {"\n运维服务合同\n\n合同编号：YW-2026-01\n\n甲方（委托人）：云川市数据中心", "运维服务合同"},
    {"《保密协议》\n\n甲方：云川市数据中心", "保密协议"},
    {"云川市房屋租赁合同书\n\n出租方（甲方）：云川市锦隆置业有限公司", "云川市房屋租赁合同书"},
    {"借款合同（个人间借贷通用参考范本）\n甲方（出借人）： ________",
     "借款合同（个人间借贷通用参考范本）"},
    // An institution's name on the line above the kind of contract.
    {"云川师范大学\n采购合同\n甲 方（需方）\t云川师范大学", "云川师范大学采购合同"},
    // A code above a blank line is not part of the title.
    {"BF-2024-2726\n\n云川市机动车驾驶培训服务合同\n（示范文本）\n\n甲方（学员姓名）：",
     "云川市机动车驾驶培训服务合同"},
    // No instrument word: the opening lines right above the parties.
    {"云川市星澜电子有限公司\n  数据采集开发服务\n\n甲 方：  云川市星澜电子有限公司",
     "云川市星澜电子有限公司数据采集开发服务"},
    // A list item that mentions a contract is no title; the mark of a model text is no part
    // of it.
    {"　　＊　选出一家合格公司进行合同谈判\n\n　　咨询服务合同（范本）\n\n　　合同号：＿＿",
     "咨询服务合同"},
    {"劳务分包合同（清包工）\n\n承包方（甲方）：云川沃乐科技有限公司", "劳务分包合同（清包工）"},
    // After the first party line: a form's check box, not a title.
    {"　　甲方（用工单位）名称：＿＿＿＿\n\n　　合同制工　□\n", "null"},
    // A part heading is a clause, not the title.
    {"　　第一部分　　协议书\n\n　　发包人（全称）：\n", "null"},
    {"根据《中华人民共和国民法典》，经协商一致，订立本合同。\n", "null"},
    // A heading line without a party line below: no fallback.
    {"法律法规查询\n\n一、总则\n", "null"},
};

TEST_CASE("extract_title: the title of the head") {
  for (const Case& c : kTitles) {
    CAPTURE(c.text);
    CHECK(or_null(title_of(std::string(c.text)).title) == c.want);
  }
}

const Case kNumbers[] = {
    {"合同编号：11NMB2F042362026202", "11NMB2F042362026202"},
    {"协议编号：ＨＴ－２０２６／０３１", "HT-2026/031"},
    {"合同号码：CQ2026-018", "CQ2026-018"},
    {"合同编号\tJLZL-2026-017", "JLZL-2026-017"},
    {"合同编号：云建合字〔2026〕第 018 号", "云建合字〔2026〕第 018 号"},
    // Blank or template numbers.
    {"合同编号：____________", "null"},
    {"　　合同编号：　　年　　字第　　号", "null"},
    {"合同编号：{{r contractNo }}\t签订地点：云川市", "null"},
    {"合同编号：${contractNumber!}", "null"},
    // Numbers of something else.
    {"采购项目编号\tCYZC202507130001", "null"},
    {"主合同编号：JK-2026-001\n合同编号：BZ-2026-002", "BZ-2026-002"},
    {"本合同编号由甲方统一编制。", "null"},
    // The first number wins; an appendix repeats it or gives its own.
    {"合同编号：YCZC2026-0317-FW01\n\n保密协议\n\n协议编号：YCZC2026-0317-BM",
     "YCZC2026-0317-FW01"},
};

TEST_CASE("extract_title: the contract number") {
  for (const Case& c : kNumbers) {
    CAPTURE(c.text);
    CHECK(or_null(title_of(std::string(c.text)).contract_no) == c.want);
  }
}

}  // namespace
