// check/internal.h: what the checks of src/check/ share (internal to the check stage).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "clause_scan/check.h"

namespace clause_scan::check_id {
inline constexpr const char* amount_words_mismatch = "amount-words-mismatch";
inline constexpr const char* installments_not_100 = "installments-not-100";
inline constexpr const char* undefined_base = "undefined-base";
inline constexpr const char* penalty_over_ceiling = "penalty-over-ceiling";
inline constexpr const char* daily_rate_over_ceiling = "daily-rate-over-ceiling";
inline constexpr const char* penalty_outside_range = "penalty-outside-range";
inline constexpr const char* period_end_before_start = "period-end-before-start";
inline constexpr const char* signing_after_period_end = "signing-after-period-end";
inline constexpr const char* duplicate_clause_number = "duplicate-clause-number";
inline constexpr const char* clause_number_gap = "clause-number-gap";
inline constexpr const char* dangling_reference = "dangling-reference";
inline constexpr const char* unused_rule = "unused-rule";
}  // namespace clause_scan::check_id

namespace clause_scan::check_detail {

inline constexpr std::string_view kCheckCategory = "check";

// A finding's message in both languages (summary.h Finding): Chinese first, the default and
// the baseline's fingerprint; English for --lang en.
struct Message {
  std::string zh;
  std::string en;
};

// Collects the findings of one document: places them (clause, line, column, context) and
// gives them the severity the settings choose, dropping those whose check is off.
class FindingSink {
 public:
  FindingSink(const Document& document, const CheckSettings& settings)
      : document_(document), settings_(settings) {}

  // A finding at normalized offset `offset` (its line's text is the context).
  void at_offset(std::string_view id, Severity default_severity, Message message,
                 std::size_t offset);
  // A finding about the whole file: line 1, column 1, no context.
  void at_file(std::string_view id, Severity default_severity, Message message);
  // A finding the summary made (extract.h), placed where it says.
  void from_summary(const Finding& finding);

  bool enabled(std::string_view id) const {
    return settings_.level(id, Severity::warning).has_value();
  }
  const Document& document() const { return document_; }
  const CheckSettings& settings() const { return settings_; }
  std::vector<CheckFinding> take();

 private:
  const Document& document_;
  const CheckSettings& settings_;
  std::vector<CheckFinding> findings_;
};

// The trimmed normalized text of a 1-based line ("" when out of range).
std::string line_context(const SourceText& source, int line);

// The checks, one function per family (each file of src/check/ has one).
void check_summary(const Summary& summary, FindingSink& sink);
void check_dates(const Summary& summary, FindingSink& sink);
void check_numbering(FindingSink& sink);
void check_references(FindingSink& sink);
// Returns the rules that matched.
std::set<const Rule*> check_rules(const Summary& summary,
                                  const std::vector<const RuleSet*>& rule_sets, FindingSink& sink);

// The quoted words of the contract in a message: “…”.
inline std::string quote_words(std::string_view words) {
  return "\u201c" + std::string(words) + "\u201d";
}

}  // namespace clause_scan::check_detail
