// extra_rules.cpp: rule files added for the check command (--check-rules, `rules = [...]`
// in .clause-scan.toml), loaded once each and checked for what only `check` cares about.
#include <charconv>
#include <system_error>

#include "check/internal.h"
#include "check/run_internal.h"

namespace clause_scan::check_detail {
namespace {

namespace fs = std::filesystem;

Error rule_error(const Rule& rule, std::string_view reason) {
  return Error{ErrorKind::rule, rule.file + ":" + std::to_string(rule.line),
               "rule \"" + rule.id + "\": " + std::string(reason)};
}

bool positive_integer(std::string_view text) {
  int value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  return error == std::errc() && end == text.data() + text.size() && value >= 1;
}

}  // namespace

Status ExtraRules::check_rule(const Rule& rule, Origin origin) {
  if (origin == Origin::extra_file) {
    if (rule.category != kCheckCategory) {
      return rule_error(rule, "category \"" + rule.category +
                                  "\": extra rule files hold only category \"check\" rules");
    }
    auto [existing, inserted] = ids_.emplace(rule.id, &rule);
    if (!inserted && existing->second != &rule) {
      return rule_error(rule, "duplicate rule id (first at " + existing->second->file + ":" +
                                  std::to_string(existing->second->line) + ")");
    }
  }
  if (rule.category != kCheckCategory) return {};
  std::string_view require = rule.attribute("require", "absent");
  if (require != "absent" && require != "present") {
    return rule_error(
        rule, "require must be \"present\" or \"absent\", not \"" + std::string(require) + "\"");
  }
  if (!positive_integer(rule.attribute("count", "1"))) {
    return rule_error(rule, "count must be a whole number of lines, 1 or more");
  }
  // message is the default (Chinese) text; message_en alone would leave it to the description.
  if (!rule.attribute("message_en").empty() && rule.attribute("message").empty()) {
    return rule_error(rule, "message_en needs a message (the Chinese text, shown by default)");
  }
  return {};
}

Result<const RuleSet*> ExtraRules::load(const fs::path& file) {
  std::error_code ignored;
  const fs::path key = fs::absolute(file, ignored).lexically_normal();
  if (auto found = sets_.find(key); found != sets_.end()) return found->second.get();
  Result<RuleSet> set = RuleSet::load_files({fs::path(display_path(key))});
  if (!set.ok()) return set.error();
  auto stored = std::make_unique<RuleSet>(std::move(set).value());
  for (const auto& rule : stored->rules()) {
    Status status = check_rule(*rule, Origin::extra_file);
    if (!status.ok()) return status.error();
  }
  const RuleSet* pointer = stored.get();
  sets_.emplace(key, std::move(stored));
  order_.push_back(pointer);
  return pointer;
}

Status ExtraRules::attach(const std::vector<fs::path>& everywhere, std::vector<Job>& jobs) {
  for (const auto& rule : base_.rules()) {
    ids_.emplace(rule->id, rule.get());
    Status status = check_rule(*rule, Origin::rules_folder);
    if (!status.ok()) return status;
  }
  std::vector<const RuleSet*> common{&base_};
  for (const fs::path& file : everywhere) {
    Result<const RuleSet*> set = load(file);
    if (!set.ok()) return set.error();
    common.push_back(set.value());
  }
  for (Job& job : jobs) {
    job.rule_sets = common;
    for (const ConfigRuleFile& file : job.config.rule_files) {
      Result<const RuleSet*> set = load(file.path);
      if (!set.ok()) return set.error();
      if (std::find(job.rule_sets.begin(), job.rule_sets.end(), set.value()) ==
          job.rule_sets.end()) {
        job.rule_sets.push_back(set.value());
      }
    }
  }
  return {};
}

std::vector<const RuleSet*> ExtraRules::all_sets() const {
  std::vector<const RuleSet*> sets{&base_};
  sets.insert(sets.end(), order_.begin(), order_.end());
  return sets;
}

std::string display_path(const fs::path& path) {
  std::error_code ignored;
  const fs::path absolute = fs::absolute(path, ignored).lexically_normal();
  const fs::path relative = absolute.lexically_relative(fs::current_path(ignored));
  if (relative.empty() || *relative.begin() == "..") return path.generic_string();
  return relative.generic_string();
}

}  // namespace clause_scan::check_detail
