// diff_text.cpp: the diff for a terminal: counts, field changes, then the changed clauses
// with [-删除-]{+新增+} marks (red and green when colour is on).
#include <string>

#include <fmt/format.h>

#include "clause_scan/diff.h"
#include "diff/present.h"

namespace clause_scan {
namespace {

using namespace diff;

class Paint {
 public:
  explicit Paint(Color color) : on_(color == Color::always) {}
  std::string bold(const std::string& text) const { return wrap("1", text); }
  std::string dim(const std::string& text) const { return wrap("2", text); }
  std::string red(const std::string& text) const { return wrap("31", text); }
  std::string green(const std::string& text) const { return wrap("32", text); }
  std::string yellow(const std::string& text) const { return wrap("33", text); }

 private:
  std::string wrap(const char* code, const std::string& text) const {
    if (!on_ || text.empty()) return text;
    return std::string("\x1b[") + code + "m" + text + "\x1b[0m";
  }
  bool on_;
};

// Every line of `text` indented by `indent`.
std::string indented(const std::string& text, const std::string& indent) {
  std::string out = indent;
  for (char c : text) {
    out += c;
    if (c == '\n') out += indent;
  }
  return out;
}

// The marked body of a modified clause; long unchanged stretches shortened.
std::string marked_body(const ClauseChange& change, const Paint& paint, TextCompare compare) {
  std::string out;
  const std::vector<WordEdit> edits = readable_edits(change, compare);
  const std::size_t count = edits.size();
  for (std::size_t i = 0; i < count; ++i) {
    const WordEdit& edit = edits[i];
    switch (edit.op) {
      case EditOp::equal: {
        Keep keep = i == 0 ? Keep::tail : i + 1 == count ? Keep::head : Keep::both_ends;
        out += shorten(edit.text, count == 1 ? Keep::both_ends : keep);
        break;
      }
      case EditOp::erase:
        out += paint.red("[-" + edit.text + "-]");
        break;
      case EditOp::insert:
        out += paint.green("{+" + edit.text + "+}");
        break;
    }
  }
  return out;
}

std::string body_of(const ClauseChange& change, const Paint& paint, TextCompare compare) {
  switch (change.status) {
    case ClauseStatus::modified:
      return marked_body(change, paint, compare);
    case ClauseStatus::added:
      return paint.green("{+" + change.new_text + "+}");
    case ClauseStatus::deleted:
      return paint.red("[-" + change.old_text + "-]");
    case ClauseStatus::unchanged:
      return paint.dim(shorten(change.new_text, Keep::head));
  }
  return "";
}

std::string sign_of(const ClauseChange& change) {
  switch (change.status) {
    case ClauseStatus::modified:
      return "~";
    case ClauseStatus::added:
      return "+";
    case ClauseStatus::deleted:
      return "-";
    case ClauseStatus::unchanged:
      return change.moved ? ">" : " ";
  }
  return " ";
}

void write_clause(std::ostream& out, const ClauseChange& change, const Paint& paint, Lang lang,
                  TextCompare compare) {
  const bool quiet = !is_shown_change(change);
  std::string title = sign_of(change) + " " + clause_title(change, lang);
  out << (quiet ? paint.dim(title) : paint.bold(title));
  if (!quiet) out << "  " << paint.yellow(status_text(change, lang));
  out << "  " << paint.dim(lines_text(change)) << '\n';
  std::string body = body_of(change, paint, compare);
  if (!body.empty()) out << indented(body, "    ") << '\n';
}

void write_fields(std::ostream& out, const ContractDiff& diff, const Paint& paint, Lang lang) {
  out << '\n' << paint.bold(std::string(label("diff_fields", lang)));
  if (diff.fields.empty()) {
    out << "  " << paint.dim(std::string(label("diff_no_fields", lang))) << '\n';
    return;
  }
  out << '\n';
  for (const FieldChange& change : diff.fields) {
    std::string line = "  " + field_label(change, lang) + "  " +
                       paint.red(field_value(change, change.old_value, lang)) + " → " +
                       paint.green(field_value(change, change.new_value, lang));
    if (change.change) line += " (" + *change.change + ")";
    std::string where = field_where(change);
    if (!where.empty()) line += "  " + paint.dim(where);
    out << line << '\n';
  }
}

void write_clauses(std::ostream& out, const ContractDiff& diff, const Paint& paint,
                   const DiffStyle& style) {
  out << '\n' << paint.bold(std::string(label("diff_changes", style.lang)));
  std::vector<bool> shown = shown_entries(diff, style.context.value_or(0));
  bool any = false;
  for (const ClauseChange& change : diff.clauses) any = any || is_shown_change(change);
  if (!any) {
    out << "  " << paint.dim(std::string(label("diff_no_changes", style.lang))) << '\n';
    return;
  }
  out << '\n';
  bool skipped = false;
  for (std::size_t i = 0; i < diff.clauses.size(); ++i) {
    if (!shown[i]) {
      skipped = true;
      continue;
    }
    if (skipped && style.context.value_or(0) > 0) out << paint.dim("  ⋮") << '\n';
    skipped = false;
    write_clause(out, diff.clauses[i], paint, style.lang, diff.compare);
  }
}

}  // namespace

void write_diff_text(std::ostream& out, const ContractDiff& diff, const DiffStyle& style) {
  Paint paint(style.color);
  out << paint.bold(std::string(label("diff_title", style.lang))) << "  " << diff.old_file << " → "
      << diff.new_file << '\n';
  out << counts_text(diff.counts, style.lang) << '\n';
  if (diff.identical()) {
    out << paint.green(std::string(label("diff_identical", style.lang))) << '\n';
    return;
  }
  write_fields(out, diff, paint, style.lang);
  write_clauses(out, diff, paint, style);
}

}  // namespace clause_scan
