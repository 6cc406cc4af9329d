#include "clause_scan/extract.h"
#include "extract/context.h"
#include "extract/extractors.h"

namespace clause_scan {

Summary summarize(const Document& document, const Resources& resources,
                  const SummarizeOptions& options) {
  extract::Context context(document, resources);
  if (options.scan_threads > 1) context.scan_whole_document(options.scan_threads);
  Summary summary;
  summary.file = document.file;
  summary.encoding = document.encoding;
  summary.clauses = document.outline.clauses();
  extract::extract_title(context, summary);
  extract::extract_parties(context, summary);
  extract::extract_amounts(context, summary);
  extract::extract_dates(context, summary);
  extract::extract_periods(context, summary);
  extract::extract_durations(context, summary);
  extract::extract_installments(context, summary);
  extract::extract_penalties(context, summary);
  return summary;
}

}  // namespace clause_scan
