// summary_checks.cpp: checks on what the extraction found: its own findings, penalty
// ceilings, and dates that contradict each other.
#include <optional>
#include <string>

#include "check/internal.h"

namespace clause_scan::check_detail {
namespace {

// Where a summary item points, as a normalized offset: its begin, or the start of its line
// for items built without offsets.
std::size_t offset_of(const SourceRef& source, const SourceText& text) {
  if (source.begin > 0 || source.line <= 1 || source.line > text.line_count()) return source.begin;
  return text.line_begin(source.line);
}

// The sum the contract is for: the first exact amount labelled as the contract's total.
std::optional<Decimal> contract_amount(const Summary& summary) {
  for (const Amount& amount : summary.amounts) {
    if (amount.approximate || !amount.label) continue;
    for (std::string_view word : {"合同", "中标", "总价", "总额", "成交"}) {
      if (amount.label->find(word) != std::string::npos) return amount.value;
    }
  }
  return std::nullopt;
}

std::string base_words(const Penalty& penalty) {
  return penalty.base ? " of " + quote_words(*penalty.base) : std::string();
}

// One-off penalties: a rate, a fixed sum against the contract amount, or a cap.
void check_one_off(const Penalty& penalty, const std::optional<Decimal>& contract,
                   FindingSink& sink) {
  const Decimal ceiling = sink.settings().limits.penalty_percent;
  const std::size_t offset = offset_of(penalty.source, sink.document().source);
  const std::string limit = format_percent(ceiling) + "% ceiling";
  if (penalty.percent && *penalty.percent > ceiling) {
    sink.at_offset(check_id::penalty_over_ceiling, Severity::warning,
                   "penalty of " + format_percent(*penalty.percent) + "%" + base_words(penalty) +
                       " is above the " + limit,
                   offset);
  } else if (!penalty.percent && penalty.amount && contract) {
    std::optional<Decimal> share = penalty.amount->mul(Decimal::from_int(100));
    std::optional<Decimal> allowed = contract->mul(ceiling);
    if (share && allowed && *share > *allowed) {
      sink.at_offset(check_id::penalty_over_ceiling, Severity::warning,
                     "penalty of " + format_money(*penalty.amount) + " is more than " +
                         format_percent(ceiling) + "% of the contract amount " +
                         format_money(*contract),
                     offset);
    }
  }
  if (penalty.cap_percent && *penalty.cap_percent > ceiling) {
    sink.at_offset(
        check_id::penalty_over_ceiling, Severity::warning,
        "penalty cap of " + format_percent(*penalty.cap_percent) + "% is above the " + limit,
        offset);
  }
}

// The daily ceiling scaled to the period a rate is charged per.
Decimal ceiling_per(RatePer per, Decimal daily) {
  int days = per == RatePer::week ? 7 : per == RatePer::month ? 30 : per == RatePer::year ? 365 : 1;
  return daily.mul(Decimal::from_int(days)).value_or(daily);
}

void check_periodic(const Penalty& penalty, FindingSink& sink) {
  if (!penalty.percent) return;
  const Decimal ceiling = ceiling_per(penalty.per, sink.settings().limits.daily_rate_percent);
  if (*penalty.percent <= ceiling) return;
  const std::string per(to_string(penalty.per));
  sink.at_offset(check_id::daily_rate_over_ceiling, Severity::warning,
                 "rate of " + format_percent(*penalty.percent) + "% per " + per +
                     base_words(penalty) + " is above the ceiling of " + format_percent(ceiling) +
                     "% per " + per,
                 offset_of(penalty.source, sink.document().source));
}

std::string period_name(const Period& period) {
  return period.label ? quote_words(*period.label) : std::string("the period");
}

}  // namespace

void check_summary(const Summary& summary, FindingSink& sink) {
  for (const Finding& finding : summary.findings) sink.from_summary(finding);
  const std::optional<Decimal> contract = contract_amount(summary);
  for (const Penalty& penalty : summary.penalties) {
    if (penalty.kind == PenaltyKind::deposit_forfeit) continue;  // 定金 has its own legal limit
    if (penalty.base && penalty.base->find("利率") != std::string::npos) continue;  // 罚息 +50%
    if (penalty.per == RatePer::none) {
      check_one_off(penalty, contract, sink);
    } else {
      check_periodic(penalty, sink);
    }
  }
}

void check_dates(const Summary& summary, FindingSink& sink) {
  const SourceText& text = sink.document().source;
  for (const Period& period : summary.periods) {
    if (period.start.date && period.end.date && *period.end.date < *period.start.date) {
      sink.at_offset(check_id::period_end_before_start, Severity::error,
                     period_name(period) + " ends on " + period.end.date->iso() +
                         ", before it starts on " + period.start.date->iso(),
                     offset_of(period.source, text));
    }
  }
  for (const DateMention& signing : summary.dates) {
    if (signing.role != DateRole::signing || !signing.value) continue;
    const Period* earliest = nullptr;
    for (const Period& period : summary.periods) {
      if (!period.end.date || *period.end.date >= *signing.value) continue;
      if (period.start.date && *period.end.date < *period.start.date) continue;  // reported
      if (earliest == nullptr || *period.end.date < *earliest->end.date) earliest = &period;
    }
    if (earliest == nullptr) continue;
    sink.at_offset(check_id::signing_after_period_end, Severity::error,
                   "signed on " + signing.value->iso() + ", after " + period_name(*earliest) +
                       " ends on " + earliest->end.date->iso(),
                   offset_of(signing.source, text));
  }
}

}  // namespace clause_scan::check_detail
