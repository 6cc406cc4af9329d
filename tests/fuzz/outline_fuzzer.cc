// outline_fuzzer: build_outline on arbitrary text (ill-formed bytes replaced by U+FFFD).
// Properties: every clause's line exists and is the line of its numbering; its ranges are
// ordered, begin <= body_begin <= own_end <= end <= the text's size; children lie inside
// their parent, after its number, in order and without overlapping; clause_at and path_at
// agree with the tree; a copied outline (which rebuilds its index) answers the same.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "clause_scan/outline.h"
#include "fuzz_support.h"

namespace {

using clause_scan::Clause;
using clause_scan::Outline;
using clause_scan::SourceText;

std::size_t check_clauses(const SourceText& source, const std::vector<Clause>& clauses,
                          std::size_t from, std::size_t to) {
  std::size_t count = 0;
  std::size_t previous_end = from;
  for (const Clause& clause : clauses) {
    FUZZ_CHECK(clause.line >= 1 && clause.line <= source.line_count(), "clause %s on line %d",
               clause.number.c_str(), clause.line);
    FUZZ_CHECK(clause.line == source.line(clause.begin), "clause %s: line %d, begin on line %d",
               clause.number.c_str(), clause.line, source.line(clause.begin));
    FUZZ_CHECK(clause.begin <= clause.body_begin && clause.body_begin <= clause.own_end() &&
                   clause.own_end() <= clause.end && clause.end <= source.text().size(),
               "clause %s: begin %zu body %zu own_end %zu end %zu", clause.number.c_str(),
               clause.begin, clause.body_begin, clause.own_end(), clause.end);
    FUZZ_CHECK(clause.begin >= previous_end && clause.end <= to,
               "clause %s [%zu, %zu) outside [%zu, %zu) or before its sibling",
               clause.number.c_str(), clause.begin, clause.end, previous_end, to);
    previous_end = clause.end;
    count += 1 + check_clauses(source, clause.children, clause.body_begin, clause.end);
  }
  return count;
}

void check_index(const Outline& outline, const Outline& copy) {
  const std::vector<const Clause*> flat = outline.flatten();
  for (const Clause* clause : flat) {
    const Clause* found = outline.clause_at(clause->begin);
    FUZZ_CHECK(found != nullptr && found->begin == clause->begin, "clause_at(%zu) misses clause %s",
               clause->begin, clause->number.c_str());
    FUZZ_CHECK(outline.path_at(clause->begin) == copy.path_at(clause->begin),
               "copy names %zu otherwise", clause->begin);
    const Clause* in_copy = copy.clause_at(clause->begin);
    FUZZ_CHECK(in_copy != nullptr && in_copy->number == found->number, "copy misses %s",
               clause->number.c_str());
  }
  if (!flat.empty()) {
    FUZZ_CHECK(outline.clause_at(flat.front()->begin - (flat.front()->begin > 0)) == nullptr ||
                   flat.front()->begin == 0,
               "a clause before the first");
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const SourceText source(clause_scan::fuzz::to_valid_utf8(
      std::string_view(reinterpret_cast<const char*>(data), size)));
  const Outline outline = clause_scan::build_outline(source);
  const std::size_t count = check_clauses(source, outline.clauses(), 0, source.text().size());
  FUZZ_CHECK(outline.flatten().size() == count, "flatten has %zu of %zu clauses",
             outline.flatten().size(), count);
  const Outline copy = outline;  // NOLINT: the copy rebuilds the index
  check_index(outline, copy);
  return 0;
}
