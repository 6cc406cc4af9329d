// builder.h (private to the outline stage): the outline of normalized text without a
// SourceText, so that the builder can be tested and measured on plain strings.
#pragma once

#include <string_view>

#include "clause_scan/outline.h"

namespace clause_scan::outline_internal {

// What build_outline(source) returns for source.text() == normalized_text.
Outline build_outline_from_text(std::string_view normalized_text);

}  // namespace clause_scan::outline_internal
