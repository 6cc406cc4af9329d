// fields.cpp: the changes of the summary fields between two versions.
//
// Items of a list field are paired within a group (an amount's label, a party's role, a
// penalty's kind …): first items standing in the same place (the clause they became), in
// order, then, for groups that name an item well enough, the rest in order. Unpaired items
// are added or removed values.
#include <algorithm>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "clause_scan/diff.h"
#include "diff/units.h"

namespace clause_scan {
namespace {

enum class Leftovers { in_order, unpaired };

struct Slot {
  std::string group;
  std::string place;
  Leftovers leftovers = Leftovers::in_order;
};

using Pairing = std::vector<std::pair<int, int>>;  // (old, new); -1 where absent

// Pairs old and new slots: same group and place first, then the rest of a group in order
// where its leftovers may be. Pairs come in the new version's order, removed items last.
// Hash lookups keep this linear in the number of items.
Pairing pair_slots(const std::vector<Slot>& olds, const std::vector<Slot>& news) {
  std::vector<int> old_match(olds.size(), -1), new_match(news.size(), -1);
  std::map<std::pair<std::string_view, std::string_view>, std::vector<int>> by_place;
  std::map<std::string_view, std::vector<int>> by_group;
  for (int i = static_cast<int>(olds.size()) - 1; i >= 0; --i) {  // last first: pop_back
    by_place[{olds[i].group, olds[i].place}].push_back(i);
    by_group[olds[i].group].push_back(i);
  }
  auto take = [&](std::vector<int>& candidates, int j) {
    while (!candidates.empty() && old_match[candidates.back()] >= 0) candidates.pop_back();
    if (candidates.empty()) return;
    old_match[candidates.back()] = j;
    new_match[j] = candidates.back();
    candidates.pop_back();
  };
  for (int j = 0; j < static_cast<int>(news.size()); ++j) {
    auto found = by_place.find({news[j].group, news[j].place});
    if (found != by_place.end()) take(found->second, j);
  }
  for (int j = 0; j < static_cast<int>(news.size()); ++j) {
    if (new_match[j] >= 0 || news[j].leftovers == Leftovers::unpaired) continue;
    auto found = by_group.find(news[j].group);
    if (found != by_group.end()) take(found->second, j);
  }
  Pairing pairs;
  for (int j = 0; j < static_cast<int>(news.size()); ++j) pairs.emplace_back(new_match[j], j);
  for (int i = 0; i < static_cast<int>(olds.size()); ++i)
    if (old_match[i] < 0) pairs.emplace_back(i, -1);
  return pairs;
}

// Compares and records the changes of one field kind.
class FieldDiffer {
 public:
  FieldDiffer(TextCompare compare, const FieldPlaces& places, std::vector<FieldChange>& out)
      : compare_(compare), places_(places), out_(out) {}

  std::string old_place(const SourceRef& source) const {
    return places_.old_place ? places_.old_place(source) : source.clause;
  }
  std::string new_place(const SourceRef& source) const {
    return places_.new_place ? places_.new_place(source) : source.clause;
  }

  // Words compared as the diff compares text: normalized, without white space.
  std::optional<std::string> canonical(const std::optional<std::string>& text) const {
    if (!text || compare_ == TextCompare::strict) return text;
    return diff::without_spaces(normalize(*text));
  }

  // Records a change. `old_source`/`new_source` may be null.
  void record(FieldChange change, const SourceRef* old_source, const SourceRef* new_source) {
    if (old_source) change.old_clause = old_source->clause, change.old_line = old_source->line;
    if (new_source) change.new_clause = new_source->clause, change.new_line = new_source->line;
    out_.push_back(std::move(change));
  }

  // Records a change when the paired values of one aspect of two items differ: text as
  // canonical() says, other values as written. `a`/`b` null where the item is absent.
  void compare_values(FieldKind field, const std::string& label, std::optional<std::string> aspect,
                      ValueKind kind, const std::optional<std::string>& a,
                      const std::optional<std::string>& b, const SourceRef* old_source,
                      const SourceRef* new_source) {
    const bool words = kind == ValueKind::text || kind == ValueKind::period;
    if (words ? canonical(a) == canonical(b) : a == b) return;
    FieldChange change;
    change.field = field;
    change.label = label;
    change.aspect = std::move(aspect);
    change.kind = kind;
    change.old_value = a;
    change.new_value = b;
    record(std::move(change), old_source, new_source);
  }

  TextCompare compare_;
  const FieldPlaces& places_;
  std::vector<FieldChange>& out_;
};

// (new - old) / old as a signed percentage with one decimal: "+6.2%", "-12.0%".
std::optional<std::string> relative_change(const Decimal& old_value, const Decimal& new_value) {
  if (old_value.is_zero()) return std::nullopt;
  std::optional<Decimal> difference = new_value.sub(old_value);
  if (!difference) return std::nullopt;
  const int scale = std::max(difference->scale(), old_value.scale());
  auto aligned = [&](const Decimal& d) {
    __int128 units = d.units();
    for (int s = d.scale(); s < scale; ++s) units *= 10;
    return units;
  };
  __int128 numerator = aligned(*difference) * 1000, denominator = aligned(old_value);
  const bool negative = (numerator < 0) != (denominator < 0);
  if (numerator < 0) numerator = -numerator;
  if (denominator < 0) denominator = -denominator;
  __int128 permille = (2 * numerator + denominator) / (2 * denominator);
  std::int64_t tenths = static_cast<std::int64_t>(permille);
  return fmt::format("{}{}%", negative ? '-' : '+', Decimal::from_units(tenths, 1).to_fixed(1));
}

std::optional<std::string> opt(const std::optional<Decimal>& value, ValueKind kind) {
  if (!value) return std::nullopt;
  return kind == ValueKind::money ? format_money(*value) : format_percent(*value);
}

std::string duration_text(const Duration& duration) {
  return duration.value.to_string() + " " + std::string(to_string(duration.unit));
}

std::string end_text(const PeriodEnd& end) { return end.date ? end.date->iso() : end.text; }

void diff_title(const Summary& a, const Summary& b, FieldDiffer& differ) {
  differ.compare_values(FieldKind::title, "", std::nullopt, ValueKind::text, a.title, b.title,
                        nullptr, nullptr);
  differ.compare_values(FieldKind::contract_no, "", std::nullopt, ValueKind::text, a.contract_no,
                        b.contract_no, nullptr, nullptr);
}

void diff_parties(const Summary& a, const Summary& b, FieldDiffer& differ) {
  auto slots = [](const std::vector<Party>& parties) {
    std::vector<Slot> result;
    for (const Party& party : parties) result.push_back({party.role, "", Leftovers::in_order});
    return result;
  };
  for (auto [i, j] : pair_slots(slots(a.parties), slots(b.parties))) {
    const Party* x = i >= 0 ? &a.parties[i] : nullptr;
    const Party* y = j >= 0 ? &b.parties[j] : nullptr;
    std::optional<std::string> old_name = x ? x->name : std::nullopt;
    std::optional<std::string> new_name = y ? y->name : std::nullopt;
    differ.compare_values(FieldKind::party, (y ? y : x)->role, std::nullopt, ValueKind::text,
                          old_name, new_name, x ? &x->source : nullptr, y ? &y->source : nullptr);
  }
}

void diff_amounts(const Summary& a, const Summary& b, FieldDiffer& differ) {
  auto slots = [](const std::vector<Amount>& amounts, auto place) {
    std::vector<Slot> result;
    for (const Amount& amount : amounts) {
      std::string label = amount.label.value_or("");
      result.push_back(
          {label, place(amount.source), label.empty() ? Leftovers::unpaired : Leftovers::in_order});
    }
    return result;
  };
  auto old_slots = slots(a.amounts, [&](const SourceRef& s) { return differ.old_place(s); });
  auto new_slots = slots(b.amounts, [&](const SourceRef& s) { return differ.new_place(s); });
  for (auto [i, j] : pair_slots(old_slots, new_slots)) {
    const Amount* x = i >= 0 ? &a.amounts[i] : nullptr;
    const Amount* y = j >= 0 ? &b.amounts[j] : nullptr;
    FieldChange change;
    change.field = FieldKind::amount;
    change.label = (y ? y : x)->label.value_or("");
    change.kind = ValueKind::money;
    if (x) change.old_value = with_currency(format_money(x->value), x->currency);
    if (y) change.new_value = with_currency(format_money(y->value), y->currency);
    if (x && y && x->currency == y->currency) change.change = relative_change(x->value, y->value);
    if (change.old_value == change.new_value) continue;
    differ.record(std::move(change), x ? &x->source : nullptr, y ? &y->source : nullptr);
  }
}

void diff_dates(const Summary& a, const Summary& b, FieldDiffer& differ) {
  auto slots = [](const std::vector<DateMention>& dates, auto place) {
    std::vector<Slot> result;
    for (const DateMention& date : dates) {
      result.push_back({std::string(to_string(date.role)), place(date.source),
                        date.role == DateRole::other ? Leftovers::unpaired : Leftovers::in_order});
    }
    return result;
  };
  auto value = [&](const DateMention* date) -> std::optional<std::string> {
    if (!date) return std::nullopt;
    return date->value ? date->value->iso() : differ.canonical(date->source.text).value_or("");
  };
  auto old_slots = slots(a.dates, [&](const SourceRef& s) { return differ.old_place(s); });
  auto new_slots = slots(b.dates, [&](const SourceRef& s) { return differ.new_place(s); });
  for (auto [i, j] : pair_slots(old_slots, new_slots)) {
    const DateMention* x = i >= 0 ? &a.dates[i] : nullptr;
    const DateMention* y = j >= 0 ? &b.dates[j] : nullptr;
    differ.compare_values(FieldKind::date, std::string(to_string((y ? y : x)->role)), std::nullopt,
                          ValueKind::date, value(x), value(y), x ? &x->source : nullptr,
                          y ? &y->source : nullptr);
  }
}

void diff_periods(const Summary& a, const Summary& b, FieldDiffer& differ) {
  auto slots = [](const std::vector<Period>& periods, auto place) {
    std::vector<Slot> result;
    for (const Period& period : periods) {
      std::string label = period.label.value_or("");
      result.push_back(
          {label, place(period.source), label.empty() ? Leftovers::unpaired : Leftovers::in_order});
    }
    return result;
  };
  auto value = [&](const Period* period) -> std::optional<std::string> {
    if (!period) return std::nullopt;
    return end_text(period->start) + "/" + end_text(period->end);
  };
  auto old_slots = slots(a.periods, [&](const SourceRef& s) { return differ.old_place(s); });
  auto new_slots = slots(b.periods, [&](const SourceRef& s) { return differ.new_place(s); });
  for (auto [i, j] : pair_slots(old_slots, new_slots)) {
    const Period* x = i >= 0 ? &a.periods[i] : nullptr;
    const Period* y = j >= 0 ? &b.periods[j] : nullptr;
    differ.compare_values(FieldKind::period, (y ? y : x)->label.value_or(""), std::nullopt,
                          ValueKind::period, value(x), value(y), x ? &x->source : nullptr,
                          y ? &y->source : nullptr);
  }
}

// Durations have no name: only one standing in the same place as another is compared.
void diff_durations(const Summary& a, const Summary& b, FieldDiffer& differ) {
  auto slots = [](const std::vector<Duration>& durations, auto place) {
    std::vector<Slot> result;
    for (const Duration& duration : durations)
      result.push_back({"", place(duration.source), Leftovers::unpaired});
    return result;
  };
  auto old_slots = slots(a.durations, [&](const SourceRef& s) { return differ.old_place(s); });
  auto new_slots = slots(b.durations, [&](const SourceRef& s) { return differ.new_place(s); });
  for (auto [i, j] : pair_slots(old_slots, new_slots)) {
    if (i < 0 || j < 0) continue;
    const Duration& x = a.durations[i];
    const Duration& y = b.durations[j];
    differ.compare_values(FieldKind::duration, "", std::nullopt, ValueKind::duration,
                          duration_text(x), duration_text(y), &x.source, &y.source);
  }
}

void diff_installments(const Summary& a, const Summary& b, FieldDiffer& differ) {
  auto slots = [](const std::vector<Installment>& terms) {
    std::vector<Slot> result;
    for (const Installment& term : terms)
      result.push_back({std::to_string(term.seq), "", Leftovers::in_order});
    return result;
  };
  for (auto [i, j] : pair_slots(slots(a.payment_terms), slots(b.payment_terms))) {
    const Installment* x = i >= 0 ? &a.payment_terms[i] : nullptr;
    const Installment* y = j >= 0 ? &b.payment_terms[j] : nullptr;
    const std::string label = std::to_string((y ? y : x)->seq);
    const SourceRef* sx = x ? &x->source : nullptr;
    const SourceRef* sy = y ? &y->source : nullptr;
    const bool by_percent = (x && x->percent) || (y && y->percent);
    const ValueKind kind = by_percent ? ValueKind::percent : ValueKind::money;
    auto main = [&](const Installment* t) -> std::optional<std::string> {
      if (!t) return std::nullopt;
      if (by_percent || !t->amount) return opt(t->percent, kind);
      return with_currency(format_money(*t->amount), t->currency);
    };
    differ.compare_values(FieldKind::installment, label, std::nullopt, kind, main(x), main(y), sx,
                          sy);
    if (!x || !y) continue;
    auto due = [](const Installment* t) -> std::optional<std::string> {
      if (!t->due) return std::nullopt;
      return duration_text(*t->due);
    };
    differ.compare_values(FieldKind::installment, label, "due", ValueKind::duration, due(x), due(y),
                          sx, sy);
  }
}

void diff_penalty_pair(const Penalty* x, const Penalty* y, FieldDiffer& differ) {
  const std::string label(to_string((y ? y : x)->kind));
  const SourceRef* sx = x ? &x->source : nullptr;
  const SourceRef* sy = y ? &y->source : nullptr;
  const bool by_percent = (x && x->percent) || (y && y->percent);
  const ValueKind kind = by_percent ? ValueKind::percent : ValueKind::money;
  auto main = [&](const Penalty* p) -> std::optional<std::string> {
    if (!p) return std::nullopt;
    if (by_percent || !p->amount) return opt(p->percent, kind);
    return with_currency(format_money(*p->amount), p->currency);
  };
  differ.compare_values(FieldKind::penalty, label, std::nullopt, kind, main(x), main(y), sx, sy);
  if (!x || !y) return;
  auto per = [](const Penalty* p) -> std::optional<std::string> {
    std::string_view text = to_string(p->per);
    if (text.empty()) return std::nullopt;
    return std::string(text);
  };
  differ.compare_values(FieldKind::penalty, label, "per", ValueKind::text, per(x), per(y), sx, sy);
  auto cap = [](const Penalty* p) { return opt(p->cap_percent, ValueKind::percent); };
  differ.compare_values(FieldKind::penalty, label, "cap", ValueKind::percent, cap(x), cap(y), sx,
                        sy);
  differ.compare_values(FieldKind::penalty, label, "condition", ValueKind::text, x->condition,
                        y->condition, sx, sy);
  // A range as one value ("1000.00~30000.00", "0.5%~3%"): either bound changing changes it.
  auto range = [](const Penalty* p) -> std::optional<std::string> {
    if (!p->range) return std::nullopt;
    if (p->range->unit == RangeUnit::percent) {
      return format_percent(p->range->low) + "%~" + format_percent(p->range->high) + "%";
    }
    return format_money(p->range->low) + "~" + format_money(p->range->high);
  };
  differ.compare_values(FieldKind::penalty, label, "range", ValueKind::text, range(x), range(y), sx,
                        sy);
}

void diff_penalties(const Summary& a, const Summary& b, FieldDiffer& differ) {
  auto slots = [](const std::vector<Penalty>& penalties, auto place) {
    std::vector<Slot> result;
    for (const Penalty& penalty : penalties)
      result.push_back(
          {std::string(to_string(penalty.kind)), place(penalty.source), Leftovers::in_order});
    return result;
  };
  auto old_slots = slots(a.penalties, [&](const SourceRef& s) { return differ.old_place(s); });
  auto new_slots = slots(b.penalties, [&](const SourceRef& s) { return differ.new_place(s); });
  for (auto [i, j] : pair_slots(old_slots, new_slots)) {
    diff_penalty_pair(i >= 0 ? &a.penalties[i] : nullptr, j >= 0 ? &b.penalties[j] : nullptr,
                      differ);
  }
}

}  // namespace

std::string_view to_string(FieldKind kind) {
  switch (kind) {
    case FieldKind::title:
      return "title";
    case FieldKind::contract_no:
      return "contract_no";
    case FieldKind::party:
      return "party";
    case FieldKind::amount:
      return "amount";
    case FieldKind::date:
      return "date";
    case FieldKind::period:
      return "period";
    case FieldKind::duration:
      return "duration";
    case FieldKind::installment:
      return "installment";
    case FieldKind::penalty:
      return "penalty";
  }
  return "title";
}

std::vector<FieldChange> diff_fields(const Summary& old_summary, const Summary& new_summary,
                                     TextCompare compare, const FieldPlaces& places) {
  std::vector<FieldChange> changes;
  FieldDiffer differ(compare, places, changes);
  diff_title(old_summary, new_summary, differ);
  diff_parties(old_summary, new_summary, differ);
  diff_amounts(old_summary, new_summary, differ);
  diff_dates(old_summary, new_summary, differ);
  diff_periods(old_summary, new_summary, differ);
  diff_durations(old_summary, new_summary, differ);
  diff_installments(old_summary, new_summary, differ);
  diff_penalties(old_summary, new_summary, differ);
  return changes;
}

}  // namespace clause_scan
