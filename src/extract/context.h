// extract/context.h: what every extractor reads (internal to the extract stage).
//
// summarize() scans the document once with the whole rule set and hands the matches to the
// extractors in a fixed order (extractors.h); each appends to the Summary. Later extractors
// may read what earlier ones found (installments and penalties look up amounts by label).
#pragma once

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

  // Matches of the rules of one category, in document order.
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
  std::vector<RuleMatch> all_matches_;
};

}  // namespace clause_scan::extract
