#include "clause_scan/extract.h"
#include "extract/context.h"
#include "extract/extractors.h"

namespace clause_scan {

Summary summarize(const Document& document, const Resources& resources) {
  extract::Context context(document, resources);
  Summary summary;
  summary.file = document.file;
  summary.encoding = document.encoding;
  summary.clauses = document.outline.clauses();
  extract::extract_title(context, summary);
  return summary;
}

}  // namespace clause_scan
