// decode(): the order of decisions of decode.h, and the checks on what comes out.
#include <fmt/format.h>

#include <array>
#include <cstdint>
#include <limits>

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "clause_scan/decode.h"
#include "decode/internal.h"

namespace clause_scan {
namespace {

using decode_detail::Decoding;

// Formats known by their first bytes that are never text, with the name the reason gives.
std::string_view binary_signature(std::string_view bytes) {
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 6> kSignatures{{
      {std::string_view("\x89PNG\r\n\x1A\n", 8), "PNG image"},
      {std::string_view("PK\x03\x04", 4), "ZIP archive"},  // also .docx, .xlsx
      {std::string_view("%PDF-", 5), "PDF document"},
      {std::string_view("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8), "OLE2 file, e.g. .doc"},
      {std::string_view("\x1F\x8B", 2), "gzip archive"},
      {std::string_view("\xFF\xD8\xFF", 3), "JPEG image"},
  }};
  for (const auto& [signature, name] : kSignatures) {
    if (bytes.starts_with(signature)) return name;
  }
  return {};
}

// C0 controls that have no place in a text document (tab, line ends, form feed, vertical tab
// and ESC do), as a share of all characters.
std::optional<double> control_share_over_limit(std::string_view utf8) {
  std::size_t characters = 0;
  std::size_t controls = 0;
  for (const char byte : utf8) {
    const auto value = static_cast<unsigned char>(byte);
    characters += (value & 0xC0) != 0x80;
    controls += value < 0x20 && !(value >= '\t' && value <= '\r') && value != 0x1B;
  }
  if (controls * 100 <= characters) return std::nullopt;  // at most 1%
  return 100.0 * static_cast<double>(controls) / static_cast<double>(characters);
}

bool only_white_space(std::string_view utf8) {
  for (std::size_t at = 0; at < utf8.size();) {
    UChar32 c;
    U8_NEXT(utf8.data(), at, utf8.size(), c);
    if (!u_isUWhiteSpace(c) && c != 0xFEFF) return false;
  }
  return true;
}

// Checks the text that came out: something to read, and not binary after all.
Result<DecodedText> check_text(Decoding decoded, bool had_bom) {
  if (decoded.utf8.empty()) return Error{ErrorKind::empty, "", "empty file"};
  if (only_white_space(decoded.utf8))
    return Error{ErrorKind::empty, "", "contains only white space"};
  if (std::optional<double> share = control_share_over_limit(decoded.utf8)) {
    return Error{ErrorKind::binary, "",
                 fmt::format("binary file ({:.1f}% control characters)", *share)};
  }
  // SourceText maps offsets with ICU's 32-bit edit maps.
  if (decoded.utf8.size() > static_cast<std::size_t>(std::numeric_limits<int32_t>::max())) {
    return Error{ErrorKind::too_large, "",
                 fmt::format("text is {} bytes in UTF-8, over the 2 GiB limit of clause-scan",
                             decoded.utf8.size())};
  }
  return DecodedText{std::move(decoded.utf8), std::move(decoded.encoding), had_bom};
}

// The byte-order mark of the file under a requested encoding: only that encoding's own mark
// (either byte order for a plain "UTF-16" or "UTF-32") is one. Another encoding's mark is
// text in this one, and dropping it would lose it: FE FF is U+FFFE in UTF-16LE, EF BB BF
// begins 锘 in GB18030. FF FE 00 00 is the UTF-16LE mark and U+0000 in UTF-16.
decode_detail::Bom requested_bom(std::string_view bytes, std::string_view icu_name) {
  decode_detail::Bom bom = decode_detail::find_bom(bytes);
  if (bom.icu_name == "UTF-32LE" && icu_name.starts_with("UTF-16")) {
    bom = decode_detail::Bom{"UTF-16LE", 2};
  }
  const bool generic = icu_name == "UTF-16" || icu_name == "UTF-32";
  const bool own = bom.icu_name == icu_name || (generic && bom.icu_name.starts_with(icu_name));
  return own ? bom : decode_detail::Bom{};
}

// The encoding the user asked for, as an ICU converter name, and the file's mark in it; a
// generic "UTF-16" or "UTF-32" takes its byte order from the byte-order mark.
struct Requested {
  std::string icu_name;
  decode_detail::Bom bom;
};

Result<Requested> requested_encoding(std::string_view requested, std::string_view bytes) {
  std::optional<std::string> icu_name = decode_detail::icu_converter_name(requested);
  if (!icu_name) {
    return Error{ErrorKind::usage, "", fmt::format("unknown encoding '{}'", requested)};
  }
  const decode_detail::Bom bom = requested_bom(bytes, *icu_name);
  if (!bom.icu_name.empty()) return Requested{std::string(bom.icu_name), bom};
  return Requested{std::move(*icu_name), bom};
}

Result<Decoding> decode_body(std::string_view body, std::string_view icu_name, std::size_t base) {
  const std::size_t nul = body.find('\0');
  if (nul != std::string_view::npos &&
      !decode_detail::is_wide_unicode(decode_detail::canonical_name(icu_name))) {
    return Error{ErrorKind::binary, "",
                 fmt::format("binary file (NUL byte at offset {})", base + nul)};
  }
  return decode_detail::decode_as(body, icu_name, base);
}

Result<DecodedText> decode_checked(std::string_view bytes, const DecodeOptions& options) {
  if (bytes.size() > options.max_size)
    return decode_detail::too_large(bytes.size(), options.max_size);
  if (bytes.empty()) return Error{ErrorKind::empty, "", "empty file"};
  if (std::string_view format = binary_signature(bytes); !format.empty()) {
    return Error{ErrorKind::binary, "", fmt::format("binary file ({})", format)};
  }
  decode_detail::Bom bom = decode_detail::find_bom(bytes);
  Result<Decoding> decoded = Error{};
  if (!options.encoding.empty()) {
    Result<Requested> requested = requested_encoding(options.encoding, bytes);
    if (!requested.ok()) return requested.error();
    bom = requested->bom;
    decoded = decode_body(bytes.substr(bom.length), requested->icu_name, bom.length);
  } else if (!bom.icu_name.empty()) {
    decoded = decode_body(bytes.substr(bom.length), bom.icu_name, bom.length);
  } else {
    decoded = decode_detail::detect_and_decode(bytes, 0);
  }
  if (!decoded.ok()) return decoded.error();
  return check_text(std::move(decoded).value(), bom.length > 0);
}

}  // namespace

Result<DecodedText> decode(std::string_view bytes, const DecodeOptions& options,
                           std::string_view file) {
  Result<DecodedText> decoded = decode_checked(bytes, options);
  if (decoded.ok() || decoded.error().kind == ErrorKind::usage) return decoded;
  Error error = decoded.error();
  error.file = std::string(file);
  return error;
}

}  // namespace clause_scan
