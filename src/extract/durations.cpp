// Durations and deadlines: 10 个工作日内, 十五日内, 三十(30)日, 3个月, 一年, 48小时内, 至少一周.
//
// Each match of category "duration" gives a Duration from its captures: `value` (the number,
// read by parse_number; 半 is one half) and `unit` (the unit words, read by unit_of_words
// below, or the rule's attribute `unit`). A capture `low` is the lower end of a range (三至六
// 个月) and gives a second duration with the same unit. A number inside a match of category
// "not_duration" (2026年, 每月5日, 每逾期一日, 第三日, 18周岁) or in a clause number is not a
// duration. One duration
// per number and unit: matches that end at the same unit with the same value (三十(30)日 found
// by two rules) are listed once. The list is in document order.
#include <algorithm>
#include <optional>
#include <set>
#include <string_view>
#include <utility>
#include <vector>

#include "extract/extractors.h"

namespace clause_scan::extract {
namespace {

struct Span {
  std::size_t begin = 0;
  std::size_t end = 0;
};

bool contains_word(std::string_view text, std::string_view word) {
  return text.find(word) != std::string_view::npos;
}

// The unit the words name: 工作日 营业日 -> working_day; 小时 钟头 -> hour; 周 星期 礼拜 ->
// week; 月 -> month; 年 -> year; 日 天 (日历日, 自然日) -> day.
std::optional<DurationUnit> unit_of_words(std::string_view words) {
  if (contains_word(words, "工作日") || contains_word(words, "营业日")) {
    return DurationUnit::working_day;
  }
  if (contains_word(words, "小时") || contains_word(words, "钟头")) return DurationUnit::hour;
  if (contains_word(words, "周") || contains_word(words, "星期") || contains_word(words, "礼拜")) {
    return DurationUnit::week;
  }
  if (contains_word(words, "月")) return DurationUnit::month;
  if (contains_word(words, "年")) return DurationUnit::year;
  if (contains_word(words, "日") || contains_word(words, "天")) return DurationUnit::day;
  return std::nullopt;
}

std::optional<DurationUnit> unit_of_name(std::string_view name) {
  for (DurationUnit unit : {DurationUnit::day, DurationUnit::working_day, DurationUnit::week,
                            DurationUnit::month, DurationUnit::year, DurationUnit::hour}) {
    if (to_string(unit) == name) return unit;
  }
  return std::nullopt;
}

const Decimal kHalf = Decimal::from_units(5, 1);

// The number of a `value` or `low` capture: 10, 三十, 1.5, 两, 半.
std::optional<Decimal> read_value(std::string_view words) {
  if (words == "半") return kHalf;
  std::optional<ParsedNumber> number = parse_number(words);
  if (!number || number->value <= Decimal()) return std::nullopt;
  return number->value;
}

// Spans, asked whether any of them overlaps a capture (in O(log n): sorted by begin, with the
// furthest end reached so far).
class SpanIndex {
 public:
  explicit SpanIndex(std::vector<Span> spans) : spans_(std::move(spans)) {
    std::sort(spans_.begin(), spans_.end(),
              [](const Span& a, const Span& b) { return a.begin < b.begin; });
    std::size_t furthest = 0;
    for (const Span& span : spans_)
      furthest_end_.push_back(furthest = std::max(furthest, span.end));
  }

  // True when a span begins before the capture ends and ends after it begins.
  bool overlaps_any(const Capture& capture) const {
    auto after =
        std::lower_bound(spans_.begin(), spans_.end(), capture.end,
                         [](const Span& span, std::size_t offset) { return span.begin < offset; });
    if (after == spans_.begin()) return false;
    return furthest_end_[after - spans_.begin() - 1] > capture.begin;
  }

 private:
  std::vector<Span> spans_;
  std::vector<std::size_t> furthest_end_;
};

// Where a number is not a length: the matches of "not_duration", and the numbering of every
// clause (1.23小时或天：… opens a definition, it does not give 1.23 hours). The matches are
// read on the lines of the durations only (`lines`, sorted): no rule matches across lines.
std::vector<Span> not_duration_spans(const Context& context, const std::vector<int>& lines) {
  std::vector<Span> spans;
  for (int line : lines) {
    for (const RuleMatch* match : context.matches_on_lines("not_duration", line, line)) {
      spans.push_back({match->begin, match->end});
    }
  }
  for (const Clause* clause : context.document().outline.flatten()) {
    spans.push_back({clause->begin, clause->body_begin});
  }
  return spans;
}

struct Reading {
  DurationUnit unit = DurationUnit::day;
  bool half = false;  // 一年半, 一个半月
};

std::optional<Reading> read_unit(const Context& context, const RuleMatch& match) {
  const Capture* words = match.capture("unit");
  std::string_view attribute = match.rule->attribute("unit");
  std::optional<DurationUnit> unit =
      attribute.empty() ? (words ? unit_of_words(context.words(*words)) : std::nullopt)
                        : unit_of_name(attribute);
  if (!unit) return std::nullopt;
  return Reading{*unit, words != nullptr && contains_word(context.words(*words), "半")};
}

class DurationList {
 public:
  DurationList(const Context& context, const std::vector<int>& lines)
      : context_(context), excluded_(not_duration_spans(context, lines)) {}

  void add_match(const RuleMatch& match) {
    std::optional<Reading> unit = read_unit(context_, match);
    if (!unit) return;
    const Capture* unit_words = match.capture("unit");
    const std::size_t end = unit_words ? unit_words->end : match.end;
    for (std::string_view name : {"low", "value"}) {
      if (const Capture* value = match.capture(name)) add(*value, end, *unit);
    }
  }

  std::vector<Duration> take() {
    std::stable_sort(found_.begin(), found_.end(), [](const Duration& a, const Duration& b) {
      return a.source.begin < b.source.begin;
    });
    return std::move(found_);
  }

 private:
  void add(const Capture& value_words, std::size_t end, const Reading& unit) {
    if (excluded_.overlaps_any(value_words)) return;
    std::optional<Decimal> value = read_value(context_.words(value_words));
    if (value && unit.half) value = value->add(kHalf);
    if (!value) return;
    if (!seen_.insert({end, value->to_string()}).second) return;
    Duration duration;
    duration.value = *value;
    duration.unit = unit.unit;
    duration.source = context_.source(value_words.begin, end);
    found_.push_back(std::move(duration));
  }

  const Context& context_;
  SpanIndex excluded_;
  std::set<std::pair<std::size_t, std::string>> seen_;  // (end of the unit, value)
  std::vector<Duration> found_;
};

}  // namespace

void extract_durations(const Context& context, Summary& summary) {
  const std::vector<const RuleMatch*> matches = context.matches("duration");
  std::vector<int> lines;
  for (const RuleMatch* match : matches) {
    int line = context.document().source.line(match->begin);
    if (lines.empty() || lines.back() != line) lines.push_back(line);
  }
  DurationList list(context, lines);
  for (const RuleMatch* match : matches) list.add_match(*match);
  std::vector<Duration> found = list.take();
  summary.durations.insert(summary.durations.end(), found.begin(), found.end());
}

}  // namespace clause_scan::extract
