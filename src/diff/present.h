// diff/present.h: what the human formats of a diff share (internal to the diff stage):
// names, labels, values and which clauses to show.
#pragma once

#include <string>
#include <vector>

#include "clause_scan/diff.h"

namespace clause_scan::diff {

// "§7.2.3", "§7.2.3 → §7.2.9" when the path changed, the heading of a part without a path,
// or the head's label.
std::string clause_name(const ClauseChange& change, Lang lang);

// clause_name followed by the heading, when the name is not the heading already:
// "§2.2 中标金额", "附件 服务质量考核表", "保密协议", "（首部）".
std::string clause_title(const ClauseChange& change, Lang lang);

// The status word: 修改 / 新增 / 删除 / 未变, with 移动 after it when moved.
std::string status_text(const ClauseChange& change, Lang lang);

// "L72", "L72 → L75".
std::string lines_text(const ClauseChange& change);

// 中标金额, 签订日期, 第1期 付款期限, 违约金 上限 …
std::string field_label(const FieldChange& change, Lang lang);
// A value as a reader writes it: 2,100,000.00; 20%; 2026-03-01 至 2027-02-28; 10 个工作日;
// （无） when absent.
std::string field_value(const FieldChange& change, const std::optional<std::string>& value,
                        Lang lang);
// "§9.3", "§9.3 → §9.4", "" when neither side names a clause.
std::string field_where(const FieldChange& change);

// "条款：未变 45 · 修改 3 · 新增 1 · 删除 1 · 移动 1 · 重新编号 6".
std::string counts_text(const DiffCounts& counts, Lang lang);

// A change a reader must see: not unchanged, or moved. (Renumbering alone is only counted.)
bool is_shown_change(const ClauseChange& change);

// Which entries of diff.clauses to show: the changes and `context` entries either side.
std::vector<bool> shown_entries(const ContractDiff& diff, int context);

// A long unchanged stretch shortened to its first and last kKeepChars characters around
// "…" (`where` says which ends to keep: a stretch that opens the text keeps only its end).
enum class Keep { both_ends, head, tail };
std::string shorten(const std::string& text, Keep keep);

// The edits of a modified clause as a reader sees them: in normalized mode an edit of white
// space only, or an erase and insert of two forms of the same words (full-width digits, **
// marks), becomes the new words unmarked. Strict mode: the edits unchanged.
std::vector<WordEdit> readable_edits(const ClauseChange& change, TextCompare compare);

// Where each moved entry stood in the old version: for every position of diff.clauses, the
// moved entries whose old place comes right after it (index 0 = before everything: use
// position + 1, so slots has clauses.size() + 1 entries).
std::vector<std::vector<int>> moved_from_slots(const ContractDiff& diff);

}  // namespace clause_scan::diff
