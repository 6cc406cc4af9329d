// rules.h: stage 5 of the pipeline, the patterns from rules/*.toml.
//
// A rule file holds [[rule]] tables (docs/rules.md has the format and a worked example):
//
//   [[rule]]
//   id = "penalty.percent-of-base"          # unique over all files
//   category = "penalty"                    # which extractor or check reads the matches
//   description = "违约金 as a percentage of a named sum"
//   severity = "warning"                    # only for rules that produce findings
//   kind = "liquidated_damages"             # any other string key is an attribute
//   patterns = ['(?P<base>中标金额|合同金额)的\s*(?P<percent>\d+(?:\.\d+)?)\s*%']
//   [[rule.examples]]                       # must match, giving these captures
//   text = "按本项目中标金额的 30%向甲方支付违约金"
//   captures = { base = "中标金额", percent = "30" }
//   [[rule.counterexamples]]                # must not match
//   text = "中标金额低于 500 万元"
//
// Patterns are RE2 syntax, written against the normalized text (normalize.h: ASCII digits and
// punctuation, '-' for dashes), and match within one line. Named groups carry the fields the
// extractor reads.
//
// Compiling: loading parses every pattern (RE2's syntax errors, duplicate group names), and by
// default compiles it too (Compile::when_loaded), so that a pattern RE2 cannot compile (too
// large for its memory budget) is also a load error. Compile::on_first_use leaves each pattern
// to be compiled when a scan first needs it: compiling all the bundled patterns costs more
// than summarizing a typical contract, and a contract needs only a third of them. It is for
// rule sets already known to compile, as the bundled ones are (the test suite and `clause-scan
// rules test` compile them whole); a pattern that then fails to compile matches nothing. The
// RE2::Sets that scanning uses are compiled on first use either way (see Scanning).
//
// Scanning: one RE2::Set over the patterns scanned for finds, per line, the patterns that
// can match; only those run again, alone, to give positions and captures (RE2::Set runs at
// several hundred MB/s with dozens of patterns; FilteredRE2 was slower here). The Set holds
// each pattern with its bounded repeats widened (X{m,n} -> X{m,}): a looser pattern that
// matches wherever the real one does, without which the Set's DFA thrashes (1 MB/s instead
// of ~300 with 55 patterns). Each pattern gives its non-overlapping, non-empty matches,
// leftmost first; a span that a rule already reported through an earlier pattern is not
// reported again. A Set that RE2 cannot compile (too large for its memory budget) is no
// error: every pattern of it is then tried on every line, slower, with the same matches.
//
// Options of every pattern: UTF-8, leftmost-first (longest_match false), log_errors false
// (the library never prints), RE2's default max_mem; (?P<name>...) for named groups, and a
// name may appear once per pattern.
//
// Failure: loading gives ErrorKind::rule with reason "path:line: reason" (Error::file empty,
// since the reason names the file), the reason being the TOML parser's or RE2's own words
// (with Compile::when_loaded, also for a pattern RE2 rejects as too large), a duplicate id, a
// missing key, a key of the wrong type or an unknown severity; ErrorKind::io for an unreadable
// folder or file, or a folder with no *.toml in it. docs/rules.md lists every message.
// Thread-safety: a loaded RuleSet is immutable (the patterns and Sets it compiles on first use
// are guarded) and may be shared by any number of threads.
#pragma once

#include <cstddef>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "clause_scan/error.h"

namespace re2 {
class RE2;
class Set;
}  // namespace re2

namespace clause_scan {

enum class Severity { error, warning, info };
std::string_view to_string(Severity severity);                  // "error", "warning", "info"
std::optional<Severity> parse_severity(std::string_view name);  // the inverse

struct RuleExample {
  std::string text;                             // as written in the rule file
  std::map<std::string, std::string> captures;  // expected named captures (must match only)
  bool must_match = true;                       // false for counterexamples
  int line = 0;                                 // line of the example in the rule file
};

enum class Compile { when_loaded, on_first_use };

// One pattern of a rule, compiled when the set loads or on first use (Compile above).
// Thread-safe: any number of threads may ask for a compiled form at once; one compiles it.
class Pattern {
 public:
  explicit Pattern(std::string source);
  ~Pattern();
  Pattern(const Pattern&) = delete;
  Pattern& operator=(const Pattern&) = delete;

  const std::string& source() const { return source_; }
  // The pattern as written (UTF-8, leftmost-first); check ok() for a pattern not yet known to
  // compile.
  const re2::RE2& regex() const;
  // Name of each group of regex() up to the last named one (nullptr when unnamed).
  const std::vector<const std::string*>& group_names() const;

  // The pattern as a line scan starts it: "(?s:.*?)(" source ")", searched anchored at a start
  // offset, so that group 1 is the leftmost-first match and the named groups follow. RE2 runs
  // an anchored search with groups on a short line in one backtracking pass (BitState), where
  // an unanchored search of regex() runs a DFA forwards to find where the match ends, then a
  // reverse DFA (a second compile) to find where it begins, then the groups: cheaper once the
  // DFAs are built, dearer until then (scan.cpp chooses).
  const re2::RE2& searcher() const;
  // Name of each group of searcher() up to the last named one (nullptr when unnamed).
  const std::vector<const std::string*>& searcher_group_names() const;

 private:
  struct Compiled;
  // Compiles source_, wrapped as searcher() says when `as_searcher`, on the first call.
  const Compiled& compiled(std::once_flag& once, std::unique_ptr<Compiled>& form,
                           bool as_searcher) const;

  std::string source_;
  mutable std::once_flag regex_once_;
  mutable std::unique_ptr<Compiled> regex_;
  mutable std::once_flag searcher_once_;
  mutable std::unique_ptr<Compiled> searcher_;
};

struct Rule {
  std::string id;
  std::string category;
  std::string description;
  std::optional<Severity> severity;
  std::map<std::string, std::string> attributes;  // every other string key (kind, role, ...)
  std::vector<std::string> pattern_sources;
  std::vector<std::unique_ptr<Pattern>> patterns;  // same order as pattern_sources
  std::vector<RuleExample> examples;
  std::string file;  // path of the rule file
  int line = 0;      // line of the [[rule]] header

  // The attribute `key`, or `fallback` when the rule does not set it.
  std::string_view attribute(std::string_view key, std::string_view fallback = "") const;
};

struct Capture {
  std::string_view name;  // the group name, owned by the RuleSet
  std::size_t begin = 0;  // offsets into the scanned text
  std::size_t end = 0;
};

struct RuleMatch {
  const Rule* rule = nullptr;
  int pattern = 0;        // index into rule->patterns
  std::size_t begin = 0;  // offsets into the scanned text
  std::size_t end = 0;
  std::vector<Capture> captures;  // the named groups that took part in the match

  const Capture* capture(std::string_view name) const;  // nullptr when absent
};

// A failed example, for `clause-scan rules test`.
struct ExampleFailure {
  const Rule* rule = nullptr;
  std::string file;
  int line = 0;        // the example's line
  std::string reason;  // "did not match", "capture percent: got \"3\", want \"30\"", ...
};

class RuleSet {
 public:
  RuleSet();
  ~RuleSet();
  RuleSet(RuleSet&&) noexcept;
  RuleSet& operator=(RuleSet&&) noexcept;

  // Loads every *.toml file of `dir` (sorted by name; names starting with '.' are skipped)
  // into one set. Rule ids are unique over all the files. The files are read and parsed on
  // as many threads as there are cores to use, and joined in order: the rules, and the error
  // of a broken folder (the first the files in order give), are those of a load one by one.
  static Result<RuleSet> load_dir(const std::filesystem::path& dir,
                                  Compile compile = Compile::when_loaded);
  // Loads the given files, in order.
  static Result<RuleSet> load_files(const std::vector<std::filesystem::path>& files,
                                    Compile compile = Compile::when_loaded);
  // Parses rule-file text; `file` names it in errors.
  static Result<RuleSet> parse(std::string_view toml, std::string_view file,
                               Compile compile = Compile::when_loaded);

  const std::vector<std::unique_ptr<Rule>>& rules() const;
  const Rule* find(std::string_view id) const;

  // All matches of all rules in `text`, ordered by begin offset, then by rule order (then
  // by pattern order). Lines are split at '\n'; no match spans two lines.
  std::vector<RuleMatch> scan(std::string_view text) const;
  // Only the rules of one category (each category has its own Set); none for an unknown one.
  std::vector<RuleMatch> scan(std::string_view text, std::string_view category) const;
  // Only the lines of `text` that overlap [begin, end) (a line with its '\n'; the line that
  // holds `begin` when the range is empty): the matches scan(text, category) gives on those
  // lines, with offsets into the whole `text`. For the words around a hit, without a pass
  // over the whole document.
  std::vector<RuleMatch> scan(std::string_view text, std::string_view category, std::size_t begin,
                              std::size_t end) const;
  // Several categories (each named once) in one pass: one RE2::Set over all their patterns,
  // made on first use of that combination. Element i is what scan(text, categories[i]) gives.
  // Once its DFA is built, a pass over a line costs about what one category's pass does, but
  // building it costs more: the first megabyte a RuleSet scans this way (the first contracts
  // of a run) is scanned category by category, with the same result.
  std::vector<std::vector<RuleMatch>> scan_categories(
      std::string_view text, const std::vector<std::string_view>& categories) const;
  // Whether scan_categories now scans several categories in one pass (it has scanned its first
  // megabyte), rather than category by category: for a caller that splits the work itself.
  bool combines_categories() const;

  // Runs every rule's examples against its own patterns (examples are normalized first).
  std::vector<ExampleFailure> test_examples() const;

 private:
  struct Impl;
  explicit RuleSet(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;  // never null, except in a moved-from RuleSet
};

// Where the rules live: `override_dir` when not empty; else the share folder of an installed
// binary (<bin>/../share/clause-scan/rules); else the source tree's rules/. ErrorKind::io when
// none exists.
Result<std::filesystem::path> find_rules_dir(const std::filesystem::path& override_dir);

}  // namespace clause_scan
