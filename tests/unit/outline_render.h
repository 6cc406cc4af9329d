// outline_render.h: the compact text rendering of an outline, for tests that compare whole
// outlines (tests/unit/outline_test.cpp and the golden outlines tests/golden/<sample>/outline.txt).
//
// One line per clause in document order, two spaces of indent per depth, then the number, the
// heading and "L" + the 1-based line, separated by single spaces; an empty number or heading
// is left out. A part shows as "[part]" or "[part NUMBER]" before its title:
//
//   一 定义 L42
//     1.1 L46
//   [part] 保密协议 L303
//     第一条 定义 L325
//   [part 附件] 履约验收方案 L582
#pragma once

#include <string>

#include "clause_scan/outline.h"

namespace clause_scan::testing {

inline void render_compact_clause(const Clause& clause, int depth, std::string& out) {
  out.append(static_cast<std::size_t>(depth) * 2, ' ');
  std::string fields = clause.number;
  if (clause.style == NumberStyle::part) {
    fields = clause.number.empty() ? "[part]" : "[part " + clause.number + "]";
  }
  for (const std::string& field : {clause.heading, "L" + std::to_string(clause.line)}) {
    if (field.empty()) continue;
    if (!fields.empty()) fields += ' ';
    fields += field;
  }
  out += fields;
  out += '\n';
  for (const Clause& child : clause.children) render_compact_clause(child, depth + 1, out);
}

// The whole outline, or "" when it has no clauses.
inline std::string render_compact(const Outline& outline) {
  std::string out;
  for (const Clause& clause : outline.clauses()) render_compact_clause(clause, 0, out);
  return out;
}

}  // namespace clause_scan::testing
