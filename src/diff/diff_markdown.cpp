// diff_markdown.cpp: the diff as Markdown for a memo: a field table, then one section per
// changed clause with ~~删除~~ and **新增**.
#include <string>

#include <fmt/format.h>

#include "clause_scan/diff.h"
#include "diff/present.h"

namespace clause_scan {
namespace {

using namespace diff;

// Backslash before every character Markdown could read as markup, and before '+' '-' at the
// start of a line (a list item).
std::string escape_markdown(const std::string& text) {
  std::string out;
  bool line_start = true;
  for (char c : text) {
    if (std::string_view("\\`*_[]<>|~#").find(c) != std::string_view::npos ||
        (line_start && (c == '+' || c == '-'))) {
      out += '\\';
    }
    out += c;
    line_start = c == '\n';
  }
  return out;
}

// `text` escaped and wrapped in `mark` line by line (emphasis does not cross line breaks);
// line breaks become hard breaks.
std::string marked(const std::string& text, const std::string& mark) {
  std::string out, line;
  auto flush = [&] {
    if (!line.empty()) out += mark + escape_markdown(line) + mark;
    line.clear();
  };
  for (char c : text) {
    if (c == '\n') {
      flush();
      out += "  \n";
    } else {
      line += c;
    }
  }
  flush();
  return out;
}

std::string plain(const std::string& text) { return marked(text, ""); }

std::string body_of(const ClauseChange& change, TextCompare compare) {
  switch (change.status) {
    case ClauseStatus::added:
      return marked(change.new_text, "**");
    case ClauseStatus::deleted:
      return marked(change.old_text, "~~");
    case ClauseStatus::unchanged:
      return plain(shorten(change.new_text, Keep::head));
    case ClauseStatus::modified:
      break;
  }
  std::string out;
  const std::vector<WordEdit> edits = readable_edits(change, compare);
  const std::size_t count = edits.size();
  for (std::size_t i = 0; i < count; ++i) {
    const WordEdit& edit = edits[i];
    if (edit.op == EditOp::equal) {
      Keep keep = i == 0 ? Keep::tail : i + 1 == count ? Keep::head : Keep::both_ends;
      out += plain(shorten(edit.text, keep));
    } else {
      out += marked(edit.text, edit.op == EditOp::erase ? "~~" : "**");
    }
  }
  return out;
}

// A table cell: escaped, on one line.
std::string cell(const std::string& text) {
  std::string out = escape_markdown(text);
  for (char& c : out)
    if (c == '\n') c = ' ';
  return out;
}

void write_fields(std::ostream& out, const ContractDiff& diff, Lang lang) {
  out << "\n## " << label("diff_fields", lang) << "\n\n";
  if (diff.fields.empty()) {
    out << label("diff_no_fields", lang) << "\n";
    return;
  }
  out << "| " << label("diff_field", lang) << " | " << label("diff_old_value", lang) << " | "
      << label("diff_new_value", lang) << " | " << label("diff_clause", lang) << " |\n";
  out << "| --- | --- | --- | --- |\n";
  for (const FieldChange& change : diff.fields) {
    std::string new_value = field_value(change, change.new_value, lang);
    if (change.change) new_value += " (" + *change.change + ")";
    out << "| " << cell(field_label(change, lang)) << " | "
        << cell(field_value(change, change.old_value, lang)) << " | " << cell(new_value) << " | "
        << cell(field_where(change)) << " |\n";
  }
}

void write_clauses(std::ostream& out, const ContractDiff& diff, const DiffStyle& style) {
  out << "\n## " << label("diff_changes", style.lang) << "\n";
  std::vector<bool> shown = shown_entries(diff, style.context.value_or(0));
  bool any = false;
  for (std::size_t i = 0; i < diff.clauses.size(); ++i) {
    if (!shown[i]) continue;
    any = true;
    const ClauseChange& change = diff.clauses[i];
    std::string title = clause_title(change, style.lang);
    out << "\n### " << cell(title) << " — " << status_text(change, style.lang) << " ("
        << lines_text(change) << ")\n\n";
    out << body_of(change, diff.compare) << "\n";
  }
  if (!any) out << "\n" << label("diff_no_changes", style.lang) << "\n";
}

}  // namespace

void write_diff_markdown(std::ostream& out, const ContractDiff& diff, const DiffStyle& style) {
  out << "# " << label("diff_title", style.lang) << "\n\n";
  out << label("diff_old", style.lang) << " " << cell(diff.old_file) << " → "
      << label("diff_new", style.lang) << " " << cell(diff.new_file) << "\n\n";
  out << counts_text(diff.counts, style.lang) << "\n";
  if (diff.identical()) {
    out << "\n" << label("diff_identical", style.lang) << "\n";
    return;
  }
  write_fields(out, diff, style.lang);
  write_clauses(out, diff, style);
}

}  // namespace clause_scan
