// Segmenter: ICU word pieces -> number runs joined -> domain terms merged.
//
// ICU works on the UTF-8 text directly through a UText (utext_openUTF8), whose native
// indices are byte offsets: every boundary the BreakIterator returns is already a byte offset
// into the caller's string, so no UTF-16 copy or index map is needed.

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/ubrk.h>
#include <unicode/uchar.h>
#include <unicode/utext.h>
#include <unicode/utf8.h>

#include <cstdint>
#include <limits>
#include <string>
#include <utility>

#include "clause_scan/segment.h"

namespace clause_scan {

std::string_view to_string(WordKind kind) {
  switch (kind) {
    case WordKind::word:
      return "word";
    case WordKind::number:
      return "number";
    case WordKind::punctuation:
      return "punctuation";
    case WordKind::space:
      return "space";
  }
  return "word";
}

namespace {

// Calls `test(c)` for each code point of `text` until it returns true; returns whether it did.
// Ill-formed bytes come in as a negative code point.
template <typename Test>
bool any_code_point(std::string_view text, Test test) {
  const auto length = static_cast<int32_t>(text.size());
  for (int32_t i = 0; i < length;) {
    UChar32 c;
    U8_NEXT(text.data(), i, length, c);
    if (test(c)) return true;
  }
  return false;
}

bool has_letter(std::string_view text) {
  return any_code_point(text, [](UChar32 c) { return c >= 0 && u_isUAlphabetic(c); });
}

bool is_all_white_space(std::string_view text) {
  return !any_code_point(text, [](UChar32 c) { return c < 0 || !u_isUWhiteSpace(c); });
}

// The kind of one ICU piece, from its rule status and, where the status is not enough, its
// characters: ICU gives "______" the letter status and "A1" the number status.
WordKind kind_of_piece(std::string_view piece, int32_t rule_status) {
  if (rule_status >= UBRK_WORD_KANA) return WordKind::word;  // kana and ideographs
  if (rule_status >= UBRK_WORD_LETTER) {
    return has_letter(piece) ? WordKind::word : WordKind::punctuation;
  }
  if (rule_status >= UBRK_WORD_NUMBER) {
    return has_letter(piece) ? WordKind::word : WordKind::number;
  }
  return is_all_white_space(piece) ? WordKind::space : WordKind::punctuation;
}

// ICU's word pieces of `text` into `pieces`. Returns false when ICU refuses the text.
bool icu_pieces(icu::BreakIterator& breaker, std::string_view text, std::vector<Word>& pieces) {
  UErrorCode status = U_ZERO_ERROR;
  UText utf8_text = UTEXT_INITIALIZER;
  utext_openUTF8(&utf8_text, text.data(), static_cast<int64_t>(text.size()), &status);
  // setText keeps its own shallow clone of the UText, so ours can be closed right away.
  breaker.setText(&utf8_text, status);
  utext_close(&utf8_text);
  if (U_FAILURE(status)) return false;
  int32_t begin = breaker.first();
  for (int32_t end = breaker.next(); end != icu::BreakIterator::DONE;
       begin = end, end = breaker.next()) {
    const auto piece_begin = static_cast<std::size_t>(begin);
    const auto piece_end = static_cast<std::size_t>(end);
    std::string_view piece = text.substr(piece_begin, piece_end - piece_begin);
    pieces.push_back({piece_begin, piece_end, kind_of_piece(piece, breaker.getRuleStatus())});
  }
  return true;
}

bool is_number_separator(std::string_view text, const Word& piece) {
  std::string_view piece_text = text.substr(piece.begin, piece.end - piece.begin);
  return piece_text == "-" || piece_text == "/";
}

// Joins number, separator, number, ... into one number piece (2026-12-31). ICU already joins
// numbers around , and . (1,977,800.00, 7.2.16) but not around - and /.
void join_number_runs(std::string_view text, std::vector<Word>& pieces) {
  std::size_t kept = 0;
  for (std::size_t i = 0; i < pieces.size(); ++i) {
    Word piece = pieces[i];
    while (piece.kind == WordKind::number && i + 2 < pieces.size() &&
           is_number_separator(text, pieces[i + 1]) && pieces[i + 2].kind == WordKind::number) {
      piece.end = pieces[i + 2].end;
      i += 2;
    }
    pieces[kept++] = piece;
  }
  pieces.resize(kept);
}

// The length of the term that becomes the word at `at` (inside pieces[piece]), or 0: the
// longest term there, unless it ends inside an ICU piece while a later term starts on an ICU
// boundary inside it and runs further. Then ICU's boundary and the later term win:
// 借款|人民币, not 借款人|民|币.
std::size_t term_at(std::string_view text, const std::vector<Word>& pieces, std::size_t piece,
                    std::size_t at, const TermList& terms) {
  const std::size_t length = terms.longest_prefix(text.substr(at));
  const std::size_t term_end = at + length;
  std::size_t last = piece;  // the piece the term ends in
  while (pieces[last].end < term_end) ++last;
  if (length == 0 || pieces[last].end == term_end) return length;
  for (std::size_t later = piece + 1; later <= last; ++later) {
    const std::size_t later_begin = pieces[later].begin;
    if (later_begin + terms.longest_prefix(text.substr(later_begin)) > term_end) return 0;
  }
  return length;
}

// The words: at every word start the term there (term_at), else the (rest of the) piece.
// `pieces` cover `text` without gaps.
std::vector<Word> merge_terms(std::string_view text, const std::vector<Word>& pieces,
                              const TermList& terms) {
  std::vector<Word> words;
  words.reserve(pieces.size());
  std::size_t at = 0;     // the next word start
  std::size_t piece = 0;  // the piece that holds `at`
  while (piece < pieces.size()) {
    const std::size_t term_length = term_at(text, pieces, piece, at, terms);
    if (term_length == 0) {
      words.push_back({at, pieces[piece].end, pieces[piece].kind});
      at = pieces[piece++].end;
      continue;
    }
    const std::size_t term_end = at + term_length;
    while (pieces[piece].end < term_end) ++piece;  // the pieces the term swallows
    words.push_back({at, term_end, WordKind::word});
    at = term_end;
    if (pieces[piece].end == term_end) ++piece;  // else the rest of the piece comes next
  }
  return words;
}

}  // namespace

struct Segmenter::Impl {
  const TermList* terms = nullptr;
  std::unique_ptr<icu::BreakIterator> breaker;
  std::vector<Word> pieces;  // kept between calls for its capacity
};

Segmenter::Segmenter(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Segmenter::~Segmenter() = default;
Segmenter::Segmenter(Segmenter&&) noexcept = default;
Segmenter& Segmenter::operator=(Segmenter&&) noexcept = default;

Result<Segmenter> Segmenter::create(const TermList& terms) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> breaker(
      icu::BreakIterator::createWordInstance(icu::Locale("zh"), status));
  if (U_FAILURE(status) || !breaker) {
    return Error{ErrorKind::internal, "",
                 std::string("cannot open ICU word break rules for zh: ") + u_errorName(status)};
  }
  auto impl = std::make_unique<Impl>();
  impl->terms = &terms;
  impl->breaker = std::move(breaker);
  return Segmenter(std::move(impl));
}

std::vector<Word> Segmenter::segment(std::string_view utf8) {
  if (utf8.empty()) return {};
  const Word whole{0, utf8.size(), WordKind::word};
  if (utf8.size() > static_cast<std::size_t>(std::numeric_limits<int32_t>::max())) return {whole};
  impl_->pieces.clear();
  if (!icu_pieces(*impl_->breaker, utf8, impl_->pieces) || impl_->pieces.empty()) return {whole};
  join_number_runs(utf8, impl_->pieces);
  return merge_terms(utf8, impl_->pieces, *impl_->terms);
}

}  // namespace clause_scan
