// Tests for the diff stage: clause alignment (statuses, moved, renumbered, the head), word
// edits that never split a term or a number, white space and full-width forms, --strict, and
// the JSON document of diff-v1.md.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include "clause_scan/diff.h"
#include "diff/present.h"

namespace {

using namespace clause_scan;
namespace fs = std::filesystem;

const fs::path kTermsPath = fs::path(CLAUSE_SCAN_SOURCE_DIR) / "rules" / "terms.txt";

const TermList& shipped_terms() {
  static const TermList terms = [] {
    Result<TermList> loaded = TermList::load(kTermsPath);
    REQUIRE(loaded.ok());
    return std::move(loaded).value();
  }();
  return terms;
}

Document document_of(const std::string& file, const std::string& text) {
  return make_document(file, DecodedText{text, "UTF-8", false});
}

// The diff of two texts with empty summaries (clauses only).
ContractDiff diff_texts(const std::string& old_text, const std::string& new_text,
                        TextCompare compare = TextCompare::normalized) {
  const Document old_document = document_of("v1.txt", old_text);
  const Document new_document = document_of("v2.txt", new_text);
  const Summary empty;
  Result<ContractDiff> diff =
      diff_contracts(DiffSide{old_document, empty}, DiffSide{new_document, empty}, shipped_terms(),
                     DiffOptions{compare});
  REQUIRE(diff.ok());
  return std::move(diff).value();
}

// "status old->new" per clause, e.g. "unchanged 1.1->1.1", "added ->1.2", "moved ...".
std::vector<std::string> rows(const ContractDiff& diff) {
  std::vector<std::string> result;
  for (const ClauseChange& change : diff.clauses) {
    std::string row(to_string(change.status));
    row += " " + change.old_number.value_or("-") + "->" + change.new_number.value_or("-");
    if (change.moved) row += " moved";
    if (change.renumbered) row += " renumbered";
    result.push_back(row);
  }
  return result;
}

std::string joined(const std::vector<WordEdit>& edits) {
  std::string text;
  for (const WordEdit& edit : edits) {
    const char* open = edit.op == EditOp::erase ? "[-" : edit.op == EditOp::insert ? "{+" : "";
    const char* close = edit.op == EditOp::erase ? "-]" : edit.op == EditOp::insert ? "+}" : "";
    text += open + edit.text + close;
  }
  return text;
}

// The two texts an edit script stands for.
std::pair<std::string, std::string> sides(const std::vector<WordEdit>& edits) {
  std::string old_text, new_text;
  for (const WordEdit& edit : edits) {
    if (edit.op != EditOp::insert) old_text += edit.text;
    if (edit.op != EditOp::erase) new_text += edit.text;
  }
  return {old_text, new_text};
}

const char* const kContract =
    "运维服务合同\n"
    "甲方（采购人）：东川市数据管理中心\n"
    "乙方（供应商）：东川云启信息技术有限公司\n"
    "一、合同金额\n"
    "1.1 中标金额：人民币 1977800 元（大写：壹佰玖拾柒万柒仟捌佰元整）。\n"
    "1.2 服务期限：自合同签订日起至 2026 年 12 月 31 日。\n"
    "1.3 付款方式：合同签订后 10 个工作日内支付中标金额的 70%。\n"
    "1.4 乙方逾期交付的，每逾期一日按中标金额的千分之三支付违约金。\n"
    "二、其他\n"
    "2.1 本合同一式肆份，甲乙双方各执贰份。\n";

std::string replaced(std::string text, const std::string& from, const std::string& to) {
  std::size_t at = text.find(from);
  REQUIRE(at != std::string::npos);
  return text.replace(at, from.size(), to);
}

}  // namespace

TEST_CASE("diff: identical versions") {
  ContractDiff diff = diff_texts(kContract, kContract);
  CHECK(diff.identical());
  CHECK(diff.counts.unchanged == 8);  // the head and seven clauses
  CHECK(diff.clauses.front().head);
  CHECK(diff.clauses.front().old_number == "");
}

TEST_CASE("diff: white space and full-width forms are not changes, unless --strict") {
  std::string revised =
      replaced(kContract, "1.1 中标金额：人民币 1977800 元", "1.1 中标金额:人民币１９７７８００元");
  revised = replaced(revised, "自合同签订日起至 2026 年 12 月 31 日。",
                     "自合同签订日起至\n2026年12月31日。");
  revised = replaced(revised, "一、合同金额", "一、　合同金额  ");
  CHECK(diff_texts(kContract, revised).identical());

  ContractDiff strict = diff_texts(kContract, revised, TextCompare::strict);
  CHECK(strict.counts.modified == 2);
  CHECK(strict.counts.unchanged == 6);
  const ClauseChange& amount = strict.clauses[2];
  REQUIRE(amount.new_number == "1.1");
  CHECK(sides(amount.edits).first == amount.old_text);
  CHECK(sides(amount.edits).second == amount.new_text);
}

TEST_CASE("diff: an inserted clause renumbers the ones after it, which stay unchanged") {
  std::string revised =
      replaced(kContract, "1.2 服务期限：自合同签订日起至 2026 年 12 月 31 日。\n",
               "1.2 履约保证金：人民币 98890 元，于合同签订前提交。\n"
               "1.3 服务期限：自合同签订日起至 2026 年 12 月 31 日。\n");
  revised = replaced(revised, "1.3 付款方式", "1.4 付款方式");
  revised = replaced(revised, "1.4 乙方逾期", "1.5 乙方逾期");
  ContractDiff diff = diff_texts(kContract, revised);
  CHECK(rows(diff) == std::vector<std::string>{
                          "unchanged ->",
                          "unchanged 一->一",
                          "unchanged 1.1->1.1",
                          "added -->1.2",
                          "unchanged 1.2->1.3 renumbered",
                          "unchanged 1.3->1.4 renumbered",
                          "unchanged 1.4->1.5 renumbered",
                          "unchanged 二->二",
                          "unchanged 2.1->2.1",
                      });
  CHECK(diff.counts.added == 1);
  CHECK(diff.counts.renumbered == 3);
  CHECK(diff.counts.modified == 0);
  CHECK_FALSE(diff.identical());
}

TEST_CASE("diff: a deleted clause stands where it stood in the old version") {
  std::string revised =
      replaced(kContract, "1.3 付款方式：合同签订后 10 个工作日内支付中标金额的 70%。\n", "");
  revised = replaced(revised, "1.4 乙方逾期", "1.3 乙方逾期");
  ContractDiff diff = diff_texts(kContract, revised);
  CHECK(rows(diff) == std::vector<std::string>{
                          "unchanged ->",
                          "unchanged 一->一",
                          "unchanged 1.1->1.1",
                          "unchanged 1.2->1.2",
                          "deleted 1.3->-",
                          "unchanged 1.4->1.3 renumbered",
                          "unchanged 二->二",
                          "unchanged 2.1->2.1",
                      });
  CHECK(diff.clauses[4].old_line == 7);
  CHECK_FALSE(diff.clauses[4].new_line.has_value());
  CHECK(diff.clauses[4].similarity == 0);
}

TEST_CASE("diff: a clause moved among its siblings or to another parent") {
  SUBCASE("another order among siblings") {
    std::string revised = replaced(
        kContract, "1.1 中标金额：人民币 1977800 元（大写：壹佰玖拾柒万柒仟捌佰元整）。\n", "");
    revised = replaced(revised, "1.4 乙方逾期交付的，每逾期一日按中标金额的千分之三支付违约金。\n",
                       "1.4 乙方逾期交付的，每逾期一日按中标金额的千分之三支付违约金。\n"
                       "1.1 中标金额：人民币 1977800 元（大写：壹佰玖拾柒万柒仟捌佰元整）。\n");
    ContractDiff diff = diff_texts(kContract, revised);
    CHECK(diff.counts.moved == 1);
    CHECK(diff.counts.unchanged == 8);
    CHECK(rows(diff)[5] == "unchanged 1.1->1.1 moved");
  }
  SUBCASE("another parent") {
    std::string revised =
        replaced(kContract, "1.4 乙方逾期交付的，每逾期一日按中标金额的千分之三支付违约金。\n", "");
    revised =
        replaced(revised, "二、其他\n",
                 "二、其他\n2.1 乙方逾期交付的，每逾期一日按中标金额的千分之三支付违约金。\n");
    revised = replaced(revised, "2.1 本合同", "2.2 本合同");
    ContractDiff diff = diff_texts(kContract, revised);
    CHECK(rows(diff) == std::vector<std::string>{
                            "unchanged ->",
                            "unchanged 一->一",
                            "unchanged 1.1->1.1",
                            "unchanged 1.2->1.2",
                            "unchanged 1.3->1.3",
                            "unchanged 二->二",
                            "unchanged 1.4->2.1 moved renumbered",
                            "unchanged 2.1->2.2 renumbered",
                        });
  }
}

TEST_CASE("diff: a modified clause carries word edits that rebuild both texts") {
  std::string revised = replaced(kContract, "中标金额的千分之三支付违约金",
                                 "合同总价的千分之五支付违约金，最高不超过合同总价的 10%");
  ContractDiff diff = diff_texts(kContract, revised);
  CHECK(diff.counts.modified == 1);
  const ClauseChange& change = diff.clauses[5];
  REQUIRE(change.status == ClauseStatus::modified);
  CHECK(change.new_number == "1.4");
  CHECK(joined(change.edits) ==
        "乙方逾期交付的，每逾期一日按[-中标金额-]{+合同总价+}的千分之[-三-]{+五+}支付违约金"
        "{+，最高不超过合同总价的 10%+}。");
  CHECK(sides(change.edits).first == change.old_text);
  CHECK(sides(change.edits).second == change.new_text);
  CHECK(change.similarity > 0.5);
  CHECK(change.similarity < 1);
}

TEST_CASE("diff: the head is compared too: a party renamed before the first clause") {
  std::string revised = replaced(kContract, "东川云启信息技术有限公司", "东川云启数据科技有限公司");
  ContractDiff diff = diff_texts(kContract, revised);
  CHECK(diff.counts.modified == 1);
  const ClauseChange& head = diff.clauses.front();
  CHECK(head.head);
  CHECK(head.status == ClauseStatus::modified);
  CHECK(head.old_line == 1);
  CHECK(joined(head.edits) ==
        "运维服务合同\n甲方（采购人）：东川市数据管理中心\n乙方（供应商）：东川云启"
        "[-信息技术-]{+数据科技+}有限公司");
}

TEST_CASE("diff: a clause rewritten in place keeps its number; an unrelated one is added") {
  std::string revised = replaced(kContract, "2.1 本合同一式肆份，甲乙双方各执贰份。",
                                 "2.1 本合同一式陆份，甲方执肆份，乙方执贰份，具有同等法律效力。");
  revised += "2.2 因本合同引起的争议，由甲方所在地人民法院管辖。\n";
  ContractDiff diff = diff_texts(kContract, revised);
  CHECK(rows(diff).back() == "added -->2.2");
  CHECK(rows(diff)[rows(diff).size() - 2] == "modified 2.1->2.1");
}

TEST_CASE("diff: repeated text aligns in order, without unique anchors") {
  std::string old_text, new_text;
  for (int part = 1; part <= 30; ++part) {
    std::string section = std::to_string(part) + "、服务\n" + std::to_string(part) +
                          ".1 乙方应按月提交服务报告。\n" + std::to_string(part) +
                          ".2 甲方应在 10 个工作日内确认。\n";
    old_text += section;
    new_text += part == 17 ? replaced(section, "10 个工作日", "15 个工作日") : section;
  }
  ContractDiff diff = diff_texts(old_text, new_text);
  CHECK(diff.counts.unchanged == 89);
  CHECK(diff.counts.modified == 1);
  CHECK(diff.counts.moved == 0);
  CHECK(diff.clauses[50].new_number == "17.2");
  CHECK(diff.clauses[50].status == ClauseStatus::modified);
}

TEST_CASE("diff_words: an edit never splits a term or a number") {
  Result<Segmenter> segmenter = Segmenter::create(shipped_terms());
  REQUIRE(segmenter.ok());
  struct Case {
    std::string old_text;
    std::string new_text;
    std::string edits;
  };
  const Case cases[] = {
      {"乙方应向甲方支付违约金。", "乙方应向甲方支付违约赔偿金。",
       "乙方应向甲方支付[-违约金-]{+违约赔偿金+}。"},
      {"乙方应支付滞纳金。", "乙方应支付违约金。", "乙方应支付[-滞纳金-]{+违约金+}。"},
      {"中标金额：人民币 1977800 元", "中标金额：人民币 1978800 元",
       "中标金额：人民币 [-1977800-]{+1978800+} 元"},
      {"合计 1,977,800.00 元", "合计 1,977,900.00 元", "合计 [-1,977,800.00-]{+1,977,900.00+} 元"},
      {"按中标金额的 30% 支付", "按中标金额的 20% 支付", "按中标金额的 [-30-]{+20+}% 支付"},
      {"自 2026-12-31 起", "自 2027-01-31 起", "自 [-2026-12-31-]{+2027-01-31+} 起"},
      {"（大写：壹佰玖拾柒万柒仟捌佰元整）", "（大写：贰佰壹拾万元整）",
       "（大写：[-壹佰玖拾柒万柒仟捌佰元整-]{+贰佰壹拾万元整+}）"},
      {"分三期支付，每期一万元", "分四期支付，每期一万元", "分[-三期-]{+四期+}支付，每期一万元"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.new_text);
    std::vector<WordEdit> edits = diff_words(c.old_text, c.new_text, segmenter.value());
    CHECK(joined(edits) == c.edits);
    CHECK(sides(edits) == std::pair<std::string, std::string>(c.old_text, c.new_text));
  }
}

TEST_CASE("diff_words: full-width digits and spacing are forms of the same words") {
  Result<Segmenter> segmenter = Segmenter::create(shipped_terms());
  REQUIRE(segmenter.ok());
  const std::string old_text = "租金为人民币 36,000.00 元，于２０２６年３月１日支付";
  const std::string new_text = "租金为人民币36,000.00元，于2026年4月1日支付";
  std::vector<WordEdit> edits = diff_words(old_text, new_text, segmenter.value());
  CHECK(sides(edits) == std::pair(old_text, new_text));
  // Each form difference is its own small erase and insert, never folded into the change of
  // the month next to it ...
  CHECK(
      joined(edits) ==
      "租金为人民币[- -]36,000.00[- -]元，于[-２０２６-]{+2026+}年[-３-]{+4+}月[-１-]{+1+}日支付");
  // ... so that readers see only the month change.
  ClauseChange change;
  change.status = ClauseStatus::modified;
  change.edits = edits;
  CHECK(joined(diff::readable_edits(change, TextCompare::normalized)) ==
        "租金为人民币36,000.00元，于2026年[-３-]{+4+}月1日支付");
  CHECK(diff::readable_edits(change, TextCompare::strict) == edits);
}

TEST_CASE("diff_to_json: the document of diff-v1.md") {
  std::string revised = replaced(kContract, "千分之三", "千分之五");
  revised = replaced(revised, "2.1 本合同一式肆份，甲乙双方各执贰份。\n", "");
  Json json = diff_to_json(diff_texts(kContract, revised));
  CHECK(json["schema"] == "clause-scan/diff/v1");
  CHECK(json["old"] == "v1.txt");
  CHECK(json["new"] == "v2.txt");
  CHECK(json["counts"] == Json::parse(R"({"unchanged": 6, "modified": 1, "added": 0,
      "deleted": 1, "moved": 0, "renumbered": 0})"));
  const Json& modified = json["clauses"][5];
  for (const char* key : {"status", "moved", "renumbered", "old_number", "new_number", "old_line",
                          "new_line", "heading", "similarity", "edits"}) {
    CHECK_MESSAGE(modified.contains(key), key);
  }
  CHECK(modified["status"] == "modified");
  CHECK(modified["old_number"] == "1.4");
  CHECK(modified["new_line"] == 8);
  CHECK(modified["edits"][1] == Json::parse(R"({"op": "delete", "text": "三"})"));
  CHECK(modified["edits"][2] == Json::parse(R"({"op": "insert", "text": "五"})"));
  const Json& deleted = json["clauses"][7];
  CHECK(deleted["status"] == "deleted");
  CHECK(deleted["new_number"].is_null());
  CHECK(deleted["new_line"].is_null());
  CHECK(deleted["similarity"] == 0);
  CHECK(deleted["edits"] == Json::array());
  CHECK(json["fields"] == Json::array());
}

TEST_CASE("diff: random revisions keep every clause once, in both versions' orders") {
  // A deterministic generator: clauses drawn from a few sentences (so texts repeat), then a
  // revision that edits, deletes, inserts and moves some of them.
  std::uint64_t state = 20260316;
  auto next = [&state](int bound) {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<int>((state >> 33) % static_cast<std::uint64_t>(bound));
  };
  const char* const sentences[] = {"乙方应按月提交服务报告。", "甲方应在 10 个工作日内确认。",
                                   "逾期一日按中标金额的千分之三支付违约金。",
                                   "本合同一式肆份，甲乙双方各执贰份。", "其他"};
  for (int round = 0; round < 40; ++round) {
    CAPTURE(round);
    std::vector<std::string> lines, revised;
    for (int i = 0; i < 30; ++i) {
      lines.push_back((i % 6 == 0 ? std::to_string(i / 6 + 1) + "、" : "") + sentences[next(5)]);
    }
    for (const std::string& line : lines) {
      int dice = next(20);
      if (dice == 0) continue;                                         // deleted
      if (dice == 1) revised.push_back("新增条款：乙方应购买保险。");  // inserted before
      if (dice == 2) {
        revised.push_back(line + "但另有约定的除外。");  // edited
      } else {
        revised.push_back(line);
      }
    }
    if (revised.size() > 4) std::swap(revised[1], revised[revised.size() - 2]);  // moved
    auto numbered = [](const std::vector<std::string>& items) {
      std::string text = "测试合同\n";
      int top = 0, sub = 0;
      for (const std::string& item : items) {
        if (item.find("、") != std::string::npos) {
          text += item + "\n";
          ++top, sub = 0;
        } else {
          text +=
              std::to_string(std::max(top, 1)) + "." + std::to_string(++sub) + " " + item + "\n";
        }
      }
      return text;
    };
    const std::string old_text = numbered(lines), new_text = numbered(revised);
    const ContractDiff diff = diff_texts(old_text, new_text);
    const int old_units =
        static_cast<int>(
            make_document("a", DecodedText{old_text, "UTF-8", false}).outline.flatten().size()) +
        1;
    const int new_units =
        static_cast<int>(
            make_document("b", DecodedText{new_text, "UTF-8", false}).outline.flatten().size()) +
        1;
    std::vector<int> seen_old(old_units, 0), seen_new(new_units, 0);
    int last_new = -1;
    for (const ClauseChange& change : diff.clauses) {
      if (change.old_index >= 0) ++seen_old.at(change.old_index);
      if (change.new_index >= 0) {
        ++seen_new.at(change.new_index);
        CHECK(change.new_index > last_new);  // the new version's order
        last_new = change.new_index;
      }
      if (change.status == ClauseStatus::modified) {
        CHECK(sides(change.edits) == std::pair(change.old_text, change.new_text));
      }
    }
    CHECK(std::count(seen_old.begin(), seen_old.end(), 1) == old_units);
    CHECK(std::count(seen_new.begin(), seen_new.end(), 1) == new_units);
    const DiffCounts& c = diff.counts;
    CHECK(c.unchanged + c.modified + c.added + c.deleted == static_cast<int>(diff.clauses.size()));
    CHECK(diff.identical() == (old_text == new_text));
  }
}
