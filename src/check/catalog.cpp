// catalog.cpp: the checks written in code, with the paragraph `check --explain` prints, and
// the checks the rule files add.
#include <algorithm>

#include "check/internal.h"
#include "clause_scan/check.h"

namespace clause_scan {
namespace {

std::vector<CheckInfo> make_builtin_checks() {
  std::vector<CheckInfo> checks = {
      {check_id::amount_words_mismatch, Severity::error,
       "A sum written in figures and in capitals (大写) gives two different values",
       "A sum is written twice, in figures (1977800 元) and in Chinese capitals "
       "(壹佰玖拾柒万柒仟捌佰元整), and the two do not agree. Courts and banks usually take the "
       "capitals, so a typo in the figures silently changes the price. The extraction stage "
       "finds the pair and reads both; fix whichever is wrong.",
       "built-in"},
      {check_id::installments_not_100, Severity::error,
       "The payment installments do not add up to 100%",
       "The percentages of the payment schedule (预付款 30%, 进度款 60%, 尾款 10% ...) add up "
       "to more or less than 100% of the sum they are taken of, so the contract either pays "
       "too much or leaves part of the price with no due date. A remainder (尾款, 余款, 剩余款项) "
       "without a percentage counts as whatever is left.",
       "built-in"},
      {check_id::undefined_base, Severity::warning,
       "A penalty or installment is a percentage of a sum the contract never defines",
       "A rate is taken of a named sum (中标金额的 30%, 合同总价的 10%) but no clause of the "
       "contract states that sum, so the amount cannot be computed and the two parties may "
       "read it differently. Define the sum (e.g. \"中标金额：人民币 … 元\") or name one that is "
       "defined.",
       "built-in"},
      {check_id::penalty_over_ceiling, Severity::warning,
       "A one-off penalty is above the ceiling (default 30% of the contract amount)",
       "A liquidated-damages rate, a fixed penalty sum or a penalty cap exceeds [limits] "
       "penalty_percent (default 30) percent of the sum it is taken of (for a fixed sum, of "
       "the contract amount). Courts may reduce liquidated damages that are excessively higher "
       "than the loss (民法典 article 585; the judicial interpretation treats more than 30% above "
       "the loss as excessive), so a rate above the ceiling deserves a second look. "
       "Deposits (定金, limited by law to 20%) and "
       "surcharges on an interest rate (罚息) are not compared.",
       "built-in"},
      {check_id::daily_rate_over_ceiling, Severity::warning,
       "A per-day penalty or late-payment rate is above the ceiling (default 0.05%/日)",
       "A rate charged per day of delay (每日万分之五, 0.05%/日, 按日千分之一) is above [limits] "
       "daily_rate_percent (default 0.05). Rates per week, month or year are compared with 7, "
       "30 or 365 times the daily ceiling. Daily rates add up fast (0.1% a day is 36.5% a year) "
       "and high ones are commonly cut down; check that the rate is the intended one.",
       "built-in"},
      {check_id::period_end_before_start, Severity::error, "A period ends before it starts",
       "A period (服务期限, 租赁期限 ...) gives a start date and an end date, and the end comes "
       "first: usually a typo in the year. Any deadline computed from the period is then "
       "meaningless.",
       "built-in"},
      {check_id::signing_after_period_end, Severity::error,
       "The contract is signed after the period it covers has ended",
       "The signing date (签订日期) is later than the end date of a period of the contract (服务"
       "期限至 2026 年 12 月 31 日), so the whole term is already over when the contract is "
       "signed. Either the signing date or the period is wrong.",
       "built-in"},
      {check_id::duplicate_clause_number, Severity::error, "Two clauses carry the same number",
       "Two clauses at the same level carry the same number (two 4.2, two 第五条), usually after "
       "a clause was copied or inserted without renumbering. A reference to that number is now "
       "ambiguous. Articles (第N条) are compared over the whole contract or appendix, other "
       "numbers among the clauses of one parent.",
       "built-in"},
      {check_id::clause_number_gap, Severity::warning,
       "Clause numbering skips a number or goes back",
       "Two clauses that follow each other at the same level are not numbered in sequence: 4.1 "
       "followed by 4.3, 第三条 followed by 第五条, or a number lower than the one before. A "
       "clause was deleted or moved without renumbering, and references to the later clauses may "
       "now point at the wrong text. Each appendix and appended agreement is numbered on its "
       "own.",
       "built-in"},
      {check_id::dangling_reference, Severity::error,
       "A cross-reference names a clause that does not exist",
       "The text refers to a clause by number (见第 2.2 款, 按本合同第十条, 根据第三章) and the "
       "outline has no clause with that number in the same part of the document (the main "
       "contract, or the appendix the reference is in, which may also refer to the main "
       "contract). The clause was deleted or renumbered, or the reference is a typo. References "
       "to laws (《民法典》第五百八十五条) are not checked.",
       "built-in"},
      {check_id::unused_rule, Severity::warning, "A check rule matched nothing in the whole run",
       "With --report-unused-rules, a rule of category \"check\" that matched no line of any "
       "checked file is reported at its line in its rule file. A rule that never fires is "
       "either obsolete or broken (a pattern with a typo, a full-width character that the "
       "normalized text never contains); a silently dead rule is the commonest failure of a "
       "linter. Rules of the installed rules folder are reported only when --rules names it.",
       "built-in"},
  };
  std::sort(checks.begin(), checks.end(),
            [](const CheckInfo& a, const CheckInfo& b) { return a.id < b.id; });
  return checks;
}

}  // namespace

const std::vector<std::string>& default_required_content() {
  static const std::vector<std::string> names = {
      "parties", "amount", "term", "payment-terms", "dispute-resolution", "signature"};
  return names;
}

const std::vector<CheckInfo>& builtin_checks() {
  static const std::vector<CheckInfo> checks = make_builtin_checks();
  return checks;
}

CheckInfo rule_check_info(const Rule& rule) {
  CheckInfo info;
  info.id = rule.id;
  info.severity = rule.severity.value_or(Severity::warning);
  // The catalog is documentation, in English: the English message where a rule has one.
  const std::string_view message = rule.attribute("message_en", rule.attribute("message"));
  info.summary = rule.description.empty() ? std::string(message.empty() ? rule.id : message)
                                          : rule.description;
  std::string explanation(rule.attribute("explanation"));
  if (explanation.empty()) {
    explanation = info.summary;
    if (!message.empty()) explanation += ". Message: " + std::string(message);
  }
  info.explanation = explanation;
  info.origin = rule.file + ":" + std::to_string(rule.line);
  return info;
}

std::vector<CheckInfo> check_catalog(const std::vector<const RuleSet*>& rule_sets) {
  std::vector<CheckInfo> catalog = builtin_checks();
  for (const RuleSet* set : rule_sets) {
    for (const auto& rule : set->rules()) {
      if (rule->category == check_detail::kCheckCategory) catalog.push_back(rule_check_info(*rule));
    }
  }
  std::stable_sort(catalog.begin(), catalog.end(),
                   [](const CheckInfo& a, const CheckInfo& b) { return a.id < b.id; });
  return catalog;
}

}  // namespace clause_scan
