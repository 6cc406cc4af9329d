// Payment groups and the pieces of their lines.
//
// Where a schedule is written is structure, so it is found here in code; which words make a
// heading or an intro are the rules of categories payment_heading and payment_intro.
//   - a clause whose heading is a payment heading (5.2 付款方式, 第六条 还款): the clause;
//   - an unnumbered short line that is one (合同总价及付款方式): the lines after it, up to the
//     next such short line (at most kMaxLinesAfterHeading lines);
//   - a label before ':' at the start of a line (验收及付款方式： 1.… 3.…): the rest of the line;
//   - an intro line (分期支付如下：): the lines after it to the end of its clause, or to the
//     next intro in that clause.
#include <algorithm>
#include <map>
#include <set>
#include <string_view>

#include "extract/installments_internal.h"
#include "util/text.h"

namespace clause_scan::extract::installments {
namespace {

constexpr std::size_t kMaxHeadingChars = 20;
constexpr std::size_t kMaxLabelChars = 12;
constexpr int kMaxLinesAfterHeading = 30;

bool is_payment_heading(const Context& context, std::string_view text) {
  return !text.empty() && !context.resources().rules.scan(text, "payment_heading").empty();
}

std::set<int> clause_lines(const Document& document) {
  std::set<int> lines;
  for (const Clause* clause : document.outline.flatten()) lines.insert(clause->line);
  return lines;
}

bool has_sentence_punctuation(std::string_view text) {
  for (std::string_view mark : {",", ";", "。"}) {
    if (text.find(mark) != std::string_view::npos) return true;
  }
  return false;
}

// A short line without sentence punctuation, such as 合同总价及付款方式 or 甲方信息如下：.
bool looks_like_heading(std::string_view line) {
  line = util::trim(line);
  return !line.empty() && util::count_chars(line) <= kMaxHeadingChars &&
         !has_sentence_punctuation(line);
}

std::string_view without_colon(std::string_view text) {
  text = util::trim(text);
  if (util::ends_with(text, ":")) text.remove_suffix(1);
  return util::trim(text);
}

// Where the lines under an unnumbered heading on `line` end: at the next unnumbered short
// line, or after kMaxLinesAfterHeading lines.
std::size_t lines_under_heading_end(const SourceText& source, const std::set<int>& numbered,
                                    int line) {
  const int last = std::min(source.line_count(), line + kMaxLinesAfterHeading);
  for (int next = line + 1; next <= last; ++next) {
    if (!numbered.contains(next) && looks_like_heading(source.line_text(next))) {
      return source.line_begin(next);
    }
  }
  return source.line_end(last);
}

std::size_t next_line_begin(const SourceText& source, int line) {
  return line < source.line_count() ? source.line_begin(line + 1) : source.line_end(line);
}

void add_clause_sections(const Context& context, std::vector<Group>& groups) {
  for (const Clause* clause : context.document().outline.flatten()) {
    if (is_payment_heading(context, clause->heading)) {
      groups.push_back({clause->begin, clause->end, GroupKind::section});
    }
  }
}

// Unnumbered heading lines and "label:" line starts.
void add_line_sections(const Context& context, const std::set<int>& numbered,
                       std::vector<Group>& groups) {
  const SourceText& source = context.document().source;
  for (int line = 1; line <= source.line_count(); ++line) {
    if (numbered.contains(line)) continue;
    std::string_view text = source.line_text(line);
    if (looks_like_heading(text) && is_payment_heading(context, without_colon(text))) {
      std::size_t end = lines_under_heading_end(source, numbered, line);
      groups.push_back({next_line_begin(source, line), end, GroupKind::section});
      continue;
    }
    std::size_t colon = text.find(':');
    if (colon == std::string_view::npos) continue;
    std::string_view label = util::trim(text.substr(0, colon));
    std::string_view rest = util::trim(text.substr(colon + 1));
    if (!rest.empty() && util::count_chars(label) <= kMaxLabelChars &&
        is_payment_heading(context, label)) {
      std::size_t begin = source.line_begin(line) + colon + 1;
      groups.push_back({begin, source.line_end(line), GroupKind::section});
    }
  }
}

void add_intros(const Context& context, const std::set<int>& numbered, std::vector<Group>& groups) {
  const Document& document = context.document();
  const SourceText& source = document.source;
  std::vector<Group> intros;
  for (const RuleMatch* match : context.matches("payment_intro")) {
    int line = source.line(match->begin);
    std::size_t begin = next_line_begin(source, line);
    const Clause* clause = document.outline.clause_at(std::max(match->end, match->begin + 1) - 1);
    std::size_t end = clause ? clause->end : lines_under_heading_end(source, numbered, line);
    if (begin < end) intros.push_back({begin, end, GroupKind::intro});
  }
  // A later intro in the same range ends the earlier one's schedule.
  for (std::size_t i = 0; i + 1 < intros.size(); ++i) {
    std::size_t next_intro_line = source.line_begin(source.line(intros[i + 1].begin) - 1);
    if (next_intro_line > intros[i].begin && next_intro_line < intros[i].end) {
      intros[i].end = next_intro_line;
    }
  }
  groups.insert(groups.end(), intros.begin(), intros.end());
}

// Where sentences end in [begin, end): after 。 ; ! ? and a '.' that is not a decimal point.
std::vector<std::size_t> sentence_cuts(std::string_view text, std::size_t begin, std::size_t end) {
  std::vector<std::size_t> cuts;
  auto is_digit = [&](std::size_t at) {
    return at < text.size() && text[at] >= '0' && text[at] <= '9';
  };
  for (std::size_t at = begin; at < end; ++at) {
    char c = text[at];
    if (c == ';' || c == '!' || c == '?') {
      cuts.push_back(at + 1);
    } else if (c == '.' && !(at > begin && is_digit(at - 1) && is_digit(at + 1))) {
      cuts.push_back(at + 1);
    } else if (text.compare(at, 3, "。") == 0) {
      cuts.push_back(at + 3);
    }
  }
  return cuts;
}

// A piece without the spaces and list numbering before it and the punctuation after it.
Piece trimmed_piece(const Context& context, std::size_t begin, std::size_t end, std::size_t group) {
  std::string_view text = context.text();
  std::string_view words = util::trim(text.substr(begin, end - begin));
  for (bool trimmed = true; trimmed && !words.empty();) {
    trimmed = false;
    for (std::string_view mark : {"。", ";", ",", ".", "!", "?"}) {
      if (util::ends_with(words, mark)) {
        words = util::trim(words.substr(0, words.size() - mark.size()));
        trimmed = true;
      }
    }
  }
  begin = words.data() - text.data();
  end = begin + words.size();
  std::vector<RuleMatch> prefix = scan_piece(context, "installment_prefix", begin, end);
  if (!prefix.empty() && prefix.front().begin == begin) begin = prefix.front().end;
  return {begin, end, group};
}

void cut_region(const Context& context, std::size_t begin, std::size_t end, std::size_t group,
                const std::vector<std::size_t>& splits, std::vector<Piece>& pieces) {
  std::vector<std::size_t> cuts = sentence_cuts(context.text(), begin, end);
  for (std::size_t split : splits) {
    if (split > begin && split < end) cuts.push_back(split);
  }
  cuts.push_back(end);
  std::sort(cuts.begin(), cuts.end());
  std::size_t from = begin;
  for (std::size_t cut : cuts) {
    if (cut <= from) continue;
    Piece piece = trimmed_piece(context, from, cut, group);
    if (piece.begin < piece.end) pieces.push_back(piece);
    from = cut;
  }
}

}  // namespace

std::vector<RuleMatch> scan_piece(const Context& context, std::string_view category,
                                  std::size_t offset, std::size_t end) {
  std::string_view text = std::string_view(context.text()).substr(offset, end - offset);
  std::vector<RuleMatch> matches = context.resources().rules.scan(text, category);
  for (RuleMatch& match : matches) {
    match.begin += offset;
    match.end += offset;
    for (Capture& capture : match.captures) {
      capture.begin += offset;
      capture.end += offset;
    }
  }
  return matches;
}

std::vector<Group> find_groups(const Context& context) {
  const std::set<int> numbered = clause_lines(context.document());
  std::vector<Group> groups;
  add_clause_sections(context, groups);
  add_line_sections(context, numbered, groups);
  add_intros(context, numbered, groups);
  return groups;
}

std::vector<Piece> cut_pieces(const Context& context, const std::vector<Group>& groups) {
  const SourceText& source = context.document().source;
  // Outer groups first, so that an inner group's claim on a line overrides theirs.
  std::vector<std::size_t> order(groups.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    if (groups[a].begin != groups[b].begin) return groups[a].begin < groups[b].begin;
    return groups[a].end > groups[b].end;
  });
  struct Claim {
    std::size_t group, begin, end;
  };
  std::map<int, Claim> claims;  // line -> the innermost group holding it
  for (std::size_t index : order) {
    const Group& group = groups[index];
    if (group.begin >= group.end) continue;
    for (int line = source.line(group.begin); line <= source.line(group.end - 1); ++line) {
      std::size_t begin = std::max(source.line_begin(line), group.begin);
      std::size_t end = std::min(source.line_end(line), group.end);
      if (begin < end) claims[line] = {index, begin, end};
    }
  }
  // Lines outside every group that hold a payment verb: pieces of no group, which the
  // caller keeps only when they state an installment fully.
  for (const RuleMatch* match : context.matches("payment_verb")) {
    int line = source.line(match->begin);
    if (!claims.contains(line))
      claims[line] = {kNoGroup, source.line_begin(line), source.line_end(line)};
  }
  std::vector<std::size_t> splits;
  for (const RuleMatch* match : context.matches("installment_split")) {
    if (const Capture* at = match->capture("at")) splits.push_back(at->begin);
  }
  std::map<int, std::size_t> body_begins;  // numbering line -> where the clause's text begins
  for (const Clause* clause : context.document().outline.flatten()) {
    body_begins[clause->line] = clause->body_begin;
  }
  std::vector<Piece> pieces;
  for (const auto& [line, claim] : claims) {
    std::string_view words = util::trim(source.line_text(line));
    if (util::ends_with(words, ":")) continue;  // a heading or an intro
    std::size_t begin = claim.begin;
    auto body = body_begins.find(line);
    if (body != body_begins.end() && body->second > begin) begin = body->second;
    if (begin < claim.end) cut_region(context, begin, claim.end, claim.group, splits, pieces);
  }
  return pieces;
}

}  // namespace clause_scan::extract::installments
