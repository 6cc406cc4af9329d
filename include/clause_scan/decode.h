// decode.h: stage 1 of the pipeline, bytes -> UTF-8.
//
// Takes the raw bytes of a file and gives back its text as valid UTF-8 together with the name
// of the encoding it was read in. The order of decisions:
//   1. a byte-order mark (UTF-8, UTF-16LE/BE, UTF-32LE/BE) decides, and is dropped;
//   2. bytes that are valid UTF-8 are UTF-8 (the detector is unreliable on short, mostly-ASCII
//      text, so strict validity wins);
//   3. UTF-16 without a BOM is recognised from the pattern of zero bytes;
//   4. otherwise ICU's charset detector (ucsdet) proposes a legacy encoding; Chinese text that
//      it cannot place is read as GB18030 (a superset of GBK and GB2312);
//   5. ICU's converter (ucnv) converts with a stop callback: one undecodable byte is an error.
// DecodeOptions::encoding overrides detection (steps 2-4; a BOM is still dropped).
// Line ends are left as they are (CRLF and CR are accepted; normalize.h folds them).
//
// Failure: an Error of kind empty (no bytes, or only white space), too_large (over
// max_size), binary (NUL bytes outside UTF-16/32, or more than a few percent control
// characters), encoding (bytes invalid in the chosen encoding; the reason names the byte
// offset), io (read_and_decode only: missing path, a directory, no permission).
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
// then decodes it. Errors name `path` as given.
Result<DecodedText> read_and_decode(const std::filesystem::path& path,
                                    const DecodeOptions& options);

// Reads a whole file as bytes. Errors: io (with the system's reason), too_large.
Result<std::string> read_file(const std::filesystem::path& path, std::size_t max_size);

// Encodes UTF-8 text in another encoding (for tests and the benchmark's mixed archives).
// Errors: encoding (unknown converter or unmappable character).
Result<std::string> encode(std::string_view utf8, std::string_view encoding);

}  // namespace clause_scan
