// clause-scan outline FILE...: the clause tree.
#include <iostream>

#include "cli/commands.h"
#include "cli/exit_status.h"
#include "cli/session.h"

namespace clause_scan::cli {

int run_outline(const OutlineOptions& options) {
  if (Status valid = check_options(options.common); !valid.ok()) return report_error(valid.error());
  const bool json = options.common.format == "json";
  const bool single = options.files.size() == 1;
  Json documents = Json::array();
  int status = kExitOk;
  for (const std::string& file : options.files) {
    Result<Document> document = load_document(file, decode_options(options.common));
    if (!document.ok()) {
      status = report_error(document.error());
      continue;
    }
    const auto& clauses = document->outline.clauses();
    if (json) {
      Json item;
      item["file"] = document->file;
      item["encoding"] = document->encoding;
      item["clauses"] = clauses_to_json(clauses);
      documents.push_back(std::move(item));
      continue;
    }
    if (!single) std::cout << "==> " << document->file << " <==\n";
    write_outline_text(std::cout, clauses, text_style(options.common));
  }
  if (json && !documents.empty()) write_json(std::cout, single ? documents.front() : documents);
  return status;
}

}  // namespace clause_scan::cli
