// Scanning a part of a text (RuleSet::scan with a range) and several categories in one pass
// (RuleSet::scan_categories): both must give exactly what the whole-text, one-category scan
// gives, since the extractors rely on that to read less.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <tuple>
#include <vector>

#include "clause_scan/normalize.h"
#include "clause_scan/rules.h"
#include "rule_match_text.h"

namespace cs = clause_scan;
namespace fs = std::filesystem;

namespace {

const fs::path kSourceDir = CLAUSE_SCAN_SOURCE_DIR;

cs::RuleSet parse_ok(std::string_view toml) {
  cs::Result<cs::RuleSet> set = cs::RuleSet::parse(toml, "t.toml");
  REQUIRE(set.ok());
  return std::move(set).value();
}

using Row = std::tuple<std::string, std::size_t, std::size_t>;  // rule id, begin, end

std::vector<Row> rows(const std::vector<cs::RuleMatch>& matches) {
  std::vector<Row> got;
  for (const cs::RuleMatch& match : matches)
    got.emplace_back(match.rule->id, match.begin, match.end);
  return got;
}

using clause_scan::testing::describe;

std::vector<std::string> describe(const std::vector<cs::RuleMatch>& matches) {
  std::vector<std::string> all;
  for (const cs::RuleMatch& match : matches) all.push_back(describe(match));
  return all;
}

std::string read_text(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

// The normalized text of every sample contract, one after the other.
std::string samples_text() {
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(kSourceDir / "samples")) {
    if (entry.path().extension() == ".txt") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  std::string text;
  for (const fs::path& file : files) text += cs::SourceText(read_text(file)).text() + "\n";
  return text;
}

}  // namespace

TEST_CASE("rules: scan over a range scans the whole lines the range touches") {
  cs::RuleSet set = parse_ok(R"(
[[rule]]
id = "role"
category = "party"
pattern = '[甲乙]方'
[[rule]]
id = "line.start"
category = "party"
pattern = '^乙方'
)");
  // Lines: [0, 6) 甲方, [7, 40) 乙方：某某科技有限公司, [41, 41) empty, [42, 55) 甲方 乙方.
  const std::string text = "甲方\n乙方：某某科技有限公司\n\n甲方 乙方";
  struct Case {
    const char* name;
    std::size_t begin, end;
    std::vector<Row> want;
  };
  const std::vector<Case> cases = {
      {"the whole text",
       0,
       text.size(),
       {Row{"role", 0, 6}, Row{"role", 7, 13}, Row{"line.start", 7, 13}, Row{"role", 42, 48},
        Row{"role", 49, 55}}},
      {"inside the second line: all of it, with its ^ anchor",
       10,
       12,
       {Row{"role", 7, 13}, Row{"line.start", 7, 13}}},
      {"an empty range: the line holding it", 3, 3, {Row{"role", 0, 6}}},
      {"from the end of a line into the next",
       5,
       8,
       {Row{"role", 0, 6}, Row{"role", 7, 13}, Row{"line.start", 7, 13}}},
      {"a range that ends where a line begins leaves that line out", 0, 7, {Row{"role", 0, 6}}},
      {"the empty line", 41, 42, {}},
      {"the last line, to the end", 45, text.size(), {Row{"role", 42, 48}, Row{"role", 49, 55}}},
      {"an empty range at the end of the text",
       text.size(),
       text.size(),
       {Row{"role", 42, 48}, Row{"role", 49, 55}}},
      {"a range past the end",
       text.size() + 5,
       text.size() + 9,
       {Row{"role", 42, 48}, Row{"role", 49, 55}}},
  };
  for (const Case& test : cases) {
    CAPTURE(std::string(test.name));
    CHECK(rows(set.scan(text, "party", test.begin, test.end)) == test.want);
  }
  CHECK(set.scan(text, "penalty", 0, text.size()).empty());
  CHECK(set.scan("", "party", 0, 0).empty());
}

TEST_CASE("rules: a range scan of each line gives the whole scan, line by line (real rules)") {
  cs::Result<cs::RuleSet> loaded = cs::RuleSet::load_dir(kSourceDir / "rules");
  REQUIRE(loaded.ok());
  const cs::RuleSet& set = loaded.value();
  const std::string text =
      cs::SourceText(read_text(kSourceDir / "samples" / "procurement_service.txt")).text();
  for (const char* category : {"party", "penalty_role", "amount_label", "not_duration", "period"}) {
    CAPTURE(std::string(category));
    std::vector<cs::RuleMatch> by_lines;
    for (std::size_t begin = 0; begin <= text.size();) {
      std::size_t end = text.find('\n', begin);
      if (end == std::string::npos) end = text.size();
      for (cs::RuleMatch& match : set.scan(text, category, begin, end)) by_lines.push_back(match);
      begin = end + 1;
    }
    std::vector<cs::RuleMatch> whole = set.scan(text, category);
    CHECK(!whole.empty());
    CHECK(describe(by_lines) == describe(whole));
  }
}

TEST_CASE("rules: scan_categories gives each category's own scan, before and after combining") {
  cs::Result<cs::RuleSet> loaded = cs::RuleSet::load_dir(kSourceDir / "rules");
  REQUIRE(loaded.ok());
  const cs::RuleSet& set = loaded.value();
  const std::string text = samples_text();
  const std::vector<std::string_view> categories = {
      "amount", "date", "duration", "no_such_category", "penalty", "penalty_cap", "party"};
  // The first megabyte is scanned category by category, later scans with one combined Set:
  // scanning the samples 30 times (about 2 MB) passes from the one to the other.
  for (int round = 0; round < 30; ++round) {
    CAPTURE(round);
    std::vector<std::vector<cs::RuleMatch>> together = set.scan_categories(text, categories);
    REQUIRE(together.size() == categories.size());
    if (round % 10 != 0 && round != 29) continue;  // compare a few rounds: each costs a scan
    for (std::size_t index = 0; index < categories.size(); ++index) {
      CAPTURE(std::string(categories[index]));
      CHECK(describe(together[index]) == describe(set.scan(text, categories[index])));
    }
  }
  CHECK(set.scan_categories(text, {}).empty());
}
