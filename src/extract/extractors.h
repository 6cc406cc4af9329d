// extract/extractors.h: the extractors summarize() runs, in this order (internal).
//
// Each reads the Context (document, resources, rule matches) and appends to the Summary.
// The order matters where a later one reads an earlier one's results: installments and
// penalties compute sums from the amounts and due dates from the dates; each extractor adds
// the findings of its own field (figures against capitals, installments summing to 100%,
// bases the contract never defines).
#pragma once

#include "clause_scan/summary.h"
#include "extract/context.h"

namespace clause_scan::extract {

// Title (the document's heading line) and contract number (合同编号/协议编号).
void extract_title(const Context& context, Summary& summary);

// Parties: role lines and the detail lines that follow them; appendix repeats merged.
void extract_parties(const Context& context, Summary& summary);

// Sums of money with their labels and capitals; finding "amount-words-mismatch".
void extract_amounts(const Context& context, Summary& summary);

// Dates with their roles.
void extract_dates(const Context& context, Summary& summary);

// Periods (自…起至…止) and durations (10 个工作日内).
void extract_periods(const Context& context, Summary& summary);
void extract_durations(const Context& context, Summary& summary);

// Payment installments; findings "installments-not-100", "undefined-base".
void extract_installments(const Context& context, Summary& summary);

// Penalties; findings "undefined-base", "penalty-outside-range".
void extract_penalties(const Context& context, Summary& summary);

}  // namespace clause_scan::extract
