// The summary as Markdown tables, for pasting into a memo.
#include <string>
#include <vector>

#include <fmt/format.h>

#include "clause_scan/report.h"

namespace clause_scan {
namespace {

std::string cell(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == '|') {
      out += "\\|";
    } else if (c == '\n' || c == '\r') {
      out += ' ';
    } else {
      out += c;
    }
  }
  return out;
}

std::string where(const SourceRef& source) {
  if (source.clause.empty()) return fmt::format("L{}", source.line);
  return fmt::format("§{} L{}", source.clause, source.line);
}

void table(std::ostream& out, const std::vector<std::string_view>& headers,
           const std::vector<std::vector<std::string>>& rows) {
  out << '|';
  for (std::string_view header : headers) out << ' ' << header << " |";
  out << "\n|";
  for (std::size_t i = 0; i < headers.size(); ++i) out << " --- |";
  out << '\n';
  for (const auto& row : rows) {
    out << '|';
    for (const std::string& value : row) out << ' ' << cell(value) << " |";
    out << '\n';
  }
}

void section(std::ostream& out, std::string_view key, Lang lang, bool empty) {
  out << "\n## " << label(key, lang) << "\n\n";
  if (empty) out << "_" << label("none", lang) << "_\n";
}

std::string or_blank(const std::optional<std::string>& value) { return value.value_or(""); }

void parties(std::ostream& out, const Summary& summary, Lang lang) {
  section(out, "parties", lang, summary.parties.empty());
  if (summary.parties.empty()) return;
  std::vector<std::vector<std::string>> rows;
  for (const Party& party : summary.parties) {
    std::string role = party.role + (party.alias ? "（" + *party.alias + "）" : "");
    std::string details;
    auto add = [&](std::string_view key, const std::optional<std::string>& value) {
      if (!value) return;
      if (!details.empty()) details += "; ";
      details += fmt::format("{} {}", label(key, lang), *value);
    };
    add("legal_rep", party.legal_rep);
    add("address", party.address);
    add("phone", party.phone);
    add("contact", party.contact);
    add("bank", party.bank);
    add("account", party.account);
    rows.push_back({role, or_blank(party.name), details, where(party.source)});
  }
  bool zh = lang == Lang::zh;
  table(
      out,
      {zh ? "角色" : "Role", zh ? "名称" : "Name", zh ? "详情" : "Details", zh ? "出处" : "Source"},
      rows);
}

void amounts(std::ostream& out, const Summary& summary, Lang lang) {
  section(out, "amounts", lang, summary.amounts.empty());
  if (summary.amounts.empty()) return;
  std::vector<std::vector<std::string>> rows;
  for (const Amount& amount : summary.amounts) {
    std::string value = (amount.approximate ? std::string(label("approximate", lang)) + " " : "") +
                        amount.value.to_grouped(2) + " " + amount.currency;
    std::string check = !amount.consistent ? "" : (*amount.consistent ? "✓" : "✗");
    rows.push_back({amount.label.value_or(std::string(label("unlabelled", lang))), value,
                    or_blank(amount.words), check, where(amount.source)});
  }
  bool zh = lang == Lang::zh;
  table(out,
        {zh ? "名称" : "Label", zh ? "金额" : "Amount", label("words", lang), zh ? "一致" : "Agree",
         zh ? "出处" : "Source"},
        rows);
}

std::string duration_text(const std::optional<Duration>& duration, Lang lang) {
  if (!duration) return "";
  return duration->value.to_string() + " " +
         std::string(label("unit_" + std::string(to_string(duration->unit)), lang));
}

void installments(std::ostream& out, const Summary& summary, Lang lang) {
  section(out, "payment_terms", lang, summary.payment_terms.empty());
  if (summary.payment_terms.empty()) return;
  std::vector<std::vector<std::string>> rows;
  for (const Installment& term : summary.payment_terms) {
    std::string percent = term.percent ? format_percent(*term.percent) + "%" : "";
    if (share_left_blank(term)) percent = label("rate_blank", lang);
    if (term.remainder) {
      if (!percent.empty()) percent += ' ';
      percent += label("remainder", lang);
    }
    std::string amount =
        term.amount ? with_currency(term.amount->to_grouped(2), term.currency) : "";
    rows.push_back({std::to_string(term.seq), percent, or_blank(term.base), amount,
                    or_blank(term.trigger), duration_text(term.due, lang), where(term.source)});
  }
  bool zh = lang == Lang::zh;
  table(out,
        {"#", zh ? "比例" : "Percent", zh ? "基数" : "Base", zh ? "金额" : "Amount",
         zh ? "条件" : "Trigger", label("due", lang), zh ? "出处" : "Source"},
        rows);
}

void penalties(std::ostream& out, const Summary& summary, Lang lang) {
  section(out, "penalties", lang, summary.penalties.empty());
  if (summary.penalties.empty()) return;
  std::vector<std::vector<std::string>> rows;
  for (const Penalty& penalty : summary.penalties) {
    std::string rate = penalty.percent ? format_percent(*penalty.percent) + "%" : "";
    if (rate_left_blank(penalty)) rate = label("rate_blank", lang);
    std::string amount =
        penalty.amount ? with_currency(penalty.amount->to_grouped(2), penalty.currency) : "";
    // A range is the rate or the sum where the contract gives no figure, else what it allows.
    if (penalty.range) {
      const bool percent = penalty.range->unit == RangeUnit::percent;
      std::string& column = percent ? rate : amount;
      const std::string range = range_text(*penalty.range, lang == Lang::en);
      column = column.empty()
                   ? range
                   : column + " (" + std::string(label("range", lang)) + " " + range + ")";
    }
    auto append = [&rate](std::string_view words) {
      if (!rate.empty()) rate += ' ';
      rate += words;
    };
    std::string_view per = to_string(penalty.per);
    if (!per.empty()) append(label("per_" + std::string(per), lang));
    if (penalty.condition)
      append("(" + std::string(label("tier", lang)) + " " + *penalty.condition + ")");
    std::string cap = penalty.cap_percent ? format_percent(*penalty.cap_percent) + "%" : "";
    std::string parties = penalty.payer || penalty.payee
                              ? penalty.payer.value_or("?") + " → " + penalty.payee.value_or("?")
                              : "";
    rows.push_back({std::string(label(to_string(penalty.kind), lang)), rate, or_blank(penalty.base),
                    amount, cap, parties, where(penalty.source)});
  }
  bool zh = lang == Lang::zh;
  table(out,
        {zh ? "类型" : "Kind", zh ? "比例" : "Rate", zh ? "基数" : "Base", zh ? "金额" : "Amount",
         label("cap", lang), zh ? "支付方向" : "Payer → payee", zh ? "出处" : "Source"},
        rows);
}

void periods_and_dates(std::ostream& out, const Summary& summary, Lang lang) {
  section(out, "periods", lang, summary.periods.empty());
  for (const Period& period : summary.periods) {
    auto end_text = [&](const PeriodEnd& end) {
      return end.date ? end.date->iso() : (end.text.empty() ? "?" : end.text);
    };
    out << "- " << (period.label ? *period.label + ": " : "") << end_text(period.start) << " → "
        << end_text(period.end) << " (" << where(period.source) << ")\n";
  }
  section(out, "dates", lang, summary.dates.empty());
  for (const DateMention& date : summary.dates) {
    out << "- " << (date.value ? date.value->iso() : date.source.text) << " "
        << label(to_string(date.role), lang) << " (" << where(date.source) << ")\n";
  }
}

void findings(std::ostream& out, const Summary& summary, Lang lang) {
  out << "\n## " << label("findings", lang) << "\n\n";
  if (summary.findings.empty()) {
    out << "_" << label("no_findings", lang) << "_\n";
    return;
  }
  for (const Finding& finding : summary.findings) {
    out << "- **" << label(to_string(finding.severity), lang) << "** `" << finding.rule << "` "
        << message_in(finding, lang) << " (" << where(finding.source) << ")\n";
  }
}

}  // namespace

void write_summary_markdown(std::ostream& out, const Summary& summary, Lang lang) {
  out << "# " << (summary.title ? *summary.title : summary.file) << "\n\n";
  out << "- " << label("file", lang) << ": `" << summary.file << "`\n";
  out << "- " << label("encoding", lang) << ": " << summary.encoding << "\n";
  if (summary.contract_no)
    out << "- " << label("contract_no", lang) << ": " << *summary.contract_no << "\n";
  parties(out, summary, lang);
  amounts(out, summary, lang);
  installments(out, summary, lang);
  penalties(out, summary, lang);
  periods_and_dates(out, summary, lang);
  findings(out, summary, lang);
}

}  // namespace clause_scan
