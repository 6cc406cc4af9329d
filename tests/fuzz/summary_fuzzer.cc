// summary_fuzzer: the whole pipeline on arbitrary bytes: decode -> make_document ->
// summarize -> summary_to_json, and the text and Markdown writers. Bytes that do not decode
// still go through the pipeline with their ill-formed sequences replaced by U+FFFD, so that
// every input reaches the extractors.
// Properties: no crash and no exception; every "line" of the JSON (items, findings, clauses)
// is a line of the input; every "text" is a piece of the decoded original; the JSON and the
// human writers' output are valid UTF-8.
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>
#include <string_view>

#include "clause_scan/decode.h"
#include "clause_scan/extract.h"
#include "clause_scan/report.h"
#include "fuzz_support.h"

namespace {

using clause_scan::DecodedText;
using clause_scan::Json;
using clause_scan::fuzz::is_valid_utf8;

// Every "line" and "text" anywhere in the document.
void check_json(const Json& json, const clause_scan::SourceText& source) {
  if (json.is_array()) {
    for (const Json& element : json) check_json(element, source);
    return;
  }
  if (!json.is_object()) return;
  for (const auto& [key, value] : json.items()) {
    if (key == "line" && value.is_number_integer()) {
      const auto line = value.get<long long>();
      FUZZ_CHECK(line >= 1 && line <= source.line_count(), "line %lld of %d", line,
                 source.line_count());
    } else if (key == "text" && value.is_string()) {
      const auto& text = value.get_ref<const std::string&>();
      FUZZ_CHECK(source.original().find(text) != std::string::npos,
                 "text \"%s\" is not in the original", text.c_str());
    } else {
      check_json(value, source);
    }
  }
}

std::string dump(const Json& json) {
  try {
    return json.dump();
  } catch (const std::exception& error) {
    FUZZ_CHECK(false, "summary JSON cannot be written: %s", error.what());
  }
  return {};
}

void check_writers(const clause_scan::Summary& summary) {
  for (clause_scan::Lang lang : {clause_scan::Lang::zh, clause_scan::Lang::en}) {
    std::ostringstream text;
    clause_scan::write_summary_text(text, summary, clause_scan::TextStyle{lang});
    FUZZ_CHECK(is_valid_utf8(text.str()), "text output is not UTF-8");
    std::ostringstream markdown;
    clause_scan::write_summary_markdown(markdown, summary, lang);
    FUZZ_CHECK(is_valid_utf8(markdown.str()), "Markdown output is not UTF-8");
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  const clause_scan::Resources& resources = clause_scan::fuzz::shipped_resources();
  clause_scan::Result<DecodedText> decoded =
      clause_scan::decode(bytes, clause_scan::DecodeOptions{}, "fuzz.txt");
  DecodedText text = decoded.ok()
                         ? std::move(decoded).value()
                         : DecodedText{clause_scan::fuzz::to_valid_utf8(bytes), "UTF-8", false};
  const clause_scan::Document document = clause_scan::make_document("fuzz.txt", std::move(text));
  const clause_scan::Summary summary = clause_scan::summarize(document, resources);
  const Json json = clause_scan::summary_to_json(summary);
  FUZZ_CHECK(is_valid_utf8(dump(json)), "JSON is not UTF-8");
  check_json(json, document.source);
  check_writers(summary);
  return 0;
}
