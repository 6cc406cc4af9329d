// summary.h: the summary of one contract, as ../shared/spec/summary-v1.md fixes it.
//
// These are plain values, filled by extract.h and written by report.h; the JSON keys are the
// spec's. An optional that is empty is written as null. Every item carries a SourceRef: the
// clause path, the 1-based line and the exact original words it came from.
//
// Thread-safety: plain data.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "clause_scan/calendar.h"
#include "clause_scan/numbers.h"
#include "clause_scan/outline.h"
#include "clause_scan/rules.h"

namespace clause_scan {

inline constexpr const char* kSummarySchema = "clause-scan/summary/v1";

struct SourceRef {
  std::string clause;     // "9.3", "" before the first clause
  int line = 0;           // 1-based
  int column = 0;         // 1-based, in characters (for check output)
  std::string text;       // the original words
  std::size_t begin = 0;  // normalized offsets (not written out)
  std::size_t end = 0;
};

struct Party {
  std::string role;                  // 甲方, 出租方, ...
  std::optional<std::string> alias;  // 委托人 in 甲方（委托人）
  std::optional<std::string> name;
  std::optional<std::string> address;
  std::optional<std::string> postcode;
  std::optional<std::string> phone;
  std::optional<std::string> fax;
  std::optional<std::string> contact;
  std::optional<std::string> legal_rep;
  std::optional<std::string> bank;
  std::optional<std::string> account;
  std::optional<std::string> credit_code;  // 统一社会信用代码 (added to the spec's fields)
  SourceRef source;                        // the role line
};

struct Amount {
  std::optional<std::string> label;  // 中标金额, 合同金额, 租金 ...
  Decimal value;
  std::string currency = "CNY";
  std::optional<std::string> words;  // 壹佰玖拾柒万柒仟捌佰元整
  std::optional<Decimal> words_value;
  std::optional<bool> consistent;  // null when there are no capitals
  bool approximate = false;        // 约50万元: value is the lower bound
  SourceRef source;
};

enum class DateRole { signing, start, end, effective, other };
std::string_view to_string(DateRole role);  // "signing", "start", ...

struct DateMention {
  std::optional<Date> value;
  DateRole role = DateRole::other;
  SourceRef source;
};

struct PeriodEnd {
  std::optional<Date> date;
  std::string text;  // the words: "合同签订日", "2026 年 12 月 31 日"
};

struct Period {
  std::optional<std::string> label;  // 服务期限, 租赁期限 ...
  PeriodEnd start;
  PeriodEnd end;
  SourceRef source;
};

enum class DurationUnit { day, working_day, week, month, year, hour };
std::string_view to_string(DurationUnit unit);  // "day", "working_day", ...

struct Duration {
  Decimal value;
  DurationUnit unit = DurationUnit::day;
  SourceRef source;
};

struct Installment {
  int seq = 0;  // 1-based, in order of the contract
  std::optional<Decimal> percent;
  std::optional<Decimal> amount;    // money: fixed sum, or percent x base amount
  std::optional<std::string> base;  // 中标金额
  std::optional<std::string> trigger;  // 合同签订生效且甲方收到乙方开具的等额发票后
  std::optional<Duration> due;         // 10 个工作日内
  std::optional<Date> due_date;        // when the trigger is a known date (added field)
  bool due_date_approximate = false;  // outside the holiday calendar's years
  std::optional<std::string> period;  // "month" for 每月租金 (added field)
  bool remainder = false;             // 尾款/余款/剩余款项
  std::string currency = "CNY";       // of `amount`: its base's, or the sum's (added field)
  SourceRef source;
};

// A share a template leaves blank (总咨询费的＿＿％): a base, and no percent, sum or remainder.
bool share_left_blank(const Installment& term);

enum class PenaltyKind { liquidated_damages, late_payment, late_delivery, deposit_forfeit, other };
std::string_view to_string(PenaltyKind kind);

// The bounds a contract gives instead of one figure, to be chosen case by case (按1000～30000
// 元/天·次计算违约金; 按签约合同价的（0.5～3）%支付违约金; 处以1－2倍差额电费的罚金 is 100～200%).
enum class RangeUnit { yuan, percent };
std::string_view to_string(RangeUnit unit);
struct PenaltyRange {
  Decimal low;
  Decimal high;
  RangeUnit unit = RangeUnit::yuan;
};
// A range as the summaries and findings write it: "1,000.00～30,000.00 元", "0.5～3%"; in
// English "1,000.00 to 30,000.00 CNY", "0.5 to 3%".
std::string range_text(const PenaltyRange& range, bool english = false);

struct Penalty {
  PenaltyKind kind = PenaltyKind::other;
  std::optional<Decimal> percent;
  std::optional<std::string> base;
  std::optional<Decimal> base_value;
  std::optional<Decimal> amount;  // one-off sum: percent x base_value
  RatePer per = RatePer::none;
  std::optional<Decimal> cap_percent;
  std::optional<std::string> payer;
  std::optional<std::string> payee;
  // The tier a rate of a table applies to (0.5节或低于0.5节, under 按下列比例支付违约金：)
  // (added field).
  std::optional<std::string> condition;
  // The range the contract allows (added field): the penalty itself when percent and amount
  // are null, else the bounds written beside the figure (10000（5000～50000）元/天).
  std::optional<PenaltyRange> range;
  // The template leaves the rate blank to be filled in (＿％（１－２０％的幅度）).
  bool rate_blank = false;
  // Of `amount` and `base_value`: the base's, or the sum's (按投标押金 USD 1,000 没收) (added
  // field).
  std::string currency = "CNY";
  SourceRef source;
};

// A rate a template leaves blank (按逾期金额[ ]%, ＿％（１－２０％的幅度）): no percent or sum, and
// a rule that reads a blank, or a base without a range.
bool rate_left_blank(const Penalty& penalty);

// A finding speaks both languages of the output: `message` in Chinese (the default, and the
// text baselines fingerprint) and `message_en` in English (report.h message_in() chooses; an
// empty message_en falls back to message). message_en comes last so that the aggregate
// Finding{rule, severity, message, source} still reads as it did.
struct Finding {
  std::string rule;  // e.g. "amount-words-mismatch"
  Severity severity = Severity::warning;
  std::string message;  // Chinese: 大写金额与小写金额不一致…
  SourceRef source;     // clause, line, column
  std::string message_en;
};

struct Summary {
  std::string file;
  std::string encoding;
  std::optional<std::string> title;
  std::optional<std::string> contract_no;
  std::vector<Party> parties;
  std::vector<Amount> amounts;
  std::vector<DateMention> dates;
  std::vector<Period> periods;
  std::vector<Duration> durations;
  std::vector<Installment> payment_terms;
  std::vector<Penalty> penalties;
  std::vector<Finding> findings;
  std::vector<Clause> clauses;  // the outline
};

}  // namespace clause_scan
