// The words of human-readable output, Chinese and English, in one table; and the language
// a finding's message is written in.
#include <array>
#include <string_view>

#include "clause_scan/report.h"

namespace clause_scan {
namespace {

struct Label {
  std::string_view key;
  std::string_view zh;
  std::string_view en;
};

constexpr std::array<Label, 106> kLabels = {{
    {"summary", "合同摘要", "Contract summary"},
    {"file", "文件", "File"},
    {"encoding", "编码", "Encoding"},
    {"title", "标题", "Title"},
    {"contract_no", "合同编号", "Contract no."},
    {"parties", "当事人", "Parties"},
    {"amounts", "合同金额", "Amounts"},
    {"dates", "日期", "Dates"},
    {"periods", "期限", "Periods"},
    {"durations", "时限", "Durations and deadlines"},
    {"payment_terms", "付款安排", "Payment terms"},
    {"penalties", "违约责任", "Penalties"},
    {"findings", "发现的问题", "Findings"},
    {"clauses", "条款结构", "Outline"},
    {"none", "未找到", "none found"},
    {"no_findings", "未发现问题", "no findings"},
    {"unlabelled", "（未标明）", "(unlabelled)"},
    {"words", "大写", "in words"},
    {"words_agree", "大小写一致", "figures and words agree"},
    {"words_disagree", "大小写不一致", "figures and words disagree"},
    {"approximate", "约", "approx."},
    {"address", "地址", "address"},
    {"postcode", "邮编", "postcode"},
    {"phone", "电话", "phone"},
    {"fax", "传真", "fax"},
    {"contact", "联系人", "contact"},
    {"legal_rep", "法定代表人", "legal rep."},
    {"bank", "开户银行", "bank"},
    {"account", "账号", "account"},
    {"credit_code", "统一社会信用代码", "credit code"},
    {"signing", "签订", "signing"},
    {"start", "起始", "start"},
    {"end", "终止", "end"},
    {"effective", "生效", "effective"},
    {"other", "其他", "other"},
    {"remainder", "尾款", "remainder"},
    {"due", "期限", "due"},
    {"due_date", "到期日", "due date"},
    {"per_day", "每日", "per day"},
    {"per_week", "每周", "per week"},
    {"per_month", "每月", "per month"},
    {"per_year", "每年", "per year"},
    {"cap", "上限", "cap"},
    {"rate_blank", "比例空白", "rate left blank"},
    {"tier", "情形", "when"},
    {"liquidated_damages", "违约金", "liquidated damages"},
    {"late_payment", "逾期付款", "late payment"},
    {"late_delivery", "逾期交付", "late delivery"},
    {"deposit_forfeit", "定金罚则", "deposit forfeiture"},
    {"error", "错误", "error"},
    {"warning", "警告", "warning"},
    {"info", "提示", "info"},
    {"yuan", "元", "CNY"},
    {"range", "范围", "range"},
    {"open_start", "（未定）", "(open)"},
    {"unit_day", "日", "days"},
    {"unit_working_day", "个工作日", "working days"},
    {"unit_week", "周", "weeks"},
    {"unit_month", "个月", "months"},
    {"unit_year", "年", "years"},
    {"unit_hour", "小时", "hours"},
    {"batch_progress", "{done}/{total} 个文件  {mbps:.1f} MB/s  {errors} 个错误  剩余 {eta}",
     "{done}/{total} files  {mbps:.1f} MB/s  {errors} errors  ETA {eta}"},
    {"batch_summary",
     "{files} 个文件，{mb:.1f} MB，用时 {seconds:.1f} 秒"
     "（{mbps:.1f} MB/s，每秒 {rate:.0f} 个文件），失败 {failed} 个",
     "{files} files, {mb:.1f} MB in {seconds:.1f} s ({mbps:.1f} MB/s, {rate:.0f} files/s), "
     "{failed} failed"},
    {"batch_kept", "；沿用 {file} 中已有的 {kept} 条记录（失败 {failed} 个）",
     "; {kept} records kept from {file} ({failed} failed)"},
    {"check_counts", "检查了 {files} 个文件：{error} 个错误，{warning} 个警告，{info} 个提示",
     "{files} files checked; errors: {error}, warnings: {warning}, info: {info}"},
    {"check_suppressed", "（另有 {count} 个已在基线中，未列出）",
     " ({count} more in the baseline, not shown)"},
    {"diff_title", "合同比较", "Contract comparison"},
    {"diff_old", "原版本", "old"},
    {"diff_new", "新版本", "new"},
    {"diff_identical", "两个版本没有差异", "No differences"},
    {"diff_clauses", "条款", "Clauses"},
    {"diff_fields", "字段变化", "Field changes"},
    {"diff_no_fields", "无字段变化", "no field changes"},
    {"diff_changes", "条款变化", "Changed clauses"},
    {"diff_no_changes", "条款没有变化", "no clause changes"},
    {"diff_unchanged", "未变", "unchanged"},
    {"diff_modified", "修改", "modified"},
    {"diff_added", "新增", "added"},
    {"diff_deleted", "删除", "deleted"},
    {"diff_moved", "移动", "moved"},
    {"diff_renumbered", "重新编号", "renumbered"},
    {"diff_head", "（首部）", "(preamble)"},
    {"diff_field", "字段", "Field"},
    {"diff_old_value", "原值", "Old"},
    {"diff_new_value", "新值", "New"},
    {"diff_clause", "条款", "Clause"},
    {"diff_absent", "（无）", "(none)"},
    {"diff_moved_to", "已移至", "moved to"},
    {"diff_moved_from", "原位置", "moved from"},
    {"diff_was", "原", "was"},
    {"diff_legend", "图例", "Legend"},
    {"diff_amount", "金额", "Amount"},
    {"diff_period", "期限", "Period"},
    {"diff_duration", "时限", "Duration"},
    {"diff_installment", "第{}期", "Installment {}"},
    {"diff_date_signing", "签订日期", "Signing date"},
    {"diff_date_start", "起始日期", "Start date"},
    {"diff_date_end", "终止日期", "End date"},
    {"diff_date_effective", "生效日期", "Effective date"},
    {"diff_date_other", "日期", "Date"},
    {"diff_aspect_due", "付款期限", "due"},
    {"diff_aspect_per", "计算周期", "per"},
    {"diff_aspect_cap", "上限", "cap"},
    {"diff_aspect_condition", "适用情形", "condition"},
    {"diff_aspect_range", "范围", "range"},
    {"diff_period_to", "至", "to"},
}};

}  // namespace

std::string_view label(std::string_view key, Lang lang) {
  for (const Label& entry : kLabels) {
    if (entry.key == key) return lang == Lang::zh ? entry.zh : entry.en;
  }
  return key;
}

const std::string& message_in(const Finding& finding, Lang lang) {
  return lang == Lang::en && !finding.message_en.empty() ? finding.message_en : finding.message;
}

}  // namespace clause_scan
