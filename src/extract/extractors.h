// extract/extractors.h: the extractors summarize() runs, in this order (internal).
//
// Each reads the Context (document, resources, rule matches) and appends to the Summary.
// The order matters where a later one reads an earlier one's results: installments and
// penalties compute sums from the amounts, the cross-checks read everything.
#pragma once

#include "clause_scan/summary.h"
#include "extract/context.h"

namespace clause_scan::extract {

// Title (the document's heading line) and contract number (合同编号/协议编号).
void extract_title(const Context& context, Summary& summary);

}  // namespace clause_scan::extract
