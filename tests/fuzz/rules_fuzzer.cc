// rules_fuzzer: RuleSet::parse on arbitrary TOML, then the loaded rules at work.
// Properties: no crash and no exception; an error is of kind rule (or io) and names
// "fuzz.toml:LINE" as its file, LINE a line of the input, with a one-line reason; a set that
// loads runs its examples and scans text (the rule file itself, and a contract sentence)
// giving matches in order, inside one line, with their captures inside them; each pattern's
// searcher ("(?s:.*?)(p)" searched anchored, rules.h) finds on each line exactly the matches
// and groups the pattern finds searched unanchored; a rule file loads compiled on first use
// exactly when it loads compiled whole, but for a pattern too large for RE2.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include <re2/re2.h>

#include "clause_scan/normalize.h"
#include "clause_scan/rules.h"
#include "fuzz_support.h"

namespace {

using clause_scan::ErrorKind;
using clause_scan::RuleMatch;
using clause_scan::RuleSet;

constexpr std::string_view kFile = "fuzz.toml";
constexpr std::string_view kContract =
    "1.1 中标金额：人民币 1977800 元（大写：壹佰玖拾柒万柒仟捌佰元整）。\n"
    "9.3 乙方逾期交付的，每日按合同总额的 0.05% 向甲方支付违约金，最高不超过合同总额的 10%。\n"
    "甲方（采购人）：东川市数据管理中心  签订日期：2026 年 1 月 16 日\n";

void check_error(const clause_scan::Error& error, std::string_view toml) {
  FUZZ_CHECK(error.kind == ErrorKind::rule || error.kind == ErrorKind::io, "kind %s",
             std::string(to_string(error.kind)).c_str());
  FUZZ_CHECK(!error.reason.empty() && error.reason.find('\n') == std::string::npos,
             "reason is not one line: '%s'", error.reason.c_str());
  if (error.kind != ErrorKind::rule) return;
  const std::string prefix = std::string(kFile) + ":";
  FUZZ_CHECK(error.file.starts_with(prefix), "file '%s'", error.file.c_str());
  const std::string number = error.file.substr(prefix.size());
  FUZZ_CHECK(!number.empty() && number.size() < 10 &&
                 number.find_first_not_of("0123456789") == std::string::npos,
             "file '%s'", error.file.c_str());
  const long line = std::stol(number);
  long lines = 1;
  for (char c : toml) lines += c == '\n';
  FUZZ_CHECK(line >= 1 && line <= lines, "line %ld of %ld", line, lines);
}

void check_matches(const std::vector<RuleMatch>& matches, std::string_view text) {
  std::size_t last_begin = 0;
  for (const RuleMatch& match : matches) {
    FUZZ_CHECK(match.rule != nullptr && match.pattern >= 0 &&
                   match.pattern < static_cast<int>(match.rule->patterns.size()),
               "match without its rule or pattern");
    FUZZ_CHECK(match.begin >= last_begin && match.begin < match.end && match.end <= text.size(),
               "match [%zu, %zu) of %zu bytes, after %zu", match.begin, match.end, text.size(),
               last_begin);
    last_begin = match.begin;
    FUZZ_CHECK(text.substr(match.begin, match.end - match.begin).find('\n') == std::string::npos,
               "match [%zu, %zu) spans two lines", match.begin, match.end);
    for (const clause_scan::Capture& capture : match.captures) {
      FUZZ_CHECK(
          capture.begin <= capture.end && capture.begin >= match.begin && capture.end <= match.end,
          "capture %.*s outside its match", static_cast<int>(capture.name.size()),
          capture.name.data());
    }
  }
}

void check_scans(const RuleSet& rules, std::string_view text) {
  check_matches(rules.scan(text), text);
  std::set<std::string> categories;
  for (const auto& rule : rules.rules()) categories.insert(rule->category);
  std::vector<std::string_view> all;
  for (const std::string& category : categories) {
    check_matches(rules.scan(text, category), text);
    all.push_back(category);
  }
  const std::vector<std::vector<RuleMatch>> each = rules.scan_categories(text, all);
  FUZZ_CHECK(each.size() == all.size(), "scan_categories gave %zu lists for %zu", each.size(),
             all.size());
  for (const auto& matches : each) check_matches(matches, text);
}

// The spans of every match of `regex` in `line` and of its groups, `match_group` being the
// group that holds the match, searched from each match's end (one character on at an empty
// one), as the scan does.
std::vector<std::string> spans(const re2::RE2& regex, RE2::Anchor anchor, int match_group,
                               std::string_view line) {
  std::vector<std::string> found;
  const int groups = regex.NumberOfCapturingGroups() + 1;
  if (groups <= match_group) return {"too few groups"};
  std::vector<re2::StringPiece> group(groups);
  const re2::StringPiece subject(line.data(), line.size());
  std::size_t position = 0;
  while (position <= line.size() &&
         regex.Match(subject, position, line.size(), anchor, group.data(), groups)) {
    std::string match;
    for (int index = match_group; index < groups; ++index) {
      if (group[index].data() == nullptr) {
        match += "-|";
        continue;
      }
      match += std::to_string(group[index].data() - line.data()) + "+" +
               std::to_string(group[index].size()) + "|";
    }
    found.push_back(match);
    std::size_t end = static_cast<std::size_t>(group[match_group].data() - line.data()) +
                      group[match_group].size();
    if (group[match_group].empty()) {  // one character on, never into the middle of one
      ++end;
      while (end < line.size() && (static_cast<unsigned char>(line[end]) & 0xC0) == 0x80) ++end;
    }
    position = end;
  }
  return found;
}

void check_searchers(const RuleSet& rules, std::string_view text) {
  for (const auto& rule : rules.rules()) {
    for (const auto& pattern : rule->patterns) {
      // A pattern that compiles has a searcher that compiles, unless the few instructions
      // of the wrapper take it past RE2's memory budget.
      FUZZ_CHECK(!pattern->regex().ok() || pattern->searcher().ok() ||
                     pattern->searcher().error_code() == RE2::ErrorPatternTooLarge,
                 "searcher of %s: %s", pattern->source().c_str(),
                 pattern->searcher().error().c_str());
      if (!pattern->regex().ok() || !pattern->searcher().ok()) continue;
      std::size_t begin = 0;
      while (begin <= text.size()) {
        std::size_t end = std::min(text.find('\n', begin), text.size());
        const std::string_view line = text.substr(begin, end - begin);
        FUZZ_CHECK(spans(pattern->regex(), RE2::UNANCHORED, 0, line) ==
                       spans(pattern->searcher(), RE2::ANCHOR_START, 1, line),
                   "searcher and pattern disagree: %s", pattern->source().c_str());
        begin = end + 1;
      }
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view toml(reinterpret_cast<const char*>(data), size);
  clause_scan::Result<RuleSet> rules = RuleSet::parse(toml, kFile);
  clause_scan::Result<RuleSet> parsed =
      RuleSet::parse(toml, kFile, clause_scan::Compile::on_first_use);
  if (!rules.ok()) {
    check_error(rules.error(), toml);
    // Compiling when loaded finds only what parsing cannot: a pattern too large for RE2.
    FUZZ_CHECK(!parsed.ok() || rules.error().reason.find("pattern too large") != std::string::npos,
               "loads compiled on first use, not when loaded: %s", rules.error().reason.c_str());
    return 0;
  }
  FUZZ_CHECK(parsed.ok(), "loads when compiled, not when parsed: %s",
             parsed.ok() ? "" : parsed.error().reason.c_str());
  (void)rules->test_examples();
  check_scans(rules.value(), kContract);
  const std::string text = clause_scan::normalize(clause_scan::fuzz::to_valid_utf8(toml));
  check_scans(rules.value(), text);
  check_searchers(rules.value(), kContract);
  check_searchers(rules.value(), text);
  return 0;
}
