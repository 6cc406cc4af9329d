#include <memory>

#include "clause_scan/extract.h"
#include "extract/context.h"
#include "extract/extractors.h"

namespace clause_scan {
namespace {

// The extractors in their order (later ones read what earlier ones found).
Summary extract_summary(const extract::Context& context) {
  const Document& document = context.document();
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

}  // namespace

Summary summarize(const Document& document, const Resources& resources,
                  const SummarizeOptions& options) {
  extract::Context context(document, resources);
  if (options.scan_threads > 1) context.scan_whole_document(options.scan_threads);
  return extract_summary(context);
}

std::vector<Summary> summarize_all(const std::vector<Document>& documents,
                                   const Resources& resources, const SummarizeOptions& options) {
  std::vector<std::unique_ptr<extract::Context>> contexts;
  std::vector<extract::Context*> scanned;
  for (const Document& document : documents) {
    contexts.push_back(std::make_unique<extract::Context>(document, resources));
    scanned.push_back(contexts.back().get());
  }
  extract::Context::scan_whole_documents(scanned, options.scan_threads);
  std::vector<Summary> summaries;
  summaries.reserve(contexts.size());
  for (const auto& context : contexts) summaries.push_back(extract_summary(*context));
  return summaries;
}

}  // namespace clause_scan
