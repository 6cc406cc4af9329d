// catalog.cpp: the checks written in code, with the paragraph `check --explain` prints, and
// the checks the rule files add.
#include <algorithm>
#include <string>
#include <utility>

#include "check/internal.h"
#include "clause_scan/check.h"

namespace clause_scan {
namespace {

// A check written in code: its line and paragraph in English, then in Chinese.
CheckInfo builtin(std::string id, Severity severity, std::string summary, std::string summary_zh,
                  std::string explanation, std::string explanation_zh) {
  return CheckInfo{std::move(id),
                   severity,
                   std::move(summary),
                   std::move(explanation),
                   "built-in",
                   std::move(summary_zh),
                   std::move(explanation_zh)};
}

std::vector<CheckInfo> make_builtin_checks() {
  std::vector<CheckInfo> checks = {
      builtin(
          check_id::amount_words_mismatch, Severity::error,
          "A sum written in figures and in capitals (大写) gives two different values",
          "大写金额与小写金额不一致",
          "A sum is written twice, in figures (1977800 元) and in Chinese capitals "
          "(壹佰玖拾柒万柒仟捌佰元整), and the two do not agree. Courts and banks usually take the "
          "capitals, so a typo in the figures silently changes the price. The extraction stage "
          "finds the pair and reads both; fix whichever is wrong.",
          "同一笔金额以小写数字（1977800 元）和中文大写（壹佰玖拾柒万柒仟捌佰元整）各写一次，"
          "两者不一致。法院和银行通常以大写金额为准，小写数字中的一处笔误便会在不经意间改变价款。"
          "抽取阶段找出这两处金额并分别读出其数额；请核对后更正有误的一处。"),
      builtin(
          check_id::installments_not_100, Severity::error,
          "The payment installments do not add up to 100%", "各期付款比例之和不等于 100%",
          "The percentages of the payment schedule (预付款 30%, 进度款 60%, 尾款 10% ...) add up "
          "to more or less than 100% of the sum they are taken of, so the contract either pays "
          "too much or leaves part of the price with no due date. A remainder (尾款, 余款, "
          "剩余款项) without a percentage counts as whatever is left.",
          "付款计划中各期款项的比例（预付款 30%、进度款 60%、尾款 10% ……）相加后高于或低于"
          "计算基数的 100%：要么约定支付的款项超出价款，要么部分价款没有约定付款期限。"
          "未载明比例的尾款、余款或剩余款项，按扣除其他各期后的剩余部分计算。"),
      builtin(
          check_id::undefined_base, Severity::warning,
          "A penalty or installment is a percentage of a sum the contract never defines",
          "违约金或分期款项以合同未约定的金额为计算基数",
          "A rate is taken of a named sum (中标金额的 30%, 合同总价的 10%) but no clause of the "
          "contract states that sum, so the amount cannot be computed and the two parties may "
          "read it differently. Define the sum (e.g. \"中标金额：人民币 … 元\") or name one that "
          "is "
          "defined.",
          "某一比例以特定名称的金额为计算基数（中标金额的 30%、合同总价的 10%），但合同中没有任何"
          "条款载明该金额，具体数额因而无法计算，双方也可能各执一词。请在合同中约定该金额"
          "（如“中标金额：人民币 … 元”），或改以合同已约定的金额为基数。"),
      builtin(
          check_id::penalty_over_ceiling, Severity::warning,
          "A one-off penalty is above the ceiling (default 30% of the contract amount)",
          "一次性违约金超过上限（默认为合同金额的 30%）",
          "A liquidated-damages rate, a fixed penalty sum or a penalty cap exceeds [limits] "
          "penalty_percent (default 30) percent of the sum it is taken of (for a fixed sum, of "
          "the contract amount). Courts may reduce liquidated damages that are excessively higher "
          "than the loss (民法典 article 585; the judicial interpretation treats more than 30% "
          "above the loss as excessive), so a rate above the ceiling deserves a second look. "
          "Deposits (定金, limited by law to 20%) and "
          "surcharges on an interest rate (罚息) are not compared.",
          "违约金比例、固定违约金数额或违约金上限超过其计算基数（固定数额以合同金额为基数）的 "
          "[limits] penalty_percent 所设百分比（默认 30%）。约定的违约金过分高于造成的损失的，"
          "人民法院可以根据当事人的请求予以适当减少（民法典第五百八十五条；依司法解释，"
          "超过造成的损失百分之三十的，一般可以认定为过分高于造成的损失），"
          "因此超过上限的比例应当复核。定金（依法不得超过主合同标的额的百分之二十）"
          "和在利率基础上加收的罚息不作比较。"),
      builtin(
          check_id::daily_rate_over_ceiling, Severity::warning,
          "A per-day penalty or late-payment rate is above the ceiling (default 0.05%/日)",
          "按日计算的违约金或逾期付款比例超过上限（默认每日 0.05%）",
          "A rate charged per day of delay (每日万分之五, 0.05%/日, 按日千分之一) is above "
          "[limits] "
          "daily_rate_percent (default 0.05). Rates per week, month or year are compared with 7, "
          "30 or 365 times the daily ceiling. Daily rates add up fast (0.1% a day is 36.5% a "
          "year) and high ones are commonly cut down; check that the rate is the intended one.",
          "按逾期天数计收的比例（每日万分之五、0.05%/日、按日千分之一）高于 [limits] "
          "daily_rate_percent 所设上限（默认 0.05）。按周、按月或按年计算的比例，分别与日上限的 "
          "7 倍、30 倍或 365 倍比较。按日计算的比例累积很快（每日 0.1% 即每年 36.5%），"
          "过高的比例常被调减；请核实该比例是否符合双方本意。"),
      builtin(check_id::penalty_outside_range, Severity::error,
              "A penalty's figure is outside the range written beside it",
              "违约金数额或比例超出其旁注明的可选范围",
              "A model text leaves the penalty to the parties within a range, and the filled-in "
              "contract writes the chosen figure with the range beside it (10000（5000～50000）"
              "元/天, 10%（5～10）%). A figure outside its own range (60000（5000～50000）元/天) "
              "contradicts the contract itself: the figure was mistyped, or chosen against the "
              "range the model text allows.",
              "范本将违约金留待双方在一定范围内约定，填写后的合同在所选数额或比例旁注明可选范围"
              "（10000（5000～50000）元/天、10%（5～10）%）。所选数额超出其旁注明的范围"
              "（60000（5000～50000）元/天），合同即自相矛盾：或是数额笔误，或是所选数额不符合"
              "范本允许的范围。"),
      builtin(check_id::period_end_before_start, Severity::error, "A period ends before it starts",
              "期限的届满日早于起始日",
              "A period (服务期限, 租赁期限 ...) gives a start date and an end date, and the end "
              "comes first: usually a typo in the year. Any deadline computed from the period is "
              "then meaningless.",
              "某一期限（服务期限、租赁期限 ……）载明了起始日期和届满日期，但届满日期在前，"
              "通常是年份笔误。据此期限计算的任何期日都因此失去意义。"),
      builtin(check_id::signing_after_period_end, Severity::error,
              "The contract is signed after the period it covers has ended",
              "合同签订日期晚于合同期限的届满日",
              "The signing date (签订日期) is later than the end date of a period of the contract "
              "(服务期限至 2026 年 12 月 31 日), so the whole term is already over when the "
              "contract is signed. Either the signing date or the period is wrong.",
              "签订日期晚于合同所约定某一期限的届满日（服务期限至 2026 年 12 月 31 日），"
              "合同签订之时整个期限即已届满。签订日期与该期限必有一处有误。"),
      builtin(check_id::duplicate_clause_number, Severity::error,
              "Two clauses carry the same number", "两个条款编号相同",
              "Two clauses at the same level carry the same number (two 4.2, two 第五条), "
              "usually after a clause was copied or inserted without renumbering. A reference to "
              "that number is now ambiguous. Articles (第N条) are compared over the whole "
              "contract or appendix, other numbers among the clauses of one parent.",
              "同一层级的两个条款编号相同（两个 4.2、两个第五条），通常是复制或插入条款后未重新"
              "编号所致，援引该编号的条文因此指向不明。“第N条”在整个合同或附件范围内比较，"
              "其他编号在同一上级条款的各项之间比较。"),
      builtin(check_id::clause_number_gap, Severity::warning,
              "Clause numbering skips a number or goes back", "条款编号跳号或倒序",
              "Two clauses that follow each other at the same level are not numbered in "
              "sequence: 4.1 followed by 4.3, 第三条 followed by 第五条, or a number lower than "
              "the one before. A clause was deleted or moved without renumbering, and references "
              "to the later clauses may now point at the wrong text. Each appendix and appended "
              "agreement is numbered on its own.",
              "同一层级前后相邻的两个条款编号不连续：4.1 之后是 4.3，第三条之后是第五条，"
              "或者编号小于前一条。这说明有条款被删除或移动后未重新编号，援引其后各条的条文"
              "可能因此指向错误的内容。各附件及附加协议分别独立编号。"),
      builtin(check_id::dangling_reference, Severity::error,
              "A cross-reference names a clause that does not exist", "援引的条款不存在",
              "The text refers to a clause by number (见第 2.2 款, 按本合同第十条, 根据第三章) "
              "and the outline has no clause with that number in the same part of the document "
              "(the main contract, or the appendix the reference is in, which may also refer to "
              "the main contract). The clause was deleted or renumbered, or the reference is a "
              "typo. References to laws (《民法典》第五百八十五条) are not checked.",
              "正文按编号援引某一条款（见第 2.2 款、按本合同第十条、根据第三章），但在援引所在"
              "部分（合同正文，或援引所在的附件；附件亦可援引合同正文）的条款结构中没有该编号的"
              "条款。该条款可能已被删除或重新编号，也可能是援引笔误。对法律条文的援引"
              "（《民法典》第五百八十五条）不作检查。"),
      builtin(check_id::unused_rule, Severity::warning,
              "A check rule matched nothing in the whole run", "检查规则在整次运行中未匹配任何内容",
              "With --report-unused-rules, a rule of category \"check\" that matched no line of "
              "any checked file is reported at its line in its rule file. A rule that never "
              "fires is either obsolete or broken (a pattern with a typo, a full-width character "
              "that the normalized text never contains); a silently dead rule is the commonest "
              "failure of a linter. Rules of the installed rules folder are reported only when "
              "--rules names it.",
              "使用 --report-unused-rules 时，类别为 \"check\" 的规则如果未匹配任何被检查文件的"
              "任何一行，即在其规则文件中该规则所在的行报告。从不触发的规则不是已经过时，就是"
              "存在缺陷（模式有笔误，或含有规范化后的文本中不会出现的全角字符）；规则悄然失效是"
              "检查工具最常见的故障。已安装规则目录中的规则，仅在 --rules 指定该目录时报告。"),
  };
  std::sort(checks.begin(), checks.end(),
            [](const CheckInfo& a, const CheckInfo& b) { return a.id < b.id; });
  return checks;
}

}  // namespace

const std::vector<std::string>& default_required_content() {
  static const std::vector<std::string> names = {
      "parties", "amount", "term", "payment-terms", "dispute-resolution", "signature"};
  return names;
}

const std::vector<CheckInfo>& builtin_checks() {
  static const std::vector<CheckInfo> checks = make_builtin_checks();
  return checks;
}

const std::string& summary_in(const CheckInfo& check, Lang lang) {
  return lang == Lang::zh && !check.summary_zh.empty() ? check.summary_zh : check.summary;
}

const std::string& explanation_in(const CheckInfo& check, Lang lang) {
  return lang == Lang::zh && !check.explanation_zh.empty() ? check.explanation_zh
                                                           : check.explanation;
}

CheckInfo rule_check_info(const Rule& rule) {
  CheckInfo info;
  info.id = rule.id;
  info.severity = rule.severity.value_or(Severity::warning);
  // In English: the English message where a rule has one.
  const std::string_view message = rule.attribute("message_en", rule.attribute("message"));
  info.summary = rule.description.empty() ? std::string(message.empty() ? rule.id : message)
                                          : rule.description;
  std::string explanation(rule.attribute("explanation"));
  if (explanation.empty()) {
    explanation = info.summary;
    if (!message.empty()) explanation += ". Message: " + std::string(message);
  }
  info.explanation = explanation;
  info.origin = rule.file + ":" + std::to_string(rule.line);

  // In Chinese: the `_zh` attributes; a rule that gives none (a user's rule file may be
  // written in English only) shows its English text, except that a rule without a
  // description is summed up by its Chinese message.
  const std::string_view message_zh = rule.attribute("message");
  std::string_view summary_zh = rule.attribute("description_zh");
  if (summary_zh.empty() && rule.description.empty()) summary_zh = message_zh;
  info.summary_zh = summary_zh.empty() ? info.summary : std::string(summary_zh);
  info.explanation_zh = rule.attribute("explanation_zh");
  if (!info.explanation_zh.empty()) return info;
  // Without a Chinese summary, or with an English paragraph, the English paragraph.
  if (summary_zh.empty() || !rule.attribute("explanation").empty()) {
    info.explanation_zh = info.explanation;
  } else {
    info.explanation_zh = info.summary_zh;
    if (!message_zh.empty() && message_zh != summary_zh) {
      info.explanation_zh += "。提示信息：" + std::string(message_zh);
    }
  }
  return info;
}

std::vector<CheckInfo> check_catalog(const std::vector<const RuleSet*>& rule_sets) {
  std::vector<CheckInfo> catalog = builtin_checks();
  for (const RuleSet* set : rule_sets) {
    for (const auto& rule : set->rules()) {
      if (rule->category == check_detail::kCheckCategory) catalog.push_back(rule_check_info(*rule));
    }
  }
  std::stable_sort(catalog.begin(), catalog.end(),
                   [](const CheckInfo& a, const CheckInfo& b) { return a.id < b.id; });
  return catalog;
}

}  // namespace clause_scan
