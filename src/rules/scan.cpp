// scan.cpp: finding the matches of a RuleSet in a text, line by line.
//
// Per line, the RE2::Set (one DFA pass over the line for all patterns) says which patterns
// match; only those run again alone, to give positions and captures, so the costly second
// pass (several RE2 passes per match, for the submatches) runs only where it finds something.
#include <algorithm>
#include <iterator>
#include <numeric>

#include "rules/rule_set_impl.h"

namespace clause_scan::rules_detail {

namespace {

std::size_t next_character(std::string_view line, std::size_t offset) {
  ++offset;
  while (offset < line.size() && (static_cast<unsigned char>(line[offset]) & 0xC0) == 0x80) {
    ++offset;
  }
  return offset;
}

RuleMatch make_match(const PatternInfo& pattern, std::string_view text,
                     const std::vector<re2::StringPiece>& groups) {
  auto offset = [&](const char* at) { return static_cast<std::size_t>(at - text.data()); };
  RuleMatch match;
  match.rule = pattern.rule;
  match.pattern = pattern.pattern_index;
  match.begin = offset(groups[0].data());
  match.end = match.begin + groups[0].size();
  for (std::size_t group = 1; group < groups.size(); ++group) {
    // A group that took no part in the match has a null data pointer.
    if (pattern.group_names[group] == nullptr || groups[group].data() == nullptr) continue;
    std::size_t begin = offset(groups[group].data());
    match.captures.push_back(
        Capture{*pattern.group_names[group], begin, begin + groups[group].size()});
  }
  return match;
}

// The patterns of `set` that may match `line`, as indices into RuleSetData::patterns, sorted.
void candidates_in(const PatternSet& set, std::string_view line, std::vector<int>& found) {
  found.clear();
  RE2::Set::ErrorInfo error{};
  if (!set.set->Match(re2::StringPiece(line.data(), line.size()), &found, &error)) {
    found.clear();
    if (error.kind != RE2::Set::kOutOfMemory) return;
    // The Set's DFA ran out of memory on this line: try every pattern, slower but right.
    found.resize(set.patterns.size());
    std::iota(found.begin(), found.end(), 0);
  }
  for (int& index : found) index = set.patterns[index];
  std::sort(found.begin(), found.end());
}

// Orders one line's matches by begin (stable: candidates came in rule and pattern order) and
// drops a span a rule already reported through an earlier pattern.
void order_line_matches(std::vector<RuleMatch>& matches) {
  std::stable_sort(
      matches.begin(), matches.end(),
      [](const RuleMatch& left, const RuleMatch& right) { return left.begin < right.begin; });
  auto kept = matches.begin();
  for (auto match = matches.begin(); match != matches.end(); ++match) {
    bool repeated = std::any_of(matches.begin(), kept, [&](const RuleMatch& earlier) {
      return earlier.rule == match->rule && earlier.begin == match->begin &&
             earlier.end == match->end;
    });
    if (repeated) continue;
    if (kept != match) *kept = std::move(*match);  // a self-move would empty the captures
    ++kept;
  }
  matches.erase(kept, matches.end());
}

}  // namespace

void match_pattern(const PatternInfo& pattern, std::string_view text, std::string_view line,
                   std::vector<RuleMatch>& out) {
  const RE2& regex = *pattern.rule->patterns[pattern.pattern_index];
  const re2::StringPiece subject(line.data(), line.size());
  std::vector<re2::StringPiece> groups(pattern.group_names.size());
  std::size_t position = 0;
  while (position <= line.size() && regex.Match(subject, position, line.size(), RE2::UNANCHORED,
                                                groups.data(), static_cast<int>(groups.size()))) {
    std::size_t begin = static_cast<std::size_t>(groups[0].data() - line.data());
    if (groups[0].empty()) {  // an empty match finds nothing, and must not stop the loop
      position = next_character(line, begin);
      continue;
    }
    out.push_back(make_match(pattern, text, groups));
    position = begin + groups[0].size();
  }
}

std::vector<RuleMatch> scan_with(const RuleSetData& data, const PatternSet& set,
                                 std::string_view text) {
  std::vector<RuleMatch> matches;
  if (set.set == nullptr) return matches;  // a default-constructed RuleSet
  std::vector<RuleMatch> line_matches;
  std::vector<int> candidates;
  for_each_line(text, [&](std::string_view line) {
    if (line.empty()) return;
    candidates_in(set, line, candidates);
    if (candidates.empty()) return;
    line_matches.clear();
    for (int pattern : candidates) match_pattern(data.patterns[pattern], text, line, line_matches);
    order_line_matches(line_matches);
    std::move(line_matches.begin(), line_matches.end(), std::back_inserter(matches));
  });
  return matches;
}

}  // namespace clause_scan::rules_detail

namespace clause_scan {

std::vector<RuleMatch> RuleSet::scan(std::string_view text) const {
  return rules_detail::scan_with(*impl_, impl_->all, text);
}

std::vector<RuleMatch> RuleSet::scan(std::string_view text, std::string_view category) const {
  auto found = impl_->by_category.find(category);
  if (found == impl_->by_category.end()) return {};
  return rules_detail::scan_with(*impl_, found->second, text);
}

}  // namespace clause_scan
