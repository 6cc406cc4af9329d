// decode/internal.h: the pieces of decode.h shared between src/decode/*.cpp (private).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "clause_scan/error.h"

namespace clause_scan::decode_detail {

// Text in UTF-8 and the canonical name of the encoding it was read in.
struct Decoding {
  std::string encoding;
  std::string utf8;
};

// ---- convert.cpp: ICU converters ----

// The ICU converter name for an encoding name or alias ("gbk" -> "windows-936-2000"), or
// nothing when ICU has no such converter.
std::optional<std::string> icu_converter_name(std::string_view encoding);

// The name decode.h promises for an ICU converter name: "GB18030", "Big5", "UTF-16LE", ...
// (the MIME name, else the IANA name, else ICU's own).
std::string canonical_name(std::string_view icu_name);

// "UTF-16LE", "UTF-32BE", "UTF-16" ...: encodings in which NUL bytes are normal.
bool is_wide_unicode(std::string_view canonical);

// Converts `bytes` with ICU converter `icu_name`, stopping at the first undecodable byte:
// ErrorKind::encoding "invalid <encoding> at byte N", N counted from `base` (the offset of
// `bytes` in the file). UTF-8 is validated and copied without a converter.
Result<Decoding> decode_as(std::string_view bytes, std::string_view icu_name, std::size_t base);

// ---- read_file.cpp ----

// ErrorKind::too_large: "file is 70.0 MiB, over the 64 MiB limit (--max-size)".
Error too_large(std::size_t size, std::size_t max_size);

// ---- detect.cpp: what the bytes are ----

struct Bom {
  std::string_view icu_name;  // empty when there is no byte-order mark
  std::size_t length = 0;
};
Bom find_bom(std::string_view bytes);

// A strict UTF-8 check (ICU U8_NEXT), with the counts that tell broken UTF-8 from a legacy
// encoding (taken up to the 1000th ill-formed sequence, where the scan stops).
struct Utf8Scan {
  std::size_t first_invalid = std::string_view::npos;  // npos: valid UTF-8
  std::size_t valid_multibyte = 0;                     // well-formed sequences of 2-4 bytes
  std::size_t invalid = 0;                             // ill-formed sequences
  bool valid() const { return first_invalid == std::string_view::npos; }
  // Mostly well-formed multi-byte sequences: UTF-8 with a few broken bytes, which a legacy
  // decoder would turn into nonsense rather than text.
  bool mostly_utf8() const { return valid_multibyte >= 9 * invalid; }
};
Utf8Scan scan_utf8(std::string_view bytes);

// Steps 2-4 of decode.h for bytes without a byte-order mark: UTF-8, UTF-16/32 without BOM,
// then a legacy encoding. Errors: binary (NUL bytes in a byte-oriented encoding), encoding.
Result<Decoding> detect_and_decode(std::string_view bytes, std::size_t base);

// Chinese text, judged by its characters: at least 90% of the non-ASCII code points are Han
// ideographs or the punctuation, full-width forms, symbols and box drawing of Chinese text.
bool mostly_chinese(std::string_view utf8);

}  // namespace clause_scan::decode_detail
