// decode.h: stage 1 of the pipeline, bytes -> UTF-8.
//
// Takes the raw bytes of a file and gives back its text as valid UTF-8 together with the name
// of the encoding it was read in. The order of decisions:
//   1. a byte-order mark (UTF-8, UTF-16LE/BE, UTF-32LE/BE) decides, and is dropped;
//   2. bytes that are valid UTF-8 without NUL bytes are UTF-8 (the detector is unreliable on
//      short, mostly-ASCII text, so strict validity wins);
//   3. UTF-32 without BOM is recognised from its zero bytes; UTF-16 without BOM by decoding
//      the first 64 KiB in both byte orders and keeping the one that reads better as text
//      (90% or more ASCII, Han and the punctuation of Chinese text, no NUL), because the
//      zero bytes of Chinese UTF-16 fall on either side (U+3000 and 一 have a zero low byte).
//      Bytes with no zero byte at all (UTF-16 without ASCII or line ends) are UTF-16 only
//      when the detector of step 4 is not confident and the reading holds 、。（），：；“”;
//   4. otherwise ICU's charset detector (ucsdet) proposes a legacy encoding. Confident
//      (50 or more): GB18030 (a superset of GBK and GB2312) when it is within 20 points of
//      the best guess, or when the text is under 256 bytes and the best guess is not Big5
//      (short GB2312 text often scores as EUC-JP or EUC-KR); else the best guess if it is
//      Big5, EUC-JP, EUC-KR, Shift_JIS or ISO-2022. Not confident: GB18030 if it decodes to
//      mostly Chinese (short, mostly-ASCII GB18030 scores as ISO-8859-1), then Big5 alike,
//      then the detector's single-byte guess. Bytes that are mostly well-formed UTF-8 with
//      a few broken sequences are refused as broken UTF-8 before this step;
//   5. ICU's converter (ucnv) converts with a stop callback: one undecodable byte is an error.
// DecodeOptions::encoding overrides detection (steps 2-4; the encoding's own BOM is still
// dropped, and gives its byte order to a plain "UTF-16" or "UTF-32"; the mark of another
// encoding is decoded as text: FE FF is U+FFFE in UTF-16LE).
// Line ends are left as they are (CRLF and CR are accepted; normalize.h folds them).
//
// Failure: an Error with a one-line reason; byte offsets count from the start of the file.
//   usage      "unknown encoding 'X'" (DecodeOptions::encoding; the error names no file)
//   empty      "empty file" (no bytes, or only a byte-order mark), "contains only white space"
//   too_large  "file is 70.0 MiB, over the 64 MiB limit (--max-size)"; also text of 2 GiB
//              or more once decoded
//   binary     "binary file (NUL byte at offset 123)" (NUL bytes outside UTF-16/32),
//              "binary file (PNG image)" (also ZIP archive, PDF document, OLE2 file, gzip,
//              JPEG by their signatures), "binary file (2.5% control characters)" (more than
//              1% of the characters are C0 controls other than \t \n \v \f \r and ESC)
//   encoding   "invalid GB18030 at byte 1042" (in the detected or requested encoding),
//              "invalid UTF-8 at byte 12 and not a known legacy encoding"
//   io         read_and_decode and read_file only: "no such file", "is a directory",
//              "permission denied", or the system's words in lower case
//
// Thread-safety: all functions are safe to call from several threads at once.
#pragma once

#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>

#include "clause_scan/error.h"

namespace clause_scan {

struct DecodeOptions {
  // An encoding name ICU knows ("GB18030", "GBK", "Big5", "UTF-16LE", ...), or empty to
  // detect. Default: empty.
  std::string encoding;
  // Larger inputs are rejected with ErrorKind::too_large. Default: 64 MiB.
  std::size_t max_size = std::size_t{64} << 20;
};

struct DecodedText {
  std::string utf8;      // valid UTF-8, without a byte-order mark
  std::string encoding;  // canonical name: "UTF-8", "UTF-16LE", "UTF-16BE", "UTF-32LE",
                         // "UTF-32BE", "GB18030", "Big5", or the ICU name of another
  bool had_bom = false;
};

// Decodes `bytes`. `file` is only used to name the file in errors.
Result<DecodedText> decode(std::string_view bytes, const DecodeOptions& options,
                           std::string_view file);

// Reads the whole file (refusing before reading when it is larger than options.max_size),
// then decodes it. Errors name `path` as given (except a usage error, which names no file).
Result<DecodedText> read_and_decode(const std::filesystem::path& path,
                                    const DecodeOptions& options);

// Reads a whole file as bytes. Errors: io (with the system's reason), too_large.
Result<std::string> read_file(const std::filesystem::path& path, std::size_t max_size);

// Encodes UTF-8 text in another encoding (for tests and the benchmark's mixed archives).
// No byte-order mark is written, except by ICU's plain "UTF-16" and "UTF-32" converters.
// Errors: encoding: "unknown encoding 'X'", "U+6570 cannot be written in Big5",
// "invalid UTF-8 at byte N".
Result<std::string> encode(std::string_view utf8, std::string_view encoding);

}  // namespace clause_scan
