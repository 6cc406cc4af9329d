// diff/units.h: the units a diff compares (internal to the diff stage).
//
// A unit is one clause of the outline, or the head: the text before the first clause. Its
// `key` is what alignment compares (normalized mode: the normalized text without white
// space), its `body` what the word diff and the writers show (the original words; in
// normalized mode with canonical white space, see canonical_body).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "clause_scan/diff.h"

namespace clause_scan::diff {

struct Unit {
  const Clause* clause = nullptr;  // nullptr for the head
  std::string number;              // Clause::number; "" for the head
  std::string path;                // Outline::path_at
  std::string heading;
  int line = 1;
  int parent = -1;  // index of the enclosing clause's unit, or -1
  std::string body;
  std::string key;

  bool is_head() const { return clause == nullptr; }
};

// The head (when it holds any words) followed by every clause in pre-order.
std::vector<Unit> build_units(const Document& document, TextCompare compare);

// Text as a body: each run of white space becomes one '\n' when it holds a line break, else
// one ' '; trimmed at both ends.
std::string canonical_body(std::string_view text);

// The text without any white space (ASCII, U+00A0, U+2000..U+200B, U+202F, U+205F, U+3000,
// U+FEFF).
std::string without_spaces(std::string_view text);

// Bytes of the white-space character starting at text[at], or 0 when it is not one.
std::size_t space_length(std::string_view text, std::size_t at);

}  // namespace clause_scan::diff
