// units.cpp: the head and the clauses of a document as the texts a diff compares.
#include "diff/units.h"

#include <algorithm>

namespace clause_scan::diff {
namespace {

// Offset of the first character that is not white space in [begin, end), or end.
std::size_t skip_spaces(std::string_view text, std::size_t begin, std::size_t end) {
  while (begin < end) {
    std::size_t length = space_length(text, begin);
    if (length == 0) break;
    begin += length;
  }
  return begin;
}

// The original words of [begin, end), without white space at either end.
std::string strict_body(const SourceText& source, std::size_t begin, std::size_t end) {
  std::string_view original = source.original_span(begin, end);
  std::size_t first = skip_spaces(original, 0, original.size());
  std::size_t last = first;
  for (std::size_t at = first; at < original.size();) {
    std::size_t length = space_length(original, at);
    if (length == 0) {
      ++at;
      last = at;
    } else {
      at += length;
    }
  }
  return std::string(original.substr(first, last - first));
}

// Normalized mode: the body shows the original words (white space made canonical) and the
// key is the normalized text without white space, so that full-width forms, ** marks and
// spacing never make a difference. Strict mode: both are the original words.
Unit make_unit(const Document& document, std::size_t begin, std::size_t end, TextCompare compare) {
  const SourceText& source = document.source;
  Unit unit;
  end = std::max(begin, end);
  if (compare == TextCompare::strict) {
    unit.body = strict_body(source, begin, end);
    unit.key = unit.body;
  } else {
    unit.body = canonical_body(source.original_span(begin, end));
    unit.key = without_spaces(std::string_view(source.text()).substr(begin, end - begin));
  }
  return unit;
}

// The text before the first clause, as a unit, when it holds any words.
bool add_head(const Document& document, TextCompare compare, std::vector<Unit>& units) {
  const std::vector<Clause>& clauses = document.outline.clauses();
  const std::string& text = document.source.text();
  std::size_t end = clauses.empty() ? text.size() : clauses.front().begin;
  std::size_t first = skip_spaces(text, 0, end);
  if (first == end) return false;
  Unit head = make_unit(document, 0, end, compare);
  head.line = document.source.line(first);
  units.push_back(std::move(head));
  return true;
}

}  // namespace

std::size_t space_length(std::string_view text, std::size_t at) {
  const auto byte = [&](std::size_t i) {
    return i < text.size() ? static_cast<unsigned char>(text[i]) : 0u;
  };
  switch (byte(at)) {
    case ' ':
    case '\t':
    case '\n':
    case '\r':
    case '\v':
    case '\f':
      return 1;
    case 0xC2:  // U+00A0
      return byte(at + 1) == 0xA0 ? 2 : 0;
    case 0xE2:  // U+2000..U+200B, U+202F, U+205F
      if (byte(at + 1) == 0x80 && (byte(at + 2) <= 0x8B || byte(at + 2) == 0xAF)) return 3;
      return byte(at + 1) == 0x81 && byte(at + 2) == 0x9F ? 3 : 0;
    case 0xE3:  // U+3000
      return byte(at + 1) == 0x80 && byte(at + 2) == 0x80 ? 3 : 0;
    case 0xEF:  // U+FEFF
      return byte(at + 1) == 0xBB && byte(at + 2) == 0xBF ? 3 : 0;
    default:
      return 0;
  }
}

std::string without_spaces(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t at = 0; at < text.size();) {
    std::size_t length = space_length(text, at);
    if (length > 0) {
      at += length;
    } else {
      out += text[at++];
    }
  }
  return out;
}

std::string canonical_body(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t at = 0; at < text.size();) {
    if (space_length(text, at) == 0) {
      out += text[at++];
      continue;
    }
    bool line_break = false;
    std::size_t next = at;
    for (std::size_t length; (length = space_length(text, next)) > 0; next += length) {
      line_break = line_break || text[next] == '\n';
    }
    if (!out.empty() && next < text.size()) out += line_break ? '\n' : ' ';
    at = next;
  }
  return out;
}

std::vector<Unit> build_units(const Document& document, TextCompare compare) {
  std::vector<Unit> units;
  const bool has_head = add_head(document, compare, units);
  const std::vector<const Clause*> clauses = document.outline.flatten();
  units.reserve(clauses.size() + (has_head ? 1 : 0));
  std::vector<int> open;  // units of the clauses enclosing the current one
  for (const Clause* clause : clauses) {
    while (!open.empty() && units[open.back()].clause->end <= clause->begin) open.pop_back();
    Unit unit = make_unit(document, clause->body_begin, clause->own_end(), compare);
    unit.clause = clause;
    unit.number = clause->number;
    unit.path = document.outline.path_at(clause->begin);
    unit.heading = clause->heading;
    unit.line = clause->line;
    unit.parent = open.empty() ? -1 : open.back();
    open.push_back(static_cast<int>(units.size()));
    units.push_back(std::move(unit));
  }
  return units;
}

}  // namespace clause_scan::diff
