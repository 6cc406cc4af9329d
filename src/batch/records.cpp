// One record per file: the JSON line of the spec, or a flattened CSV row (RFC 4180).
#include <algorithm>
#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "clause_scan/batch.h"
#include "clause_scan/report.h"

namespace clause_scan {
namespace {

constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";
constexpr std::string_view kCsvLineEnd = "\r\n";

// Labels that name the price of the whole contract, in no particular order: the first
// amount carrying one of them is the main amount.
constexpr std::array<std::string_view, 16> kPriceLabels = {
    "合同总价", "合同总额",   "合同总金额", "合同金额", "合同价款", "合同价格",
    "合同价",   "签约合同价", "中标金额",   "中标价",   "成交金额", "成交价",
    "总价款",   "总金额",     "借款金额",   "贷款金额"};

// Labels of sums that are not the price: penalties, deposits, interest.
constexpr std::array<std::string_view, 9> kNotPriceLabels = {
    "违约金", "保证金", "押金", "定金", "赔偿", "罚款", "滞纳金", "利息", "罚息"};

// Period labels that name the term of the contract.
constexpr std::array<std::string_view, 4> kTermWords = {"期限", "有效期", "租期", "期间"};

bool contains_any(std::string_view text, const auto& words) {
  return std::any_of(words.begin(), words.end(),
                     [&](std::string_view word) { return text.find(word) != text.npos; });
}

std::string join(const std::vector<std::string>& parts, std::string_view separator) {
  std::string joined;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (i > 0) joined += separator;
    joined += parts[i];
  }
  return joined;
}

std::string parties_cell(const Summary& summary) {
  std::vector<std::string> parties;
  for (const Party& party : summary.parties) {
    parties.push_back(party.role + ":" + party.name.value_or(""));
  }
  return join(parties, ";");
}

std::string consistency_cell(const Summary& summary) {
  bool any_checked = false;
  for (const Amount& amount : summary.amounts) {
    if (!amount.consistent.has_value()) continue;
    if (!*amount.consistent) return "false";
    any_checked = true;
  }
  return any_checked ? "true" : "";
}

std::string period_end_cell(const PeriodEnd& end) { return end.date ? end.date->iso() : end.text; }

const Period* term_period(const Summary& summary) {
  for (const Period& period : summary.periods) {
    if (period.label && contains_any(*period.label, kTermWords)) return &period;
  }
  return summary.periods.empty() ? nullptr : &summary.periods.front();
}

std::string date_cell(const Summary& summary, DateRole role) {
  for (const DateMention& date : summary.dates) {
    if (date.role == role) return date.value ? date.value->iso() : date.source.text;
  }
  return "";
}

std::string installments_cell(const Summary& summary) {
  std::vector<std::string> parts;
  for (const Installment& installment : summary.payment_terms) {
    if (installment.percent) {
      parts.push_back(format_percent(*installment.percent) + "%");
    } else if (installment.amount) {
      parts.push_back(with_currency(format_money(*installment.amount), installment.currency));
    } else {
      parts.push_back("?");
    }
  }
  return join(parts, ";");
}

std::string penalty_rates_cell(const Summary& summary) {
  std::vector<std::string> parts;
  for (const Penalty& penalty : summary.penalties) {
    if (!penalty.percent) continue;
    std::string rate = format_percent(*penalty.percent) + "%";
    if (penalty.per != RatePer::none) rate += "/" + std::string(to_string(penalty.per));
    parts.push_back(std::move(rate));
  }
  return join(parts, ";");
}

std::string count_findings(const Summary& summary, Severity severity) {
  return std::to_string(std::count_if(summary.findings.begin(), summary.findings.end(),
                                      [&](const Finding& f) { return f.severity == severity; }));
}

std::string csv_row(const std::vector<std::string>& cells) {
  std::string row;
  for (std::size_t i = 0; i < cells.size(); ++i) {
    if (i > 0) row += ',';
    row += csv_field(cells[i]);
  }
  row += kCsvLineEnd;
  return row;
}

}  // namespace

std::string_view batch_error_kind(ErrorKind kind) {
  switch (kind) {
    case ErrorKind::io:
    case ErrorKind::binary:
    case ErrorKind::encoding:
    case ErrorKind::too_large:
    case ErrorKind::empty:
      return to_string(kind);
    default:
      return "internal";  // timeout, and kinds that never concern one file (rule, usage)
  }
}

std::string csv_field(std::string_view text) {
  if (text.find_first_of(",\"\r\n") == text.npos) return std::string(text);
  std::string quoted = "\"";
  for (char c : text) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  quoted += '"';
  return quoted;
}

const Amount* main_amount(const Summary& summary) {
  for (const Amount& amount : summary.amounts) {
    if (amount.label && contains_any(*amount.label, kPriceLabels)) return &amount;
  }
  const Amount* largest = nullptr;
  const Amount* largest_price = nullptr;  // the largest not labelled as a penalty or deposit
  for (const Amount& amount : summary.amounts) {
    if (largest == nullptr || amount.value > largest->value) largest = &amount;
    if (amount.label && contains_any(*amount.label, kNotPriceLabels)) continue;
    if (largest_price == nullptr || amount.value > largest_price->value) largest_price = &amount;
  }
  return largest_price != nullptr ? largest_price : largest;
}

const std::vector<std::string_view>& csv_columns() {
  static const std::vector<std::string_view> columns = {"file",
                                                        "encoding",
                                                        "title",
                                                        "contract_no",
                                                        "parties",
                                                        "main_amount",
                                                        "main_amount_label",
                                                        "currency",
                                                        "amounts_consistent",
                                                        "term_start",
                                                        "term_end",
                                                        "installments",
                                                        "penalty_rates",
                                                        "findings_error",
                                                        "findings_warning",
                                                        "findings_info",
                                                        "error_kind",
                                                        "error"};
  return columns;
}

std::vector<std::string> csv_cells(const Summary& summary) {
  const Amount* amount = main_amount(summary);
  const Period* term = term_period(summary);
  return {summary.file,
          summary.encoding,
          summary.title.value_or(""),
          summary.contract_no.value_or(""),
          parties_cell(summary),
          amount ? format_money(amount->value) : "",
          amount ? amount->label.value_or("") : "",
          amount ? amount->currency : "",
          consistency_cell(summary),
          term ? period_end_cell(term->start) : date_cell(summary, DateRole::start),
          term ? period_end_cell(term->end) : date_cell(summary, DateRole::end),
          installments_cell(summary),
          penalty_rates_cell(summary),
          count_findings(summary, Severity::error),
          count_findings(summary, Severity::warning),
          count_findings(summary, Severity::info),
          "",
          ""};
}

RecordWriter::RecordWriter(BatchFormat format, ByteOrderMark bom, Lang lang)
    : format_(format), bom_(bom), lang_(lang) {}

std::string RecordWriter::header() const {
  if (format_ == BatchFormat::jsonl) return "";
  std::vector<std::string> names(csv_columns().begin(), csv_columns().end());
  return std::string(bom_ == ByteOrderMark::utf8 ? kUtf8Bom : "") + csv_row(names);
}

std::string RecordWriter::record(const Summary& summary) const {
  if (format_ == BatchFormat::csv) return csv_row(csv_cells(summary));
  return summary_to_json(summary, lang_).dump(-1, ' ', false, Json::error_handler_t::replace) +
         '\n';
}

std::string RecordWriter::record(std::string_view file, const Error& error) const {
  const std::string_view kind = batch_error_kind(error.kind);
  if (format_ == BatchFormat::csv) {
    std::vector<std::string> cells(csv_columns().size());
    cells.front() = file;
    cells[cells.size() - 2] = kind;
    cells.back() = error.reason;
    return csv_row(cells);
  }
  Json line;
  line["schema"] = kErrorSchema;
  line["file"] = file;
  line["error"] = error.reason;
  line["kind"] = kind;
  return line.dump(-1, ' ', false, Json::error_handler_t::replace) + '\n';
}

}  // namespace clause_scan
