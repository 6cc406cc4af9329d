// Parties: role lines and the detail lines that follow them; appendix repeats merged.
//
// The document is read line by line with the hits of parties_hits.cpp. A line with a role hit
// opens (or reopens) a party; the detail lines after it (地址：…, 电话：… 邮政编码：…) fill that
// party, with blank lines and other short "label：value" lines between them, up to a line that
// is none of these or begins a clause. A line "户名：X" where X is a known party's name opens
// that party's block (a payee account written in a payment clause). Signature blocks set side
// by side (甲方：…<tab>乙方：… then 电话：…<tab>电话：…) are read as columns: the n-th 电话 of a
// line is the n-th party's.
//
// One entry per distinct party: a role line names the same party as an earlier entry when its
// role or alias is that entry's role or alias (甲方（盖章） is 甲方（委托人）; 委托方（盖章） is
// 甲方（委托方）), except that one role with two different aliases names two parties
// (承包人（乙方） and 承包人（丙方） of a consortium). A repeated party fills the fields it lacks
// and never changes a field already read (the first value stays). A detail whose label names
// a role (乙方联系人：) belongs to that party wherever it is written.
//
// Who is who: role hits, values and the vocabulary come from rules/parties.toml (categories
// party, party_detail, party_alias, party_role, party_blank; see the top of that file).
#include <algorithm>
#include <map>
#include <set>

#include "extract/extractors.h"
#include "extract/parties.h"
#include "util/text.h"

namespace clause_scan::extract {
namespace {

using parties::AliasHit;
using parties::DetailHit;
using parties::Field;
using parties::LineHits;
using parties::RoleHit;

constexpr int kNoParty = -1;

// An entry and what the reader knows of it beyond the Party.
struct Entry {
  Party party;
  bool alias_is_role = false;  // 乙方 in 承包人（乙方）
};

bool names_same_party(const Entry& entry, const RoleHit& hit) {
  const Party& party = entry.party;
  const std::optional<std::string>& alias = hit.alias;
  // 承包人（乙方） and 承包人（丙方）: one role, two parties.
  bool two_roles =
      alias && party.alias && *alias != *party.alias && hit.alias_is_role && entry.alias_is_role;
  if (two_roles && hit.role == party.role) return false;
  return hit.role == party.role || hit.role == party.alias ||
         (alias && (*alias == party.role || alias == party.alias));
}

void fill(std::optional<std::string>& slot, std::optional<std::string> value) {
  if (!slot && value) slot = std::move(value);
}

std::optional<std::string>* slot_of(Party& party, Field field) {
  switch (field) {
    case Field::name:
      return &party.name;
    case Field::address:
      return &party.address;
    case Field::postcode:
      return &party.postcode;
    case Field::phone:
      return &party.phone;
    case Field::fax:
      return &party.fax;
    case Field::contact:
      return &party.contact;
    case Field::legal_rep:
      return &party.legal_rep;
    case Field::bank:
      return &party.bank;
    case Field::account:
      return &party.account;
    case Field::credit_code:
      return &party.credit_code;
    case Field::account_name:
    case Field::other:
      return nullptr;
  }
  return nullptr;
}

parties::ValueForm form_of(Field field) {
  switch (field) {
    case Field::postcode:
    case Field::phone:
    case Field::fax:
    case Field::account:
      return parties::ValueForm::normalized;
    case Field::credit_code:
      return parties::ValueForm::code;
    default:
      return parties::ValueForm::as_written;
  }
}

class PartyReader {
 public:
  explicit PartyReader(const Context& context) : context_(context), values_(context) {
    for (const Clause* clause : context.document().outline.flatten()) {
      clause_lines_.insert(clause->line);
    }
  }

  void read_line(int line, const LineHits* hits) {
    if (hits != nullptr && !hits->roles.empty()) return read_role_line(*hits);
    if (clause_lines_.count(line) > 0) return close();
    if (hits != nullptr && !hits->details.empty() &&
        opens_with_label(line, hits->details.front())) {
      return read_detail_line(*hits);
    }
    if (!util::trim(context_.document().source.line_text(line)).empty()) close();
  }

  std::vector<Party> take() {
    std::vector<Party> parties;
    for (Entry& entry : entries_) parties.push_back(std::move(entry.party));
    return parties;
  }

 private:
  void close() {
    current_ = kNoParty;
    columns_.clear();
  }

  // Hits of the line in text order; a detail or alias goes to the party opened before it.
  void read_role_line(const LineHits& hits) {
    std::size_t role = 0, detail = 0, alias = 0;
    const RoleHit* last_role = nullptr;
    columns_.clear();
    while (role < hits.roles.size() || detail < hits.details.size() ||
           alias < hits.aliases.size()) {
      std::size_t role_at = role < hits.roles.size() ? hits.roles[role].begin : SIZE_MAX;
      std::size_t detail_at = detail < hits.details.size() ? hits.details[detail].begin : SIZE_MAX;
      std::size_t alias_at = alias < hits.aliases.size() ? hits.aliases[alias].begin : SIZE_MAX;
      if (role_at <= detail_at && role_at <= alias_at) {
        last_role = &hits.roles[role++];
        open(*last_role);
        columns_.push_back(current_);
      } else if (detail_at <= alias_at) {
        apply(hits.details[detail++]);
      } else {
        apply(hits.aliases[alias++], last_role);
      }
    }
    if (columns_.size() < 2) columns_.clear();
  }

  void read_detail_line(const LineHits& hits) {
    if (!columns_.empty()) return read_detail_columns(hits);
    const DetailHit& first = hits.details.front();
    if (first.field == Field::account_name) {
      if (auto holder = values_.read(first.value)) {
        if (int index = find_by_name(*holder); index != kNoParty) current_ = index;
      }
    }
    for (const DetailHit& detail : hits.details) apply(detail);
  }

  // The n-th label of a field on the line belongs to the n-th party of the role line.
  void read_detail_columns(const LineHits& hits) {
    std::map<Field, std::size_t> seen;
    for (const DetailHit& detail : hits.details) {
      std::size_t column = seen[detail.field]++;
      if (column >= columns_.size()) continue;
      current_ = columns_[column];
      apply(detail);
    }
    current_ = columns_.back();
  }

  // True when only spaces or a bullet stand before the first label of the line.
  bool opens_with_label(int line, const DetailHit& first) const {
    const SourceText& source = context_.document().source;
    std::string_view before(source.text().data() + source.line_begin(line),
                            first.begin - source.line_begin(line));
    return before.find_first_not_of(" \t-*") == std::string_view::npos;
  }

  void open(const RoleHit& hit) {
    current_ = find(hit);
    if (current_ == kNoParty) {
      current_ = static_cast<int>(entries_.size());
      entries_.push_back({new_party(hit), false});
    }
    Entry& entry = entries_[current_];
    if (!entry.party.alias) {
      if (hit.alias && *hit.alias != entry.party.role) {
        entry.party.alias = hit.alias;
        entry.alias_is_role = hit.alias_is_role;
      } else if (hit.role != entry.party.role) {
        entry.party.alias = hit.role;
        entry.alias_is_role = true;
      }
    }
    if (hit.name) fill(entry.party.name, name_of(*hit.name));
  }

  // A party's name is no sentence: 甲方：负责提供场地，并… in a list of duties names nobody.
  std::optional<std::string> name_of(parties::Span span) const {
    std::optional<std::string> name = values_.read(span);
    if (!name) return name;
    std::string normalized = normalize(*name);
    if (normalized.find_first_of(",;") != std::string::npos ||
        normalized.find("。") != std::string::npos) {
      return std::nullopt;
    }
    return name;
  }

  Party new_party(const RoleHit& hit) const {
    Party party;
    party.role = hit.role;
    std::size_t end = hit.name ? std::max(hit.end, hit.name->end) : hit.end;
    std::size_t begin = hit.name ? std::min(hit.begin, hit.name->begin) : hit.begin;
    party.source = context_.source(begin, end);
    party.source.text = std::string(util::trim(party.source.text));
    return party;
  }

  int find(const RoleHit& hit) const {
    for (std::size_t i = 0; i < entries_.size(); ++i) {
      if (names_same_party(entries_[i], hit)) return static_cast<int>(i);
    }
    return kNoParty;
  }

  int find_by_role(std::string_view role) const {
    for (std::size_t i = 0; i < entries_.size(); ++i) {
      const Party& party = entries_[i].party;
      if (party.role == role || party.alias == role) return static_cast<int>(i);
    }
    return kNoParty;
  }

  int find_by_name(std::string_view name) const {
    for (std::size_t i = 0; i < entries_.size(); ++i) {
      if (entries_[i].party.name == name) return static_cast<int>(i);
    }
    return kNoParty;
  }

  void apply(const DetailHit& detail) {
    if (!detail.role.empty()) current_ = find_by_role(detail.role);
    if (current_ == kNoParty) return;
    if (auto* slot = slot_of(entries_[current_].party, detail.field)) {
      fill(*slot, values_.read(detail.value, form_of(detail.field)));
    }
  }

  // 以下简称“乙方” after a party's name: the party's alias.
  void apply(const AliasHit& alias, const RoleHit* role) {
    if (current_ == kNoParty || role == nullptr || alias.begin < role->begin) return;
    Party& party = entries_[current_].party;
    if (!party.alias && alias.alias != party.role) party.alias = alias.alias;
  }

  const Context& context_;
  parties::ValueReader values_;
  std::set<int> clause_lines_;
  std::vector<Entry> entries_;
  int current_ = kNoParty;
  std::vector<int> columns_;  // the parties of a role line that names several, in order
};

}  // namespace

void extract_parties(const Context& context, Summary& summary) {
  std::map<int, LineHits> hits = parties::collect_hits(context);
  if (hits.empty()) return;
  PartyReader reader(context);
  const int last_line = context.document().source.line_count();
  for (int line = 1; line <= last_line; ++line) {
    auto it = hits.find(line);
    reader.read_line(line, it == hits.end() ? nullptr : &it->second);
  }
  summary.parties = reader.take();
}

}  // namespace clause_scan::extract
