// PLACEHOLDER: replaced by the extractor of this field (work in progress, not committed).
#include "extract/extractors.h"

namespace clause_scan::extract {

void extract_installments(const Context&, Summary&) {}

}  // namespace clause_scan::extract
