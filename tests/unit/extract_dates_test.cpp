// Tests of the dates extractor: every written form of a date, what is not a date, and the
// roles (signature blocks, 签订 sentences, the ends of periods, 生效).
#include <doctest/doctest.h>

#include <string>
#include <string_view>
#include <vector>

#include "extract_dates_support.h"

namespace {

using clause_scan::DateMention;
using clause_scan::Summary;
using clause_scan::to_string;

Summary dates_of(std::string text) {
  return clause_scan::testing::run_extractor(clause_scan::extract::extract_dates, std::move(text));
}

// "2026-12-31 signing" for each date, in order.
std::vector<std::string> described(const Summary& summary) {
  std::vector<std::string> out;
  for (const DateMention& date : summary.dates) {
    out.push_back((date.value ? date.value->iso() : "null") + " " +
                  std::string(to_string(date.role)));
  }
  return out;
}

struct FormCase {
  std::string_view text;
  std::string_view iso;    // "" when the text holds no date
  std::string_view words;  // the original words of the date
};

const FormCase kForms[] = {
    {"甲方应于2026年12月31日前付清全款。", "2026-12-31", "2026年12月31日"},
    {"甲方应于 2026 年 1 月 6 日前付清全款。", "2026-01-06", "2026 年 1 月 6 日"},
    {"交付时间：2026-12-31。", "2026-12-31", "2026-12-31"},
    {"交付时间：2026.12.31。", "2026-12-31", "2026.12.31"},
    {"交付时间：2026/3/1。", "2026-03-01", "2026/3/1"},
    {"会议于二〇二六年一月十六日召开。", "2026-01-16", "二〇二六年一月十六日"},
    {"会议于二零二六年元月十六日召开。", "2026-01-16", "二零二六年元月十六日"},
    {"会议于２０２６年１月１６日召开。", "2026-01-16", "２０２６年１月１６日"},
    {"会议于2026年1月6号召开。", "2026-01-06", "2026年1月6号"},
    {"交付时间：２０２６─１２─３１。", "2026-12-31", "２０２６─１２─３１"},
    {"自 __2026__年_02_月_04_日起", "2026-02-04", "2026__年_02_月_04_日"},
    // Not dates.
    {"7.1.10 甲方应当在合同履行中协调与本项目服务有关的第三人。", "", ""},
    {"详见本合同第 12.3.4 条。", "", ""},
    {"签订日期：________年____月____日", "", ""},
    {"市国资委 2026 年数字化项目运维和综合保障项目", "", ""},
    {"2024年 2 月起施行。", "", ""},
    {"甲方应于2026年2月30日前付款。", "", ""},
    {"甲方应于26年3月1日前付款。", "", ""},
};

TEST_CASE("extract_dates: the written forms of a date") {
  for (const FormCase& form : kForms) {
    CAPTURE(form.text);
    const Summary summary = dates_of(std::string(form.text));
    if (form.iso.empty()) {
      CHECK(summary.dates.empty());
      continue;
    }
    REQUIRE(summary.dates.size() == 1);
    CHECK(summary.dates[0].value->iso() == form.iso);
    CHECK(summary.dates[0].source.text == form.words);
  }
}

struct RoleCase {
  std::string_view name;
  std::string_view text;
  std::vector<std::string> expected;
};

const RoleCase kRoles[] = {
    {"a date in a sentence is other",
     "乙方应于 2026 年 7 月 31 日前完成系统开发和部署。",
     {"2026-07-31 other"}},
    {"the ends of a period",
     "合同期限为三年，自 2026 年 4 月 1 日起至 2029 年 3 月 31 日止。",
     {"2026-04-01 start", "2029-03-31 end"}},
    {"an open start, a dated end",
     "2.3 服务期限：自合同签订日起至 2026 年 12 月 31 日。",
     {"2026-12-31 end"}},
    {"本合同于…签订",
     "（五）本合同于二〇二六年三月十八日在云川市经济技术开发区签订。",
     {"2026-03-18 signing"}},
    {"于…达成和签署",
     "本合同由甲公司和乙公司于１９８６年３月３日达成和签署（以下合称“双方”）。",
     {"1986-03-03 signing"}},
    {"signed, revised, revised and signed again",
     "于１９８４年５月２９日签署并于１９８５年１月２５日修订，１９８６年３月３日再修订和签署：",
     {"1984-05-29 signing", "1985-01-25 other", "1986-03-03 signing"}},
    {"another contract signed on a date",
     "根据双方之间于1986年3月3日签订的合资经营合同的条款。",
     {"1986-03-03 other"}},
    {"签订日期 outside a block", "签订日期：2026 年 3 月 20 日", {"2026-03-20 signing"}},
    {"自…起生效", "本合同自 2026 年 1 月 1 日起生效。", {"2026-01-01 effective"}},
    {"生效日期", "本协议生效日期：2026-03-01", {"2026-03-01 effective"}},
    {"two dates in a row after the seal lines",
     "（以下无正文）\n\n签约各方：\n\n甲方（盖章）：\n\n乙方（盖章）：\n\n2026年01月16日\n\n"
     "2026年01月20日\n\n合同签订地点：网上签约\n",
     {"2026-01-16 signing", "2026-01-20 signing"}},
    {"日期 lines of an appendix's signature page",
     "本协议一式贰份，甲乙双方各执壹份，具有同等效力。【以下无正文】\n\n甲方：上海某某中心\n\n"
     "日期：2026年01月16日\n\n乙方：上海某某公司\n\n日期：2026年01月20日\n",
     {"2026-01-16 signing", "2026-01-20 signing"}},
    {"representative and date lines",
     "贷款人（盖章）：云川某某有限公司\n法定代表人或授权代表（签字）：\n日期：2026 年 3 月 25 日\n",
     {"2026-03-25 signing"}},
    {"a block ends at the next sentence",
     "甲方（盖章）：\n日期：2026年1月16日\n附件清单如下，乙方应于2026年2月1日前交付全部文件。\n",
     {"2026-01-16 signing", "2026-02-01 other"}},
    {"a seal mentioned in a sentence opens no block",
     "本合同经双方代表签字（盖章）后生效。\n甲方应于2026年1月5日前付款\n",
     {"2026-01-05 other"}},
};

TEST_CASE("extract_dates: roles") {
  for (const RoleCase& role : kRoles) {
    CAPTURE(role.name);
    CHECK(described(dates_of(std::string(role.text))) == role.expected);
  }
}

TEST_CASE("extract_dates: source reference") {
  const Summary summary =
      dates_of("一、总则\n2.3 服务期限：自合同签订日起至 2026 年 12 月 31 日。\n");
  REQUIRE(summary.dates.size() == 1);
  CHECK(summary.dates[0].source.line == 2);
  CHECK(summary.dates[0].source.clause == "2.3");
  CHECK(summary.dates[0].source.text == "2026 年 12 月 31 日");
}

TEST_CASE("extract_dates: a date matched by two forms is listed once") {
  // 2026年1月6日 fits both the figures pattern and the mixed Chinese one.
  CHECK(described(dates_of("会议于2026年1月6日召开。")) ==
        std::vector<std::string>{"2026-01-06 other"});
}

}  // namespace
