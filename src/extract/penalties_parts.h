// extract/penalties_parts.h: the pieces of the penalty extractor (internal).
//
// penalties.cpp reads the statements (rule category "penalty") and assembles Penalty items;
// the two helpers here answer the questions a statement leaves open:
//   - PenaltyCues: what the words around a statement say: who pays whom (roles, "向甲方支付",
//     "乙方应"), whether the rate runs per day, and what is late (payment or delivery).
//     The words come from the categories penalty_role, penalty_party, penalty_per and
//     penalty_delay of rules/penalties.toml.
//   - resolve_base: which defined sum a base label names (category penalty_base and the
//     amounts already extracted).
// penalties_tiers.cpp reads the tables of tiers (按下列比例支付违约赔偿金： and a rate per line
// below).
#pragma once

#include <cstddef>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "clause_scan/summary.h"
#include "extract/context.h"

namespace clause_scan::extract::penalty {

// A range [begin, end) of the normalized text.
struct Span {
  std::size_t begin = 0;
  std::size_t end = 0;
};

// Where a statement's sentence and line start (after the previous statement, if any), both
// ending where the statement ends.
struct Scopes {
  Span sentence;
  Span line;
};

// The scopes of the statement at `statement`, not reaching back before `previous_end`.
Scopes scopes_of(const Context& context, Span statement, std::size_t previous_end);

// A party role named in the text, with what the words around it say it does.
struct RoleMention {
  Span span;
  std::string role;         // 甲方
  std::string counterpart;  // 乙方, or "" when the role has none
  bool pays = false;        // 乙方应…, 向甲方收取, 没收乙方支付的
  bool is_paid = false;     // 向甲方支付, 支付给乙方, 甲方有权
};

struct PayerPayee {
  std::optional<std::string> payer;
  std::optional<std::string> payee;
};

class PenaltyCues {
 public:
  // Reads the cues of the given lines (sorted, each once): the lines of the statements, since
  // every span asked about below lies within a statement's line. The roles are those of the
  // rule files and, where the contract names its two parties otherwise (市国土局, 用地者),
  // those of `parties`.
  PenaltyCues(const Context& context, const std::vector<int>& lines,
              const std::vector<Party>& parties);

  // Who pays whom for a statement whose words are `statement` and whose rate starts at
  // `rate_begin`, reading first `sentence` (from the start of its sentence) and then, for
  // what is still open, `line` (from the start of its line); both end at statement.end.
  PayerPayee parties(Span sentence, Span line, std::size_t rate_begin) const;

  // The per-period words in `span` (每逾期一日 -> day), or RatePer::none.
  RatePer per_in(Span span) const;

  // The kind of the last "what is late" words in `span` (逾期付款 -> late_payment).
  std::optional<PenaltyKind> delay_in(Span span) const;

  // The last name of a penalty for a delay inside `span` (逾期撤场违约金, 逾期交货的违约金).
  std::optional<Span> delay_name_in(Span span) const;

  // Who pays whom by the heading of a clause that holds `offset` (第十二条 承揽方的违约责任：,
  // category penalty_heading), the innermost that names a known role: that role pays its
  // counterpart. For a statement whose words name neither.
  PayerPayee by_heading(const Context& context, std::size_t offset) const;

 private:
  std::vector<RoleMention> mentions_in(Span span) const;
  PayerPayee parties_in(Span span, std::size_t rate_begin) const;
  // The role's counterpart (甲方 -> 乙方), or nullopt for a role without one.
  std::optional<std::string> counterpart_of(std::string_view role) const;

  std::vector<RoleMention> mentions_;                             // in text order
  std::map<std::string, std::string, std::less<>> counterparts_;  // 甲方 -> 乙方
  std::vector<std::pair<Span, RatePer>> pers_;
  std::vector<std::pair<Span, PenaltyKind>> delays_;
  std::vector<Span> delay_names_;
};

// Parses a kind name of the rule files ("late_payment"); nullopt for others ("delay").
std::optional<PenaltyKind> parse_kind(std::string_view name);

// The words without bracketed notes: "中标金额(如经招标)或总价款" -> "中标金额或总价款",
// "10000(5000~50000)元" -> "10000元" (the range a template allows beside the figure); an
// abbreviation in Latin letters stays: "贷款市场报价利率(LPR)".
std::string without_brackets(std::string_view words);

// What a base label names.
struct ResolvedBase {
  std::string label;             // as reported: 中标金额, 项目总价款
  std::optional<Decimal> value;  // the defined sum, when there is one
  bool generic = false;  // not a defined sum by nature (应付未付金额): never a finding
  std::string currency = "CNY";  // the defined sum's
};

// Resolves the words a rule captured as a base. Alternatives (中标金额（如…）或项目总价款（如…）)
// resolve to the first one the contract defines, else to the first.
ResolvedBase resolve_base(const Context& context, const Summary& summary, std::string_view words);

// Sets the penalty's base, base value and one-off amount from the base words `words`; a base
// that names no defined sum and is not generic adds a Finding "undefined-base".
void read_base(const Context& context, const Summary& summary, std::string_view words,
               Penalty& penalty, std::vector<Finding>& findings);

// The penalties of the tables of tiers that `intros` announce (category "penalty_tiers"):
// one per line below an intro that states a tier (category "penalty_tier"), up to the first
// line that does not, or that holds a statement of its own (a line of `statement_lines`).
// Each tier takes its kind, payer and payee from its intro.
std::vector<Penalty> read_tier_tables(const Context& context, const Summary& summary,
                                      const PenaltyCues& cues,
                                      const std::vector<const RuleMatch*>& intros,
                                      const std::vector<int>& statement_lines,
                                      std::vector<Finding>& findings);

}  // namespace clause_scan::extract::penalty
