// Party hits: the matches of rules/parties.toml, read per line with the range of their value.
//
// A value that is not captured runs from the end of its label to the next label of the same
// line: the next role (出租人（甲方）：<tabs>承租人（乙方）：), detail (电话：…  邮政编码：…) or
// alias (（以下简称“乙方”）). A role hit whose name is captured (XX公司（以下简称甲方）) is no such
// label: when its name lies inside another hit's value, it is that value's words, not a party.
#include <algorithm>

#include "extract/parties.h"
#include "util/text.h"

namespace clause_scan::extract::parties {
namespace {

constexpr std::string_view kAnyRoleWord = "any";

// Normalized text has ASCII spaces only (the ideographic space is folded).
std::string without_spaces(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c != ' ' && c != '\t') out += c;
  }
  return out;
}

// Where a label really begins: after the space, ',', ';', blank or bullet its pattern starts
// with.
std::size_t label_begin(const Context& context, std::size_t begin, std::size_t end) {
  const std::string& text = context.text();
  while (begin < end && std::string_view(" \t,;_-").find(text[begin]) != std::string_view::npos) {
    ++begin;
  }
  return begin;
}

std::optional<std::string> original_words(const Context& context, const Capture* capture) {
  if (capture == nullptr || capture->begin == capture->end) return std::nullopt;
  std::string_view words = context.document().source.original_span(capture->begin, capture->end);
  words = util::trim(words);
  if (words.empty()) return std::nullopt;
  return std::string(words);
}

using RoleWords = std::vector<const re2::RE2*>;

std::optional<RoleHit> role_hit(const Context& context, const RuleMatch& match,
                                const RoleWords& words) {
  const Capture* role = match.capture("role");
  if (role == nullptr) return std::nullopt;
  RoleHit hit;
  hit.role = without_spaces(context.words(*role));
  // A name that is "one side" of the contract (XX局为一方（以下简称“市国土局”）) defines a role,
  // and so does an organisation's name defined in quotes (XX有限公司（以下简称“雷诺士公司”）).
  bool any_role = match.rule->attribute("role_words") == kAnyRoleWord ||
                  match.capture("side") != nullptr || match.capture("quoted") != nullptr;
  if (!any_role && !matches_whole(words, hit.role)) return std::nullopt;
  hit.begin = label_begin(context, match.begin, match.end);
  hit.end = match.end;
  hit.alias = original_words(context, match.capture("alias"));
  if (const Capture* alias = match.capture("alias")) {
    hit.alias_is_role = matches_whole(words, without_spaces(context.words(*alias)));
  }
  if (const Capture* name = match.capture("name")) {
    hit.name = Span{name->begin, name->end};
    hit.name_follows = name->begin == name->end;
    // A captured name is where the party is written (由XX公司…: not the 由).
    if (!hit.name_follows) hit.begin = name->begin;
  }
  return hit;
}

std::optional<DetailHit> detail_hit(const Context& context, const RuleMatch& match) {
  std::optional<Field> field = parse_field(match.rule->attribute("field"));
  if (!field) return std::nullopt;
  DetailHit hit;
  hit.begin = label_begin(context, match.begin, match.end);
  hit.end = match.end;
  hit.field = *field;
  if (const Capture* role = match.capture("role")) hit.role = without_spaces(context.words(*role));
  const Capture* value = match.capture("value");
  hit.value = value != nullptr ? Span{value->begin, value->end} : Span{match.end, match.end};
  return hit;
}

bool overlaps(std::size_t a_begin, std::size_t a_end, std::size_t b_begin, std::size_t b_end) {
  return a_begin < b_end && b_begin < a_end;
}

// The span a role hit takes on its line: its label, or for a captured name the name.
Span label_span(const RoleHit& hit) {
  if (hit.name && !hit.name_follows) return *hit.name;
  return {hit.begin, hit.end};
}

bool is_label(const RoleHit& hit) { return !hit.name || hit.name_follows; }

// Of overlapping role hits, a role label wins over a captured name (借款人（以下称甲方）： is
// the role 借款人, not a party named 借款人), the shorter of two captured names wins (本合同由
// XX公司（以下简称甲方） names XX公司); else the first (the rules come in file order).
void drop_overlapping_roles(std::vector<RoleHit>& roles) {
  std::stable_sort(roles.begin(), roles.end(), [](const RoleHit& a, const RoleHit& b) {
    if (is_label(a) || is_label(b)) return is_label(a) && !is_label(b);
    return a.name->end - a.name->begin < b.name->end - b.name->begin;
  });
  std::vector<RoleHit> kept;
  auto keep_unless_clash = [&](RoleHit& hit) {
    Span span = label_span(hit);
    bool clash = std::any_of(kept.begin(), kept.end(), [&](const RoleHit& other) {
      Span other_span = label_span(other);
      return overlaps(span.begin, span.end, other_span.begin, other_span.end);
    });
    if (!clash) kept.push_back(std::move(hit));
  };
  for (RoleHit& hit : roles) keep_unless_clash(hit);
  std::stable_sort(kept.begin(), kept.end(),
                   [](const RoleHit& a, const RoleHit& b) { return a.begin < b.begin; });
  roles = std::move(kept);
}

// `other` labels give way to every other label; details give way to role labels.
void drop_overlapping_details(LineHits& line) {
  auto hides = [&](const DetailHit& detail) {
    for (const RoleHit& role : line.roles) {
      Span span = label_span(role);
      if (is_label(role) && overlaps(detail.begin, detail.end, span.begin, span.end)) return true;
    }
    if (detail.field != Field::other) return false;
    for (const DetailHit& other : line.details) {
      if (other.field != Field::other &&
          overlaps(detail.begin, detail.end, other.begin, other.end)) {
        return true;
      }
    }
    return false;
  };
  std::vector<DetailHit> kept;
  for (const DetailHit& detail : line.details) {
    if (!hides(detail)) kept.push_back(detail);
  }
  // Two `other` patterns may find the same label.
  kept.erase(std::unique(kept.begin(), kept.end(),
                         [](const DetailHit& a, const DetailHit& b) {
                           return overlaps(a.begin, a.end, b.begin, b.end);
                         }),
             kept.end());
  line.details = std::move(kept);
}

// Where the labels of a line begin, sorted.
std::vector<std::size_t> label_starts(const LineHits& line) {
  std::vector<std::size_t> starts;
  for (const RoleHit& role : line.roles) {
    if (is_label(role)) starts.push_back(role.begin);
  }
  for (const DetailHit& detail : line.details) starts.push_back(detail.begin);
  for (const AliasHit& alias : line.aliases) starts.push_back(alias.begin);
  std::sort(starts.begin(), starts.end());
  return starts;
}

// Where the bracket open at `begin` closes (XX公司（以下简称“X公司”，注册号为：123）, 和…):
// the end of the line when none is open or it does not close there.
std::size_t bracket_end(std::string_view line, std::size_t begin) {
  int depth = 0;
  for (std::size_t at = 0; at < begin; ++at)
    depth += line[at] == '(' ? 1 : line[at] == ')' ? -1 : 0;
  if (depth <= 0) return line.size();
  for (std::size_t at = begin, open = 0; at < line.size(); ++at) {
    if (line[at] == '(') ++open;
    if (line[at] != ')') continue;
    if (open == 0) return at;
    --open;
  }
  return line.size();
}

// A value that follows its label ends at the next label, at the bracket it is written in, or
// at the end of the line.
std::size_t value_end(const std::vector<std::size_t>& starts, std::size_t begin,
                      std::string_view line, std::size_t line_begin) {
  std::size_t end = line_begin + bracket_end(line, begin - line_begin);
  auto next = std::lower_bound(starts.begin(), starts.end(), begin);
  return next == starts.end() ? end : std::min(*next, end);
}

void close_values(LineHits& line, std::string_view text, std::size_t line_begin) {
  std::vector<std::size_t> starts = label_starts(line);
  for (RoleHit& role : line.roles) {
    if (role.name_follows) role.name->end = value_end(starts, role.name->begin, text, line_begin);
  }
  for (DetailHit& detail : line.details) {
    if (detail.value.begin == detail.value.end) {
      detail.value.end = value_end(starts, detail.value.begin, text, line_begin);
    }
  }
}

// A captured name inside another hit's value is that value's words (甲方：XX公司（以下简称
// 甲方）): the hit is dropped.
void drop_names_inside_values(LineHits& line) {
  auto inside = [&](const RoleHit& hit) {
    if (is_label(hit)) return false;
    std::size_t at = hit.name->begin;
    for (const RoleHit& role : line.roles) {
      if (role.name_follows && role.name->begin <= at && at < role.name->end) return true;
    }
    for (const DetailHit& detail : line.details) {
      if (detail.value.begin <= at && at < detail.value.end) return true;
    }
    return false;
  };
  line.roles.erase(std::remove_if(line.roles.begin(), line.roles.end(), inside), line.roles.end());
}

// An alias right after a role line's name (甲方：XX公司（以下简称“甲方”）, 承包人：（公章）XX公司
// （丙方）) is that party's alias; it ended the name.
void take_trailing_aliases(LineHits& line, const RoleWords& words) {
  for (RoleHit& role : line.roles) {
    if (!role.name_follows || role.alias) continue;
    for (const AliasHit& alias : line.aliases) {
      if (alias.begin != role.name->end) continue;
      role.alias = alias.alias;
      role.alias_is_role = matches_whole(words, without_spaces(alias.alias));
    }
  }
}

void finish_line(LineHits& line, std::string_view text, std::size_t line_begin,
                 const RoleWords& words) {
  auto by_begin = [](const auto& a, const auto& b) { return a.begin < b.begin; };
  std::stable_sort(line.roles.begin(), line.roles.end(), by_begin);
  std::stable_sort(line.details.begin(), line.details.end(), by_begin);
  drop_overlapping_roles(line.roles);
  drop_overlapping_details(line);
  close_values(line, text, line_begin);
  drop_names_inside_values(line);
  take_trailing_aliases(line, words);
}

}  // namespace

std::optional<Field> parse_field(std::string_view name) {
  static const std::map<std::string_view, Field> kFields = {
      {"name", Field::name},
      {"address", Field::address},
      {"postcode", Field::postcode},
      {"phone", Field::phone},
      {"fax", Field::fax},
      {"contact", Field::contact},
      {"legal_rep", Field::legal_rep},
      {"bank", Field::bank},
      {"account", Field::account},
      {"credit_code", Field::credit_code},
      {"account_name", Field::account_name},
      {"other", Field::other},
  };
  auto it = kFields.find(name);
  if (it == kFields.end()) return std::nullopt;
  return it->second;
}

std::map<int, LineHits> collect_hits(const Context& context) {
  return collect_hits(context, 1, context.document().source.line_count());
}

std::map<int, LineHits> collect_hits(const Context& context, int first_line, int last_line) {
  const SourceText& source = context.document().source;
  RoleWords words = patterns_of(context.resources().rules, "party_role");
  std::map<int, LineHits> lines;
  for (const RuleMatch* match : context.matches_on_lines("party", first_line, last_line)) {
    if (auto hit = role_hit(context, *match, words)) {
      lines[source.line(match->begin)].roles.push_back(std::move(*hit));
    }
  }
  for (const RuleMatch* match : context.matches_on_lines("party_detail", first_line, last_line)) {
    if (auto hit = detail_hit(context, *match)) {
      lines[source.line(match->begin)].details.push_back(*hit);
    }
  }
  for (const RuleMatch* match : context.matches_on_lines("party_alias", first_line, last_line)) {
    if (auto alias = original_words(context, match->capture("alias"))) {
      lines[source.line(match->begin)].aliases.push_back({match->begin, match->end, *alias});
    }
  }
  for (auto& [line, hits] : lines) {
    finish_line(hits, source.line_text(line), source.line_begin(line), words);
  }
  return lines;
}

}  // namespace clause_scan::extract::parties
