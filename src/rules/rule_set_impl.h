// rule_set_impl.h: the private parts of RuleSet, shared by the files of src/rules/.
//
// rule_file.cpp turns TOML text into RuleDrafts (the only file that includes toml++, which is
// slow to compile); rule_set.cpp compiles the drafts into a RuleSet; scan.cpp and examples.cpp
// run it.
#pragma once

#include <re2/re2.h>
#include <re2/set.h>

#include <atomic>
#include <cstddef>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "clause_scan/error.h"
#include "clause_scan/rules.h"

namespace clause_scan::rules_detail {

// A rule as read from its file, before its patterns are compiled.
struct RuleDraft {
  Rule rule;                       // everything but `patterns`
  std::vector<int> pattern_lines;  // line of each pattern source in the file
};

// Reads the [[rule]] tables of one rule file. Checks the shape (keys, types, severity) but
// not the patterns; errors are ErrorKind::rule "file:line: reason".
Result<std::vector<RuleDraft>> read_rule_file(std::string_view toml, std::string_view file);

// The pattern as the RE2::Set holds it: bounded repeats X{m,n} widened to X{m,}, which
// matches wherever `pattern` does and keeps the Set's DFA small (set_filter.cpp says why).
std::string set_filter_pattern(std::string_view pattern);

// The names of the named groups of `pattern`, which RE2 has parsed, in order (a name given
// twice is listed twice). Read from the text, so that loading need not compile the pattern.
std::vector<std::string_view> named_groups(std::string_view pattern);

// Whether `pattern` ends inside a \Q...\E quote left open (RE2 reads \Qx( as "x("): whatever
// is written after it is quoted too, so a wrapper must close the quote before its ")".
bool ends_in_quote(std::string_view pattern);

// The options of every pattern: UTF-8, leftmost-first, silent (the library never prints).
RE2::Options pattern_options();

// The error every loader returns: ErrorKind::rule, reason "file:line: what".
Error rule_error(std::string_view file, int line, std::string_view what);

// What scanning needs to know about one pattern.
struct PatternInfo {
  const Rule* rule = nullptr;
  int rule_index = 0;     // position of the rule in the set, for ordering matches
  int pattern_index = 0;  // index into rule->patterns
  // Bytes of lines this pattern has scanned, for choosing its compiled form (scan.cpp).
  // Points into RuleSetData::searched_bytes.
  std::atomic<std::size_t>* searched_bytes = nullptr;

  const Pattern& pattern() const { return *rule->patterns[pattern_index]; }
};

// The patterns of one category, or of several, and the RE2::Sets that find which of them may
// match a line: one Set per chunk of `chunk_size` patterns (all in one when 0). The Sets are
// compiled on first use (sets_of), so that loading compiles nothing and a Set nobody scans
// with (the checks' category in a summary, the Set of every pattern) costs nothing.
//
// Why chunks: on a document's first lines a Set costs mostly the DFA states it builds, and a
// state of a Set holds the threads of all its patterns; several small Sets build fewer and
// smaller states than one large one. Once built, one large Set is faster, which is what the
// combined Sets of several categories are for (scan.cpp). Measured with callgrind (RE2
// 20220601): chunks of 8 patterns cost the seed contract 5% fewer instructions from process
// start than whole categories, and 2 MB of contracts in one process the same; chunks of 4
// saved 7% and cost 3% more on 2 MB.
struct PatternSet {
  std::vector<int> patterns;
  std::size_t chunk_size = 0;
  std::once_flag compiled;
  // One per chunk, in order. Null for a chunk RE2 could not compile (too large for its
  // memory budget): every pattern of it is then a candidate on every line, which is slower
  // and gives the same matches.
  std::vector<std::unique_ptr<RE2::Set>> sets;
};

// Sets made on demand for combinations of categories (RuleSet::scan with several), by the
// categories' names joined with '\n'. Guarded by `mutex`: a RuleSet is shared by threads.
struct CombinedSets {
  std::mutex mutex;
  std::map<std::string, std::unique_ptr<PatternSet>, std::less<>> by_names;
  // Bytes RuleSet::scan_categories has scanned so far, with the categories' own Sets until
  // kCombineAfterBytes (scan.cpp says why).
  std::atomic<std::size_t> scanned_bytes{0};
};

// Every non-overlapping, non-empty match of one pattern in `line`, which lies inside `text`;
// offsets in the matches are relative to `text`. Appends to `out`.
void match_pattern(const PatternInfo& pattern, std::string_view text, std::string_view line,
                   std::vector<RuleMatch>& out);

// Calls `visit(line)` for each line of `text` (without its '\n'), in order.
template <typename Visit>
void for_each_line(std::string_view text, Visit&& visit) {
  std::size_t begin = 0;
  while (begin <= text.size()) {
    std::size_t end = text.find('\n', begin);
    if (end == std::string_view::npos) end = text.size();
    visit(text.substr(begin, end - begin));
    begin = end + 1;
  }
}

// Everything a RuleSet holds (RuleSet::Impl is this; the name RuleSet::Impl is private).
struct RuleSetData {
  std::vector<std::unique_ptr<Rule>> rules;
  std::vector<PatternInfo> patterns;                           // all patterns, in rule order
  std::unique_ptr<std::atomic<std::size_t>[]> searched_bytes;  // one per pattern
  std::unique_ptr<PatternSet> all;                             // every pattern
  std::map<std::string, std::unique_ptr<PatternSet>, std::less<>> by_category;
  std::unique_ptr<CombinedSets> combined = std::make_unique<CombinedSets>();
};

// The compiled Sets of `set`, one per chunk, compiling them on first use.
const std::vector<std::unique_ptr<RE2::Set>>& sets_of(const RuleSetData& data, PatternSet& set);

// Every match of the patterns of `set` in the lines of `text` that overlap [begin, end) (a
// line with its '\n'; the line holding `begin` when the range is empty), in the order
// RuleSet::scan promises. Appends to `out`.
void scan_with(const RuleSetData& data, PatternSet& set, std::string_view text, std::size_t begin,
               std::size_t end, std::vector<RuleMatch>& out);

}  // namespace clause_scan::rules_detail

namespace clause_scan {

struct RuleSet::Impl : rules_detail::RuleSetData {};

}  // namespace clause_scan
