// diff_fuzzer: diff_contracts on two inputs split from the fuzz data: the bytes before the
// first NUL byte are the old version, those after it the new one (no NUL: the two halves).
// Each side goes through the pipeline as in summary_fuzzer (decoded, else made valid UTF-8).
// Properties: no crash and no exception; every unit of each version appears exactly once
// (old_index and new_index each cover 0..n-1), statuses agree with the sides present and the
// counts with the statuses; the word edits of a modified clause rebuild its old and its new
// text exactly; every line reported exists on its side; a version compared with itself is
// identical; the JSON and the text, Markdown and HTML writers' output are valid UTF-8.
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "clause_scan/decode.h"
#include "clause_scan/diff.h"
#include "clause_scan/extract.h"
#include "fuzz_support.h"

namespace {

using clause_scan::ClauseChange;
using clause_scan::ClauseStatus;
using clause_scan::ContractDiff;
using clause_scan::DecodedText;
using clause_scan::Document;
using clause_scan::EditOp;
using clause_scan::Summary;
using clause_scan::fuzz::is_valid_utf8;

struct Version {
  Document document;
  Summary summary;
};

Version analyse(std::string_view bytes, const std::string& file) {
  clause_scan::Result<DecodedText> decoded =
      clause_scan::decode(bytes, clause_scan::DecodeOptions{}, file);
  DecodedText text = decoded.ok()
                         ? std::move(decoded).value()
                         : DecodedText{clause_scan::fuzz::to_valid_utf8(bytes), "UTF-8", false};
  Document document = clause_scan::make_document(file, std::move(text));
  Summary summary = clause_scan::summarize(document, clause_scan::fuzz::shipped_resources());
  return Version{std::move(document), std::move(summary)};
}

ContractDiff compare(const Version& old_version, const Version& new_version,
                     clause_scan::TextCompare mode) {
  clause_scan::DiffOptions options;
  options.compare = mode;
  auto diff = clause_scan::diff_contracts({old_version.document, old_version.summary},
                                          {new_version.document, new_version.summary},
                                          clause_scan::fuzz::shipped_resources().terms, options);
  FUZZ_CHECK(diff.ok(), "diff failed: %s", diff.ok() ? "" : diff.error().message().c_str());
  return std::move(diff).value();
}

// `indexes` (one per clause change, -1 when absent on that side) are 0..n-1 once each, with
// n the number of clauses, or one more for the head.
void check_indexes(std::vector<int> indexes, const Document& document, const char* side) {
  std::vector<int> seen;
  for (int index : indexes) {
    if (index < 0) continue;
    if (static_cast<std::size_t>(index) >= seen.size()) seen.resize(index + 1);
    FUZZ_CHECK(++seen[index] == 1, "%s unit %d appears twice", side, index);
  }
  for (std::size_t index = 0; index < seen.size(); ++index) {
    FUZZ_CHECK(seen[index] == 1, "%s unit %zu missing", side, index);
  }
  const std::size_t clauses = document.outline.flatten().size();
  FUZZ_CHECK(seen.size() == clauses || seen.size() == clauses + 1, "%zu %s units for %zu clauses",
             seen.size(), side, clauses);
}

void check_edits(const ClauseChange& change) {
  std::string old_text;
  std::string new_text;
  for (const auto& edit : change.edits) {
    if (edit.op != EditOp::insert) old_text += edit.text;
    if (edit.op != EditOp::erase) new_text += edit.text;
  }
  FUZZ_CHECK(old_text == change.old_text, "edits do not rebuild the old text");
  FUZZ_CHECK(new_text == change.new_text, "edits do not rebuild the new text");
}

void check_line(const std::optional<int>& line, const Document& document, const char* side) {
  if (!line) return;
  FUZZ_CHECK(*line >= 1 && *line <= document.source.line_count(), "%s line %d of %d", side, *line,
             document.source.line_count());
}

void check_diff(const ContractDiff& diff, const Version& old_version, const Version& new_version) {
  std::vector<int> old_indexes;
  std::vector<int> new_indexes;
  clause_scan::DiffCounts counts;
  for (const ClauseChange& change : diff.clauses) {
    old_indexes.push_back(change.old_index);
    new_indexes.push_back(change.new_index);
    const bool has_old = change.old_index >= 0;
    const bool has_new = change.new_index >= 0;
    switch (change.status) {
      case ClauseStatus::unchanged:
        counts.unchanged++;
        break;
      case ClauseStatus::modified:
        counts.modified++;
        break;
      case ClauseStatus::added:
        counts.added++;
        break;
      case ClauseStatus::deleted:
        counts.deleted++;
        break;
    }
    FUZZ_CHECK(has_old == (change.status != ClauseStatus::added) &&
                   has_new == (change.status != ClauseStatus::deleted),
               "status %s with sides %d %d", std::string(to_string(change.status)).c_str(), has_old,
               has_new);
    if (change.status == ClauseStatus::modified) check_edits(change);
    check_line(change.old_line, old_version.document, "old");
    check_line(change.new_line, new_version.document, "new");
  }
  FUZZ_CHECK(counts.unchanged == diff.counts.unchanged && counts.modified == diff.counts.modified &&
                 counts.added == diff.counts.added && counts.deleted == diff.counts.deleted,
             "counts disagree with the statuses");
  check_indexes(old_indexes, old_version.document, "old");
  check_indexes(new_indexes, new_version.document, "new");
  for (const auto& field : diff.fields) {
    check_line(field.old_line, old_version.document, "old field");
    check_line(field.new_line, new_version.document, "new field");
  }
}

void check_writers(const ContractDiff& diff) {
  try {
    FUZZ_CHECK(is_valid_utf8(clause_scan::diff_to_json(diff).dump()), "JSON is not UTF-8");
  } catch (const std::exception& error) {
    FUZZ_CHECK(false, "diff JSON cannot be written: %s", error.what());
  }
  clause_scan::DiffStyle style;
  std::ostringstream text, markdown, html;
  clause_scan::write_diff_text(text, diff, style);
  clause_scan::write_diff_markdown(markdown, diff, style);
  clause_scan::write_diff_html(html, diff, style);
  FUZZ_CHECK(is_valid_utf8(text.str()), "text output is not UTF-8");
  FUZZ_CHECK(is_valid_utf8(markdown.str()), "Markdown output is not UTF-8");
  FUZZ_CHECK(is_valid_utf8(html.str()), "HTML output is not UTF-8");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  std::size_t split = bytes.find('\0');
  const std::size_t skip = split == std::string_view::npos ? 0 : 1;
  if (split == std::string_view::npos) split = bytes.size() / 2;
  const Version old_version = analyse(bytes.substr(0, split), "old.txt");
  const Version new_version = analyse(bytes.substr(split + skip), "new.txt");
  const auto mode =
      size % 2 == 0 ? clause_scan::TextCompare::normalized : clause_scan::TextCompare::strict;

  const ContractDiff diff = compare(old_version, new_version, mode);
  check_diff(diff, old_version, new_version);
  check_writers(diff);
  const ContractDiff same = compare(old_version, old_version, mode);
  FUZZ_CHECK(same.identical(), "a version differs from itself (%d modified, %d moved)",
             same.counts.modified, same.counts.moved);
  return 0;
}
