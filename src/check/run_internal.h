// check/run_internal.h: the pieces of run_check (internal to the check stage).
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "clause_scan/check.h"

namespace clause_scan::check_detail {

// A file named on the command line is checked whatever its name (unless excluded); a file
// found in a folder only when an include glob takes it.
enum class Walk { named, folder };

struct Job {
  std::string display;  // the path as reported: "templates/a.txt"
  std::filesystem::path path;
  FileConfig config;
  std::vector<const RuleSet*> rule_sets;  // the rules folder's set, then extra sets
};

struct JobResult {
  std::optional<Error> error;
  DocumentCheck check;
};

Status collect_jobs(const std::vector<std::string>& paths, ConfigResolver& resolver,
                    std::vector<Job>& jobs, std::vector<Error>& errors);

void run_jobs(std::vector<Job>& jobs, const Resources& resources, const DecodeOptions& decode,
              unsigned threads, std::vector<JobResult>& results);

// The rule sets of the run: the rules folder's, and one per extra rule file (--check-rules,
// `rules = [...]` of configuration files), each loaded once.
class ExtraRules {
 public:
  explicit ExtraRules(const RuleSet& base) : base_(base) {}

  // Loads the extra files and gives each job its rule sets. Errors: rules.h's, and
  // "path:line: rule \"x\": ..." for a rule of another category, a duplicate id or a bad
  // `require` / `count` attribute.
  Status attach(const std::vector<std::filesystem::path>& everywhere, std::vector<Job>& jobs);

  std::vector<const RuleSet*> all_sets() const;
  const RuleSet& base() const { return base_; }

 private:
  enum class Origin { rules_folder, extra_file };

  Result<const RuleSet*> load(const std::filesystem::path& file);
  Status check_rule(const Rule& rule, Origin origin);

  const RuleSet& base_;
  std::map<std::filesystem::path, std::unique_ptr<RuleSet>> sets_;  // by absolute path
  std::vector<const RuleSet*> order_;
  std::map<std::string, const Rule*> ids_;
};

// Fills report.files, rule_files (unused rules), errors and checks from the results.
void assemble_report(const std::vector<Job>& jobs, std::vector<JobResult>& results,
                     const ExtraRules& extra, UnusedRules unused, CheckReport& report);

// A path for people: relative to the working directory when it is inside it.
std::string display_path(const std::filesystem::path& path);

}  // namespace clause_scan::check_detail
