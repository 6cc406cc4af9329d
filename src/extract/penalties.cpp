// Penalties: 违约金, 滞纳金, 罚息 and 定金 forfeiture.
//
// Each match of category "penalty" (rules/penalties.toml) is one statement; where two
// overlap, the rule written first wins, and a statement whose rate is a cap's rate (违约金的总额
// 不超过合同总价的10%) is a cap, not a statement. From its captures a statement gives its rate
// (percent, multiple or months), its base label, its fixed sum or the range it allows (20至50
// 元的罚金: no figure, the bounds); the words
// around it (penalties_cues.cpp) give who pays whom, whether the rate runs per day and what
// is late; its base is resolved to a defined sum (penalties_base.cpp), which gives the
// one-off amount. Caps (category "penalty_cap") apply to the statements before them on
// their line. A base that names no defined sum and is not generic is a Finding
// "undefined-base"; a figure outside the range written beside it, "penalty-outside-range". Tables
// of tiers, a rate per line under one heading, are read by penalties_tiers.cpp.
#include <algorithm>
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
using penalty::Scopes;
using penalty::Span;

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
    if (is_cap(*candidate, caps)) continue;
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

// The period a capture `per` names for a rate written without one (年 of 年利率6%).
RatePer per_named(std::string_view word) {
  if (word == "年") return RatePer::year;
  if (word == "月") return RatePer::month;
  if (word == "周") return RatePer::week;
  if (word == "日" || word == "天") return RatePer::day;
  return RatePer::none;
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
    if (const Capture* per = statement.capture("per"); per && rate.per == RatePer::none) {
      rate.per = per_named(context.words(*per));
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

// The range of a statement of a rule with attribute `range` (yuan, percent or multiple), from
// its captures low and high: the penalty itself when the statement gives no figure, else the
// range a template allows beside its figure (10000（5000～50000）元/天).
std::optional<PenaltyRange> range_of(const Context& context, const RuleMatch& statement) {
  const std::string_view unit = statement.rule->attribute("range");
  const Capture* low = statement.capture("low");
  const Capture* high = statement.capture("high");
  if (unit.empty() || low == nullptr || high == nullptr) return std::nullopt;
  if (statement.capture("second") != nullptr) return std::nullopt;  // two ranges: neither
  const std::string_view low_words = context.words(*low);
  const std::string_view high_words = context.words(*high);
  if (unit == "yuan") {
    // A bound written without a unit has the other's: 1～3万元, (5000～50000)元 after a figure.
    const bool wan = low_words.find("万") != std::string_view::npos ||
                     high_words.find("万") != std::string_view::npos;
    auto sum_of = [wan](std::string_view bound) {
      std::string sum(bound);
      if (sum.find("元") == std::string::npos) sum += wan && !sum.ends_with("万") ? "万元" : "元";
      return parse_money(sum);
    };
    auto from = sum_of(low_words);
    auto to = sum_of(high_words);
    if (!from || !to) return std::nullopt;
    return PenaltyRange{from->value, to->value, RangeUnit::yuan};
  }
  auto from = parse_number(low_words);
  auto to = parse_number(high_words);
  if (!from || !to || from->approximate || to->approximate) return std::nullopt;
  const Decimal scale = Decimal::from_int(unit == "multiple" ? 100 : 1);  // 2倍 is 200%
  auto low_percent = from->value.mul(scale);
  auto high_percent = to->value.mul(scale);
  if (!low_percent || !high_percent) return std::nullopt;
  return PenaltyRange{*low_percent, *high_percent, RangeUnit::percent};
}

// The position where the statement's rate (or, without one, the statement) begins.
std::size_t rate_begin(const RuleMatch& statement) {
  for (std::string_view name : {"low", "percent", "multiple", "months", "sum"}) {
    if (const Capture* capture = statement.capture(name)) return capture->begin;
  }
  return statement.begin;
}

PenaltyKind kind_of(const RuleMatch& statement, RatePer per, const PenaltyCues& cues,
                    const Scopes& scopes) {
  // A fine (罚金) is not 违约金: its kind is other, unless it is named for a delay (延期罚金).
  const bool fine = statement.capture("fine") != nullptr;
  std::string_view kind = statement.rule->attribute("kind");
  if (auto fixed = penalty::parse_kind(kind); fixed && !fine) return *fixed;
  std::optional<PenaltyKind> cue;
  if (fine || (kind != "delay" && per == RatePer::none)) {
    // A one-off penalty named for a delay (…的二倍支付逾期撤场违约金) is of the delay's kind.
    auto name = cues.delay_name_in({rate_begin(statement), statement.end});
    if (!name) return fine ? PenaltyKind::other : PenaltyKind::liquidated_damages;
    cue = cues.delay_in(*name);
  }
  if (!cue) cue = cues.delay_in({scopes.sentence.begin, statement.begin});
  if (!cue) cue = cues.delay_in({scopes.line.begin, statement.begin});
  // A statement that starts from the delay (逾期交付的，按年利率6%支付利息) names it itself.
  if (!cue) cue = cues.delay_in({statement.begin, rate_begin(statement)});
  if (cue) return *cue;
  return penalty::parse_kind(statement.rule->attribute("fallback_kind", "late_delivery"))
      .value_or(PenaltyKind::late_delivery);
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
  penalty.range = range_of(context, statement);
  penalty.rate_blank = statement.rule->attribute("blank") == "true";
  if (const Capture* sum = statement.capture("sum")) {
    if (auto money = parse_money(penalty::without_brackets(context.words(*sum)))) {
      penalty.amount = money->value;
      penalty.currency = money->currency;
    }
  }
  std::string_view base = statement.rule->attribute("base");
  if (const Capture* words = statement.capture("base")) base = context.words(*words);
  penalty::read_base(context, summary, base, penalty, findings);
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

// The lines of the matches, sorted, each once.
std::vector<int> lines_of(const Context& context, const std::vector<const RuleMatch*>& matches) {
  std::vector<int> lines;
  for (const RuleMatch* match : matches)
    lines.push_back(context.document().source.line(match->begin));
  std::sort(lines.begin(), lines.end());
  lines.erase(std::unique(lines.begin(), lines.end()), lines.end());
  return lines;
}

// The contract's own word for a role written otherwise (发包方 for the party 发包人, 出租人 for
// 出租方): the party whose role has the same stem, when the written role is no party's.
std::optional<std::string> party_role(const std::vector<Party>& parties,
                                      const std::optional<std::string>& role) {
  if (!role) return role;
  auto stem = [](std::string_view word) {
    for (std::string_view end : {"方", "人"}) {
      if (word.size() > end.size() && word.ends_with(end))
        return word.substr(0, word.size() - end.size());
    }
    return std::string_view();
  };
  const std::string_view written = stem(*role);
  if (written.empty()) return role;
  for (const Party& party : parties) {
    if (party.role == *role) return role;
  }
  for (const Party& party : parties) {
    if (stem(party.role) == written) return party.role;
  }
  return role;
}

// A figure written with the range a template allows beside it (60000（5000～50000）元/天) and
// outside that range: the contract contradicts itself. Finding "penalty-outside-range".
void check_ranges(const std::vector<Penalty>& penalties, std::vector<Finding>& findings) {
  for (const Penalty& penalty : penalties) {
    if (!penalty.range) continue;
    const PenaltyRange& range = *penalty.range;
    const bool percent = range.unit == RangeUnit::percent;
    const std::optional<Decimal>& figure = percent ? penalty.percent : penalty.amount;
    if (!figure || (*figure >= range.low && *figure <= range.high)) continue;
    const std::string value = percent ? format_percent(*figure) + "%" : figure->to_grouped(2);
    findings.push_back(
        Finding{"penalty-outside-range", Severity::error,
                fmt::format("违约金 {}{} 不在其旁注明的范围 {} 内", value, percent ? "" : " 元",
                            range_text(range)),
                penalty.source,
                fmt::format("penalty of {}{} is outside the range written beside it, {}", value,
                            percent ? "" : " CNY", range_text(range, true))});
  }
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
  const std::vector<const RuleMatch*> intros = context.matches("penalty_tiers");
  const std::vector<int> statement_lines = lines_of(context, statements);
  std::vector<const RuleMatch*> cued = statements;
  cued.insert(cued.end(), intros.begin(), intros.end());
  PenaltyCues cues(context, lines_of(context, cued), summary.parties);
  std::vector<Penalty> penalties;
  std::vector<Finding> findings;
  std::size_t previous_end = 0;
  for (const RuleMatch* statement : statements) {
    Scopes scopes = penalty::scopes_of(context, {statement->begin, statement->end}, previous_end);
    Penalty penalty = read_statement(context, summary, cues, *statement, scopes, findings);
    // A statement that goes on the sentence of the one before (…A的＿％或B的＿％违约金)
    // without naming a party has that statement's payer and payee.
    bool continues = !penalties.empty() && scopes.sentence.begin == previous_end &&
                     penalties.back().source.line == penalty.source.line;
    if (continues && !penalty.payer && !penalty.payee) {
      penalty.payer = penalties.back().payer;
      penalty.payee = penalties.back().payee;
    }
    if (!penalty.payer && !penalty.payee) {
      penalty::PayerPayee parties = cues.by_heading(context, statement->begin);
      penalty.payer = parties.payer;
      penalty.payee = parties.payee;
    }
    penalties.push_back(std::move(penalty));
    previous_end = statement->end;
  }
  std::vector<Penalty> tiers =
      penalty::read_tier_tables(context, summary, cues, intros, statement_lines, findings);
  penalties.insert(penalties.end(), tiers.begin(), tiers.end());
  std::stable_sort(penalties.begin(), penalties.end(), [](const Penalty& a, const Penalty& b) {
    return a.source.begin < b.source.begin;
  });
  for (Penalty& penalty : penalties) {
    penalty.payer = party_role(summary.parties, penalty.payer);
    penalty.payee = party_role(summary.parties, penalty.payee);
  }
  apply_caps(context, penalties);
  check_ranges(penalties, findings);
  drop_repeats(findings);
  summary.penalties.insert(summary.penalties.end(), penalties.begin(), penalties.end());
  summary.findings.insert(summary.findings.end(), findings.begin(), findings.end());
}

}  // namespace clause_scan::extract
