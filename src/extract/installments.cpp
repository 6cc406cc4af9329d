// Payment installments, numbered per schedule, and their findings.
//
// The groups and pieces come from installments_groups.cpp, the fields of each piece from
// installments_fields.cpp. Here:
//   - a section that holds a narrower group with installments (五、服务费用的支付 around
//     5.2 付款方式; 第六条 还款 around the schedule after its (一)) keeps none of its own,
//     since its other text is about the price, not the schedule;
//   - sentences outside every payment clause count only when they say what is paid and when,
//     and form schedules by the lines they stand on (a list is written on nearby lines);
//   - `seq` counts from 1 in each schedule;
//   - installments-not-100 (error): a schedule's percents add up to more than 100%, or to
//     less with every installment a percent and none a remainder (尾款/余款); outside payment
//     clauses only for a schedule of two installments or more; only when the shares are of
//     one sum (one base label at most);
//   - undefined-base (warning): an installment's base names no amount of the contract
//     (lookup.h find_amount), once per label.
#include <algorithm>
#include <optional>
#include <set>
#include <string>

#include "extract/extractors.h"
#include "extract/installments_internal.h"
#include "extract/lookup.h"

namespace clause_scan::extract {
namespace {

using installments::Group;
using installments::GroupKind;

constexpr int kMaxLinesApart = 4;

bool holds(const Group& outer, const Group& inner) {
  return outer.begin <= inner.begin && inner.end <= outer.end &&
         (outer.begin != inner.begin || outer.end != inner.end);
}

// Empties the sections that hold a narrower group (a section or a schedule after an intro)
// with installments of its own.
void drop_outer_sections(const std::vector<Group>& groups,
                         std::vector<std::vector<Installment>>& by_group) {
  std::vector<bool> drop(groups.size(), false);
  for (std::size_t outer = 0; outer < groups.size(); ++outer) {
    if (groups[outer].kind != GroupKind::section) continue;
    for (std::size_t inner = 0; inner < groups.size(); ++inner) {
      if (!by_group[inner].empty() && holds(groups[outer], groups[inner])) {
        drop[outer] = true;
      }
    }
  }
  for (std::size_t i = 0; i < groups.size(); ++i) {
    if (drop[i]) by_group[i].clear();
  }
}

// A finding with its Chinese and English messages.
Finding finding(std::string rule, Severity severity, std::string message, std::string message_en,
                SourceRef source) {
  return Finding{std::move(rule), severity, std::move(message), std::move(source),
                 std::move(message_en)};
}

// Whether the shares of the group are shares of one sum: at most one base label among them
// (a share without a base is of the price). Shares of different sums (安全文明施工费的50%,
// 施工进度款的80%, 实际完成产值的90%) are no schedule of one price and do not add up.
bool shares_of_one_sum(const std::vector<Installment>& group) {
  std::set<std::string> bases;
  for (const Installment& item : group) {
    if (item.percent && item.base) bases.insert(core_label(*item.base));
  }
  return bases.size() <= 1;
}

void check_percents(const std::vector<Installment>& group, Summary& summary) {
  if (!shares_of_one_sum(group)) return;
  Decimal total;
  bool all_percent = true;
  bool any_percent = false;
  bool remainder = false;
  for (const Installment& item : group) {
    remainder = remainder || item.remainder;
    if (!item.percent) {
      all_percent = false;
      continue;
    }
    any_percent = true;
    if (auto sum = total.add(*item.percent)) total = *sum;
  }
  const Decimal hundred = Decimal::from_int(100);
  const std::string shown = format_percent(total);
  if (any_percent && total > hundred) {
    summary.findings.push_back(finding(
        "installments-not-100", Severity::error, "分期付款比例合计 " + shown + "%，超过 100%",
        "installments add up to " + shown + "%, more than 100%", group.front().source));
  } else if (all_percent && !remainder && total < hundred) {
    summary.findings.push_back(
        finding("installments-not-100", Severity::error,
                "分期付款比例合计 " + shown + "%，不足 100% 且无尾款条款",
                "installments add up to " + shown + "%, less than 100%, and no remainder is paid",
                group.front().source));
  }
}

enum class Origin {
  payment_clause,  // a group under a payment heading or intro
  elsewhere,       // installments written outside any payment clause
};

struct Schedule {
  std::vector<Installment> items;
  Origin origin = Origin::payment_clause;
};

// Outside a payment clause, a sentence is an installment only when it says what is paid (a
// share, a sum or the remainder) and when (a time limit or a trigger).
bool states_what_and_when(const Installment& item) {
  bool what = item.percent || item.amount || item.remainder;
  bool when = item.due || item.trigger;
  return what && when;
}

// Installments outside payment clauses, split into schedules where kMaxLinesApart lines or
// more separate two of them (a list of installments is written on consecutive lines).
std::vector<std::vector<Installment>> runs_of_lines(std::vector<Installment> items) {
  std::vector<std::vector<Installment>> runs;
  for (Installment& item : items) {
    if (runs.empty() || item.source.line - runs.back().back().source.line >= kMaxLinesApart) {
      runs.emplace_back();
    }
    runs.back().push_back(std::move(item));
  }
  return runs;
}

void check_bases(Summary& summary) {
  std::set<std::string> reported;
  std::vector<Finding> findings;
  for (const Installment& item : summary.payment_terms) {
    if (!item.base || find_amount(summary, *item.base)) continue;
    if (!reported.insert(core_label(*item.base)).second) continue;
    findings.push_back(finding(
        "undefined-base", Severity::warning, "付款基数“" + *item.base + "”在合同中没有定义金额",
        "payment base “" + *item.base + "” is not stated as a sum in the contract", item.source));
  }
  summary.findings.insert(summary.findings.end(), findings.begin(), findings.end());
}

}  // namespace

void extract_installments(const Context& context, Summary& summary) {
  std::vector<Group> groups = installments::find_groups(context);
  std::vector<std::vector<Installment>> by_group(groups.size());
  std::vector<Installment> loose;
  for (const installments::Piece& piece : installments::cut_pieces(context, groups)) {
    std::optional<Installment> item = installments::read_installment(context, summary, piece);
    if (!item) continue;
    if (piece.group != installments::kNoGroup) {
      by_group[piece.group].push_back(std::move(*item));
    } else if (states_what_and_when(*item)) {
      loose.push_back(std::move(*item));
    }
  }
  drop_outer_sections(groups, by_group);
  std::vector<Schedule> schedules;
  for (std::vector<Installment>& items : by_group) {
    if (!items.empty()) schedules.push_back({std::move(items), Origin::payment_clause});
  }
  for (std::vector<Installment>& items : runs_of_lines(std::move(loose))) {
    schedules.push_back({std::move(items), Origin::elsewhere});
  }
  std::sort(schedules.begin(), schedules.end(), [](const Schedule& a, const Schedule& b) {
    return a.items.front().source.begin < b.items.front().source.begin;
  });
  std::vector<Installment> all;
  for (Schedule& schedule : schedules) {
    for (std::size_t i = 0; i < schedule.items.size(); ++i) {
      schedule.items[i].seq = static_cast<int>(i) + 1;
    }
    if (schedule.origin == Origin::payment_clause || schedule.items.size() > 1) {
      check_percents(schedule.items, summary);
    }
    all.insert(all.end(), schedule.items.begin(), schedule.items.end());
  }
  std::stable_sort(all.begin(), all.end(), [](const Installment& a, const Installment& b) {
    return a.source.begin < b.source.begin;
  });
  summary.payment_terms.insert(summary.payment_terms.end(), all.begin(), all.end());
  check_bases(summary);
}

}  // namespace clause_scan::extract
