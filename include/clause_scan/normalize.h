// normalize.h: stage 2 of the pipeline, one spelling for the rules to see.
//
// Takes decoded UTF-8 (the "original") and builds the "normalized" text that every later
// stage reads, with a map back to the original so that every reported item points at the
// words and the line the user sees. The foldings:
//   - full-width ASCII (１２３，：％（）．) to ASCII and the ideographic space U+3000 to a
//     space (ICU NFKC, restricted to those characters with a FilteredNormalizer2);
//     ￥ (U+FFE5) to ¥ (U+00A5);
//   - dash variants U+2010..U+2015 (‐ ‑ ‒ – — ―), U+2212 (−), U+FE58 (﹘), U+FE63 (﹣) and
//     U+FF0D (－) to '-'; U+2500 (─) only between two digits (2026─12─31), since elsewhere
//     it draws the tables of legacy contracts (┌─┬─┐);
//   - tilde variants U+FF5E (～), U+301C (〜), U+223C (∼) to '~';
//   - Markdown emphasis marks `**` removed (`**1977800**` -> `1977800`; `***` -> `*`; a
//     single `*` stays);
//   - CRLF and a lone CR to LF; U+FEFF (byte-order mark, zero-width no-break space) removed.
// Nothing else changes: Chinese punctuation such as 。、“” 【】, circled numbers ① (which plain
// NFKC would turn into 1) and ㈠ ㎡ ℃ stay, and line breaks are never added or removed, so
// line N of the normalized text is line N of the original.
//
// Offsets: everywhere in clause-scan an offset is a byte offset into the normalized text.
// SourceText converts such an offset to the original text (byte offset, 1-based line, 1-based
// column in characters) only when something is reported. Every folded character maps to its
// own original character (１９８６ -> 1986: the '9' maps to '９'); removed `**` and U+FEFF
// are never part of the original words of a range that begins or ends next to them.
//
// Speed (SourceText, one core, CPU time): about 190 MB/s on legacy contracts, where one
// character in ten is folded, 280 MB/s on modern ones, 440 MB/s on text that needs no fold.
// The map holds 16 bytes per folded character.
//
// Failure: none; the input must be valid UTF-8 (decode.h guarantees it) shorter than 2 GiB
// (ICU's edit maps count in int32_t; decode.h refuses larger text).
// Thread-safety: a SourceText is immutable after construction and may be shared.
#pragma once

#include <cstddef>
#include <cstdint>
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

  // Maps a normalized offset (0..text().size(); larger ones count as text().size()) to an
  // original byte offset. Inside a folded span, `to_original_begin` gives the span's start
  // and `to_original_end` its end, so that [begin, end) of the normalized text maps to the
  // whole original words. Where `**` or U+FEFF was removed, `to_original_begin` gives the
  // offset after it and `to_original_end` the offset before it.
  std::size_t to_original_begin(std::size_t offset) const;
  std::size_t to_original_end(std::size_t offset) const;

  // The original words for the normalized range [begin, end): a view into original(),
  // empty when end <= begin.
  std::string_view original_span(std::size_t begin, std::size_t end) const;

  // Line and column in the original text of a normalized offset: where the original words of
  // the character at `offset` begin (for a '\n' folded from CRLF, the CR).
  Position position(std::size_t offset) const;
  int line(std::size_t offset) const;  // 1-based; same in both texts

  // Lines of the normalized text: line_count() lines, [line_begin(n), line_end(n)) without
  // the '\n'. A final '\n' ends the last line rather than opening an empty one, so "a\nb\n"
  // has 2 lines and "" has 1 (empty). REQUIRES: 1 <= n <= line_count().
  int line_count() const;
  std::size_t line_begin(int line) const;
  std::size_t line_end(int line) const;
  std::string_view line_text(int line) const;

 private:
  // One run of the map: normalized [text_begin, next run's text_begin) corresponds to
  // original [original_begin, original_begin + original_length); `changed` runs map as a
  // whole, unchanged runs byte for byte. Deleted text (`**`, U+FEFF) has no run of its own:
  // it lies between two runs, so the original words of a normalized range never begin or end
  // with a deleted mark. 32-bit fields keep the map small (one run per folded character);
  // ICU's edit maps are limited to 2 GiB anyway.
  struct Run {
    std::uint32_t text_begin;
    std::uint32_t original_begin;
    std::uint32_t original_length;
    bool changed;
  };

  std::string original_;
  std::string text_;
  std::vector<Run> runs_;                          // sorted by text_begin, covering text_
  std::vector<std::size_t> line_starts_;           // normalized offsets where lines begin
  std::vector<std::size_t> original_line_starts_;  // the same line starts in original_
  // Characters of original_ before every kCharStep-th byte, so that a column costs at most
  // kCharStep bytes of counting however long its line is (one 50 MB line, a column per item).
  static constexpr std::size_t kCharStep = 1024;
  std::vector<std::uint32_t> char_counts_;

  void build_line_index();
  void build_char_counts();
  std::size_t chars_before(std::size_t original_offset) const;

  const Run& run_at(std::size_t offset) const;
  std::size_t run_text_end(const Run& run) const;
  std::size_t original_end_of(const Run& run, std::size_t offset) const;
};

// The normalized form of a piece of text, without the map (for rule examples and tests).
std::string normalize(std::string_view utf8);

}  // namespace clause_scan
