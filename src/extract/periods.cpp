// Periods: a stretch of time with a start and an end (自…起至…止, 期限为 A 至 B).
//
// Each match of category "period" gives a Period from its captures `start` and `end` (and
// `label` when the rule has one). An end is a date when parse_date reads its words, else the
// words themselves (合同签订日, 合同生效之日), with date null. A period one of whose ends is an
// unfilled template (  年  月  日) is left out: blanks are not values. A rule with attribute
// require = "dates" gives only periods whose two ends are dates. Where two rules find the same
// period (the same end), the first match wins (a labelled rule starts at the label, before 自).
//
// A length with only one end (自 2026 年 3 月 1 日起一年) is not turned into a period by
// computing its end: it is a duration (durations.toml), as the annotation guide has it.
#include <optional>
#include <set>
#include <string>
#include <string_view>

#include "extract/dates_words.h"
#include "extract/extractors.h"

namespace clause_scan::extract {
namespace {

// The end of a period as written; std::nullopt when it is an unfilled blank.
std::optional<PeriodEnd> read_end(const Context& context, const Capture& capture) {
  PeriodEnd end;
  end.date = read_date(context.words(capture));
  if (!end.date && is_blank_template(context.words(capture))) return std::nullopt;
  end.text = context.source(capture.begin, capture.end).text;
  return end;
}

// The end of the match without the punctuation that closed it (。 , ; brackets).
std::size_t end_of_words(const Context& context, const RuleMatch& match) {
  std::string_view words = context.words(match);
  bool trimmed = true;
  while (trimmed) {
    trimmed = false;
    for (std::string_view closer : {"。", ",", ";", "(", ")", "【", "】", " "}) {
      if (words.ends_with(closer)) {
        words.remove_suffix(closer.size());
        trimmed = true;
      }
    }
  }
  return match.begin + words.size();
}

std::optional<Period> read_period(const Context& context, const RuleMatch& match) {
  const Capture* start = match.capture("start");
  const Capture* end = match.capture("end");
  if (start == nullptr || end == nullptr) return std::nullopt;
  std::optional<PeriodEnd> start_end = read_end(context, *start);
  std::optional<PeriodEnd> end_end = read_end(context, *end);
  if (!start_end || !end_end) return std::nullopt;
  if (match.rule->attribute("require") == "dates" && (!start_end->date || !end_end->date)) {
    return std::nullopt;
  }
  Period period;
  if (const Capture* label = match.capture("label")) {
    period.label = std::string(context.words(*label));
  }
  period.start = std::move(*start_end);
  period.end = std::move(*end_end);
  period.source = context.source(match.begin, end_of_words(context, match));
  return period;
}

}  // namespace

void extract_periods(const Context& context, Summary& summary) {
  std::set<std::size_t> seen_ends;  // offsets where the ends of listed periods begin
  for (const RuleMatch* match : context.matches("period")) {
    const Capture* end = match->capture("end");
    if (end == nullptr || seen_ends.contains(end->begin)) continue;
    std::optional<Period> period = read_period(context, *match);
    if (!period) continue;
    seen_ends.insert(end->begin);
    summary.periods.push_back(std::move(*period));
  }
}

}  // namespace clause_scan::extract
