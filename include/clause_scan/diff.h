// diff.h: what changed between two versions of a contract (`clause-scan diff OLD NEW`).
//
// Takes the two Documents (extract.h) and their Summaries and gives back a ContractDiff: every
// clause of either version with its status, and the changes of the summary fields. The JSON
// shape is ../shared/spec/diff-v1.md; the writers below give text, Markdown and HTML.
//
// What is compared. Each clause of the outline (Outline::flatten order) is one unit whose text
// is its own words: from after its number to where its first child begins (the number itself
// is compared separately, so renumbering is not a change of text). The text before the first
// clause (title, contract number, the parties block, the preamble) is one more unit, "the
// head", with number "" and no heading; a part (appendix, appended agreement) is a clause of
// its own, so the text directly under a part is its text. By default two units are the same
// text when their normalized text (full-width forms folded, ** marks dropped, normalize.h)
// is equal once all white space is removed: spaces, line breaks and full-width/half-width
// forms are not changes. The text shown and put in the edits is the original words, with each
// run of white space made one space (or one line break where it held one). TextCompare::strict
// (`--strict`) compares and shows the original words exactly, white space included (trimmed
// at both ends).
//
// How clauses are aligned, cheapest evidence first, never quadratic in the number of clauses:
//   1. the heads of the two versions are paired;
//   2. anchors: clauses whose text occurs exactly once in each version, kept in order by the
//      longest increasing subsequence (patience diff);
//   3. between consecutive anchors, identical clauses by the longest common subsequence of
//      their texts (Hunt-Szymanski; a text occurring more than 64 times there is skipped);
//   4. between consecutive matches, similar clauses: Dice coefficient over the character
//      bigrams of the texts, at least 0.5, or 0.3 when the numbers agree (the number is also
//      the tie-break); all pairs of a small gap, candidates from an inverted bigram index in
//      a large one;
//   5. what is left anywhere: identical texts, then similar ones (at least 0.6) through the
//      inverted index: a clause that moved far away, perhaps edited on the way.
// A matched clause is `modified` when its text differs, `renumbered` when its number differs,
// and `moved` when it is not on the longest in-order chain of matched clauses, or when its
// parent is matched to another clause than its new parent. Unmatched clauses are `deleted`
// or `added`.
//
// Word edits: the two texts of a modified clause are cut into words by the Segmenter
// (segment.h: ICU words, contract terms such as 违约金 and numbers such as 1,977,800.00 whole;
// here also a sum in Chinese capitals, 贰佰叁拾捌万陆仟伍佰元整) and compared with Myers'
// O(ND) diff. Only modified clauses are segmented, with one Segmenter per diff.
//
// Field changes: the summaries are compared field by field (diff_fields below).
//
// Speed (bench/diff_bench.sh, one core, CPU time): two 1.1 MB contracts of 7,900 clauses
// each, the samples repeated with ~230 scattered edits, diff in about 0.05 s (units 0.02,
// alignment 0.006, word edits and fields 0.02); summarizing the two versions first takes
// eight times as long (extract.h), which `clause-scan diff` does on two threads.
//
// Failure: diff_contracts fails only when ICU cannot open its word break rules
// (ErrorKind::internal, from Segmenter::create). Everything else is total.
// Thread-safety: everything here is a function of its arguments; diff_contracts makes its
// own Segmenter, so several diffs may run in parallel with one shared TermList. diff_words
// uses the caller's Segmenter, which is not thread-safe.
#pragma once

#include <functional>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "clause_scan/error.h"
#include "clause_scan/extract.h"
#include "clause_scan/report.h"
#include "clause_scan/segment.h"
#include "clause_scan/summary.h"

namespace clause_scan {

inline constexpr const char* kDiffSchema = "clause-scan/diff/v1";

enum class ClauseStatus { unchanged, modified, added, deleted };
// "unchanged", "modified", "added", "deleted".
std::string_view to_string(ClauseStatus status);

enum class EditOp { equal, erase, insert };
// "equal", "delete", "insert".
std::string_view to_string(EditOp op);

struct WordEdit {
  EditOp op = EditOp::equal;
  std::string text;
  friend bool operator==(const WordEdit&, const WordEdit&) = default;
};

// One clause of either version. The fields of the spec's ClauseChange, plus its paths and
// texts and where it stands in each version.
struct ClauseChange {
  ClauseStatus status = ClauseStatus::unchanged;
  bool moved = false;
  bool renumbered = false;
  bool head = false;                      // the text before the first clause
  std::optional<std::string> old_number;  // Clause::number; "" for the head; empty when absent
  std::optional<std::string> new_number;
  std::optional<std::string> old_path;  // Outline::path_at ("7.2.5(1)")
  std::optional<std::string> new_path;
  std::optional<int> old_line;  // 1-based line of the numbering (the head: its first line)
  std::optional<int> new_line;
  std::string heading;          // the new version's heading, else the old one's
  double similarity = 0;        // 0..1, three decimals; 1 when unchanged, 0 when added or deleted
  std::vector<WordEdit> edits;  // modified only; see diff_words
  std::string old_text;         // the texts compared ("" on the side where the clause is absent)
  std::string new_text;
  int old_index = -1;  // position among the units of each version (the head first), or -1
  int new_index = -1;
};

struct DiffCounts {
  int unchanged = 0;
  int modified = 0;
  int added = 0;
  int deleted = 0;
  int moved = 0;
  int renumbered = 0;
};

enum class FieldKind {
  title,
  contract_no,
  party,
  amount,
  date,
  period,
  duration,
  installment,
  penalty
};
// "title", "contract_no", "party", "amount", "date", "period", "duration", "installment",
// "penalty".
std::string_view to_string(FieldKind kind);

// How a value is written, for the human formats.
enum class ValueKind { text, money, percent, date, period, duration };

// One changed field. `label` names which one: the contract's label for an amount or a period
// (中标金额, 服务期限; "" when unlabelled), the role for a party (甲方) and a date
// ("signing", "start", ...), the kind for a penalty ("liquidated_damages"), the sequence
// number for an installment ("1"), "" for the title, the contract number and a duration.
// `aspect` says which property of the item changed when it is not its main value:
// "per" (a penalty's period), "cap" (its ceiling), "due" (an installment's deadline).
// Values are written as in the summary: money "1977800.00" (with " USD" etc. after a
// currency other than CNY), percent "30", dates ISO, a period "start/end" (ISO 8601
// interval; words where the contract gives no date), a duration "10 working_day", else text.
struct FieldChange {
  FieldKind field = FieldKind::title;
  std::string label;
  std::optional<std::string> aspect;
  ValueKind kind = ValueKind::text;
  std::optional<std::string> old_value;  // null where absent on that side
  std::optional<std::string> new_value;
  std::optional<std::string> old_clause;  // clause paths, null where absent
  std::optional<std::string> new_clause;
  std::optional<int> old_line;
  std::optional<int> new_line;
  std::optional<std::string> change;  // money both sides: relative change, "+6.2%"
  friend bool operator==(const FieldChange&, const FieldChange&) = default;
};

enum class TextCompare {
  normalized,  // default: white space and full-width/half-width forms are not changes
  strict,      // --strict: the original words, white space included
};

struct ContractDiff {
  std::string old_file;
  std::string new_file;
  DiffCounts counts;
  // Every clause of either version, in the new version's order; deleted ones where they
  // stood in the old version.
  std::vector<ClauseChange> clauses;
  std::vector<FieldChange> fields;
  TextCompare compare = TextCompare::normalized;  // how the texts were compared

  // True when nothing changed: every clause unchanged, none moved or renumbered, no field
  // changes. The CLI exits 0 exactly then.
  bool identical() const;
};

struct DiffOptions {
  TextCompare compare = TextCompare::normalized;  // default: normalized
};

// One version: the document and its summary (summarize(document, resources)).
struct DiffSide {
  const Document& document;
  const Summary& summary;
};

// The whole comparison. `terms` must be the term list the segmenter uses (Resources::terms).
// Fails only when the segmenter cannot be created (see the top of this file).
Result<ContractDiff> diff_contracts(const DiffSide& old_side, const DiffSide& new_side,
                                    const TermList& terms, const DiffOptions& options = {});

// Word-level edit script from `old_text` to `new_text`, on the words of `segmenter` (run on the
// normalized form of each text, so that １９７７８００ is one number): concatenating the equal
// and erase texts gives `old_text`, the equal and insert texts gives `new_text`, exactly.
// Consecutive edits of one kind are merged, and in each changed stretch the erase comes
// before the insert. An edit never splits a word: a term, a number or a sum in capitals is
// erased or inserted whole. Tidying, for readers:
//   - white space and ASCII punctuation shared by both ends of a replacement stay outside it
//     (人民币 **[-2386500.00-]{+2510000.00+}** 元, not [-2386500.00** -]{+2510000.00** +});
//   - a single character alone between two replacements is folded into them, so that a
//     rewritten phrase reads as one change;
//   - with TextCompare::normalized, the same word written in another form (full-width digits,
//     ** marks) or with other white space after it is a small erase and insert of the two
//     forms, kept apart from changes of words: the human writers show it as plain text.
//     With TextCompare::strict such words differ like any other.
std::vector<WordEdit> diff_words(std::string_view old_text, std::string_view new_text,
                                 Segmenter& segmenter,
                                 TextCompare compare = TextCompare::normalized);

// Where a summary item stands, for pairing items of the two versions that sit in the same
// clause: two items are in the same place when their places are equal strings. The default
// (an empty function) is the item's clause path. diff_contracts passes the clause alignment,
// so that an item of old clause 4.3 meets the item of the clause it became (renumbered 4.4).
struct FieldPlaces {
  std::function<std::string(const SourceRef&)> old_place;
  std::function<std::string(const SourceRef&)> new_place;
};

// Changes of the summary fields, in this order: title, contract number, parties (by role:
// the name), amounts (by label; in a label, by place, then in order; unlabelled ones by
// place only), dates (by role and place; other than "other", then in order), periods (by
// label, then in order), durations (by place; only a duration met by another one in the
// same place is compared: a clause added with its deadlines is the clause diff's news),
// installments (by sequence number: percent, else amount; and deadline), penalties (by kind
// and place, then in order: percent, else amount; per; cap). An installment's or a
// penalty's amount computed from a percentage is not compared (it follows the base amount,
// whose own change is reported). An item on one side only is a change with null on the
// other. Strings are compared in normalized form without white space unless `compare` is
// strict. Changes come in the new version's order within each field, removed items last.
std::vector<FieldChange> diff_fields(const Summary& old_summary, const Summary& new_summary,
                                     TextCompare compare = TextCompare::normalized,
                                     const FieldPlaces& places = {});

// The diff document of diff-v1.md (plus the added fields: old_path/new_path and, for added
// and deleted clauses, text; aspect, old_line/new_line and change in field changes).
Json diff_to_json(const ContractDiff& diff);

struct DiffStyle {
  Lang lang = Lang::zh;
  Color color = Color::never;  // text only: red deletions, green insertions
  // Unchanged clauses shown around each change. Default (nullopt): none in text and
  // Markdown, the whole document in HTML (a full redline).
  std::optional<int> context;
};

// Field changes first, then the changed clauses with [-删除-]{+新增+} marks; renumbering
// alone is only counted. Long unchanged stretches inside a clause are shortened with "…".
void write_diff_text(std::ostream& out, const ContractDiff& diff, const DiffStyle& style);
// The same as Markdown: a field table, then one section per changed clause with ~~删除~~
// and **新增**.
void write_diff_markdown(std::ostream& out, const ContractDiff& diff, const DiffStyle& style);
// One self-contained HTML file (inline CSS, no scripts, no external assets), A4 for print:
// the field-change table on top, then the redline: deletions struck through in red,
// insertions underlined in green, each moved clause linked to and from where it stood.
void write_diff_html(std::ostream& out, const ContractDiff& diff, const DiffStyle& style);

}  // namespace clause_scan
