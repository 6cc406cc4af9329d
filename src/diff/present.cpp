// present.cpp: names, labels and values shared by the text, Markdown and HTML writers.
#include "diff/present.h"

#include <algorithm>

#include <fmt/format.h>

#include "clause_scan/normalize.h"
#include "diff/units.h"
#include "util/text.h"

namespace clause_scan::diff {
namespace {

constexpr std::size_t kKeepChars = 40;

std::string text_of(std::string_view view) { return std::string(view); }

std::string path_or_name(const std::optional<std::string>& path, const ClauseChange& change,
                         Lang lang) {
  if (change.head) return text_of(label("diff_head", lang));
  if (path && !path->empty()) return "§" + *path;
  const std::optional<std::string>& number =
      change.new_number ? change.new_number : change.old_number;
  if (number && !number->empty()) return *number;  // a part: 附件, 附件一
  return change.heading;                           // a titled agreement: 保密协议
}

// Byte offsets of the code point boundaries of `text`.
std::vector<std::size_t> char_starts(const std::string& text) {
  std::vector<std::size_t> starts;
  for (std::size_t at = 0; at < text.size(); ++at) {
    if ((static_cast<unsigned char>(text[at]) & 0xC0) != 0x80) starts.push_back(at);
  }
  return starts;
}

std::string grouped_money(const std::string& value) {
  std::size_t space = value.find(' ');
  std::string number = value.substr(0, space);
  std::optional<Decimal> decimal = Decimal::parse(number);
  std::string text = decimal ? decimal->to_grouped(2) : number;
  return space == std::string::npos ? text : text + value.substr(space);
}

std::string duration_value(const std::string& value, Lang lang) {
  std::size_t space = value.find(' ');
  if (space == std::string::npos) return value;
  std::string unit = "unit_" + value.substr(space + 1);
  std::string_view unit_label = label(unit, lang);
  return value.substr(0, space) + " " +
         (unit_label == unit ? value.substr(space + 1) : text_of(unit_label));
}

}  // namespace

std::string clause_name(const ClauseChange& change, Lang lang) {
  std::string old_name = change.old_path ? path_or_name(change.old_path, change, lang) : "";
  std::string new_name = change.new_path ? path_or_name(change.new_path, change, lang) : "";
  if (old_name.empty()) return new_name;
  if (new_name.empty() || new_name == old_name) return old_name;
  return old_name + " → " + new_name;
}

std::string clause_title(const ClauseChange& change, Lang lang) {
  std::string name = clause_name(change, lang);
  if (change.head || change.heading.empty() || util::ends_with(name, change.heading)) return name;
  return name.empty() ? change.heading : name + " " + change.heading;
}

std::string status_text(const ClauseChange& change, Lang lang) {
  std::string text = text_of(label("diff_" + text_of(to_string(change.status)), lang));
  if (change.moved) text += " · " + text_of(label("diff_moved", lang));
  return text;
}

std::string lines_text(const ClauseChange& change) {
  if (change.old_line && change.new_line && *change.old_line != *change.new_line)
    return fmt::format("L{} → L{}", *change.old_line, *change.new_line);
  return fmt::format("L{}", change.new_line ? *change.new_line : change.old_line.value_or(0));
}

std::string field_label(const FieldChange& change, Lang lang) {
  std::string name;
  switch (change.field) {
    case FieldKind::title:
    case FieldKind::contract_no:
      name = text_of(label(to_string(change.field), lang));
      break;
    case FieldKind::party:
      name = change.label;
      break;
    case FieldKind::amount:
      name = change.label.empty() ? text_of(label("diff_amount", lang)) : change.label;
      break;
    case FieldKind::date:
      name = text_of(label("diff_date_" + change.label, lang));
      break;
    case FieldKind::period:
      name = change.label.empty() ? text_of(label("diff_period", lang)) : change.label;
      break;
    case FieldKind::duration:
      name = text_of(label("diff_duration", lang));
      break;
    case FieldKind::installment:
      name = fmt::format(fmt::runtime(label("diff_installment", lang)), change.label);
      break;
    case FieldKind::penalty:
      name = text_of(label(change.label, lang));
      break;
  }
  if (change.aspect)
    name += fmt::format(" {}", text_of(label("diff_aspect_" + *change.aspect, lang)));
  return name;
}

std::string field_value(const FieldChange& change, const std::optional<std::string>& value,
                        Lang lang) {
  if (!value) return text_of(label("diff_absent", lang));
  switch (change.kind) {
    case ValueKind::money:
      return grouped_money(*value);
    case ValueKind::percent:
      return *value + "%";
    case ValueKind::period: {
      std::size_t slash = value->find('/');
      if (slash == std::string::npos) return *value;
      return value->substr(0, slash) + " " + text_of(label("diff_period_to", lang)) + " " +
             value->substr(slash + 1);
    }
    case ValueKind::duration:
      return duration_value(*value, lang);
    case ValueKind::date:
      return *value;
    case ValueKind::text:
      if (change.aspect == "per") return text_of(label("per_" + *value, lang));
      return *value;
  }
  return *value;
}

std::string field_where(const FieldChange& change) {
  auto name = [](const std::optional<std::string>& clause) {
    return clause && !clause->empty() ? "§" + *clause : std::string();
  };
  std::string old_name = name(change.old_clause), new_name = name(change.new_clause);
  if (old_name.empty()) return new_name;
  if (new_name.empty() || new_name == old_name) return old_name;
  return old_name + " → " + new_name;
}

std::string counts_text(const DiffCounts& counts, Lang lang) {
  return fmt::format("{}{}{} {} · {} {} · {} {} · {} {} · {} {} · {} {}",
                     label("diff_clauses", lang), lang == Lang::zh ? "：" : ": ",
                     label("diff_unchanged", lang), counts.unchanged, label("diff_modified", lang),
                     counts.modified, label("diff_added", lang), counts.added,
                     label("diff_deleted", lang), counts.deleted, label("diff_moved", lang),
                     counts.moved, label("diff_renumbered", lang), counts.renumbered);
}

bool is_shown_change(const ClauseChange& change) {
  return change.status != ClauseStatus::unchanged || change.moved;
}

std::vector<bool> shown_entries(const ContractDiff& diff, int context) {
  const int size = static_cast<int>(diff.clauses.size());
  std::vector<bool> shown(size, false);
  for (int i = 0; i < size; ++i) {
    if (!is_shown_change(diff.clauses[i])) continue;
    for (int j = std::max(0, i - context); j <= std::min(size - 1, i + context); ++j)
      shown[j] = true;
  }
  return shown;
}

std::string shorten(const std::string& text, Keep keep) {
  std::vector<std::size_t> starts = char_starts(text);
  const std::size_t limit = keep == Keep::both_ends ? 3 * kKeepChars : 2 * kKeepChars;
  if (starts.size() <= limit) return text;
  std::string head = text.substr(0, starts[kKeepChars]);
  std::string tail = text.substr(starts[starts.size() - kKeepChars]);
  switch (keep) {
    case Keep::both_ends:
      return head + "…" + tail;
    case Keep::head:
      return head + "…";
    case Keep::tail:
      return "…" + tail;
  }
  return text;
}

std::vector<WordEdit> readable_edits(const ClauseChange& change, TextCompare compare) {
  if (compare == TextCompare::strict) return change.edits;
  const std::vector<WordEdit>& edits = change.edits;
  std::vector<WordEdit> out;
  auto add = [&](EditOp op, const std::string& text) {
    if (!out.empty() && out.back().op == op) {
      out.back().text += text;
    } else {
      out.push_back(WordEdit{op, text});
    }
  };
  for (std::size_t i = 0; i < edits.size(); ++i) {
    const WordEdit& edit = edits[i];
    if (edit.op == EditOp::erase && i + 1 < edits.size() && edits[i + 1].op == EditOp::insert &&
        without_spaces(normalize(edit.text)) == without_spaces(normalize(edits[i + 1].text))) {
      add(EditOp::equal, edits[++i].text);
    } else if (edit.op != EditOp::equal && without_spaces(edit.text).empty()) {
      if (edit.op == EditOp::insert) add(EditOp::equal, edit.text);
    } else {
      add(edit.op, edit.text);
    }
  }
  return out;
}

std::vector<std::vector<int>> moved_from_slots(const ContractDiff& diff) {
  // Unmoved entries with an old side stand in increasing old order along the list.
  std::vector<std::pair<int, int>> anchors;  // (old index, position)
  for (int p = 0; p < static_cast<int>(diff.clauses.size()); ++p) {
    const ClauseChange& change = diff.clauses[p];
    if (!change.moved && change.old_index >= 0) anchors.emplace_back(change.old_index, p);
  }
  std::vector<std::vector<int>> slots(diff.clauses.size() + 1);
  for (int p = 0; p < static_cast<int>(diff.clauses.size()); ++p) {
    const ClauseChange& change = diff.clauses[p];
    if (!change.moved) continue;
    auto after = std::lower_bound(anchors.begin(), anchors.end(), std::pair(change.old_index, -1));
    int slot = after == anchors.begin() ? 0 : (after - 1)->second + 1;
    slots[slot].push_back(p);
  }
  return slots;
}

}  // namespace clause_scan::diff
