// glob.cpp: the globs of include, exclude and [[overrides]] paths.
//
// `*` and `?` stay within one path component, `**` crosses components ("**/" also matches
// no component at all), `[abc]` / `[a-z]` / `[!a]` match one character. Characters are UTF-8
// code points, so `?` matches one Chinese character.
#include <string_view>

#include "clause_scan/check.h"

namespace clause_scan {
namespace {

// Length of the UTF-8 sequence starting with `lead`.
std::size_t sequence_length(unsigned char lead) {
  if (lead < 0x80) return 1;
  if ((lead >> 5) == 0x6) return 2;
  if ((lead >> 4) == 0xE) return 3;
  if ((lead >> 3) == 0x1E) return 4;
  return 1;
}

// The first code point of `text` as its bytes.
std::string_view first_char(std::string_view text) {
  return text.substr(0, std::min(text.size(), sequence_length(text[0])));
}

// Matches `[...]` at the start of `pattern` against `c`; sets `consumed` to its length.
// std::nullopt when the bracket is not closed (then '[' is a literal).
std::optional<bool> match_class(std::string_view pattern, std::string_view c,
                                std::size_t& consumed) {
  std::size_t i = 1;
  bool negate = i < pattern.size() && (pattern[i] == '!' || pattern[i] == '^');
  if (negate) ++i;
  bool matched = false;
  bool first = true;
  while (i < pattern.size() && (pattern[i] != ']' || first)) {
    first = false;
    std::string_view low = first_char(pattern.substr(i));
    i += low.size();
    std::string_view high = low;
    if (i + 1 < pattern.size() && pattern[i] == '-' && pattern[i + 1] != ']') {
      high = first_char(pattern.substr(i + 1));
      i += 1 + high.size();
    }
    // UTF-8 byte order is code point order, so ranges compare as byte strings.
    if (low <= c && c <= high) matched = true;
  }
  if (i >= pattern.size()) return std::nullopt;
  consumed = i + 1;
  return matched != negate;
}

bool match_here(std::string_view pattern, std::string_view text);

bool match_double_star(std::string_view rest, std::string_view text) {
  if (!rest.empty() && rest[0] == '/') {
    std::string_view after = rest.substr(1);
    if (match_here(after, text)) return true;
    for (std::size_t i = 0; i < text.size(); ++i) {
      if (text[i] == '/' && match_here(after, text.substr(i + 1))) return true;
    }
    return false;
  }
  for (std::size_t i = 0; i <= text.size(); ++i) {
    if (match_here(rest, text.substr(i))) return true;
  }
  return false;
}

bool match_star(std::string_view rest, std::string_view text) {
  for (std::size_t i = 0; i <= text.size(); ++i) {
    if (match_here(rest, text.substr(i))) return true;
    if (i < text.size() && text[i] == '/') return false;
  }
  return false;
}

bool match_here(std::string_view pattern, std::string_view text) {
  while (!pattern.empty()) {
    if (pattern.substr(0, 2) == "**") return match_double_star(pattern.substr(2), text);
    if (pattern[0] == '*') return match_star(pattern.substr(1), text);
    if (pattern[0] == '?' || pattern[0] == '[') {
      if (text.empty() || text[0] == '/') return false;
      std::string_view c = first_char(text);
      std::size_t consumed = 1;
      if (pattern[0] == '[') {
        std::optional<bool> in_class = match_class(pattern, c, consumed);
        if (!in_class) {
          if (text[0] != '[') return false;
          c = text.substr(0, 1);
        } else if (!*in_class) {
          return false;
        }
      }
      pattern.remove_prefix(consumed);
      text.remove_prefix(c.size());
      continue;
    }
    if (text.empty() || pattern[0] != text[0]) return false;
    pattern.remove_prefix(1);
    text.remove_prefix(1);
  }
  return text.empty();
}

}  // namespace

bool glob_matches(std::string_view glob, std::string_view path) {
  while (!glob.empty() && glob.front() == '/') glob.remove_prefix(1);
  while (!glob.empty() && glob.back() == '/') glob.remove_suffix(1);
  if (glob.empty()) return false;
  const bool anchored = glob.find('/') != std::string_view::npos;
  std::size_t start = 0;
  for (std::size_t end = 0; end <= path.size(); ++end) {
    if (end < path.size() && path[end] != '/') continue;
    // `path` up to this component (anchored) or this component alone.
    std::string_view candidate = anchored ? path.substr(0, end) : path.substr(start, end - start);
    if (match_here(glob, candidate)) return true;
    start = end + 1;
  }
  return false;
}

}  // namespace clause_scan
