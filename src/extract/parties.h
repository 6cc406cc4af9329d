// extract/parties.h: the pieces of the party extractor (internal to the extract stage).
//
// extract_parties (parties.cpp) reads the rule matches of rules/parties.toml as "hits", one
// list per line (parties_hits.cpp): role hits (category `party`), detail hits (`party_detail`)
// and alias hits (`party_alias`). Each hit knows where its value lies: the words from the end
// of its label to the next label on the same line, or what the rule captured. The values are
// then read as the contract writes them (parties_value.cpp): trimmed, blanks to nothing.
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "extract/context.h"

namespace re2 {
class RE2;
}  // namespace re2

namespace clause_scan::extract::parties {

// What a detail label names; `other` labels name nothing the summary keeps.
enum class Field {
  name,
  address,
  postcode,
  phone,
  fax,
  contact,
  legal_rep,
  bank,
  account,
  credit_code,
  account_name,
  other,
};

// The field of a rule's `field` attribute, or nullopt for an unknown one.
std::optional<Field> parse_field(std::string_view name);

// A range of the normalized text.
struct Span {
  std::size_t begin = 0;
  std::size_t end = 0;
};

struct RoleHit {
  std::size_t begin = 0;  // the match
  std::size_t end = 0;
  std::string role;                  // spaces removed: "甲方"
  std::optional<std::string> alias;  // the original words
  bool alias_is_role = false;        // the alias is a role word too: 承包人（乙方）
  std::optional<Span> name;          // where the name is written; none: the line gives none
  bool name_follows = false;         // the name runs to the next label (not captured)
};

struct DetailHit {
  std::size_t begin = 0;
  std::size_t end = 0;
  Field field = Field::other;
  Span value;
  std::string role;  // 甲方 in 甲方联系人：, spaces removed; empty when the label has none
};

struct AliasHit {
  std::size_t begin = 0;
  std::size_t end = 0;
  std::string alias;  // the original words
};

// The hits of one line, each list in text order.
struct LineHits {
  std::vector<RoleHit> roles;
  std::vector<DetailHit> details;
  std::vector<AliasHit> aliases;
};

// The hits of the whole document by line number (1-based). Role hits whose role is not a
// role word (category `party_role`) are left out, as are hits that overlap an earlier role
// hit and `other` details that overlap any other label; a name captured inside another
// hit's value belongs to that hit (the captured-name hit is dropped).
std::map<int, LineHits> collect_hits(const Context& context);
// The same for the lines [first_line, last_line] only (each line's hits depend on that line
// alone).
std::map<int, LineHits> collect_hits(const Context& context, int first_line, int last_line);

// The compiled patterns of the rules of one category (the party_role and party_blank words).
std::vector<const re2::RE2*> patterns_of(const RuleSet& rules, std::string_view category);

// True when one of `patterns` matches the whole of `text`.
bool matches_whole(const std::vector<const re2::RE2*>& patterns, const std::string& text);

// Reads the value the contract writes in a span: the original words, trimmed of spaces, of
// the blank they were written on (____, ＿＿) and of trailing punctuation. Nothing when
// nothing is left, when a blank is still inside (a template: ＿＿县＿＿乡), when it is a
// template placeholder ({{x}}, ${x}) or a blank word of category party_blank (公章, 见本合同…).
// How a value is given back: names and addresses as the contract writes them; numbers and
// codes (postcode, phone, account …) normalized (０７３６ -> 0736), the form a database or a
// dialer takes; a registration code (统一社会信用代码, 18 characters; an old 注册号, 15) is its
// letters and digits only, without a remark after it (91330110MA2HYAEK1T(1/1)).
enum class ValueForm { as_written, normalized, code };

class ValueReader {
 public:
  explicit ValueReader(const Context& context);
  std::optional<std::string> read(Span span, ValueForm form = ValueForm::as_written) const;

 private:
  const Context& context_;
  std::vector<const re2::RE2*> blank_words_;
};

}  // namespace clause_scan::extract::parties
