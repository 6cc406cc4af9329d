// Dates with their roles.
//
// Every full date a rule of category "date" finds (capture `date`, read by parse_date) is a
// DateMention. Its role comes from the first of these that holds it:
//   1. a period (category "period"): inside its `start` -> start, inside its `end` -> end;
//   2. a rule of category "date_role" whose `date` capture holds it -> the rule's `role`
//      (本合同于…签订 -> signing, 自…起生效 -> effective);
//   3. a signature block -> signing. A block opens at a line matched by a rule of category
//      "date_signature" (甲方（盖章）：, 签约各方：, 以下无正文) when that line is short itself,
//      or after it when the mark closes a long line (…同等效力。【以下无正文】), and runs over
//      the short lines that follow (names, representatives, 日期：…), up to the first sentence,
//      the first clause or part, or kMaxSignatureBlockLines lines;
//   4. else other.
#include <algorithm>
#include <optional>
#include <set>
#include <string_view>
#include <vector>

#include "extract/dates_words.h"
#include "extract/extractors.h"
#include "util/text.h"

namespace clause_scan::extract {
namespace {

// A signature line is short: a role, a name, a representative, a date.
constexpr std::size_t kMaxSignatureLineChars = 60;
constexpr int kMaxSignatureBlockLines = 40;

struct RoleSpan {
  std::size_t begin = 0;
  std::size_t end = 0;
  DateRole role = DateRole::other;
};

std::optional<DateRole> parse_role(std::string_view name) {
  if (name == "signing") return DateRole::signing;
  if (name == "start") return DateRole::start;
  if (name == "end") return DateRole::end;
  if (name == "effective") return DateRole::effective;
  if (name == "other") return DateRole::other;
  return std::nullopt;
}

void add_period_spans(const Context& context, std::vector<RoleSpan>& spans) {
  for (const RuleMatch* match : context.matches("period")) {
    if (const Capture* start = match->capture("start")) {
      spans.push_back({start->begin, start->end, DateRole::start});
    }
    if (const Capture* end = match->capture("end")) {
      spans.push_back({end->begin, end->end, DateRole::end});
    }
  }
}

void add_role_rule_spans(const Context& context, std::vector<RoleSpan>& spans) {
  for (const RuleMatch* match : context.matches("date_role")) {
    const Capture* date = match->capture("date");
    std::optional<DateRole> role = parse_role(match->rule->attribute("role"));
    if (date != nullptr && role) spans.push_back({date->begin, date->end, *role});
  }
}

// Lines where a clause or a part begins: a signature block never runs into one.
std::set<int> clause_lines(const Document& document) {
  std::set<int> lines;
  for (const Clause* clause : document.outline.flatten()) lines.insert(clause->line);
  return lines;
}

bool is_signature_line(std::string_view line) {
  std::string_view text = util::trim(line);
  return util::count_chars(text) <= kMaxSignatureLineChars &&
         text.find("。") == std::string_view::npos;
}

// The last line of the block opened at `first` (a line matched by a date_signature rule).
int signature_block_end(const SourceText& source, int first, const std::set<int>& clause_starts) {
  int last = first;
  const int limit = std::min(source.line_count(), first + kMaxSignatureBlockLines);
  for (int line = first + 1; line <= limit; ++line) {
    if (clause_starts.contains(line) || !is_signature_line(source.line_text(line))) break;
    last = line;
  }
  return last;
}

// Nothing but closing brackets and spaces after the match, up to the end of its line.
bool ends_its_line(const SourceText& source, const RuleMatch& match) {
  const std::size_t line_end = source.line_end(source.line(match.begin));
  std::string_view rest =
      util::trim(std::string_view(source.text()).substr(match.end, line_end - match.end));
  for (std::string_view closer : {")", "】", "]", "」", "』"}) {
    while (rest.starts_with(closer)) rest.remove_prefix(closer.size());
  }
  return util::trim(rest).empty();
}

// The first line of the block a date_signature match opens, or 0 for none: its own line when
// it is short; the next line when the mark closes a long line (…具有同等效力。【以下无正文】);
// none for a mark inside a sentence (经双方签字（盖章）后生效。).
int signature_block_start(const SourceText& source, const RuleMatch& match) {
  const int line = source.line(match.begin);
  if (is_signature_line(source.line_text(line))) return line;
  if (ends_its_line(source, match) && line < source.line_count()) return line + 1;
  return 0;
}

void add_signature_spans(const Context& context, std::vector<RoleSpan>& spans) {
  const SourceText& source = context.document().source;
  const std::set<int> clause_starts = clause_lines(context.document());
  int covered_until = 0;  // blocks found so far reach this line
  for (const RuleMatch* match : context.matches("date_signature")) {
    const int first = signature_block_start(source, *match);
    if (first == 0 || first <= covered_until) continue;
    covered_until = signature_block_end(source, first, clause_starts);
    spans.push_back({source.line_begin(first), source.line_end(covered_until), DateRole::signing});
  }
}

DateRole role_at(const std::vector<RoleSpan>& spans, std::size_t begin, std::size_t end) {
  for (const RoleSpan& span : spans) {
    if (span.begin <= begin && end <= span.end) return span.role;
  }
  return DateRole::other;
}

}  // namespace

void extract_dates(const Context& context, Summary& summary) {
  std::vector<RoleSpan> spans;  // in order of precedence
  add_period_spans(context, spans);
  add_role_rule_spans(context, spans);
  add_signature_spans(context, spans);
  std::set<std::size_t> seen;  // begin offsets of the dates already listed
  for (const RuleMatch* match : context.matches("date")) {
    const Capture* words = match->capture("date");
    if (words == nullptr || seen.contains(words->begin)) continue;
    std::optional<Date> value = read_date(context.words(*words));
    if (!value) continue;
    seen.insert(words->begin);
    DateMention mention;
    mention.value = value;
    mention.role = role_at(spans, words->begin, words->end);
    mention.source = context.source(words->begin, words->end);
    summary.dates.push_back(std::move(mention));
  }
}

}  // namespace clause_scan::extract
