// Tests for the segment stage: ICU words, number runs, domain terms, byte offsets, TermList.

#include <doctest/doctest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "clause_scan/segment.h"

namespace {

using clause_scan::ErrorKind;
using clause_scan::Result;
using clause_scan::Segmenter;
using clause_scan::TermList;
using clause_scan::Word;
using clause_scan::WordKind;

namespace fs = std::filesystem;

const fs::path kTermsPath = fs::path(CLAUSE_SCAN_SOURCE_DIR) / "rules" / "terms.txt";
const fs::path kCorpusDir = fs::path(CLAUSE_SCAN_SHARED_DIR) / "corpus" / "real";

// rules/terms.txt as shipped; empty when it does not load (the "loads" test then fails).
const TermList& shipped_terms() {
  static const TermList terms = [] {
    Result<TermList> loaded = TermList::load(kTermsPath);
    return loaded.ok() ? std::move(loaded).value() : TermList();
  }();
  return terms;
}

Segmenter make_segmenter(const TermList& terms) {
  Result<Segmenter> created = Segmenter::create(terms);
  REQUIRE(created.ok());
  return std::move(created).value();
}

std::string_view text_of(std::string_view text, const Word& word) {
  return text.substr(word.begin, word.end - word.begin);
}

// The words joined with '|', which reads well when a CHECK fails: "乙方|应|按照|...".
std::string joined(const std::vector<std::string>& words) {
  std::string text;
  for (const std::string& word : words) text += (text.empty() ? "" : "|") + word;
  return text;
}

std::string words_of(Segmenter& segmenter, std::string_view text) {
  std::vector<std::string> words;
  for (const Word& word : segmenter.segment(text)) words.emplace_back(text_of(text, word));
  return joined(words);
}

// True when `words` start at 0, follow each other without gap or overlap and end at the end.
bool covers(std::string_view text, const std::vector<Word>& words) {
  std::size_t expected_begin = 0;
  for (const Word& word : words) {
    if (word.begin != expected_begin || word.end <= word.begin) return false;
    expected_begin = word.end;
  }
  return expected_begin == text.size();
}

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream contents;
  contents << in.rdbuf();
  return contents.str();
}

// A file in a fresh temporary folder, removed with the folder at the end of the test.
class TempFolder {
 public:
  TempFolder() : path_(fs::temp_directory_path() / ("segment_test_" + std::to_string(::getpid()))) {
    fs::create_directories(path_);
  }
  ~TempFolder() { fs::remove_all(path_); }
  fs::path write(const std::string& name, std::string_view contents) const {
    std::ofstream(path_ / name, std::ios::binary) << contents;
    return path_ / name;
  }
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

struct SentenceCase {
  std::string text;
  std::vector<std::string> words;
};

}  // namespace

TEST_CASE("TermList: rules/terms.txt loads and holds the contract terms") {
  Result<TermList> loaded = TermList::load(kTermsPath);
  REQUIRE_MESSAGE(loaded.ok(), loaded.error().message());
  CHECK(loaded->size() > 300);
  for (const char* term : {"甲方", "违约金", "中标金额", "人民币", "万元", "工作日", "不可抗力"}) {
    CAPTURE(term);
    CHECK(loaded->contains(term));
  }
}

TEST_CASE("segment: contract sentences come out as ICU words with the terms whole") {
  const std::vector<SentenceCase> cases = {
      {"乙方应按照本项目中标金额的 30%向甲方支付违约金",
       {"乙方", "应", "按照", "本", "项目", "中标金额", "的", " ", "30", "%", "向", "甲方", "支付",
        "违约金"}},
      {"合同总价为人民币1,977,800.00元(大写:壹佰玖拾柒万柒仟捌佰元整)",
       {"合同总价", "为", "人民币", "1,977,800.00", "元", "(",  "大", "写", ":",    "壹", "佰",
        "玖",       "拾", "柒",     "万",           "柒", "仟", "捌", "佰", "元整", ")"}},
      {"本合同自2026-12-31起生效", {"本", "合同", "自", "2026-12-31", "起", "生效"}},
      {"详见通用条款第7.2.16条", {"详", "见", "通用条款", "第", "7.2.16", "条"}},
      {"承包人的履约保证金为签约合同价的10%",
       {"承包人", "的", "履约保证金", "为", "签约合同价", "的", "10", "%"}},
      {"中标金额1977800元", {"中标金额", "1977800", "元"}},
      {"出租方应于每月5日前向承租方收取租金",
       {"出租方", "应", "于", "每月", "5", "日前", "向", "承租方", "收取", "租金"}},
      {"逾期付款的,每日按应付未付款项的万分之五向乙方支付滞纳金",
       {"逾期", "付款", "的", ",", "每日", "按", "应付", "未", "付款", "项", "的", "万分之", "五",
        "向", "乙方", "支付", "滞纳金"}},
      {"用人单位应当依法为劳动者缴纳社会保险费",
       {"用人单位", "应当", "依法", "为", "劳动者", "缴纳", "社会保险费"}},
      {"发包人应在收到进度款支付申请后14天内支付进度款",
       {"发包人", "应", "在", "收到", "进度款", "支付", "申请", "后", "14", "天内", "支付",
        "进度款"}},
      // ICU has 人的 and 日内 as words; the terms end inside them.
      {"不可抗力事件发生后,受影响一方应在3个工作日内书面通知对方",
       {"不可抗力事件", "发生", "后", ",", "受", "影响", "一方", "应", "在", "3", "个", "工作日",
        "内", "书面通知", "对方"}},
      // 借款人 would cut 人民币, which starts on an ICU boundary inside it: 人民币 wins.
      {"甲方向乙方借款人民币100万元", {"甲方", "向", "乙方", "借款", "人民币", "100", "万元"}},
      // 定金 starts inside ICU's 约定, so it is not a term occurrence.
      {"按约定金额支付", {"按", "约定", "金额", "支付"}},
      {"甲方", {"甲方"}},
  };
  Segmenter segmenter = make_segmenter(shipped_terms());
  for (const SentenceCase& test : cases) {
    CAPTURE(test.text);
    CHECK(words_of(segmenter, test.text) == joined(test.words));
    CHECK(covers(test.text, segmenter.segment(test.text)));
  }
}

TEST_CASE("segment: byte offsets cover the input exactly") {
  const std::vector<std::string> texts = {
      "乙方应按照本项目中标金额的 30%向甲方支付违约金",
      "甲方:\t签字盖章\n乙方:\n",
      "Party A shall pay USD 1,000.50 by 2026/12/31.",
      "承包人的",
      "\xff甲方\xe4\xb8",  // invalid UTF-8: a lone byte and a truncated sequence
  };
  Segmenter segmenter = make_segmenter(shipped_terms());
  for (const std::string& text : texts) {
    CAPTURE(text);
    CHECK(covers(text, segmenter.segment(text)));
  }
}

TEST_CASE("segment: word kinds") {
  const std::string text = "甲方:\t1,977,800.00元 ______ A1 v2.0\n";
  const std::vector<std::pair<std::string, WordKind>> expected = {
      {"甲方", WordKind::word},
      {":", WordKind::punctuation},
      {"\t", WordKind::space},
      {"1,977,800.00", WordKind::number},
      {"元", WordKind::word},
      {" ", WordKind::space},
      {"______", WordKind::punctuation},
      {" ", WordKind::space},
      {"A1", WordKind::word},
      {" ", WordKind::space},
      {"v2.0", WordKind::word},
      {"\n", WordKind::space},
  };
  Segmenter segmenter = make_segmenter(shipped_terms());
  std::vector<std::string> actual_kinds;
  for (const Word& word : segmenter.segment(text)) {
    actual_kinds.push_back(std::string(text_of(text, word)) + " " +
                           std::string(clause_scan::to_string(word.kind)));
  }
  std::vector<std::string> expected_kinds;
  for (const auto& [word, kind] : expected) {
    expected_kinds.push_back(word + " " + std::string(clause_scan::to_string(kind)));
  }
  CHECK(joined(actual_kinds) == joined(expected_kinds));
}

TEST_CASE("segment: numbers keep their separators") {
  const std::vector<SentenceCase> cases = {
      {"1,977,800.00", {"1,977,800.00"}},
      {"1977800", {"1977800"}},
      {"2026-12-31", {"2026-12-31"}},
      {"2026/12/31", {"2026/12/31"}},
      {"7.2.16", {"7.2.16"}},
      {"第3-5条", {"第", "3-5", "条"}},
      {"-5", {"-", "5"}},              // a sign is not a separator
      {"2026-12-", {"2026-12", "-"}},  // nor a trailing dash
      {"12:30", {"12", ":", "30"}},    // a colon is not one of , . - /
      {"GF-1999-0201", {"GF", "-", "1999-0201"}},
  };
  Segmenter segmenter = make_segmenter(shipped_terms());
  for (const SentenceCase& test : cases) {
    CAPTURE(test.text);
    CHECK(words_of(segmenter, test.text) == joined(test.words));
  }
}

TEST_CASE("segment: pure ASCII text") {
  Segmenter segmenter = make_segmenter(shipped_terms());
  const std::vector<std::string> expected = {"Party", " ", "A",          " ", "shall",    " ",
                                             "pay",   " ", "USD",        " ", "1,000.50", " ",
                                             "by",    " ", "2026/12/31", "."};
  CHECK(words_of(segmenter, "Party A shall pay USD 1,000.50 by 2026/12/31.") == joined(expected));
}

TEST_CASE("segment: empty input gives no words") {
  Segmenter segmenter = make_segmenter(shipped_terms());
  CHECK(segmenter.segment("").empty());
}

TEST_CASE("segment: term mechanics with a small term list") {
  // ICU splits 承包人的 as 承包|人的, 违约金 as 违约|金, 甲方案 as 甲|方案.
  const TermList terms = TermList::from_lines("承包人\n违约金\n甲方\n人民币\n借款人\n");
  const std::vector<SentenceCase> cases = {
      {"承包人的", {"承包人", "的"}},      // a term ends inside an ICU word: the rest is a word
      {"支付违约金", {"支付", "违约金"}},  // a term at the end of the text
      {"违约金违约金", {"违约金", "违约金"}},
      {"甲方案", {"甲方", "案"}},  // a term is never split, even where ICU reads it otherwise
      {"借款人民币", {"借款", "人民币"}},  // the later term starts on an ICU boundary and wins
      {"借款人的", {"借款人", "的"}},      // no later term: the longest term wins
  };
  Segmenter segmenter = make_segmenter(terms);
  for (const SentenceCase& test : cases) {
    CAPTURE(test.text);
    CHECK(words_of(segmenter, test.text) == joined(test.words));
  }
}

TEST_CASE("segment: a Segmenter can be moved and reused") {
  Segmenter first = make_segmenter(shipped_terms());
  CHECK(words_of(first, "甲方") == "甲方");
  Segmenter moved = std::move(first);
  CHECK(words_of(moved, "违约金") == "违约金");
}

TEST_CASE("TermList: longest_prefix") {
  const TermList terms = TermList::from_lines("保证\n保证金\n履约保证金\n元\nGB/T\n");
  const std::vector<std::pair<std::string, std::size_t>> cases = {
      {"保证金额", 9},   {"保证人", 6},   {"履约保证金", 15}, {"履约", 0},
      {"", 0},           {"保", 0},       {"元整", 3},  // a one-character term
      {"GB/T 50300", 4},                   // a term that does not start with a three-byte character
      {"GB", 0},         {"\xE4\xBF", 0},  // a truncated character
  };
  for (const auto& [text, expected] : cases) {
    CAPTURE(text);
    CHECK(terms.longest_prefix(text) == expected);
  }
}

TEST_CASE("TermList: from_lines reads terms and skips comments, blanks and bad lines") {
  const TermList terms = TermList::from_lines(
      "\xEF\xBB\xBF# a comment\n"
      "甲方\r\n"
      "  乙方  # party B\n"
      "\n"
      "违 约金\n"  // white space inside: ignored
      "甲方\n");   // duplicate: ignored
  CHECK(terms.size() == 2);
  CHECK(terms.contains("甲方"));
  CHECK(terms.contains("乙方"));
  CHECK_FALSE(terms.contains("违约金"));
  CHECK_FALSE(terms.contains("甲"));
  CHECK_FALSE(terms.contains(""));
}

TEST_CASE("TermList: load errors") {
  TempFolder folder;
  const std::string longest_term = std::string(32, 'x');
  struct ErrorCase {
    std::string contents;
    std::string message;  // after "<path>:"
  };
  const std::vector<ErrorCase> cases = {
      {"甲方\n乙方\n违约 金\n", "3: white space inside term (one term per line)"},
      {"甲方\n违约\u3000金\n", "2: white space inside term (one term per line)"},
      {"# terms\n" + std::string(33, 'x') + "\n", "2: term longer than 32 characters"},
      {"甲方\n乙方\n甲方\n", "3: duplicate term 甲方"},
      {"甲\x01方\n", "1: control character in term"},
      {"甲\xff方\n", "1: invalid UTF-8 in term"},
  };
  for (const ErrorCase& test : cases) {
    CAPTURE(test.contents);
    const fs::path path = folder.write("terms.txt", test.contents);
    Result<TermList> loaded = TermList::load(path);
    REQUIRE_FALSE(loaded.ok());
    CHECK(loaded.error().kind == ErrorKind::rule);
    CHECK(loaded.error().message() == path.string() + ":" + test.message);
  }
  SUBCASE("32 characters is still a term") {
    Result<TermList> loaded = TermList::load(folder.write("terms.txt", longest_term + "\n"));
    REQUIRE(loaded.ok());
    CHECK(loaded->contains(longest_term));
  }
  SUBCASE("an empty file is an empty list") {
    Result<TermList> loaded = TermList::load(folder.write("terms.txt", ""));
    REQUIRE(loaded.ok());
    CHECK(loaded->size() == 0);
  }
  SUBCASE("a missing file is an io error") {
    Result<TermList> loaded = TermList::load(folder.path() / "missing.txt");
    REQUIRE_FALSE(loaded.ok());
    CHECK(loaded.error().kind == ErrorKind::io);
  }
  SUBCASE("a folder is an io error") {
    Result<TermList> loaded = TermList::load(folder.path());
    REQUIRE_FALSE(loaded.ok());
    CHECK(loaded.error().kind == ErrorKind::io);
  }
}

namespace {

// The terms of rules/terms.txt, read independently of TermList.
std::vector<std::string> term_lines(const std::string& contents) {
  std::vector<std::string> terms;
  std::istringstream lines(contents);
  for (std::string line; std::getline(lines, line);) {
    line = line.substr(0, line.find('#'));
    const auto first = line.find_first_not_of(" \t\r");
    if (first == std::string::npos) continue;
    terms.push_back(line.substr(first, line.find_last_not_of(" \t\r") - first + 1));
  }
  return terms;
}

// Where an occurrence of `term` at a word start is split, the reason it may be: a later term,
// starting inside it, holds its last byte and runs further (借款|人民币).
bool split_by_later_term(std::string_view line, const std::vector<Word>& words, std::size_t at,
                         std::size_t term_end, const TermList& terms) {
  auto holder = std::upper_bound(words.begin(), words.end(), term_end - 1,
                                 [](std::size_t offset, const Word& w) { return offset < w.end; });
  return holder != words.end() && holder->begin > at && holder->end > term_end &&
         terms.contains(text_of(line, *holder));
}

std::string first_of(const std::vector<std::string>& lines) {
  return lines.empty() ? std::string() : lines.front();
}

struct CorpusFindings {
  std::size_t lines = 0;
  std::size_t term_occurrences = 0;  // at a word start
  std::vector<std::string> not_covered;
  std::vector<std::string> split;
};

void check_line(std::string_view line, const std::vector<Word>& words,
                const std::vector<std::string>& term_list, const TermList& terms,
                CorpusFindings& findings) {
  ++findings.lines;
  std::string concatenated;
  for (const Word& word : words) concatenated += text_of(line, word);
  if (concatenated != line || !covers(line, words)) findings.not_covered.emplace_back(line);
  std::vector<std::size_t> starts;
  for (const Word& word : words) starts.push_back(word.begin);
  for (const std::string& term : term_list) {
    for (auto at = line.find(term); at != std::string_view::npos; at = line.find(term, at + 1)) {
      auto start = std::lower_bound(starts.begin(), starts.end(), at);
      if (start == starts.end() || *start != at) continue;  // not at a word start
      ++findings.term_occurrences;
      const Word& word = words[start - starts.begin()];
      if (word.end >= at + term.size()) continue;
      if (split_by_later_term(line, words, at, at + term.size(), terms)) continue;
      findings.split.push_back(term + " in " + std::string(line));
    }
  }
}

}  // namespace

TEST_CASE("segment: the real corpus comes back whole and its terms unsplit") {
  if (!fs::is_directory(kCorpusDir)) {
    MESSAGE("skipped: no corpus at " << kCorpusDir.string());
    return;
  }
  const TermList& terms = shipped_terms();
  const std::vector<std::string> term_list = term_lines(read_file(kTermsPath));
  REQUIRE(term_list.size() == terms.size());
  Segmenter segmenter = make_segmenter(terms);
  CorpusFindings findings;
  for (const auto& entry : fs::directory_iterator(kCorpusDir)) {
    if (entry.path().extension() != ".txt") continue;
    const std::string contents = read_file(entry.path());
    if (!covers(contents, segmenter.segment(contents))) {  // the whole file at once, too
      findings.not_covered.push_back(entry.path().filename().string());
    }
    std::istringstream lines(contents);
    for (std::string line; std::getline(lines, line);) {
      check_line(line, segmenter.segment(line), term_list, terms, findings);
    }
  }
  CHECK(findings.lines > 1000);
  CHECK(findings.term_occurrences > 1000);  // the property is not vacuous
  CHECK_MESSAGE(findings.not_covered.empty(), first_of(findings.not_covered));
  CHECK_MESSAGE(findings.split.empty(), first_of(findings.split));
}
