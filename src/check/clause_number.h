// check/clause_number.h: clause numbers as values, for the numbering and reference checks
// (internal to the check stage).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "clause_scan/outline.h"

namespace clause_scan::check_detail {

// A clause number read as "the value-th of its family": 4.3 is the 3rd of family
// "decimal 4.", 第五条 the 5th of "article", (c) the 3rd of "letter (a)".
struct ClauseNumber {
  std::string family;  // style, form and parent prefix: numbers compare only within one
  long value = 0;
};

// std::nullopt for parts and numbers it cannot read.
std::optional<ClauseNumber> read_clause_number(const Clause& clause);

// An integer written in figures or Chinese numerals ("12", "十二"), or std::nullopt.
std::optional<long> read_integer(std::string_view text);

// The clauses of the document split by part: [0] the main contract (every clause outside a
// part), then one entry per part in order, each in pre-order.
struct OutlinePart {
  const Clause* part = nullptr;  // nullptr for the main contract
  std::vector<const Clause*> clauses;
};
std::vector<OutlinePart> split_parts(const Outline& outline);

}  // namespace clause_scan::check_detail
