// The human-readable summary: one section per field, each item on a line that ends with
// where it came from ("§9.3 L235"), findings last. Chinese by default.
#include <string>

#include <fmt/format.h>

#include "clause_scan/report.h"
#include "report/style.h"
#include "util/text.h"

namespace clause_scan {
namespace {

using report::Painter;

constexpr int kAmountWidth = 16;  // right-aligned figures: "1,977,800.00"
constexpr int kLabelWidth = 14;

std::string where(const SourceRef& source) {
  if (source.clause.empty()) return fmt::format("L{}", source.line);
  return fmt::format("§{} L{}", source.clause, source.line);
}

void item(std::ostream& out, const Painter& paint, const std::string& body,
          const SourceRef& source) {
  out << "  " << body << "  " << paint.dim(where(source)) << '\n';
}

void section(std::ostream& out, const Painter& paint, std::string_view key, Lang lang, bool empty) {
  out << '\n' << paint.bold(std::string(label(key, lang)));
  if (empty) out << "  " << paint.dim(std::string(label("none", lang)));
  out << '\n';
}

std::string party_details(const Party& party, Lang lang) {
  std::string details;
  auto add = [&](std::string_view key, const std::optional<std::string>& value) {
    if (!value) return;
    if (!details.empty()) details += " · ";
    details += fmt::format("{} {}", label(key, lang), *value);
  };
  add("legal_rep", party.legal_rep);
  add("address", party.address);
  add("postcode", party.postcode);
  add("phone", party.phone);
  add("fax", party.fax);
  add("contact", party.contact);
  add("bank", party.bank);
  add("account", party.account);
  add("credit_code", party.credit_code);
  return details;
}

void write_parties(std::ostream& out, const Summary& summary, const Painter& paint, Lang lang) {
  section(out, paint, "parties", lang, summary.parties.empty());
  for (const Party& party : summary.parties) {
    std::string role = party.role;
    if (party.alias)
      role += lang == Lang::zh ? "（" + *party.alias + "）" : " (" + *party.alias + ")";
    std::string name = party.name ? *party.name : "____";
    item(out, paint, util::pad_right(role, kLabelWidth) + " " + name, party.source);
    std::string details = party_details(party, lang);
    if (!details.empty()) out << "  " << std::string(kLabelWidth + 1, ' ') << details << '\n';
  }
}

// 元 (CNY in English) for yuan, else the ISO 4217 code: USD.
std::string_view currency_unit(const std::string& currency, Lang lang) {
  return currency == "CNY" ? label("yuan", lang) : std::string_view(currency);
}

std::string money_text(const Decimal& value, const std::string& currency, Lang lang) {
  return fmt::format("{} {}", util::pad_left(value.to_grouped(2), kAmountWidth),
                     currency_unit(currency, lang));
}

void write_amounts(std::ostream& out, const Summary& summary, const Painter& paint, Lang lang) {
  section(out, paint, "amounts", lang, summary.amounts.empty());
  for (const Amount& amount : summary.amounts) {
    std::string name = amount.label ? *amount.label : std::string(label("unlabelled", lang));
    std::string body = util::pad_right(name, kLabelWidth) + " ";
    if (amount.approximate) body += std::string(label("approximate", lang)) + " ";
    body += money_text(amount.value, amount.currency, lang);
    if (amount.words) {
      body += fmt::format("  {} {}", label("words", lang), *amount.words);
      bool agree = amount.consistent.value_or(true);
      body += "  " + (agree ? paint.green("✓")
                            : paint.red("✗ " + std::string(label("words_disagree", lang))));
    }
    item(out, paint, body, amount.source);
  }
}

void write_dates(std::ostream& out, const Summary& summary, const Painter& paint, Lang lang) {
  section(out, paint, "dates", lang, summary.dates.empty());
  for (const DateMention& date : summary.dates) {
    std::string value = date.value ? date.value->iso() : date.source.text;
    item(out, paint, value + "  " + std::string(label(to_string(date.role), lang)), date.source);
  }
}

std::string period_end_text(const PeriodEnd& end, Lang lang) {
  if (end.date) return end.date->iso();
  if (!end.text.empty()) return end.text;
  return std::string(label("open_start", lang));
}

void write_periods(std::ostream& out, const Summary& summary, const Painter& paint, Lang lang) {
  section(out, paint, "periods", lang, summary.periods.empty());
  for (const Period& period : summary.periods) {
    std::string body = period.label ? util::pad_right(*period.label, kLabelWidth) + " " : "";
    body += period_end_text(period.start, lang) + " → " + period_end_text(period.end, lang);
    item(out, paint, body, period.source);
  }
}

std::string duration_text(const Duration& duration, Lang lang) {
  std::string unit_key = "unit_" + std::string(to_string(duration.unit));
  std::string separator = lang == Lang::zh ? " " : " ";
  return duration.value.to_string() + separator + std::string(label(unit_key, lang));
}

void write_durations(std::ostream& out, const Summary& summary, const Painter& paint, Lang lang) {
  section(out, paint, "durations", lang, summary.durations.empty());
  for (const Duration& duration : summary.durations) {
    item(out, paint, duration_text(duration, lang), duration.source);
  }
}

std::string installment_text(const Installment& term, Lang lang) {
  std::string body = fmt::format("{}.", term.seq);
  if (term.remainder) body += fmt::format(" {}", label("remainder", lang));
  if (term.percent) body += fmt::format(" {}%", format_percent(*term.percent));
  if (share_left_blank(term)) body += fmt::format(" {}", label("rate_blank", lang));
  if (term.base) body += " " + *term.base;
  if (term.amount)
    body += fmt::format(" = {} {}", term.amount->to_grouped(2), currency_unit(term.currency, lang));
  if (term.period) body += " / " + *term.period;
  if (term.trigger) body += " · " + *term.trigger;
  // The due duration is a time limit: "…发票后 10 个工作日内", "… within 10 working days".
  if (term.due) {
    const std::string due = duration_text(*term.due, lang);
    body += lang == Lang::zh ? " " + due + "内" : " within " + due;
  }
  if (term.due_date) {
    body += fmt::format(" ({} {}{})", label("due_date", lang), term.due_date->iso(),
                        term.due_date_approximate ? "?" : "");
  }
  return body;
}

void write_installments(std::ostream& out, const Summary& summary, const Painter& paint,
                        Lang lang) {
  section(out, paint, "payment_terms", lang, summary.payment_terms.empty());
  for (const Installment& term : summary.payment_terms) {
    item(out, paint, installment_text(term, lang), term.source);
  }
}

std::string penalty_text(const Penalty& penalty, Lang lang) {
  std::string body = util::pad_right(label(to_string(penalty.kind), lang), kLabelWidth);
  if (penalty.base) body += fmt::format(" {}{}", *penalty.base, lang == Lang::zh ? "的" : " x");
  if (penalty.percent) body += fmt::format(" {}%", format_percent(*penalty.percent));
  // A range is the penalty where the contract gives no figure and no blank, else what the
  // figure or the blank may be: (范围 …) after it.
  const bool blank = rate_left_blank(penalty);
  const bool range_aside = penalty.percent || penalty.amount || blank;
  const bool english = lang == Lang::en;
  if (penalty.range && !range_aside)
    body += fmt::format(" {}", range_text(*penalty.range, english));
  if (blank) body += fmt::format(" {}", label("rate_blank", lang));
  std::string_view per = to_string(penalty.per);
  if (!per.empty()) body += fmt::format(" {}", label(fmt::format("per_{}", per), lang));
  if (penalty.condition) body += fmt::format(" ({} {})", label("tier", lang), *penalty.condition);
  if (penalty.amount) {
    body += fmt::format(" = {} {}", penalty.amount->to_grouped(2),
                        currency_unit(penalty.currency, lang));
  }
  if (penalty.range && range_aside) {
    body += fmt::format(" ({} {})", label("range", lang), range_text(*penalty.range, english));
  }
  if (penalty.cap_percent) {
    body += fmt::format(" ({} {}%)", label("cap", lang), format_percent(*penalty.cap_percent));
  }
  if (penalty.payer || penalty.payee) {
    body += fmt::format("  {} → {}", penalty.payer.value_or("?"), penalty.payee.value_or("?"));
  }
  return body;
}

void write_penalties(std::ostream& out, const Summary& summary, const Painter& paint, Lang lang) {
  section(out, paint, "penalties", lang, summary.penalties.empty());
  for (const Penalty& penalty : summary.penalties) {
    item(out, paint, penalty_text(penalty, lang), penalty.source);
  }
}

void write_findings(std::ostream& out, const Summary& summary, const Painter& paint, Lang lang) {
  out << '\n' << paint.bold(std::string(label("findings", lang)));
  if (summary.findings.empty()) {
    out << "  " << paint.green(std::string(label("no_findings", lang))) << '\n';
    return;
  }
  out << '\n';
  for (const Finding& finding : summary.findings) {
    std::string severity(label(to_string(finding.severity), lang));
    std::string body = paint.severity(finding.severity, severity) + " [" + finding.rule + "] " +
                       message_in(finding, lang);
    item(out, paint, body, finding.source);
  }
}

void write_heading(std::ostream& out, const Summary& summary, const Painter& paint, Lang lang) {
  std::string title = summary.title ? *summary.title : summary.file;
  out << paint.bold(title);
  if (summary.contract_no) out << "  " << label("contract_no", lang) << " " << *summary.contract_no;
  out << '\n'
      << paint.dim(fmt::format("{} {} · {} {}", label("file", lang), summary.file,
                               label("encoding", lang), summary.encoding))
      << '\n';
}

}  // namespace

void write_summary_text(std::ostream& out, const Summary& summary, const TextStyle& style) {
  Painter paint(style.color);
  write_heading(out, summary, paint, style.lang);
  write_parties(out, summary, paint, style.lang);
  write_amounts(out, summary, paint, style.lang);
  write_installments(out, summary, paint, style.lang);
  write_penalties(out, summary, paint, style.lang);
  write_periods(out, summary, paint, style.lang);
  write_dates(out, summary, paint, style.lang);
  write_durations(out, summary, paint, style.lang);
  write_findings(out, summary, paint, style.lang);
}

}  // namespace clause_scan
