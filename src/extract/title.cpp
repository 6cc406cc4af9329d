// Title and contract number.
//
// The title is a line of the document's head (before the first clause and before the first
// party line) that names the kind of instrument: it contains 合同, 协议, 契约 … and is short,
// without the colon of a "合同编号：" field. The contract number comes from the rules of
// category "contract_no" (capture `value`); the first one wins, later ones (repeated in
// appendices) are the same number or an appendix's own.
#include <array>
#include <string_view>

#include "extract/extractors.h"
#include "util/text.h"

namespace clause_scan::extract {
namespace {

constexpr std::array<std::string_view, 6> kInstrumentWords = {"合同", "协议", "契约",
                                                              "合约", "章程", "协定"};
constexpr std::size_t kMaxTitleChars = 40;
constexpr int kMaxHeadLines = 30;

bool names_an_instrument(std::string_view line) {
  for (std::string_view word : kInstrumentWords) {
    if (line.find(word) != std::string_view::npos) return true;
  }
  return false;
}

bool looks_like_title(std::string_view line) {
  if (line.empty() || util::count_chars(line) > kMaxTitleChars) return false;
  if (line.find(':') != std::string_view::npos) return false;
  if (line.find("。") != std::string_view::npos) return false;
  if (line.find("，") != std::string_view::npos || line.find(',') != std::string_view::npos) {
    return false;
  }
  return names_an_instrument(line);
}

// Offset where the head of the document ends: the first clause, or the end of the text.
std::size_t head_end(const Document& document) {
  const auto& clauses = document.outline.clauses();
  return clauses.empty() ? document.source.text().size() : clauses.front().begin;
}

void find_title(const Context& context, Summary& summary) {
  const SourceText& source = context.document().source;
  const std::size_t end = head_end(context.document());
  for (int line = 1; line <= source.line_count() && line <= kMaxHeadLines; ++line) {
    if (source.line_begin(line) >= end) break;
    std::string_view text = util::trim(source.line_text(line));
    if (!looks_like_title(text)) continue;
    std::size_t begin = text.data() - source.text().data();
    summary.title = std::string(util::trim(source.original_span(begin, begin + text.size())));
    return;
  }
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
