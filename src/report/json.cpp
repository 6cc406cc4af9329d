// The summary document of ../shared/spec/summary-v1.md, key for key, in the spec's order.
#include <optional>
#include <string>

#include "clause_scan/report.h"

namespace clause_scan {
namespace {

Json optional_string(const std::optional<std::string>& value) {
  return value ? Json(*value) : Json(nullptr);
}

Json optional_bool(const std::optional<bool>& value) {
  return value ? Json(*value) : Json(nullptr);
}

// clause, line, text: the three fields every item ends with.
void add_source(Json& item, const SourceRef& source) {
  item["clause"] = source.clause;
  item["line"] = source.line;
  item["text"] = source.text;
}

Json party_json(const Party& party) {
  Json item;
  item["role"] = party.role;
  item["alias"] = optional_string(party.alias);
  item["name"] = optional_string(party.name);
  item["address"] = optional_string(party.address);
  item["postcode"] = optional_string(party.postcode);
  item["phone"] = optional_string(party.phone);
  item["fax"] = optional_string(party.fax);
  item["contact"] = optional_string(party.contact);
  item["legal_rep"] = optional_string(party.legal_rep);
  item["bank"] = optional_string(party.bank);
  item["account"] = optional_string(party.account);
  item["credit_code"] = optional_string(party.credit_code);
  add_source(item, party.source);
  return item;
}

Json amount_json(const Amount& amount) {
  Json item;
  item["label"] = optional_string(amount.label);
  item["value"] = format_money(amount.value);
  item["currency"] = amount.currency;
  item["words"] = optional_string(amount.words);
  item["words_value"] = money_json(amount.words_value);
  item["consistent"] = optional_bool(amount.consistent);
  item["approximate"] = amount.approximate;
  add_source(item, amount.source);
  return item;
}

Json date_mention_json(const DateMention& date) {
  Json item;
  item["value"] = date_json(date.value);
  item["role"] = to_string(date.role);
  add_source(item, date.source);
  return item;
}

Json period_end_json(const PeriodEnd& end) {
  Json item;
  item["date"] = date_json(end.date);
  item["text"] = end.text;
  return item;
}

Json period_json(const Period& period) {
  Json item;
  item["label"] = optional_string(period.label);
  item["start"] = period_end_json(period.start);
  item["end"] = period_end_json(period.end);
  add_source(item, period.source);
  return item;
}

Json duration_json(const Duration& duration) {
  Json item;
  item["value"] = duration.value.to_string();
  item["unit"] = to_string(duration.unit);
  add_source(item, duration.source);
  return item;
}

Json installment_json(const Installment& installment) {
  Json item;
  item["seq"] = installment.seq;
  item["percent"] = percent_json(installment.percent);
  item["amount"] = money_json(installment.amount);
  item["currency"] = installment.currency;
  item["base"] = optional_string(installment.base);
  item["trigger"] = optional_string(installment.trigger);
  item["due"] = installment.due ? duration_json(*installment.due) : Json(nullptr);
  item["due_date"] = date_json(installment.due_date);
  item["due_date_approximate"] = installment.due_date_approximate;
  item["period"] = optional_string(installment.period);
  item["remainder"] = installment.remainder;
  add_source(item, installment.source);
  return item;
}

// {"low": "1000.00", "high": "30000.00", "unit": "yuan"} or {"low": "0.5", "high": "3", "unit":
// "percent"}: money with two decimals, percents as the percent field writes them.
Json range_json(const std::optional<PenaltyRange>& range) {
  if (!range) return Json(nullptr);
  const bool yuan = range->unit == RangeUnit::yuan;
  Json item;
  item["low"] = yuan ? money_json(range->low) : percent_json(range->low);
  item["high"] = yuan ? money_json(range->high) : percent_json(range->high);
  item["unit"] = std::string(to_string(range->unit));
  return item;
}

Json penalty_json(const Penalty& penalty) {
  Json item;
  item["kind"] = to_string(penalty.kind);
  item["percent"] = percent_json(penalty.percent);
  item["base"] = optional_string(penalty.base);
  item["base_value"] = money_json(penalty.base_value);
  item["amount"] = money_json(penalty.amount);
  item["currency"] = penalty.currency;
  // The spec's `per` knows day, week and month; an annual rate (年利率6%) is per null there,
  // and rate_period (added field) says every period, year included.
  std::string_view per = to_string(penalty.per);
  item["per"] =
      per.empty() || penalty.per == RatePer::year ? Json(nullptr) : Json(std::string(per));
  item["rate_period"] = per.empty() ? Json(nullptr) : Json(std::string(per));
  item["cap_percent"] = percent_json(penalty.cap_percent);
  item["payer"] = optional_string(penalty.payer);
  item["payee"] = optional_string(penalty.payee);
  item["condition"] = optional_string(penalty.condition);
  item["range"] = range_json(penalty.range);
  // (added field) the template leaves the rate blank (＿％), bounded by a cap or by `range`.
  item["rate_blank"] = rate_left_blank(penalty);
  add_source(item, penalty.source);
  return item;
}

template <typename T, typename Convert>
Json list_json(const std::vector<T>& items, Convert convert) {
  Json list = Json::array();
  for (const T& item : items) list.push_back(convert(item));
  return list;
}

}  // namespace

Json finding_json(const Finding& finding, Lang lang) {
  Json item;
  item["rule"] = finding.rule;
  item["severity"] = to_string(finding.severity);
  item["message"] = message_in(finding, lang);
  item["clause"] = finding.source.clause;
  item["line"] = finding.source.line;
  item["column"] = finding.source.column;
  return item;
}

Json money_json(const std::optional<Decimal>& value) {
  return value ? Json(format_money(*value)) : Json(nullptr);
}

Json percent_json(const std::optional<Decimal>& value) {
  return value ? Json(format_percent(*value)) : Json(nullptr);
}

Json date_json(const std::optional<Date>& value) {
  return value ? Json(value->iso()) : Json(nullptr);
}

Json clauses_to_json(const std::vector<Clause>& clauses) {
  Json list = Json::array();
  for (const Clause& clause : clauses) {
    Json item;
    item["number"] = clause.number;
    item["heading"] = clause.heading.empty() ? Json(nullptr) : Json(clause.heading);
    item["line"] = clause.line;
    item["style"] = to_string(clause.style);
    item["children"] = clauses_to_json(clause.children);
    list.push_back(std::move(item));
  }
  return list;
}

Json summary_to_json(const Summary& summary, Lang lang) {
  Json document;
  document["schema"] = kSummarySchema;
  document["file"] = summary.file;
  document["encoding"] = summary.encoding;
  document["title"] = optional_string(summary.title);
  document["contract_no"] = optional_string(summary.contract_no);
  document["parties"] = list_json(summary.parties, party_json);
  document["amounts"] = list_json(summary.amounts, amount_json);
  document["dates"] = list_json(summary.dates, date_mention_json);
  document["periods"] = list_json(summary.periods, period_json);
  document["durations"] = list_json(summary.durations, duration_json);
  document["payment_terms"] = list_json(summary.payment_terms, installment_json);
  document["penalties"] = list_json(summary.penalties, penalty_json);
  document["findings"] = list_json(
      summary.findings, [lang](const Finding& finding) { return finding_json(finding, lang); });
  document["clauses"] = clauses_to_json(summary.clauses);
  return document;
}

void write_json(std::ostream& out, const Json& json) {
  out << json.dump(2, ' ', false, Json::error_handler_t::replace) << '\n';
}

void JsonArrayWriter::add(const Json& element) {
  out_ << (opened_ ? ",\n" : "[\n");
  opened_ = true;
  // An element of an array is indented one level deeper; the dump holds no raw line breaks
  // inside strings (they are escaped), so indenting every line is exact.
  const std::string text = element.dump(2, ' ', false, Json::error_handler_t::replace);
  std::string indented = "  ";
  indented.reserve(text.size() + text.size() / 8);
  for (char c : text) {
    indented += c;
    if (c == '\n') indented += "  ";
  }
  out_.write(indented.data(), std::streamsize(indented.size()));  // one write, not one per char
}

void JsonArrayWriter::finish() {
  if (opened_) out_ << "\n]\n";
  opened_ = false;
}

void write_json_line(std::ostream& out, const Json& json) {
  out << json.dump(-1, ' ', false, Json::error_handler_t::replace) << '\n';
}

}  // namespace clause_scan
