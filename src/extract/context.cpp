#include "extract/context.h"

#include <algorithm>
#include <array>
#include <cstdint>

#include "util/cores.h"

namespace clause_scan::extract {
namespace {

// The categories the extractors read over the whole document, in groups scanned in one pass
// each (RuleSet::scan_categories). Grouping trades start-up for throughput: a group's pass
// over a line costs about what one category's does once RE2's DFA has seen the text, but
// building the DFA of a large group on a new document costs far more (every state holds the
// threads of all its patterns). One group of all these categories made the 1.2 MB of the
// samples repeated four times faster to scan than a pass per category, and a first document
// ten times slower; these groups of two to six categories, by the words their patterns
// share, halve both costs' gap (measured with RE2 20220601). The party rules, with their long
// name classes, slow down any group they join. Categories read only around hits
// (penalty_role, amount_label, not_duration ...) are not here: matches_on_lines reads them.
const std::array<std::vector<std::string_view>, 6> kWholeDocumentGroups = {{
    {"title", "contract_no", "amount", "amount_words", "date", "duration"},
    {"party_alias", "party_detail"},
    {"amount_column", "date_role", "date_signature", "period"},
    {"payment_intro", "payment_verb", "installment_split"},
    {"penalty", "penalty_cap", "penalty_tiers"},
    {"party"},
}};

const std::vector<std::string_view>* group_of(std::string_view category) {
  for (const std::vector<std::string_view>& group : kWholeDocumentGroups) {
    if (std::find(group.begin(), group.end(), category) != group.end()) return &group;
  }
  return nullptr;
}

// What scanning `categories` is expected to cost, for scheduling: the length of their
// patterns (on the seed contract the penalty category, a third of all pattern text, takes
// about a quarter of the scan time, the one-line categories a fiftieth each).
std::uintmax_t expected_cost(const RuleSet& rules,
                             const std::vector<std::string_view>& categories) {
  std::uintmax_t pattern_bytes = 0;
  for (const std::unique_ptr<Rule>& rule : rules.rules()) {
    if (std::find(categories.begin(), categories.end(), rule->category) == categories.end()) {
      continue;
    }
    for (const std::string& source : rule->pattern_sources) pattern_bytes += source.size();
  }
  return pattern_bytes;
}

std::vector<const RuleMatch*> pointers(const RuleMatch* begin, const RuleMatch* end) {
  std::vector<const RuleMatch*> selected;
  selected.reserve(end - begin);
  for (const RuleMatch* match = begin; match != end; ++match) selected.push_back(match);
  return selected;
}

}  // namespace

Context::Context(const Document& document, const Resources& resources)
    : document_(document), resources_(resources) {}

void Context::scan_whole_document(int threads) { scan_whole_documents({this}, threads); }

void Context::scan_whole_documents(const std::vector<Context*>& contexts, int threads) {
  if (contexts.empty()) return;
  const RuleSet& rules = contexts.front()->resources_.rules;
  // The tasks: each category alone while the rule set scans category by category anyway (its
  // first megabyte: small tasks, so the threads end together); the groups once it scans a
  // group in one pass (RuleSet::scan_categories says why).
  std::vector<std::vector<std::string_view>> tasks;
  for (const std::vector<std::string_view>& group : kWholeDocumentGroups) {
    if (rules.combines_categories()) {
      tasks.push_back(group);
    } else {
      for (std::string_view category : group) tasks.push_back({category});
    }
  }
  // The costliest tasks first, so that the threads end together (in the groups' order, the
  // penalty category came last and ran alone for a fifth of the scan time). One thread takes
  // them in any order: no costs to reckon (batch summarizes every chunk that way).
  const unsigned task_threads = static_cast<unsigned>(std::max(threads, 1));
  std::vector<std::uintmax_t> costs(tasks.size(), 0);
  if (task_threads > 1) {
    for (std::size_t task = 0; task < tasks.size(); ++task) {
      costs[task] = expected_cost(rules, tasks[task]);
    }
  }
  // scanned[task][document]: the matches of the task's categories in one document.
  using Scanned = std::vector<std::vector<RuleMatch>>;
  std::vector<std::vector<Scanned>> scanned(tasks.size(), std::vector<Scanned>(contexts.size()));
  util::for_each_costliest_first(costs, task_threads, [&](std::size_t task) {
    for (std::size_t document = 0; document < contexts.size(); ++document) {
      scanned[task][document] = rules.scan_categories(contexts[document]->text(), tasks[task]);
    }
  });
  for (std::size_t task = 0; task < tasks.size(); ++task) {
    for (std::size_t document = 0; document < contexts.size(); ++document) {
      contexts[document]->keep(tasks[task], scanned[task][document]);
    }
  }
}

void Context::keep(const std::vector<std::string_view>& categories,
                   std::vector<std::vector<RuleMatch>>& scanned) const {
  for (std::size_t index = 0; index < categories.size(); ++index) {
    by_category_.emplace(std::string(categories[index]), std::move(scanned[index]));
  }
}

const std::vector<RuleMatch>& Context::whole_document(std::string_view category) const {
  auto found = by_category_.find(category);
  if (found != by_category_.end()) return found->second;
  const std::vector<std::string_view>* group = group_of(category);
  if (group == nullptr) {
    return by_category_.emplace(std::string(category), resources_.rules.scan(text(), category))
        .first->second;
  }
  std::vector<std::vector<RuleMatch>> scanned = resources_.rules.scan_categories(text(), *group);
  keep(*group, scanned);
  return by_category_.find(category)->second;
}

std::vector<const RuleMatch*> Context::matches(std::string_view category) const {
  const std::vector<RuleMatch>& all = whole_document(category);
  return pointers(all.data(), all.data() + all.size());
}

const std::vector<RuleMatch>& Context::line_matches(std::string_view category, int line) const {
  auto lines = by_line_.find(category);
  if (lines == by_line_.end()) lines = by_line_.emplace(std::string(category), 0).first;
  auto found = lines->second.find(line);
  if (found != lines->second.end()) return found->second;
  const SourceText& source = document_.source;
  std::vector<RuleMatch> scanned =
      resources_.rules.scan(text(), category, source.line_begin(line), source.line_end(line));
  return lines->second.emplace(line, std::move(scanned)).first->second;
}

std::vector<const RuleMatch*> Context::matches_on_lines(std::string_view category, int first_line,
                                                        int last_line) const {
  const SourceText& source = document_.source;
  first_line = std::max(first_line, 1);
  last_line = std::min(last_line, source.line_count());
  if (first_line > last_line) return {};
  // A category of a whole-document group is scanned whole: the group's pass is made anyway.
  auto whole = by_category_.find(category);
  if (whole == by_category_.end() && group_of(category) != nullptr) {
    whole_document(category);
    whole = by_category_.find(category);
  }
  if (whole != by_category_.end()) {
    const std::vector<RuleMatch>& all = whole->second;
    auto by_begin = [](const RuleMatch& match, std::size_t offset) { return match.begin < offset; };
    auto first = std::lower_bound(all.begin(), all.end(), source.line_begin(first_line), by_begin);
    auto last = std::lower_bound(first, all.end(), source.line_end(last_line) + 1, by_begin);
    return pointers(all.data() + (first - all.begin()), all.data() + (last - all.begin()));
  }
  std::vector<const RuleMatch*> selected;
  for (int line = first_line; line <= last_line; ++line) {
    for (const RuleMatch& match : line_matches(category, line)) selected.push_back(&match);
  }
  return selected;
}

const std::vector<RuleMatch>& Context::scan_words(std::string_view words,
                                                  std::string_view category) const {
  auto by_words = by_words_.find(category);
  if (by_words == by_words_.end()) {
    by_words = by_words_
                   .emplace(std::string(category),
                            std::map<std::string, std::vector<RuleMatch>, std::less<>>())
                   .first;
  }
  auto found = by_words->second.find(words);
  if (found != by_words->second.end()) return found->second;
  return by_words->second.emplace(std::string(words), resources_.rules.scan(words, category))
      .first->second;
}

std::string_view Context::words(const Capture& capture) const {
  return std::string_view(text()).substr(capture.begin, capture.end - capture.begin);
}

std::string_view Context::words(const RuleMatch& match) const {
  return std::string_view(text()).substr(match.begin, match.end - match.begin);
}

SourceRef Context::source(std::size_t begin, std::size_t end) const {
  const SourceText& source_text = document_.source;
  SourceRef ref;
  ref.clause = document_.outline.path_at(begin);
  Position position = source_text.position(begin);
  ref.line = position.line;
  ref.column = position.column;
  ref.text = std::string(source_text.original_span(begin, end));
  ref.begin = begin;
  ref.end = end;
  return ref;
}

}  // namespace clause_scan::extract
