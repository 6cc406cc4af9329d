// references.cpp: cross-references to clauses that do not exist (见第 2.2 款, 按本合同第十条).
//
// Only references the wording marks as internal are read: 第… preceded by a verb of
// reference (见, 按/按照, 依照, 根据, 符合, 违反, 适用 …) or by 本合同 / 本协议 / 合同 / 协议.
// 《民法典》第五百八十五条 is preceded by 》 and is left alone. A reference is resolved in its
// own part of the outline, and from an appendix also in the main contract. Kinds of number
// the part does not use at all (no chapters, no 4.1-style numbers) are not judged, since the
// reference then most likely points into another document.
#include <re2/re2.h>

#include <memory>
#include <string>

#include "check/clause_number.h"
#include "check/internal.h"

namespace clause_scan::check_detail {
namespace {

const RE2& reference_pattern() {
  static const std::unique_ptr<RE2> pattern = [] {
    RE2::Options options;
    options.set_log_errors(false);
    return std::make_unique<RE2>(
        "(?:见|按|照|依|据|合|行|用|反|同|如|即|本合同|本协议|本条款|合同|协议)[ \\t]*"
        "第[ \\t]*([0-9]+(?:[.-][0-9]+)*|[一二三四五六七八九十百零〇两]+)[ \\t]*(条|款|项|章|节)",
        options);
  }();
  return *pattern;
}

struct Reference {
  std::string number;  // "2.2", "十"
  std::string unit;    // 条 款 项 章 节
  std::size_t offset;  // of 第
};

// What a part of the outline holds, in the terms references use.
struct PartIndex {
  const Clause* part = nullptr;
  std::set<std::string> dotted;  // "2.2" (multi-level decimal numbers, '.' separated)
  std::set<long> articles;       // 第N条
  std::set<long> plain;          // 一、 and 1. (single-level numbers a 第N条 may mean)
  std::set<long> chapters;       // 第N章 / 第N节

  // True when the part uses this kind of number at all, so a miss means something.
  bool judges(const Reference& ref) const {
    if (ref.unit == "章" || ref.unit == "节") return !chapters.empty();
    if (ref.number.find_first_of(".-") != std::string::npos) return !dotted.empty();
    if (ref.unit != "条") return false;  // 第二款, 第三项: relative to the clause they are in
    return !articles.empty() || !plain.empty();
  }

  bool has(const Reference& ref) const {
    if (ref.unit == "章" || ref.unit == "节") {
      std::optional<long> value = read_integer(ref.number);
      return value && chapters.count(*value) > 0;
    }
    if (ref.number.find_first_of(".-") != std::string::npos) {
      std::string dotted_number = ref.number;
      for (char& c : dotted_number) c = c == '-' ? '.' : c;
      return dotted.count(dotted_number) > 0;
    }
    std::optional<long> value = read_integer(ref.number);
    if (!value) return true;
    return articles.empty() ? plain.count(*value) > 0 : articles.count(*value) > 0;
  }
};

PartIndex index_part(const OutlinePart& part) {
  PartIndex index;
  index.part = part.part;
  for (const Clause* clause : part.clauses) {
    std::optional<ClauseNumber> number = read_clause_number(*clause);
    if (!number) continue;
    if (clause->style == NumberStyle::article) index.articles.insert(number->value);
    if (clause->style == NumberStyle::chapter) index.chapters.insert(number->value);
    if (clause->style == NumberStyle::chinese) index.plain.insert(number->value);
    if (clause->style == NumberStyle::decimal) {
      if (number->family == "decimal ") {
        index.plain.insert(number->value);
      } else {
        index.dotted.insert(number->family.substr(8) + "." + std::to_string(number->value));
      }
    }
  }
  return index;
}

std::vector<Reference> find_references(const std::string& text) {
  std::vector<Reference> references;
  re2::StringPiece input(text);
  re2::StringPiece groups[3];
  std::size_t position = 0;
  while (position < text.size() &&
         reference_pattern().Match(input, position, text.size(), RE2::UNANCHORED, groups, 3)) {
    std::size_t number_begin = groups[1].data() - text.data();
    std::size_t ordinal = text.rfind("第", number_begin);
    references.push_back(Reference{std::string(groups[1]), std::string(groups[2]), ordinal});
    position = groups[0].data() - text.data() + groups[0].size();
  }
  return references;
}

// The part an offset is in: the last part that begins at or before it, else the main one.
std::size_t part_of(const std::vector<PartIndex>& parts, std::size_t offset) {
  std::size_t found = 0;
  for (std::size_t i = 1; i < parts.size(); ++i) {
    if (parts[i].part->begin <= offset) found = i;
  }
  return found;
}

// Where the clause is missing: the main contract, or an appendix by its number or title.
Message part_name(const PartIndex& part) {
  if (part.part == nullptr) return {"本合同", "the contract"};
  std::string name = !part.part->number.empty() ? part.part->number : part.part->heading;
  if (name.empty()) return {"本部分", "this part"};
  return {quote_words(name), quote_words(name)};
}

}  // namespace

void check_references(FindingSink& sink) {
  const Document& document = sink.document();
  if (document.outline.clauses().empty() || !sink.enabled(check_id::dangling_reference)) return;
  std::vector<PartIndex> parts;
  for (const OutlinePart& part : split_parts(document.outline)) parts.push_back(index_part(part));
  for (const Reference& ref : find_references(document.source.text())) {
    const PartIndex& own = parts[part_of(parts, ref.offset)];
    const PartIndex& main = parts.front();
    bool judged = own.judges(ref) || (&own != &main && main.judges(ref));
    if (!judged || (own.judges(ref) && own.has(ref)) || (&own != &main && main.has(ref))) continue;
    const std::string target = "第" + ref.number + ref.unit;
    const Message where = part_name(own);
    sink.at_offset(check_id::dangling_reference, Severity::error,
                   {"引用了不存在的条款：" + target + "（" + where.zh + "中没有该条款）",
                    "reference to " + target + ": " + where.en + " has no such clause"},
                   ref.offset);
  }
}

}  // namespace clause_scan::check_detail
