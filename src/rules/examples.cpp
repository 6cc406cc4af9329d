// examples.cpp: checking every rule against its own examples and counterexamples.
//
// Examples are written as a person would type them (full-width digits and all), so each is
// normalized first, exactly as a document is before it is scanned.
#include <optional>
#include <string>

#include "clause_scan/normalize.h"
#include "rules/rule_set_impl.h"
#include "util/text.h"

namespace clause_scan {

namespace {

using rules_detail::PatternInfo;
using util::in_quotes;

// Every match of the rule's own patterns (given as PatternInfos) in `text`.
std::vector<RuleMatch> matches_of(const std::vector<const PatternInfo*>& patterns,
                                  std::string_view text) {
  std::vector<RuleMatch> matches;
  for (const PatternInfo* pattern : patterns) {
    rules_detail::for_each_line(text, [&](std::string_view line) {
      rules_detail::match_pattern(*pattern, text, line, matches);
    });
  }
  return matches;
}

// Why `match` does not give the example's captures, or nullopt when it does.
std::optional<std::string> capture_mismatch(const RuleExample& example, const RuleMatch& match,
                                            std::string_view text) {
  for (const auto& [name, want] : example.captures) {
    const Capture* capture = match.capture(name);
    if (capture == nullptr) return "capture " + name + ": absent, want " + in_quotes(want);
    std::string_view got = text.substr(capture->begin, capture->end - capture->begin);
    if (got != want)
      return "capture " + name + ": got " + in_quotes(got) + ", want " + in_quotes(want);
  }
  return std::nullopt;
}

// Why the example fails, or nullopt when it passes.
std::optional<std::string> check_example(const RuleExample& example,
                                         const std::vector<const PatternInfo*>& patterns) {
  std::string text = normalize(example.text);
  std::vector<RuleMatch> matches = matches_of(patterns, text);
  if (!example.must_match) {
    if (matches.empty()) return std::nullopt;
    const RuleMatch& first = matches.front();
    return "counterexample matched " +
           in_quotes(text.substr(first.begin, first.end - first.begin)) + " (pattern " +
           std::to_string(first.pattern + 1) + ")";
  }
  if (matches.empty()) return "did not match";
  std::optional<std::string> first_mismatch;
  for (const RuleMatch& match : matches) {
    std::optional<std::string> mismatch = capture_mismatch(example, match, text);
    if (!mismatch) return std::nullopt;
    if (!first_mismatch) first_mismatch = std::move(mismatch);
  }
  return first_mismatch;
}

}  // namespace

std::vector<ExampleFailure> RuleSet::test_examples() const {
  std::vector<ExampleFailure> failures;
  std::vector<const PatternInfo*> patterns;
  for (std::size_t rule_index = 0; rule_index < impl_->rules.size(); ++rule_index) {
    const Rule& rule = *impl_->rules[rule_index];
    patterns.clear();
    for (const PatternInfo& pattern : impl_->patterns) {
      if (pattern.rule == &rule) patterns.push_back(&pattern);
    }
    for (const RuleExample& example : rule.examples) {
      std::optional<std::string> failure = check_example(example, patterns);
      if (failure) failures.push_back(ExampleFailure{&rule, rule.file, example.line, *failure});
    }
  }
  return failures;
}

}  // namespace clause_scan
