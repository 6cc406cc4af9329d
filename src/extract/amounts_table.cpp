// Sums in tables (tab-separated cells).
//
// A table is a run of lines with tabs (blank lines inside allowed), ended by a line of text
// without one. Its header is a tab line without digits; a tab line without digits whose
// cells are all units (（元）) gives units to the header's columns instead. The rules of
// category "amount_column" say which header cells are money columns (单价, 金额, 小计/元,
// 合计 (元)) and their unit. Below the header, a bare number in a money column with a unit
// is a sum, named by its column; a sum already found in a money column (￥398,000.00) and
// not yet named takes the column's name.
#include <algorithm>
#include <optional>
#include <string>

#include "extract/amounts_parts.h"
#include "util/text.h"

namespace clause_scan::extract::amounts {
namespace {

struct Cell {
  std::size_t begin = 0;  // normalized offsets of the trimmed cell
  std::size_t end = 0;
  std::string_view text;  // trimmed
};

struct Column {
  std::string name;
  std::string unit;  // 元 when bare numbers in the column are sums
  bool money = false;
};

using Header = std::vector<Column>;

std::vector<Cell> cells_of(std::string_view line, std::size_t line_begin) {
  std::vector<Cell> cells;
  std::size_t start = 0;
  while (true) {
    std::size_t tab = line.find('\t', start);
    std::string_view raw =
        line.substr(start, tab == std::string_view::npos ? line.npos : tab - start);
    std::string_view text = util::trim(raw);
    std::size_t begin = line_begin + start + (text.empty() ? 0 : text.data() - raw.data());
    cells.push_back(Cell{begin, begin + text.size(), text});
    if (tab == std::string_view::npos) break;
    start = tab + 1;
  }
  return cells;
}

std::size_t filled_cells(const std::vector<Cell>& cells) {
  return static_cast<std::size_t>(std::count_if(
      cells.begin(), cells.end(), [](const Cell& cell) { return !cell.text.empty(); }));
}

bool has_digit(std::string_view text) {
  return std::any_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::size_t column_at(std::string_view text, std::size_t line_begin, std::size_t offset) {
  return static_cast<std::size_t>(
      std::count(text.begin() + line_begin, text.begin() + offset, '\t'));
}

// What the "amount_column" matches of one header line say, by column.
struct ColumnMark {
  std::size_t column = 0;
  std::string label;  // empty for a unit alone
  std::string unit;
};

std::vector<ColumnMark> column_marks(const Context& context,
                                     const std::vector<const RuleMatch*>& matches,
                                     std::size_t line_begin) {
  std::string_view text = context.text();
  std::vector<ColumnMark> marks;
  for (const RuleMatch* match : matches) {
    // The match must fill its cell: nothing but blanks up to the next tab.
    std::size_t rest = match->end;
    while (rest < text.size() && text[rest] == ' ') ++rest;
    if (rest < text.size() && text[rest] != '\t' && text[rest] != '\n') continue;
    const Capture* label = match->capture("label");
    const Capture* unit = match->capture("unit");
    if (label == nullptr && unit == nullptr) continue;
    std::size_t at = label != nullptr ? label->begin : unit->begin;
    marks.push_back(ColumnMark{column_at(text, line_begin, at),
                               label ? std::string(util::trim(context.words(*label))) : "",
                               unit ? std::string(context.words(*unit)) : ""});
  }
  return marks;
}

std::string without_blanks(std::string_view words) {
  std::string name;
  for (char c : words) {
    if (c != ' ' && c != '\t') name += c;
  }
  return name;
}

Header header_of(const std::vector<Cell>& cells, const std::vector<ColumnMark>& marks) {
  Header header(cells.size());
  for (std::size_t i = 0; i < cells.size(); ++i) header[i].name = without_blanks(cells[i].text);
  for (const ColumnMark& mark : marks) {
    if (mark.column >= header.size() || mark.label.empty()) continue;
    header[mark.column] = Column{without_blanks(mark.label), mark.unit, true};
  }
  return header;
}

// A row of units alone (（元） under 单价): true when every filled cell is one.
bool apply_unit_row(const std::vector<Cell>& cells, const std::vector<ColumnMark>& marks,
                    Header& header) {
  std::size_t filled = filled_cells(cells), units = 0;
  for (const ColumnMark& mark : marks) units += mark.label.empty() ? 1 : 0;
  if (filled == 0 || units != filled) return false;
  for (const ColumnMark& mark : marks) {
    if (mark.column < header.size()) {
      header[mark.column].unit = mark.unit;
      header[mark.column].money = true;
    }
  }
  return true;
}

bool is_bare_number(std::string_view text) {
  if (text.empty() || text[0] < '0' || text[0] > '9') return false;
  return std::all_of(text.begin(), text.end(),
                     [](char c) { return (c >= '0' && c <= '9') || c == ',' || c == '.'; });
}

class TableReader {
 public:
  TableReader(const Context& context, std::vector<Amount>& sums)
      : context_(context), sums_(sums), columns_(context.matches("amount_column")) {}

  void read() {
    const SourceText& source = context_.document().source;
    for (int line = 1; line <= source.line_count(); ++line) read_line(line);
    std::stable_sort(sums_.begin(), sums_.end(), [](const Amount& a, const Amount& b) {
      return a.source.begin < b.source.begin;
    });
  }

 private:
  void read_line(int line) {
    const SourceText& source = context_.document().source;
    std::string_view text = source.line_text(line);
    std::size_t begin = source.line_begin(line);
    std::vector<const RuleMatch*> marks_here = matches_until(source.line_end(line));
    std::size_t sums_end = sums_until(source.line_end(line));
    if (text.find('\t') == std::string_view::npos) {
      if (!util::trim(text).empty()) header_.reset();
      return;
    }
    std::vector<Cell> cells = cells_of(text, begin);
    if (!has_digit(text)) {
      std::vector<ColumnMark> marks = column_marks(context_, marks_here, begin);
      if (header_ && apply_unit_row(cells, marks, *header_)) return;
      if (filled_cells(cells) >= 2) header_ = header_of(cells, marks);
      return;
    }
    if (header_) read_row(cells, begin, sums_end);
  }

  // The column matches that begin before `end` and were not taken yet.
  std::vector<const RuleMatch*> matches_until(std::size_t end) {
    std::vector<const RuleMatch*> taken;
    while (next_column_ < columns_.size() && columns_[next_column_]->begin < end) {
      taken.push_back(columns_[next_column_++]);
    }
    return taken;
  }

  // Advances past the sums that begin before `end`; returns the index where they end. The
  // sums of the current line are [row_first_, that index).
  std::size_t sums_until(std::size_t end) {
    row_first_ = next_sum_;
    while (next_sum_ < original_count_ && sums_[next_sum_].source.begin < end) ++next_sum_;
    return next_sum_;
  }

  void read_row(const std::vector<Cell>& cells, std::size_t line_begin, std::size_t sums_end) {
    std::string_view text = context_.text();
    std::vector<bool> covered(cells.size(), false);
    for (std::size_t i = row_first_; i < sums_end; ++i) {
      Amount& sum = sums_[i];
      std::size_t column = column_at(text, line_begin, sum.source.begin);
      if (column < covered.size()) covered[column] = true;
      if (!sum.label && column < header_->size() && (*header_)[column].money) {
        sum.label = (*header_)[column].name;
      }
    }
    for (std::size_t column = 0; column < cells.size() && column < header_->size(); ++column) {
      const Column& info = (*header_)[column];
      if (covered[column] || info.unit.empty() || !is_bare_number(cells[column].text)) continue;
      add_cell(cells[column], info);
    }
  }

  void add_cell(const Cell& cell, const Column& column) {
    std::optional<ParsedMoney> money = parse_money(std::string(cell.text) + column.unit);
    if (!money) return;
    Amount amount;
    amount.label = column.name;
    amount.value = money->value;
    amount.currency = money->currency;
    amount.source = context_.source(cell.begin, cell.end);
    sums_.push_back(std::move(amount));
  }

  const Context& context_;
  std::vector<Amount>& sums_;
  std::size_t original_count_ = sums_.size();  // cells found here are appended after these
  std::vector<const RuleMatch*> columns_;
  std::size_t next_column_ = 0;
  std::size_t next_sum_ = 0;
  std::size_t row_first_ = 0;
  std::optional<Header> header_;
};

}  // namespace

void add_table_sums(const Context& context, std::vector<Amount>& sums) {
  TableReader(context, sums).read();
}

}  // namespace clause_scan::extract::amounts
