// outline.h: stage 3 of the pipeline, the clause tree.
//
// Reads the normalized text line by line and builds the tree of clauses from the numbering
// the contract uses at the start of a line (after spaces and a Markdown bullet "- " / "* "):
// 第一章 / 第一节 / 第一部分, 第一条 / 第 1 条, 一、 / 十五、, (一), 1. / 1、 / 1.1 / 4.1.1 /
// 1.1. / 1-1 / 3-5-1, (1), 1), a. / A. / a) / (a), ①. A numbering form that appears first
// becomes a level; later lines of that form are siblings at that level and close the deeper
// levels; a new form nests under the current clause, unless it outranks every open clause by
// the conventional order (chapter > article > chinese > paren_chinese > A. > decimal >
// paren_arabic > arabic_paren > a. > circled): a preamble list "1、2、" followed by "一、" makes
// 一、 top-level. Chapters and articles close lower-ranked clauses, except a section heading
// directly above them ("一、定义" / "第一条"). Dotted numbers nest by their own number (4.1.1
// under 4.1 under 4. or 四、 or 第四条), also when a level is missing. A list of single numbers
// that starts again at 1 right after a line ending in ':' is a list inside the open clause
// (42. …如下： / 1. 2. / 43.); after anything else it is a sibling (a second document's 1.).
//
// What is not a clause: dates (2026年01月16日, 2026.12.31), amounts and quantities (1977800 元,
// 3.5 万元, 15 个工作日), phone numbers, numbers above 200, a single-level number without a
// separator ("15 日内"), a number in the middle of a sentence, table rows (a tab or a
// box-drawing character on the line), and a table of contents ("目录" up to the line that
// repeats its first entry).
//
// Headings: the rest of the numbering line when it is short (at most 30 characters) and has no
// sentence punctuation, else a label of at most 12 characters before ':' ("中标金额"), else "".
//
// Parts: an appendix (附件 / 附件一 / 附件1:…, not an entry of a list of appendices) or a new
// titled agreement after a signature block (保密协议, 廉洁协议 …: a short title followed within
// a few lines by its own number, parties or clauses) starts a new top-level Clause with style
// `part`, whose children restart their numbering. The document's own title is not a part, and
// text before the first clause belongs to no clause.
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
  decimal,        // 1. / 1、 / 1.1 / 4.1.1 / 1.1. / 1-1 / 3-5-1
  paren_arabic,   // (1)
  arabic_paren,   // 1)
  letter,         // a. / A. / a) / (a)
  circled,        // ①
};

// "part", "chapter", "article", "chinese", "paren_chinese", "decimal", "paren_arabic",
// "arabic_paren", "letter", "circled".
std::string_view to_string(NumberStyle style);

struct Clause {
  std::string number;   // as written (normalized), without the trailing separator and without
                        // spaces: "第九条", "一", "9.3", "(一)", "(1)", "1)", "a", "①";
                        // for a part "附件", "附件一" or "" (a titled agreement)
  std::string heading;  // the short heading on the numbering line ("定义", "中标金额"),
                        // or "" when the line is a numbered sentence; for a part its title
                        // ("保密协议", "履约验收方案", or the title line under "附件一")
  NumberStyle style = NumberStyle::decimal;
  int line = 0;                // 1-based line of the numbering
  std::size_t begin = 0;       // offset of the numbering
  std::size_t body_begin = 0;  // offset just after the number and its separator
  std::size_t end = 0;         // end of the clause including its children
  std::vector<Clause> children;

  // End of the clause's own text: where its first child begins, else `end`.
  std::size_t own_end() const { return children.empty() ? end : children.front().begin; }
};

class Outline {
 public:
  Outline() = default;
  explicit Outline(std::vector<Clause> clauses);

  // Copies rebuild the offset index (it points into the clauses); moves keep it.
  Outline(const Outline& other);
  Outline& operator=(const Outline& other);
  Outline(Outline&&) noexcept = default;
  Outline& operator=(Outline&&) noexcept = default;
  ~Outline() = default;

  const std::vector<Clause>& clauses() const { return clauses_; }

  // The innermost clause holding `offset`, or nullptr before the first clause.
  const Clause* clause_at(std::size_t offset) const;

  // The clause number path of the innermost clause holding `offset`, as the summary reports
  // it in `clause`: a dotted number stands for itself ("9.3"); other numbers are prefixed by
  // their ancestors' numbers up to the nearest dotted or article number ("第七条(三)",
  // "7.1(3)"); "" before the first clause and for text directly under a part.
  // Precisely: start at the nearest ancestor-or-self that is an anchor (a multi-level decimal
  // such as "9.3" or "1-2", an article 第N条 or a chapter), else at the top-level clause of
  // its part; concatenate the numbers from there down; a chinese number that is not the last
  // component gets "、" ("二、4(2)"), a decimal followed by a decimal "." ("42.1" for the 1.
  // of a list inside 42.).
  std::string path_at(std::size_t offset) const;

  // All clauses in document order (pre-order), for consumers that walk them flat.
  std::vector<const Clause*> flatten() const;

 private:
  // One clause in pre-order with its precomputed path; `parent` indexes entries_ (or -1).
  struct Entry {
    std::size_t begin;
    std::size_t end;
    const Clause* clause;
    std::string path;
    int parent;
  };

  void build_index();
  int entry_at(std::size_t offset) const;  // innermost entry holding offset, or -1

  std::vector<Clause> clauses_;
  std::vector<Entry> entries_;  // sorted by begin (pre-order of a tree of nested ranges)
};

// Builds the clause tree of `source.text()`. See the top of this file for what is recognized.
// Ranges: `begin` is the offset of the numbering (after leading spaces and a Markdown bullet),
// `body_begin` the offset after the number, its separator and following spaces (for a titled
// part, the end of its title line), `end` the start of the line of the next clause at the same
// or a higher level, of the next part, or the end of the text. Cost: one pass over the lines.
Outline build_outline(const SourceText& source);

}  // namespace clause_scan
