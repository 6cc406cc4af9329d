#include <algorithm>
#include <cstring>

#include <unicode/edits.h>

#include "clause_scan/normalize.h"
#include "normalize/fold.h"

namespace clause_scan {

SourceText::SourceText(std::string original) : original_(std::move(original)) {
  icu::Edits edits;
  if (!normalize_detail::fold_text(original_, text_, &edits)) {  // text_ is a copy
    if (!text_.empty()) runs_.push_back(Run{0, 0, static_cast<std::uint32_t>(text_.size()), false});
  } else {
    runs_.reserve(2 * static_cast<std::size_t>(edits.numberOfChanges()) + 1);
    UErrorCode status = U_ZERO_ERROR;
    for (auto span = edits.getFineIterator(); span.next(status);) {
      if (span.newLength() == 0) continue;  // a deletion: between runs, see Run
      runs_.push_back(Run{static_cast<std::uint32_t>(span.destinationIndex()),
                          static_cast<std::uint32_t>(span.sourceIndex()),
                          static_cast<std::uint32_t>(span.oldLength()), span.hasChange() != 0});
    }
  }
  build_line_index();
  build_char_counts();
}

namespace {

bool starts_char(char byte) { return (static_cast<unsigned char>(byte) & 0xC0) != 0x80; }

}  // namespace

void SourceText::build_char_counts() {
  char_counts_.reserve(original_.size() / kCharStep + 1);
  std::uint32_t count = 0;
  for (std::size_t at = 0; at < original_.size(); ++at) {
    if (at % kCharStep == 0) char_counts_.push_back(count);
    count += starts_char(original_[at]);
  }
  if (original_.size() % kCharStep == 0) char_counts_.push_back(count);
}

// Characters (UTF-8 lead bytes) of original_ before `original_offset`.
std::size_t SourceText::chars_before(std::size_t original_offset) const {
  const std::size_t block = original_offset / kCharStep;
  std::size_t count = char_counts_[block];
  for (std::size_t at = block * kCharStep; at < original_offset; ++at) {
    count += starts_char(original_[at]);
  }
  return count;
}

void SourceText::build_line_index() {
  line_starts_.push_back(0);
  original_line_starts_.push_back(0);
  const char* const data = text_.data();
  const char* const end = data + text_.size();
  std::size_t run_index = 0;  // advances with the newlines: one pass over both
  for (const char* at = data; at != end;) {
    const void* newline = std::memchr(at, '\n', static_cast<std::size_t>(end - at));
    if (newline == nullptr) break;
    at = static_cast<const char*>(newline) + 1;
    if (at == end) break;  // a final line end does not open another line
    const auto line_start = static_cast<std::size_t>(at - data);
    while (run_text_end(runs_[run_index]) < line_start) ++run_index;
    line_starts_.push_back(line_start);
    // The original line starts right after the original line end (LF, CRLF or CR).
    original_line_starts_.push_back(original_end_of(runs_[run_index], line_start));
  }
}

const SourceText::Run& SourceText::run_at(std::size_t offset) const {
  auto after = std::upper_bound(runs_.begin(), runs_.end(), offset,
                                [](std::size_t at, const Run& run) { return at < run.text_begin; });
  return *(after - 1);
}

std::size_t SourceText::run_text_end(const Run& run) const {
  const auto index = static_cast<std::size_t>(&run - runs_.data());
  return index + 1 < runs_.size() ? runs_[index + 1].text_begin : text_.size();
}

// REQUIRES: run.text_begin < offset <= run_text_end(run).
std::size_t SourceText::original_end_of(const Run& run, std::size_t offset) const {
  if (run.changed) return std::size_t{run.original_begin} + run.original_length;
  return run.original_begin + (offset - run.text_begin);
}

std::size_t SourceText::to_original_begin(std::size_t offset) const {
  if (offset >= text_.size()) return original_.size();
  const Run& run = run_at(offset);
  if (run.changed) return run.original_begin;
  return run.original_begin + (offset - run.text_begin);
}

std::size_t SourceText::to_original_end(std::size_t offset) const {
  offset = std::min(offset, text_.size());
  if (offset == 0) return to_original_begin(0);
  return original_end_of(run_at(offset - 1), offset);
}

std::string_view SourceText::original_span(std::size_t begin, std::size_t end) const {
  const std::size_t original_begin = to_original_begin(begin);
  if (end <= begin) return std::string_view(original_).substr(original_begin, 0);
  const std::size_t original_end = to_original_end(end);
  return std::string_view(original_).substr(original_begin, original_end - original_begin);
}

int SourceText::line(std::size_t offset) const {
  auto after = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  return static_cast<int>(after - line_starts_.begin());
}

Position SourceText::position(std::size_t offset) const {
  const int line_number = line(offset);
  const std::size_t line_start = original_line_starts_[line_number - 1];
  const std::size_t original_offset = std::max(to_original_begin(offset), line_start);
  const std::size_t column = chars_before(original_offset) - chars_before(line_start) + 1;
  return Position{line_number, static_cast<int>(column)};
}

int SourceText::line_count() const { return static_cast<int>(line_starts_.size()); }

std::size_t SourceText::line_begin(int line) const {
  return line_starts_[static_cast<std::size_t>(line - 1)];
}

std::size_t SourceText::line_end(int line) const {
  if (line >= line_count()) {
    const bool ends_with_newline = !text_.empty() && text_.back() == '\n';
    return text_.size() - (ends_with_newline ? 1 : 0);
  }
  return line_starts_[static_cast<std::size_t>(line)] - 1;
}

std::string_view SourceText::line_text(int line) const {
  const std::size_t begin = line_begin(line);
  return std::string_view(text_).substr(begin, line_end(line) - begin);
}

std::string normalize(std::string_view utf8) {
  std::string normalized;
  normalize_detail::fold_text(utf8, normalized, nullptr);  // a copy when nothing folds
  return normalized;
}

}  // namespace clause_scan
