// assemble.cpp: the report of a run from the results of its files: findings by file, the
// rules that matched nothing (--report-unused-rules) and the checks the run used.
#include <algorithm>
#include <map>
#include <set>

#include "check/internal.h"
#include "check/run_internal.h"

namespace clause_scan::check_detail {
namespace {

// Whether `rule` is on for `job` (its set applies, its level is not off, its content is
// required).
bool active_for(const Rule& rule, const RuleSet* set, const Job& job) {
  const auto& sets = job.rule_sets;
  if (std::find(sets.begin(), sets.end(), set) == sets.end()) return false;
  const CheckSettings& settings = job.config.settings;
  if (!settings.level(rule.id, Severity::warning)) return false;
  std::string_view content = rule.attribute("content");
  return content.empty() || settings.requires_content(content);
}

// The check rules that could be reported as unused, with the job whose settings decide the
// severity of the report (the first one the rule was active for).
std::vector<std::pair<const Rule*, const Job*>> unused_candidates(const std::vector<Job>& jobs,
                                                                  const ExtraRules& extra,
                                                                  UnusedRules unused) {
  std::vector<std::pair<const Rule*, const Job*>> candidates;
  for (const RuleSet* set : extra.all_sets()) {
    if (set == &extra.base() && unused != UnusedRules::all_rules) continue;
    for (const auto& rule : set->rules()) {
      if (rule->category != kCheckCategory) continue;
      auto job = std::find_if(jobs.begin(), jobs.end(),
                              [&](const Job& j) { return active_for(*rule, set, j); });
      if (job != jobs.end()) candidates.emplace_back(rule.get(), &*job);
    }
  }
  return candidates;
}

void report_unused(const std::vector<Job>& jobs, const std::set<const Rule*>& matched,
                   const ExtraRules& extra, UnusedRules unused, CheckReport& report) {
  std::map<std::string, CheckedFile> by_file;
  for (auto [rule, job] : unused_candidates(jobs, extra, unused)) {
    if (matched.count(rule) > 0) continue;
    std::optional<Severity> severity =
        job->config.settings.level(check_id::unused_rule, Severity::warning);
    if (!severity) continue;
    CheckFinding item;
    item.finding.rule = check_id::unused_rule;
    item.finding.severity = *severity;
    // No counts or line numbers in messages: they are part of the baseline fingerprint.
    item.finding.message = "规则 " + rule->id + " 在本次检查中没有匹配到任何内容";
    item.finding.message_en = "rule \"" + rule->id + "\" matched nothing in this run";
    item.finding.source.line = rule->line;
    item.finding.source.column = 1;
    item.context = rule->id;
    const std::string file = display_path(rule->file);
    by_file[file].file = file;
    by_file[file].findings.push_back(std::move(item));
  }
  for (auto& [file, checked] : by_file) report.rule_files.push_back(std::move(checked));
}

// The checks to list in SARIF: those on for some file, and any id a finding uses.
void list_checks(const std::vector<Job>& jobs, const ExtraRules& extra, UnusedRules unused,
                 CheckReport& report) {
  std::set<std::string> used;
  for (const auto& files : {&report.files, &report.rule_files}) {
    for (const CheckedFile& file : *files) {
      for (const CheckFinding& item : file.findings) used.insert(item.finding.rule);
    }
  }
  for (const CheckInfo& check : check_catalog(extra.all_sets())) {
    bool on = std::any_of(jobs.begin(), jobs.end(), [&](const Job& job) {
      return job.config.settings.level(check.id, check.severity).has_value();
    });
    if (check.id == check_id::unused_rule && unused == UnusedRules::off) on = false;
    const bool found = used.erase(check.id) > 0;
    if (on || found) report.checks.push_back(check);
  }
  for (const std::string& id : used) {  // findings of the extraction this catalog does not know
    report.checks.push_back(CheckInfo{id, Severity::warning, id, id, "built-in", "", ""});
  }
}

}  // namespace

void assemble_report(const std::vector<Job>& jobs, std::vector<JobResult>& results,
                     const ExtraRules& extra, UnusedRules unused, CheckReport& report) {
  std::set<const Rule*> matched;
  for (std::size_t i = 0; i < jobs.size(); ++i) {
    if (results[i].error) {
      report.errors.push_back(*results[i].error);
      continue;
    }
    matched.insert(results[i].check.rules_matched.begin(), results[i].check.rules_matched.end());
    report.files.push_back(CheckedFile{jobs[i].display, std::move(results[i].check.findings)});
  }
  if (unused != UnusedRules::off) report_unused(jobs, matched, extra, unused, report);
  list_checks(jobs, extra, unused, report);
}

}  // namespace clause_scan::check_detail
