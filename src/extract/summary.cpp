#include "clause_scan/summary.h"

namespace clause_scan {

std::string_view to_string(DateRole role) {
  switch (role) {
    case DateRole::signing:
      return "signing";
    case DateRole::start:
      return "start";
    case DateRole::end:
      return "end";
    case DateRole::effective:
      return "effective";
    case DateRole::other:
      return "other";
  }
  return "other";
}

std::string_view to_string(RangeUnit unit) {
  return unit == RangeUnit::percent ? "percent" : "yuan";
}

std::string range_text(const PenaltyRange& range, bool english) {
  const std::string to = english ? " to " : "～";
  if (range.unit == RangeUnit::percent) {
    return format_percent(range.low) + to + format_percent(range.high) + "%";
  }
  return range.low.to_grouped(2) + to + range.high.to_grouped(2) + (english ? " CNY" : " 元");
}

std::string_view to_string(DurationUnit unit) {
  switch (unit) {
    case DurationUnit::day:
      return "day";
    case DurationUnit::working_day:
      return "working_day";
    case DurationUnit::week:
      return "week";
    case DurationUnit::month:
      return "month";
    case DurationUnit::year:
      return "year";
    case DurationUnit::hour:
      return "hour";
  }
  return "day";
}

std::string_view to_string(PenaltyKind kind) {
  switch (kind) {
    case PenaltyKind::liquidated_damages:
      return "liquidated_damages";
    case PenaltyKind::late_payment:
      return "late_payment";
    case PenaltyKind::late_delivery:
      return "late_delivery";
    case PenaltyKind::deposit_forfeit:
      return "deposit_forfeit";
    case PenaltyKind::other:
      return "other";
  }
  return "other";
}

bool share_left_blank(const Installment& term) {
  return term.base && !term.percent && !term.amount && !term.remainder;
}

bool rate_left_blank(const Penalty& penalty) {
  if (penalty.percent || penalty.amount) return false;
  return penalty.rate_blank || (penalty.base && !penalty.range);
}

}  // namespace clause_scan
