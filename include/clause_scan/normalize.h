// normalize.h: stage 2 of the pipeline, one spelling for the rules to see.
//
// Takes decoded UTF-8 (the "original") and builds the "normalized" text that every later
// stage reads, with a map back to the original so that every reported item points at the
// words and the line the user sees. The foldings:
//   - full-width ASCII (１２３，：％（）．) to ASCII and the ideographic space U+3000 to a
//     space (ICU NFKC, restricted to those characters with a FilteredNormalizer2);
//     ￥ (U+FFE5) to ¥ (U+00A5);
//   - dash variants (‐ ‑ ‒ – — ― － ─ and the like) to '-', tilde variants (～ 〜 ∼) to '~';
//   - Markdown emphasis marks `**` removed (`**1977800**` -> `1977800`);
//   - CRLF and a lone CR to LF; a byte-order mark U+FEFF removed.
// Nothing else changes: Chinese punctuation such as 。、“” 【】 stays, and line breaks are
// never added or removed, so line N of the normalized text is line N of the original.
//
// Offsets: everywhere in clause-scan an offset is a byte offset into the normalized text.
// SourceText converts such an offset to the original text (byte offset, 1-based line, 1-based
// column in characters) only when something is reported.
//
// Failure: none; the input must be valid UTF-8 (decode.h guarantees it).
// Thread-safety: a SourceText is immutable after construction and may be shared.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace clause_scan {

struct Position {
  int line = 0;    // 1-based
  int column = 0;  // 1-based, in characters (code points) of the original line
};

class SourceText {
 public:
  // Normalizes `original` (valid UTF-8) and builds the offset map and line index.
  explicit SourceText(std::string original);

  const std::string& original() const { return original_; }
  const std::string& text() const { return text_; }  // the normalized text

  // Maps a normalized offset (0..text().size()) to an original byte offset. Inside a folded
  // span, `to_original_begin` gives the span's start and `to_original_end` its end, so that
  // [begin, end) of the normalized text maps to the whole original words.
  std::size_t to_original_begin(std::size_t offset) const;
  std::size_t to_original_end(std::size_t offset) const;

  // The original words for the normalized range [begin, end).
  std::string_view original_span(std::size_t begin, std::size_t end) const;

  // Line and column in the original text of a normalized offset.
  Position position(std::size_t offset) const;
  int line(std::size_t offset) const;  // 1-based; same in both texts

  // Lines of the normalized text: line_count() lines, [line_begin(n), line_end(n)) without
  // the '\n'. 1-based n.
  int line_count() const;
  std::size_t line_begin(int line) const;
  std::size_t line_end(int line) const;
  std::string_view line_text(int line) const;

 private:
  // One run of the map: normalized [text_begin, ...) corresponds to original
  // [original_begin, ...); `changed` runs map as a whole, unchanged runs byte for byte.
  struct Run {
    std::size_t text_begin;
    std::size_t original_begin;
    std::size_t text_length;
    std::size_t original_length;
    bool changed;
  };

  std::string original_;
  std::string text_;
  std::vector<Run> runs_;                    // sorted by text_begin, covering text_
  std::vector<std::size_t> line_starts_;     // normalized offsets where lines begin
  std::vector<std::size_t> original_line_starts_;

  const Run& run_at(std::size_t offset) const;
};

// The normalized form of a piece of text, without the map (for rule examples and tests).
std::string normalize(std::string_view utf8);

}  // namespace clause_scan
