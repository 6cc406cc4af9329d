// Sums of money: figures, capitals, names; finding "amount-words-mismatch".
//
// The steps are in amounts_parts.h. A sum whose capitals disagree with its figures gets the
// finding, in Chinese (the default: the reader is a Chinese lawyer) and in English:
//   大写金额与小写金额不一致：小写 286,000.00 元，大写 贰拾陆万捌仟元整 = 268,000.00 元
//   amount in words differs from the figures: 286,000.00 CNY, in words 贰拾陆万捌仟元整 =
//   268,000.00 CNY
#include <string>
#include <string_view>

#include "extract/amounts_parts.h"
#include "extract/extractors.h"

namespace clause_scan::extract {
namespace {

constexpr std::string_view kMismatchRule = "amount-words-mismatch";

// How a sum in `currency` is written after its figure.
std::string_view unit_name(std::string_view currency) {
  if (currency == "CNY") return "元";
  if (currency == "USD") return "美元";
  if (currency == "HKD") return "港元";
  if (currency == "EUR") return "欧元";
  if (currency == "GBP") return "英镑";
  if (currency == "JPY") return "日元";
  return currency;
}

Finding mismatch_finding(const Amount& amount) {
  const std::string unit(unit_name(amount.currency));
  const std::string figures = amount.value.to_grouped(2);
  const std::string words = amount.words.value_or("");
  const std::string words_value = amount.words_value->to_grouped(2);
  Finding finding;
  finding.rule = std::string(kMismatchRule);
  finding.severity = Severity::error;
  finding.message = "大写金额与小写金额不一致：小写 " + figures + " " + unit + "，大写 " + words +
                    " = " + words_value + " " + unit;
  finding.message_en = "amount in words differs from the figures: " + figures + " " +
                       amount.currency + ", in words " + words + " = " + words_value + " " +
                       amount.currency;
  finding.source = amount.source;
  return finding;
}

}  // namespace

void extract_amounts(const Context& context, Summary& summary) {
  std::vector<Amount> sums = amounts::find_sums(context);
  amounts::name_sums(context, sums);
  amounts::add_table_sums(context, sums);
  for (Amount& sum : sums) {
    if (sum.consistent == false && sum.words_value)
      summary.findings.push_back(mismatch_finding(sum));
    summary.amounts.push_back(std::move(sum));
  }
}

}  // namespace clause_scan::extract
