// Outlines of real contracts: the seed contract (exact structure) and the real corpus
// (structural invariants). Both read ../shared/corpus and skip when it is absent; the texts are
// never copied into the repository.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "clause_scan/normalize.h"
#include "clause_scan/outline.h"
#include "outline_render.h"

namespace {

using clause_scan::Clause;
using clause_scan::NumberStyle;
using clause_scan::Outline;
using clause_scan::SourceText;
namespace fs = std::filesystem;

const fs::path kCorpus = fs::path(CLAUSE_SCAN_SHARED_DIR) / "corpus";
const fs::path kSeed = kCorpus / "seed" / "000_499730d0b662ff86.txt";

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

// Top-level clauses of the main contract, and each part with its first-level children.
std::string render_top_and_parts(const Outline& outline) {
  std::string out;
  for (const Clause& clause : outline.clauses()) {
    Clause shallow = clause;
    for (Clause& child : shallow.children) child.children.clear();
    if (clause.style != NumberStyle::part) shallow.children.clear();
    out += clause_scan::testing::render_compact(Outline({shallow}));
  }
  return out;
}

TEST_CASE("outline: seed contract") {
  if (!fs::exists(kSeed)) {
    MESSAGE("seed contract absent, skipped: " << kSeed.string());
    return;
  }
  const SourceText source(read_file(kSeed));
  const Outline outline = clause_scan::build_outline(source);

  CHECK(render_top_and_parts(outline) ==
        "一 定义 L42\n"
        "二 合同主要要素 L54\n"
        "三 合同文件的组成和解释顺序如下 L70\n"
        "四 服务质量、权利瑕疵担保及验收 L86\n"
        "五 服务费用的支付 L116\n"
        "六 履约保证金 L130\n"
        "七 双方权利义务 L134\n"
        "八 保密及廉洁条款 L207\n"
        "九 知识产权及所有权归属 L221\n"
        "十 违约责任 L237\n"
        "十一 不可抗力 L249\n"
        "十二 合同终止、中止、变更 L261\n"
        "十三 合同转让和分包 L267\n"
        "十四 争议解决及管辖、送达 L271\n"
        "十五 其他 L279\n"
        "[part] 保密协议 L303\n"
        "  第一条 定义 L325\n"
        "  第二条 保密义务 L359\n"
        "  第三条 保密义务的例外 L421\n"
        "  第四条 保密信息的返还及销毁 L439\n"
        "  第五条 甲方的监督权利 L443\n"
        "  第六条 保密期限 L453\n"
        "  第七条 违约责任 L457\n"
        "  第八条 非特许或授权 L475\n"
        "  第九条 法律适用与争议解决 L479\n"
        "  第十条 完整协议 L483\n"
        "  第十一条 其他 L489\n"
        "[part] 廉洁协议 L504\n"
        "  1 L522\n"
        "  2 L524\n"
        "  一 业务规范 L528\n"
        "  二 各方义务 L532\n"
        "  三 其他 L566\n"
        "[part 附件] 履约验收方案 L582\n");

  SUBCASE("deeper levels") {
    const std::vector<const Clause*> flat = outline.flatten();
    CHECK(flat.size() == 200);
    const Clause& payment = outline.clauses()[4].children[1];  // 五 / 5.2 付款方式
    CHECK(clause_scan::testing::render_compact(Outline({payment})) ==
          "5.2 付款方式 L122\n"
          "  a L126\n"
          "  b L128\n");
    const Clause& definitions = outline.clauses()[15].children[0];  // 保密协议 / 第一条
    CHECK(definitions.children.front().number == "1.1");
    CHECK(definitions.children.front().heading == "本协议所称保密信息包括");
    CHECK(definitions.children.front().children.front().number == "(4)");
    CHECK(outline.clauses()[17].number == "附件");
    CHECK(outline.clauses()[17].children.empty());  // its table rows are not clauses
  }

  SUBCASE("paths") {
    const std::pair<int, std::string_view> cases[] =
        {
            {4, ""},        // 合同编号 before the first clause
            {44, "一"},     // text directly in 一、定义
            {60, "2.2"},    // 2.2 中标金额
            {126, "5.2a"},  // a. under 5.2
            {182, "7.2.9(1)"}, {235, "9.3"},
            {305, ""},  // 协议编号 of 保密协议: directly under the part
            {335, "1.1(4)"},   {465, "7.1(3)"},
            {564, "二、4(2)"}, {599, ""},  // 备注 in the appendix
        };
    for (const auto& [line, path] : cases) {
      CAPTURE(line);
      CHECK(outline.path_at(source.line_end(line) - 1) == path);
    }
  }
}

// Walks the tree and checks what every outline must satisfy; returns the number of clauses.
std::size_t check_clauses(const std::vector<Clause>& clauses, const SourceText& source,
                          const Outline& outline, std::size_t low, std::size_t high) {
  std::size_t count = 0;
  const Clause* previous = nullptr;
  for (const Clause& clause : clauses) {
    CAPTURE(clause.number);
    CAPTURE(clause.line);
    CHECK(clause.line >= 1);
    CHECK(clause.line <= source.line_count());
    CHECK(source.line(clause.begin) == clause.line);
    CHECK(clause.begin < clause.body_begin);
    CHECK(clause.body_begin <= clause.own_end());
    CHECK(clause.own_end() <= clause.end);
    CHECK(clause.begin >= low);  // inside the parent
    CHECK(clause.end <= high);
    CHECK((clause.style == NumberStyle::part || !clause.number.empty()));
    if (previous != nullptr) {
      CHECK(previous->end <= clause.begin);  // siblings in order, not overlapping
      CHECK(previous->line < clause.line);
    }
    if (clause.body_begin < clause.own_end())
      CHECK(outline.clause_at(clause.body_begin) == &clause);
    count += 1 + check_clauses(clause.children, source, outline, clause.body_begin, clause.end);
    previous = &clause;
  }
  return count;
}

TEST_CASE("outline: real corpus invariants") {
  const fs::path real = kCorpus / "real";
  if (!fs::is_directory(real)) {
    MESSAGE("real corpus absent, skipped: " << real.string());
    return;
  }
  std::size_t files = 0;
  std::size_t clauses = 0;
  for (const fs::directory_entry& entry : fs::directory_iterator(real)) {
    if (entry.path().extension() != ".txt") continue;
    CAPTURE(entry.path().filename().string());
    const SourceText source(read_file(entry.path()));
    const Outline outline = clause_scan::build_outline(source);
    const std::size_t count =
        check_clauses(outline.clauses(), source, outline, 0, source.text().size());
    CHECK(outline.flatten().size() == count);
    clauses += count;
    ++files;
  }
  MESSAGE(files << " files, " << clauses << " clauses");
  CHECK(files == 38);
  CHECK(clauses > 4000);  // 4473 when written; guards against the classifier going blind
}

}  // namespace
