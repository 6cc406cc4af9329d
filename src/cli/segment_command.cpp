// clause-scan segment FILE...: the words the segmenter sees, one line of words per line of
// normalized text, for rule authors.
#include <iostream>

#include "cli/commands.h"
#include "cli/exit_status.h"
#include "cli/session.h"

namespace clause_scan::cli {

int run_segment(const SegmentOptions& options) {
  if (Status valid = check_options(options.common); !valid.ok()) return report_error(valid.error());
  Result<const Resources*> loaded = load_resources(options.common);
  if (!loaded.ok()) return report_error(loaded.error());
  const Resources& resources = *loaded.value();
  Result<Segmenter> segmenter = Segmenter::create(resources.terms);
  if (!segmenter.ok()) return report_error(segmenter.error());

  int status = kExitOk;
  for (const std::string& file : options.files) {
    Result<Document> document = load_document(file, decode_options(options.common));
    if (!document.ok()) {
      status = report_error(document.error());
      continue;
    }
    const SourceText& source = document->source;
    if (options.files.size() > 1) std::cout << "==> " << document->file << " <==\n";
    // Line by line: segmenting lazily keeps memory flat on large inputs.
    for (int line = 1; line <= source.line_count(); ++line) {
      std::string_view text = source.line_text(line);
      if (text.empty()) continue;
      std::cout << 'L' << line << ": ";
      write_words_text(std::cout, text, segmenter->segment(text));
    }
  }
  return status;
}

}  // namespace clause_scan::cli
