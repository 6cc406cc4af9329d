// ICU converters: names, bytes -> UTF-8 with a stop callback, and UTF-8 -> bytes (encode).
#include <fmt/format.h>

#include <memory>

#include <unicode/ucnv.h>
#include <unicode/utf16.h>

#include "clause_scan/decode.h"
#include "decode/internal.h"

namespace clause_scan {
namespace decode_detail {
namespace {

struct CloseConverter {
  void operator()(UConverter* converter) const { ucnv_close(converter); }
};
using Converter = std::unique_ptr<UConverter, CloseConverter>;

Converter open_converter(std::string_view name) {
  const std::string terminated(name);
  UErrorCode status = U_ZERO_ERROR;
  Converter converter(ucnv_open(terminated.c_str(), &status));
  if (U_FAILURE(status)) converter.reset();
  return converter;
}

Error encoding_error(std::string reason) {
  return Error{ErrorKind::encoding, "", std::move(reason)};
}

Result<Decoding> validate_utf8(std::string_view bytes, std::size_t base) {
  const Utf8Scan scan = scan_utf8(bytes);
  if (!scan.valid()) {
    return encoding_error(fmt::format("invalid UTF-8 at byte {}", base + scan.first_invalid));
  }
  return Decoding{"UTF-8", std::string(bytes)};
}

// The offset in `bytes` where the sequence that stopped `converter` begins.
std::size_t stop_offset(UConverter* converter, const char* consumed_up_to, const char* begin) {
  char invalid[32];
  int8_t invalid_length = sizeof invalid;
  UErrorCode status = U_ZERO_ERROR;
  ucnv_getInvalidChars(converter, invalid, &invalid_length, &status);
  if (U_FAILURE(status)) invalid_length = 0;
  return static_cast<std::size_t>(consumed_up_to - begin) -
         static_cast<std::size_t>(invalid_length);
}

}  // namespace

std::optional<std::string> icu_converter_name(std::string_view encoding) {
  if (encoding.empty()) return std::nullopt;
  Converter converter = open_converter(encoding);
  if (!converter) return std::nullopt;
  UErrorCode status = U_ZERO_ERROR;
  const char* name = ucnv_getName(converter.get(), &status);
  if (U_FAILURE(status)) return std::nullopt;
  return std::string(name);
}

std::string canonical_name(std::string_view icu_name) {
  const std::string terminated(icu_name);
  for (const char* standard : {"MIME", "IANA"}) {
    UErrorCode status = U_ZERO_ERROR;
    const char* name = ucnv_getStandardName(terminated.c_str(), standard, &status);
    if (U_SUCCESS(status) && name != nullptr) return name;
  }
  return terminated;
}

bool is_wide_unicode(std::string_view canonical) {
  return canonical.starts_with("UTF-16") || canonical.starts_with("UTF-32");
}

Result<Decoding> decode_as(std::string_view bytes, std::string_view icu_name, std::size_t base) {
  if (icu_name == "UTF-8") return validate_utf8(bytes, base);
  Converter source = open_converter(icu_name);
  Converter utf8 = open_converter("UTF-8");
  const std::string encoding = canonical_name(icu_name);
  if (!source || !utf8) return encoding_error(fmt::format("no converter for {}", encoding));
  UErrorCode status = U_ZERO_ERROR;
  ucnv_setToUCallBack(source.get(), UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);

  // Most text grows by at most half in UTF-8 (two bytes of GB18030 or UTF-16 -> three).
  std::string out(bytes.size() + bytes.size() / 2 + 16, '\0');
  char* target = out.data();
  const char* consumed_up_to = bytes.data();
  UChar pivot[4096];
  UChar* pivot_source = pivot;
  UChar* pivot_target = pivot;
  for (bool reset = true;; reset = false) {
    status = U_ZERO_ERROR;
    ucnv_convertEx(utf8.get(), source.get(), &target, out.data() + out.size(), &consumed_up_to,
                   bytes.data() + bytes.size(), pivot, &pivot_source, &pivot_target,
                   pivot + std::size(pivot), reset, /*flush=*/true, &status);
    if (status != U_BUFFER_OVERFLOW_ERROR) break;
    const auto written = static_cast<std::size_t>(target - out.data());
    out.resize(2 * out.size());
    target = out.data() + written;
  }
  if (U_FAILURE(status)) {
    const std::size_t offset = stop_offset(source.get(), consumed_up_to, bytes.data());
    return encoding_error(fmt::format("invalid {} at byte {}", encoding, base + offset));
  }
  out.resize(static_cast<std::size_t>(target - out.data()));
  return Decoding{encoding, std::move(out)};
}

}  // namespace decode_detail

Result<std::string> encode(std::string_view utf8, std::string_view encoding) {
  using namespace decode_detail;
  const Utf8Scan scan = scan_utf8(utf8);
  if (!scan.valid()) {
    return encoding_error(fmt::format("invalid UTF-8 at byte {}", scan.first_invalid));
  }
  Converter target = open_converter(encoding);
  Converter source = open_converter("UTF-8");
  if (!target || !source) return encoding_error(fmt::format("unknown encoding '{}'", encoding));
  UErrorCode status = U_ZERO_ERROR;
  ucnv_setFromUCallBack(target.get(), UCNV_FROM_U_CALLBACK_STOP, nullptr, nullptr, nullptr,
                        &status);
  std::string out(2 * utf8.size() + 16, '\0');
  char* written_up_to = out.data();
  const char* consumed_up_to = utf8.data();
  UChar pivot[4096];
  UChar* pivot_source = pivot;
  UChar* pivot_target = pivot;
  for (bool reset = true;; reset = false) {
    status = U_ZERO_ERROR;
    ucnv_convertEx(target.get(), source.get(), &written_up_to, out.data() + out.size(),
                   &consumed_up_to, utf8.data() + utf8.size(), pivot, &pivot_source, &pivot_target,
                   pivot + std::size(pivot), reset, /*flush=*/true, &status);
    if (status != U_BUFFER_OVERFLOW_ERROR) break;
    const auto written = static_cast<std::size_t>(written_up_to - out.data());
    out.resize(2 * out.size());
    written_up_to = out.data() + written;
  }
  if (U_FAILURE(status)) {
    UChar invalid[2] = {0, 0};
    int8_t invalid_length = 2;
    status = U_ZERO_ERROR;
    ucnv_getInvalidUChars(target.get(), invalid, &invalid_length, &status);
    const UChar32 character =
        invalid_length == 2 ? U16_GET_SUPPLEMENTARY(invalid[0], invalid[1]) : invalid[0];
    return encoding_error(fmt::format("U+{:04X} cannot be written in {}", character,
                                      canonical_name(ucnv_getName(target.get(), &status))));
  }
  out.resize(static_cast<std::size_t>(written_up_to - out.data()));
  return out;
}

}  // namespace clause_scan
