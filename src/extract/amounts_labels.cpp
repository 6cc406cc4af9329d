// The names of sums.
//
// A name counts only where it touches the sum, so that a threshold (中标金额低于 500 万元)
// is never taken for the price itself: the rule's match (name plus linking words 为, 合计,
// ：, 按每月 …) ends where the sum begins, blanks and one line break allowed. A rate of a
// named sum in between (质保金：合同总价的 10%，即人民币…) is a base, not the sum's name; the
// name touching that base names the sum. Then, in this order: a name right after the sum
// (１０元违约金), the item heading of the sum's line (1. 预付款：… for its first sum).
#include <algorithm>
#include <charconv>
#include <optional>
#include <set>
#include <string>

#include "extract/amounts_parts.h"

namespace clause_scan::extract::amounts {
namespace {

struct Name {
  std::size_t begin = 0;
  std::size_t end = 0;
  std::string label;
  int priority = 1;
};

struct Span {
  std::size_t begin = 0;
  std::size_t end = 0;
};

struct Names {
  std::vector<Name> before;    // by end
  std::vector<Span> bases;     // by end
  std::vector<Name> after;     // by begin
  std::vector<Name> headings;  // by begin
};

std::string without_blanks(std::string_view words) {
  std::string label;
  for (char c : words) {
    if (c != ' ' && c != '\t') label += c;
  }
  return label;
}

int priority_of(const Rule& rule) {
  std::string_view text = rule.attribute("priority", "1");
  int priority = 1;
  std::from_chars(text.data(), text.data() + text.size(), priority);
  return priority;
}

// The amount_label matches that may name a sum: on a sum's line or the two lines above it (a
// name touches its sum across at most one line break, and a base's name touches the base
// across one more), in document order.
std::vector<const RuleMatch*> label_matches(const Context& context,
                                            const std::vector<Amount>& sums) {
  const SourceText& source = context.document().source;
  std::set<int> lines;
  for (const Amount& sum : sums) {
    int line = source.line(sum.source.begin);
    for (int above = std::max(1, line - 2); above <= line; ++above) lines.insert(above);
  }
  std::vector<const RuleMatch*> matches;
  for (int line : lines) {
    for (const RuleMatch* match : context.matches_on_lines("amount_label", line, line)) {
      matches.push_back(match);
    }
  }
  return matches;
}

Names collect_names(const Context& context, const std::vector<Amount>& sums) {
  Names names;
  for (const RuleMatch* match : label_matches(context, sums)) {
    const Rule& rule = *match->rule;
    if (rule.attribute("role") == "base") {
      names.bases.push_back(Span{match->begin, match->end});
      continue;
    }
    std::string label(rule.attribute("label"));
    if (label.empty()) label = without_blanks(capture_text(context, *match, "label"));
    if (label.empty()) continue;
    Name name{match->begin, match->end, std::move(label), priority_of(rule)};
    if (rule.attribute("scope") == "line") names.headings.push_back(name);
    if (rule.attribute("position") == "after") {
      names.after.push_back(std::move(name));
    } else {
      names.before.push_back(std::move(name));
    }
  }
  auto by_end = [](const auto& a, const auto& b) { return a.end < b.end; };
  std::stable_sort(names.before.begin(), names.before.end(), by_end);
  std::stable_sort(names.bases.begin(), names.bases.end(), by_end);
  return names;
}

// The items of `sorted` (by end) whose end lies in [low, high].
template <typename Item>
std::pair<const Item*, const Item*> ending_between(const std::vector<Item>& sorted, std::size_t low,
                                                   std::size_t high) {
  auto first =
      std::lower_bound(sorted.begin(), sorted.end(), low,
                       [](const Item& item, std::size_t offset) { return item.end < offset; });
  auto last = std::upper_bound(first, sorted.end(), high, [](std::size_t offset, const Item& item) {
    return offset < item.end;
  });
  return {sorted.data() + (first - sorted.begin()), sorted.data() + (last - sorted.begin())};
}

// The best name ending in [low, high] and beginning before `before`: highest priority,
// then longest.
const Name* best_name(const Names& names, std::size_t low, std::size_t high, std::size_t before) {
  auto [first, last] = ending_between(names.before, low, high);
  const Name* best = nullptr;
  for (const Name* name = first; name != last; ++name) {
    if (name->begin >= before) continue;
    if (best == nullptr || name->priority > best->priority ||
        (name->priority == best->priority && name->end - name->begin > best->end - best->begin)) {
      best = name;
    }
  }
  return best;
}

// Where the sum's own words start: past the "(" or "：" its match may begin with.
std::size_t core_begin(std::string_view text, const Amount& sum) {
  std::size_t offset = sum.source.begin;
  while (offset < sum.source.end &&
         std::string_view(" \t(,:").find(text[offset]) != std::string_view::npos) {
    ++offset;
  }
  return offset;
}

// A name touching the sum from before, directly or through a base.
const Name* name_before(std::string_view text, const Names& names, const Amount& sum) {
  std::size_t low = blank_before(text, sum.source.begin);
  std::size_t high = core_begin(text, sum);
  if (const Name* name = best_name(names, low, high, sum.source.begin)) return name;
  auto [first, last] = ending_between(names.bases, low, high);
  const Span* base = nullptr;
  for (const Span* span = first; span != last; ++span) {
    if (span->begin < sum.source.begin && (base == nullptr || span->begin < base->begin)) {
      base = span;
    }
  }
  if (base == nullptr) return nullptr;
  return best_name(names, blank_before(text, base->begin), base->end, base->begin);
}

const Name* name_after(std::string_view text, const Names& names, const Amount& sum) {
  std::size_t low = sum.source.end;
  std::size_t high = blank_after(text, low);
  auto first =
      std::lower_bound(names.after.begin(), names.after.end(), low,
                       [](const Name& name, std::size_t offset) { return name.begin < offset; });
  return first != names.after.end() && first->begin <= high ? &*first : nullptr;
}

// An item heading names the first sum after it on its line, when that sum has no name.
void name_by_headings(const Context& context, const Names& names, std::vector<Amount>& sums) {
  const SourceText& source = context.document().source;
  for (const Name& heading : names.headings) {
    auto first = std::lower_bound(
        sums.begin(), sums.end(), heading.end,
        [](const Amount& sum, std::size_t offset) { return sum.source.begin < offset; });
    if (first == sums.end() || first->label) continue;
    if (source.line(first->source.begin) == source.line(heading.begin)) {
      first->label = heading.label;
    }
  }
}

}  // namespace

void name_sums(const Context& context, std::vector<Amount>& sums) {
  Names names = collect_names(context, sums);
  std::string_view text = context.text();
  for (Amount& sum : sums) {
    const Name* name = name_before(text, names, sum);
    if (name == nullptr) name = name_after(text, names, sum);
    if (name != nullptr) sum.label = name->label;
  }
  name_by_headings(context, names, sums);
}

}  // namespace clause_scan::extract::amounts
