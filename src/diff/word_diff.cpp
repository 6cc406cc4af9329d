// word_diff.cpp: Myers' O(ND) diff on the words of two clause texts.
#include <algorithm>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "clause_scan/diff.h"
#include "clause_scan/normalize.h"
#include "diff/units.h"

namespace clause_scan {
namespace {

// Beyond this many differing words a clause is shown as rewritten whole: Myers keeps O(D^2)
// state, and such a clause reads better as one deletion and one insertion anyway.
constexpr int kMaxDistance = 2000;

struct Token {
  std::string_view text;  // original words, with (normalized mode) the white space after them
  std::size_t word_size;  // bytes of `text` before that white space
  std::string key;        // what is compared: the normalized word without white space
};

// Characters of a sum written in Chinese capitals; the segmenter cuts such a sum into
// characters, and an edit of 贰佰叁拾捌万 reads best as one word, like its figures.
constexpr std::string_view kCapitalChars = "零壹贰叁肆伍陆柒捌玖拾佰仟万亿元圆角分整正";
constexpr std::string_view kCapitalDigits = "壹贰叁肆伍陆柒捌玖拾佰仟";

// Whether every character of `text` is one of kCapitalChars; sets `has_digit` when one of
// them is a digit (kCapitalDigits). All of them are 3-byte UTF-8 characters.
bool all_capitals(std::string_view text, bool& has_digit) {
  if (text.empty() || text.size() % 3 != 0) return false;
  for (std::size_t at = 0; at < text.size(); at += 3) {
    std::string_view c = text.substr(at, 3);
    std::size_t found = kCapitalChars.find(c);
    if (found == std::string_view::npos || found % 3 != 0) return false;
    std::size_t digit = kCapitalDigits.find(c);
    has_digit = has_digit || (digit != std::string_view::npos && digit % 3 == 0);
  }
  return true;
}

// Adjacent tokens that together write a sum in capitals become one token.
std::vector<Token> joined_capitals(std::vector<Token> tokens) {
  std::vector<Token> out;
  for (std::size_t i = 0; i < tokens.size();) {
    bool has_digit = false;
    std::size_t end = i;
    while (end < tokens.size() &&
           all_capitals(tokens[end].text.substr(0, tokens[end].word_size), has_digit)) {
      ++end;
      if (tokens[end - 1].word_size != tokens[end - 1].text.size()) break;  // white space after
    }
    if (end - i < 2 || !has_digit) {
      out.push_back(std::move(tokens[i++]));
      continue;
    }
    Token merged = tokens[i];
    for (std::size_t k = i + 1; k < end; ++k) {
      merged.text =
          std::string_view(merged.text.data(), merged.text.size() + tokens[k].text.size());
      merged.key += tokens[k].key;
    }
    merged.word_size =
        merged.text.size() - (tokens[end - 1].text.size() - tokens[end - 1].word_size);
    out.push_back(std::move(merged));
    i = end;
  }
  return out;
}

// The words of `text`, segmented in normalized form (so that terms and numbers are found as
// the term list spells them: １９７７８００ is one number) but carrying the original words.
// Consecutive tokens tile `text` exactly: each boundary maps to the original by
// SourceText::to_original_begin, so a removed ** stays with the word before it.
std::vector<Token> tokenize(std::string_view text, Segmenter& segmenter, TextCompare compare) {
  const SourceText source{std::string(text)};
  const std::string& normalized = source.text();
  const std::vector<Word> words = segmenter.segment(normalized);
  std::vector<Token> tokens;
  for (std::size_t i = 0; i < words.size(); ++i) {
    std::size_t begin = i == 0 ? 0 : source.to_original_begin(words[i].begin);
    std::size_t end =
        i + 1 == words.size() ? text.size() : source.to_original_begin(words[i + 1].begin);
    std::string_view piece = text.substr(begin, end - begin);
    const bool space = words[i].kind == WordKind::space;
    if (compare == TextCompare::normalized && space && !tokens.empty()) {
      Token& last = tokens.back();
      last.text = std::string_view(last.text.data(), last.text.size() + piece.size());
      continue;
    }
    std::string key =
        compare == TextCompare::strict ? std::string(piece)
        : space                        ? std::string()
                                       : diff::without_spaces(std::string_view(normalized)
                                                                  .substr(words[i].begin, words[i].end - words[i].begin));
    tokens.push_back(Token{piece, piece.size(), std::move(key)});
  }
  return joined_capitals(std::move(tokens));
}

enum class Step { equal, erase, insert };

struct Move {
  Step step;
  int index;  // into the old tokens for equal and erase, the new ones for insert
  int other;  // for equal: the new token
};

// Shortest edit script between a[lo_a, hi_a) and b[lo_b, hi_b), by Myers' greedy algorithm
// with the frontier of every step kept for the walk back. Empty when it is longer than
// kMaxDistance (the caller falls back to replacing the whole range).
std::vector<Move> myers(const std::vector<int>& a, const std::vector<int>& b, int lo_a, int hi_a,
                        int lo_b, int hi_b, bool& too_far) {
  const int n = hi_a - lo_a, m = hi_b - lo_b, max = n + m;
  const int offset = max + 1;
  std::vector<int> frontier(2 * max + 3, 0);
  std::vector<std::vector<int>> trace;  // trace[d][k + d]: frontier after step d
  int final_d = -1;
  for (int d = 0; d <= max && final_d < 0; ++d) {
    if (d > kMaxDistance) {
      too_far = true;
      return {};
    }
    for (int k = -d; k <= d; k += 2) {
      bool down = k == -d || (k != d && frontier[offset + k - 1] < frontier[offset + k + 1]);
      int x = down ? frontier[offset + k + 1] : frontier[offset + k - 1] + 1;
      int y = x - k;
      while (x < n && y < m && a[lo_a + x] == b[lo_b + y]) ++x, ++y;
      frontier[offset + k] = x;
      if (x >= n && y >= m) final_d = d;
    }
    trace.emplace_back(frontier.begin() + offset - d, frontier.begin() + offset + d + 1);
  }
  std::vector<Move> moves;
  int x = n, y = m;
  for (int d = final_d; d > 0; --d) {
    const std::vector<int>& before = trace[d - 1];  // indices -(d-1)..(d-1)
    const int k = x - y;
    auto at = [&](int kk) { return before[kk + d - 1]; };
    bool down = k == -d || (k != d && at(k - 1) < at(k + 1));
    int previous_k = down ? k + 1 : k - 1;
    int previous_x = at(previous_k);
    int previous_y = previous_x - previous_k;
    int start_x = down ? previous_x : previous_x + 1;
    int start_y = start_x - k;
    while (x > start_x && y > start_y) --x, --y, moves.push_back({Step::equal, lo_a + x, lo_b + y});
    if (down) {
      moves.push_back({Step::insert, lo_b + previous_y, 0});
    } else {
      moves.push_back({Step::erase, lo_a + previous_x, 0});
    }
    x = previous_x;
    y = previous_y;
  }
  while (x > 0 && y > 0) --x, --y, moves.push_back({Step::equal, lo_a + x, lo_b + y});
  std::reverse(moves.begin(), moves.end());
  return moves;
}

// The edit script over whole tokens: common prefix and suffix, Myers in between.
std::vector<Move> token_script(const std::vector<int>& a, const std::vector<int>& b) {
  int n = static_cast<int>(a.size()), m = static_cast<int>(b.size());
  int prefix = 0;
  while (prefix < n && prefix < m && a[prefix] == b[prefix]) ++prefix;
  int suffix = 0;
  while (suffix < n - prefix && suffix < m - prefix && a[n - 1 - suffix] == b[m - 1 - suffix])
    ++suffix;
  std::vector<Move> moves;
  for (int i = 0; i < prefix; ++i) moves.push_back({Step::equal, i, i});
  bool too_far = false;
  std::vector<Move> middle = myers(a, b, prefix, n - suffix, prefix, m - suffix, too_far);
  if (too_far) {
    for (int i = prefix; i < n - suffix; ++i) middle.push_back({Step::erase, i, 0});
    for (int j = prefix; j < m - suffix; ++j) middle.push_back({Step::insert, j, 0});
  }
  moves.insert(moves.end(), middle.begin(), middle.end());
  for (int i = suffix; i > 0; --i) moves.push_back({Step::equal, n - i, m - i});
  return moves;
}

void append(std::vector<WordEdit>& edits, EditOp op, std::string_view text) {
  if (text.empty()) return;
  if (!edits.empty() && edits.back().op == op) {
    edits.back().text += text;
  } else {
    edits.push_back(WordEdit{op, std::string(text)});
  }
}

// One character (a code point) and not white space.
bool is_single_char(const std::string& text) {
  if (text.empty() || diff::space_length(text, 0) > 0) return false;
  std::size_t at = 1;
  while (at < text.size() && (static_cast<unsigned char>(text[at]) & 0xC0) == 0x80) ++at;
  return at == text.size();
}

// A run of equal text, or of changes: what was erased and what was inserted. A `form`
// stretch holds equal words written differently (full-width digits, ** marks, other white
// space after a word): it is an erase and an insert, but not a change of words, so it is
// never folded with its neighbours.
struct Stretch {
  std::string erased, inserted, equal;
  bool change = false;
  bool form = false;
};

bool is_replacement(const Stretch& s) {
  return s.change && !s.form && !s.erased.empty() && !s.inserted.empty();
}

// The stretches of the edit script. Equal words whose original forms differ: the same word
// with other white space after it is the word plus a form stretch of the two spacings;
// another form is a form stretch of the two words. A form stretch next to a change of words
// becomes part of it.
std::vector<Stretch> raw_stretches(const std::vector<Move>& moves, const std::vector<Token>& olds,
                                   const std::vector<Token>& news) {
  std::vector<Stretch> stretches;
  auto equal = [&](std::string_view text) {
    if (text.empty()) return;
    if (stretches.empty() || stretches.back().change) stretches.push_back(Stretch{});
    stretches.back().equal += text;
  };
  auto change = [&](std::string_view erased, std::string_view inserted, bool form) {
    if (erased.empty() && inserted.empty()) return;
    if (stretches.empty() || !stretches.back().change) {
      stretches.push_back(Stretch{"", "", "", true, form});
    } else {
      stretches.back().form = stretches.back().form && form;
    }
    stretches.back().erased += erased;
    stretches.back().inserted += inserted;
  };
  for (const Move& move : moves) {
    if (move.step == Step::erase) {
      change(olds[move.index].text, "", false);
      continue;
    }
    if (move.step == Step::insert) {
      change("", news[move.index].text, false);
      continue;
    }
    const Token& x = olds[move.index];
    const Token& y = news[move.other];
    std::string_view x_word = x.text.substr(0, x.word_size);
    if (x.text == y.text) {
      equal(x.text);
    } else if (x_word == y.text.substr(0, y.word_size)) {
      equal(x_word);
      change(x.text.substr(x.word_size), y.text.substr(y.word_size), true);
    } else {
      change(x.text, y.text, true);
    }
  }
  return stretches;
}

// A lone character between two replacements folded into them, so that a rewritten phrase
// reads as one change.
std::vector<Stretch> folded(const std::vector<Stretch>& stretches) {
  std::vector<Stretch> result;
  for (std::size_t i = 0; i < stretches.size(); ++i) {
    const Stretch& s = stretches[i];
    if (!s.change && is_single_char(s.equal) && !result.empty() && is_replacement(result.back()) &&
        i + 1 < stretches.size() && is_replacement(stretches[i + 1])) {
      Stretch& last = result.back();
      last.erased += s.equal + stretches[i + 1].erased;
      last.inserted += s.equal + stretches[i + 1].inserted;
      ++i;
      continue;
    }
    result.push_back(s);
  }
  return result;
}

// White space or ASCII punctuation: what a replacement may give back at its ends without
// cutting a word or a number (a number ends in a digit, so 1,977,800 is never cut).
bool is_loose(char c) {
  return c == ' ' || c == '\n' || c == '\t' || c == '*' || c == '_' || c == '.' || c == ',' ||
         c == ';' || c == ':' || c == '(' || c == ')';
}

// Bytes at the end (or start) shared by both sides of a replacement that are loose; the
// replacement keeps at least one byte on each side.
std::size_t loose_suffix(const std::string& a, const std::string& b) {
  std::size_t n = 0;
  while (n + 1 < a.size() && n + 1 < b.size() && a[a.size() - 1 - n] == b[b.size() - 1 - n] &&
         is_loose(a[a.size() - 1 - n]))
    ++n;
  return n;
}
std::size_t loose_prefix(const std::string& a, const std::string& b) {
  std::size_t n = 0;
  while (n + 1 < a.size() && n + 1 < b.size() && a[n] == b[n] && is_loose(a[n])) ++n;
  return n;
}

// Erases first, then inserts, in every stretch of changes; white space and ASCII punctuation
// shared by both ends of a replacement given back to the text around it ("2386500.00** " ->
// "2510000.00** " shows as a change of the figures only).
std::vector<WordEdit> tidy(const std::vector<Stretch>& raw) {
  std::vector<WordEdit> edits;
  for (Stretch s : folded(raw)) {
    if (!is_replacement(s)) {
      append(edits, EditOp::equal, s.equal);
      append(edits, EditOp::erase, s.erased);
      append(edits, EditOp::insert, s.inserted);
      continue;
    }
    std::size_t prefix = loose_prefix(s.erased, s.inserted);
    append(edits, EditOp::equal, s.erased.substr(0, prefix));
    s.erased.erase(0, prefix);
    s.inserted.erase(0, prefix);
    std::size_t suffix = loose_suffix(s.erased, s.inserted);
    std::string tail = s.erased.substr(s.erased.size() - suffix);
    append(edits, EditOp::erase, s.erased.substr(0, s.erased.size() - suffix));
    append(edits, EditOp::insert, s.inserted.substr(0, s.inserted.size() - suffix));
    append(edits, EditOp::equal, tail);
  }
  return edits;
}

}  // namespace

std::vector<WordEdit> diff_words(std::string_view old_text, std::string_view new_text,
                                 Segmenter& segmenter, TextCompare compare) {
  std::vector<Token> olds = tokenize(old_text, segmenter, compare);
  std::vector<Token> news = tokenize(new_text, segmenter, compare);
  std::unordered_map<std::string_view, int> ids;
  auto ids_of = [&](const std::vector<Token>& tokens) {
    std::vector<int> result;
    result.reserve(tokens.size());
    for (const Token& token : tokens)
      result.push_back(ids.try_emplace(token.key, static_cast<int>(ids.size())).first->second);
    return result;
  };
  std::vector<int> a = ids_of(olds);
  std::vector<int> b = ids_of(news);
  return tidy(raw_stretches(token_script(a, b), olds, news));
}

}  // namespace clause_scan
