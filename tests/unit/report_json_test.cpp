// JsonArrayWriter: a streamed array is byte for byte the array written whole.
#include <doctest/doctest.h>

#include <sstream>
#include <string>
#include <vector>

#include "clause_scan/report.h"

using clause_scan::Json;

TEST_CASE("report: JsonArrayWriter writes what write_json writes for the whole array") {
  const std::vector<Json> cases = {
      Json::array({Json::object()}),
      Json::array({Json{{"title", "运维服务合同"}, {"parties", Json::array()}}}),
      Json::array({Json{{"text", "第一行\n第二行"}, {"line", 3}},
                   Json{{"amounts", Json::array({Json{{"value", "1977800.00"}}})}}}),
      Json::array({Json{{"nested", Json{{"deeper", Json::array({1, 2, Json{{"a", nullptr}}})}}}},
                   Json{{"b", true}}, Json{{"c", "tab\there"}}}),
  };
  for (const Json& array : cases) {
    CAPTURE(array.dump());
    std::ostringstream whole;
    clause_scan::write_json(whole, array);
    std::ostringstream streamed;
    clause_scan::JsonArrayWriter writer(streamed);
    for (const Json& element : array) writer.add(element);
    writer.finish();
    CHECK(streamed.str() == whole.str());
  }
}

TEST_CASE("report: JsonArrayWriter with no element writes nothing") {
  std::ostringstream out;
  clause_scan::JsonArrayWriter writer(out);
  writer.finish();
  CHECK(out.str().empty());
}

TEST_CASE("report: a penalty's period in JSON: per as the spec knows it, rate_period in full") {
  struct Case {
    clause_scan::RatePer per;
    Json expected_per;
    Json expected_period;
  };
  const std::vector<Case> cases = {
      {clause_scan::RatePer::none, nullptr, nullptr},
      {clause_scan::RatePer::day, "day", "day"},
      {clause_scan::RatePer::month, "month", "month"},
      // The spec's per has no year: 按年利率6%支付逾期利息 is per null there.
      {clause_scan::RatePer::year, nullptr, "year"},
  };
  for (const Case& c : cases) {
    clause_scan::Summary summary;
    clause_scan::Penalty penalty;
    penalty.kind = clause_scan::PenaltyKind::late_payment;
    penalty.percent = clause_scan::Decimal::parse("6");
    penalty.per = c.per;
    summary.penalties.push_back(penalty);
    const Json item = clause_scan::summary_to_json(summary)["penalties"][0];
    CAPTURE(clause_scan::to_string(c.per));
    CHECK(item["per"] == c.expected_per);
    CHECK(item["rate_period"] == c.expected_period);
  }
}

TEST_CASE("report: a penalty's range in JSON: sums with two decimals, rates as percents") {
  clause_scan::Summary summary;
  clause_scan::Penalty sums;
  sums.range = clause_scan::PenaltyRange{*clause_scan::Decimal::parse("1000"),
                                         *clause_scan::Decimal::parse("30000"),
                                         clause_scan::RangeUnit::yuan};
  clause_scan::Penalty rates = sums;
  rates.range = clause_scan::PenaltyRange{*clause_scan::Decimal::parse("0.5"),
                                          *clause_scan::Decimal::parse("3.0"),
                                          clause_scan::RangeUnit::percent};
  clause_scan::Penalty none;
  summary.penalties = {sums, rates, none};
  const Json penalties = clause_scan::summary_to_json(summary)["penalties"];
  CHECK(penalties[0]["range"] == Json{{"low", "1000.00"}, {"high", "30000.00"}, {"unit", "yuan"}});
  CHECK(penalties[1]["range"] == Json{{"low", "0.5"}, {"high", "3"}, {"unit", "percent"}});
  CHECK(penalties[2]["range"] == nullptr);
  CHECK(penalties[0]["amount"] == nullptr);
  CHECK(penalties[1]["rate_blank"] == false);  // a range given is no blank
  clause_scan::Penalty blank = rates;          // ＿％（０．５－３％的幅度）
  blank.rate_blank = true;
  summary.penalties = {blank};
  CHECK(clause_scan::summary_to_json(summary)["penalties"][0]["rate_blank"] == true);
}
