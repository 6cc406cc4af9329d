// The command line: a table of subcommands (name, description, how to add its options, how
// to run it), in the manner of ninja's kTools. This is the only file that includes CLI11,
// which is header-only and slow to compile.
#include "cli/app.h"

#include <CLI/CLI.hpp>

#include <algorithm>
#include <array>
#include <functional>
#include <string>
#include <vector>

#include "cli/commands.h"
#include "cli/exit_status.h"

namespace clause_scan::cli {
namespace {

constexpr const char* kExamples = R"(Examples:
  clause-scan contract.txt                  summary of a contract (Chinese)
  clause-scan --lang en contract.txt        the same in English
  clause-scan --format json contract.txt    the summary document (spec summary-v1)
  clause-scan outline contract.txt          the clause tree
  clause-scan segment contract.txt          the words the rules see
  clause-scan rules test                    run every rule's examples
  clause-scan diff v1.txt v2.txt            what changed between two versions
  clause-scan check templates/              lint templates for CI (--format sarif|github)
  clause-scan batch -o all.jsonl archive/   one JSON line per contract of a folder, all cores

Exit status: 0 ok, 1 findings of severity error (diff: the versions differ; batch: some
files failed), 2 usage, input or rule errors.)";

// All options live here while CLI11 parses; the chosen command reads its own part.
struct ParsedOptions {
  SummaryOptions summary;
  OutlineOptions outline;
  SegmentOptions segment;
  RulesOptions rules;
  BatchCommandOptions batch;
  DiffCommandOptions diff;
  CheckCommandOptions check;
};

void add_common(CLI::App& command, CommonOptions& options,
                const std::vector<std::string>& formats) {
  command.add_option("--format", options.format, "Output format")
      ->check(CLI::IsMember(formats))
      ->default_str(formats.front());
  command.add_option("--color", options.color, "Colour: auto (a terminal, honours NO_COLOR)")
      ->check(CLI::IsMember({"auto", "always", "never"}))
      ->default_str("auto");
  command.add_option("--lang", options.lang, "Language of text output")
      ->check(CLI::IsMember({"zh", "en"}))
      ->default_str("zh");
  command.add_option("--rules", options.rules_dir, "Rules folder (default: the installed rules)");
  command.add_option("--encoding", options.encoding,
                     "Read input in this encoding (GB18030, UTF-16LE, Big5 ...) instead of "
                     "detecting it");
  command.add_option("--max-size", options.max_size, "Largest input accepted (e.g. 64MiB)")
      ->transform(CLI::AsSizeValue(false))
      ->default_str("64MiB");
}

void add_files(CLI::App& command, std::vector<std::string>& files) {
  command.add_option("FILE", files, "Contract files")->required();
}

using Setup = std::function<void(CLI::App&, ParsedOptions&)>;
// `command` is the parsed subcommand, for commands that have subcommands of their own.
using Run = std::function<int(const CLI::App& command, const ParsedOptions&)>;

struct Command {
  const char* name;
  const char* description;
  Setup setup;
  Run run;
};

// One entry per subcommand; `clause-scan --help` lists them in this order.
const Command kCommands[] = {
    {"summary", "Who the parties are, what is paid, when, and what a breach costs (default)",
     [](CLI::App& app, ParsedOptions& o) {
       add_common(app, o.summary.common, {"text", "json", "markdown"});
       add_files(app, o.summary.files);
     },
     [](const CLI::App&, const ParsedOptions& o) { return run_summary(o.summary); }},
    {"outline", "The clause tree of each contract",
     [](CLI::App& app, ParsedOptions& o) {
       add_common(app, o.outline.common, {"text", "json"});
       add_files(app, o.outline.files);
     },
     [](const CLI::App&, const ParsedOptions& o) { return run_outline(o.outline); }},
    {"segment", "The words of each line, as the segmenter cuts them (for rule authors)",
     [](CLI::App& app, ParsedOptions& o) {
       add_common(app, o.segment.common, {"text"});
       add_files(app, o.segment.files);
     },
     [](const CLI::App&, const ParsedOptions& o) { return run_segment(o.segment); }},
    {"rules", "List the rules, or test every rule's examples",
     [](CLI::App& app, ParsedOptions& o) {
       app.require_subcommand(1);
       CLI::App* list = app.add_subcommand("list", "List every rule: id, category, severity");
       add_common(*list, o.rules.common, {"text", "json"});
       CLI::App* test = app.add_subcommand("test", "Run every rule's examples; exit 1 on failure");
       add_common(*test, o.rules.common, {"text"});
     },
     [](const CLI::App& command, const ParsedOptions& o) {
       return command.get_subcommand("test")->parsed() ? run_rules_test(o.rules)
                                                       : run_rules_list(o.rules);
     }},
    {"batch", "One JSON line or CSV row per contract of a whole archive, on all cores",
     [](CLI::App& app, ParsedOptions& o) {
       BatchCommandOptions& batch = o.batch;
       add_common(app, batch.common, {"jsonl", "csv"});
       app.add_option("PATH", batch.paths, "Folders (walked recursively) and files");
       app.add_option("-o,--output", batch.output,
                      "Write FILE (as FILE.partial, renamed when complete)");
       app.add_option("-j,--jobs", batch.jobs,
                      "Worker threads (default: the cores this process may use)");
       app.add_option("--glob", batch.globs,
                      "Take the files matching PATTERN (fnmatch; repeatable; default *.txt, *.md)")
           ->allow_extra_args(false);
       app.add_option("--files-from", batch.files_from,
                      "Also read paths from FILE, one per line ('-': standard input)");
       app.add_option("--timeout", batch.timeout_seconds, "Per-file time limit, seconds (0: none)")
           ->default_str("10");
       app.add_flag("--follow-symlinks", batch.follow_symlinks,
                    "Follow symbolic links met while walking folders");
       app.add_flag("--resume", batch.resume, "Go on with an interrupted run of -o FILE");
       app.add_flag("--excel", batch.excel,
                    "CSV: start with the UTF-8 byte-order mark Excel needs");
       app.add_flag("-q,--quiet", batch.quiet, "No progress and no summary on standard error");
     },
     [](const CLI::App&, const ParsedOptions& o) { return run_batch_command(o.batch); }},
    {"diff", "What changed between two versions of a contract (exit 1 when they differ)",
     [](CLI::App& app, ParsedOptions& o) {
       DiffCommandOptions& diff = o.diff;
       add_common(app, diff.common, {"text", "json", "markdown", "html"});
       app.add_option("OLD", diff.old_file, "The earlier version")->required();
       app.add_option("NEW", diff.new_file, "The revised version")->required();
       app.add_flag("--strict", diff.strict,
                    "Compare the original words: white space and full-width forms count");
       app.add_option("--context", diff.context,
                      "Unchanged clauses shown around each change (text, Markdown: 0; HTML: "
                      "the whole document)")
           ->check(CLI::NonNegativeNumber);
     },
     [](const CLI::App&, const ParsedOptions& o) { return run_diff(o.diff); }},
    {"check", "Lint contract templates for CI: blanks, numbering, dates, required content",
     [](CLI::App& app, ParsedOptions& o) {
       CheckCommandOptions& check = o.check;
       add_common(app, check.common, {"text", "json", "sarif", "github"});
       app.add_option("PATH", check.paths, "Files and folders (walked: *.txt, *.md)");
       app.add_option("--fail-on", check.fail_on, "Exit 1 on findings at or above this level")
           ->check(CLI::IsMember({"error", "warning", "info"}))
           ->default_str("error");
       app.add_option("--config", check.config,
                      "Use FILE instead of the .clause-scan.toml files found above each file");
       app.add_option("--check-rules", check.check_rules,
                      "Extra rule file of category \"check\" rules (repeatable)")
           ->allow_extra_args(false);
       app.add_option("--baseline", check.baseline,
                      "Report only findings that FILE (from --write-baseline) does not hold");
       app.add_option("--write-baseline", check.write_baseline,
                      "Write the findings to FILE as a baseline and exit 0");
       app.add_flag("--report-unused-rules", check.report_unused_rules,
                    "Report check rules that matched nothing in the whole run");
       app.add_option("--explain", check.explain, "Explain the check ID and exit");
       app.add_flag("--list-checks", check.list_checks, "List every check id and exit");
       app.add_option("-j,--jobs", check.jobs,
                      "Worker threads (default: the cores this process may use)");
     },
     [](const CLI::App&, const ParsedOptions& o) { return run_check_command(o.check); }},
};

bool is_command_name(const std::string& word) {
  if (word == "--help" || word == "-h" || word == "--version") return true;
  for (const Command& command : kCommands) {
    if (word == command.name) return true;
  }
  return false;
}

// `clause-scan [OPTIONS] FILE...` means `clause-scan summary [OPTIONS] FILE...`.
std::vector<std::string> with_default_command(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  if (!args.empty() && !is_command_name(args.front())) args.insert(args.begin(), "summary");
  std::reverse(args.begin(), args.end());  // CLI11 parses a reversed vector
  return args;
}

}  // namespace

int run(int argc, char** argv) {
  CLI::App app{"clause-scan: an analyzer for Chinese contracts", "clause-scan"};
  app.set_version_flag("--version", CLAUSE_SCAN_VERSION);
  app.footer(kExamples);
  app.require_subcommand(1);

  ParsedOptions options;
  std::vector<std::pair<CLI::App*, const Command*>> registered;
  for (const Command& command : kCommands) {
    CLI::App* sub = app.add_subcommand(command.name, command.description);
    command.setup(*sub, options);
    registered.emplace_back(sub, &command);
  }

  std::vector<std::string> args = with_default_command(argc, argv);
  try {
    app.parse(args);
  } catch (const CLI::ParseError& error) {
    int status = app.exit(error);
    return status == 0 ? kExitOk : kExitTrouble;
  }

  for (auto& [sub, command] : registered) {
    if (sub->parsed()) return command->run(*sub, options);
  }
  return kExitTrouble;
}

}  // namespace clause_scan::cli
