// numbering.cpp: duplicate clause numbers and numbering that skips or goes back.
//
// Numbers are compared within a family (clause_number.h): siblings of one parent, except
// articles (第N条), which run on across chapters and are compared over their whole part.
#include <initializer_list>
#include <map>
#include <set>
#include <string>
#include <string_view>

#include "check/clause_number.h"
#include "check/internal.h"

namespace clause_scan::check_detail {
namespace {

// Lists (1. 2. / (1) / a) / ① / 一、) start again at 1 under headings the outline does not
// number (a Markdown "## 付款方式", a bold line, the 使用说明 before a model contract), and
// Markdown writes every item "1." (or an export "0."): a 0 or 1 opens a new list, not a
// duplicate. Articles restart at 第一条 too (model contracts such as GF-1999-0201 restart them
// in each 部分). Chapters and 4.1-style numbers never restart within a part.
bool restarts(const std::string& family) {
  for (std::string_view form :
       {"paren_chinese", "paren_arabic", "arabic_paren", "letter", "circled", "chinese"}) {
    if (family.starts_with(form)) return true;
  }
  return family == "decimal " || family == "article 条";
}

// The words of a Chinese message, with a space where a figure meets a Chinese word, as
// Chinese text sets figures off: {"条款编号从", "3.1", "跳到", "3.3"} -> "条款编号从 3.1 跳到
// 3.3", while "第三条" joins its neighbours without one.
std::string zh_words(std::initializer_list<std::string_view> parts) {
  std::string text;
  for (std::string_view part : parts) {
    if (part.empty()) continue;
    const bool ascii_before = !text.empty() && static_cast<unsigned char>(text.back()) < 0x80;
    const bool ascii_after = static_cast<unsigned char>(part.front()) < 0x80;
    if (!text.empty() && ascii_before != ascii_after) text += ' ';
    text += part;
  }
  return text;
}

// Walks one sequence of clauses (siblings, or the articles of a part) and reports what is
// out of sequence within each family.
class SequenceChecker {
 public:
  explicit SequenceChecker(FindingSink& sink) : sink_(sink) {}

  void add(const Clause& clause, const ClauseNumber& number) {
    Family& family = families_[number.family];
    if (number.value <= 1 && restarts(number.family)) family = Family{};
    const std::size_t offset = clause.begin;
    // Messages name no line: they are part of the baseline fingerprint, which must survive
    // lines added above.
    const std::string& now = clause.number;
    const std::string& last = family.last_number;
    if (family.values.count(number.value) > 0) {
      sink_.at_offset(
          check_id::duplicate_clause_number, Severity::error,
          {zh_words({"条款编号", now, "重复出现"}), "clause number " + now + " is used twice"},
          offset);
    } else if (family.last && number.value > *family.last + 1) {
      sink_.at_offset(check_id::clause_number_gap, Severity::warning,
                      {zh_words({"条款编号从", last, "跳到", now}),
                       "clause numbering jumps from " + last + " to " + now},
                      offset);
    } else if (family.last && number.value < *family.last) {
      sink_.at_offset(check_id::clause_number_gap, Severity::warning,
                      {zh_words({"条款", now, "排在", last, "之后，编号倒退"}),
                       "clause " + now + " comes after " + last + ": numbering goes back"},
                      offset);
    }
    family.values.insert(number.value);
    family.last = number.value;
    family.last_number = clause.number;
  }

 private:
  struct Family {
    std::set<long> values;
    std::optional<long> last;
    std::string last_number;
  };
  FindingSink& sink_;
  std::map<std::string, Family> families_;
};

bool is_article(const Clause& clause) { return clause.style == NumberStyle::article; }

// Siblings (articles excepted), then each child's own children.
void check_siblings(const std::vector<Clause>& siblings, FindingSink& sink) {
  SequenceChecker sequence(sink);
  for (const Clause& clause : siblings) {
    if (clause.style == NumberStyle::part || is_article(clause)) continue;
    if (std::optional<ClauseNumber> number = read_clause_number(clause)) {
      sequence.add(clause, *number);
    }
  }
  for (const Clause& clause : siblings) check_siblings(clause.children, sink);
}

void check_articles(const OutlinePart& part, FindingSink& sink) {
  SequenceChecker sequence(sink);
  for (const Clause* clause : part.clauses) {
    if (!is_article(*clause)) continue;
    if (std::optional<ClauseNumber> number = read_clause_number(*clause)) {
      sequence.add(*clause, *number);
    }
  }
}

}  // namespace

void check_numbering(FindingSink& sink) {
  const Outline& outline = sink.document().outline;
  check_siblings(outline.clauses(), sink);
  for (const OutlinePart& part : split_parts(outline)) check_articles(part, sink);
}

}  // namespace clause_scan::check_detail
