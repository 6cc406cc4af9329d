// check_support.h: building documents and running the checks in the check stage's tests.
#pragma once

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <set>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "clause_scan/check.h"
#include "clause_scan/extract.h"

namespace doctest {
// Vectors of strings print whole in failed CHECKs ("1:check.blank", "3:...").
template <>
struct StringMaker<std::vector<std::string>> {
  static String convert(const std::vector<std::string>& items) {
    std::string text = "{";
    for (const std::string& item : items) text += (text.size() > 1 ? ", \"" : "\"") + item + "\"";
    return String((text + "}").c_str());
  }
};
}  // namespace doctest

namespace clause_scan::testing {

inline const Resources& shared_resources() {
  static const Resources resources = [] {
    Result<Resources> loaded =
        Resources::load(std::filesystem::path(CLAUSE_SCAN_SOURCE_DIR) / "rules");
    if (!loaded.ok()) throw std::runtime_error(loaded.error().message());
    return std::move(loaded).value();
  }();
  return resources;
}

inline Document document_of(const std::string& text, const std::string& file = "t.txt") {
  return make_document(file, DecodedText{text, "UTF-8", false});
}

// Settings with every required-content check off, so that a test of one check on a short
// text sees only that check.
inline CheckSettings without_required_content() {
  CheckSettings settings;
  settings.required.clear();
  return settings;
}

// "line:rule" for each finding, in order: compact expectations that read like the output.
inline std::vector<std::string> line_rules(const std::vector<CheckFinding>& findings) {
  std::vector<std::string> items;
  for (const CheckFinding& item : findings) {
    items.push_back(std::to_string(item.finding.source.line) + ":" + item.finding.rule);
  }
  return items;
}

// The findings of `text` with the real rules and the real summary.
inline std::vector<CheckFinding> check_text(const std::string& text,
                                            const CheckSettings& settings) {
  Document document = document_of(text);
  Summary summary = summarize(document, shared_resources());
  return check_document(document, summary, settings, {&shared_resources().rules}).findings;
}

// Only the findings of one check.
inline std::vector<CheckFinding> only(std::vector<CheckFinding> findings, const std::string& id) {
  std::erase_if(findings, [&](const CheckFinding& item) { return item.finding.rule != id; });
  return findings;
}

inline std::string describe(const std::vector<CheckFinding>& findings) {
  std::ostringstream out;
  for (const CheckFinding& item : findings) {
    out << item.finding.source.line << ':' << item.finding.source.column << ' ' << item.finding.rule
        << ' ' << item.finding.message << '\n';
  }
  return out.str();
}

// SARIF 2.1.0 ----------------------------------------------------------------------------

inline const std::set<std::string> kSarifLevels = {"none", "note", "warning", "error"};

inline bool has_string(const Json& object, const char* key) {
  return object.is_object() && object.contains(key) && object[key].is_string();
}

// The structure SARIF 2.1.0 requires of what we write (sarif-schema-2.1.0.json: sarifLog
// requires version and runs; run requires tool; tool requires driver; toolComponent requires
// name; reportingDescriptor requires id; result requires message; message needs text (or
// id); levels are none|note|warning|error), plus what GitHub code scanning reads (ruleId,
// physicalLocation.artifactLocation.uri, region.startLine). Returns the problems found.
inline std::vector<std::string> sarif_problems(const Json& log) {
  std::vector<std::string> problems;
  auto require = [&](bool ok, const std::string& what) {
    if (!ok) problems.push_back(what);
  };
  require(has_string(log, "$schema"), "$schema");
  require(log.value("version", "") == "2.1.0", "version 2.1.0");
  require(log.contains("runs") && log["runs"].is_array() && log["runs"].size() == 1, "one run");
  if (!problems.empty()) return problems;
  const Json& run = log["runs"][0];
  const Json& driver = run["tool"]["driver"];
  require(driver.value("name", "") == "clause-scan", "tool.driver.name");
  require(driver.contains("rules") && driver["rules"].is_array(), "driver.rules");
  std::vector<std::string> rule_ids;
  for (const Json& rule : driver["rules"]) {
    require(has_string(rule, "id") && !rule["id"].get<std::string>().empty(), "rules[].id");
    require(has_string(rule["shortDescription"], "text"), "rules[].shortDescription.text");
    require(kSarifLevels.count(rule["defaultConfiguration"].value("level", "")) > 0,
            "rules[].defaultConfiguration.level");
    rule_ids.push_back(rule.value("id", ""));
  }
  require(std::set<std::string>(rule_ids.begin(), rule_ids.end()).size() == rule_ids.size(),
          "rule ids unique");
  if (run.contains("columnKind")) {
    require(run["columnKind"] == "unicodeCodePoints" || run["columnKind"] == "utf16CodeUnits",
            "columnKind");
  }
  require(run.contains("results") && run["results"].is_array(), "results");
  for (const Json& result : run["results"]) {
    const std::string id = result.value("ruleId", "");
    require(std::find(rule_ids.begin(), rule_ids.end(), id) != rule_ids.end(),
            "results[].ruleId listed: " + id);
    if (result.contains("ruleIndex")) {
      int index = result["ruleIndex"].get<int>();
      require(index >= 0 && index < static_cast<int>(rule_ids.size()) && rule_ids[index] == id,
              "results[].ruleIndex");
    }
    require(kSarifLevels.count(result.value("level", "")) > 0, "results[].level");
    require(has_string(result["message"], "text") && !result["message"]["text"].empty(),
            "results[].message.text");
    require(result.contains("locations") && result["locations"].size() >= 1, "locations");
    const Json& physical = result["locations"][0]["physicalLocation"];
    const std::string uri = physical["artifactLocation"].value("uri", "");
    require(!uri.empty() && uri.find(' ') == std::string::npos, "artifactLocation.uri");
    require(physical["region"].value("startLine", 0) >= 1, "region.startLine");
    require(physical["region"].value("startColumn", 0) >= 1, "region.startColumn");
  }
  return problems;
}

}  // namespace clause_scan::testing
