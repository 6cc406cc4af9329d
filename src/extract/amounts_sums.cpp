// Figures and capitals, paired into sums.
//
// The rules find figures (人民币 1977800 元, ¥95,800.00, 三十几万元, a 小写 figure) and
// capitals (（大写：壹佰元整）, 叁仟元伍角) separately; several rules may match the same words,
// and the longest match wins. A capitals group belongs to the figure right before it (only
// blanks between: the rule's match holds its own "(大写：") or, failing that, right after
// it (blanks and "(" between: 人民币（大写) 肆仟…分（¥ 47641652.88 元）). Capitals labelled
// 大写 left over pair with a figure labelled 小写 on the same line or the next/previous one.
// Capitals with no figure are a sum of their own when they read as money (叁仟元伍角).
#include <algorithm>
#include <cstdlib>
#include <map>
#include <optional>
#include <string>

#include "extract/amounts_parts.h"
#include "util/text.h"

namespace clause_scan::extract::amounts {
namespace {

struct Figure {
  std::size_t begin = 0;
  std::size_t end = 0;
  ParsedMoney money;
  bool lowercase_marked = false;  // labelled 小写
  bool paired = false;
};

struct Capitals {
  std::size_t begin = 0;
  std::size_t end = 0;
  std::string words;
  Decimal value;
  bool is_money = false;  // reads as money on its own (has 元, 角 or 分)
  bool marked = false;    // labelled 大写
  bool paired = false;
};

// Keeps the longest of overlapping spans (the earlier one on a tie), in document order.
template <typename Span>
std::vector<Span> longest_without_overlap(std::vector<Span> spans) {
  std::stable_sort(spans.begin(), spans.end(),
                   [](const Span& a, const Span& b) { return a.end - a.begin > b.end - b.begin; });
  std::map<std::size_t, const Span*> kept;  // by begin
  for (const Span& span : spans) {
    auto next = kept.lower_bound(span.begin);
    if (next != kept.end() && next->first < span.end) continue;
    if (next != kept.begin() && std::prev(next)->second->end > span.begin) continue;
    kept.emplace(span.begin, &span);
  }
  std::vector<Span> result;
  result.reserve(kept.size());
  for (const auto& [begin, span] : kept) result.push_back(*span);
  return result;
}

// 1-5万元 means 1万 to 5万: the low end takes the high end's multiplier when it has none.
std::string with_multiplier(std::string_view low, std::string_view high) {
  std::string text(util::trim(low));
  if (text.empty() || text.back() < '0' || text.back() > '9') return text;
  for (std::string_view unit : {"千万", "百万", "万", "亿", "千"}) {
    if (util::ends_with(util::trim(high), unit)) return text + std::string(unit);
  }
  return text;
}

// The sum of currency + figure + unit; a bare figure only where the rule implies a currency.
std::optional<ParsedMoney> money_of(std::string_view currency, std::string_view figure,
                                    std::string_view unit, std::string_view implied_currency) {
  if (currency.empty() && unit.empty()) {
    if (implied_currency.empty()) return std::nullopt;
    std::optional<ParsedNumber> number = parse_number(figure);
    if (!number) return std::nullopt;
    return ParsedMoney{number->value, std::string(implied_currency), number->approximate, false};
  }
  return parse_money(std::string(currency) + std::string(figure) + std::string(unit));
}

void add_figures_of(const Context& context, const RuleMatch& match, std::vector<Figure>& out) {
  const Rule& rule = *match.rule;
  std::string_view currency = capture_text(context, match, "currency");
  std::string_view figure = capture_text(context, match, "figure");
  std::string_view unit = capture_text(context, match, "unit");
  std::string_view implied = rule.attribute("currency");
  bool marked = rule.attribute("marker") == "lowercase";
  const Capture* figure_capture = match.capture("figure");
  if (figure_capture == nullptr) return;
  std::optional<ParsedMoney> high = money_of(currency, figure, unit, implied);
  if (!high) return;
  const Capture* low_capture = match.capture("low");
  if (low_capture == nullptr) {
    out.push_back(Figure{match.begin, match.end, *high, marked});
    return;
  }
  std::string low_text = with_multiplier(context.words(*low_capture), figure);
  std::optional<ParsedMoney> low = money_of(currency, low_text, unit, implied);
  if (!low) return;
  out.push_back(Figure{match.begin, low_capture->end, *low, marked});
  out.push_back(Figure{figure_capture->begin, match.end, *high, marked});
}

std::vector<Figure> find_figures(const Context& context) {
  std::vector<Figure> figures;
  for (const RuleMatch* match : context.matches("amount")) add_figures_of(context, *match, figures);
  return longest_without_overlap(std::move(figures));
}

// The value of capitals: as money (壹佰元整, 叁仟元伍角), else as a number (贰拾万整, written
// in a 大写 blank after a figure whose 元 stands outside it).
std::optional<Decimal> capitals_value(std::string_view words, bool& is_money) {
  if (std::optional<ParsedMoney> money = parse_money(words)) {
    is_money = true;
    return money->value;
  }
  is_money = false;
  for (std::string_view suffix : {"整", "正"}) {
    if (util::ends_with(words, suffix)) words.remove_suffix(suffix.size());
  }
  std::optional<ParsedNumber> number = parse_number(words);
  if (!number || number->approximate) return std::nullopt;
  return number->value;
}

std::vector<Capitals> find_capitals(const Context& context) {
  std::vector<Capitals> found;
  for (const RuleMatch* match : context.matches("amount_words")) {
    const Capture* words = match->capture("words");
    if (words == nullptr) continue;
    Capitals capitals;
    capitals.begin = match->begin;
    capitals.end = match->end;
    capitals.words = std::string(context.words(*words));
    std::optional<Decimal> value = capitals_value(capitals.words, capitals.is_money);
    if (!value) continue;
    capitals.value = *value;
    capitals.marked = match->rule->attribute("marker") == "capitals";
    found.push_back(std::move(capitals));
  }
  return longest_without_overlap(std::move(found));
}

// True when [begin, end) of `text` holds only `allowed` characters and at most
// `line_breaks` line breaks.
bool is_gap(std::string_view text, std::size_t begin, std::size_t end, std::string_view allowed,
            int line_breaks = 0) {
  for (std::size_t i = begin; i < end; ++i) {
    if (text[i] == '\n' && line_breaks-- > 0) continue;
    if (allowed.find(text[i]) == std::string_view::npos) return false;
  }
  return true;
}

// The unpaired figure touching `capitals`: right before them on their line (only blanks
// between, the capitals' match holding its own "(大写："), else right after them (blanks and
// "(" between), else, for capitals labelled 大写 that open the next line, the figure ending
// the line before (…100 元；\n大写：壹佰元整). nullptr when none.
Figure* adjacent_figure(std::string_view text, const Capitals& capitals,
                        std::vector<Figure>& figures) {
  auto after =
      std::lower_bound(figures.begin(), figures.end(), capitals.end,
                       [](const Figure& f, std::size_t offset) { return f.begin < offset; });
  Figure* before = nullptr;
  if (after != figures.begin() && !std::prev(after)->paired &&
      std::prev(after)->end <= capitals.begin) {
    before = &*std::prev(after);
  }
  if (before != nullptr && is_gap(text, before->end, capitals.begin, " \t_")) return before;
  if (after != figures.end() && !after->paired &&
      is_gap(text, capitals.end, after->begin, " \t_(")) {
    return &*after;
  }
  if (before != nullptr && capitals.marked &&
      is_gap(text, before->end, capitals.begin, " \t_,;", 1)) {
    return before;
  }
  return nullptr;
}

// The nearest unpaired 小写 figure within one line of 大写 `capitals`, or nullptr.
Figure* marked_figure(const SourceText& source, const Capitals& capitals,
                      std::vector<Figure>& figures) {
  int line = source.line(capitals.begin);
  auto after =
      std::lower_bound(figures.begin(), figures.end(), capitals.begin,
                       [](const Figure& f, std::size_t offset) { return f.begin < offset; });
  Figure* best = nullptr;
  std::size_t best_distance = 0;
  auto consider = [&](Figure& figure) {
    if (figure.paired || !figure.lowercase_marked) return;
    if (std::abs(source.line(figure.begin) - line) > 1) return;
    std::size_t distance =
        figure.begin < capitals.begin ? capitals.begin - figure.end : figure.begin - capitals.end;
    if (best == nullptr || distance < best_distance) best = &figure, best_distance = distance;
  };
  if (after != figures.begin()) consider(*std::prev(after));
  if (after != figures.end()) consider(*after);
  return best;
}

Amount amount_of(const Context& context, const Figure& figure, const Capitals* capitals) {
  Amount amount;
  amount.value = figure.money.value;
  amount.currency = figure.money.currency;
  amount.approximate = figure.money.approximate;
  std::size_t begin = figure.begin, end = figure.end;
  if (capitals != nullptr) {
    amount.words = capitals->words;
    amount.words_value = capitals->value;
    amount.consistent = capitals->value == figure.money.value;
    const SourceText& source = context.document().source;
    if (source.line(capitals->begin) == source.line(figure.begin)) {
      begin = std::min(begin, capitals->begin);
      end = std::max(end, capitals->end);
    }
  }
  amount.source = context.source(begin, end);
  return amount;
}

// Capitals standing alone: the sum is their value; they agree with themselves.
Amount amount_of(const Context& context, const Capitals& capitals) {
  Amount amount;
  amount.value = capitals.value;
  amount.words = capitals.words;
  amount.words_value = capitals.value;
  amount.consistent = true;
  amount.source = context.source(capitals.begin, capitals.end);
  return amount;
}

}  // namespace

std::vector<Amount> find_sums(const Context& context) {
  std::vector<Figure> figures = find_figures(context);
  std::vector<Capitals> all_capitals = find_capitals(context);
  std::string_view text = context.text();
  std::vector<std::pair<Figure*, Capitals*>> pairs;
  for (Capitals& capitals : all_capitals) {
    if (Figure* figure = adjacent_figure(text, capitals, figures)) {
      figure->paired = capitals.paired = true;
      pairs.emplace_back(figure, &capitals);
    }
  }
  for (Capitals& capitals : all_capitals) {
    if (capitals.paired || !capitals.marked) continue;
    if (Figure* figure = marked_figure(context.document().source, capitals, figures)) {
      figure->paired = capitals.paired = true;
      pairs.emplace_back(figure, &capitals);
    }
  }
  std::vector<Amount> sums;
  for (const auto& [figure, capitals] : pairs) {
    sums.push_back(amount_of(context, *figure, capitals));
  }
  for (const Figure& figure : figures) {
    if (!figure.paired) sums.push_back(amount_of(context, figure, nullptr));
  }
  for (const Capitals& capitals : all_capitals) {
    if (!capitals.paired && capitals.is_money) sums.push_back(amount_of(context, capitals));
  }
  std::stable_sort(sums.begin(), sums.end(), [](const Amount& a, const Amount& b) {
    return a.source.begin < b.source.begin;
  });
  return sums;
}

std::string_view capture_text(const Context& context, const RuleMatch& match,
                              std::string_view name) {
  const Capture* capture = match.capture(name);
  return capture == nullptr ? std::string_view() : context.words(*capture);
}

std::size_t blank_before(std::string_view text, std::size_t offset) {
  bool crossed_line = false;
  while (offset > 0) {
    char c = text[offset - 1];
    if (c == '\n' && !crossed_line) {
      crossed_line = true;
    } else if (c != ' ' && c != '\t') {
      break;
    }
    --offset;
  }
  return offset;
}

std::size_t blank_after(std::string_view text, std::size_t offset) {
  while (offset < text.size() && (text[offset] == ' ' || text[offset] == '\t')) ++offset;
  return offset;
}

}  // namespace clause_scan::extract::amounts
