// Tests for the human formats of a diff: text (marks, colour, context, English), Markdown
// (table, escaping) and the self-contained HTML redline (escaping, no external assets, A4).
#include <doctest/doctest.h>

#include <sstream>
#include <string>
#include <vector>

#include "clause_scan/diff.h"

namespace {

using namespace clause_scan;

ClauseChange unchanged(const std::string& number, int line, const std::string& text) {
  ClauseChange change;
  change.old_number = change.new_number = number;
  change.old_path = change.new_path = number;
  change.old_line = change.new_line = line;
  change.old_text = change.new_text = text;
  change.similarity = 1;
  return change;
}

// A small diff: 9.3 has its rate changed, 9.5 is new, 9.4 was deleted, 9.1 moved.
ContractDiff sample_diff() {
  ContractDiff diff;
  diff.old_file = "v1.txt";
  diff.new_file = "v2.txt";
  diff.clauses.push_back(
      unchanged("9.2", 210, "乙方未经甲方同意擅自更换项目经理的，每次支付违约金。"));
  ClauseChange rate = unchanged("9.3", 212, "");
  rate.status = ClauseStatus::modified;
  rate.edits = {{EditOp::equal, "乙方应按中标金额的 "},
                {EditOp::erase, "30"},
                {EditOp::insert, "20"},
                {EditOp::equal, "% 向甲方支付违约金。"}};
  rate.old_text = "乙方应按中标金额的 30% 向甲方支付违约金。";
  rate.new_text = "乙方应按中标金额的 20% 向甲方支付违约金。";
  rate.similarity = 0.9;
  diff.clauses.push_back(rate);
  ClauseChange deleted;
  deleted.status = ClauseStatus::deleted;
  deleted.old_number = deleted.old_path = "9.4";
  deleted.old_line = 214;
  deleted.old_text = "甲方逾期付款的，按日万分之五支付违约金 <含税> & “滞纳金”。";
  deleted.old_index = 3;
  diff.clauses.push_back(deleted);
  ClauseChange added;
  added.status = ClauseStatus::added;
  added.new_number = added.new_path = "9.5";
  added.new_line = 216;
  added.new_text = "乙方违约给甲方造成损失的，还应赔偿差额部分。";
  diff.clauses.push_back(added);
  ClauseChange moved = unchanged("9.1", 208, "乙方未能按时进场提供服务的，每逾期一日支付违约金。");
  moved.new_number = moved.new_path = "9.6";
  moved.new_line = 218;
  moved.moved = true;
  moved.renumbered = true;
  diff.clauses.push_back(moved);
  diff.clauses[0].old_index = 1;
  diff.clauses[1].old_index = 2;
  diff.clauses[4].old_index = 0;
  for (int i = 0; i < 5; ++i) diff.clauses[i].new_index = i;
  diff.counts = {1, 1, 1, 1, 1, 1};
  FieldChange penalty;
  penalty.field = FieldKind::penalty;
  penalty.label = "liquidated_damages";
  penalty.kind = ValueKind::percent;
  penalty.old_value = "30";
  penalty.new_value = "20";
  penalty.old_clause = penalty.new_clause = "9.3";
  FieldChange amount;
  amount.field = FieldKind::amount;
  amount.label = "中标金额";
  amount.kind = ValueKind::money;
  amount.old_value = "1977800.00";
  amount.new_value = "2100000.00";
  amount.old_clause = amount.new_clause = "2.2";
  amount.change = "+6.2%";
  diff.fields = {amount, penalty};
  return diff;
}

std::string text_of(const ContractDiff& diff, DiffStyle style = {}) {
  std::ostringstream out;
  write_diff_text(out, diff, style);
  return out.str();
}

bool has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

}  // namespace

TEST_CASE("write_diff_text: field changes first, then the changed clauses with marks") {
  const std::string text = text_of(sample_diff());
  CHECK(has(text, "  中标金额  1,977,800.00 → 2,100,000.00 (+6.2%)  §2.2\n"));
  CHECK(has(text, "  违约金  30% → 20%  §9.3\n"));
  CHECK(text.find("字段变化") < text.find("条款变化"));
  CHECK(has(text, "~ §9.3  修改  L212\n    乙方应按中标金额的 [-30-]{+20+}% 向甲方支付违约金。\n"));
  CHECK(has(text, "- §9.4  删除  L214\n    [-甲方逾期付款的"));
  CHECK(has(text, "+ §9.5  新增  L216\n    {+乙方违约给甲方"));
  CHECK(has(text, "> §9.1 → §9.6  未变 · 移动  L208 → L218\n"));
  CHECK_FALSE(has(text, "9.2"));  // unchanged, and no context asked
  CHECK_FALSE(has(text, "\x1b["));
}

TEST_CASE("write_diff_text: colour, context and English") {
  DiffStyle style;
  style.color = Color::always;
  CHECK(has(text_of(sample_diff(), style), "\x1b[31m[-30-]\x1b[0m\x1b[32m{+20+}\x1b[0m"));

  style = DiffStyle{};
  style.context = 1;
  CHECK(has(text_of(sample_diff(), style), "  §9.2  L210\n    乙方未经甲方同意"));

  style = DiffStyle{};
  style.lang = Lang::en;
  const std::string english = text_of(sample_diff(), style);
  CHECK(has(english, "Field changes"));
  CHECK(has(english, "  liquidated damages  30% → 20%  §9.3\n"));
  CHECK(has(english, "~ §9.3  modified  L212\n"));
  CHECK(has(english, "Clauses: unchanged 1 · modified 1"));
}

TEST_CASE("write_diff_text: identical versions say so") {
  ContractDiff diff;
  diff.old_file = "a.txt";
  diff.new_file = "b.txt";
  diff.clauses.push_back(unchanged("1", 1, "甲方"));
  diff.counts.unchanged = 1;
  CHECK(text_of(diff) ==
        "合同比较  a.txt → b.txt\n条款：未变 1 · 修改 0 · 新增 0 · 删除 0 · 移动 0 · 重新编号 0\n"
        "两个版本没有差异\n");
}

TEST_CASE("write_diff_text: a long unchanged stretch inside a clause is shortened") {
  ContractDiff diff = sample_diff();
  std::string long_text;
  for (int i = 0; i < 20; ++i) long_text += "甲方应按本合同约定履行义务。";
  diff.clauses[1].edits.front().text = long_text;
  const std::string text = text_of(diff);
  CHECK(has(text, "    …"));
  CHECK_FALSE(has(text, long_text));
}

TEST_CASE("write_diff_markdown: a field table and escaped text") {
  ContractDiff diff = sample_diff();
  diff.clauses[3].new_text = "单价 *45* 元 | 人次";
  std::ostringstream out;
  write_diff_markdown(out, diff, DiffStyle{});
  const std::string markdown = out.str();
  CHECK(has(markdown, "| 字段 | 原值 | 新值 | 条款 |\n| --- | --- | --- | --- |\n"));
  CHECK(has(markdown, "| 中标金额 | 1,977,800.00 | 2,100,000.00 (+6.2%) | §2.2 |\n"));
  CHECK(has(markdown,
            "### §9.3 — 修改 (L212)\n\n乙方应按中标金额的 ~~30~~**20**% 向甲方支付违约金。\n"));
  CHECK(has(markdown, "**单价 \\*45\\* 元 \\| 人次**"));
  CHECK(has(markdown, "~~甲方逾期付款的，按日万分之五支付违约金 \\<含税\\> & “滞纳金”。~~"));
}

TEST_CASE("write_diff_html: one self-contained, escaped redline") {
  std::ostringstream out;
  write_diff_html(out, sample_diff(), DiffStyle{});
  const std::string html = out.str();
  CHECK(html.rfind("<!DOCTYPE html>\n<html lang=\"zh-CN\">", 0) == 0);
  CHECK(has(html, "<meta charset=\"utf-8\">"));
  CHECK(has(html, "@page { size: A4;"));
  CHECK(has(html, "@media print"));
  CHECK(has(html,
            "<td>中标金额</td><td class=\"old\">1,977,800.00</td>"
            "<td class=\"new\">2,100,000.00 (+6.2%)</td><td>§2.2</td>"));
  CHECK(has(html, "乙方应按中标金额的 <del>30</del><ins>20</ins>% 向甲方支付违约金。"));
  CHECK(
      has(html, "<del>甲方逾期付款的，按日万分之五支付违约金 &lt;含税&gt; &amp; “滞纳金”。</del>"));
  CHECK(has(html, "<ins>乙方违约给甲方造成损失的，还应赔偿差额部分。</ins>"));
  // The moved clause links back to where it stood, and that place links to it.
  CHECK(has(html, "id=\"c4\""));
  CHECK(has(html, "<a class=\"moved-link\" href=\"#m4\">"));
  CHECK(has(html,
            "<div class=\"clause moved-from\" id=\"m4\">§9.1 <a href=\"#c4\">已移至 §9.6 →</a>"));
  CHECK(html.find("id=\"m4\"") < html.find("id=\"c0\""));  // 9.1 stood first
  // Nothing from outside, nothing to run.
  CHECK_FALSE(has(html, "<script"));
  CHECK_FALSE(has(html, "src="));
  CHECK_FALSE(has(html, "http"));
  CHECK_FALSE(has(html, "<link"));
}

TEST_CASE("write_diff_text: how each kind of field value reads") {
  auto line_of = [](FieldChange change, Lang lang) {
    ContractDiff diff;
    diff.fields = {std::move(change)};
    diff.counts.modified = 1;
    DiffStyle style;
    style.lang = lang;
    std::string text = text_of(diff, style);
    std::size_t begin = text.find("\n  ") + 1;
    return text.substr(begin, text.find('\n', begin) - begin);
  };
  FieldChange period;
  period.field = FieldKind::period;
  period.label = "服务期限";
  period.kind = ValueKind::period;
  period.old_value = "2026-03-01/2027-02-28";
  period.new_value = "2026-04-01/2027-03-31";
  period.old_clause = period.new_clause = "2.3";
  CHECK(line_of(period, Lang::zh) ==
        "  服务期限  2026-03-01 至 2027-02-28 → 2026-04-01 至 2027-03-31  §2.3");
  FieldChange due;
  due.field = FieldKind::installment;
  due.label = "3";
  due.aspect = "due";
  due.kind = ValueKind::duration;
  due.old_value = "15 working_day";
  due.new_value = "20 working_day";
  due.old_clause = "5.2c";
  due.new_clause = "5.3c";
  CHECK(line_of(due, Lang::zh) == "  第3期 付款期限  15 个工作日 → 20 个工作日  §5.2c → §5.3c");
  CHECK(line_of(due, Lang::en) ==
        "  Installment 3 due  15 working days → 20 working days  §5.2c → §5.3c");
  FieldChange party;
  party.field = FieldKind::party;
  party.label = "丙方";
  party.kind = ValueKind::text;
  party.new_value = "云川金穗投资控股有限公司";
  CHECK(line_of(party, Lang::zh) == "  丙方  （无） → 云川金穗投资控股有限公司");
  FieldChange signing;
  signing.field = FieldKind::date;
  signing.label = "signing";
  signing.kind = ValueKind::date;
  signing.old_value = "2026-03-20";
  signing.new_value = "2026-03-27";
  CHECK(line_of(signing, Lang::zh) == "  签订日期  2026-03-20 → 2026-03-27");
  FieldChange per;
  per.field = FieldKind::penalty;
  per.label = "late_payment";
  per.aspect = "per";
  per.kind = ValueKind::text;
  per.old_value = "day";
  CHECK(line_of(per, Lang::zh) == "  逾期付款 计算周期  每日 → （无）");
}
