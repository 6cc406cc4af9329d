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

// One compiled form of a pattern, as a line scan runs it (see choose_form).
struct Form {
  const RE2* regex = nullptr;
  RE2::Anchor anchor = RE2::UNANCHORED;
  std::size_t match_group = 0;                             // the group that holds the match
  const std::vector<const std::string*>* names = nullptr;  // by group number
};

// A pattern scans with its searcher (rules.h) until it has scanned kSearcherBytes of lines,
// then with the pattern as written. The searcher needs no reverse program and, on a short
// line, no DFA, so a pattern that scans a few lines of a few contracts is cheap; but it
// backtracks through each line anew, where the pattern's two DFAs, once built, are several
// times faster. Either way the matches are the same.
constexpr std::size_t kSearcherBytes = 4 << 10;

Form choose_form(const PatternInfo& info, std::size_t line_size) {
  const Pattern& pattern = info.pattern();
  std::size_t scanned = info.searched_bytes->fetch_add(line_size, std::memory_order_relaxed);
  if (scanned < kSearcherBytes) {
    return Form{&pattern.searcher(), RE2::ANCHOR_START, 1, &pattern.searcher_group_names()};
  }
  return Form{&pattern.regex(), RE2::UNANCHORED, 0, &pattern.group_names()};
}

// The match in `groups`, found with `form`.
RuleMatch make_match(const PatternInfo& pattern, const Form& form, std::string_view text,
                     const std::vector<re2::StringPiece>& groups) {
  auto offset = [&](const char* at) { return static_cast<std::size_t>(at - text.data()); };
  RuleMatch match;
  match.rule = pattern.rule;
  match.pattern = pattern.pattern_index;
  match.begin = offset(groups[form.match_group].data());
  match.end = match.begin + groups[form.match_group].size();
  // A group that took no part in the match has a null data pointer.
  const std::vector<const std::string*>& names = *form.names;
  auto took_part = [&](std::size_t group) {
    return group < names.size() && names[group] != nullptr && groups[group].data() != nullptr;
  };
  std::size_t first_named = form.match_group + 1;
  std::size_t count = 0;
  for (std::size_t group = first_named; group < groups.size(); ++group) count += took_part(group);
  match.captures.reserve(count);  // one allocation per match, not one per capture
  for (std::size_t group = first_named; group < groups.size(); ++group) {
    if (!took_part(group)) continue;
    std::size_t begin = offset(groups[group].data());
    match.captures.push_back(Capture{*names[group], begin, begin + groups[group].size()});
  }
  return match;
}

// The patterns of `set` that may match `line`, as indices into RuleSetData::patterns, sorted.
void candidates_in(const PatternSet& set, const std::vector<std::unique_ptr<RE2::Set>>& sets,
                   std::string_view line, std::vector<int>& found, std::vector<int>& in_chunk) {
  found.clear();
  const re2::StringPiece subject(line.data(), line.size());
  std::size_t chunk_size = set.chunk_size == 0 ? set.patterns.size() : set.chunk_size;
  for (std::size_t chunk = 0; chunk < sets.size(); ++chunk) {
    const std::size_t first = chunk * chunk_size;
    const std::size_t count = std::min(chunk_size, set.patterns.size() - first);
    in_chunk.clear();
    RE2::Set::ErrorInfo error{};
    if (sets[chunk] == nullptr || !sets[chunk]->Match(subject, &in_chunk, &error)) {
      in_chunk.clear();
      bool unknown = sets[chunk] == nullptr || error.kind == RE2::Set::kOutOfMemory;
      // No Set, or its DFA ran out of memory on this line: every pattern is a candidate.
      if (unknown) {
        in_chunk.resize(count);
        std::iota(in_chunk.begin(), in_chunk.end(), 0);
      }
    }
    for (int member : in_chunk) found.push_back(set.patterns[first + member]);
  }
  std::sort(found.begin(), found.end());
}

// Scratch buffers of one scan, reused from line to line and match to match.
struct Scratch {
  std::vector<int> candidates;
  std::vector<int> in_chunk;
  std::vector<RuleMatch> line_matches;
  std::vector<re2::StringPiece> groups;
};

// Appends the matches of one pattern in `line` to `out` (see match_pattern).
void match_pattern_into(const PatternInfo& pattern, std::string_view text, std::string_view line,
                        std::vector<re2::StringPiece>& groups, std::vector<RuleMatch>& out) {
  const Form form = choose_form(pattern, line.size());
  const re2::StringPiece subject(line.data(), line.size());
  groups.assign(std::max(form.names->size(), form.match_group + 1), re2::StringPiece());
  std::size_t position = 0;
  while (position <= line.size() &&
         form.regex->Match(subject, position, line.size(), form.anchor, groups.data(),
                           static_cast<int>(groups.size()))) {
    const re2::StringPiece& found = groups[form.match_group];
    std::size_t begin = static_cast<std::size_t>(found.data() - line.data());
    if (found.empty()) {  // an empty match finds nothing, and must not stop the loop
      position = next_character(line, begin);
      continue;
    }
    out.push_back(make_match(pattern, form, text, groups));
    position = begin + found.size();
  }
}

// Whether a match kept before `kept` has the rule and span of `match`. Only the kept matches
// with the same begin, just before `kept`, can: the rest begin earlier. (Looking at all of
// them made a line with thousands of matches, a contract without line breaks, quadratic.)
bool already_kept(std::vector<RuleMatch>::iterator first, std::vector<RuleMatch>::iterator kept,
                  const RuleMatch& match) {
  for (auto earlier = kept; earlier != first && (earlier - 1)->begin == match.begin;) {
    --earlier;
    if (earlier->rule == match.rule && earlier->end == match.end) return true;
  }
  return false;
}

// Orders one line's matches by begin (stable: candidates came in rule and pattern order) and
// drops a span a rule already reported through an earlier pattern.
void order_line_matches(std::vector<RuleMatch>& matches) {
  std::stable_sort(
      matches.begin(), matches.end(),
      [](const RuleMatch& left, const RuleMatch& right) { return left.begin < right.begin; });
  auto kept = matches.begin();
  for (auto match = matches.begin(); match != matches.end(); ++match) {
    if (already_kept(matches.begin(), kept, *match)) continue;
    if (kept != match) *kept = std::move(*match);  // a self-move would empty the captures
    ++kept;
  }
  matches.erase(kept, matches.end());
}

}  // namespace

void match_pattern(const PatternInfo& pattern, std::string_view text, std::string_view line,
                   std::vector<RuleMatch>& out) {
  std::vector<re2::StringPiece> groups;
  match_pattern_into(pattern, text, line, groups, out);
}

void scan_with(const RuleSetData& data, PatternSet& set, std::string_view text, std::size_t begin,
               std::size_t end, std::vector<RuleMatch>& out) {
  if (set.patterns.empty()) return;  // also a default-constructed RuleSet
  const std::vector<std::unique_ptr<RE2::Set>>& sets = sets_of(data, set);
  begin = std::min(begin, text.size());
  std::size_t line_begin = text.rfind('\n', begin == 0 ? 0 : begin - 1);
  line_begin = (line_begin == std::string_view::npos || begin == 0) ? 0 : line_begin + 1;
  // Kept from call to call: scans of one line or one piece are frequent, and each would
  // allocate its buffers again. One per thread, since a RuleSet is shared by threads.
  thread_local Scratch scratch;
  for (bool first = true; line_begin <= text.size() && (first || line_begin < end); first = false) {
    std::size_t line_end = text.find('\n', line_begin);
    if (line_end == std::string_view::npos) line_end = text.size();
    std::string_view line = text.substr(line_begin, line_end - line_begin);
    line_begin = line_end + 1;
    if (line.empty()) continue;
    candidates_in(set, sets, line, scratch.candidates, scratch.in_chunk);
    if (scratch.candidates.empty()) continue;
    scratch.line_matches.clear();
    for (int pattern : scratch.candidates) {
      match_pattern_into(data.patterns[pattern], text, line, scratch.groups, scratch.line_matches);
    }
    order_line_matches(scratch.line_matches);
    std::move(scratch.line_matches.begin(), scratch.line_matches.end(), std::back_inserter(out));
  }
}

}  // namespace clause_scan::rules_detail

namespace clause_scan {

namespace {

using rules_detail::PatternSet;
using rules_detail::RuleSetData;

constexpr std::size_t kCombineAfterBytes = 1 << 20;

// The Set of the patterns of several categories, made on first use of that combination.
PatternSet& combined_set(const RuleSetData& data, const std::vector<std::string_view>& categories) {
  static PatternSet none;        // no patterns: scan_with returns before compiling anything
  if (categories.size() == 1) {  // the category's own Set, which scan(text, category) shares
    auto found = data.by_category.find(categories.front());
    return found == data.by_category.end() ? none : *found->second;
  }
  std::string key;
  for (std::string_view category : categories) key.append(category).push_back('\n');
  std::lock_guard<std::mutex> lock(data.combined->mutex);
  auto found = data.combined->by_names.find(key);
  if (found != data.combined->by_names.end()) return *found->second;
  auto set = std::make_unique<PatternSet>();
  for (std::string_view category : categories) {
    auto members = data.by_category.find(category);
    if (members == data.by_category.end()) continue;
    const std::vector<int>& patterns = members->second->patterns;
    set->patterns.insert(set->patterns.end(), patterns.begin(), patterns.end());
  }
  std::sort(set->patterns.begin(), set->patterns.end());
  set->patterns.erase(std::unique(set->patterns.begin(), set->patterns.end()), set->patterns.end());
  return *data.combined->by_names.emplace(std::move(key), std::move(set)).first->second;
}

}  // namespace

std::vector<RuleMatch> RuleSet::scan(std::string_view text) const {
  std::vector<RuleMatch> matches;
  if (impl_->all != nullptr) {
    rules_detail::scan_with(*impl_, *impl_->all, text, 0, text.size(), matches);
  }
  return matches;
}

std::vector<RuleMatch> RuleSet::scan(std::string_view text, std::string_view category) const {
  return scan(text, category, 0, text.size());
}

std::vector<RuleMatch> RuleSet::scan(std::string_view text, std::string_view category,
                                     std::size_t begin, std::size_t end) const {
  std::vector<RuleMatch> matches;
  auto found = impl_->by_category.find(category);
  if (found != impl_->by_category.end()) {
    rules_detail::scan_with(*impl_, *found->second, text, begin, end, matches);
  }
  return matches;
}

bool RuleSet::combines_categories() const {
  return impl_->combined->scanned_bytes.load() >= kCombineAfterBytes;
}

std::vector<std::vector<RuleMatch>> RuleSet::scan_categories(
    std::string_view text, const std::vector<std::string_view>& categories) const {
  std::vector<std::vector<RuleMatch>> by_category(categories.size());
  // A combined Set pays off over many documents: its DFA costs more to build than the DFAs
  // of its categories' own Sets together (each state holds the threads of every pattern), and
  // less to run once built. So the first kCombineAfterBytes that scan_categories scans (each
  // call counts its text: a few contracts) are scanned category by category, the rest with
  // the combined Set. Measured (callgrind, RE2 20220601): a 50 KB contract from process start
  // costs 10% less, and 3 MB of contracts in one process 5% more than with the combined Set
  // from the start; the difference vanishes over larger runs.
  std::size_t scanned = impl_->combined->scanned_bytes.fetch_add(text.size());
  if (scanned < kCombineAfterBytes) {
    for (std::size_t index = 0; index < categories.size(); ++index) {
      by_category[index] = scan(text, categories[index]);
    }
    return by_category;
  }
  std::vector<RuleMatch> matches;
  rules_detail::scan_with(*impl_, combined_set(*impl_, categories), text, 0, text.size(), matches);
  for (RuleMatch& match : matches) {
    for (std::size_t index = 0; index < categories.size(); ++index) {
      if (match.rule->category == categories[index]) {
        by_category[index].push_back(std::move(match));
        break;
      }
    }
  }
  return by_category;
}

}  // namespace clause_scan
