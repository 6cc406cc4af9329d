// normalize_fuzzer: SourceText on arbitrary text (ill-formed bytes replaced by U+FFFD, since
// normalize.h requires valid UTF-8).
// Properties: the offset map always points inside the original, in order, and from a
// character boundary to a character boundary; every original_span is a piece of the original
// whose normalized form is the normalized range it was asked for; every position's line
// exists and is the offset's line; the line index agrees with the text's line ends.
#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "clause_scan/normalize.h"
#include "fuzz_support.h"

namespace {

using clause_scan::SourceText;
using clause_scan::fuzz::is_char_boundary;
using clause_scan::fuzz::is_valid_utf8;

int expected_line_count(std::string_view text) {
  const auto newlines = static_cast<int>(std::count(text.begin(), text.end(), '\n'));
  return newlines + 1 - (!text.empty() && text.back() == '\n' ? 1 : 0);
}

void check_map(const SourceText& source) {
  const std::string& original = source.original();
  const std::string& text = source.text();
  std::size_t last_begin = 0;
  std::size_t last_end = 0;
  for (std::size_t offset = 0; offset <= text.size() + 1; ++offset) {
    const std::size_t begin = source.to_original_begin(offset);
    const std::size_t end = source.to_original_end(offset);
    FUZZ_CHECK(begin <= original.size() && end <= original.size(),
               "offset %zu maps to %zu/%zu, original has %zu bytes", offset, begin, end,
               original.size());
    FUZZ_CHECK(begin >= last_begin && end >= last_end, "map goes back at offset %zu", offset);
    last_begin = begin;
    last_end = end;
    if (is_char_boundary(text, offset)) {
      FUZZ_CHECK(is_char_boundary(original, begin) && is_char_boundary(original, end),
                 "offset %zu maps into a character (%zu, %zu)", offset, begin, end);
    }
  }
  FUZZ_CHECK(source.to_original_begin(text.size()) == original.size(), "end of text");
}

void check_span(const SourceText& source, std::size_t begin, std::size_t end) {
  const std::string& original = source.original();
  const std::string_view span = source.original_span(begin, end);
  FUZZ_CHECK(span.data() >= original.data() &&
                 span.data() + span.size() <= original.data() + original.size(),
             "original_span(%zu, %zu) is not inside the original", begin, end);
  const std::string& text = source.text();
  if (end <= begin || end > text.size()) return;
  if (!is_char_boundary(text, begin) || !is_char_boundary(text, end)) return;
  FUZZ_CHECK(is_valid_utf8(span), "original_span(%zu, %zu) cuts a character", begin, end);
  const std::string_view range = std::string_view(text).substr(begin, end - begin);
  FUZZ_CHECK(clause_scan::normalize(span) == range,
             "original_span(%zu, %zu) does not normalize to the range", begin, end);
}

// Every offset of a short text, about 256 spread over a long one: the checks of a span and
// of a position are linear, and the fuzzer must stay fast on its 8 KB inputs.
std::size_t stride_for(std::size_t size) { return size / 256 + 1; }

void check_spans(const SourceText& source) {
  static constexpr std::array<std::size_t, 6> kLengths = {0, 1, 2, 3, 7, 40};
  const std::size_t size = source.text().size();
  check_span(source, 0, size);
  check_span(source, size, 0);
  for (std::size_t begin = 0; begin <= size; begin += stride_for(size)) {
    for (std::size_t length : kLengths) check_span(source, begin, begin + length);
  }
}

void check_lines(const SourceText& source) {
  const std::string& text = source.text();
  const int lines = source.line_count();
  FUZZ_CHECK(lines == expected_line_count(text), "line_count %d", lines);
  for (int line = 1; line <= lines; ++line) {
    const std::size_t begin = source.line_begin(line);
    const std::size_t end = source.line_end(line);
    FUZZ_CHECK(begin <= end && end <= text.size(), "line %d is [%zu, %zu)", line, begin, end);
    FUZZ_CHECK(source.line_text(line).find('\n') == std::string_view::npos, "line %d", line);
    FUZZ_CHECK(source.line(begin) == line, "line(line_begin(%d)) is %d", line, source.line(begin));
  }
  for (std::size_t offset = 0; offset <= text.size() + 1; offset += stride_for(text.size())) {
    const clause_scan::Position position = source.position(offset);
    FUZZ_CHECK(position.line >= 1 && position.line <= lines, "offset %zu on line %d of %d", offset,
               position.line, lines);
    FUZZ_CHECK(position.line == source.line(offset), "position and line disagree at %zu", offset);
    FUZZ_CHECK(position.column >= 1 &&
                   static_cast<std::size_t>(position.column) <= source.original().size() + 1,
               "offset %zu in column %d", offset, position.column);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string original =
      clause_scan::fuzz::to_valid_utf8(std::string_view(reinterpret_cast<const char*>(data), size));
  const SourceText source(original);
  FUZZ_CHECK(source.original() == original, "original changed");
  FUZZ_CHECK(is_valid_utf8(source.text()), "normalized text is not UTF-8");
  FUZZ_CHECK(clause_scan::normalize(original) == source.text(), "normalize() disagrees");
  check_map(source);
  check_spans(source);
  check_lines(source);
  return 0;
}
