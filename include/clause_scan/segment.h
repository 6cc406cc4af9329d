// segment.h: stage 4 of the pipeline, words.
//
// Splits UTF-8 text into words with ICU's word BreakIterator for Chinese (locale "zh"), then
// merges ICU's pieces back into the contract's own terms from a term list (rules/terms.txt):
// ICU cuts 甲方 into 甲|方, 违约金 into 违约|金, 中标金额 into 中标|金额. A term always comes
// out whole: where a term ends inside an ICU word, the rest of that word becomes a word of its
// own. Runs of digits with their separators (1,977,800.00, 2026-12-31) are one word.
//
// ICU runs at about 15 MB/s, far slower than the rest of the pipeline, so nothing segments a
// whole document up front: consumers segment the clause they need (diff, `segment` command).
//
// Offsets in a Word are byte offsets into the string passed to segment(); ICU's UTF-16
// indices never leave this stage.
//
// Failure: TermList::load fails with ErrorKind::rule (path:line: reason) or io;
// Segmenter::create fails with ErrorKind::internal when ICU cannot open its break rules.
// Thread-safety: a TermList may be shared; a Segmenter is not thread-safe (one per thread).
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
  word,         // letters or ideographs
  number,       // digits, with , . - / between them
  punctuation,  // anything else that is not white space
  space,        // white space, line breaks included
};

struct Word {
  std::size_t begin = 0;  // byte offsets into the segmented text
  std::size_t end = 0;
  WordKind kind = WordKind::word;
};

// The domain terms that must stay whole. Plain text, one term per line, `#` starts a comment.
class TermList {
 public:
  TermList();
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

  std::vector<Word> segment(std::string_view utf8);

 private:
  struct Impl;
  explicit Segmenter(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace clause_scan
