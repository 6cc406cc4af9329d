// Tests of the rules stage: loading rule files, their errors, scanning and rule examples.
#include <re2/re2.h>

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
#include "rules/rule_set_impl.h"

namespace cs = clause_scan;
namespace fs = std::filesystem;

namespace {

const fs::path kSourceDir = CLAUSE_SCAN_SOURCE_DIR;
const fs::path kRuleData = kSourceDir / "tests" / "data" / "rules";
const fs::path kCorpusDir = fs::path(CLAUSE_SCAN_SHARED_DIR) / "corpus" / "real";

cs::RuleSet parse_ok(std::string_view toml) {
  cs::Result<cs::RuleSet> set = cs::RuleSet::parse(toml, "t.toml");
  REQUIRE_MESSAGE(set.ok(), set.error().message());
  return std::move(set).value();
}

// The reason of the error that parsing `toml` gives, or "no error".
std::string parse_error(std::string_view toml, cs::Compile compile = cs::Compile::when_loaded) {
  cs::Result<cs::RuleSet> set = cs::RuleSet::parse(toml, "t.toml", compile);
  if (set.ok()) return "no error";
  CHECK(set.error().kind == cs::ErrorKind::rule);
  return set.error().message();
}

std::string span(std::string_view text, std::size_t begin, std::size_t end) {
  return std::string(text.substr(begin, end - begin));
}

std::string capture_text(const cs::RuleMatch& match, std::string_view name, std::string_view text) {
  const cs::Capture* capture = match.capture(name);
  return capture == nullptr ? "<absent>" : span(text, capture->begin, capture->end);
}

std::string read_text(const fs::path& file) {
  std::ifstream stream(file, std::ios::binary);
  std::ostringstream bytes;
  bytes << stream.rdbuf();
  return bytes.str();
}

// A fresh empty folder under the temporary folder.
fs::path empty_temp_dir(const std::string& name) {
  fs::path dir = fs::temp_directory_path() / ("clause-scan-rules-test-" + name);
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

}  // namespace

TEST_CASE("rules: the real rules/checks.toml loads and passes its own examples") {
  cs::Result<cs::RuleSet> set = cs::RuleSet::load_files({kSourceDir / "rules" / "checks.toml"});
  REQUIRE_MESSAGE(set.ok(), set.error().message());
  std::vector<std::string> ids;
  for (const auto& rule : set->rules()) ids.push_back(rule->id);
  // The first four rules; the check command's rules follow (tests/unit/check_test.cpp).
  REQUIRE(ids.size() >= 4);
  CHECK(std::vector<std::string>(ids.begin(), ids.begin() + 4) ==
        std::vector<std::string>{"check.unfilled-blank", "check.unticked-choice",
                                 "check.html-checkbox", "check.other-unspecified"});
  for (const auto& rule : set->rules()) {
    CAPTURE(rule->id);
    CHECK(rule->category == "check");
    CHECK(rule->severity.has_value());
    CHECK(!rule->attribute("message").empty());
    CHECK(!rule->attribute("message_en").empty());
    CHECK(std::count_if(rule->examples.begin(), rule->examples.end(),
                        [](const cs::RuleExample& example) { return example.must_match; }) > 0);
    CHECK(std::count_if(rule->examples.begin(), rule->examples.end(),
                        [](const cs::RuleExample& example) { return !example.must_match; }) > 0);
  }
  const cs::Rule* blank = set->find("check.unfilled-blank");
  REQUIRE(blank != nullptr);
  CHECK(blank->severity == cs::Severity::warning);
  CHECK(blank->pattern_sources.size() == 2);
  CHECK(blank->line == 25);
  CHECK(blank->examples.front().line == 42);
  for (const cs::ExampleFailure& failure : set->test_examples()) {
    FAIL_CHECK(failure.file << ":" << failure.line << ": " << failure.rule->id << ": "
                            << failure.reason);
  }
}

TEST_CASE("rules: every rule file in rules/ loads and passes its own examples") {
  cs::Result<cs::RuleSet> set = cs::RuleSet::load_dir(kSourceDir / "rules");
  REQUIRE_MESSAGE(set.ok(), set.error().message());
  CHECK(set->find("check.unfilled-blank") != nullptr);
  for (const cs::ExampleFailure& failure : set->test_examples()) {
    FAIL_CHECK(failure.file << ":" << failure.line << ": " << failure.rule->id << ": "
                            << failure.reason);
  }
}

TEST_CASE("rules: the worked example of docs/rules.md loads and passes its examples") {
  std::string doc = read_text(kSourceDir / "docs" / "rules.md");
  std::size_t begin = doc.find("```toml\n");
  REQUIRE(begin != std::string::npos);
  begin += 8;
  std::string toml = doc.substr(begin, doc.find("```", begin) - begin);
  cs::Result<cs::RuleSet> set = cs::RuleSet::parse(toml, "docs/rules.md");
  REQUIRE_MESSAGE(set.ok(), set.error().message());
  const cs::Rule* rule = set->find("penalty.percent-of-base");
  REQUIRE(rule != nullptr);
  CHECK(rule->patterns.size() == 2);
  CHECK(rule->examples.size() == 4);
  for (const cs::ExampleFailure& failure : set->test_examples()) {
    FAIL_CHECK(failure.line << ": " << failure.reason);
  }
  const std::string text =
      cs::normalize("如乙方逾期交货，乙方应按合同金额的１０％向甲方支付违约金。");
  std::vector<cs::RuleMatch> matches = set->scan(text, "penalty");
  REQUIRE(matches.size() == 1);
  CHECK(capture_text(matches[0], "payer", text) == "乙方");
  CHECK(capture_text(matches[0], "base", text) == "合同金额");
  CHECK(capture_text(matches[0], "percent", text) == "10");
  CHECK(capture_text(matches[0], "payee", text) == "甲方");
}

TEST_CASE("rules: a rule table's keys, attributes and examples") {
  cs::RuleSet set = parse_ok(R"(
[[rule]]
id = "penalty.percent-of-base"
category = "penalty"
description = "违约金 as a percentage of a named sum"
severity = "warning"
kind = "liquidated_damages"
role = "payer"
patterns = ['(?P<base>中标金额|合同金额)的\s*(?P<percent>\d+(?:\.\d+)?)\s*%']
[[rule.examples]]
text = "按本项目中标金额的 30%向甲方支付违约金"
captures = { base = "中标金额", percent = "30" }
[[rule.counterexamples]]
text = "中标金额低于 500 万元"
)");
  REQUIRE(set.rules().size() == 1);
  const cs::Rule& rule = *set.rules().front();
  CHECK(rule.id == "penalty.percent-of-base");
  CHECK(rule.category == "penalty");
  CHECK(rule.description == "违约金 as a percentage of a named sum");
  CHECK(rule.severity == cs::Severity::warning);
  CHECK(rule.attributes ==
        std::map<std::string, std::string>{{"kind", "liquidated_damages"}, {"role", "payer"}});
  CHECK(rule.attribute("kind") == "liquidated_damages");
  CHECK(rule.attribute("unit", "percent") == "percent");
  CHECK(rule.file == "t.toml");
  CHECK(rule.line == 2);
  REQUIRE(rule.patterns.size() == 1);
  CHECK(rule.patterns.front()->regex().ok());
  REQUIRE(rule.examples.size() == 2);
  CHECK(rule.examples[0].must_match);
  CHECK(rule.examples[0].line == 10);
  CHECK(rule.examples[0].captures ==
        std::map<std::string, std::string>{{"base", "中标金额"}, {"percent", "30"}});
  CHECK(!rule.examples[1].must_match);
  CHECK(rule.examples[1].line == 13);
  CHECK(set.find("penalty.percent-of-base") == &rule);
  CHECK(set.find("penalty.other") == nullptr);
}

TEST_CASE("rules: severity names") {
  for (cs::Severity severity : {cs::Severity::error, cs::Severity::warning, cs::Severity::info}) {
    CHECK(cs::parse_severity(cs::to_string(severity)) == severity);
  }
  CHECK(cs::to_string(cs::Severity::warning) == "warning");
  CHECK(!cs::parse_severity("fatal").has_value());
  CHECK(!cs::parse_severity("Error").has_value());
}

TEST_CASE("rules: errors in a rule file name the file, the line and the reason") {
  struct Case {
    const char* name;
    const char* toml;
    const char* reason;
  };
  const Case cases[] = {
      {"TOML syntax, in toml++'s words", "[[rule]]\nid = \"a\ncategory = \"x\"\n",
       "t.toml:2: Error while parsing string: unescaped control characters other than TAB "
       "(U+0009) are explicitly prohibited"},
      {"duplicate id in one file",
       "[[rule]]\nid = \"a\"\ncategory = \"x\"\npattern = 'x'\n\n"
       "[[rule]]\nid = \"a\"\ncategory = \"x\"\npattern = 'y'\n",
       "t.toml:6: duplicate rule id \"a\" (first at t.toml:1)"},
      {"missing id", "[[rule]]\ncategory = \"x\"\npattern = 'x'\n", "t.toml:1: missing key \"id\""},
      {"empty id", "[[rule]]\nid = \"\"\ncategory = \"x\"\npattern = 'x'\n",
       "t.toml:2: key \"id\" must not be empty"},
      {"missing category", "\n[[rule]]\nid = \"a\"\npattern = 'x'\n",
       "t.toml:2: rule \"a\": missing key \"category\""},
      {"missing patterns", "[[rule]]\nid = \"a\"\ncategory = \"x\"\n",
       "t.toml:1: rule \"a\": missing key \"patterns\""},
      {"empty patterns", "[[rule]]\nid = \"a\"\ncategory = \"x\"\npatterns = []\n",
       "t.toml:4: rule \"a\": \"patterns\" is empty"},
      {"pattern and patterns",
       "[[rule]]\nid = \"a\"\ncategory = \"x\"\npattern = 'x'\npatterns = ['y']\n",
       "t.toml:5: rule \"a\": give \"pattern\" or \"patterns\", not both"},
      {"patterns not strings", "[[rule]]\nid = \"a\"\ncategory = \"x\"\npatterns = ['x', 3]\n",
       "t.toml:4: rule \"a\": \"patterns\" must be an array of strings"},
      {"unknown severity",
       "[[rule]]\nid = \"a\"\ncategory = \"x\"\nseverity = \"fatal\"\npattern = 'x'\n",
       "t.toml:4: rule \"a\": unknown severity \"fatal\" (use error, warning or info)"},
      {"attribute not a string",
       "[[rule]]\nid = \"a\"\ncategory = \"x\"\npattern = 'x'\nweight = 3\n",
       "t.toml:5: rule \"a\": key \"weight\" must be a string"},
      {"id not a string", "[[rule]]\nid = 7\ncategory = \"x\"\npattern = 'x'\n",
       "t.toml:2: key \"id\" must be a string"},
      {"example not a table",
       "[[rule]]\nid = \"a\"\ncategory = \"x\"\npattern = 'x'\nexamples = [\n  \"x\",\n]\n",
       "t.toml:6: rule \"a\": each example must be a table ([[rule.examples]])"},
      {"counterexample not a table",
       "[[rule]]\nid = \"a\"\ncategory = \"x\"\npattern = 'x'\ncounterexamples = \"y\"\n",
       "t.toml:5: rule \"a\": each counterexample must be a table ([[rule.counterexamples]])"},
      {"example without text",
       "[[rule]]\nid = \"a\"\ncategory = \"x\"\npattern = 'x'\n[[rule.examples]]\n"
       "captures = { n = \"x\" }\n",
       "t.toml:5: rule \"a\": example has no \"text\""},
      {"unknown key in an example",
       "[[rule]]\nid = \"a\"\ncategory = \"x\"\npattern = 'x'\n[[rule.examples]]\n"
       "text = \"x\"\ncapture = { n = \"x\" }\n",
       "t.toml:7: rule \"a\": unknown key \"capture\" in example"},
      {"captures in a counterexample",
       "[[rule]]\nid = \"a\"\ncategory = \"x\"\npattern = 'x'\n[[rule.counterexamples]]\n"
       "text = \"x\"\ncaptures = { n = \"x\" }\n",
       "t.toml:7: rule \"a\": unknown key \"captures\" in counterexample"},
      {"capture not a string",
       "[[rule]]\nid = \"a\"\ncategory = \"x\"\npattern = '(?P<n>x)'\n[[rule.examples]]\n"
       "text = \"x\"\ncaptures = { n = 1 }\n",
       "t.toml:7: rule \"a\": capture \"n\" must be a string"},
      {"unknown top-level key", "[[rules]]\nid = \"a\"\n",
       "t.toml:1: unknown top-level key \"rules\" (a rule file holds [[rule]] tables)"},
      {"rule not an array of tables", "rule = \"a\"\n",
       "t.toml:1: \"rule\" must be an array of tables ([[rule]])"},
      {"RE2 error, on the pattern's own line",
       "[[rule]]\nid = \"a\"\ncategory = \"x\"\npatterns = [\n  '\\d+元',\n  "
       "'(?P<amount>\\d+',\n]\n",
       "t.toml:6: rule \"a\": pattern 2: missing ): (?P<amount>\\d+"},
      {"RE2 bad repetition", "[[rule]]\nid = \"a\"\ncategory = \"x\"\npattern = 'a{1000}{1000}'\n",
       "t.toml:4: rule \"a\": pattern 1: bad repetition operator: {1000}{1000}"},
      {"RE2 pattern too large",
       "[[rule]]\nid = \"a\"\ncategory = \"x\"\npattern = '(\\pL{100}){10}'\n",
       "t.toml:4: rule \"a\": pattern 1: pattern too large - compile failed"},
      {"Perl-only group syntax", "[[rule]]\nid = \"a\"\ncategory = \"x\"\npattern = '(?<n>x)'\n",
       "t.toml:4: rule \"a\": pattern 1: invalid perl operator: (?<"},
      {"duplicate capture name",
       "[[rule]]\nid = \"a\"\ncategory = \"x\"\npattern = '(?P<n>\\d+)元|(?P<n>\\d+)%'\n",
       "t.toml:4: rule \"a\": pattern 1: duplicate capture group name \"n\""},
  };
  for (const Case& test : cases) {
    CAPTURE(std::string(test.name));
    CHECK(parse_error(test.toml) == test.reason);
  }
}

TEST_CASE("rules: an error quoting a multi-line pattern or key stays one line (fuzz regression)") {
  // rules_fuzzer: RE2 quotes the whole pattern after "unexpected )", and a ''' pattern holds
  // line breaks (toml++ reads CRLF in it as LF); the reason came out on several lines.
  struct Case {
    const char* name;
    const char* toml;
    const char* reason;
  };
  const Case cases[] = {
      {"RE2 error in a ''' pattern",
       "[[rule]]\nid = \"a\"\ncategory = \"x\"\npattern = '''\\d+\n元)\r\n'''\n",
       "t.toml:4: rule \"a\": pattern 1: unexpected ): \\d+\\n元)\\n"},
      {"a quoted key with line breaks",
       "[[rule]]\nid = \"a\"\ncategory = \"x\"\npattern = 'x'\n\"we\\r\\nird\" = 3\n",
       "t.toml:5: rule \"a\": key \"we\\r\\nird\" must be a string"},
  };
  for (const Case& test : cases) {
    CAPTURE(std::string(test.name));
    CHECK(parse_error(test.toml) == test.reason);
  }
}

TEST_CASE("rules: a huge alternation is reported as too large, not a crash") {
  std::string alternation;
  for (int word = 0; word < 100000; ++word) {
    alternation += (word == 0 ? "" : "|") + std::to_string(word * 7919) + "号";
  }
  std::string toml = "[[rule]]\nid = \"a\"\ncategory = \"x\"\npattern = '" + alternation + "'\n";
  CHECK(parse_error(toml) == "t.toml:4: rule \"a\": pattern 1: pattern too large - compile failed");
}

TEST_CASE("rules: an error names the rule file as given to load_files") {
  fs::path file = kRuleData / "broken-pattern.toml";
  cs::Result<cs::RuleSet> set = cs::RuleSet::load_files({file});
  REQUIRE(!set.ok());
  CHECK(set.error().kind == cs::ErrorKind::rule);
  CHECK(set.error().message() == file.string() +
                                     ":7: rule \"test.broken\": pattern 2: missing ): "
                                     "(?P<amount>\\d+");
  CHECK(set.error().file == file.string() + ":7");
}

TEST_CASE("rules: load_dir reads *.toml sorted by file name") {
  cs::Result<cs::RuleSet> set = cs::RuleSet::load_dir(kRuleData / "ordered");
  REQUIRE_MESSAGE(set.ok(), set.error().message());
  REQUIRE(set->rules().size() == 2);
  CHECK(set->rules()[0]->id == "test.money");
  CHECK(set->rules()[0]->file == (kRuleData / "ordered" / "10-money.toml").string());
  CHECK(set->rules()[1]->id == "test.date");
  CHECK(set->rules()[1]->line == 2);
}

TEST_CASE("rules: a duplicate id across files names both places") {
  cs::Result<cs::RuleSet> set = cs::RuleSet::load_dir(kRuleData / "duplicate");
  REQUIRE(!set.ok());
  CHECK(set.error().kind == cs::ErrorKind::rule);
  fs::path dir = kRuleData / "duplicate";
  CHECK(set.error().message() == (dir / "b.toml").string() +
                                     ":6: duplicate rule id \"test.same\" " + "(first at " +
                                     (dir / "a.toml").string() + ":1)");
}

TEST_CASE("rules: of several broken files, the first in the given order is named") {
  // The files are read on several threads; the error is the one a load in order meets first.
  const fs::path broken = kRuleData / "broken-pattern.toml";
  const fs::path missing = kRuleData / "no-such-file.toml";
  const fs::path fine = kRuleData / "ordered" / "10-money.toml";
  cs::Result<cs::RuleSet> set = cs::RuleSet::load_files({fine, missing, broken});
  REQUIRE(!set.ok());
  CHECK(set.error().message() == missing.string() + ": rule file not found");
  set = cs::RuleSet::load_files({fine, broken, missing});
  REQUIRE(!set.ok());
  CHECK(set.error().file == broken.string() + ":7");
}

TEST_CASE("rules: unreadable folders and files are io errors") {
  SUBCASE("missing folder") {
    cs::Result<cs::RuleSet> set = cs::RuleSet::load_dir(kRuleData / "no-such-folder");
    REQUIRE(!set.ok());
    CHECK(set.error().kind == cs::ErrorKind::io);
    CHECK(set.error().reason == "cannot read rules folder " +
                                    (kRuleData / "no-such-folder").string() +
                                    ": No such file or directory");
  }
  SUBCASE("folder without rule files") {
    fs::path dir = empty_temp_dir("empty");
    std::ofstream(dir / "notes.txt") << "not a rule file\n";
    cs::Result<cs::RuleSet> set = cs::RuleSet::load_dir(dir);
    REQUIRE(!set.ok());
    CHECK(set.error().kind == cs::ErrorKind::io);
    CHECK(set.error().reason == "no rule files in " + dir.string());
    fs::remove_all(dir);
  }
  SUBCASE("missing file") {
    fs::path file = kRuleData / "no-such-file.toml";
    cs::Result<cs::RuleSet> set = cs::RuleSet::load_files({file});
    REQUIRE(!set.ok());
    CHECK(set.error().kind == cs::ErrorKind::io);
    CHECK(set.error().message() == file.string() + ": rule file not found");
  }
  SUBCASE("folder given as a file") {
    cs::Result<cs::RuleSet> set = cs::RuleSet::load_files({kRuleData / "ordered"});
    REQUIRE(!set.ok());
    CHECK(set.error().kind == cs::ErrorKind::io);
    CHECK(set.error().reason == "a folder, not a rule file");
  }
}

TEST_CASE("rules: scan gives matches and named captures as byte offsets into the text") {
  cs::RuleSet set = parse_ok(R"(
[[rule]]
id = "penalty.percent-of-base"
category = "penalty"
patterns = ['(?P<base>中标金额|合同金额|合同总价)的\s*(?P<percent>\d+(?:\.\d+)?)\s*%']
[[rule]]
id = "money.yuan"
category = "money"
pattern = '(?P<amount>\d+(?:,\d{3})*(?:\.\d+)?)\s*(?P<unit>万元|元)'
[[rule]]
id = "duration.days"
category = "duration"
pattern = '(?P<count>\d+)\s*(?:个)?(?P<unit>日历天|工作日|日|天)(?:内)?'
)");
  // Normalized sentences from real contracts (full-width digits and signs already folded).
  const std::string text =
      "若乙方逾期交货,按本项目中标金额的 30%向甲方支付违约金。\n"
      "本合同总价为人民币 1,977,800.00 元,甲方应于收到发票后 15 个工作日内支付合同总价的 "
      "95%。\n";
  std::vector<cs::RuleMatch> matches = set.scan(text);
  REQUIRE(matches.size() == 4);

  const cs::RuleMatch& penalty = matches[0];
  CHECK(penalty.rule->id == "penalty.percent-of-base");
  CHECK(penalty.begin == text.find("中标金额"));
  CHECK(span(text, penalty.begin, penalty.end) == "中标金额的 30%");
  CHECK(penalty.capture("base")->begin == 34);
  CHECK(penalty.capture("base")->end == 46);
  CHECK(capture_text(penalty, "percent", text) == "30");
  CHECK(penalty.capture("unit") == nullptr);

  const cs::RuleMatch& amount = matches[1];
  CHECK(amount.rule->id == "money.yuan");
  CHECK(span(text, amount.begin, amount.end) == "1,977,800.00 元");
  CHECK(capture_text(amount, "amount", text) == "1,977,800.00");
  CHECK(capture_text(amount, "unit", text) == "元");

  const cs::RuleMatch& days = matches[2];
  CHECK(days.rule->id == "duration.days");
  CHECK(span(text, days.begin, days.end) == "15 个工作日内");
  CHECK(capture_text(days, "count", text) == "15");
  CHECK(capture_text(days, "unit", text) == "工作日");

  const cs::RuleMatch& share = matches[3];
  CHECK(share.rule->id == "penalty.percent-of-base");
  CHECK(capture_text(share, "base", text) == "合同总价");
  CHECK(capture_text(share, "percent", text) == "95");
  CHECK(share.begin == text.rfind("合同总价"));
}

TEST_CASE("rules: scan orders by begin, then rule order, and reports a rule's span once") {
  cs::RuleSet set = parse_ok(R"(
[[rule]]
id = "b.amount"
category = "money"
patterns = ['\d+万元', '(?P<n>\d+)万元']
[[rule]]
id = "a.wan"
category = "unit"
pattern = '\d+万'
[[rule]]
id = "c.yuan"
category = "unit"
pattern = '万元'
)");
  const std::string text = "注册资本 500万元，首期 100万元";
  std::vector<std::tuple<std::string, std::string, int>> got;
  for (const cs::RuleMatch& match : set.scan(text)) {
    got.emplace_back(match.rule->id, span(text, match.begin, match.end), match.pattern);
  }
  using Row = std::tuple<std::string, std::string, int>;
  CHECK(got == std::vector<Row>{Row{"b.amount", "500万元", 0}, Row{"a.wan", "500万", 0},
                                Row{"c.yuan", "万元", 0}, Row{"b.amount", "100万元", 0},
                                Row{"a.wan", "100万", 0}, Row{"c.yuan", "万元", 0}});
}

TEST_CASE("rules: scan by category runs only that category's rules") {
  cs::RuleSet set = parse_ok(R"(
[[rule]]
id = "money.yuan"
category = "money"
pattern = '\d+元'
[[rule]]
id = "date.ymd"
category = "date"
pattern = '\d{4}年\d{1,2}月\d{1,2}日'
)");
  const std::string text = "甲方于 2024年3月1日 前支付 5000元。";
  std::vector<cs::RuleMatch> money = set.scan(text, "money");
  REQUIRE(money.size() == 1);
  CHECK(money[0].rule->id == "money.yuan");
  std::vector<cs::RuleMatch> dates = set.scan(text, "date");
  REQUIRE(dates.size() == 1);
  CHECK(span(text, dates[0].begin, dates[0].end) == "2024年3月1日");
  CHECK(set.scan(text, "penalty").empty());
  CHECK(set.scan(text).size() == 2);
}

TEST_CASE("rules: matches stay within one line and offsets count earlier lines") {
  cs::RuleSet set = parse_ok(R"(
[[rule]]
id = "parties"
category = "party"
pattern = '甲方\s*(?P<rest>乙方)?'
[[rule]]
id = "line.start"
category = "party"
pattern = '^乙方'
)");
  const std::string text = "甲方\n乙方：某某科技有限公司\r\n\n甲方 乙方";
  std::vector<std::tuple<std::string, std::size_t, std::size_t>> got;
  for (const cs::RuleMatch& match : set.scan(text)) {
    got.emplace_back(match.rule->id, match.begin, match.end);
  }
  using Row = std::tuple<std::string, std::size_t, std::size_t>;
  CHECK(got ==
        std::vector<Row>{Row{"parties", 0, 6}, Row{"line.start", 7, 13}, Row{"parties", 43, 56}});
  CHECK(set.scan("").empty());
}

TEST_CASE("rules: patterns that can match empty text do not loop and give no empty match") {
  cs::RuleSet set = parse_ok(R"(
[[rule]]
id = "stars"
category = "x"
pattern = '(?P<run>x*)'
[[rule]]
id = "nothing"
category = "y"
pattern = ''
[[rule]]
id = "optional-digits"
category = "z"
pattern = '\d*%?'
)");
  std::vector<cs::RuleMatch> stars = set.scan("axx中x", "x");
  REQUIRE(stars.size() == 2);
  CHECK(stars[0].begin == 1);
  CHECK(stars[0].end == 3);
  CHECK(stars[1].begin == 6);
  CHECK(stars[1].end == 7);
  CHECK(set.scan("违约金\n\n", "y").empty());
  std::vector<cs::RuleMatch> digits = set.scan("按 5% 计", "z");
  REQUIRE(digits.size() == 1);
  CHECK(digits[0].begin == 4);
  CHECK(digits[0].end == 6);
}

TEST_CASE("rules: failing examples are reported with the rule file and the example's line") {
  cs::RuleSet set = parse_ok(R"([[rule]]
id = "penalty.percent-of-base"
category = "penalty"
patterns = ['(?P<base>中标金额|合同金额)的\s*(?P<percent>\d)\s*%', '(?P<base>合同金额)\s*的(?P<rate>\d+)%']
[[rule.examples]]
text = "按本项目中标金额的 30%向甲方支付违约金"
captures = { percent = "30" }
[[rule.examples]]
text = "逾期交货的，按合同总价的５％支付违约金"
[[rule.examples]]
text = "按合同金额的 3%支付"
captures = { base = "合同金额", rate = "3" }
[[rule.examples]]
text = "按合同金额的３％支付"
captures = { base = "合同金额", percent = "3" }
[[rule.counterexamples]]
text = "中标金额低于 500 万元"
[[rule.counterexamples]]
text = "履约保证金为合同总价的１０％"
[[rule.counterexamples]]
text = "合同金额的 8%"
)");
  std::vector<cs::ExampleFailure> failures = set.test_examples();
  std::vector<std::pair<int, std::string>> got;
  for (const cs::ExampleFailure& failure : failures) {
    CHECK(failure.file == "t.toml");
    CHECK(failure.rule == set.find("penalty.percent-of-base"));
    got.emplace_back(failure.line, failure.reason);
  }
  using Row = std::pair<int, std::string>;
  CHECK(got == std::vector<Row>{
                   Row{5, "did not match"},
                   Row{8, "did not match"},
                   Row{10, "capture rate: absent, want \"3\""},
                   Row{20, "counterexample matched \"合同金额的 8%\" (pattern 1)"},
               });
}

TEST_CASE("rules: a capture with the wrong value is named with what it got") {
  cs::RuleSet set = parse_ok(R"([[rule]]
id = "deposit.percent"
category = "deposit"
pattern = '保证金为(?P<base>合同金额|合同总价)的(?P<percent>\d+)%'
[[rule.examples]]
text = "履约保证金为合同金额的１０％"
captures = { base = "合同总价", percent = "10" }
)");
  std::vector<cs::ExampleFailure> failures = set.test_examples();
  REQUIRE(failures.size() == 1);
  CHECK(failures[0].line == 5);
  CHECK(failures[0].reason == "capture base: got \"合同金额\", want \"合同总价\"");
}

namespace {

// Realistic patterns over the normalized text, for comparing the Set path with each pattern
// run alone.
constexpr const char* kPropertyRules = R"(
[[rule]]
id = "money"
category = "money"
patterns = ['(?P<amount>\d+(?:,\d{3})*(?:\.\d+)?)\s*(?P<unit>万元|元)', '人民币\s*(?P<words>[零壹贰叁肆伍陆柒捌玖拾佰仟万亿元角分整]+)']
[[rule]]
id = "percent"
category = "rate"
pattern = '(?P<value>\d+(?:\.\d+)?)\s*%'
[[rule]]
id = "date"
category = "date"
pattern = '(?P<year>\d{4})\s*年\s*(?P<month>\d{1,2})\s*月(?:\s*(?P<day>\d{1,2})\s*日)?'
[[rule]]
id = "duration"
category = "duration"
pattern = '(?P<count>\d+|[一二三四五六七八九十]+)\s*(?:个)?(?P<unit>日历天|工作日|日|天|个月|月|年)(?:内|以内)?'
[[rule]]
id = "party"
category = "party"
pattern = '(?P<role>甲方|乙方|丙方|发包人|承包人|出租人|承租人|买方|卖方)'
[[rule]]
id = "penalty"
category = "penalty"
patterns = ['违约金', '(?P<base>合同总价|合同金额|中标金额|合同价款)的\s*(?P<percent>\d+(?:\.\d+)?)\s*%']
[[rule]]
id = "blank"
category = "check"
pattern = '_{3,}|\s{4,}'
[[rule]]
id = "empty-able"
category = "check"
pattern = '第?\d*条?'
[[rule]]
id = "court"
category = "dispute"
patterns = ['(?P<court>[^\s,。;]{2,20}人民法院)', '(?P<body>[^\s,。;]{2,6}仲裁委员会)']
[[rule]]
id = "penalty.daily"
category = "penalty"
pattern = '每(?:逾期|迟延)?(?:一|1)\s*(?:日|天)[^,。;]{0,12}?(?P<value>\d+(?:\.\d+)?)\s*(?P<unit>%|‰|元)'
[[rule]]
id = "party.name"
category = "party"
pattern = '(?P<role>甲方|乙方)(?:\([^)]{1,8}\))?:\s*(?P<name>[^\s,。;]{2,10})'
)";

struct PlainMatch {
  std::string rule;
  int pattern;
  std::size_t begin, end;
  std::vector<std::tuple<std::string, std::size_t, std::size_t>> captures;
  bool operator==(const PlainMatch&) const = default;
};

PlainMatch plain(const cs::RuleMatch& match) {
  PlainMatch result{match.rule->id, match.pattern, match.begin, match.end, {}};
  for (const cs::Capture& capture : match.captures) {
    result.captures.emplace_back(std::string(capture.name), capture.begin, capture.end);
  }
  return result;
}

// The matches of every pattern on its own, line by line, written without the Set.
std::vector<PlainMatch> reference_scan(const cs::RuleSet& set, std::string_view text) {
  std::vector<PlainMatch> all;
  std::size_t line_begin = 0;
  while (line_begin <= text.size()) {
    std::size_t line_end = std::min(text.find('\n', line_begin), text.size());
    std::vector<PlainMatch> line;
    for (const auto& rule : set.rules()) {
      for (std::size_t index = 0; index < rule->patterns.size(); ++index) {
        const RE2& regex = rule->patterns[index]->regex();
        std::vector<re2::StringPiece> groups(regex.NumberOfCapturingGroups() + 1);
        re2::StringPiece subject(text.data() + line_begin, line_end - line_begin);
        std::size_t from = 0;
        while (from <= subject.size() && regex.Match(subject, from, subject.size(), RE2::UNANCHORED,
                                                     groups.data(), int(groups.size()))) {
          std::size_t begin = groups[0].data() - text.data();
          from = begin - line_begin + std::max<std::size_t>(groups[0].size(), 1);
          if (groups[0].empty()) {
            while (from < subject.size() && (subject[from] & 0xC0) == 0x80) ++from;
            continue;
          }
          PlainMatch match{rule->id, int(index), begin, begin + groups[0].size(), {}};
          for (const auto& [number, name] : regex.CapturingGroupNames()) {
            if (groups[number].data() == nullptr) continue;
            std::size_t capture = groups[number].data() - text.data();
            match.captures.emplace_back(name, capture, capture + groups[number].size());
          }
          bool repeated = std::any_of(line.begin(), line.end(), [&](const PlainMatch& other) {
            return other.rule == match.rule && other.begin == match.begin && other.end == match.end;
          });
          if (!repeated) line.push_back(match);
        }
      }
    }
    std::stable_sort(line.begin(), line.end(),
                     [](const auto& left, const auto& right) { return left.begin < right.begin; });
    all.insert(all.end(), line.begin(), line.end());
    line_begin = line_end + 1;
  }
  return all;
}

}  // namespace

TEST_CASE("rules: the Set path gives exactly what each pattern gives alone (real corpus)") {
  if (!fs::is_directory(kCorpusDir)) {
    MESSAGE("skipped: no corpus at " << kCorpusDir.string());
    return;
  }
  cs::RuleSet set = parse_ok(kPropertyRules);
  std::size_t files = 0, matches = 0;
  for (const fs::directory_entry& entry : fs::directory_iterator(kCorpusDir)) {
    if (entry.path().extension() != ".txt") continue;
    std::string text = cs::normalize(read_text(entry.path()));
    std::vector<PlainMatch> got;
    for (const cs::RuleMatch& match : set.scan(text)) got.push_back(plain(match));
    std::vector<PlainMatch> want = reference_scan(set, text);
    CAPTURE(entry.path().filename().string());
    CHECK(got.size() == want.size());
    CHECK(got == want);
    ++files;
    matches += got.size();
  }
  CHECK(files > 0);
  CHECK(matches > 1000);
}

TEST_CASE("rules: a scan gives what each pattern gives alone, also once patterns change form") {
  // A pattern scans its first 4 KB of lines with its searcher ("(?s:.*?)(...)" anchored),
  // then as written (scan.cpp): scanning the samples three times with one set runs both.
  cs::RuleSet set = parse_ok(kPropertyRules);
  std::size_t matches = 0;
  for (int pass = 0; pass < 3; ++pass) {
    for (const fs::directory_entry& entry : fs::directory_iterator(kSourceDir / "samples")) {
      if (entry.path().extension() != ".txt") continue;
      std::string text = cs::normalize(read_text(entry.path()));
      std::vector<PlainMatch> got;
      for (const cs::RuleMatch& match : set.scan(text)) got.push_back(plain(match));
      CAPTURE(pass);
      CAPTURE(entry.path().filename().string());
      CHECK(got == reference_scan(set, text));
      matches += got.size();
    }
  }
  CHECK(matches > 1000);
}

TEST_CASE("rules: compiled on first use, a pattern's syntax is still checked when loaded") {
  struct Case {
    const char* name;
    const char* toml;
    const char* when_loaded;
    const char* on_first_use;
  };
  const Case cases[] = {
      {"syntax error", "[[rule]]\nid = \"a\"\ncategory = \"x\"\npattern = '(?P<n>x'\n",
       "t.toml:4: rule \"a\": pattern 1: missing ): (?P<n>x",
       "t.toml:4: rule \"a\": pattern 1: missing ): (?P<n>x"},
      {"duplicate name",
       "[[rule]]\nid = \"a\"\ncategory = \"x\"\npattern = '(?P<n>\\d+)元|(?P<n>\\d+)%'\n",
       "t.toml:4: rule \"a\": pattern 1: duplicate capture group name \"n\"",
       "t.toml:4: rule \"a\": pattern 1: duplicate capture group name \"n\""},
      // Only compiling finds a pattern too large for RE2.
      {"too large", "[[rule]]\nid = \"a\"\ncategory = \"x\"\npattern = '(\\pL{100}){10}'\n",
       "t.toml:4: rule \"a\": pattern 1: pattern too large - compile failed", "no error"},
  };
  for (const Case& test : cases) {
    CAPTURE(std::string(test.name));
    CHECK(parse_error(test.toml, cs::Compile::when_loaded) == test.when_loaded);
    CHECK(parse_error(test.toml, cs::Compile::on_first_use) == test.on_first_use);
  }
}

TEST_CASE("rules: a pattern compiled on first use matches as one compiled when loaded") {
  cs::Result<cs::RuleSet> lazy =
      cs::RuleSet::parse(kPropertyRules, "t.toml", cs::Compile::on_first_use);
  REQUIRE(lazy.ok());
  cs::RuleSet eager = parse_ok(kPropertyRules);
  std::string text = cs::normalize(read_text(kSourceDir / "samples" / "procurement_service.txt"));
  std::vector<PlainMatch> from_lazy, from_eager;
  for (const cs::RuleMatch& match : lazy.value().scan(text)) from_lazy.push_back(plain(match));
  for (const cs::RuleMatch& match : eager.scan(text)) from_eager.push_back(plain(match));
  CHECK(from_lazy.size() > 50);
  CHECK(from_lazy == from_eager);
}

TEST_CASE("rules: a pattern ending inside \\Q matches the same compiled either way") {
  // The searcher wraps the pattern in "(?s:.*?)(...)": an open \Q must be closed first.
  const char* toml = "[[rule]]\nid = \"a\"\ncategory = \"x\"\npattern = '(?P<n>\\d+)\\Q(元)'\n";
  for (cs::Compile compile : {cs::Compile::when_loaded, cs::Compile::on_first_use}) {
    cs::Result<cs::RuleSet> set = cs::RuleSet::parse(toml, "t.toml", compile);
    REQUIRE_MESSAGE(set.ok(), set.error().message());
    std::vector<cs::RuleMatch> matches = set.value().scan("付 12(元) 与 7元");
    REQUIRE(matches.size() == 1);
    CHECK(matches[0].begin == 4);
    CHECK(matches[0].end == 11);
  }
  CHECK(cs::rules_detail::ends_in_quote(R"(\d\Q(元))"));
  CHECK_FALSE(cs::rules_detail::ends_in_quote(R"(\d\Q(元)\E+)"));
}

TEST_CASE("rules: the named groups of a pattern, read from its text") {
  struct Case {
    const char* pattern;
    std::vector<std::string_view> names;
  };
  const Case cases[] = {
      {R"((?P<base>中标金额|合同金额)的\s*(?P<percent>\d+)%)", {"base", "percent"}},
      {R"(\(?P<no>x\)(?P<yes>y))", {"yes"}},        // an escaped parenthesis opens no group
      {R"([(?P<no>]+(?P<yes>y))", {"yes"}},         // nor one in a class
      {R"(\Q(?P<no>\E(?P<yes>y))", {"yes"}},        // nor quoted text
      {R"((?P<n>\d+)元|(?P<n>\d+)%)", {"n", "n"}},  // a name given twice is listed twice
      {R"((?:x)(\d+)(?i:y))", {}},
  };
  for (const Case& test : cases) {
    CAPTURE(std::string(test.pattern));
    CHECK(cs::rules_detail::named_groups(test.pattern) == test.names);
  }
}

TEST_CASE("rules: the Set holds each pattern with its bounded repeats widened") {
  struct Case {
    const char* pattern;
    const char* filter;
  };
  const Case cases[] = {
      {R"(\d{1,2}月)", R"(\d{1,}月)"},
      {R"([^,。;]{2,40}人民法院)", R"([^,。;]{2,}人民法院)"},
      {R"((?:甲方){0,20}?)", R"((?:甲方){0,}?)"},
      {R"(\p{Han}{1,3}\x{4E00}{2,5})", R"(\p{Han}{1,}\x{4E00}{2,})"},
      {R"(\d{4}年)", R"(\d{4}年)"},        // an exact count stays
      {R"(a{2,}b{,3})", R"(a{2,}b{,3})"},  // open and literal braces stay
      {R"([{1,2}]x)", R"([{1,2}]x)"},      // braces in a class are characters
      {R"([]{1,2}]x)", R"([]{1,2}]x)"},    // a leading ']' does not close it
      {R"([^]{1,2}]x)", R"([^]{1,2}]x)"},
      {R"([[:digit:]{1,2}]{1,2})", R"([[:digit:]{1,2}]{1,})"},
      {R"(\{1,2\}x{1,2})", R"(\{1,2\}x{1,})"},      // escaped braces are characters
      {R"(\Q{1,2}\Ex{3,4})", R"(\Q{1,2}\Ex{3,})"},  // so is quoted text
      {R"([\]{1,2}]{3,4})", R"([\]{1,2}]{3,})"},
  };
  for (const Case& test : cases) {
    CAPTURE(std::string(test.pattern));
    CHECK(cs::rules_detail::set_filter_pattern(test.pattern) == test.filter);
    RE2::Options options;
    options.set_log_errors(false);
    CHECK(RE2(test.pattern, options).ok());
    CHECK(RE2(test.filter, options).ok());
  }
}

TEST_CASE("rules: an empty RuleSet scans to nothing") {
  cs::RuleSet set = parse_ok("# no rules yet\n");
  CHECK(set.rules().empty());
  CHECK(set.scan("甲方应支付 100 元").empty());
  CHECK(set.test_examples().empty());
  cs::RuleSet default_set;
  CHECK(default_set.scan("甲方").empty());
  CHECK(default_set.find("x") == nullptr);
}

TEST_CASE("rules: find_rules_dir") {
  SUBCASE("an override that does not exist") {
    cs::Result<fs::path> dir = cs::find_rules_dir(kRuleData / "missing-rules");
    REQUIRE(!dir.ok());
    CHECK(dir.error().kind == cs::ErrorKind::io);
    CHECK(dir.error().reason ==
          "rules folder not found: " + (kRuleData / "missing-rules").string());
  }
  SUBCASE("an override that exists is taken as it is") {
    cs::Result<fs::path> dir = cs::find_rules_dir(kRuleData / "ordered");
    REQUIRE(dir.ok());
    CHECK(dir.value() == kRuleData / "ordered");
  }
  SUBCASE("no override: the source tree's rules/ for a binary that is not installed") {
    cs::Result<fs::path> dir = cs::find_rules_dir({});
    REQUIRE(dir.ok());
    CHECK(fs::equivalent(dir.value(), kSourceDir / "rules"));
  }
}
