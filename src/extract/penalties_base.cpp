// Which defined sum a penalty's base label names.
//
// The words a rule captured are cleaned (a leading 按/按照 dropped, bracketed notes removed)
// and split into alternatives at 或 where what comes before it is the name of a sum (class
// "sum": 项目中标金额（如…）或项目总价款（如…）, not 该类材料或设备费总价款). Each alternative
// is classed by the rules of category "penalty_base": a name of the whole contract price
// (合同金额, 合同总价, 合同总额 …) resolves to the largest sum the contract gives under any
// such name, since the smaller ones are parts of it paid under the same word (支付合同金额：
// 395,000 元); other labels resolve through lookup.h's find_amount. The first alternative
// that resolves is the base; when none does, the first one is, and it is "generic" when its
// class says it is not a defined sum by nature (应付未付金额, 日租金, 原借款利率).
#include <array>

#include <fmt/format.h>

#include "extract/lookup.h"
#include "extract/penalties_parts.h"
#include "util/text.h"

namespace clause_scan::extract::penalty {
namespace {

constexpr std::string_view kUndefinedBase = "undefined-base";
constexpr std::size_t kMinLabelBytes = 6;  // two CJK characters

// Pointer words before a label that are not part of its name (本合同总价 -> 合同总价,
// 本合同约定的工期延误违约金 -> 工期延误违约金). (Not 该: 该批材料, 该部分 are names of their own.)
constexpr std::array<std::string_view, 7> kPointers = {
    "合同约定的", "合同规定的", "约定的", "规定的", "上述", "本", "其"};

std::string_view strip_pointers(std::string_view label) {
  for (bool stripped = true; stripped;) {
    stripped = false;
    for (std::string_view pointer : kPointers) {
      if (util::starts_with(label, pointer) && label.size() >= pointer.size() + kMinLabelBytes) {
        label.remove_prefix(pointer.size());
        stripped = true;
      }
    }
  }
  return label;
}

// The words after the last 按/按照 (a statement captured from an earlier 按 of its sentence).
std::string_view after_last_an(std::string_view words) {
  constexpr std::string_view kAn = "按";
  constexpr std::string_view kZhao = "照";
  std::size_t at = words.rfind(kAn);
  if (at == std::string_view::npos) return words;
  std::string_view rest = words.substr(at + kAn.size());
  if (util::starts_with(rest, kZhao)) rest.remove_prefix(kZhao.size());
  return rest.size() >= kMinLabelBytes ? util::trim(rest) : words;
}

// True when a penalty_base rule of class `name` matches the label.
bool has_class(const Context& context, std::string_view label, std::string_view name) {
  for (const RuleMatch& match : context.scan_words(label, "penalty_base")) {
    if (match.rule->attribute("class") == name) return true;
  }
  return false;
}

// The labels the words offer: one, or several joined by 或 where each part before a 或 ends
// as the name of a sum does (中标金额或项目总价款, but not 该类材料或设备费总价款).
std::vector<std::string> alternatives(const Context& context, std::string_view words) {
  std::string cleaned = without_brackets(after_last_an(util::trim(words)));
  std::vector<std::string> parts;
  std::string_view rest = cleaned;
  constexpr std::string_view kOr = "或";
  std::size_t from = 0;
  for (std::size_t at; (at = rest.find(kOr, from)) != std::string_view::npos;) {
    std::string_view part = util::trim(rest.substr(0, at));
    if (part.empty() || !has_class(context, part, "sum")) {
      from = at + kOr.size();  // 或 inside a name: look for the next one
      continue;
    }
    parts.emplace_back(strip_pointers(part));
    rest.remove_prefix(at + kOr.size());
    from = 0;
  }
  std::string_view last = util::trim(rest);
  if (!last.empty()) parts.emplace_back(strip_pointers(last));
  return parts;
}

const Amount* largest_contract_price(const Context& context, const Summary& summary) {
  const Amount* largest = nullptr;
  for (const Amount& amount : summary.amounts) {
    if (!amount.label || amount.approximate) continue;
    if (!has_class(context, strip_pointers(*amount.label), "contract_price")) continue;
    if (largest == nullptr || amount.value > largest->value) largest = &amount;
  }
  return largest;
}

std::optional<ResolvedBase> resolve_one(const Context& context, const Summary& summary,
                                        const std::string& label) {
  if (has_class(context, label, "contract_price")) {
    if (const Amount* price = largest_contract_price(context, summary)) {
      return ResolvedBase{label, price->value, false, price->currency};
    }
  }
  if (const Amount* amount = find_amount(summary, label)) {
    return ResolvedBase{std::string(strip_pointers(*amount->label)), amount->value, false,
                        amount->currency};
  }
  return std::nullopt;
}

// The end of the bracket opening at `open` when it holds only Latin letters, an abbreviation
// that is part of the name (贷款市场报价利率(LPR)) rather than a note; else npos.
std::size_t abbreviation_end(std::string_view words, std::size_t open) {
  const std::size_t close = words.find(')', open);
  if (close == std::string_view::npos || close == open + 1) return std::string_view::npos;
  for (std::size_t at = open + 1; at < close; ++at) {
    const char c = words[at];
    if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'))) return std::string_view::npos;
  }
  return close + 1;
}

}  // namespace

std::string without_brackets(std::string_view words) {
  std::string out;
  int depth = 0;
  for (std::size_t at = 0; at < words.size(); ++at) {
    const char c = words[at];
    if (c == '(' && depth == 0) {
      if (std::size_t end = abbreviation_end(words, at); end != std::string_view::npos) {
        out.append(words.substr(at, end - at));
        at = end - 1;
        continue;
      }
    }
    if (c == '(') ++depth;
    if (depth == 0) out += c;
    if (c == ')' && depth > 0) --depth;
  }
  return out;
}

ResolvedBase resolve_base(const Context& context, const Summary& summary, std::string_view words) {
  std::vector<std::string> labels = alternatives(context, words);
  if (labels.empty()) return ResolvedBase{std::string(util::trim(words)), std::nullopt, false};
  for (const std::string& label : labels) {
    if (auto resolved = resolve_one(context, summary, label)) return *resolved;
  }
  return ResolvedBase{labels.front(), std::nullopt, has_class(context, labels.front(), "generic")};
}

void read_base(const Context& context, const Summary& summary, std::string_view words,
               Penalty& penalty, std::vector<Finding>& findings) {
  if (words.empty()) return;
  ResolvedBase base = resolve_base(context, summary, words);
  penalty.base = base.label;
  penalty.base_value = base.value;
  if (base.value) penalty.currency = base.currency;
  if (base.value && penalty.percent && penalty.per == RatePer::none && !penalty.amount) {
    if (auto amount = base.value->percent_of(*penalty.percent)) penalty.amount = amount->round(2);
  }
  if (!base.value && !base.generic) {
    findings.push_back(Finding{
        std::string(kUndefinedBase), Severity::warning,
        fmt::format("违约金计算基数“{}”在合同中没有定义金额", base.label), penalty.source,
        fmt::format("penalty base “{}” is not stated as a sum in the contract", base.label)});
  }
}

}  // namespace clause_scan::extract::penalty
