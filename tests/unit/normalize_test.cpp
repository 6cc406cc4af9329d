// normalize: the foldings, and the map from normalized offsets back to the original words.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include <unicode/utf8.h>

#include "clause_scan/normalize.h"

namespace clause_scan {
namespace {

// The byte offsets of the code points of `utf8`, and its size.
std::vector<std::size_t> char_boundaries(std::string_view utf8) {
  std::vector<std::size_t> boundaries;
  for (std::size_t at = 0; at < utf8.size();) {
    boundaries.push_back(at);
    U8_FWD_1(utf8.data(), at, utf8.size());
  }
  boundaries.push_back(utf8.size());
  return boundaries;
}

// Byte offsets where the lines of `original` begin, splitting at LF, CRLF and lone CR.
std::vector<std::size_t> original_line_starts(std::string_view original) {
  std::vector<std::size_t> starts{0};
  for (std::size_t at = 0; at < original.size(); ++at) {
    if (original[at] == '\r' && at + 1 < original.size() && original[at + 1] == '\n') ++at;
    if (original[at] == '\r' || original[at] == '\n') starts.push_back(at + 1);
  }
  return starts;
}

// The original byte offset of (line, column), counting columns in code points.
std::size_t original_offset_at(std::string_view original, Position position) {
  std::size_t at = original_line_starts(original).at(static_cast<std::size_t>(position.line - 1));
  for (int column = 1; column < position.column; ++column) {
    U8_FWD_1(original.data(), at, original.size());
  }
  return at;
}

}  // namespace

TEST_CASE("normalize: the foldings") {
  struct Case {
    std::string_view input;
    std::string_view normalized;
  };
  const std::vector<Case> cases = {
      {"中标金额合计人民币 **1977800** 元", "中标金额合计人民币 1977800 元"},
      {"元（大写**壹佰玖拾柒万柒仟捌佰元整**）", "元(大写壹佰玖拾柒万柒仟捌佰元整)"},
      {"１９８６年３月３日", "1986年3月3日"},
      {"负担乙方医药费３０％", "负担乙方医药费30%"},
      {"（大写：壹佰元整）", "(大写:壹佰元整)"},
      {"2026—12—31", "2026-12-31"},
      {"１～３个月", "1~3个月"},
      {"甲方：\r\n乙方：", "甲方:\n乙方:"},
      {"第一条\r第二条\r\n第三条\n", "第一条\n第二条\n第三条\n"},
      {"\xEF\xBB\xBF甲方", "甲方"},
      {"甲\xEF\xBB\xBF方", "甲方"},
      {"　　一、经甲方（用户）同意", "  一、经甲方(用户)同意"},
      {"合同金额：￥95800.00", "合同金额:¥95800.00"},
      {"ＣＰＵ、ＵＳ＄、ＮＯ．＿＿＿", "CPU、US$、NO.___"},
      {"幅度为额定电压的＋５％、－１０％", "幅度为额定电压的+5%、-10%"},
      {"GF—2025—1001", "GF-2025-1001"},
      {"‐‑‒–—―−﹘﹣－", "----------"},
      {"３〜５日，１∼２周", "3~5日,1~2周"},
      {"2026─12─31，１─２", "2026-12-31,1-2"},
      {"┌─┬──┐", "┌─┬──┐"},  // box drawing stays box drawing
      {"甲方——上海市", "甲方--上海市"},
      {"结算量*5%＜超供量", "结算量*5%<超供量"},  // a single * stays
      {"***", "*"},
      {"①本合同一式两份。", "①本合同一式两份。"},
      {"“甲方”、【乙方】《合同法》‘丙方’", "“甲方”、【乙方】《合同法》‘丙方’"},
      {"㈠ ㎡ ℃ ×２５．５", "㈠ ㎡ ℃ ×25.5"},
      {"", ""},
      {"plain ASCII, nothing to fold\n", "plain ASCII, nothing to fold\n"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.input);
    CHECK(normalize(c.input) == c.normalized);
    CHECK(SourceText(std::string(c.input)).text() == c.normalized);
  }
}

TEST_CASE("normalize: the original words of a normalized token") {
  struct Case {
    std::string_view input;
    std::string_view token;     // in the normalized text
    std::string_view original;  // what original_span gives for it
  };
  const std::vector<Case> cases = {
      {"中标金额合计人民币 **1977800** 元", "1977800", "1977800"},
      {"中标金额合计人民币 **1977800** 元", "币 1977800 元", "币 **1977800** 元"},
      {"**1977800**", "1977800", "1977800"},
      {"签订日期：１９８６年３月３日", "1986年3月3日", "１９８６年３月３日"},
      {"签订日期：１９８６年３月３日", "6", "６"},
      {"负担乙方医药费３０％，半年之后", "30%", "３０％"},
      {"（大写：壹佰元整）", "(大写:壹佰元整)", "（大写：壹佰元整）"},
      {"（大写：壹佰元整）", "壹佰元整", "壹佰元整"},
      {"至2026—12—31止", "2026-12-31", "2026—12—31"},
      {"至2026─12─31止", "-12-", "─12─"},
      {"期限：１～３个月", "1~3", "１～３"},
      {"期限：３〜５日", "3~5", "３〜５"},
      {"甲方：\r\n乙方：", ":\n", "：\r\n"},
      {"甲方：\r\n乙方：", "乙方", "乙方"},
      {"甲方\r乙方", "\n", "\r"},
      {"\xEF\xBB\xBF甲方", "甲方", "甲方"},
      {"合同金额：￥95800.00元", "¥95800.00", "￥95800.00"},
      {"　　第一条", "  第一条", "　　第一条"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.input);
    CAPTURE(c.token);
    const SourceText source{std::string(c.input)};
    const std::size_t begin = source.text().find(c.token);
    REQUIRE(begin != std::string::npos);
    CHECK(source.original_span(begin, begin + c.token.size()) == c.original);
  }
}

TEST_CASE("normalize: offsets at the edges of folds") {
  // original bytes: 币 0-2, ** 3-4, 1 5, 9 6, ７ 7-9, ** 10-11, 元 12-14
  // normalized:     币 0-2, 1 3, 9 4, 7 5, 元 6-8
  const SourceText source{std::string("币**19７**元")};
  REQUIRE(source.text() == "币197元");
  struct Case {
    std::size_t offset;
    std::size_t begin;  // to_original_begin
    std::size_t end;    // to_original_end
  };
  const std::vector<Case> cases = {
      {0, 0, 0},    // before 币
      {3, 5, 3},    // between 币 and 1: begin skips **, end stops before it
      {4, 6, 6},    // between 1 and 9
      {5, 7, 7},    // before ７
      {6, 12, 10},  // between 7 and 元: begin skips **, end is after the whole ７
      {9, 15, 15},  // after 元: the end
  };
  for (const Case& c : cases) {
    CAPTURE(c.offset);
    CHECK(source.to_original_begin(c.offset) == c.begin);
    CHECK(source.to_original_end(c.offset) == c.end);
  }
  CHECK(source.original_span(3, 3).empty());
  CHECK(source.original_span(3, 6) == "19７");
}

TEST_CASE("normalize: lines and positions with full-width text and CRLF") {
  const std::string original =
      "合同编号：ＧＦ—２０２５\r\n"
      "甲方（委托人）：上海市大数据中心\r\n"
      "\r\n"
      "　　金额：￥１，０００元**整**\r"
      "**乙方**：上海科技网络通信有限公司";
  const SourceText source{original};
  REQUIRE(source.text() ==
          "合同编号:GF-2025\n"
          "甲方(委托人):上海市大数据中心\n"
          "\n"
          "  金额:¥1,000元整\n"
          "乙方:上海科技网络通信有限公司");
  CHECK(source.line_count() == 5);
  CHECK(source.line_text(1) == "合同编号:GF-2025");
  CHECK(source.line_text(2) == "甲方(委托人):上海市大数据中心");
  CHECK(source.line_text(3) == "");
  CHECK(source.line_text(4) == "  金额:¥1,000元整");
  CHECK(source.line_text(5) == "乙方:上海科技网络通信有限公司");

  struct Case {
    std::string_view token;  // first occurrence in the normalized text
    int line;
    int column;  // in characters of the original line
  };
  const std::vector<Case> cases = {
      {"合同", 1, 1},         {"GF", 1, 6},    {"2025", 1, 9}, {"\n甲方", 1, 13},
      {"上海市大数据", 2, 9}, {"\n\n", 2, 17}, {"¥", 4, 6},    {"1,000", 4, 7},
      {"元整", 4, 12},        {"整", 4, 15},   {"乙方", 5, 3}, {"上海科技", 5, 8},
  };
  for (const Case& c : cases) {
    CAPTURE(c.token);
    const std::size_t offset = source.text().find(c.token);
    REQUIRE(offset != std::string::npos);
    const Position position = source.position(offset);
    CHECK(position.line == c.line);
    CHECK(position.column == c.column);
    CHECK(source.line(offset) == c.line);
  }
  CHECK(source.position(source.text().size()).line == 5);
}

TEST_CASE("normalize: line index edge cases") {
  struct Case {
    std::string_view input;
    int line_count;
  };
  const std::vector<Case> cases = {
      {"", 1},         {"甲方", 1}, {"甲方\n", 1},           {"甲方\r\n", 1}, {"甲方\r", 1},
      {"甲方\n\n", 2}, {"\n", 1},   {"甲\r\n乙\r丙\n丁", 4}, {"甲\n**", 1},  // a last line of
                                                                             // nothing but `**` is
                                                                             // empty, and ends
                                                                             // nothing
  };
  for (const Case& c : cases) {
    CAPTURE(c.input);
    const SourceText source{std::string(c.input)};
    CHECK(source.line_count() == c.line_count);
    CHECK(source.line(source.text().size()) == c.line_count);
  }
}

TEST_CASE("normalize: random mixes map back to the original") {
  // Pieces that fold, pieces that stay, and line ends of every kind.
  const std::vector<std::string_view> pieces = {
      "甲", "方", "合同", "１", "９",   "0",  "7",  "：",           "，", "（", "）", "　", "％",
      "￥", "①",  "。",   "、", "“",    "】", "—",  "－",           "‐",  "−",  "﹣", "～", "〜",
      "∼",  "─",  "**",   "*",  "\r\n", "\r", "\n", "\xEF\xBB\xBF", "a",  " ",  "Ｇ",
  };
  std::mt19937 random(20260101);
  std::uniform_int_distribution<std::size_t> pick(0, pieces.size() - 1);
  std::uniform_int_distribution<int> length(0, 24);
  for (int round = 0; round < 3000; ++round) {
    std::string original;
    for (int count = length(random); count > 0; --count) original += pieces[pick(random)];
    CAPTURE(original);
    const SourceText source{original};
    const std::string& text = source.text();
    REQUIRE(text == normalize(original));
    const std::string& kept = source.original();  // original_span points into it
    REQUIRE(kept == original);
    const std::vector<std::size_t> boundaries = char_boundaries(text);
    const auto original_lines = static_cast<int>(original_line_starts(original).size());
    for (std::size_t first = 0; first < boundaries.size(); ++first) {
      const std::size_t begin = boundaries[first];
      const Position position = source.position(begin);
      REQUIRE(position.line >= 1);
      REQUIRE(position.line <= source.line_count());
      REQUIRE(position.line <= original_lines);
      REQUIRE(position.line == source.line(begin));
      if (begin < text.size()) {
        // (line, column) is where the character's original words begin.
        REQUIRE(original_offset_at(original, position) == source.to_original_begin(begin));
      }
      for (std::size_t last = first + 1; last < boundaries.size(); ++last) {
        const std::size_t end = boundaries[last];
        const std::string_view words = source.original_span(begin, end);
        REQUIRE(words.data() >= kept.data());
        REQUIRE(words.data() + words.size() <= kept.data() + kept.size());
        // Folds depend on their neighbours only for ─ between digits.
        if (original.find("─") == std::string::npos) {
          REQUIRE(normalize(words) == text.substr(begin, end - begin));
        }
      }
    }
  }
}

TEST_CASE("normalize: the real contracts keep their lines") {
  const std::filesystem::path corpus =
      std::filesystem::path(CLAUSE_SCAN_SHARED_DIR) / "corpus" / "real";
  if (!std::filesystem::is_directory(corpus)) {
    MESSAGE("skipped: no corpus at " << corpus.string());
    return;
  }
  for (const auto& entry : std::filesystem::directory_iterator(corpus)) {
    if (entry.path().extension() != ".txt") continue;
    CAPTURE(entry.path().filename().string());
    std::ifstream file(entry.path(), std::ios::binary);
    const std::string original{std::istreambuf_iterator<char>(file), {}};
    const SourceText source{original};
    const std::vector<std::size_t> starts = original_line_starts(original);
    REQUIRE(source.line_count() ==
            static_cast<int>(starts.size()) - (original.ends_with('\n') ? 1 : 0));
    for (int line = 1; line <= source.line_count(); ++line) {
      const std::size_t begin = starts[static_cast<std::size_t>(line - 1)];
      const std::string_view original_line = std::string_view(original).substr(
          begin, starts[static_cast<std::size_t>(line)] - 1 - begin);
      REQUIRE(normalize(original_line) == source.line_text(line));
    }
  }
}

}  // namespace clause_scan
