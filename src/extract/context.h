// extract/context.h: what every extractor reads (internal to the extract stage).
//
// summarize() hands the document to the extractors in a fixed order (extractors.h); each asks
// the Context for the matches of the rule categories it reads and appends to the Summary.
// Later extractors may read what earlier ones found (installments and penalties look up
// amounts by label).
//
// Scanning is what a summary costs, so the Context scans as little as it can, and never twice:
//   - matches(category): the whole document. The categories read that way are scanned
//     together in a few passes (kWholeDocumentGroups in context.cpp: one RE2::Set over all
//     their patterns per group, RuleSet::scan_categories), on the first request of any of
//     them; a pass over a line costs about what one category's pass costs.
//   - matches_on_lines(category, first, last): only some lines, for the words around a hit
//     (who pays in the sentence of a penalty, the name right before a sum). Each line is
//     scanned once per category and kept; where the category was scanned whole, its matches
//     on those lines are taken from that scan. The same matches either way: rules match
//     within one line.
//   - scan_words(words, category): a piece of text that is not the document (a base label),
//     kept by its words.
// All three give the matches RuleSet::scan gives, in document order.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
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

  // Scans every category read over the whole document now, its groups on up to `threads`
  // threads (the calling one included), instead of group by group on first request. The
  // same matches either way; only the Context's caches are filled sooner.
  void scan_whole_document(int threads);

  // The same for several documents at once, each group over every document before the next
  // group: a group's RE2 automaton (megabytes, for a large Set) then stays in the processor's
  // caches from one document to the next, where scanning contract by contract switches among
  // the automata of every group every few kilobytes. Each task, a group, runs on one of up to
  // `threads` threads; each context keeps its own matches, those it would scan alone.
  static void scan_whole_documents(const std::vector<Context*>& contexts, int threads);

  // Matches of the rules of one category, in document order. The pointers stay valid as
  // long as the Context lives.
  std::vector<const RuleMatch*> matches(std::string_view category) const;

  // Matches of one category on the lines [first_line, last_line] (1-based, clamped to the
  // document), in document order. The pointers stay valid as long as the Context lives.
  std::vector<const RuleMatch*> matches_on_lines(std::string_view category, int first_line,
                                                 int last_line) const;

  // RuleSet::scan(words, category), offsets into `words`; kept by (category, words).
  const std::vector<RuleMatch>& scan_words(std::string_view words, std::string_view category) const;

  // The normalized words of a capture or a match.
  std::string_view words(const Capture& capture) const;
  std::string_view words(const RuleMatch& match) const;

  // Where [begin, end) of the normalized text came from: clause path, line, column and the
  // original words.
  SourceRef source(std::size_t begin, std::size_t end) const;
  SourceRef source(const RuleMatch& match) const { return source(match.begin, match.end); }

 private:
  const std::vector<RuleMatch>& whole_document(std::string_view category) const;
  const std::vector<RuleMatch>& line_matches(std::string_view category, int line) const;
  // Keeps scanned[i], the whole-document matches of categories[i] (moved from `scanned`).
  void keep(const std::vector<std::string_view>& categories,
            std::vector<std::vector<RuleMatch>>& scanned) const;

  const Document& document_;
  const Resources& resources_;
  // What was scanned, filled on demand (the Context is used by one thread).
  mutable std::map<std::string, std::vector<RuleMatch>, std::less<>> by_category_;
  mutable std::map<std::string, std::unordered_map<int, std::vector<RuleMatch>>, std::less<>>
      by_line_;
  mutable std::map<std::string, std::map<std::string, std::vector<RuleMatch>, std::less<>>,
                   std::less<>>
      by_words_;
};

}  // namespace clause_scan::extract
