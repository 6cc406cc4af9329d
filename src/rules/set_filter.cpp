// set_filter.cpp: reading a pattern's text: the form of it that goes into the RE2::Set, and the
// names of its groups.
//
// The Set only decides which patterns to run on a line, so it may hold a looser pattern, as
// long as the loose one matches wherever the real one does. Bounded repeats are what make
// the Set slow: `[^,。;]{2,40}` is forty NFA states, and with dozens of such patterns running
// unanchored at once the DFA's state sets multiply until its cache thrashes (measured: about
// 1 MB/s for 55 realistic patterns, against several hundred with the repeats widened).
// `X{m,n}` -> `X{m,}` widens the language, never narrows it, and costs one state.
#include <algorithm>
#include <cctype>

#include "rules/rule_set_impl.h"

namespace clause_scan::rules_detail {

namespace {

bool is_digit(char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; }

// Length of a `{m,n}` repeat starting at `at` (a '{'), or 0 when it is not one; `comma` is
// set to the offset of its comma.
std::size_t bounded_repeat_length(std::string_view pattern, std::size_t at, std::size_t& comma) {
  std::size_t end = at + 1;
  while (end < pattern.size() && is_digit(pattern[end])) ++end;
  if (end == at + 1 || end >= pattern.size() || pattern[end] != ',') return 0;
  comma = end++;
  std::size_t max_digits = end;
  while (end < pattern.size() && is_digit(pattern[end])) ++end;
  if (end == max_digits || end >= pattern.size() || pattern[end] != '}') return 0;
  return end + 1 - at;
}

// Length of the escape starting at `at` (a backslash): `\p{Han}`, `\x{4E00}`, `\Q...\E` and
// two-character escapes.
std::size_t escape_length(std::string_view pattern, std::size_t at) {
  if (at + 1 >= pattern.size()) return pattern.size() - at;
  char kind = pattern[at + 1];
  if (kind == 'Q') {
    std::size_t end = pattern.find("\\E", at + 2);
    return end == std::string_view::npos ? pattern.size() - at : end + 2 - at;
  }
  bool braced = (kind == 'p' || kind == 'P' || kind == 'x') && at + 2 < pattern.size() &&
                pattern[at + 2] == '{';
  if (braced) {
    std::size_t end = pattern.find('}', at + 2);
    return end == std::string_view::npos ? pattern.size() - at : end + 1 - at;
  }
  return 2;
}

// Length of the character class starting at `at` (a '['), through its closing ']'.
std::size_t class_length(std::string_view pattern, std::size_t at) {
  std::size_t end = at + 1;
  if (end < pattern.size() && pattern[end] == '^') ++end;
  if (end < pattern.size() && pattern[end] == ']') ++end;  // a leading ']' is literal
  while (end < pattern.size() && pattern[end] != ']') {
    if (pattern[end] == '\\') {
      end += escape_length(pattern, end);
    } else if (pattern.compare(end, 2, "[:") == 0 && pattern.find(":]", end + 2) != pattern.npos) {
      end = pattern.find(":]", end + 2) + 2;  // [:alpha:]
    } else {
      ++end;
    }
  }
  return std::min(end + 1, pattern.size()) - at;
}

// Length of the token starting at `at`: an escape, a class, or one byte. Walking a pattern
// token by token sees its syntax only outside escapes and classes.
std::size_t token_length(std::string_view pattern, std::size_t at) {
  if (pattern[at] == '\\') return escape_length(pattern, at);
  if (pattern[at] == '[') return class_length(pattern, at);
  return 1;
}

}  // namespace

std::string set_filter_pattern(std::string_view pattern) {
  std::string filter;
  filter.reserve(pattern.size());
  std::size_t at = 0;
  while (at < pattern.size()) {
    std::size_t length = token_length(pattern, at);
    if (pattern[at] == '{') {
      std::size_t comma = 0;
      std::size_t repeat = bounded_repeat_length(pattern, at, comma);
      if (repeat > 0) {
        filter.append(pattern.substr(at, comma + 1 - at));  // "{m," without the bound
        filter += '}';
        at += repeat;
        continue;
      }
    }
    filter.append(pattern.substr(at, length));
    at += length;
  }
  return filter;
}

bool ends_in_quote(std::string_view pattern) {
  for (std::size_t at = 0; at < pattern.size();) {
    std::size_t length = token_length(pattern, at);
    bool quote = pattern.compare(at, 2, "\\Q") == 0;
    if (quote && pattern.substr(at, length).find("\\E", 2) == std::string_view::npos) return true;
    at += length;
  }
  return false;
}

// A name is what stands between "(?P<" and ">" outside escapes and classes; RE2 has parsed
// the pattern, so each such "(?P<" opens a named group.
std::vector<std::string_view> named_groups(std::string_view pattern) {
  std::vector<std::string_view> names;
  for (std::size_t at = 0; at < pattern.size(); at += token_length(pattern, at)) {
    if (pattern.compare(at, 4, "(?P<") != 0) continue;
    std::size_t close = pattern.find('>', at + 4);
    if (close != std::string_view::npos) names.push_back(pattern.substr(at + 4, close - (at + 4)));
  }
  return names;
}

}  // namespace clause_scan::rules_detail
