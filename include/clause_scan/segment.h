// segment.h: stage 4 of the pipeline, words.
//
// Splits UTF-8 text into words with ICU's word BreakIterator for Chinese (locale "zh"), then
// merges ICU's pieces back into the contract's own terms from a term list (rules/terms.txt):
// ICU cuts 甲方 into 甲|方, 违约金 into 违约|金, 中标金额 into 中标|金额. A term always comes
// out whole: where a term ends inside an ICU word, the rest of that word becomes a word of its
// own. Runs of digits with their separators (1,977,800.00, 2026-12-31) are one word.
//
// How terms are found: at every word start (the start of an ICU word, of a merged number, or
// of the rest of an ICU word cut by a term), the longest term the text starts with becomes one
// word, even when ICU placed no boundary there. Terms never overlap. One exception to
// "longest term first": when that term would end inside an ICU word while another term starts
// on an ICU boundary inside it and runs further, ICU's boundary and the later term win
// (借款|人民币, not 借款人|民|币). A term is only looked for at a word start, so 定金 in
// 约定|金额 is not a term occurrence.
//
// Numbers: ICU already keeps 1,977,800.00 and 7.2.16 whole; this stage also joins number
// pieces separated by a single '-' or '/' (2026-12-31, 2026/12/31, 3-5). The input is meant to
// be the normalized text (normalize.h), where full-width digits and dashes are ASCII.
//
// ICU runs at about 15 MB/s, far slower than the rest of the pipeline, so nothing segments a
// whole document up front: consumers segment the clause they need (diff, `segment` command).
//
// Offsets in a Word are byte offsets into the string passed to segment(); ICU's UTF-16
// indices never leave this stage. The words returned cover the input exactly: the first
// begins at 0, each begins where the previous one ends, the last ends at the input's size.
//
// Failure: TermList::load fails with ErrorKind::io when the file cannot be read, and with
// ErrorKind::rule when a line is not a term; then Error::message() reads "path:line: reason".
// Segmenter::create fails with ErrorKind::internal when ICU cannot open its break rules.
// Thread-safety: a TermList is immutable after loading and may be shared; a Segmenter is not
// thread-safe (one per thread).
#pragma once

#include <cstddef>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "clause_scan/error.h"

namespace clause_scan {

enum class WordKind {
  word,         // letters or ideographs (codes with digits such as A1 or v2.0 included)
  number,       // digits, with , . - / between them
  punctuation,  // anything else that is not white space (a blank ______ included)
  space,        // white space, line breaks included
};

// "word", "number", "punctuation", "space".
std::string_view to_string(WordKind kind);

struct Word {
  std::size_t begin = 0;  // byte offsets into the segmented text
  std::size_t end = 0;
  WordKind kind = WordKind::word;
};

// The domain terms that must stay whole.
//
// File format (rules/terms.txt): UTF-8 plain text, one term per line. `#` starts a comment
// that runs to the end of the line; spaces and tabs around a term are ignored; blank lines are
// skipped; a UTF-8 byte-order mark at the start is ignored. A line is rejected (ErrorKind::rule,
// "path:line: reason") when its term
//   - has white space inside it (term lines hold one term, 甲 方 is two words),
//   - holds a control character or is not valid UTF-8,
//   - is longer than kMaxTermChars characters (code points),
//   - appears on an earlier line too (duplicate term).
class TermList {
 public:
  static constexpr std::size_t kMaxTermChars = 32;

  TermList();  // no terms
  ~TermList();
  TermList(TermList&&) noexcept;
  TermList& operator=(TermList&&) noexcept;

  static Result<TermList> load(const std::filesystem::path& path);
  static TermList from_lines(std::string_view text);  // ignores bad lines

  std::size_t size() const;
  bool contains(std::string_view term) const;
  // Length in bytes of the longest term that `text` starts with, or 0.
  std::size_t longest_prefix(std::string_view text) const;

 private:
  struct Trie;
  std::unique_ptr<Trie> trie_;
};

class Segmenter {
 public:
  ~Segmenter();
  Segmenter(Segmenter&&) noexcept;
  Segmenter& operator=(Segmenter&&) noexcept;

  // `terms` must outlive the Segmenter.
  static Result<Segmenter> create(const TermList& terms);

  // The words of `utf8`, in order, covering it without gaps; empty for empty input.
  // Invalid UTF-8 is tolerated (each bad byte sequence ends up inside some word).
  // REQUIRES: utf8.size() < 2^31 (ICU's index type); longer text comes back as one word.
  std::vector<Word> segment(std::string_view utf8);

 private:
  struct Impl;
  explicit Segmenter(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace clause_scan
