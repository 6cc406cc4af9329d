// normalize/fold.h: the two folding passes behind SourceText (private to src/normalize/).
//
// Pass 1 (fold_width) is ICU NFKC restricted by a FilteredNormalizer2 to full-width ASCII
// U+FF01..U+FF5E, the ideographic space U+3000 and U+FFE5; nothing else is touched, so ① and
// Chinese punctuation survive. Pass 2 (fold_marks) is a hand-written byte scan of the pass-1
// output for the few folds NFKC does not make: dashes, tildes, `**`, CR and U+FEFF.
// When `edits` is not null each pass records its changes in it, so that
// icu::Edits::mergeAndAppend can compose the map original -> normalized. Each returns false,
// leaving its output and `edits` untouched, when the input needs no change.
#pragma once

#include <string>
#include <string_view>

#include <unicode/edits.h>

namespace clause_scan::normalize_detail {

// REQUIRES: `in` is valid UTF-8 shorter than 2 GiB (ICU's offsets are int32_t).
// Appends the folded text to `out`.
bool fold_width(std::string_view in, std::string& out, icu::Edits* edits);

// Folds `text` (valid UTF-8, the output of fold_width) in place: every pass-2 fold is at
// most as long as what it replaces, so the text only shrinks.
bool fold_marks(std::string& text, icu::Edits* edits);

// Both passes: `out` (REQUIRES: empty) receives the normalized text and `edits`, when not
// null, the map from `in` to it. Returns whether anything changed; `out` is the normalized
// text either way.
bool fold_text(std::string_view in, std::string& out, icu::Edits* edits);

}  // namespace clause_scan::normalize_detail
