// extract/context.h: what every extractor reads (internal to the extract stage).
//
// summarize() hands the document to the extractors in a fixed order (extractors.h); each asks
// the Context for the matches of the rule categories it reads and appends to the Summary.
// A category is scanned on first request and kept: one RE2::Set per category stays small
// enough for RE2's DFA, where one Set over every pattern ran out of memory on long lines and
// fell back to trying each pattern alone (orders of magnitude slower). Later extractors
// may read what earlier ones found (installments and penalties look up amounts by label).
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "clause_scan/extract.h"
#include "clause_scan/rules.h"
#include "clause_scan/summary.h"

namespace clause_scan::extract {

class Context {
 public:
  Context(const Document& document, const Resources& resources);

  const Document& document() const { return document_; }
  const Resources& resources() const { return resources_; }
  const std::string& text() const { return document_.source.text(); }

  // Matches of the rules of one category, in document order. The pointers stay valid as
  // long as the Context lives.
  std::vector<const RuleMatch*> matches(std::string_view category) const;

  // The normalized words of a capture or a match.
  std::string_view words(const Capture& capture) const;
  std::string_view words(const RuleMatch& match) const;

  // Where [begin, end) of the normalized text came from: clause path, line, column and the
  // original words.
  SourceRef source(std::size_t begin, std::size_t end) const;
  SourceRef source(const RuleMatch& match) const { return source(match.begin, match.end); }

 private:
  const Document& document_;
  const Resources& resources_;
  // Scanned categories, filled on demand (the Context is used by one thread).
  mutable std::map<std::string, std::vector<RuleMatch>, std::less<>> by_category_;
};

}  // namespace clause_scan::extract
