// Helpers of the report tests: a summary written by the text or the Markdown writer.
#pragma once

#include <sstream>
#include <string>

#include "clause_scan/report.h"

namespace clause_scan::testing {

inline std::string text_of(const Summary& summary, Lang lang) {
  std::ostringstream out;
  write_summary_text(out, summary, TextStyle{lang, Color::never});
  return out.str();
}

inline std::string markdown_of(const Summary& summary, Lang lang) {
  std::ostringstream out;
  write_summary_markdown(out, summary, lang);
  return out.str();
}

}  // namespace clause_scan::testing
