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
