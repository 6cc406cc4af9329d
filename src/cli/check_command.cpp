// clause-scan check PATH...: lint contract templates; the CI gate (include/clause_scan/check.h).
#include <filesystem>
#include <fstream>
#include <iostream>

#include "clause_scan/check.h"
#include "cli/commands.h"
#include "cli/exit_status.h"
#include "cli/session.h"

namespace clause_scan::cli {
namespace {

namespace fs = std::filesystem;

Error usage(std::string reason) { return Error{ErrorKind::usage, "", std::move(reason)}; }

// The rule sets --explain and --list-checks know: the rules folder, --check-rules and the
// rules of --config.
Result<std::vector<CheckInfo>> known_checks(const CheckCommandOptions& options,
                                            const Resources& resources,
                                            std::vector<RuleSet>& storage) {
  std::vector<fs::path> files(options.check_rules.begin(), options.check_rules.end());
  if (!options.config.empty()) {
    Result<ConfigFile> config = ConfigFile::load(options.config);
    if (!config.ok()) return config.error();
    for (const ConfigRuleFile& file : config->rules) files.push_back(file.path);
  }
  storage.reserve(files.size());
  std::vector<const RuleSet*> sets{&resources.rules};
  for (const fs::path& file : files) {
    Result<RuleSet> set = RuleSet::load_files({file});
    if (!set.ok()) return set.error();
    storage.push_back(std::move(set).value());
    sets.push_back(&storage.back());
  }
  return check_catalog(sets);
}

int explain_or_list(const CheckCommandOptions& options, const Resources& resources) {
  std::vector<RuleSet> storage;
  Result<std::vector<CheckInfo>> checks = known_checks(options, resources, storage);
  if (!checks.ok()) return report_error(checks.error());
  const Lang lang = resolve_lang(options.common.lang);
  if (options.list_checks) {
    write_check_list(std::cout, checks.value(), lang);
    return kExitOk;
  }
  for (const CheckInfo& check : checks.value()) {
    if (check.id == options.explain) {
      write_check_explanation(std::cout, check, lang);
      return kExitOk;
    }
  }
  return report_error(
      usage("unknown check \"" + options.explain + "\" (clause-scan check --list-checks)"));
}

RunOptions run_options(const CheckCommandOptions& options) {
  RunOptions run;
  run.paths = options.paths;
  run.config = options.config;
  run.check_rules.assign(options.check_rules.begin(), options.check_rules.end());
  run.decode = decode_options(options.common);
  run.jobs = options.jobs;
  if (options.report_unused_rules) {
    run.unused_rules =
        options.common.rules_dir.empty() ? UnusedRules::extra_rules : UnusedRules::all_rules;
  }
  return run;
}

int write_baseline(const CheckReport& report, const std::string& file) {
  Baseline baseline = Baseline::from_report(report);
  std::ofstream out(file, std::ios::binary);
  write_json(out, baseline.to_json());
  out.close();
  if (!out) return report_error(Error{ErrorKind::io, file, "cannot write baseline file"});
  std::cerr << "clause-scan: " << file << ": baseline of " << baseline.size() << " findings\n";
  return kExitOk;
}

void write_report(const CheckReport& report, const CommonOptions& common) {
  const std::string& format = common.format;
  const Lang lang = resolve_lang(common.lang);
  if (format == "json") {
    write_json(std::cout, check_to_json(report, lang));
  } else if (format == "sarif") {
    write_json(std::cout, check_to_sarif(report, fs::current_path(), lang));
  } else if (format == "github") {
    write_check_github(std::cout, report, fs::current_path(), lang);
  } else {
    write_check_text(std::cout, report, text_style(common));
  }
}

}  // namespace

int run_check_command(const CheckCommandOptions& options) {
  if (Status valid = check_options(options.common); !valid.ok()) return report_error(valid.error());
  Result<const Resources*> loaded = load_resources(options.common);
  if (!loaded.ok()) return report_error(loaded.error());
  const Resources& resources = *loaded.value();
  if (options.list_checks || !options.explain.empty()) {
    return explain_or_list(options, resources);
  }
  if (options.paths.empty()) {
    return report_error(usage("no PATH to check (clause-scan check templates/)"));
  }
  Result<CheckReport> report = run_check(run_options(options), resources);
  if (!report.ok()) return report_error(report.error());

  int status = kExitOk;
  for (const Error& error : report->errors) status = report_error(error);
  if (!options.write_baseline.empty()) {
    int written = write_baseline(report.value(), options.write_baseline);
    return status == kExitOk ? written : status;
  }
  if (!options.baseline.empty()) {
    Result<Baseline> baseline = Baseline::load(options.baseline);
    if (!baseline.ok()) return report_error(baseline.error());
    baseline->apply(report.value());
  }
  write_report(report.value(), options.common);
  if (status != kExitOk) return status;
  return fails(report.value(), parse_severity(options.fail_on).value_or(Severity::error))
             ? kExitFindings
             : kExitOk;
}

}  // namespace clause_scan::cli
