#include "normalize/fold.h"

#include <bit>
#include <cstdint>
#include <cstring>

#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>
#include <unicode/uniset.h>

namespace clause_scan::normalize_detail {
namespace {

// NFKC limited to the characters whose compatibility form is the plain one: full-width
// ASCII, U+3000 and U+FFE5. Plain NFKC would also turn ① into 1 and ㈠ into (一).
struct WidthFolder {
  icu::UnicodeSet folded_set;
  icu::FilteredNormalizer2 normalizer;

  explicit WidthFolder(const icu::Normalizer2& nfkc)
      : folded_set(0xFF01, 0xFF5E), normalizer(nfkc, folded_set) {
    folded_set.add(0x3000).add(0xFFE5).freeze();
  }
};

const WidthFolder* width_folder() {
  static const WidthFolder* const folder = []() -> const WidthFolder* {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCInstance(status);
    if (U_FAILURE(status)) return nullptr;  // ICU data is linked in; cannot happen
    return new WidthFolder(*nfkc);          // never freed: used until exit by any thread
  }();
  return folder;
}

// One fold of pass 2: `old_length` input bytes become `replacement`; 0 means no fold here.
struct Fold {
  std::size_t old_length = 0;
  std::string_view replacement;
};

bool is_ascii_digit(char c) { return c >= '0' && c <= '9'; }

// Bytes that can start a pass-2 fold: CR, '*', and the UTF-8 lead bytes E2, E3 and EF of
// U+2xxx, U+3xxx and U+Fxxx (never continuation bytes, so a hit is a character start).
constexpr bool may_start_fold(unsigned char byte) {
  return byte == '\r' || byte == '*' || (byte & 0xFE) == 0xE2 || byte == 0xEF;
}

// Nonzero where a byte of `word` equals `byte` (the lowest such flag is exact).
constexpr std::uint64_t bytes_equal(std::uint64_t word, unsigned char byte) {
  constexpr std::uint64_t kOnes = 0x0101010101010101;
  const std::uint64_t zero_where_equal = word ^ (kOnes * byte);
  return (zero_where_equal - kOnes) & ~zero_where_equal & (kOnes * 0x80);
}

// The offset of the next byte at or after `at` that may start a fold, or in.size(). Eight
// bytes at a time: this scan runs over every byte of every file.
std::size_t next_fold_candidate(std::string_view in, std::size_t at) {
  if constexpr (std::endian::native == std::endian::little) {
    for (; at + 8 <= in.size(); at += 8) {
      std::uint64_t word;
      std::memcpy(&word, in.data() + at, 8);
      const std::uint64_t hits = bytes_equal(word, '\r') | bytes_equal(word, '*') |
                                 bytes_equal(word & 0xFEFEFEFEFEFEFEFE, 0xE2) |
                                 bytes_equal(word, 0xEF);
      if (hits != 0) return at + static_cast<std::size_t>(std::countr_zero(hits)) / 8;
    }
  }
  while (at < in.size() && !may_start_fold(static_cast<unsigned char>(in[at]))) ++at;
  return at;
}

// U+2500 (─) is box drawing in the tables of legacy contracts; it is a dash only between
// two digits (2026─12─31), and only there is it folded.
Fold fold_u2xxx(std::string_view in, std::size_t at) {
  const auto b1 = static_cast<unsigned char>(in[at + 1]);
  const auto b2 = static_cast<unsigned char>(in[at + 2]);
  if (b1 == 0x80 && b2 >= 0x90 && b2 <= 0x95) return {3, "-"};  // U+2010..U+2015
  if (b1 == 0x88 && b2 == 0x92) return {3, "-"};                // U+2212 minus
  if (b1 == 0x88 && b2 == 0xBC) return {3, "~"};                // U+223C tilde operator
  if (b1 == 0x94 && b2 == 0x80 && at > 0 && at + 3 < in.size() && is_ascii_digit(in[at - 1]) &&
      is_ascii_digit(in[at + 3])) {
    return {3, "-"};  // U+2500 between digits
  }
  return {};
}

Fold fold_at(std::string_view in, std::size_t at) {
  const char lead = in[at];
  const bool has_next = at + 1 < in.size();
  if (lead == '\r') return {has_next && in[at + 1] == '\n' ? 2u : 1u, "\n"};
  if (lead == '*') return has_next && in[at + 1] == '*' ? Fold{2, ""} : Fold{};
  if (at + 2 >= in.size()) return {};
  const auto b1 = static_cast<unsigned char>(in[at + 1]);
  const auto b2 = static_cast<unsigned char>(in[at + 2]);
  switch (static_cast<unsigned char>(lead)) {
    case 0xE2:
      return fold_u2xxx(in, at);
    case 0xE3:
      return b1 == 0x80 && b2 == 0x9C ? Fold{3, "~"} : Fold{};  // U+301C wave dash
    case 0xEF:
      if (b1 == 0xBB && b2 == 0xBF) return {3, ""};                   // U+FEFF
      if (b1 == 0xB9 && (b2 == 0x98 || b2 == 0xA3)) return {3, "-"};  // U+FE58, U+FE63
      return {};
    default:
      return {};
  }
}

}  // namespace

bool fold_width(std::string_view in, std::string& out, icu::Edits* edits) {
  const WidthFolder* folder = width_folder();
  if (folder == nullptr) return false;
  const auto length = static_cast<int32_t>(in.size());
  // Fast path: text without a single full-width character needs no normalizer.
  if (folder->folded_set.spanUTF8(in.data(), length, USET_SPAN_NOT_CONTAINED) == length) {
    return false;
  }
  out.reserve(out.size() + in.size());
  icu::StringByteSink<std::string> sink(&out);
  UErrorCode status = U_ZERO_ERROR;
  folder->normalizer.normalizeUTF8(0, icu::StringPiece(in.data(), length), sink, edits, status);
  return U_SUCCESS(status);
}

bool fold_marks(std::string& text, icu::Edits* edits) {
  const std::string_view in = text;  // read ahead of `written`, which only falls behind
  std::size_t written = 0;           // text[0, written) is final
  std::size_t copied_up_to = 0;      // in[0, copied_up_to) is already in text[0, written)
  for (std::size_t at = next_fold_candidate(in, 0); at < in.size();
       at = next_fold_candidate(in, at)) {
    const Fold fold = fold_at(in, at);
    if (fold.old_length == 0) {
      at += static_cast<unsigned char>(in[at]) < 0x80 ? 1 : 3;
      continue;
    }
    const std::size_t unchanged = at - copied_up_to;
    if (written != copied_up_to) {
      std::memmove(text.data() + written, in.data() + copied_up_to, unchanged);
    }
    written += unchanged;
    fold.replacement.copy(text.data() + written, fold.replacement.size());
    written += fold.replacement.size();
    if (edits != nullptr) {
      if (unchanged > 0) edits->addUnchanged(static_cast<int32_t>(unchanged));
      edits->addReplace(static_cast<int32_t>(fold.old_length),
                        static_cast<int32_t>(fold.replacement.size()));
    }
    at += fold.old_length;
    copied_up_to = at;
  }
  if (copied_up_to == 0) return false;  // no fold: every fold consumes at least one byte
  const std::size_t rest = in.size() - copied_up_to;
  if (written != copied_up_to) std::memmove(text.data() + written, in.data() + copied_up_to, rest);
  if (edits != nullptr && rest > 0) edits->addUnchanged(static_cast<int32_t>(rest));
  text.resize(written + rest);
  return true;
}

bool fold_text(std::string_view in, std::string& out, icu::Edits* edits) {
  icu::Edits width_edits;
  const bool width_changed = fold_width(in, out, edits ? &width_edits : nullptr);
  if (!width_changed) out.assign(in);
  icu::Edits mark_edits;
  const bool marks_changed = fold_marks(out, edits ? &mark_edits : nullptr);
  const bool changed = width_changed || marks_changed;
  if (edits == nullptr || !changed) return changed;
  if (width_changed && marks_changed) {
    // Fails only when out of memory or when the two maps disagree in length (a bug).
    UErrorCode status = U_ZERO_ERROR;
    edits->mergeAndAppend(width_edits, mark_edits, status);
  } else {
    *edits = width_changed ? std::move(width_edits) : std::move(mark_edits);
  }
  return true;
}

}  // namespace clause_scan::normalize_detail
