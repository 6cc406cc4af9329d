// Penalties: 违约金, 滞纳金, 罚息 and 定金 forfeiture.
//
// Each match of category "penalty" (rules/penalties.toml) is one statement; where two
// overlap, the rule written first wins, a statement whose rate is a cap's rate (违约金的总额
// 不超过合同总价的10%) is a cap, not a statement, and one that gives a range of sums (20至50
// 元的罚金) states no definite penalty. From its captures a statement gives
// its rate (percent, multiple or months), its base label or its fixed sum; the words
// around it (penalties_cues.cpp) give who pays whom, whether the rate runs per day and what
// is late; its base is resolved to a defined sum (penalties_base.cpp), which gives the
// one-off amount. Caps (category "penalty_cap") apply to the statements before them on
// their line. A base that names no defined sum and is not generic is a Finding
// "undefined-base".
#include <algorithm>
#include <array>
#include <set>
#include <string>
#include <tuple>
#include <unordered_map>

#include <fmt/format.h>

#include "extract/extractors.h"
#include "extract/penalties_parts.h"

namespace clause_scan::extract {
namespace {

using penalty::PenaltyCues;
using penalty::Span;

constexpr std::string_view kUndefinedBase = "undefined-base";
constexpr std::array<std::string_view, 4> kSentenceEnds = {"。", ";", "!", "?"};

bool overlaps(Span a, Span b) { return a.begin < b.end && b.begin < a.end; }

Span span_of(const Capture& capture) { return {capture.begin, capture.end}; }

// True when the statement's rate is the rate of a cap.
bool is_cap(const RuleMatch& statement, const std::vector<const RuleMatch*>& caps) {
  const Capture* percent = statement.capture("percent");
  if (percent == nullptr) return false;
  return std::any_of(caps.begin(), caps.end(), [&](const RuleMatch* cap) {
    const Capture* cap_percent = cap->capture("percent");
    return cap_percent != nullptr && overlaps(span_of(*percent), span_of(*cap_percent));
  });
}

// The statements, without overlaps (the earlier rule wins), in text order.
std::vector<const RuleMatch*> select_statements(const Context& context) {
  std::unordered_map<const Rule*, std::size_t> rank;
  const auto& rules = context.resources().rules.rules();
  for (std::size_t i = 0; i < rules.size(); ++i) rank[rules[i].get()] = i;

  std::vector<const RuleMatch*> candidates = context.matches("penalty");
  std::vector<const RuleMatch*> caps = context.matches("penalty_cap");
  std::stable_sort(candidates.begin(), candidates.end(), [&](const auto* a, const auto* b) {
    return std::tie(rank[a->rule], a->pattern) < std::tie(rank[b->rule], b->pattern);
  });
  std::vector<const RuleMatch*> chosen;
  for (const RuleMatch* candidate : candidates) {
    if (is_cap(*candidate, caps) || candidate->capture("range") != nullptr) continue;
    Span span{candidate->begin, candidate->end};
    bool free = std::none_of(chosen.begin(), chosen.end(), [&](const RuleMatch* taken) {
      return overlaps(span, {taken->begin, taken->end});
    });
    if (free) chosen.push_back(candidate);
  }
  std::sort(chosen.begin(), chosen.end(),
            [](const auto* a, const auto* b) { return a->begin < b->begin; });
  return chosen;
}

// Where the statement's sentence and line start (after the previous statement, if any).
struct Scopes {
  Span sentence;
  Span line;
};

Scopes scopes_of(const Context& context, const RuleMatch& statement, std::size_t previous_end) {
  const SourceText& source = context.document().source;
  std::size_t line_begin = source.line_begin(source.line(statement.begin));
  std::size_t start = std::max(line_begin, previous_end);
  std::string_view before = std::string_view(context.text()).substr(start, statement.begin - start);
  std::size_t sentence_begin = start;
  for (std::string_view end : kSentenceEnds) {
    std::size_t at = before.rfind(end);
    if (at != std::string_view::npos)
      sentence_begin = std::max(sentence_begin, start + at + end.size());
  }
  return {{sentence_begin, statement.end}, {start, statement.end}};
}

struct Rate {
  std::optional<Decimal> percent;
  RatePer per = RatePer::none;
};

std::optional<Decimal> hundredfold(const Context& context, const Capture* count) {
  if (count == nullptr) return std::nullopt;
  auto number = parse_number(context.words(*count));
  if (!number || number->approximate) return std::nullopt;
  return number->value.mul(Decimal::from_int(100));
}

// The rate: a percent capture, N倍, N 个月 (x 100), or the rule's fixed percent.
Rate rate_of(const Context& context, const RuleMatch& statement) {
  Rate rate;
  if (const Capture* percent = statement.capture("percent")) {
    if (auto parsed = parse_rate(context.words(*percent));
        parsed && parsed->kind == RateKind::percent) {
      rate.percent = parsed->percent;
      rate.per = parsed->per;
    }
  } else if (auto times = hundredfold(context, statement.capture("multiple"))) {
    rate.percent = times;
  } else if (auto months = hundredfold(context, statement.capture("months"))) {
    rate.percent = months;
  } else if (auto fixed = Decimal::parse(statement.rule->attribute("percent"))) {
    rate.percent = fixed;
  }
  return rate;
}

// The position where the statement's rate (or, without one, the statement) begins.
std::size_t rate_begin(const RuleMatch& statement) {
  for (std::string_view name : {"percent", "multiple", "months", "sum"}) {
    if (const Capture* capture = statement.capture(name)) return capture->begin;
  }
  return statement.begin;
}

PenaltyKind kind_of(const RuleMatch& statement, RatePer per, const PenaltyCues& cues,
                    const Scopes& scopes) {
  if (statement.capture("fine") != nullptr) return PenaltyKind::other;  // 罚金, not 违约金
  std::string_view kind = statement.rule->attribute("kind");
  if (auto fixed = penalty::parse_kind(kind)) return *fixed;
  if (kind != "delay" && per == RatePer::none) return PenaltyKind::liquidated_damages;
  auto cue = cues.delay_in({scopes.sentence.begin, statement.begin});
  if (!cue) cue = cues.delay_in({scopes.line.begin, statement.begin});
  if (cue) return *cue;
  return penalty::parse_kind(statement.rule->attribute("fallback_kind", "late_delivery"))
      .value_or(PenaltyKind::late_delivery);
}

// Base, base value and amount; records an undefined base.
void read_base(const Context& context, const Summary& summary, const RuleMatch& statement,
               Penalty& penalty, std::vector<Finding>& findings) {
  std::string_view words = statement.rule->attribute("base");
  if (const Capture* base = statement.capture("base")) words = context.words(*base);
  if (words.empty()) return;
  penalty::ResolvedBase base = penalty::resolve_base(context, summary, words);
  penalty.base = base.label;
  penalty.base_value = base.value;
  if (base.value && penalty.percent && penalty.per == RatePer::none && !penalty.amount) {
    if (auto amount = base.value->percent_of(*penalty.percent)) penalty.amount = amount->round(2);
  }
  if (!base.value && !base.generic) {
    findings.push_back(Finding{
        std::string(kUndefinedBase), Severity::warning,
        fmt::format("违约金计算基数“{}”在合同中没有定义金额", base.label), penalty.source,
        fmt::format("penalty base “{}” is not stated as a sum in the contract", base.label)});
  }
}

Penalty read_statement(const Context& context, const Summary& summary, const PenaltyCues& cues,
                       const RuleMatch& statement, const Scopes& scopes,
                       std::vector<Finding>& findings) {
  Penalty penalty;
  penalty.source = context.source(statement.begin, statement.end);
  Rate rate = rate_of(context, statement);
  penalty.percent = rate.percent;
  penalty.per =
      rate.per != RatePer::none ? rate.per : cues.per_in({scopes.sentence.begin, statement.end});
  penalty.kind = kind_of(statement, penalty.per, cues, scopes);
  if (const Capture* sum = statement.capture("sum")) {
    if (auto money = parse_money(context.words(*sum))) penalty.amount = money->value;
  }
  read_base(context, summary, statement, penalty, findings);
  penalty::PayerPayee parties = cues.parties(scopes.sentence, scopes.line, rate_begin(statement));
  penalty.payer = parties.payer;
  penalty.payee = parties.payee;
  return penalty;
}

// Gives each cap to the statements before it on its line that have none yet.
void apply_caps(const Context& context, std::vector<Penalty>& penalties) {
  const SourceText& source = context.document().source;
  for (const RuleMatch* cap : context.matches("penalty_cap")) {
    const Capture* percent = cap->capture("percent");
    if (percent == nullptr) continue;
    auto rate = parse_rate(context.words(*percent));
    if (!rate || rate->kind != RateKind::percent) continue;
    int line = source.line(cap->begin);
    for (Penalty& penalty : penalties) {
      if (penalty.source.line == line && penalty.source.begin < cap->begin &&
          !penalty.cap_percent) {
        penalty.cap_percent = rate->percent;
      }
    }
  }
}

// The lines of the statements, sorted, each once.
std::vector<int> lines_of(const Context& context, const std::vector<const RuleMatch*>& statements) {
  std::vector<int> lines;
  for (const RuleMatch* statement : statements) {
    int line = context.document().source.line(statement->begin);
    if (lines.empty() || lines.back() != line) lines.push_back(line);
  }
  return lines;
}

// One finding per line and message: 双倍返还定金 and 无权要求返还定金 on one line name the
// same undefined 定金 once.
void drop_repeats(std::vector<Finding>& findings) {
  std::set<std::pair<int, std::string>> seen;
  auto repeated = [&](const Finding& finding) {
    return !seen.emplace(finding.source.line, finding.message).second;
  };
  findings.erase(std::remove_if(findings.begin(), findings.end(), repeated), findings.end());
}

}  // namespace

void extract_penalties(const Context& context, Summary& summary) {
  const std::vector<const RuleMatch*> statements = select_statements(context);
  PenaltyCues cues(context, lines_of(context, statements), summary.parties);
  std::vector<Penalty> penalties;
  std::vector<Finding> findings;
  std::size_t previous_end = 0;
  for (const RuleMatch* statement : statements) {
    Scopes scopes = scopes_of(context, *statement, previous_end);
    Penalty penalty = read_statement(context, summary, cues, *statement, scopes, findings);
    // A statement that goes on the sentence of the one before (…A的＿％或B的＿％违约金)
    // without naming a party has that statement's payer and payee.
    bool continues = !penalties.empty() && scopes.sentence.begin == previous_end &&
                     penalties.back().source.line == penalty.source.line;
    if (continues && !penalty.payer && !penalty.payee) {
      penalty.payer = penalties.back().payer;
      penalty.payee = penalties.back().payee;
    }
    penalties.push_back(std::move(penalty));
    previous_end = statement->end;
  }
  apply_caps(context, penalties);
  drop_repeats(findings);
  summary.penalties.insert(summary.penalties.end(), penalties.begin(), penalties.end());
  summary.findings.insert(summary.findings.end(), findings.begin(), findings.end());
}

}  // namespace clause_scan::extract
