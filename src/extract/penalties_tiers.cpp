// Tables of tiers: one line announces that the rates follow (category "penalty_tiers":
// 卖方应按下列速度降低的比例支付违约赔偿金：) and each line below states one tier, a condition
// and a rate of a base (category "penalty_tier": 0.5节或低于0.5节--每艘船单价的1%).
//
// The table ends at the first line that states no tier (blank lines between tiers are
// skipped) or that holds a penalty statement of its own: such a line is read as a statement
// (逾期11至30日的，按合同总价的1%支付违约金). A tier takes its kind, its payer and payee and
// its per-period words from the intro, the words that say them. A header row of tab-separated
// cells may come first (category "penalty_tier_header": 事件类型<TAB>违约金额); an intro that
// names no penalty (按照以下标准进行考核：, attribute header = "required") needs one.
#include <algorithm>
#include <set>
#include <string>

#include "extract/penalties_parts.h"
#include "util/text.h"

namespace clause_scan::extract::penalty {
namespace {

// The most lines a table may span below its intro, blank lines included.
constexpr int kMaxTableLines = 24;

// What every tier of one table shares, read from its intro.
struct TableHead {
  PenaltyKind kind = PenaltyKind::liquidated_damages;
  RatePer per = RatePer::none;
  PayerPayee parties;
};

TableHead read_head(const Context& context, const PenaltyCues& cues, const RuleMatch& intro) {
  TableHead head;
  Scopes scopes = scopes_of(context, {intro.begin, intro.end}, 0);
  head.per = cues.per_in(scopes.sentence);
  head.kind = parse_kind(intro.rule->attribute("kind")).value_or(PenaltyKind::liquidated_damages);
  if (head.per != RatePer::none) {  // what is late: the words before the heading's 按
    head.kind =
        cues.delay_in({scopes.sentence.begin, intro.begin}).value_or(PenaltyKind::late_delivery);
  }
  head.parties = cues.parties(scopes.sentence, scopes.line, intro.end);
  if (!head.parties.payer && !head.parties.payee) {
    head.parties = cues.by_heading(context, intro.begin);
  }
  return head;
}

// The tier stated on `line`, or nullopt when the line states none.
std::optional<Penalty> read_tier(const Context& context, const Summary& summary,
                                 const TableHead& head, int line, std::vector<Finding>& findings) {
  std::vector<const RuleMatch*> tiers = context.matches_on_lines("penalty_tier", line, line);
  if (tiers.empty()) return std::nullopt;
  const RuleMatch& tier = *tiers.front();
  auto rate = parse_rate(context.words(*tier.capture("percent")));
  if (!rate || rate->kind != RateKind::percent) return std::nullopt;
  const Capture& condition = *tier.capture("condition");
  Penalty penalty;
  penalty.source = context.source(condition.begin, tier.end);  // without the item number
  penalty.kind = head.kind;
  penalty.percent = rate->percent;
  penalty.per = rate->per != RatePer::none ? rate->per : head.per;
  penalty.payer = head.parties.payer;
  penalty.payee = head.parties.payee;
  penalty.condition = std::string(util::trim(context.words(condition)));
  read_base(context, summary, context.words(*tier.capture("base")), penalty, findings);
  return penalty;
}

// The line of the table's header row, the first line in [first, last] that is not blank,
// or 0 when that line is not a header.
int header_line(const Context& context, int first, int last) {
  const SourceText& source = context.document().source;
  for (int line = first; line <= last; ++line) {
    if (util::trim(source.line_text(line)).empty()) continue;
    return context.matches_on_lines("penalty_tier_header", line, line).empty() ? 0 : line;
  }
  return 0;
}

}  // namespace

std::vector<Penalty> read_tier_tables(const Context& context, const Summary& summary,
                                      const PenaltyCues& cues,
                                      const std::vector<const RuleMatch*>& intros,
                                      const std::vector<int>& statement_lines,
                                      std::vector<Finding>& findings) {
  const SourceText& source = context.document().source;
  auto has_statement = [&](int line) {
    return std::binary_search(statement_lines.begin(), statement_lines.end(), line);
  };
  std::vector<Penalty> penalties;
  for (const RuleMatch* intro : intros) {
    const int first = source.line(intro->begin) + 1;
    const int last = std::min(first + kMaxTableLines - 1, source.line_count());
    const int header = header_line(context, first, last);
    if (header == 0 && intro->rule->attribute("header") == "required") continue;
    const TableHead head = read_head(context, cues, *intro);
    std::vector<Finding> table_findings;
    for (int line = header == 0 ? first : header + 1; line <= last; ++line) {
      if (util::trim(source.line_text(line)).empty()) continue;
      if (has_statement(line)) break;
      std::optional<Penalty> tier = read_tier(context, summary, head, line, table_findings);
      if (!tier) break;
      penalties.push_back(std::move(*tier));
    }
    // The tiers of a table share their base: an undefined one is said once, at the first.
    std::set<std::string> said;
    for (Finding& finding : table_findings) {
      if (said.insert(finding.message).second) findings.push_back(std::move(finding));
    }
  }
  return penalties;
}

}  // namespace clause_scan::extract::penalty
