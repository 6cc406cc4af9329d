// Title and contract number.
//
// The title is read from the document's head: the lines before the first clause and before
// the first party line (甲方：…), among the first kMaxHeadLines. In order of preference:
//   1. the first head line that a rule of category "title" matches (capture `title`: a short
//      line ending with 合同, 协议书 …, 《》 removed), joined with the line right above it when
//      that line is a short heading of its own (重庆邮电大学 / 采购合同 -> 重庆邮电大学采购合同);
//   2. else the opening lines of the document, when they stand alone right above the party
//      lines (厦门市福朗电子有限公司 / IOT数据采集开发服务 / (blank) / 甲方：…): at most
//      kMaxOpeningLines short lines, joined.
// The contract number comes from the rules of category "contract_no" (capture `value`); the
// first one wins, later ones (repeated in appendices) are the same number or an appendix's own.
#include <algorithm>
#include <optional>
#include <string_view>

#include "extract/extractors.h"
#include "extract/parties.h"
#include "util/text.h"

namespace clause_scan::extract {
namespace {

constexpr std::size_t kMaxHeadingChars = 40;
constexpr int kMaxHeadLines = 30;
constexpr int kMaxOpeningLines = 2;

struct Head {
  int end = 1;         // the head is the lines [1, end)
  int party_line = 0;  // the first party line, 0 when there is none
};

// The head: the lines before the first clause line and the first party line.
Head find_head(const Context& context) {
  const Document& document = context.document();
  Head head;
  head.end = std::min(kMaxHeadLines + 1, document.source.line_count() + 1);
  const auto& clauses = document.outline.clauses();
  if (!clauses.empty()) head.end = std::min(head.end, clauses.front().line);
  // Only the head's lines: a first party line further down gives the same head as none
  // (head.end stays below it, so opening_lines does not use it).
  for (const auto& [line, hits] : parties::collect_hits(context, 1, kMaxHeadLines + 1)) {
    if (hits.roles.empty()) continue;
    head.party_line = line;
    head.end = std::min(head.end, line);
    break;
  }
  return head;
}

std::string_view line_words(const SourceText& source, int line) {
  return util::trim(source.line_text(line));
}

// A short line with no sentence in it: a heading of its own (重庆邮电大学).
bool is_heading(std::string_view line) {
  if (line.empty() || util::count_chars(line) > kMaxHeadingChars) return false;
  for (std::string_view mark : {":", ",", "。", ";", "、", "□", "(", "《"}) {
    if (line.find(mark) != std::string_view::npos) return false;
  }
  // A code such as BF-2024-2726 is no heading: a heading has Chinese words.
  return line.find_first_not_of(
             "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_. ") !=
         std::string_view::npos;
}

std::string original_words(const Context& context, std::size_t begin, std::size_t end) {
  return std::string(util::trim(context.document().source.original_span(begin, end)));
}

// The title rule's match on a head line, joined with a heading right above it.
std::optional<std::string> title_line(const Context& context, const Head& head) {
  const SourceText& source = context.document().source;
  for (const RuleMatch* match : context.matches("title")) {
    int line = source.line(match->begin);
    if (line >= head.end) break;
    const Capture* title = match->capture("title");
    if (title == nullptr) continue;
    std::string words = original_words(context, title->begin, title->end);
    if (line > 1 && is_heading(line_words(source, line - 1))) {
      std::string_view above = line_words(source, line - 1);
      std::size_t begin = above.data() - source.text().data();
      words = original_words(context, begin, begin + above.size()) + words;
    }
    return words;
  }
  return std::nullopt;
}

// The opening lines of the document when blank lines then the first party line follow them.
std::optional<std::string> opening_lines(const Context& context, const Head& head) {
  const SourceText& source = context.document().source;
  if (head.party_line == 0 || head.end != head.party_line) return std::nullopt;
  int first = 1;
  while (first < head.end && line_words(source, first).empty()) ++first;
  int last = first;
  while (last < head.end && is_heading(line_words(source, last))) ++last;
  if (last == first || last - first > kMaxOpeningLines) return std::nullopt;
  for (int line = last; line < head.end; ++line) {
    if (!line_words(source, line).empty()) return std::nullopt;
  }
  if (last == head.end) return std::nullopt;  // no blank line between them and the parties
  std::string words;
  for (int line = first; line < last; ++line) {
    std::string_view text = line_words(source, line);
    std::size_t begin = text.data() - source.text().data();
    words += original_words(context, begin, begin + text.size());
  }
  return words;
}

void find_title(const Context& context, Summary& summary) {
  const Head head = find_head(context);
  summary.title = title_line(context, head);
  if (!summary.title) summary.title = opening_lines(context, head);
}

void find_contract_no(const Context& context, Summary& summary) {
  for (const RuleMatch* match : context.matches("contract_no")) {
    if (const Capture* value = match->capture("value")) {
      summary.contract_no = std::string(context.words(*value));
      return;
    }
  }
}

}  // namespace

void extract_title(const Context& context, Summary& summary) {
  find_title(context, summary);
  find_contract_no(context, summary);
}

}  // namespace clause_scan::extract
