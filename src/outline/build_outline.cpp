// build_outline.cpp: one pass over the lines, a stack of open clauses.
//
// Each line is classified (numbering.h); a numbered line is placed on the stack of open
// clauses the way a reader does it: a numbering of a form already open closes the deeper
// levels and becomes a sibling; a dotted decimal finds its parent by its own number (4.1.1
// under 4.1, 4.1 under 四、 or 第四条); a new form nests under the current clause unless it
// outranks everything open (part > chapter > article > chinese > paren_chinese > decimal >
// paren_arabic > arabic_paren > letter > circled), as a preamble list "1、2、" followed by
// "一、" shows. Appendix lines and agreement titles after a signature block open parts.
#include <algorithm>
#include <array>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "outline/builder.h"
#include "outline/numbering.h"

namespace clause_scan {
namespace outline_internal {
namespace {

// The conventional order of the styles is the order of the enum: smaller ranks higher.
// Upper-case letters (A. / (A)) head sections above decimals ("A.安装" / "1.交付"), so they
// rank between paren_chinese and decimal; lower-case ones rank as letters.
int rank(NumberStyle style, int form) {
  if (style == NumberStyle::letter && form >= kUpperCaseLetterForm) {
    return 2 * static_cast<int>(NumberStyle::decimal) - 1;
  }
  return 2 * static_cast<int>(style);
}

// Chapters and articles are never sub-items: they close every lower-ranked open clause.
bool closes_lower_ranks(NumberStyle style) {
  return style == NumberStyle::chapter || style == NumberStyle::article;
}

// How far ahead an agreement title looks for its parties, number or first clause.
constexpr int kTitleLookahead = 6;

struct Line {
  std::string_view text;  // without the '\n'
  std::size_t begin = 0;  // offset of the line in the text
  int number = 0;         // 1-based
};

// A clause while the tree is being built: children are indices into the node list.
struct Node {
  Clause clause;
  std::vector<int> children;
  int form = 0;
  int depth = 1;
  std::array<int, kMaxDecimalDepth> values{};
};

int rank_of(const Node& node) { return rank(node.clause.style, node.form); }

bool same_prefix(const Node& a, const Node& b, int length) {
  for (int i = 0; i < length; ++i) {
    if (a.values[i] != b.values[i]) return false;
  }
  return true;
}

class Builder {
 public:
  explicit Builder(std::string_view text) : text_(text) {}

  Outline run() {
    for (std::optional<Line> line = line_at(0, 1); line; line = next_line(*line)) {
      read_line(*line);
    }
    close_above(0, text_.size());
    std::vector<Clause> clauses;
    clauses.reserve(roots_.size());
    for (int root : roots_) clauses.push_back(take_tree(root));
    return Outline(std::move(clauses));
  }

 private:
  std::optional<Line> line_at(std::size_t begin, int number) const {
    if (begin > text_.size() || (begin == text_.size() && begin != 0)) return std::nullopt;
    std::size_t end = text_.find('\n', begin);
    if (end == std::string_view::npos) end = text_.size();
    return Line{text_.substr(begin, end - begin), begin, number};
  }

  std::optional<Line> next_line(const Line& line) const {
    return line_at(line.begin + line.text.size() + 1, line.number + 1);
  }

  std::optional<Line> next_nonblank(const Line& line) const {
    for (std::optional<Line> next = next_line(line); next; next = next_line(*next)) {
      if (!trim(next->text).empty()) return next;
    }
    return std::nullopt;
  }

  void read_line(const Line& line) {
    if (line.number < contents_end_line_) return;
    if (trim(line.text).empty()) return;
    if (!seen_clause_ && !contents_checked_ && is_contents_heading(line.text)) {
      contents_checked_ = true;  // one table of contents, before the body: one forward scan
      skip_contents(line);
      return;
    }
    if (!try_appendix(line) && !try_clause(line) && !try_agreement_title(line) &&
        is_signature_line(line.text)) {
      after_signature_ = true;
    }
    previous_nonblank_line_ = line.number;
    previous_line_opens_list_ = trim(line.text).ends_with(':');
  }

  // A table of contents repeats the numbering of the body: skip from "目录" to the line that
  // repeats its first entry. Without such a line it is not a table of contents.
  void skip_contents(const Line& heading) {
    std::optional<Numbering> first;
    std::optional<Line> line = next_line(heading);
    for (; line && !first; line = next_line(*line)) first = classify_line(line->text);
    for (; line; line = next_line(*line)) {
      std::optional<Numbering> entry = classify_line(line->text);
      if (entry && entry->style == first->style && entry->number == first->number) {
        contents_end_line_ = line->number;
        return;
      }
    }
  }

  bool try_clause(const Line& line) {
    std::optional<Numbering> numbering = classify_line(line.text);
    if (!numbering) return false;
    Node node;
    node.clause.number = std::move(numbering->number);
    node.clause.heading = std::move(numbering->heading);
    node.clause.style = numbering->style;
    node.clause.line = line.number;
    node.clause.begin = line.begin + numbering->begin;
    node.clause.body_begin = line.begin + numbering->body_begin;
    node.form = numbering->form;
    node.depth = numbering->depth;
    node.values = numbering->values;
    if (node.clause.style == NumberStyle::decimal) {
      place_decimal(std::move(node), line.begin);
    } else {
      place_general(std::move(node), line.begin);
    }
    seen_clause_ = true;
    // A clause line may end with the marker of a signature page ("…生效。【以下无正文】").
    after_signature_ = is_signature_line(line.text);
    return true;
  }

  // 附件 / 附件一:… opens a part unless it is an entry of a list of appendices or a reference
  // before the signature block. A list entry is followed by another appendix line, or follows
  // one without repeating an earlier entry's number (the repeated number starts the appendix).
  bool try_appendix(const Line& line) {
    std::optional<AppendixLine> appendix = parse_appendix_line(line.text);
    if (!appendix || !(seen_clause_ || after_signature_)) return false;
    std::optional<Line> next = next_nonblank(line);
    const bool follows_list = previous_nonblank_line_ == last_appendix_entry_line_;
    if (!follows_list) appendix_entries_.clear();
    const bool repeats_entry = std::find(appendix_entries_.begin(), appendix_entries_.end(),
                                         appendix->number) != appendix_entries_.end();
    if ((next && (parse_appendix_line(next->text) || is_signature_line(next->text))) ||
        (follows_list && !repeats_entry)) {
      appendix_entries_.push_back(appendix->number);
      last_appendix_entry_line_ = line.number;
      return true;  // an entry of a list: neither a part nor a clause
    }
    if (appendix->heading.empty() && next && is_title_line(next->text)) {
      appendix->heading = std::string(trim(next->text));
    }
    open_part(line, line.begin + appendix->begin, line.begin + appendix->body_begin,
              std::move(appendix->number), std::move(appendix->heading));
    return true;
  }

  // A short line with no numbering and no sentence punctuation: the title under "附件一".
  static bool is_title_line(std::string_view text) {
    const std::string_view title = trim(text);
    return char_count(title) <= 30 && heading_of(title) == title && !classify_line(title) &&
           !parse_appendix_line(title) && !is_signature_line(title);
  }

  // 保密协议 after a signature block, followed by its own number, parties or clauses.
  bool try_agreement_title(const Line& line) {
    if (!after_signature_ || !seen_clause_) return false;
    const std::string_view title = trim(line.text);
    if (!is_agreement_title(title)) return false;
    bool opens_body = false;
    std::optional<Line> next = line;
    for (int count = 0; count < kTitleLookahead && !opens_body; ++count) {
      next = next_nonblank(*next);
      if (!next) break;
      opens_body = opens_agreement_body(next->text) || classify_line(next->text).has_value();
    }
    if (!opens_body) return false;
    const std::size_t begin =
        line.begin + static_cast<std::size_t>(title.data() - line.text.data());
    open_part(line, begin, line.begin + line.text.size(), "", std::string(title));
    return true;
  }

  void open_part(const Line& line, std::size_t begin, std::size_t body_begin, std::string number,
                 std::string heading) {
    Node node;
    node.clause.number = std::move(number);
    node.clause.heading = std::move(heading);
    node.clause.style = NumberStyle::part;
    node.clause.line = line.number;
    node.clause.begin = begin;
    node.clause.body_begin = body_begin;
    close_above(0, line.begin);
    attach(std::move(node));
    after_signature_ = false;
  }

  // The lowest stack position a clause can be placed against: above an open part.
  std::size_t floor() const {
    return !stack_.empty() && nodes_[stack_.front()].clause.style == NumberStyle::part ? 1 : 0;
  }

  const Node& open_at(std::size_t position) const { return nodes_[stack_[position]]; }

  void place_decimal(Node node, std::size_t line_begin) {
    const int depth = node.depth;
    if (std::optional<std::size_t> sibling = open_sibling(node)) {
      // A list that starts again at 1 right after a line ending in ':' is a list inside the
      // open clause (42. …按下列比例支付违约赔偿金： / 1. … 4. / 43.), not a sibling.
      const bool list_inside = depth == 1 && node.values[0] == 1 &&
                               open_at(*sibling).values[0] >= 1 && previous_line_opens_list_;
      close_above(list_inside ? stack_.size() : *sibling, line_begin);
      attach(std::move(node));
      return;
    }
    if (depth >= 2 && place_under_parent_number(node, line_begin)) return;
    if (depth >= 2 && place_near_open_decimal(node, line_begin)) return;
    // A single-level number under dotted ones starts a sub-list ("4.1 付款如下:" / "1. 预付款").
    place_by_rank(std::move(node), line_begin);
  }

  // The open clause the decimal `node` continues: same depth, same parent number (4.1.2 after
  // 4.1.1; 2、 after 1、). Of two open lists of single numbers (42. and the 1.–4. inside it),
  // the one whose number it follows (43. after 42.), else the innermost.
  std::optional<std::size_t> open_sibling(const Node& node) const {
    const int depth = node.depth;
    std::optional<std::size_t> innermost;
    for (std::size_t s = stack_.size(); s-- > floor();) {
      const Node& open = open_at(s);
      if (open.clause.style != NumberStyle::decimal || open.depth != depth ||
          !same_prefix(open, node, depth - 1)) {
        continue;
      }
      if (open.values[depth - 1] + 1 == node.values[depth - 1]) return s;
      if (!innermost) innermost = s;
    }
    return innermost;
  }

  // When no open number starts the new one (a level is missing, as 5.2.1 after 5.1 without
  // 5.2, or 2.1 after 1.2 without 2.): the nearest open decimal of the same or a smaller depth
  // is a sibling; deeper ones close (5.4 after 5.3.2).
  bool place_near_open_decimal(Node& node, std::size_t line_begin) {
    const int depth = node.depth;
    std::optional<std::size_t> outermost_deeper;
    for (std::size_t s = stack_.size(); s-- > floor();) {
      const Node& open = open_at(s);
      if (open.clause.style != NumberStyle::decimal) continue;
      if (open.depth > depth) {
        outermost_deeper = s;
        continue;
      }
      close_above(s, line_begin);
      attach(std::move(node));
      return true;
    }
    if (!outermost_deeper) return false;
    close_above(*outermost_deeper, line_begin);
    attach(std::move(node));
    return true;
  }

  // The parent by number: the nearest open decimal whose number starts the new one (4.1.1
  // under 4.1; 1.1.4.1 under 1.1 when 1.1.4 is missing), or 四、/ 第四条 for 4.1. The search
  // stops at the nearest clause ranked above decimals.
  bool place_under_parent_number(Node& node, std::size_t line_begin) {
    const int depth = node.depth;
    for (std::size_t s = stack_.size(); s-- > floor();) {
      const Node& open = open_at(s);
      bool parent = false;
      if (open.clause.style == NumberStyle::decimal) {
        parent = open.depth < depth && same_prefix(open, node, open.depth);
      } else if (rank_of(open) < rank(NumberStyle::decimal, 0)) {
        if (depth != 2 || open.values[0] != node.values[0]) return false;
        parent = true;
      }
      if (parent) {
        close_above(s + 1, line_begin);
        attach(std::move(node));
        return true;
      }
    }
    return false;
  }

  void place_general(Node node, std::size_t line_begin) {
    for (std::size_t s = stack_.size(); s-- > floor();) {
      const Node& open = open_at(s);
      if (open.clause.style == node.clause.style && open.form == node.form) {
        close_above(s, line_begin);
        attach(std::move(node));
        return;
      }
    }
    place_by_rank(std::move(node), line_begin);
  }

  // A new form nests under the current clause, unless it outranks every open clause (then it
  // is top-level in its part); chapters and articles close every lower-ranked clause.
  void place_by_rank(Node node, std::size_t line_begin) {
    const int new_rank = rank(node.clause.style, node.form);
    std::size_t keep = stack_.size();
    if (closes_lower_ranks(node.clause.style)) {
      if (!heads_section(node)) {
        while (keep > floor() && rank_of(open_at(keep - 1)) > new_rank) --keep;
      }
    } else {
      bool outranks_all = true;
      for (std::size_t s = floor(); s < stack_.size(); ++s) {
        outranks_all = outranks_all && rank_of(open_at(s)) > new_rank;
      }
      if (outranks_all) keep = floor();
    }
    close_above(keep, line_begin);
    attach(std::move(node));
  }

  // Whether the current clause is a section heading that `node` (an article or chapter) opens:
  // "一、定义" with nothing but blank lines before "第一条" (sections above articles).
  bool heads_section(const Node& node) const {
    if (stack_.size() <= floor()) return false;
    const Node& top = nodes_[stack_.back()];
    return rank_of(top) > rank_of(node) && !top.clause.heading.empty() &&
           top.clause.line == previous_nonblank_line_;
  }

  // Closes the open clauses above stack position `keep` at offset `end`.
  void close_above(std::size_t keep, std::size_t end) {
    while (stack_.size() > keep) {
      nodes_[stack_.back()].clause.end = end;
      stack_.pop_back();
    }
  }

  void attach(Node node) {
    const int index = static_cast<int>(nodes_.size());
    if (stack_.empty()) {
      roots_.push_back(index);
    } else {
      nodes_[stack_.back()].children.push_back(index);
    }
    nodes_.push_back(std::move(node));
    stack_.push_back(index);
  }

  Clause take_tree(int index) {
    Node& node = nodes_[index];
    Clause clause = std::move(node.clause);
    clause.children.reserve(node.children.size());
    for (int child : node.children) clause.children.push_back(take_tree(child));
    return clause;
  }

  std::string_view text_;
  std::vector<Node> nodes_;
  std::vector<int> roots_;
  std::vector<int> stack_;  // indices of the open clauses, outermost first
  bool seen_clause_ = false;
  bool after_signature_ = false;
  bool contents_checked_ = false;
  int contents_end_line_ = 0;  // lines before this one are a table of contents
  int previous_nonblank_line_ = 0;
  bool previous_line_opens_list_ = false;  // the previous nonblank line ends with ':'
  // The current list of appendices ("附件1:…" lines in a row) and the line of its last entry.
  std::vector<std::string> appendix_entries_;
  int last_appendix_entry_line_ = -1;
};

}  // namespace

Outline build_outline_from_text(std::string_view normalized_text) {
  return Builder(normalized_text).run();
}

}  // namespace outline_internal

Outline build_outline(const SourceText& source) {
  return outline_internal::build_outline_from_text(source.text());
}

}  // namespace clause_scan
