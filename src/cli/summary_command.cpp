// clause-scan [summary] FILE...: the summary of each contract.
#include <iostream>
#include <string>
#include <vector>

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

// The files are summarized a chunk at a time (summarize_all, faster than one by one over many
// small contracts): up to kChunkFiles files or kChunkBytes of text, a few megabytes at most
// held at once.
constexpr std::size_t kChunkFiles = 32;
constexpr std::size_t kChunkBytes = 1 << 20;

// Loads the next chunk of files from files[next], advancing `next`; a file that cannot be
// loaded is reported (and sets `status`) and the others go on.
std::vector<Document> load_chunk(const std::vector<std::string>& files, std::size_t& next,
                                 const DecodeOptions& decode, int& status) {
  std::vector<Document> chunk;
  std::size_t bytes = 0;
  while (next < files.size() && chunk.size() < kChunkFiles && bytes < kChunkBytes) {
    Result<Document> document = load_document(files[next++], decode);
    if (!document.ok()) {
      status = report_error(document.error());
      continue;
    }
    bytes += document.value().source.text().size();
    chunk.push_back(std::move(document).value());
  }
  return chunk;
}

}  // namespace

int run_summary(const SummaryOptions& options) {
  if (Status valid = check_options(options.common); !valid.ok()) return report_error(valid.error());
  Result<const Resources*> loaded = load_resources(options.common);
  if (!loaded.ok()) return report_error(loaded.error());
  const Resources& resources = *loaded.value();

  // The chunks are summarized one after the other, so each may use every core.
  SummarizeOptions summarize_options;
  summarize_options.scan_threads = static_cast<int>(util::available_cores());
  const bool json = options.common.format == "json";
  const bool single = options.files.size() == 1;
  const Lang lang = resolve_lang(options.common.lang);
  JsonArrayWriter documents(std::cout);  // several files: one array, written as it goes
  int status = kExitOk;
  bool first = true;
  for (std::size_t next = 0; next < options.files.size();) {
    const std::vector<Document> chunk =
        load_chunk(options.files, next, decode_options(options.common), status);
    for (const Summary& summary : summarize_all(chunk, resources, summarize_options)) {
      if (has_errors(summary) && status == kExitOk) status = kExitFindings;
      if (json && single) {
        write_json(std::cout, summary_to_json(summary, lang));
      } else if (json) {
        documents.add(summary_to_json(summary, lang));
      } else {
        write_one(summary, options.common, first);
        first = false;
      }
    }
  }
  documents.finish();
  return status;
}

}  // namespace clause_scan::cli
