// clause-scan diff OLD NEW: what changed between two versions of a contract.
// Exit status as diff(1): 0 no differences, 1 differences, 2 trouble.
#include <future>
#include <iostream>

#include "clause_scan/diff.h"
#include "cli/commands.h"
#include "cli/exit_status.h"
#include "cli/session.h"

namespace clause_scan::cli {
namespace {

void write_diff(const ContractDiff& diff, const DiffCommandOptions& options) {
  const std::string& format = options.common.format;
  DiffStyle style;
  style.lang = resolve_lang(options.common.lang);
  style.color = format == "text" ? resolve_color(options.common.color) : Color::never;
  if (options.context >= 0) style.context = options.context;
  if (format == "json") {
    write_json(std::cout, diff_to_json(diff));
  } else if (format == "markdown") {
    write_diff_markdown(std::cout, diff, style);
  } else if (format == "html") {
    write_diff_html(std::cout, diff, style);
  } else {
    write_diff_text(std::cout, diff, style);
  }
}

}  // namespace

int run_diff(const DiffCommandOptions& options) {
  if (Status valid = check_options(options.common); !valid.ok()) return report_error(valid.error());
  Result<const Resources*> loaded = load_resources(options.common);
  if (!loaded.ok()) return report_error(loaded.error());
  const Resources& resources = *loaded.value();
  Result<Document> old_document = load_document(options.old_file, decode_options(options.common));
  if (!old_document.ok()) return report_error(old_document.error());
  Result<Document> new_document = load_document(options.new_file, decode_options(options.common));
  if (!new_document.ok()) return report_error(new_document.error());

  // The two summaries take most of the time (about 1 MB/s each): one on another core.
  std::future<Summary> summarizing =
      std::async(std::launch::async, [&] { return summarize(new_document.value(), resources); });
  const Summary old_summary = summarize(old_document.value(), resources);
  const Summary new_summary = summarizing.get();
  DiffOptions diff_options;
  diff_options.compare = options.strict ? TextCompare::strict : TextCompare::normalized;
  Result<ContractDiff> diff =
      diff_contracts(DiffSide{old_document.value(), old_summary},
                     DiffSide{new_document.value(), new_summary}, resources.terms, diff_options);
  if (!diff.ok()) return report_error(diff.error());
  write_diff(diff.value(), options);
  std::cout.flush();
  return diff->identical() ? kExitOk : kExitFindings;
}

}  // namespace clause_scan::cli
