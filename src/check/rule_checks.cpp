// rule_checks.cpp: the category "check" rules: patterns that must be absent (each match is a
// finding) or present (a file without enough matching lines is a finding), required content.
#include <charconv>
#include <set>
#include <string>

#include "check/internal.h"

namespace clause_scan::check_detail {
namespace {

bool requires_presence(const Rule& rule) { return rule.attribute("require") == "present"; }

int required_count(const Rule& rule) {
  std::string_view text = rule.attribute("count", "1");
  int count = 1;
  std::from_chars(text.data(), text.data() + text.size(), count);
  return count;
}

// Where an "absent" finding points: its `at`, `blank` or `box` capture, else the match.
std::size_t anchor(const RuleMatch& match) {
  for (std::string_view name : {"at", "blank", "box"}) {
    if (const Capture* capture = match.capture(name)) return capture->begin;
  }
  return match.begin;
}

// What the summary already shows of a required-content name (rules/checks.toml `content`).
bool summary_has(const Summary& summary, std::string_view content) {
  if (content == "parties") return summary.parties.size() >= 2;
  if (content == "amount") {
    for (const Amount& amount : summary.amounts) {
      if (!amount.approximate) return true;
    }
    return false;
  }
  if (content == "term") {
    if (!summary.periods.empty()) return true;
    for (const DateMention& date : summary.dates) {
      if (date.role == DateRole::end) return true;
    }
    return false;
  }
  if (content == "payment-terms") return !summary.payment_terms.empty();
  return false;
}

// The finding's message: `message` in Chinese (else the description), `message_en` in
// English (else the same text: a user's rule file may give one language only).
Message rule_message(const Rule& rule) {
  std::string zh(rule.attribute("message", rule.description));
  std::string en(rule.attribute("message_en", zh));
  return Message{std::move(zh), std::move(en)};
}

// Whether the rule applies to this file at all.
bool active(const Rule& rule, const FindingSink& sink) {
  if (!sink.enabled(rule.id)) return false;
  std::string_view content = rule.attribute("content");
  return content.empty() || sink.settings().requires_content(content);
}

void report_missing(const Rule& rule, const std::set<int>& lines, const Summary& summary,
                    FindingSink& sink) {
  if (static_cast<int>(lines.size()) >= required_count(rule)) return;
  std::string_view content = rule.attribute("content");
  if (!content.empty() && summary_has(summary, content)) return;
  sink.at_file(rule.id, rule.severity.value_or(Severity::warning), rule_message(rule));
}

}  // namespace

std::set<const Rule*> check_rules(const Summary& summary,
                                  const std::vector<const RuleSet*>& rule_sets, FindingSink& sink) {
  const SourceText& source = sink.document().source;
  std::set<const Rule*> matched;
  std::set<std::size_t> reported;  // anchors already reported by an earlier rule
  for (const RuleSet* set : rule_sets) {
    std::map<const Rule*, std::set<int>> present_lines;
    for (const RuleMatch& match : set->scan(source.text(), kCheckCategory)) {
      const Rule& rule = *match.rule;
      if (!active(rule, sink)) continue;
      matched.insert(&rule);
      if (requires_presence(rule)) {
        present_lines[&rule].insert(source.line(match.begin));
        continue;
      }
      if (match.capture("ok") != nullptr) continue;  // an exception the pattern spells out
      const std::size_t at = anchor(match);
      if (!reported.insert(at).second) continue;
      sink.at_offset(rule.id, rule.severity.value_or(Severity::warning), rule_message(rule), at);
    }
    for (const auto& rule : set->rules()) {
      if (rule->category != kCheckCategory || !requires_presence(*rule)) continue;
      if (!active(*rule, sink)) continue;
      report_missing(*rule, present_lines[rule.get()], summary, sink);
    }
  }
  return matched;
}

}  // namespace clause_scan::check_detail
