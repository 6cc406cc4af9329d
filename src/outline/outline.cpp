// outline.cpp: the Outline value type, its offset index and the clause paths.
#include <algorithm>
#include <string>
#include <vector>

#include "clause_scan/outline.h"

namespace clause_scan {
namespace {

// A clause whose number names itself in a path: a multi-level decimal ("9.3", "1-2"), an
// article or a chapter.
bool is_anchor(const Clause& clause) {
  switch (clause.style) {
    case NumberStyle::chapter:
    case NumberStyle::article:
      return true;
    case NumberStyle::decimal:
      return clause.number.find_first_of(".-") != std::string::npos;
    default:
      return false;
  }
}

// `chain` runs from the top-level clause of a part (or of the document) down to the clause.
std::string path_of(const std::vector<const Clause*>& chain) {
  std::size_t start = 0;
  for (std::size_t i = chain.size(); i-- > 0;) {
    if (is_anchor(*chain[i])) {
      start = i;
      break;
    }
  }
  std::string path;
  for (std::size_t i = start; i < chain.size(); ++i) {
    path += chain[i]->number;
    if (i + 1 == chain.size()) break;
    if (chain[i]->style == NumberStyle::chinese) path += "、";
    // A list of single numbers inside a numbered clause (42. …如下： / 1.): "42.1", not "421".
    const bool decimals =
        chain[i]->style == NumberStyle::decimal && chain[i + 1]->style == NumberStyle::decimal;
    if (decimals) path += ".";
  }
  return path;
}

}  // namespace

std::string_view to_string(NumberStyle style) {
  switch (style) {
    case NumberStyle::part:
      return "part";
    case NumberStyle::chapter:
      return "chapter";
    case NumberStyle::article:
      return "article";
    case NumberStyle::chinese:
      return "chinese";
    case NumberStyle::paren_chinese:
      return "paren_chinese";
    case NumberStyle::decimal:
      return "decimal";
    case NumberStyle::paren_arabic:
      return "paren_arabic";
    case NumberStyle::arabic_paren:
      return "arabic_paren";
    case NumberStyle::letter:
      return "letter";
    case NumberStyle::circled:
      return "circled";
  }
  return "decimal";
}

Outline::Outline(std::vector<Clause> clauses) : clauses_(std::move(clauses)) { build_index(); }

Outline::Outline(const Outline& other) : clauses_(other.clauses_) { build_index(); }

Outline& Outline::operator=(const Outline& other) {
  if (this != &other) {
    clauses_ = other.clauses_;
    build_index();
  }
  return *this;
}

void Outline::build_index() {
  entries_.clear();
  // The numbers from the top-level clause of the part (or of the document) down; a part is
  // always top-level and contributes no number.
  std::vector<const Clause*> chain;
  auto visit = [&](auto& self, const Clause& clause, int parent) -> void {
    const bool is_part = clause.style == NumberStyle::part;
    if (!is_part) chain.push_back(&clause);
    const int index = static_cast<int>(entries_.size());
    entries_.push_back({clause.begin, clause.end, &clause, is_part ? "" : path_of(chain), parent});
    for (const Clause& child : clause.children) self(self, child, index);
    if (!is_part) chain.pop_back();
  };
  for (const Clause& clause : clauses_) visit(visit, clause, -1);
}

int Outline::entry_at(std::size_t offset) const {
  auto after = std::upper_bound(entries_.begin(), entries_.end(), offset,
                                [](std::size_t value, const Entry& e) { return value < e.begin; });
  int index = static_cast<int>(after - entries_.begin()) - 1;
  while (index >= 0 && offset >= entries_[index].end) index = entries_[index].parent;
  return index;
}

const Clause* Outline::clause_at(std::size_t offset) const {
  const int index = entry_at(offset);
  return index >= 0 ? entries_[index].clause : nullptr;
}

std::string Outline::path_at(std::size_t offset) const {
  const int index = entry_at(offset);
  return index >= 0 ? entries_[index].path : std::string();
}

std::vector<const Clause*> Outline::flatten() const {
  std::vector<const Clause*> flat;
  flat.reserve(entries_.size());
  for (const Entry& entry : entries_) flat.push_back(entry.clause);
  return flat;
}

}  // namespace clause_scan
