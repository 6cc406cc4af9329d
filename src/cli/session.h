// cli/session.h: what commands share: loading the resources once, resolving --color and
// --lang, and reading documents with the decode options.
#pragma once

#include <optional>

#include "clause_scan/extract.h"
#include "clause_scan/report.h"
#include "cli/commands.h"

namespace clause_scan::cli {

// --color auto: colour only when stdout is a terminal, NO_COLOR is unset and TERM is not
// "dumb".
Color resolve_color(const std::string& mode);
Lang resolve_lang(const std::string& lang);
TextStyle text_style(const CommonOptions& options);
DecodeOptions decode_options(const CommonOptions& options);

// Checks the options that would otherwise fail once per file (an unknown --encoding).
Status check_options(const CommonOptions& options);

// Finds and loads the rules folder (rules, terms, calendar). The resources live until the
// process ends and are never destroyed: freeing their compiled automata (tens of megabytes of
// RE2 DFA states) took about 4 ms at exit, 8% of summarizing one contract.
Result<const Resources*> load_resources(const CommonOptions& options);

}  // namespace clause_scan::cli
