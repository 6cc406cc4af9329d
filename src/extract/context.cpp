#include "extract/context.h"

namespace clause_scan::extract {

Context::Context(const Document& document, const Resources& resources)
    : document_(document), resources_(resources) {}

std::vector<const RuleMatch*> Context::matches(std::string_view category) const {
  auto found = by_category_.find(category);
  if (found == by_category_.end()) {
    found = by_category_
                .emplace(std::string(category), resources_.rules.scan(text(), category))
                .first;
  }
  std::vector<const RuleMatch*> selected;
  selected.reserve(found->second.size());
  for (const RuleMatch& match : found->second) selected.push_back(&match);
  return selected;
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
