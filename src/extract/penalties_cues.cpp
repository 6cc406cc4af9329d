// The words around a penalty statement: roles and who pays, per-period words, what is late.
//
// Roles come from category "penalty_role" (each rule a pair of counterparts) and, in a
// contract whose two parties have role words of their own (用地者, 市国土局), from the
// parties the parties extractor found. The side a role takes comes from category
// "penalty_party", whose `role` capture ends where the role ends (the capture may start
// earlier: "则乙方" before 应). A statement's payer is the last role
// that "pays" before its rate, else the first other role of its sentence (the subject of
// "乙方逾期交货的，…"); its payee the last role that "is paid"; what the sentence leaves
// open comes from its line, and a missing side is the counterpart of the other. Only the
// statements' lines are read: every span asked about lies within one of them.
#include <algorithm>
#include <array>
#include <map>

#include "extract/penalties_parts.h"

namespace clause_scan::extract::penalty {
namespace {

constexpr std::array<std::string_view, 4> kSentenceEnds = {"。", ";", "!", "?"};

bool inside(Span inner, Span outer) { return inner.begin >= outer.begin && inner.end <= outer.end; }

std::optional<RatePer> parse_per(std::string_view name) {
  if (name == "day") return RatePer::day;
  if (name == "week") return RatePer::week;
  if (name == "month") return RatePer::month;
  if (name == "year") return RatePer::year;
  return std::nullopt;
}

// role -> counterpart, from the attributes first/second of the penalty_role rules.
std::map<std::string, std::string, std::less<>> counterparts(const RuleSet& rules) {
  std::map<std::string, std::string, std::less<>> pairs;
  for (const auto& rule : rules.rules()) {
    if (rule->category != "penalty_role") continue;
    std::string first(rule->attribute("first"));
    std::string second(rule->attribute("second"));
    pairs.emplace(first, second);
    if (!second.empty()) pairs.emplace(second, first);
  }
  return pairs;
}

// The matches of `category` on `lines`, in document order.
std::vector<const RuleMatch*> matches_on(const Context& context, std::string_view category,
                                         const std::vector<int>& lines) {
  std::vector<const RuleMatch*> matches;
  for (int line : lines) {
    for (const RuleMatch* match : context.matches_on_lines(category, line, line)) {
      matches.push_back(match);
    }
  }
  return matches;
}

std::vector<RoleMention> find_mentions(
    const Context& context, const std::vector<int>& lines,
    const std::map<std::string, std::string, std::less<>>& pairs) {
  std::vector<RoleMention> mentions;
  for (const RuleMatch* match : matches_on(context, "penalty_role", lines)) {
    RoleMention mention;
    mention.span = {match->begin, match->end};
    mention.role = std::string(context.words(*match));
    // Other words for a role of the pair: 任何一方 is whichever party breaches, the 违约方.
    for (std::string_view side : {"first", "second"}) {
      if (match->capture(side) != nullptr) mention.role = match->rule->attribute(side);
    }
    auto pair = pairs.find(mention.role);
    if (pair != pairs.end()) mention.counterpart = pair->second;
    mentions.push_back(std::move(mention));
  }
  return mentions;
}

// The roles of a contract with two parties whose role words are not in the rule files'
// pairs (用地者 and 市国土局), each the other's counterpart; empty otherwise.
std::map<std::string, std::string, std::less<>> own_roles(
    const std::vector<Party>& parties,
    const std::map<std::string, std::string, std::less<>>& known) {
  std::map<std::string, std::string, std::less<>> pairs;
  if (parties.size() != 2) return pairs;
  const std::string& first = parties[0].role;
  const std::string& second = parties[1].role;
  if (first == second || known.count(first) > 0 || known.count(second) > 0) return pairs;
  pairs.emplace(first, second);
  pairs.emplace(second, first);
  return pairs;
}

// Adds a mention for each place a role of `roles` is written on `lines`, where no mention is.
void add_own_mentions(const Context& context, const std::vector<int>& lines,
                      const std::map<std::string, std::string, std::less<>>& roles,
                      std::vector<RoleMention>& mentions) {
  const SourceText& source = context.document().source;
  for (int line : lines) {
    const std::size_t begin = source.line_begin(line);
    const std::string_view words = source.line_text(line);
    for (const auto& [role, counterpart] : roles) {
      for (std::size_t at = words.find(role); at != std::string_view::npos;
           at = words.find(role, at + role.size())) {
        Span span{begin + at, begin + at + role.size()};
        bool taken = std::any_of(mentions.begin(), mentions.end(), [&](const RoleMention& m) {
          return m.span.begin < span.end && span.begin < m.span.end;
        });
        if (!taken) mentions.push_back({span, role, counterpart});
      }
    }
  }
  std::sort(mentions.begin(), mentions.end(),
            [](const RoleMention& a, const RoleMention& b) { return a.span.begin < b.span.begin; });
}

// Whether a "what is late" word is the paying of the penalty itself (应支付违约金): what is
// late comes before it (未按约定提交履约担保的…应支付违约金).
bool pays_the_penalty(const Context& context, const RuleMatch& cue) {
  constexpr std::array<std::string_view, 4> kPenalties = {"违约金", "滞纳金", "赔偿金", "罚款"};
  std::string_view after = std::string_view(context.text()).substr(cue.end);
  return std::any_of(kPenalties.begin(), kPenalties.end(),
                     [&](std::string_view word) { return after.starts_with(word); });
}

// Marks the mentions that a penalty_party cue names.
void mark_sides(const Context& context, const std::vector<int>& lines,
                std::vector<RoleMention>& mentions) {
  std::map<std::size_t, RoleMention*> by_end;
  for (RoleMention& mention : mentions) by_end[mention.span.end] = &mention;
  for (const RuleMatch* match : matches_on(context, "penalty_party", lines)) {
    const Capture* role = match->capture("role");
    if (role == nullptr) continue;
    auto found = by_end.find(role->end);
    if (found == by_end.end() || found->second->span.begin < role->begin) continue;
    if (match->rule->attribute("side") == "payer") {
      found->second->pays = true;
    } else {
      found->second->is_paid = true;
    }
  }
}

}  // namespace

std::optional<PenaltyKind> parse_kind(std::string_view name) {
  if (name == "liquidated_damages") return PenaltyKind::liquidated_damages;
  if (name == "late_payment") return PenaltyKind::late_payment;
  if (name == "late_delivery") return PenaltyKind::late_delivery;
  if (name == "deposit_forfeit") return PenaltyKind::deposit_forfeit;
  if (name == "other") return PenaltyKind::other;
  return std::nullopt;
}

PenaltyCues::PenaltyCues(const Context& context, const std::vector<int>& lines,
                         const std::vector<Party>& parties)
    : counterparts_(counterparts(context.resources().rules)) {
  mentions_ = find_mentions(context, lines, counterparts_);
  auto own = own_roles(parties, counterparts_);
  add_own_mentions(context, lines, own, mentions_);
  counterparts_.insert(own.begin(), own.end());
  mark_sides(context, lines, mentions_);
  for (const RuleMatch* match : matches_on(context, "penalty_per", lines)) {
    if (auto per = parse_per(match->rule->attribute("per"))) {
      pers_.emplace_back(Span{match->begin, match->end}, *per);
    }
  }
  for (const RuleMatch* match : matches_on(context, "penalty_delay", lines)) {
    if (pays_the_penalty(context, *match)) continue;
    if (auto kind = parse_kind(match->rule->attribute("kind"))) {
      delays_.emplace_back(Span{match->begin, match->end}, *kind);
    }
  }
  for (const RuleMatch* match : matches_on(context, "penalty_delay_name", lines)) {
    delay_names_.push_back({match->begin, match->end});
  }
}

std::vector<RoleMention> PenaltyCues::mentions_in(Span span) const {
  std::vector<RoleMention> found;
  for (const RoleMention& mention : mentions_) {
    if (inside(mention.span, span)) found.push_back(mention);
  }
  return found;
}

PayerPayee PenaltyCues::parties_in(Span span, std::size_t rate_begin) const {
  std::vector<RoleMention> mentions = mentions_in(span);
  PayerPayee result;
  for (const RoleMention& mention : mentions) {
    if (mention.is_paid) result.payee = mention.role;
  }
  auto other_than_payee = [&](const RoleMention& mention) {
    return mention.span.end <= rate_begin && (!result.payee || mention.role != *result.payee);
  };
  for (const RoleMention& mention : mentions) {
    if (mention.pays && other_than_payee(mention)) result.payer = mention.role;
  }
  if (result.payer) return result;
  for (const RoleMention& mention : mentions) {
    if (!mention.is_paid && other_than_payee(mention)) {
      result.payer = mention.role;
      break;
    }
  }
  return result;
}

Scopes scopes_of(const Context& context, Span statement, std::size_t previous_end) {
  const SourceText& source = context.document().source;
  std::size_t line_begin = source.line_begin(source.line(statement.begin));
  std::size_t start = std::max(line_begin, previous_end);
  std::string_view before = std::string_view(context.text()).substr(start, statement.begin - start);
  std::size_t sentence_begin = start;
  for (std::string_view end : kSentenceEnds) {
    std::size_t at = before.rfind(end);
    if (at != std::string_view::npos)
      sentence_begin = std::max(sentence_begin, start + at + end.size());
  }
  return {{sentence_begin, statement.end}, {start, statement.end}};
}

std::optional<std::string> PenaltyCues::counterpart_of(std::string_view role) const {
  auto pair = counterparts_.find(role);
  if (pair == counterparts_.end() || pair->second.empty()) return std::nullopt;
  return pair->second;
}

PayerPayee PenaltyCues::parties(Span sentence, Span line, std::size_t rate_begin) const {
  PayerPayee result = parties_in(sentence, rate_begin);
  if (!result.payer || !result.payee) {
    PayerPayee wider = parties_in(line, rate_begin);
    if (!result.payer && wider.payer != result.payee) result.payer = wider.payer;
    if (!result.payee && wider.payee != result.payer) result.payee = wider.payee;
  }
  if (result.payer && !result.payee) result.payee = counterpart_of(*result.payer);
  if (result.payee && !result.payer) result.payer = counterpart_of(*result.payee);
  return result;
}

PayerPayee PenaltyCues::by_heading(const Context& context, std::size_t offset) const {
  PayerPayee result;
  auto holds = [&](const Clause& clause) { return clause.begin <= offset && offset < clause.end; };
  // Down the clauses that hold `offset`, outermost first: an inner heading wins.
  const std::vector<Clause>* level = &context.document().outline.clauses();
  while (true) {
    auto found = std::find_if(level->begin(), level->end(), holds);
    if (found == level->end()) break;
    const Clause& clause = *found;
    level = &clause.children;
    if (clause.heading.empty()) continue;
    for (const RuleMatch& match : context.scan_words(clause.heading, "penalty_heading")) {
      const Capture* role = match.capture("role");
      if (role == nullptr) continue;
      std::string words(
          std::string_view(clause.heading).substr(role->begin, role->end - role->begin));
      if (counterparts_.count(words) == 0) continue;
      result.payer = words;
      result.payee = counterpart_of(words);
    }
  }
  return result;
}

RatePer PenaltyCues::per_in(Span span) const {
  RatePer per = RatePer::none;
  for (const auto& [cue, cue_per] : pers_) {
    if (inside(cue, span)) per = cue_per;
  }
  return per;
}

std::optional<Span> PenaltyCues::delay_name_in(Span span) const {
  std::optional<Span> name;
  for (const Span& cue : delay_names_) {
    if (inside(cue, span)) name = cue;
  }
  return name;
}

std::optional<PenaltyKind> PenaltyCues::delay_in(Span span) const {
  std::optional<PenaltyKind> kind;
  for (const auto& [cue, cue_kind] : delays_) {
    if (inside(cue, span)) kind = cue_kind;
  }
  return kind;
}

}  // namespace clause_scan::extract::penalty
