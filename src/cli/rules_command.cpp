// clause-scan rules list | rules test: what the rule set holds, and whether every rule's
// examples still give what they promise.
#include <iostream>

#include <fmt/format.h>

#include "cli/commands.h"
#include "cli/exit_status.h"
#include "cli/session.h"

namespace clause_scan::cli {
namespace {

// `rules list` only lists, so its patterns need not compile (loading still parses each
// one, so a syntax error is still an error); `rules test` compiles every pattern.
Result<RuleSet> load_rules(const CommonOptions& options, Compile compile) {
  Result<std::filesystem::path> dir = find_rules_dir(options.rules_dir);
  if (!dir.ok()) return dir.error();
  return RuleSet::load_dir(dir.value(), compile);
}

}  // namespace

int run_rules_list(const RulesOptions& options) {
  Result<RuleSet> rules = load_rules(options.common, Compile::on_first_use);
  if (!rules.ok()) return report_error(rules.error());
  if (options.common.format == "json") {
    Json list = Json::array();
    for (const auto& rule : rules->rules()) {
      Json item;
      item["id"] = rule->id;
      item["category"] = rule->category;
      item["severity"] = rule->severity ? Json(std::string(to_string(*rule->severity))) : Json();
      item["description"] = rule->description;
      item["file"] = rule->file;
      item["line"] = rule->line;
      list.push_back(std::move(item));
    }
    write_json(std::cout, list);
    return kExitOk;
  }
  for (const auto& rule : rules->rules()) {
    std::string severity = rule->severity ? std::string(to_string(*rule->severity)) : "-";
    std::cout << fmt::format("{:<36} {:<14} {:<8} {}\n", rule->id, rule->category, severity,
                             rule->description);
  }
  return kExitOk;
}

int run_rules_test(const RulesOptions& options) {
  Result<RuleSet> rules = load_rules(options.common, Compile::when_loaded);
  if (!rules.ok()) return report_error(rules.error());
  std::size_t examples = 0;
  for (const auto& rule : rules->rules()) examples += rule->examples.size();
  std::vector<ExampleFailure> failures = rules->test_examples();
  for (const ExampleFailure& failure : failures) {
    std::cout << fmt::format("{}:{}: {}: {}\n", failure.file, failure.line, failure.rule->id,
                             failure.reason);
  }
  std::cout << fmt::format("{} rules, {} examples, {} failed\n", rules->rules().size(), examples,
                           failures.size());
  return failures.empty() ? kExitOk : kExitFindings;
}

}  // namespace clause_scan::cli
