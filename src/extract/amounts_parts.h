// extract/amounts_parts.h: the steps of the amounts extractor (internal to the extract stage).
//
// extract_amounts (amounts.cpp) runs them in order over the matches of rules/amounts.toml:
//   1. find_sums        figures (category "amount") and capitals ("amount_words") paired into
//                       sums: a figure with the capitals right beside it, a 小写 figure with
//                       the 大写 capitals of its line or the next, capitals alone;
//   2. name_sums        labels ("amount_label"): the name right before a sum (through a rate
//                       of another sum: 质保金：合同总价的 10%，即…), right after it, or the
//                       item heading of its line;
//   3. add_table_sums   tables: bare numbers in money columns ("amount_column") become sums,
//                       and unnamed sums in a money column take the column's name.
// Every step is linear in the number of matches (plus a sort); nothing reads the text twice.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

#include "clause_scan/summary.h"
#include "extract/context.h"

namespace clause_scan::extract::amounts {

// Sums in document order, each with value, currency, capitals and source (label not set).
std::vector<Amount> find_sums(const Context& context);

// Sets the label of the sums the contract names. REQUIRES: `sums` in document order.
void name_sums(const Context& context, std::vector<Amount>& sums);

// Adds the bare numbers of money columns and names unnamed sums by their column.
// REQUIRES: `sums` in document order; keeps it so.
void add_table_sums(const Context& context, std::vector<Amount>& sums);

// The words of a named capture of `match`, or "" when the capture did not take part.
std::string_view capture_text(const Context& context, const RuleMatch& match,
                              std::string_view name);

// Text offsets: from `offset` back over blanks (spaces, tabs and at most one line break),
// and forward over blanks on the same line.
std::size_t blank_before(std::string_view text, std::size_t offset);
std::size_t blank_after(std::string_view text, std::size_t offset);

}  // namespace clause_scan::extract::amounts
