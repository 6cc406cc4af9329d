// extract_dates_support.h: running one extractor of the dates family on a piece of text,
// for extract_dates_test.cpp, extract_periods_test.cpp and extract_durations_test.cpp.
#pragma once

#include <doctest/doctest.h>

#include <string>

#include "clause_scan/extract.h"
#include "extract/context.h"
#include "extract/extractors.h"

namespace clause_scan::testing {

// The rules of the source tree, loaded once.
inline const Resources& source_resources() {
  static const Result<Resources> resources = Resources::load(CLAUSE_SCAN_SOURCE_DIR "/rules");
  REQUIRE_MESSAGE(resources.ok(), resources.error().message());
  return resources.value();
}

using Extractor = void (*)(const extract::Context&, Summary&);

// The summary that `extractor` alone fills from `text` (UTF-8, as a contract writes it).
inline Summary run_extractor(Extractor extractor, std::string text) {
  const Document document = make_document("test.txt", DecodedText{std::move(text), "UTF-8", false});
  const extract::Context context(document, source_resources());
  Summary summary;
  extractor(context, summary);
  return summary;
}

}  // namespace clause_scan::testing
