// The words of human-readable output, Chinese and English, in one table.
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

constexpr std::array<Label, 58> kLabels = {{
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
    {"liquidated_damages", "违约金", "liquidated damages"},
    {"late_payment", "逾期付款", "late payment"},
    {"late_delivery", "逾期交付", "late delivery"},
    {"deposit_forfeit", "定金罚则", "deposit forfeiture"},
    {"error", "错误", "error"},
    {"warning", "警告", "warning"},
    {"info", "提示", "info"},
    {"yuan", "元", "CNY"},
    {"open_start", "（未定）", "(open)"},
    {"unit_day", "日", "days"},
    {"unit_working_day", "个工作日", "working days"},
    {"unit_week", "周", "weeks"},
    {"unit_month", "个月", "months"},
    {"unit_year", "年", "years"},
    {"unit_hour", "小时", "hours"},
}};

}  // namespace

std::string_view label(std::string_view key, Lang lang) {
  for (const Label& entry : kLabels) {
    if (entry.key == key) return lang == Lang::zh ? entry.zh : entry.en;
  }
  return key;
}

}  // namespace clause_scan
