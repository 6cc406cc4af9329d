// The seed contract (../shared/corpus/seed/, a 2026 government procurement service contract
// with two appendix agreements) is the first thing clause-scan must get exactly right: these
// are the values a lawyer reads off its summary, each checked at its JSON pointer. The text
// stays outside the repository; the test skips when it is absent.
#include <doctest/doctest.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>

#include "cli_support.h"

namespace fs = std::filesystem;
using clause_scan::testing::CliRun;
using clause_scan::testing::run_cli;

namespace {

const fs::path kSeed =
    fs::path(CLAUSE_SCAN_SHARED_DIR) / "corpus" / "seed" / "000_499730d0b662ff86.txt";

struct Expected {
  const char* pointer;  // JSON pointer into the summary
  nlohmann::json value;
};

// Values read from the contract by hand (see tests/gold/real/seed_000_499730d0b662ff86.json).
const Expected kExpected[] = {
    {"/title", "运维服务合同"},
    {"/contract_no", "11NMB2F042362026202"},
    // 甲方 and 乙方 with their detail lines.
    {"/parties/0/role", "甲方"},
    {"/parties/0/alias", "委托人"},
    {"/parties/0/name", "上海市大数据中心"},
    {"/parties/0/line", 10},
    {"/parties/0/postcode", "200072"},
    {"/parties/0/fax", "021-66080097"},
    {"/parties/0/contact", "张欣"},
    {"/parties/1/role", "乙方"},
    {"/parties/1/name", "上海科技网络通信有限公司"},
    {"/parties/1/legal_rep", "赵海鸿"},
    {"/parties/1/bank", "浦发银行大众大厦支行"},
    {"/parties/1/account", "0764734292208079"},
    // The award sum in figures and capitals, which agree.
    {"/amounts/0/label", "中标金额"},
    {"/amounts/0/value", "1977800.00"},
    {"/amounts/0/words", "壹佰玖拾柒万柒仟捌佰元整"},
    {"/amounts/0/words_value", "1977800.00"},
    {"/amounts/0/consistent", true},
    {"/amounts/0/clause", "2.2"},
    {"/amounts/0/line", 60},
    // The service period: from signing to the end of 2026.
    {"/periods/0/start/text", "合同签订日"},
    {"/periods/0/end/date", "2026-12-31"},
    {"/periods/0/line", 62},
    // 70% within 10 working days of signing and invoice; the rest after final acceptance.
    {"/payment_terms/0/percent", "70"},
    {"/payment_terms/0/base", "中标金额"},
    {"/payment_terms/0/amount", "1384460.00"},
    {"/payment_terms/0/trigger", "合同签订生效且甲方收到乙方开具的等额发票后"},
    {"/payment_terms/0/due/value", "10"},
    {"/payment_terms/0/due/unit", "working_day"},
    {"/payment_terms/0/line", 126},
    {"/payment_terms/1/remainder", true},
    {"/payment_terms/1/trigger",
     "本项目通过最终验收，依据服务质量的考核结果确认甲方最终需支付的价款，甲方收到乙方开具的等额发"
     "票后"},
    {"/payment_terms/1/due/unit", "working_day"},
    {"/payment_terms/1/line", 128},
    // 违约金 30% of the 中标金额 = 593,340.00, in the contract and both appendix agreements.
    {"/penalties/0/kind", "liquidated_damages"},
    {"/penalties/0/percent", "30"},
    {"/penalties/0/base", "中标金额"},
    {"/penalties/0/amount", "593340.00"},
    {"/penalties/0/payer", "乙方"},
    {"/penalties/0/payee", "甲方"},
    {"/penalties/0/clause", "9.3"},
    {"/penalties/0/line", 235},
    {"/penalties/1/amount", "593340.00"},
    {"/penalties/1/line", 465},
    {"/penalties/2/amount", "593340.00"},
    {"/penalties/2/line", 564},
    // A consistent contract: nothing to warn about.
    {"/findings", nlohmann::json::array()},
};

}  // namespace

TEST_CASE("seed: the summary of the seed contract, value by value") {
  if (!fs::exists(kSeed)) {
    MESSAGE("seed contract absent, skipped: " << kSeed.string());
    return;
  }
  const CliRun run = run_cli({"--format", "json", kSeed.string()});
  REQUIRE(run.status == 0);
  const nlohmann::json summary = nlohmann::json::parse(run.out);
  for (const Expected& expected : kExpected) {
    CAPTURE(expected.pointer);
    const nlohmann::json::json_pointer pointer(expected.pointer);
    REQUIRE(summary.contains(pointer));
    CHECK(summary.at(pointer) == expected.value);
  }
  CHECK(summary["parties"].size() == 2);
  CHECK(summary["payment_terms"].size() == 2);
  CHECK(summary["penalties"].size() == 3);
}

TEST_CASE("seed: signing dates from the contract and both appendix signature pages") {
  if (!fs::exists(kSeed)) {
    MESSAGE("seed contract absent, skipped: " << kSeed.string());
    return;
  }
  const nlohmann::json summary =
      nlohmann::json::parse(run_cli({"--format", "json", kSeed.string()}).out);
  std::vector<std::pair<int, std::string>> signing;
  for (const nlohmann::json& date : summary["dates"]) {
    if (date["role"] == "signing") signing.emplace_back(date["line"], date["value"]);
  }
  const std::vector<std::pair<int, std::string>> expected = {
      {295, "2026-01-16"}, {297, "2026-01-20"}, {498, "2026-01-16"},
      {502, "2026-01-20"}, {576, "2026-01-16"}, {580, "2026-01-20"}};
  CHECK(signing == expected);
}
