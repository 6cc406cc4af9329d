// cli/commands.h: the subcommands and their options (plain structs; only app.cpp knows CLI11).
//
// Each command's run function takes its parsed options and returns the process exit status
// (see exit_status.h); it writes its output to std::cout and reports errors through
// report_error(), the one place that prints them.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace clause_scan::cli {

// Options every command that reads contracts shares.
struct CommonOptions {
  std::string format = "text";                   // text | json | markdown (commands add their own)
  std::string color = "auto";                    // auto | always | never
  std::string lang = "zh";                       // zh | en
  std::string rules_dir;                         // --rules DIR; empty: the default search
  std::string encoding;                          // --encoding NAME; empty: detect
  std::size_t max_size = std::size_t{64} << 20;  // --max-size
};

struct SummaryOptions {
  CommonOptions common;
  std::vector<std::string> files;
};
int run_summary(const SummaryOptions& options);

struct OutlineOptions {
  CommonOptions common;
  std::vector<std::string> files;
};
int run_outline(const OutlineOptions& options);

struct SegmentOptions {
  CommonOptions common;
  std::vector<std::string> files;
  bool all_lines = true;
};
int run_segment(const SegmentOptions& options);

struct RulesOptions {
  CommonOptions common;
};
int run_rules_list(const RulesOptions& options);
int run_rules_test(const RulesOptions& options);

// clause-scan batch: one record per contract of an archive (include/clause_scan/batch.h).
struct BatchCommandOptions {
  CommonOptions common;            // format: jsonl | csv
  std::vector<std::string> paths;  // folders (walked) and files
  std::string output;              // -o FILE; empty: standard output
  std::vector<std::string> globs;  // --glob PATTERN...; empty: *.txt and *.md
  std::string files_from;          // --files-from FILE | -
  unsigned jobs = 0;               // --jobs; 0: the number of cores
  double timeout_seconds = 10;     // --timeout; 0: no limit
  bool follow_symlinks = false;    // --follow-symlinks
  bool resume = false;             // --resume (needs -o)
  bool excel = false;              // --excel: CSV with a UTF-8 byte-order mark
  bool quiet = false;              // --quiet: no progress, no summary on stderr
};
int run_batch_command(const BatchCommandOptions& options);

// clause-scan diff OLD NEW: what changed between two versions (include/clause_scan/diff.h).
struct DiffCommandOptions {
  CommonOptions common;  // format: text | json | markdown | html
  std::string old_file;
  std::string new_file;
  bool strict = false;  // --strict: white space and full-width forms are changes too
  int context = -1;     // --context N: unchanged clauses around each change; -1: the default
};
int run_diff(const DiffCommandOptions& options);

// clause-scan check PATH...: lint contract templates (include/clause_scan/check.h).
struct CheckCommandOptions {
  CommonOptions common;                  // format: text | json | sarif | github
  std::vector<std::string> paths;        // files and folders (walked)
  std::string fail_on = "error";         // --fail-on error | warning | info
  std::string config;                    // --config FILE; empty: discover .clause-scan.toml
  std::vector<std::string> check_rules;  // --check-rules FILE...: extra check rule files
  std::string baseline;                  // --baseline FILE: hide the findings it holds
  std::string write_baseline;            // --write-baseline FILE: record the findings, exit 0
  bool report_unused_rules = false;      // --report-unused-rules
  std::string explain;                   // --explain ID: print the check's explanation
  bool list_checks = false;              // --list-checks
  unsigned jobs = 0;                     // --jobs; 0: the number of cores
};
int run_check_command(const CheckCommandOptions& options);

}  // namespace clause_scan::cli
