// fuzz_support.h: what the libFuzzer targets of tests/fuzz/ share: a property check that
// aborts (so that libFuzzer records the input), UTF-8 validity, turning arbitrary bytes into
// valid UTF-8 for the stages that require it, and the shipped resources, loaded once.
#pragma once

#include <unicode/utf8.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "clause_scan/extract.h"

// A property of the stage under test: on failure, says which and aborts, so that libFuzzer
// saves the input as a crash and the regression test can replay it.
#define FUZZ_CHECK(condition, ...)                                                          \
  do {                                                                                      \
    if (!(condition)) {                                                                     \
      std::fprintf(stderr, "%s:%d: property failed: %s\n", __FILE__, __LINE__, #condition); \
      std::fprintf(stderr, "  " __VA_ARGS__);                                               \
      std::fprintf(stderr, "\n");                                                           \
      std::abort();                                                                         \
    }                                                                                       \
  } while (false)

namespace clause_scan::fuzz {

inline bool is_valid_utf8(std::string_view text) {
  const auto* bytes = reinterpret_cast<const std::uint8_t*>(text.data());
  const auto length = static_cast<std::int32_t>(text.size());
  std::int32_t at = 0;
  while (at < length) {
    UChar32 c;
    U8_NEXT(bytes, at, length, c);
    if (c < 0) return false;
  }
  return true;
}

// `bytes` with every ill-formed sequence replaced by U+FFFD: valid UTF-8, as the stages
// after decode require. Well-formed text comes back unchanged.
inline std::string to_valid_utf8(std::string_view bytes) {
  const auto* data = reinterpret_cast<const std::uint8_t*>(bytes.data());
  const auto length = static_cast<std::int32_t>(bytes.size());
  std::string text;
  text.reserve(bytes.size());
  std::int32_t at = 0;
  while (at < length) {
    const std::int32_t start = at;
    UChar32 c;
    U8_NEXT(data, at, length, c);
    if (c < 0) {
      text += "\xEF\xBF\xBD";
    } else {
      text.append(
          bytes.substr(static_cast<std::size_t>(start), static_cast<std::size_t>(at - start)));
    }
  }
  return text;
}

// Whether `offset` starts a character of `text` (or is its end).
inline bool is_char_boundary(std::string_view text, std::size_t offset) {
  return offset >= text.size() || (static_cast<unsigned char>(text[offset]) & 0xC0) != 0x80;
}

// The rules, terms and calendar of the source tree, loaded on first use; aborts when they do
// not load (the fuzz build runs from a checkout).
inline const Resources& shipped_resources() {
  static const Resources* resources = [] {
    Result<Resources> loaded = Resources::load(CLAUSE_SCAN_SOURCE_DIR "/rules");
    if (!loaded.ok()) {
      std::fprintf(stderr, "cannot load the rules: %s\n", loaded.error().message().c_str());
      std::abort();
    }
    return new Resources(std::move(loaded).value());
  }();
  return *resources;
}

}  // namespace clause_scan::fuzz
