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

// The sum a rate is taken of, when the contract names it: "“合同金额”的" and " of “合同金额”".
Message base_words(const Penalty& penalty) {
  if (!penalty.base) return {};
  return {quote_words(*penalty.base) + "的", " of " + quote_words(*penalty.base)};
}

// One-off penalties: a rate, a fixed sum against the contract amount, or a cap.
void check_one_off(const Penalty& penalty, const std::optional<Decimal>& contract,
                   FindingSink& sink) {
  const Decimal ceiling = sink.settings().limits.penalty_percent;
  const std::size_t offset = offset_of(penalty.source, sink.document().source);
  const std::string limit = format_percent(ceiling) + "%";
  if (penalty.percent && *penalty.percent > ceiling) {
    const std::string rate = format_percent(*penalty.percent) + "%";
    const Message base = base_words(penalty);
    sink.at_offset(check_id::penalty_over_ceiling, Severity::warning,
                   {(penalty.base ? "违约金为" + base.zh + " " : "违约金比例为 ") + rate +
                        "，超过 " + limit + " 的限额",
                    "penalty of " + rate + base.en + " is above the " + limit + " ceiling"},
                   offset);
  } else if (!penalty.percent && penalty.amount && contract) {
    std::optional<Decimal> share = penalty.amount->mul(Decimal::from_int(100));
    std::optional<Decimal> allowed = contract->mul(ceiling);
    if (share && allowed && *share > *allowed) {
      const std::string amount = format_money(*penalty.amount);
      const std::string total = format_money(*contract);
      sink.at_offset(
          check_id::penalty_over_ceiling, Severity::warning,
          {"违约金 " + amount + " 元，超过合同金额 " + total + " 元的 " + limit,
           "penalty of " + amount + " is more than " + limit + " of the contract amount " + total},
          offset);
    }
  }
  if (penalty.cap_percent && *penalty.cap_percent > ceiling) {
    const std::string cap = format_percent(*penalty.cap_percent) + "%";
    sink.at_offset(check_id::penalty_over_ceiling, Severity::warning,
                   {"违约金上限 " + cap + "，超过 " + limit + " 的限额",
                    "penalty cap of " + cap + " is above the " + limit + " ceiling"},
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
  const std::string per_key = "per_" + per;
  const std::string per_zh(label(per_key, Lang::zh));  // 每日, 每周, 每月, 每年
  const std::string rate = format_percent(*penalty.percent) + "%";
  const std::string limit = format_percent(ceiling) + "%";
  const Message base = base_words(penalty);
  sink.at_offset(
      check_id::daily_rate_over_ceiling, Severity::warning,
      {"违约金按" + base.zh + per_zh + " " + rate + " 计，超过" + per_zh + " " + limit + " 的限额",
       "rate of " + rate + " per " + per + base.en + " is above the ceiling of " + limit + " per " +
           per},
      offset_of(penalty.source, sink.document().source));
}

Message period_name(const Period& period) {
  if (!period.label) return {"该期限", "the period"};
  return {quote_words(*period.label), quote_words(*period.label)};
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
      const Message name = period_name(period);
      const std::string start = period.start.date->iso();
      const std::string end = period.end.date->iso();
      sink.at_offset(check_id::period_end_before_start, Severity::error,
                     {name.zh + "的终止日期 " + end + " 早于起始日期 " + start,
                      name.en + " ends on " + end + ", before it starts on " + start},
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
    const Message name = period_name(*earliest);
    const std::string signed_on = signing.value->iso();
    const std::string end = earliest->end.date->iso();
    sink.at_offset(check_id::signing_after_period_end, Severity::error,
                   {"签订日期 " + signed_on + " 晚于" + name.zh + "的终止日期 " + end,
                    "signed on " + signed_on + ", after " + name.en + " ends on " + end},
                   offset_of(signing.source, text));
  }
}

}  // namespace clause_scan::check_detail
