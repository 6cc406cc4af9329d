// One piece of a payment group read into an Installment.
//
// The rules of category "installment" (rules/payment.toml) run on the piece alone; each
// capture name is one field's words, and where several rules give the same capture the rule
// that comes first in the rule files wins. This file parses those words (numbers.h,
// calendar.h) and assembles the installment: the amount is percent x the base's sum when the
// contract defines the base (lookup.h), else the fixed sum written, else — for a payment of
// the whole price (支付合同款) — the contract's price found under one of the rule's
// `base_labels`.
#include <algorithm>
#include <map>
#include <string>

#include "extract/installments_internal.h"
#include "extract/lookup.h"
#include "util/text.h"

namespace clause_scan::extract::installments {
namespace {

struct Found {
  std::size_t begin = 0;
  std::size_t end = 0;
  const Rule* rule = nullptr;
};

using Fields = std::map<std::string, Found, std::less<>>;

std::size_t rule_rank(const RuleSet& rules, const Rule* rule) {
  const auto& all = rules.rules();
  for (std::size_t i = 0; i < all.size(); ++i) {
    if (all[i].get() == rule) return i;
  }
  return all.size();
}

// Each capture name with the words of the first rule (in rule order) that gives it.
Fields read_fields(const Context& context, const Piece& piece) {
  std::vector<RuleMatch> matches = scan_piece(context, "installment", piece.begin, piece.end);
  const RuleSet& rules = context.resources().rules;
  std::stable_sort(matches.begin(), matches.end(), [&](const RuleMatch& a, const RuleMatch& b) {
    return rule_rank(rules, a.rule) < rule_rank(rules, b.rule);
  });
  Fields fields;
  for (const RuleMatch& match : matches) {
    for (const Capture& capture : match.captures) {
      if (capture.begin < capture.end) {
        fields.try_emplace(std::string(capture.name),
                           Found{capture.begin, capture.end, match.rule});
      }
    }
  }
  return fields;
}

std::string_view words(const Context& context, const Found& found) {
  return std::string_view(context.text()).substr(found.begin, found.end - found.begin);
}

const Found* field(const Fields& fields, std::string_view name) {
  auto it = fields.find(name);
  return it == fields.end() ? nullptr : &it->second;
}

// A share (written, or left blank in a template), a sum, a remainder, a time limit or a
// repayment at maturity; the whole price (支付合同款) only with its time, since alone it
// restates that the price is paid.
bool states_an_installment(const Fields& fields) {
  for (std::string_view name :
       {"percent", "blank_share", "amount", "remainder", "due_value", "lump"}) {
    if (field(fields, name)) return true;
  }
  return field(fields, "whole") && field(fields, "trigger");
}

bool has_match(const Context& context, std::string_view category, const Piece& piece) {
  return !scan_piece(context, category, piece.begin, piece.end).empty();
}

// A payment verb that is not part of a noun such as 付款申请单 or 支付证书.
bool has_payment_verb(const Context& context, const Piece& piece) {
  std::vector<RuleMatch> nouns = scan_piece(context, "payment_noun", piece.begin, piece.end);
  for (const RuleMatch& verb : scan_piece(context, "payment_verb", piece.begin, piece.end)) {
    bool in_noun = std::any_of(nouns.begin(), nouns.end(), [&](const RuleMatch& noun) {
      return noun.begin <= verb.begin && verb.end <= noun.end;
    });
    if (!in_noun) return true;
  }
  return false;
}

// The base label without the determiners before it: 本项目中标金额 -> 中标金额,
// 本合同总价 -> 合同总价.
std::string clean_base(std::string_view base) {
  for (std::string_view determiner : {"本项目", "该项目", "上述", "本", "该"}) {
    if (util::starts_with(base, determiner) && base.size() >= determiner.size() + 6) {
      base.remove_prefix(determiner.size());
      break;
    }
  }
  return std::string(base);
}

DurationUnit unit_of(std::string_view unit) {
  auto has = [&](std::string_view part) { return unit.find(part) != std::string_view::npos; };
  if (has("工作日")) return DurationUnit::working_day;
  if (has("小时")) return DurationUnit::hour;
  if (has("星期") || has("周")) return DurationUnit::week;
  if (has("月")) return DurationUnit::month;
  if (has("年")) return DurationUnit::year;
  return DurationUnit::day;
}

std::optional<std::string> period_of(std::string_view period) {
  auto has = [&](std::string_view part) { return period.find(part) != std::string_view::npos; };
  if (has("半年")) return "half_year";
  if (has("季")) return "quarter";
  if (has("月")) return "month";
  if (has("周")) return "week";
  if (has("年")) return "year";
  return std::nullopt;
}

std::optional<Duration> due_of(const Context& context, const Fields& fields) {
  const Found* value = field(fields, "due_value");
  const Found* unit = field(fields, "due_unit");
  if (!value || !unit) return std::nullopt;
  std::optional<ParsedNumber> number = parse_number(words(context, *value));
  if (!number) return std::nullopt;
  return Duration{number->value, unit_of(words(context, *unit)),
                  context.source(value->begin, unit->end)};
}

// The contract's whole price, for a payment of 合同款: the first label of the rule's
// base_labels ("合同金额|合同总价|…") that names an amount.
const Amount* whole_price(const Summary& summary, const Rule& rule) {
  std::string_view labels = rule.attribute("base_labels");
  while (!labels.empty()) {
    std::size_t bar = labels.find('|');
    std::string_view label = labels.substr(0, bar);
    if (const Amount* amount = find_amount(summary, label)) return amount;
    labels = bar == std::string_view::npos ? std::string_view() : labels.substr(bar + 1);
  }
  return nullptr;
}

// The sum the installment pays, in its currency: a share of its base, its own sum, or the
// whole price.
std::optional<ParsedMoney> amount_of(const Context& context, const Summary& summary,
                                     const Fields& fields, const Installment& item) {
  if (item.percent && item.base) {
    if (const Amount* base = find_amount(summary, *item.base)) {
      if (auto share = base->value.percent_of(*item.percent)) {
        return ParsedMoney{share->round(2), base->currency};
      }
    }
  }
  if (const Found* amount = field(fields, "amount")) {
    if (auto money = parse_money(words(context, *amount))) return money;
  }
  const Found* whole = field(fields, "whole");
  if (whole && !item.remainder && !item.percent) {
    if (const Amount* price = whole_price(summary, *whole->rule)) {
      return ParsedMoney{price->value, price->currency};
    }
  }
  return std::nullopt;
}

// Where the trigger begins without the party and preposition before it (甲方同意在…; rule
// category installment_trigger_prefix).
std::size_t without_prefix(const Context& context, const Found& trigger) {
  std::vector<RuleMatch> prefix =
      scan_piece(context, "installment_trigger_prefix", trigger.begin, trigger.end);
  if (prefix.empty() || prefix.front().begin != trigger.begin) return trigger.begin;
  return prefix.front().end < trigger.end ? prefix.front().end : trigger.begin;
}

// The clause of the piece that ends at the comma or colon at `end` (trimmed), or an empty view
// when there is none.
std::string_view clause_before(std::string_view text, const Piece& piece, std::size_t end) {
  if (end == std::string_view::npos || end < piece.begin + 1) return {};
  std::size_t previous = text.find_last_of(",:", end - 1);
  std::size_t chunk =
      previous == std::string_view::npos || previous < piece.begin ? piece.begin : previous + 1;
  return util::trim(text.substr(chunk, end - chunk));
}

bool is_condition(const Context& context, std::string_view words) {
  const std::size_t begin = words.data() - context.text().data();
  return !words.empty() &&
         !scan_piece(context, "installment_condition", begin, begin + words.size()).empty();
}

// Where the trigger begins once the conditions before it in the piece are added: the clauses
// (between commas, or after a label's colon) that end like a condition (rule category
// installment_condition), as 本合同生效后， in 本合同生效后，买方在收到卖方开具的等额收据之日起.
// One clause that is no condition is taken along when a condition stands before it, so that
// 通过最终验收后，甲方根据考核结果核定应付金额，在收到…发票后 keeps the acceptance it depends on.
std::size_t trigger_begin(const Context& context, const Piece& piece, std::size_t begin) {
  std::string_view text = context.text();
  for (;;) {
    std::string_view words = clause_before(text, piece, text.find_last_of(",:", begin));
    if (words.empty()) return begin;
    if (!is_condition(context, words)) {
      std::string_view earlier =
          clause_before(text, piece, text.find_last_of(",:", words.data() - text.data()));
      if (!is_condition(context, earlier)) return begin;
      words = earlier;
    }
    begin = words.data() - text.data();
  }
}

Installment assemble(const Context& context, const Summary& summary, const Fields& fields,
                     const Piece& piece) {
  Installment item;
  item.source = context.source(piece.begin, piece.end);
  if (const Found* percent = field(fields, "percent")) {
    std::optional<ParsedRate> rate = parse_rate(words(context, *percent));
    if (rate && rate->kind == RateKind::percent) item.percent = rate->percent;
  }
  if (const Found* base = field(fields, "base")) item.base = clean_base(words(context, *base));
  item.remainder = field(fields, "remainder") != nullptr;
  item.due = due_of(context, fields);
  if (const Found* trigger = field(fields, "trigger")) {
    std::size_t begin = without_prefix(context, *trigger);
    begin = trigger_begin(context, piece, begin);
    item.trigger = context.source(begin, trigger->end).text;
    set_due_date(context, summary, begin, trigger->end, item);
  }
  if (const Found* period = field(fields, "period"))
    item.period = period_of(words(context, *period));
  if (std::optional<ParsedMoney> money = amount_of(context, summary, fields, item)) {
    item.amount = money->value;
    item.currency = money->currency;
  }
  return item;
}

}  // namespace

std::optional<Installment> read_installment(const Context& context, const Summary& summary,
                                            const Piece& piece) {
  if (!has_payment_verb(context, piece)) return std::nullopt;
  if (has_match(context, "installment_exclude", piece)) return std::nullopt;
  Fields fields = read_fields(context, piece);
  if (!states_an_installment(fields)) return std::nullopt;
  return assemble(context, summary, fields, piece);
}

}  // namespace clause_scan::extract::installments
