// decode_fuzzer: decode() on arbitrary bytes, detected and with a forced encoding.
// Properties: what comes out is valid UTF-8; UTF-8 input without a BOM comes out unchanged;
// an error has a decode kind, names the file and is one line; text decoded in a Unicode or
// Chinese encoding and encoded again decodes to the same text (unless the bytes then begin
// with a file signature, binary by decode.h's first rule); the size limit is kept.
#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "clause_scan/decode.h"
#include "fuzz_support.h"

namespace {

using clause_scan::DecodedText;
using clause_scan::DecodeOptions;
using clause_scan::ErrorKind;
using clause_scan::Result;
using clause_scan::fuzz::is_valid_utf8;

constexpr std::string_view kFile = "fuzz.txt";

void check_error(const clause_scan::Error& error) {
  FUZZ_CHECK(error.kind == ErrorKind::empty || error.kind == ErrorKind::binary ||
                 error.kind == ErrorKind::encoding || error.kind == ErrorKind::too_large,
             "kind %s", std::string(to_string(error.kind)).c_str());
  FUZZ_CHECK(error.file == kFile, "file '%s'", error.file.c_str());
  FUZZ_CHECK(!error.reason.empty() && error.reason.find('\n') == std::string::npos, "reason '%s'",
             error.reason.c_str());
  FUZZ_CHECK(is_valid_utf8(error.reason), "reason not UTF-8");
}

// A file signature at the start of the bytes: decode.h checks signatures before anything
// else, whatever the encoding, so that a text whose first character encodes as one (U+8B1F
// is 1F 8B in UTF-16LE, the gzip signature) is binary once its BOM is gone. The other
// binary errors (NUL bytes, control characters) would have refused the text the first time.
bool refused_for_signature(const Result<DecodedText>& decoded) {
  if (decoded.ok() || decoded.error().kind != ErrorKind::binary) return false;
  const std::string& reason = decoded.error().reason;
  return reason.find("NUL byte") == std::string::npos &&
         reason.find("control characters") == std::string::npos;
}

// Encoding the text again and decoding it as `encoding` gives the same text.
void check_round_trip(const DecodedText& decoded, const std::string& encoding) {
  if (decoded.utf8.starts_with("\xEF\xBB\xBF")) return;  // would read as a BOM and be dropped
  Result<std::string> bytes = clause_scan::encode(decoded.utf8, encoding);
  FUZZ_CHECK(bytes.ok(), "cannot encode the decoded text in %s: %s", encoding.c_str(),
             bytes.error().message().c_str());
  DecodeOptions forced;
  forced.encoding = encoding;
  Result<DecodedText> again = clause_scan::decode(bytes.value(), forced, kFile);
  if (refused_for_signature(again)) return;
  FUZZ_CHECK(again.ok() && again->utf8 == decoded.utf8, "%s round trip: %s", encoding.c_str(),
             again.ok() ? "other text" : again.error().message().c_str());
}

void check_detected(std::string_view bytes) {
  Result<DecodedText> decoded = clause_scan::decode(bytes, DecodeOptions{}, kFile);
  if (!decoded.ok()) return check_error(decoded.error());
  FUZZ_CHECK(is_valid_utf8(decoded->utf8), "invalid UTF-8 out of %s", decoded->encoding.c_str());
  FUZZ_CHECK(!decoded->encoding.empty(), "no encoding name");
  if (decoded->encoding == "UTF-8") {
    const std::string_view body = decoded->had_bom ? bytes.substr(3) : bytes;
    FUZZ_CHECK(decoded->utf8 == body, "UTF-8 input changed by decoding");
  }
  static constexpr std::array<std::string_view, 5> kRoundTrip = {"UTF-16LE", "UTF-16BE", "UTF-32LE",
                                                                 "UTF-32BE", "GB18030"};
  for (std::string_view encoding : kRoundTrip) {
    if (decoded->encoding == encoding) check_round_trip(decoded.value(), decoded->encoding);
  }
}

void check_forced(std::string_view bytes) {
  static constexpr std::array<const char*, 7> kForced = {"GB18030", "UTF-16LE", "UTF-16BE", "Big5",
                                                         "UTF-16",  "UTF-32LE", "Shift_JIS"};
  DecodeOptions forced;
  forced.encoding = kForced[bytes.size() % kForced.size()];
  Result<DecodedText> decoded = clause_scan::decode(bytes, forced, kFile);
  if (!decoded.ok()) return check_error(decoded.error());
  FUZZ_CHECK(is_valid_utf8(decoded->utf8), "invalid UTF-8 out of forced %s",
             forced.encoding.c_str());
}

void check_size_limit(std::string_view bytes) {
  if (bytes.empty()) return;
  DecodeOptions limited;
  limited.max_size = bytes.size() - 1;
  Result<DecodedText> decoded = clause_scan::decode(bytes, limited, kFile);
  FUZZ_CHECK(!decoded.ok() && decoded.error().kind == ErrorKind::too_large,
             "%zu bytes accepted with max_size %zu", bytes.size(), limited.max_size);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  check_detected(bytes);
  check_forced(bytes);
  check_size_limit(bytes);
  return 0;
}
