// diff_html.cpp: the diff as one self-contained HTML redline (inline CSS, no scripts, no
// external assets), laid out for A4 when printed.
#include <string>

#include <fmt/format.h>

#include "clause_scan/diff.h"
#include "diff/present.h"

namespace clause_scan {
namespace {

using namespace diff;

constexpr const char* kStyle = R"(@page { size: A4; margin: 18mm 16mm 20mm 16mm; }
body { font-family: "Noto Serif CJK SC", "Source Han Serif SC", "Songti SC", SimSun, serif;
  font-size: 11pt; line-height: 1.7; color: #1f2328; max-width: 180mm; margin: 2em auto;
  padding: 0 1em; }
h1 { font-size: 18pt; margin: 0 0 .3em; }
h2 { font-size: 13pt; border-bottom: 1px solid #d0d7de; padding-bottom: .2em; margin-top: 1.6em; }
.files, .counts, .legend { color: #57606a; margin: .2em 0; }
.identical { color: #116329; font-weight: bold; }
del { color: #b3261e; background: #fdecea; text-decoration: line-through; }
ins { color: #116329; background: #e6f4ea; text-decoration: underline; }
table.fields { border-collapse: collapse; width: 100%; font-size: 10pt; }
table.fields th, table.fields td { border: 1px solid #d0d7de; padding: .3em .5em;
  text-align: left; vertical-align: top; }
table.fields th { background: #f6f8fa; }
td.old { color: #b3261e; }
td.new { color: #116329; }
.clause { margin: .4em 0; padding: .1em .6em; border-left: 3px solid transparent; }
.clause.unchanged { color: #3d444d; }
.clause.modified { border-left-color: #bf8700; }
.clause.added { border-left-color: #116329; }
.clause.deleted { border-left-color: #b3261e; }
.clause.moved { border-left-style: double; border-left-width: 4px; }
.num, .heading { font-weight: bold; margin-right: .4em; }
.badge { font: 8.5pt sans-serif; padding: 0 .4em; border-radius: 3px; background: #eaeef2;
  color: #57606a; margin-left: .4em; }
.lines, .was { color: #8c959f; font-size: 8.5pt; margin-left: .4em; }
.moved-from { color: #57606a; font-style: italic; border-left: 3px dotted #8c959f; }
.skip { color: #8c959f; text-align: center; }
a { color: #0969da; }
@media print {
  body { max-width: none; margin: 0; padding: 0; font-size: 10.5pt; }
  a { color: inherit; text-decoration: none; }
  .clause, tr { break-inside: avoid; }
  thead { display: table-header-group; }
  h2 { break-after: avoid; }
  del, ins, .badge, th { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
)";

// Text as HTML: the five characters that mean markup escaped, line breaks as <br>.
std::string escape_html(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      case '\n':
        out += "<br>";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string tag(const char* name, std::string_view text) {
  return fmt::format("<{0}>{1}</{0}>", name, escape_html(text));
}

std::string body_html(const ClauseChange& change, TextCompare compare) {
  switch (change.status) {
    case ClauseStatus::added:
      return tag("ins", change.new_text);
    case ClauseStatus::deleted:
      return tag("del", change.old_text);
    case ClauseStatus::unchanged:
      return escape_html(change.new_text);
    case ClauseStatus::modified:
      break;
  }
  std::string out;
  for (const WordEdit& edit : readable_edits(change, compare)) {
    if (edit.op == EditOp::equal) {
      out += escape_html(edit.text);
    } else {
      out += tag(edit.op == EditOp::erase ? "del" : "ins", edit.text);
    }
  }
  return out;
}

std::string number_html(const ClauseChange& change, Lang lang) {
  if (change.head) return escape_html(label("diff_head", lang));
  const std::optional<std::string>& number =
      change.new_number ? change.new_number : change.old_number;
  std::string out = escape_html(number.value_or(""));
  if (change.renumbered) {
    out += fmt::format(" <span class=\"was\">{} {}</span>", escape_html(label("diff_was", lang)),
                       escape_html(*change.old_number));
  }
  return out;
}

void write_clause(std::ostream& out, const ClauseChange& change, int position, Lang lang,
                  TextCompare compare) {
  out << fmt::format("<div class=\"clause {}{}\" id=\"c{}\">\n<div class=\"title\">",
                     to_string(change.status), change.moved ? " moved" : "", position);
  out << "<span class=\"num\">" << number_html(change, lang) << "</span>";
  const std::string path = change.new_path.value_or(change.old_path.value_or(""));
  if (!change.head && path.empty() && !change.heading.empty())  // a part: its title
    out << "<span class=\"heading\">" << escape_html(change.heading) << "</span>";
  if (is_shown_change(change))
    out << "<span class=\"badge\">" << escape_html(status_text(change, lang)) << "</span>";
  if (change.moved) {
    out << fmt::format(" <a class=\"moved-link\" href=\"#m{}\">{} {}</a>", position,
                       escape_html(label("diff_moved_from", lang)),
                       escape_html(change.old_path ? "§" + *change.old_path : ""));
  }
  out << "<span class=\"lines\">" << escape_html(lines_text(change)) << "</span></div>\n";
  out << "<div class=\"body\">" << body_html(change, compare) << "</div>\n</div>\n";
}

void write_moved_from(std::ostream& out, const ClauseChange& change, int position, Lang lang) {
  auto path = [](const std::optional<std::string>& p) { return p ? "§" + *p : std::string(); };
  out << fmt::format(
      "<div class=\"clause moved-from\" id=\"m{}\">{} <a href=\"#c{}\">{} {} →</a></div>\n",
      position, escape_html(path(change.old_path)), position,
      escape_html(label("diff_moved_to", lang)), escape_html(path(change.new_path)));
}

void write_fields(std::ostream& out, const ContractDiff& diff, Lang lang) {
  out << "<section id=\"fields\">\n<h2>" << escape_html(label("diff_fields", lang)) << "</h2>\n";
  if (diff.fields.empty()) {
    out << "<p class=\"none\">" << escape_html(label("diff_no_fields", lang)) << "</p>\n";
  } else {
    out << fmt::format(
        "<table class=\"fields\">\n<thead><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th>"
        "</tr></thead>\n<tbody>\n",
        escape_html(label("diff_field", lang)), escape_html(label("diff_old_value", lang)),
        escape_html(label("diff_new_value", lang)), escape_html(label("diff_clause", lang)));
    for (const FieldChange& change : diff.fields) {
      std::string new_value = field_value(change, change.new_value, lang);
      if (change.change) new_value += " (" + *change.change + ")";
      out << "<tr><td>" << escape_html(field_label(change, lang)) << "</td><td class=\"old\">"
          << escape_html(field_value(change, change.old_value, lang)) << "</td><td class=\"new\">"
          << escape_html(new_value) << "</td><td>" << escape_html(field_where(change))
          << "</td></tr>\n";
    }
    out << "</tbody>\n</table>\n";
  }
  out << "</section>\n";
}

void write_clauses(std::ostream& out, const ContractDiff& diff, const DiffStyle& style) {
  out << "<section id=\"clauses\">\n<h2>" << escape_html(label("diff_clauses", style.lang))
      << "</h2>\n";
  const int size = static_cast<int>(diff.clauses.size());
  std::vector<bool> shown =
      style.context ? shown_entries(diff, *style.context) : std::vector<bool>(size, true);
  std::vector<std::vector<int>> moved_from = moved_from_slots(diff);
  bool skipped = false;  // entries left out since the last one written
  auto mark_skip = [&] {
    if (skipped) out << "<div class=\"skip\">⋯</div>\n";
    skipped = false;
  };
  auto write_slot = [&](int slot) {
    for (int p : moved_from[slot]) {
      mark_skip();
      write_moved_from(out, diff.clauses[p], p, style.lang);
    }
  };
  write_slot(0);
  for (int p = 0; p < size; ++p) {
    if (shown[p]) {
      mark_skip();
      write_clause(out, diff.clauses[p], p, style.lang, diff.compare);
    } else {
      skipped = true;
    }
    write_slot(p + 1);
  }
  mark_skip();
  out << "</section>\n";
}

void write_header(std::ostream& out, const ContractDiff& diff, Lang lang) {
  out << "<header>\n<h1>" << escape_html(label("diff_title", lang)) << "</h1>\n";
  out << fmt::format(
      "<p class=\"files\">{} <span class=\"old-file\">{}</span> → {} "
      "<span class=\"new-file\">{}</span></p>\n",
      escape_html(label("diff_old", lang)), escape_html(diff.old_file),
      escape_html(label("diff_new", lang)), escape_html(diff.new_file));
  out << "<p class=\"counts\">" << escape_html(counts_text(diff.counts, lang)) << "</p>\n";
  out << fmt::format("<p class=\"legend\">{}: <del>{}</del> <ins>{}</ins></p>\n",
                     escape_html(label("diff_legend", lang)),
                     escape_html(label("diff_deleted", lang)),
                     escape_html(label("diff_added", lang)));
  if (diff.identical())
    out << "<p class=\"identical\">" << escape_html(label("diff_identical", lang)) << "</p>\n";
  out << "</header>\n";
}

}  // namespace

void write_diff_html(std::ostream& out, const ContractDiff& diff, const DiffStyle& style) {
  out << "<!DOCTYPE html>\n<html lang=\"" << (style.lang == Lang::zh ? "zh-CN" : "en")
      << "\">\n<head>\n<meta charset=\"utf-8\">\n"
      << "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      << "<title>" << escape_html(label("diff_title", style.lang)) << ": "
      << escape_html(diff.old_file) << " → " << escape_html(diff.new_file) << "</title>\n"
      << "<style>\n"
      << kStyle << "</style>\n</head>\n<body>\n";
  write_header(out, diff, style.lang);
  write_fields(out, diff, style.lang);
  write_clauses(out, diff, style);
  out << "</body>\n</html>\n";
}

}  // namespace clause_scan
