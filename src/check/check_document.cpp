// check_document.cpp: all checks of one document, and where their findings point.
#include <algorithm>
#include <tuple>
#include <utility>

#include "check/internal.h"

namespace clause_scan {
namespace check_detail {

std::string line_context(const SourceText& source, int line) {
  if (line < 1 || line > source.line_count()) return "";
  std::string_view text = source.line_text(line);
  const auto not_space = [](char c) { return c != ' ' && c != '\t' && c != '\r'; };
  auto first = std::find_if(text.begin(), text.end(), not_space);
  auto last = std::find_if(text.rbegin(), text.rend(), not_space).base();
  return first < last ? std::string(first, last) : std::string();
}

void FindingSink::at_offset(std::string_view id, Severity default_severity, Message message,
                            std::size_t offset) {
  std::optional<Severity> severity = settings_.level(id, default_severity);
  if (!severity) return;
  CheckFinding item;
  item.finding.rule = std::string(id);
  item.finding.severity = *severity;
  item.finding.message = std::move(message.zh);
  item.finding.message_en = std::move(message.en);
  const SourceText& source = document_.source;
  Position position = source.position(offset);
  item.finding.source.clause = document_.outline.path_at(offset);
  item.finding.source.line = position.line;
  item.finding.source.column = position.column;
  item.finding.source.begin = offset;
  item.finding.source.end = offset;
  item.context = line_context(source, position.line);
  findings_.push_back(std::move(item));
}

void FindingSink::at_file(std::string_view id, Severity default_severity, Message message) {
  std::optional<Severity> severity = settings_.level(id, default_severity);
  if (!severity) return;
  CheckFinding item;
  item.finding.rule = std::string(id);
  item.finding.severity = *severity;
  item.finding.message = std::move(message.zh);
  item.finding.message_en = std::move(message.en);
  item.finding.source.line = 1;
  item.finding.source.column = 1;
  findings_.push_back(std::move(item));
}

void FindingSink::from_summary(const Finding& finding) {
  std::optional<Severity> severity = settings_.level(finding.rule, finding.severity);
  if (!severity) return;
  CheckFinding item;
  item.finding = finding;
  item.finding.severity = *severity;
  if (item.finding.source.line < 1) item.finding.source.line = 1;
  if (item.finding.source.column < 1) item.finding.source.column = 1;
  item.context = line_context(document_.source, item.finding.source.line);
  findings_.push_back(std::move(item));
}

std::vector<CheckFinding> FindingSink::take() {
  std::vector<CheckFinding> findings = std::move(findings_);
  std::stable_sort(findings.begin(), findings.end(),
                   [](const CheckFinding& a, const CheckFinding& b) {
                     const SourceRef& x = a.finding.source;
                     const SourceRef& y = b.finding.source;
                     return std::tie(x.line, x.column, a.finding.rule) <
                            std::tie(y.line, y.column, b.finding.rule);
                   });
  return findings;
}

}  // namespace check_detail

std::optional<Severity> CheckSettings::level(std::string_view id, Severity default_severity) const {
  auto found = levels.find(id);
  return found == levels.end() ? std::optional<Severity>(default_severity) : found->second;
}

bool CheckSettings::requires_content(std::string_view name) const {
  return std::find(required.begin(), required.end(), name) != required.end();
}

DocumentCheck check_document(const Document& document, const Summary& summary,
                             const CheckSettings& settings,
                             const std::vector<const RuleSet*>& rule_sets) {
  check_detail::FindingSink sink(document, settings);
  DocumentCheck result;
  result.rules_matched = check_detail::check_rules(summary, rule_sets, sink);
  check_detail::check_summary(summary, sink);
  check_detail::check_dates(summary, sink);
  check_detail::check_numbering(sink);
  check_detail::check_references(sink);
  result.findings = sink.take();
  return result;
}

}  // namespace clause_scan
