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

}  // namespace clause_scan::cli
