// check.h: linting contract templates, the CI gate of `clause-scan check`.
//
// Takes the documents of a run (extract.h: Document and its Summary), the configuration that
// applies to each of them and the rule sets that hold category "check" rules, and gives back
// findings: file, line, column, check id, severity and message. Nothing here prints; the
// writers at the end of this header take an std::ostream.
//
// The checks (docs/checks.md lists every id; `clause-scan check --explain ID` explains one):
//   - from the summary: the findings extract.h makes (amount-words-mismatch,
//     installments-not-100, undefined-base, penalty-outside-range) pass through;
//     penalty-over-ceiling (a one-off penalty above CheckLimits::penalty_percent of the
//     contract amount, or a cap above it),
//     daily-rate-over-ceiling (a per-day rate above CheckLimits::daily_rate_percent; per week,
//     month and year rates are compared with 7, 30 and 365 times that);
//   - dates: period-end-before-start, signing-after-period-end;
//   - the outline: duplicate-clause-number, clause-number-gap (also numbering that goes back),
//     dangling-reference (见第 2.2 款, 按本合同第十条 naming a clause that does not exist in
//     the part of the document the reference is in, or in the main contract);
//   - rules of category "check" (rules/checks.toml, and extra rule files): a rule whose
//     `require` attribute is "absent" (the default) gives a finding at each match (at its
//     `at`, `blank` or `box` capture when it has one; a match in which the capture `ok` took
//     part is an exception, not a finding); a rule with `require = "present"` gives one
//     finding at line 1 of a file where it matches fewer than `count` lines (default 1). A
//     rule with `content = "NAME"` is a required-content check: on only when NAME is in
//     CheckSettings::required, and also satisfied by the summary for the names it knows
//     (parties: two parties; amount; term: a period or an end date; payment-terms: an
//     installment). Each rule's `message` attribute is the finding's message in Chinese,
//     `message_en` its English (a rule without one speaks `message` in both languages), its
//     `explanation` attribute the English paragraph of --explain and `explanation_zh` the
//     Chinese one (`description` and `description_zh` likewise give the one-line summary; a
//     rule without the Chinese shows the English in both languages). Two rules that fire at
//     the same offset give one finding (the first rule's).
//   - unused-rule: with RunOptions::unused_rules, a check rule that matched nothing in the
//     whole run, reported at its line in its rule file.
// Findings carry both messages (summary.h Finding); the writers choose by Lang. Messages
// hold no line numbers or counts: they are part of the baseline fingerprint.
// Numbering: lists (1. / (1) / a) / ① / 一、) may start again at 1 or 0, as they do under
// headings the outline does not number; articles only at 第一条; 4.1-style numbers never.
//
// Configuration: `.clause-scan.toml` files found by walking up from each checked file (stop at
// the filesystem root or at a file with `root = true`; nearer files override farther ones key
// by key, like .editorconfig), or one file given with --config. docs/checks.md has the format.
// Globs: `*` and `?` within a path component, `**` across components, `[abc]`; a pattern
// without '/' matches a file name or a folder name at any depth, one with '/' matches the
// path relative to the configuration file's folder; a pattern that matches a folder matches
// everything under it.
//
// Baseline: a finding's fingerprint is its file, check id, Chinese message (whatever --lang
// the output is in) and the trimmed text of the line it points at (not the line number, so
// edits above it do not resurrect it), kept as a count: a baseline that holds two identical
// fingerprints hides two findings.
//
// Failure: configuration errors are ErrorKind::usage whose `file` is "path:line" (so that
// Error::message() reads "path:line: reason"); extra rule files fail as rules.h says, and with
// ErrorKind::rule for a rule of another category, a duplicate id, a bad `require` / `count`
// or a `message_en` without a `message`;
// a missing path or a file that cannot be read is recorded in CheckReport::errors and the run
// goes on.
// Thread-safety: check_document and the writers are pure; run_check uses RunOptions::jobs
// threads itself. ConfigResolver caches and is not thread-safe.
#pragma once

#include <cstddef>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <ostream>
#include <set>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "clause_scan/error.h"
#include "clause_scan/extract.h"
#include "clause_scan/numbers.h"
#include "clause_scan/report.h"
#include "clause_scan/rules.h"
#include "clause_scan/summary.h"

namespace clause_scan {

inline constexpr const char* kCheckSchema = "clause-scan/check/v1";
inline constexpr const char* kBaselineSchema = "clause-scan/baseline/v1";

// ---------------------------------------------------------------------------------------
// The checks

struct CheckInfo {
  std::string id;
  Severity severity = Severity::warning;  // the default severity
  std::string summary;                    // one line, English (SARIF shortDescription)
  std::string explanation;                // one paragraph, English (--explain --lang en)
  std::string origin;                     // "built-in", or "path:line" of the rule
  std::string summary_zh;                 // the line in Chinese; "": the English one
  std::string explanation_zh;             // the paragraph in Chinese; "": the English one
};

// The summary and the explanation in `lang` (the English ones when the Chinese are empty).
const std::string& summary_in(const CheckInfo& check, Lang lang);
const std::string& explanation_in(const CheckInfo& check, Lang lang);

// The checks written in code, including the extract.h findings they pass on; sorted by id.
const std::vector<CheckInfo>& builtin_checks();

// The check of `rule` (category "check"): its id, severity (warning when it sets none),
// description, `explanation` attribute (else description and message: message_en, else
// message) and origin; in Chinese its `description_zh` (else the description; without a
// description, `message`) and `explanation_zh` (else the English explanation; without an
// `explanation` either, the Chinese summary and `message`).
CheckInfo rule_check_info(const Rule& rule);

// The built-in checks and every category "check" rule of `rule_sets`, sorted by id.
std::vector<CheckInfo> check_catalog(const std::vector<const RuleSet*>& rule_sets);

// ---------------------------------------------------------------------------------------
// Settings of one file

struct CheckLimits {
  Decimal penalty_percent = Decimal::from_int(30);         // one-off penalty, % of the base
  Decimal daily_rate_percent = Decimal::from_units(5, 2);  // 0.05 (%/日)
};

// The required-content names of rules/checks.toml, in their order.
const std::vector<std::string>& default_required_content();

struct CheckSettings {
  // Check id -> its severity in this file; std::nullopt turns it off; absent: its default.
  std::map<std::string, std::optional<Severity>, std::less<>> levels;
  CheckLimits limits;
  std::vector<std::string> required = default_required_content();

  // The severity check `id` has here, or std::nullopt when it is off.
  std::optional<Severity> level(std::string_view id, Severity default_severity) const;
  bool requires_content(std::string_view name) const;
};

// ---------------------------------------------------------------------------------------
// One document

struct CheckFinding {
  Finding finding;      // rule (the check id), severity, messages, source (clause, line, column)
  std::string context;  // the trimmed normalized line it points at; "" for a whole file
};

struct DocumentCheck {
  std::vector<CheckFinding> findings;   // sorted by line, column, id
  std::set<const Rule*> rules_matched;  // check rules that matched (for unused-rule)
};

// All checks of one document. `rule_sets` are the sets whose category "check" rules apply
// (the rules folder's set first, then extra rule files).
DocumentCheck check_document(const Document& document, const Summary& summary,
                             const CheckSettings& settings,
                             const std::vector<const RuleSet*>& rule_sets);

// ---------------------------------------------------------------------------------------
// Configuration files

struct ConfigLevel {
  std::string id;
  std::optional<Severity> level;  // std::nullopt: "off"
  int line = 0;
};

// What a configuration file, or one of its [[overrides]], sets.
struct ConfigLayer {
  std::vector<ConfigLevel> checks;
  std::optional<Decimal> penalty_percent;
  std::optional<Decimal> daily_rate_percent;
  std::optional<std::vector<std::string>> required;
  int required_line = 0;
};

struct ConfigOverride {
  std::vector<std::string> paths;  // globs
  ConfigLayer layer;
};

struct ConfigRuleFile {
  std::filesystem::path path;  // resolved against the configuration file's folder
  int line = 0;
};

struct ConfigFile {
  std::filesystem::path path;  // as found or given
  std::filesystem::path dir;   // the folder globs and rule paths are relative to (absolute)
  bool root = false;
  std::vector<ConfigRuleFile> rules;
  std::optional<std::vector<std::string>> include;
  std::optional<std::vector<std::string>> exclude;
  ConfigLayer base;
  std::vector<ConfigOverride> overrides;

  static Result<ConfigFile> load(const std::filesystem::path& path);
  // `path` names the file in errors and decides `dir`.
  static Result<ConfigFile> parse(std::string_view toml, const std::filesystem::path& path);
};

inline constexpr const char* kConfigFileName = ".clause-scan.toml";

// True when the glob matches `path` (relative, '/'-separated) or one of its folders; a glob
// without '/' is tried on each component.
bool glob_matches(std::string_view glob, std::string_view path);

// What applies to one file.
struct FileConfig {
  CheckSettings settings;
  std::vector<std::string> include = {"*.txt", "*.md"};  // decided by the nearest file
  bool excluded = false;  // an exclude glob of a configuration file matches it
  bool included = true;   // an include glob matches it (for files found in folders)
  std::vector<ConfigRuleFile> rule_files;  // extra rule files, farthest configuration first
  std::vector<const ConfigFile*> chain;    // the configuration files, farthest first
};

class ConfigResolver {
 public:
  // Walks up from each file for .clause-scan.toml.
  ConfigResolver();
  // Uses `file` for every checked file; fails as ConfigFile::load does.
  static Result<ConfigResolver> with_file(const std::filesystem::path& file);

  // The settings of `file` (relative to the working directory or absolute). Fails on the
  // first broken configuration file met on the way up. Results are cached per folder.
  Result<FileConfig> resolve(const std::filesystem::path& file);

  // Every configuration file loaded so far, in the order they were met.
  std::vector<const ConfigFile*> loaded() const;

 private:
  Result<const ConfigFile*> load_cached(const std::filesystem::path& path);
  Result<std::vector<const ConfigFile*>> chain_for(const std::filesystem::path& dir);

  std::optional<std::filesystem::path> fixed_;
  std::map<std::filesystem::path, std::unique_ptr<ConfigFile>> files_;
  std::vector<const ConfigFile*> order_;
  std::map<std::filesystem::path, std::vector<const ConfigFile*>> chains_;  // by folder
};

// Checks the ids and required-content names the configuration files use against the
// catalog and the `content` attributes of `rule_sets`: "path:line: unknown check \"x\"".
Status validate_configs(const std::vector<const ConfigFile*>& configs,
                        const std::vector<const RuleSet*>& rule_sets);

// ---------------------------------------------------------------------------------------
// A run over files and folders

enum class UnusedRules {
  off,
  extra_rules,  // report check rules of extra rule files (not those of the rules folder)
  all_rules,    // report every check rule (the rules folder was given explicitly)
};

struct RunOptions {
  std::vector<std::string> paths;                  // files and folders as the user gave them
  std::filesystem::path config;                    // --config; empty: discover
  std::vector<std::filesystem::path> check_rules;  // --check-rules: extra rule files
  DecodeOptions decode;
  unsigned jobs = 0;  // 0: one per core this process may run on (its CPU affinity)
  UnusedRules unused_rules = UnusedRules::off;
};

struct CheckedFile {
  std::string file;                    // as walked: "templates/a.txt"
  std::vector<CheckFinding> findings;  // sorted by line, column, id
};

struct CheckReport {
  std::vector<CheckedFile> files;       // every file checked, sorted by path
  std::vector<CheckedFile> rule_files;  // unused-rule findings, by rule file, sorted
  std::vector<Error> errors;            // files that could not be checked; the run went on
  std::vector<CheckInfo> checks;        // the checks the run used (built-in and rules)
  int suppressed = 0;                   // findings a baseline hid
};

// Walks the paths (folders recursively: files the include globs take, by default *.txt and
// *.md; names starting with '.' skipped), resolves each file's configuration, loads the
// extra rule files, checks every file on `jobs` threads. Fails (and checks nothing) on a
// broken configuration or rule file; a missing path or unreadable file is an entry of
// `errors`.
Result<CheckReport> run_check(const RunOptions& options, const Resources& resources);

// ---------------------------------------------------------------------------------------
// Baseline

class Baseline {
 public:
  // Every finding of the report (checked files and rule files).
  static Baseline from_report(const CheckReport& report);
  static Result<Baseline> load(const std::filesystem::path& path);
  static Result<Baseline> parse(std::string_view json, std::string_view file);

  Json to_json() const;      // { schema, findings: [{file, rule, message, context, count}] }
  std::size_t size() const;  // number of findings it holds

  // Removes the findings the baseline holds (each fingerprint up to its count, first in
  // document order first) and adds their number to report.suppressed.
  void apply(CheckReport& report) const;

 private:
  // file, rule, message, context -> count
  std::map<std::tuple<std::string, std::string, std::string, std::string>, int> counts_;
};

// ---------------------------------------------------------------------------------------
// Output

struct CheckCounts {
  int error = 0;
  int warning = 0;
  int info = 0;
  int files = 0;                // files checked
  int files_with_findings = 0;  // of those
};
CheckCounts count_findings(const CheckReport& report);

// True when a finding is at `fail_on` or above (error > warning > info).
bool fails(const CheckReport& report, Severity fail_on);

// Findings' messages are written in `lang` (style.lang); check ids, severities, JSON keys and
// SARIF rule descriptions stay English.
// gcc-style lines "file:line:col: error [id] message", then one line of counts.
void write_check_text(std::ostream& out, const CheckReport& report, const TextStyle& style);
// The check document of check-and-batch-v1.md.
Json check_to_json(const CheckReport& report, Lang lang = Lang::zh);
// SARIF 2.1.0; artifact URIs relative to `working_dir`. The partial fingerprint, like the
// baseline's, uses the Chinese message whatever `lang` is.
Json check_to_sarif(const CheckReport& report, const std::filesystem::path& working_dir,
                    Lang lang = Lang::zh);
// GitHub Actions workflow commands, one per finding; paths relative to `working_dir`.
void write_check_github(std::ostream& out, const CheckReport& report,
                        const std::filesystem::path& working_dir, Lang lang = Lang::zh);
// The --explain paragraph of a check, in `lang` (the id, severity and configuration keys stay
// English).
void write_check_explanation(std::ostream& out, const CheckInfo& check, Lang lang = Lang::zh);
// --list-checks: "id<TAB>severity<TAB>summary" per check, the summary in `lang`.
void write_check_list(std::ostream& out, const std::vector<CheckInfo>& checks,
                      Lang lang = Lang::zh);

}  // namespace clause_scan
