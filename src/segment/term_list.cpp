// TermList: the domain terms, held in a packed byte trie. longest_prefix runs at every word
// start of every segmented text, so it is built for the common case, Chinese text: a table
// indexed by the first character (a three-byte UTF-8 sequence) answers "no term starts here"
// at once and otherwise skips the three busiest levels of the trie.

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <bitset>
#include <cerrno>
#include <cstdint>
#include <fstream>
#include <iterator>
#include <optional>
#include <set>
#include <span>
#include <string>
#include <system_error>
#include <utility>
#include <vector>

#include "clause_scan/segment.h"

namespace clause_scan {

// Nodes live in one vector and refer to each other by index; node 0 is the root. The edges
// of a node are contiguous and sorted by byte; below the first character a node rarely has
// more than two.
struct TermList::Trie {
  struct Node {
    std::uint32_t first_edge = 0;
    std::uint32_t edge_count = 0;
    bool ends_term = false;
  };
  std::vector<Node> nodes;
  std::vector<unsigned char> edge_bytes;
  std::vector<std::uint32_t> edge_targets;
  // The node after a three-byte first character, by its code point (< 2^16); 0 for none.
  std::vector<std::uint32_t> after_first_char;
  std::bitset<1 << 16> starts_a_term;  // after_first_char[c] != 0, small enough to stay cached
  std::size_t term_count = 0;

  explicit Trie(const std::set<std::string>& terms)
      : after_first_char(1 << 16, 0), term_count(terms.size()) {
    const std::vector<std::string_view> sorted(terms.begin(), terms.end());
    nodes.emplace_back();
    build(0, sorted, 0);
    for (std::string_view term : sorted) {
      if (auto code_point = three_byte_code_point(term)) {
        after_first_char[*code_point] = walk(0, term.substr(0, 3)).value_or(0);
        starts_a_term.set(*code_point);
      }
    }
  }

  // The code point of the three-byte UTF-8 character `text` starts with, if it does.
  static std::optional<std::size_t> three_byte_code_point(std::string_view text) {
    if (text.size() < 3) return std::nullopt;
    const auto b0 = static_cast<unsigned char>(text[0]);
    const auto b1 = static_cast<unsigned char>(text[1]);
    const auto b2 = static_cast<unsigned char>(text[2]);
    if ((b0 & 0xF0) != 0xE0 || (b1 & 0xC0) != 0x80 || (b2 & 0xC0) != 0x80) return std::nullopt;
    return std::size_t{b0 & 0x0Fu} << 12 | std::size_t{b1 & 0x3Fu} << 6 | (b2 & 0x3Fu);
  }

  // Fills node `node` from `terms`, sorted and unique, which share their first `depth` bytes.
  void build(std::uint32_t node, std::span<const std::string_view> terms, std::size_t depth) {
    if (!terms.empty() && terms.front().size() == depth) {
      nodes[node].ends_term = true;
      terms = terms.subspan(1);
    }
    std::vector<std::span<const std::string_view>> groups;  // one per child, by next byte
    for (std::size_t begin = 0, end = 0; begin < terms.size(); begin = end) {
      for (end = begin + 1; end < terms.size() && terms[end][depth] == terms[begin][depth];) ++end;
      groups.push_back(terms.subspan(begin, end - begin));
    }
    nodes[node].first_edge = static_cast<std::uint32_t>(edge_bytes.size());
    nodes[node].edge_count = static_cast<std::uint32_t>(groups.size());
    for (const auto& group : groups) {
      edge_bytes.push_back(static_cast<unsigned char>(group.front()[depth]));
      edge_targets.push_back(0);  // set below, once the child exists
    }
    for (std::size_t i = 0; i < groups.size(); ++i) {
      const auto child = static_cast<std::uint32_t>(nodes.size());
      nodes.emplace_back();
      edge_targets[nodes[node].first_edge + i] = child;
      build(child, groups[i], depth + 1);
    }
  }

  std::optional<std::uint32_t> child(std::uint32_t node, unsigned char byte) const {
    const std::uint32_t first = nodes[node].first_edge;
    const std::uint32_t last = first + nodes[node].edge_count;
    for (std::uint32_t edge = first; edge < last && edge_bytes[edge] <= byte; ++edge) {
      if (edge_bytes[edge] == byte) return edge_targets[edge];
    }
    return std::nullopt;
  }

  // The node reached from `node` by the bytes of `text`, if any.
  std::optional<std::uint32_t> walk(std::uint32_t node, std::string_view text) const {
    for (char c : text) {
      auto next = child(node, static_cast<unsigned char>(c));
      if (!next) return std::nullopt;
      node = *next;
    }
    return node;
  }

  std::size_t longest_prefix(std::string_view text) const {
    std::uint32_t node = 0;
    std::size_t matched = 0;  // bytes of `text` consumed to reach `node`
    if (auto code_point = three_byte_code_point(text)) {
      if (!starts_a_term.test(*code_point)) return 0;
      node = after_first_char[*code_point];
      matched = 3;
    }
    std::size_t longest = nodes[node].ends_term ? matched : 0;
    for (; matched < text.size(); ++matched) {
      auto next = child(node, static_cast<unsigned char>(text[matched]));
      if (!next) break;
      node = *next;
      if (nodes[node].ends_term) longest = matched + 1;
    }
    return longest;
  }
};

namespace {

constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";

// The term on a line: the text before any '#', without the spaces and tabs around it.
std::string_view term_of_line(std::string_view line) {
  line = line.substr(0, line.find('#'));
  auto first = line.find_first_not_of(" \t\r");
  if (first == std::string_view::npos) return {};
  auto last = line.find_last_not_of(" \t\r");
  return line.substr(first, last - first + 1);
}

// Why `term` cannot be a term, or nullopt when it can.
std::optional<std::string> term_problem(std::string_view term) {
  std::size_t chars = 0;
  for (int32_t i = 0; i < static_cast<int32_t>(term.size());) {
    UChar32 c;
    U8_NEXT(term.data(), i, static_cast<int32_t>(term.size()), c);
    if (c < 0) return "invalid UTF-8 in term";
    if (u_isUWhiteSpace(c)) return "white space inside term (one term per line)";
    if (u_iscntrl(c)) return "control character in term";
    ++chars;
  }
  if (chars > TermList::kMaxTermChars) {
    return "term longer than " + std::to_string(TermList::kMaxTermChars) + " characters";
  }
  return std::nullopt;
}

// Calls `on_line(line_number, term)` for every line that holds a term.
template <typename OnLine>
void for_each_term_line(std::string_view text, OnLine on_line) {
  if (text.starts_with(kByteOrderMark)) text.remove_prefix(kByteOrderMark.size());
  std::size_t line_number = 0;
  while (!text.empty()) {
    auto line_end = text.find('\n');
    std::string_view line = text.substr(0, line_end);
    text.remove_prefix(line_end == std::string_view::npos ? text.size() : line_end + 1);
    ++line_number;
    std::string_view term = term_of_line(line);
    if (!term.empty() && !on_line(line_number, term)) return;
  }
}

// The bytes of the file at `path`, or an io error.
Result<std::string> read_whole_file(const std::filesystem::path& path) {
  std::error_code ignored;
  if (std::filesystem::is_directory(path, ignored)) {
    return Error{ErrorKind::io, path.string(), "is a directory, not a term list"};
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return Error{ErrorKind::io, path.string(),
                 "cannot open term list: " + std::generic_category().message(errno)};
  }
  std::string contents{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  if (in.bad()) return Error{ErrorKind::io, path.string(), "cannot read term list"};
  return contents;
}

}  // namespace

TermList::TermList() : trie_(std::make_unique<Trie>(std::set<std::string>{})) {}
TermList::~TermList() = default;
TermList::TermList(TermList&&) noexcept = default;
TermList& TermList::operator=(TermList&&) noexcept = default;

Result<TermList> TermList::load(const std::filesystem::path& path) {
  Result<std::string> contents = read_whole_file(path);
  if (!contents.ok()) return contents.error();
  std::set<std::string> terms;
  std::optional<Error> error;
  for_each_term_line(contents.value(), [&](std::size_t line_number, std::string_view term) {
    std::optional<std::string> problem = term_problem(term);
    if (!problem && !terms.emplace(term).second) problem = "duplicate term " + std::string(term);
    if (!problem) return true;
    error = Error{ErrorKind::rule, path.string() + ":" + std::to_string(line_number), *problem};
    return false;
  });
  if (error) return *error;
  TermList list;
  list.trie_ = std::make_unique<Trie>(terms);
  return list;
}

TermList TermList::from_lines(std::string_view text) {
  std::set<std::string> terms;
  for_each_term_line(text, [&](std::size_t, std::string_view term) {
    if (!term_problem(term)) terms.emplace(term);
    return true;
  });
  TermList list;
  list.trie_ = std::make_unique<Trie>(terms);
  return list;
}

std::size_t TermList::size() const { return trie_ ? trie_->term_count : 0; }

bool TermList::contains(std::string_view term) const {
  return !term.empty() && longest_prefix(term) == term.size();
}

std::size_t TermList::longest_prefix(std::string_view text) const {
  return trie_ ? trie_->longest_prefix(text) : 0;
}

}  // namespace clause_scan
