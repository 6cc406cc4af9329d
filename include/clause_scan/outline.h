// outline.h: stage 3 of the pipeline, the clause tree.
//
// Reads the normalized text line by line and builds the tree of clauses from the numbering
// the contract uses: 第一章, 第一条 / 第十二条, 一、 / 十五、, (一), 1. / 1.1 / 4.1.1 / 7.2.16,
// (1), 1), a. / b., ①. A numbering style that appears first becomes a level; later lines of
// that style are siblings at that level, a new style nests under the current clause, and a
// style seen before closes the deeper levels (the way a reader does it). Dotted numbers nest
// by their own depth (4.1.1 under 4.1 under 4 or 四、).
//
// What is not a clause: dates (2026年01月16日), amounts (1977800 元), phone numbers,
// a number in the middle of a sentence, and list markers inside a table.
//
// Parts: an appendix (附件 / 附件一：…) or a new titled agreement after the signature block
// (保密协议, 廉洁协议 …, a short title line followed by its own parties or numbering) starts a
// new top-level Clause with style `part`, whose children restart their numbering.
//
// Every Clause knows its byte range in the normalized text. `path_at` names the clause that
// holds an offset the way the summary reports it ("9.3", "第七条(三)", "7.1(3)").
//
// Failure: none; text without numbering gives an empty outline.
// Thread-safety: an Outline is immutable after construction and may be shared.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "clause_scan/normalize.h"

namespace clause_scan {

enum class NumberStyle {
  part,           // an appendix or agreement; number "" or e.g. "附件一"
  chapter,        // 第一章 / 第一节 / 第一部分
  article,        // 第一条
  chinese,        // 一、
  paren_chinese,  // (一)
  decimal,        // 1. / 1.1 / 4.1.1 / 1.1.
  paren_arabic,   // (1)
  arabic_paren,   // 1)
  letter,         // a. / A. / a) / (a)
  circled,        // ①
};

// "part", "chapter", "article", "chinese", "paren_chinese", "decimal", "paren_arabic",
// "arabic_paren", "letter", "circled".
std::string_view to_string(NumberStyle style);

struct Clause {
  std::string number;   // as written (normalized), without the trailing separator:
                        // "第九条", "一", "9.3", "(一)", "(1)", "1)", "a", "①"
  std::string heading;  // the short heading on the numbering line ("定义", "中标金额"),
                        // or "" when the line is a numbered sentence
  NumberStyle style = NumberStyle::decimal;
  int line = 0;                  // 1-based line of the numbering
  std::size_t begin = 0;         // offset of the numbering
  std::size_t body_begin = 0;    // offset just after the number and its separator
  std::size_t end = 0;           // end of the clause including its children
  std::vector<Clause> children;

  // End of the clause's own text: where its first child begins, else `end`.
  std::size_t own_end() const { return children.empty() ? end : children.front().begin; }
};

class Outline {
 public:
  Outline() = default;
  explicit Outline(std::vector<Clause> clauses);

  const std::vector<Clause>& clauses() const { return clauses_; }

  // The innermost clause holding `offset`, or nullptr before the first clause.
  const Clause* clause_at(std::size_t offset) const;

  // The clause number path of the innermost clause holding `offset`, as the summary reports
  // it in `clause`: a dotted number stands for itself ("9.3"); other numbers are prefixed by
  // their ancestors' numbers up to the nearest dotted or article number ("第七条(三)",
  // "7.1(3)"); "" before the first clause and for text directly under a part.
  std::string path_at(std::size_t offset) const;

  // All clauses in document order (pre-order), for consumers that walk them flat.
  std::vector<const Clause*> flatten() const;

 private:
  std::vector<Clause> clauses_;
  // Pre-order list of (begin, clause, path), built once, searched by offset.
  struct Entry {
    std::size_t begin;
    std::size_t end;
    const Clause* clause;
    std::string path;
  };
  std::vector<Entry> entries_;
};

Outline build_outline(const SourceText& source);

}  // namespace clause_scan
