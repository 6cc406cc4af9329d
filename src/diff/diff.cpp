// diff.cpp: diff_contracts, from two documents and their summaries to a ContractDiff.
#include <cmath>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "clause_scan/diff.h"
#include "diff/align.h"
#include "diff/units.h"

namespace clause_scan {
namespace {

using diff::Alignment;
using diff::Unit;

// (old unit, new unit) in the order of the diff: the new version's order, each deleted unit
// after the unit its nearest unmoved predecessor became (or first of all).
std::vector<std::pair<int, int>> ordered_pairs(const Alignment& alignment) {
  const int old_count = static_cast<int>(alignment.old_to_new.size());
  const int new_count = static_cast<int>(alignment.new_to_old.size());
  std::vector<std::vector<int>> deleted_after(new_count + 1);  // [0]: before everything
  int slot = 0;
  for (int a = 0; a < old_count; ++a) {
    const int b = alignment.old_to_new[a];
    if (b < 0) {
      deleted_after[slot].push_back(a);
    } else if (!alignment.moved[a]) {
      slot = b + 1;
    }
  }
  std::vector<std::pair<int, int>> pairs;
  for (int a : deleted_after[0]) pairs.emplace_back(a, -1);
  for (int b = 0; b < new_count; ++b) {
    pairs.emplace_back(alignment.new_to_old[b], b);
    for (int a : deleted_after[b + 1]) pairs.emplace_back(a, -1);
  }
  return pairs;
}

// Share of the characters the two texts have in common along the edit script: 2E / (2E + D
// + I), white space not counted unless it is compared.
double similarity_of(const std::vector<WordEdit>& edits, TextCompare compare) {
  double equal = 0, changed = 0;
  for (const WordEdit& edit : edits) {
    std::string_view text = edit.text;
    double chars = 0;
    for (std::size_t at = 0; at < text.size();) {
      std::size_t space = diff::space_length(text, at);
      if (space > 0 && compare == TextCompare::normalized) {
        at += space;
        continue;
      }
      chars += 1;
      at += std::max<std::size_t>(space, 1);
      while (at < text.size() && (static_cast<unsigned char>(text[at]) & 0xC0) == 0x80) ++at;
    }
    (edit.op == EditOp::equal ? equal : changed) += chars;
  }
  if (equal + changed == 0) return 1.0;
  return std::round(2 * equal / (2 * equal + changed) * 1000) / 1000;
}

ClauseChange make_change(const Unit* old_unit, const Unit* new_unit) {
  ClauseChange change;
  const Unit& any = new_unit ? *new_unit : *old_unit;
  change.head = any.is_head();
  change.heading = any.heading;
  if (old_unit) {
    change.old_number = old_unit->number;
    change.old_path = old_unit->path;
    change.old_line = old_unit->line;
    change.old_text = old_unit->body;
  }
  if (new_unit) {
    change.new_number = new_unit->number;
    change.new_path = new_unit->path;
    change.new_line = new_unit->line;
    change.new_text = new_unit->body;
  }
  if (!old_unit) {
    change.status = ClauseStatus::added;
  } else if (!new_unit) {
    change.status = ClauseStatus::deleted;
  } else {
    change.status =
        old_unit->key == new_unit->key ? ClauseStatus::unchanged : ClauseStatus::modified;
    change.similarity = 1;
    change.renumbered = !change.head && old_unit->number != new_unit->number;
  }
  return change;
}

// Where an item of a summary stands: the unit holding its words, named by the unit of the
// new version it became ("u12"), or as a deleted unit of the old one ("d7").
class Places {
 public:
  Places(const Document& document, const std::vector<Unit>& units) : document_(document) {
    for (int i = 0; i < static_cast<int>(units.size()); ++i) {
      if (units[i].is_head()) {
        head_ = i;
      } else {
        index_[units[i].clause] = i;
      }
    }
  }

  // The unit holding `source`, or -1; nullopt when the item carries no offsets.
  std::optional<int> unit_of(const SourceRef& source) const {
    if (source.begin == 0 && source.end == 0) return std::nullopt;
    const Clause* clause = document_.outline.clause_at(source.begin);
    if (clause == nullptr) return head_;
    auto found = index_.find(clause);
    return found == index_.end() ? -1 : found->second;
  }

 private:
  const Document& document_;
  std::unordered_map<const Clause*, int> index_;
  int head_ = -1;
};

FieldPlaces field_places(const Places& old_places, const Places& new_places,
                         const Alignment& alignment) {
  FieldPlaces places;
  places.old_place = [&old_places, &alignment](const SourceRef& source) {
    std::optional<int> unit = old_places.unit_of(source);
    if (!unit) return "p" + source.clause;
    if (*unit < 0) return std::string("?");
    int matched = alignment.old_to_new[*unit];
    return fmt::format("{}{}", matched >= 0 ? 'u' : 'd', matched >= 0 ? matched : *unit);
  };
  places.new_place = [&new_places](const SourceRef& source) {
    std::optional<int> unit = new_places.unit_of(source);
    if (!unit) return "p" + source.clause;
    return *unit < 0 ? std::string("?") : fmt::format("u{}", *unit);
  };
  return places;
}

DiffCounts count(const std::vector<ClauseChange>& changes) {
  DiffCounts counts;
  for (const ClauseChange& change : changes) {
    switch (change.status) {
      case ClauseStatus::unchanged:
        ++counts.unchanged;
        break;
      case ClauseStatus::modified:
        ++counts.modified;
        break;
      case ClauseStatus::added:
        ++counts.added;
        break;
      case ClauseStatus::deleted:
        ++counts.deleted;
        break;
    }
    counts.moved += change.moved ? 1 : 0;
    counts.renumbered += change.renumbered ? 1 : 0;
  }
  return counts;
}

}  // namespace

std::string_view to_string(ClauseStatus status) {
  switch (status) {
    case ClauseStatus::unchanged:
      return "unchanged";
    case ClauseStatus::modified:
      return "modified";
    case ClauseStatus::added:
      return "added";
    case ClauseStatus::deleted:
      return "deleted";
  }
  return "unchanged";
}

std::string_view to_string(EditOp op) {
  switch (op) {
    case EditOp::equal:
      return "equal";
    case EditOp::erase:
      return "delete";
    case EditOp::insert:
      return "insert";
  }
  return "equal";
}

bool ContractDiff::identical() const {
  return counts.modified == 0 && counts.added == 0 && counts.deleted == 0 && counts.moved == 0 &&
         counts.renumbered == 0 && fields.empty();
}

Result<ContractDiff> diff_contracts(const DiffSide& old_side, const DiffSide& new_side,
                                    const TermList& terms, const DiffOptions& options) {
  const std::vector<Unit> olds = diff::build_units(old_side.document, options.compare);
  const std::vector<Unit> news = diff::build_units(new_side.document, options.compare);
  const Alignment alignment = diff::align_units(olds, news);

  ContractDiff result;
  result.old_file = old_side.document.file;
  result.new_file = new_side.document.file;
  result.compare = options.compare;
  std::optional<Segmenter> segmenter;  // made on the first modified clause
  for (auto [a, b] : ordered_pairs(alignment)) {
    ClauseChange change = make_change(a >= 0 ? &olds[a] : nullptr, b >= 0 ? &news[b] : nullptr);
    change.old_index = a;
    change.new_index = b;
    change.moved = a >= 0 && b >= 0 && alignment.moved[a];
    if (change.status == ClauseStatus::modified) {
      if (!segmenter) {
        Result<Segmenter> created = Segmenter::create(terms);
        if (!created.ok()) return created.error();
        segmenter.emplace(std::move(created).value());
      }
      change.edits = diff_words(change.old_text, change.new_text, *segmenter, options.compare);
      change.similarity = similarity_of(change.edits, options.compare);
    }
    result.clauses.push_back(std::move(change));
  }
  result.counts = count(result.clauses);

  const Places old_places(old_side.document, olds), new_places(new_side.document, news);
  result.fields = diff_fields(old_side.summary, new_side.summary, options.compare,
                              field_places(old_places, new_places, alignment));
  return result;
}

}  // namespace clause_scan
