// The outline as an indented tree, and the words of a text, for the outline and segment
// commands.
#include <string>

#include <fmt/format.h>

#include "clause_scan/report.h"
#include "report/style.h"

namespace clause_scan {
namespace {

// The number as the reader expects to see it: 一、 keeps its 、, 1.1 and (一) stand alone.
std::string display_number(const Clause& clause) {
  if (clause.style == NumberStyle::chinese) return clause.number + "、";
  if (clause.style == NumberStyle::decimal && clause.number.find('.') == std::string::npos) {
    return clause.number + ".";
  }
  if (clause.style == NumberStyle::letter) return clause.number + ".";
  return clause.number;
}

void write_clause(std::ostream& out, const Clause& clause, int depth,
                  const report::Painter& paint) {
  std::string number = display_number(clause);
  std::string line = std::string(depth * 2, ' ');
  if (clause.style == NumberStyle::part) {
    line += paint.bold((clause.number.empty() ? "" : "[" + clause.number + "] ") + clause.heading);
  } else {
    line += paint.bold(number);
    // 一、定义 reads as one; other numbers stand apart from their heading.
    const char* gap = clause.style == NumberStyle::chinese ? "" : " ";
    if (!clause.heading.empty()) line += gap + clause.heading;
  }
  out << line << "  " << paint.dim(fmt::format("L{}", clause.line)) << '\n';
  for (const Clause& child : clause.children) write_clause(out, child, depth + 1, paint);
}

}  // namespace

void write_outline_text(std::ostream& out, const std::vector<Clause>& clauses,
                        const TextStyle& style) {
  report::Painter paint(style.color);
  for (const Clause& clause : clauses) write_clause(out, clause, 0, paint);
}

void write_words_text(std::ostream& out, std::string_view text, const std::vector<Word>& words) {
  bool line_open = false;
  for (const Word& word : words) {
    std::string_view piece = text.substr(word.begin, word.end - word.begin);
    if (word.kind == WordKind::space) {
      if (piece.find('\n') != std::string_view::npos && line_open) {
        out << '\n';
        line_open = false;
      }
      continue;
    }
    if (line_open) out << " | ";
    out << piece;
    line_open = true;
  }
  if (line_open) out << '\n';
}

}  // namespace clause_scan
