// diff/align.h: clause alignment and text similarity (internal to the diff stage).
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "diff/units.h"

namespace clause_scan::diff {

// The distinct character bigrams of a text, sorted (a one-character text: that character).
// A character is identified by its UTF-8 bytes, so no decoding is needed.
using Bigrams = std::vector<std::uint64_t>;
Bigrams bigrams_of(std::string_view text);

// Dice coefficient 2|A∩B| / (|A|+|B|); 1 for two empty sets.
double dice(const Bigrams& a, const Bigrams& b);

struct Alignment {
  std::vector<int> old_to_new;  // matched unit of the new version, or -1
  std::vector<int> new_to_old;
  std::vector<bool> moved;  // per old unit: matched, and moved (diff.h)
};

// Matches the units of two versions (the passes of diff.h), then decides which moved.
Alignment align_units(const std::vector<Unit>& olds, const std::vector<Unit>& news);

}  // namespace clause_scan::diff
