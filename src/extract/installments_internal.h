// extract/installments_internal.h: the parts of the installments extractor (internal).
//
// A payment schedule is written as a group: a clause or lines headed 付款方式 / 支付方式 /
// 还款 … (rule category payment_heading), or the lines after an intro such as 分期支付如下：
// (payment_intro). installments_groups.cpp finds the groups and cuts their lines into pieces
// (sentences, and a second installment inside one sentence); installments_fields.cpp reads
// one piece into an Installment with the rules of category "installment"; installments.cpp
// numbers them per group, computes due dates and adds the findings. rules/payment.toml lists
// the categories and captures.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

#include "clause_scan/summary.h"
#include "extract/context.h"

namespace clause_scan::extract::installments {

enum class GroupKind {
  section,  // a clause or lines under a payment heading
  intro,    // the lines after a line announcing a schedule (分期支付如下：)
};

struct Group {
  std::size_t begin = 0;  // normalized offsets of the text the group holds
  std::size_t end = 0;
  GroupKind kind = GroupKind::section;
};

// The group of a piece outside every payment group.
inline constexpr std::size_t kNoGroup = static_cast<std::size_t>(-1);

// One sentence (or part of one) that may hold one installment.
struct Piece {
  std::size_t begin = 0;
  std::size_t end = 0;
  std::size_t group = 0;  // index into the groups, or kNoGroup
};

// The groups of the document, in no particular order; groups may nest (a 付款方式 clause
// inside a 合同价款及支付 chapter, an intro inside a section).
std::vector<Group> find_groups(const Context& context);

// The pieces of every line of the groups, in document order. A line belongs to the innermost
// group that holds it; lines ending with ':' (headings, intros) give no piece. Lines outside
// the groups that hold a payment verb give pieces of group kNoGroup.
std::vector<Piece> cut_pieces(const Context& context, const std::vector<Group>& groups);

// The installment a piece states, or nullopt when it states none (no payment verb, no
// field, or a deposit or penalty). `seq` is left 0. Reads summary.amounts for the base sums
// and summary.dates for the due date.
std::optional<Installment> read_installment(const Context& context, const Summary& summary,
                                            const Piece& piece);

// Sets item.due_date (and due_date_approximate) when the trigger [begin, end) starts the
// deadline at a known date: a date written in it, or the signing or the taking effect of the
// contract (rule category installment_anchor) with that date among summary.dates. Reads
// item.due; 工作日 are counted with the resources' calendar.
void set_due_date(const Context& context, const Summary& summary, std::size_t trigger_begin,
                  std::size_t trigger_end, Installment& item);

// The matches of `category` in `text` (a piece of the normalized text starting at `offset`),
// with offsets moved to the whole text.
std::vector<RuleMatch> scan_piece(const Context& context, std::string_view category,
                                  std::size_t offset, std::size_t end);

}  // namespace clause_scan::extract::installments
