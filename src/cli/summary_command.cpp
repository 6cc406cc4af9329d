// clause-scan [summary] FILE...: the summary of each contract.
#include <iostream>

#include "cli/commands.h"
#include "cli/exit_status.h"
#include "cli/session.h"
#include "util/cores.h"

namespace clause_scan::cli {
namespace {

bool has_errors(const Summary& summary) {
  for (const Finding& finding : summary.findings) {
    if (finding.severity == Severity::error) return true;
  }
  return false;
}

void write_one(const Summary& summary, const CommonOptions& options, bool first) {
  if (options.format == "markdown") {
    if (!first) std::cout << "\n---\n\n";
    write_summary_markdown(std::cout, summary, resolve_lang(options.lang));
  } else {
    if (!first) std::cout << '\n';
    write_summary_text(std::cout, summary, text_style(options));
  }
}

}  // namespace

int run_summary(const SummaryOptions& options) {
  if (Status valid = check_options(options.common); !valid.ok()) return report_error(valid.error());
  Result<Resources> resources = load_resources(options.common);
  if (!resources.ok()) return report_error(resources.error());

  // The files are summarized one after the other, so each may use every core.
  SummarizeOptions summarize_options;
  summarize_options.scan_threads = static_cast<int>(util::available_cores());
  const bool json = options.common.format == "json";
  const bool single = options.files.size() == 1;
  JsonArrayWriter documents(std::cout);  // several files: one array, written as it goes
  int status = kExitOk;
  bool first = true;
  for (const std::string& file : options.files) {
    Result<Document> document = load_document(file, decode_options(options.common));
    if (!document.ok()) {
      status = report_error(document.error());
      continue;
    }
    Summary summary = summarize(document.value(), resources.value(), summarize_options);
    if (has_errors(summary) && status == kExitOk) status = kExitFindings;
    const Lang lang = resolve_lang(options.common.lang);
    if (json && single) {
      write_json(std::cout, summary_to_json(summary, lang));
    } else if (json) {
      documents.add(summary_to_json(summary, lang));
    } else {
      write_one(summary, options.common, first);
      first = false;
    }
  }
  documents.finish();
  return status;
}

}  // namespace clause_scan::cli
