// What the bytes are: byte-order marks, strict UTF-8, UTF-16/32 without a BOM, and legacy
// encodings by ICU's charset detector with the corrections Chinese contracts need.
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <memory>
#include <vector>

#include <unicode/uchar.h>
#include <unicode/ucsdet.h>
#include <unicode/utf8.h>

#include "decode/internal.h"

namespace clause_scan::decode_detail {
namespace {

// How much of a file the detectors look at: enough for their statistics, and cheap.
constexpr std::size_t kSniffBytes = 64 * 1024;
// scan_utf8 stops counting after this many ill-formed sequences.
constexpr std::size_t kEnoughInvalid = 1000;
// ucsdet's confidence (0-100) from which a guess other than GB18030 is believed.
constexpr int32_t kConfident = 50;
// How far below the best guess GB18030 may be and still be taken, and below what length
// it is taken when confident at all (unless the best guess is Big5).
constexpr int32_t kGb18030Margin = 20;
constexpr std::size_t kShortText = 256;

// Characters of Chinese text, besides ASCII.
bool is_chinese_text_char(UChar32 c) {
  if (u_hasBinaryProperty(c, UCHAR_IDEOGRAPHIC)) return true;  // Han
  return (c >= 0x3000 && c <= 0x303F)     // CJK punctuation 、。「」【】〜
         || (c >= 0xFF00 && c <= 0xFFEF)  // full-width forms （），：
         || (c >= 0x2010 && c <= 0x201F)  // dashes and quotes — “” ‘’
         || c == 0x2025 || c == 0x2026 || c == 0x2030 || c == 0x2032 || c == 0x2033 ||
         c == 0x203B                      // ‥ … ‰ ′ ″ ※
         || (c >= 0x00A0 && c <= 0x00FF)  // Latin-1: · × ÷ ¥ §
         || (c >= 0x2100 && c <= 0x21FF)  // letterlike, arrows: ℃ №
         || (c >= 0x2200 && c <= 0x22FF)  // mathematical operators: ≤ ≥ ∶
         || (c >= 0x2460 && c <= 0x25FF)  // circled numbers ①, box drawing ─, shapes □
         || (c >= 0x3200 && c <= 0x33FF)  // enclosed CJK ㈠, CJK compatibility ㎡
         || (c >= 0xFE30 && c <= 0xFE6F)  // CJK compatibility and small forms ︰ ﹘
         || c == 0xFEFF;
}

bool is_text_char(UChar32 c) {
  if (c < 0x80) return c >= 0x20 ? c != 0x7F : (c == '\t' || c == '\n' || c == '\r');
  return is_chinese_text_char(c);
}

// The commonest punctuation of Chinese prose: 、。（），：；“”. Neither ASCII nor the bytes
// of GB18030 or Big5 read as UTF-16 can make them (they would need a control byte or 0xFF).
bool is_chinese_prose_mark(UChar32 c) {
  switch (c) {
    case 0x3001:
    case 0x3002:
    case 0xFF08:
    case 0xFF09:
    case 0xFF0C:
    case 0xFF1A:
    case 0xFF1B:
    case 0x201C:
    case 0x201D:
      return true;
    default:
      return false;
  }
}

struct CharCounts {
  std::size_t all = 0;
  std::size_t non_ascii = 0;
  std::size_t chinese = 0;  // non-ASCII characters of Chinese text
  std::size_t text = 0;     // ASCII text characters and `chinese`
  std::size_t prose_marks = 0;
};

CharCounts count_chars(std::string_view utf8) {
  CharCounts counts;
  for (std::size_t at = 0; at < utf8.size();) {
    UChar32 c;
    U8_NEXT(utf8.data(), at, utf8.size(), c);
    ++counts.all;
    if (c >= 0x80) ++counts.non_ascii;
    if (c >= 0x80 && is_chinese_text_char(c)) ++counts.chinese;
    if (is_text_char(c)) ++counts.text;
    if (is_chinese_prose_mark(c)) ++counts.prose_marks;
  }
  return counts;
}

// ---- UTF-16 and UTF-32 without a byte-order mark ----

// The prefix of `bytes` the wide-Unicode sniffer decodes: at most kSniffBytes, whole code
// units, and not ending inside a surrogate pair.
std::string_view sniff_prefix(std::string_view bytes, std::string_view icu_name) {
  const std::size_t unit = icu_name.starts_with("UTF-32") ? 4 : 2;
  std::size_t length = std::min(bytes.size(), kSniffBytes) / unit * unit;
  if (unit == 2 && length >= 2 && length < bytes.size()) {
    const bool little_endian = icu_name == "UTF-16LE";
    const auto high = static_cast<unsigned char>(bytes[length - (little_endian ? 1 : 2)]);
    if (high >= 0xD8 && high <= 0xDB) length -= 2;  // a lead surrogate: keep the pair whole
  }
  return bytes.substr(0, length);
}

// Whether the bytes have zero bytes: ASCII and line ends in UTF-16 do.
enum class ZeroBytes { present, absent };

// The share of text characters (0-1) in the first bytes decoded in `icu_name`; 0 when they
// do not decode or hold a NUL. Without zero bytes, the bytes are all-Chinese UTF-16 or, far
// more likely, short legacy text (mostly ASCII pairs read as one Han character each), so
// they must hold the punctuation of Chinese prose too.
double text_share(std::string_view bytes, std::string_view icu_name, ZeroBytes zero_bytes) {
  Result<Decoding> sample = decode_as(sniff_prefix(bytes, icu_name), icu_name, 0);
  if (!sample.ok() || sample->utf8.empty()) return 0;
  if (sample->utf8.find('\0') != std::string::npos) return 0;
  const CharCounts counts = count_chars(sample->utf8);
  if (zero_bytes == ZeroBytes::absent && counts.prose_marks == 0) return 0;
  return static_cast<double>(counts.text) / static_cast<double>(counts.all);
}

// UTF-32: every code unit has a zero high byte and a plane byte of at most 0x10.
bool looks_like_utf32(std::string_view bytes, bool little_endian) {
  if (bytes.size() % 4 != 0) return false;
  const std::string_view prefix = bytes.substr(0, std::min(bytes.size(), kSniffBytes));
  for (std::size_t unit = 0; unit + 4 <= prefix.size(); unit += 4) {
    const auto high = static_cast<unsigned char>(prefix[unit + (little_endian ? 3 : 0)]);
    const auto plane = static_cast<unsigned char>(prefix[unit + (little_endian ? 2 : 1)]);
    if (high != 0 || plane > 0x10) return false;
  }
  return true;
}

// UTF-16LE or UTF-16BE, for bytes that read equally well as text both ways. That happens
// with one line of ASCII (swapped, ASCII becomes Han: 'a' U+0061 -> U+6100), whose zero
// bytes then tell the order: the high bytes of ASCII, at odd offsets in UTF-16LE.
std::string_view utf16_order_by_zero_bytes(std::string_view bytes) {
  const std::string_view prefix = bytes.substr(0, std::min(bytes.size(), kSniffBytes));
  std::array<std::size_t, 2> zeros{};  // at even, odd offsets
  for (std::size_t at = 0; at < prefix.size(); ++at) zeros[at % 2] += prefix[at] == '\0';
  return zeros[1] >= zeros[0] ? "UTF-16LE" : "UTF-16BE";
}

// The UTF-16/32 encoding whose characters read as text (90% or more), if any. UTF-32 shows
// in its zero bytes. UTF-16 does not reliably: ASCII puts zeros at odd offsets in UTF-16LE,
// but U+3000 and 一 (U+4E00) put them at even ones, and all-Chinese text has none; so both
// byte orders are read, and read the wrong way Chinese text turns into a mix of Han, Hangul,
// private-use and unassigned characters. The better reading wins.
std::optional<std::string_view> wide_unicode_encoding(std::string_view bytes,
                                                      ZeroBytes zero_bytes) {
  constexpr double kTextShare = 0.9;
  for (std::string_view utf32 : {"UTF-32LE", "UTF-32BE"}) {
    if (looks_like_utf32(bytes, utf32 == "UTF-32LE") &&
        text_share(bytes, utf32, zero_bytes) >= kTextShare) {
      return utf32;
    }
  }
  if (bytes.size() % 2 != 0) return std::nullopt;
  const double little_endian = text_share(bytes, "UTF-16LE", zero_bytes);
  const double big_endian = text_share(bytes, "UTF-16BE", zero_bytes);
  if (std::max(little_endian, big_endian) < kTextShare) return std::nullopt;
  if (little_endian == big_endian) return utf16_order_by_zero_bytes(bytes);
  return little_endian > big_endian ? "UTF-16LE" : "UTF-16BE";
}

std::optional<Decoding> decode_wide_unicode(std::string_view bytes, std::size_t base,
                                            ZeroBytes zero_bytes) {
  const std::optional<std::string_view> icu_name = wide_unicode_encoding(bytes, zero_bytes);
  if (!icu_name) return std::nullopt;
  Result<Decoding> decoded = decode_as(bytes, *icu_name, base);
  if (!decoded.ok()) return std::nullopt;
  return std::move(decoded).value();
}

// ---- legacy encodings ----

struct CharsetGuess {
  std::string name;  // as ucsdet names it: "GB18030", "Big5", "ISO-8859-1", ...
  int32_t confidence = 0;
};

struct CloseDetector {
  void operator()(UCharsetDetector* detector) const { ucsdet_close(detector); }
};

// ucsdet's guesses, best first, without the Unicode ones (already ruled out).
std::vector<CharsetGuess> guess_charsets(std::string_view bytes) {
  std::vector<CharsetGuess> guesses;
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UCharsetDetector, CloseDetector> detector(ucsdet_open(&status));
  const std::string_view sample = bytes.substr(0, std::min(bytes.size(), kSniffBytes));
  ucsdet_setText(detector.get(), sample.data(), static_cast<int32_t>(sample.size()), &status);
  int32_t count = 0;
  const UCharsetMatch** matches = ucsdet_detectAll(detector.get(), &count, &status);
  if (U_FAILURE(status)) return guesses;
  for (int32_t index = 0; index < count; ++index) {
    CharsetGuess guess{ucsdet_getName(matches[index], &status),
                       ucsdet_getConfidence(matches[index], &status)};
    if (U_FAILURE(status)) break;
    if (!guess.name.starts_with("UTF-")) guesses.push_back(std::move(guess));
  }
  return guesses;
}

bool is_multibyte_cjk(std::string_view name) {
  for (std::string_view cjk : {"GB18030", "Big5", "EUC-JP", "EUC-KR", "Shift_JIS", "ISO-2022"}) {
    if (name.starts_with(cjk)) return true;
  }
  return false;
}

// GB18030 is the default for Chinese. On short text the detector often ranks EUC-JP or
// EUC-KR above it (GB2312 shares their byte ranges; 建筑、幕墙及外立面装饰 scores EUC-JP 100,
// GB18030 88; 劳务分包合同（清包工） EUC-KR 100, GB18030 62), while real Japanese or Korean
// text of some length leaves GB18030 far behind. Big5 it tells apart well at any length.
bool gb18030_is_confident(std::string_view bytes, const std::vector<CharsetGuess>& guesses) {
  if (guesses.empty()) return false;
  const CharsetGuess& best = guesses.front();
  return std::any_of(guesses.begin(), guesses.end(), [&](const CharsetGuess& guess) {
    if (guess.name != "GB18030" || guess.confidence < kConfident) return false;
    return guess.confidence + kGb18030Margin >= best.confidence ||
           (bytes.size() < kShortText && best.name != "Big5");
  });
}

std::optional<Decoding> try_decode(std::string_view bytes, std::string_view name,
                                   std::size_t base) {
  const std::optional<std::string> icu_name = icu_converter_name(name);
  if (!icu_name) return std::nullopt;  // ucsdet knows a few charsets ucnv does not
  Result<Decoding> decoded = decode_as(bytes, *icu_name, base);
  if (!decoded.ok()) return std::nullopt;
  return std::move(decoded).value();
}

// What a confident detector says: GB18030 (an error if the bytes then do not decode), or
// Big5, EUC-JP and the like when GB18030 is well behind them. Nothing when it is not sure.
std::optional<Result<Decoding>> decode_confident_guess(std::string_view bytes, std::size_t base,
                                                       const std::vector<CharsetGuess>& guesses) {
  if (gb18030_is_confident(bytes, guesses)) return decode_as(bytes, "gb18030", base);
  if (!guesses.empty() && is_multibyte_cjk(guesses.front().name) &&
      guesses.front().confidence >= kConfident) {
    if (std::optional<Decoding> decoded = try_decode(bytes, guesses.front().name, base)) {
      return std::move(*decoded);
    }
  }
  return std::nullopt;
}

// When the detector is not sure: Chinese before anything else (GB18030, then Big5 for what
// GB18030 cannot decode), then the detector's single-byte guess.
Result<Decoding> decode_unsure(std::string_view bytes, std::size_t base, const Utf8Scan& scan,
                               const std::vector<CharsetGuess>& guesses) {
  for (std::string_view chinese : {"gb18030", "Big5"}) {
    std::optional<Decoding> decoded = try_decode(bytes, chinese, base);
    if (decoded && mostly_chinese(decoded->utf8)) return std::move(*decoded);
  }
  if (!guesses.empty() && !is_multibyte_cjk(guesses.front().name)) {
    if (std::optional<Decoding> decoded = try_decode(bytes, guesses.front().name, base)) {
      return std::move(*decoded);
    }
  }
  return Error{ErrorKind::encoding, "",
               fmt::format("invalid UTF-8 at byte {} and not a known legacy encoding",
                           base + scan.first_invalid)};
}

}  // namespace

Bom find_bom(std::string_view bytes) {
  // UTF-32LE before UTF-16LE: FF FE 00 00 starts with the UTF-16LE mark.
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 5> kMarks{{
      {std::string_view("\xEF\xBB\xBF", 3), "UTF-8"},
      {std::string_view("\xFF\xFE\x00\x00", 4), "UTF-32LE"},
      {std::string_view("\x00\x00\xFE\xFF", 4), "UTF-32BE"},
      {std::string_view("\xFF\xFE", 2), "UTF-16LE"},
      {std::string_view("\xFE\xFF", 2), "UTF-16BE"},
  }};
  for (const auto& [mark, icu_name] : kMarks) {
    if (bytes.starts_with(mark)) return Bom{icu_name, mark.size()};
  }
  return Bom{};
}

Utf8Scan scan_utf8(std::string_view bytes) {
  Utf8Scan scan;
  const char* const data = bytes.data();
  const std::size_t size = bytes.size();
  for (std::size_t at = 0; at < size;) {
    if (static_cast<unsigned char>(data[at]) < 0x80) {  // ASCII: the bulk of most files
      ++at;
      continue;
    }
    const std::size_t start = at;
    UChar32 c;
    U8_NEXT(data, at, size, c);
    if (c >= 0) {
      ++scan.valid_multibyte;
      continue;
    }
    if (scan.valid()) scan.first_invalid = start;
    if (++scan.invalid == kEnoughInvalid) break;  // legacy bytes: the counts have spoken
  }
  return scan;
}

bool mostly_chinese(std::string_view utf8) {
  const CharCounts counts = count_chars(utf8);
  return counts.non_ascii > 0 && counts.chinese * 10 >= counts.non_ascii * 9;
}

// Steps 3 and 4 of decode.h. UTF-16 of Chinese without a digit or a line end has no zero
// byte, and then short legacy text (Shift_JIS above all: U+88xx-U+9Fxx) can read as UTF-16
// Han: a confident legacy guess comes first for bytes without zeros.
Result<Decoding> detect_and_decode(std::string_view bytes, std::size_t base) {
  const Utf8Scan scan = scan_utf8(bytes);
  const std::size_t nul = bytes.find('\0');
  if (scan.valid() && nul == std::string_view::npos) return Decoding{"UTF-8", std::string(bytes)};
  if (nul != std::string_view::npos) {
    if (auto wide = decode_wide_unicode(bytes, base, ZeroBytes::present)) return std::move(*wide);
    return Error{ErrorKind::binary, "",
                 fmt::format("binary file (NUL byte at offset {})", base + nul)};
  }
  if (scan.mostly_utf8()) {
    return Error{ErrorKind::encoding, "",
                 fmt::format("invalid UTF-8 at byte {} and not a known legacy encoding",
                             base + scan.first_invalid)};
  }
  const std::vector<CharsetGuess> guesses = guess_charsets(bytes);
  if (auto decoded = decode_confident_guess(bytes, base, guesses)) return std::move(*decoded);
  if (auto wide = decode_wide_unicode(bytes, base, ZeroBytes::absent)) return std::move(*wide);
  return decode_unsure(bytes, base, scan, guesses);
}

}  // namespace clause_scan::decode_detail
