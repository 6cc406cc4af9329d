// The due date of an installment whose deadline starts at a known date.
//
// The trigger's words are matched with the rules of category installment_anchor: a `date`
// capture is the start itself (2026 年 9 月 30 日前); attribute anchor = "signing" starts at
// the signing of the contract, which is complete when the last party signs, so the latest
// signing date counts; anchor = "effective" starts when the contract takes effect: the
// effective date where the contract gives one, else the signing (contracts take effect on
// signature unless they say otherwise). A trigger with more conditions (签订生效且收到发票后)
// matches no anchor: its date is not known.
#include <algorithm>

#include "extract/installments_internal.h"

namespace clause_scan::extract::installments {
namespace {

std::optional<Date> latest_date(const Summary& summary, DateRole role) {
  std::optional<Date> latest;
  for (const DateMention& mention : summary.dates) {
    if (mention.role == role && mention.value && (!latest || *latest < *mention.value)) {
      latest = mention.value;
    }
  }
  return latest;
}

std::optional<Date> anchor_date(const Summary& summary, std::string_view anchor) {
  if (anchor == "signing") return latest_date(summary, DateRole::signing);
  if (anchor == "effective") {
    for (const DateMention& mention : summary.dates) {
      if (mention.role == DateRole::effective && mention.value) return mention.value;
    }
    return latest_date(summary, DateRole::signing);
  }
  return std::nullopt;
}

std::optional<Date> start_of(const Context& context, const Summary& summary, std::size_t begin,
                             std::size_t end) {
  std::vector<RuleMatch> anchors = scan_piece(context, "installment_anchor", begin, end);
  if (anchors.empty()) return std::nullopt;
  const RuleMatch& anchor = anchors.front();
  if (const Capture* date = anchor.capture("date")) return parse_date(context.words(*date));
  return anchor_date(summary, anchor.rule->attribute("anchor"));
}

// The count of a due duration as a whole number, or nullopt (0.5 个月 gives no date).
std::optional<int> whole_count(Decimal value) {
  Decimal rounded = value.round(0);
  if (!(rounded == value)) return std::nullopt;
  std::int64_t units = rounded.units();
  for (int i = 0; i < rounded.scale(); ++i) units /= 10;
  if (units < 0 || units > 100000) return std::nullopt;
  return static_cast<int>(units);
}

}  // namespace

void set_due_date(const Context& context, const Summary& summary, std::size_t trigger_begin,
                  std::size_t trigger_end, Installment& item) {
  std::optional<Date> start = start_of(context, summary, trigger_begin, trigger_end);
  if (!start) return;
  if (!item.due) {
    item.due_date = start;
    return;
  }
  std::optional<int> count = whole_count(item.due->value);
  if (!count) return;
  switch (item.due->unit) {
    case DurationUnit::working_day: {
      WorkingDayResult result = context.resources().calendar.add_working_days(*start, *count);
      item.due_date = result.date;
      item.due_date_approximate = result.approximate;
      return;
    }
    case DurationUnit::day:
      item.due_date = add_days(*start, *count);
      return;
    case DurationUnit::week:
      item.due_date = add_days(*start, 7 * *count);
      return;
    case DurationUnit::month:
      item.due_date = add_months(*start, *count);
      return;
    case DurationUnit::year:
      item.due_date = add_months(*start, 12 * *count);
      return;
    case DurationUnit::hour:
      return;  // a deadline in hours has no calendar date
  }
}

}  // namespace clause_scan::extract::installments
