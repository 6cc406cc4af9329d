// What `clause-scan check` writes: gcc-style text, the JSON of check-and-batch-v1.md, SARIF
// 2.1.0 checked against the schema's required structure, GitHub workflow commands with their
// escaping, and the baseline round trip.
#include <doctest/doctest.h>

#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "check_support.h"
#include "clause_scan/check.h"

namespace cs = clause_scan;
namespace fs = std::filesystem;
using cs::Json;
using cs::testing::sarif_problems;

namespace {

// `message` is "Chinese|English" (one text for both when there is no '|').
cs::CheckFinding make_finding(const char* rule, cs::Severity severity, std::string message,
                              int line, int column, const char* context) {
  cs::CheckFinding item;
  item.finding.rule = rule;
  item.finding.severity = severity;
  const std::size_t bar = message.find('|');
  item.finding.message = message.substr(0, bar);
  item.finding.message_en = bar == std::string::npos ? "" : message.substr(bar + 1);
  item.finding.source.clause = "2.1";
  item.finding.source.line = line;
  item.finding.source.column = column;
  item.context = context;
  return item;
}

// Two templates, one clean; an unused rule in a rule file.
cs::CheckReport sample_report() {
  cs::CheckReport report;
  report.files.push_back(cs::CheckedFile{
      "templates/租赁合同.txt",
      {make_finding("check.unfilled-blank", cs::Severity::warning,
                    "未填写的空白：横线上没有填写内容|unfilled blank: nothing is "
                    "written on the line",
                    3, 9, "出租方(甲方):________"),
       make_finding("dangling-reference", cs::Severity::error,
                    "引用了不存在的条款：第九条（本合同中没有该条款）|reference to "
                    "第九条: the contract has no such clause",
                    23, 10, "任何一方违反本合同第九条约定的,应赔偿对方因此受到的损失。")}});
  report.files.push_back(cs::CheckedFile{"templates/clean.txt", {}});
  report.rule_files.push_back(cs::CheckedFile{
      "lint/firm.toml",
      {make_finding("unused-rule", cs::Severity::warning,
                    "规则 firm.no-xx 在本次检查中没有匹配到任何内容|rule \"firm.no-xx\" matched "
                    "nothing in this run",
                    4, 1, "firm.no-xx")}});
  for (const char* id : {"check.unfilled-blank", "dangling-reference", "unused-rule"}) {
    report.checks.push_back(cs::CheckInfo{id, cs::Severity::warning, std::string("about ") + id,
                                          "explained", "built-in"});
  }
  report.checks[1].severity = cs::Severity::error;
  return report;
}

}  // namespace

TEST_CASE("check output: gcc-style text, then the counts") {
  std::ostringstream zh;
  cs::write_check_text(zh, sample_report(), cs::TextStyle{});
  CHECK(zh.str() ==
        "templates/租赁合同.txt:3:9: warning [check.unfilled-blank] "
        "未填写的空白：横线上没有填写内容\n"
        "templates/租赁合同.txt:23:10: error [dangling-reference] "
        "引用了不存在的条款：第九条（本合同中没有该条款）\n"
        "lint/firm.toml:4:1: warning [unused-rule] 规则 firm.no-xx 在本次检查中没有匹配到任何内容\n"
        "检查了 2 个文件：1 个错误，2 个警告，0 个提示\n");

  cs::CheckReport report = sample_report();
  report.suppressed = 4;
  std::ostringstream en;
  cs::write_check_text(en, report, cs::TextStyle{cs::Lang::en, cs::Color::always});
  CHECK(en.str().find("\x1b[1;31merror\x1b[0m [dangling-reference] reference to 第九条: the "
                      "contract has no such clause\n") != std::string::npos);
  CHECK(en.str().find("[unused-rule] rule \"firm.no-xx\" matched nothing in this run\n") !=
        std::string::npos);
  CHECK(en.str().substr(en.str().rfind("2 files")) ==
        "2 files checked; errors: 1, warnings: 2, info: 0 (4 more in the baseline, not shown)\n");
}

TEST_CASE("check output: the JSON document of check-and-batch-v1.md") {
  Json document = cs::check_to_json(sample_report());
  CHECK(document["schema"] == "clause-scan/check/v1");
  REQUIRE(document["files"].size() == 3);
  CHECK(document["files"][0]["file"] == "templates/租赁合同.txt");
  CHECK(document["files"][1]["findings"] == Json::array());
  CHECK(document["files"][2]["file"] == "lint/firm.toml");
  CHECK(document["files"][0]["findings"][1].dump() ==
        R"({"rule":"dangling-reference","severity":"error","message":"引用了不存在的条款：第九条)"
        R"(（本合同中没有该条款）","clause":"2.1","line":23,"column":10})");
  CHECK(document["counts"].dump() ==
        R"({"error":1,"warning":2,"info":0,"files":2,"files_with_findings":1})");

  // --lang en: the same document, the messages in English.
  Json english = cs::check_to_json(sample_report(), cs::Lang::en);
  CHECK(english["files"][0]["findings"][1]["message"] ==
        "reference to 第九条: the contract has no such clause");
  english["files"][0]["findings"][0]["message"] = document["files"][0]["findings"][0]["message"];
  english["files"][0]["findings"][1]["message"] = document["files"][0]["findings"][1]["message"];
  english["files"][2]["findings"][0]["message"] = document["files"][2]["findings"][0]["message"];
  CHECK(english == document);
}

TEST_CASE("check output: SARIF 2.1.0") {
  Json log = cs::check_to_sarif(sample_report(), fs::current_path());
  CHECK(sarif_problems(log) == std::vector<std::string>{});
  const Json& run = log["runs"][0];
  CHECK(run["tool"]["driver"]["rules"].size() == 3);
  CHECK(run["tool"]["driver"]["rules"][1]["defaultConfiguration"]["level"] == "error");
  CHECK(run["columnKind"] == "unicodeCodePoints");
  REQUIRE(run["results"].size() == 3);
  const Json& first = run["results"][0];
  CHECK(first["ruleId"] == "check.unfilled-blank");
  CHECK(first["level"] == "warning");
  const Json& location = first["locations"][0]["physicalLocation"];
  // Relative to the working directory, percent-encoded as a URI reference.
  CHECK(location["artifactLocation"]["uri"] ==
        "templates/%E7%A7%9F%E8%B5%81%E5%90%88%E5%90%8C.txt");
  CHECK(location["region"]["startLine"] == 3);
  CHECK(location["region"]["startColumn"] == 9);
  // The fingerprint ignores the line: the same finding moved down keeps it.
  cs::CheckReport moved = sample_report();
  moved.files[0].findings[0].finding.source.line = 30;
  Json moved_log = cs::check_to_sarif(moved, fs::current_path());
  CHECK(moved_log["runs"][0]["results"][0]["partialFingerprints"] == first["partialFingerprints"]);
  CHECK(moved_log["runs"][0]["results"][1]["partialFingerprints"] != first["partialFingerprints"]);

  // The message in the chosen language; the fingerprint the same in both.
  CHECK(first["message"]["text"] == "未填写的空白：横线上没有填写内容");
  Json english = cs::check_to_sarif(sample_report(), fs::current_path(), cs::Lang::en);
  const Json& first_en = english["runs"][0]["results"][0];
  CHECK(first_en["message"]["text"] == "unfilled blank: nothing is written on the line");
  CHECK(first_en["partialFingerprints"] == first["partialFingerprints"]);
  CHECK(sarif_problems(english) == std::vector<std::string>{});
}

TEST_CASE("check output: the SARIF validator catches what it is meant to") {
  Json log = cs::check_to_sarif(sample_report(), fs::current_path());
  Json broken = log;
  broken["version"] = "2.0.0";
  broken["runs"][0]["results"][0]["level"] = "warn";
  broken["runs"][0]["results"][1]["ruleId"] = "not-listed";
  broken["runs"][0]["results"][2]["locations"][0]["physicalLocation"]["region"].erase("startLine");
  CHECK(sarif_problems(broken) == std::vector<std::string>{"version 2.1.0"});
  broken["version"] = "2.1.0";
  CHECK(sarif_problems(broken) ==
        std::vector<std::string>{"results[].level", "results[].ruleId listed: not-listed",
                                 "results[].ruleIndex", "region.startLine"});
}

TEST_CASE("check output: a file outside the working directory is an absolute file: URI") {
  cs::CheckReport report = sample_report();
  report.files[0].file = "/srv/其他/a b.txt";
  Json log = cs::check_to_sarif(report, "/work/main");
  const Json& location = log["runs"][0]["results"][0]["locations"][0]["physicalLocation"];
  CHECK(location["artifactLocation"]["uri"] == "file:///srv/%E5%85%B6%E4%BB%96/a%20b.txt");
  CHECK(!location["artifactLocation"].contains("uriBaseId"));
}

TEST_CASE("check output: GitHub workflow commands, escaped") {
  std::ostringstream out;
  cs::write_check_github(out, sample_report(), fs::current_path());
  CHECK(out.str() ==
        "::warning file=templates/租赁合同.txt,line=3,col=9,title=check.unfilled-blank::"
        "未填写的空白：横线上没有填写内容\n"
        "::error file=templates/租赁合同.txt,line=23,col=10,title=dangling-reference::"
        "引用了不存在的条款：第九条（本合同中没有该条款）\n"
        "::warning file=lint/firm.toml,line=4,col=1,title=unused-rule::"
        "规则 firm.no-xx 在本次检查中没有匹配到任何内容\n");
  std::ostringstream english;
  cs::write_check_github(english, sample_report(), fs::current_path(), cs::Lang::en);
  CHECK(english.str() ==
        "::warning file=templates/租赁合同.txt,line=3,col=9,title=check.unfilled-blank::unfilled "
        "blank: nothing is written on the line\n"
        "::error file=templates/租赁合同.txt,line=23,col=10,title=dangling-reference::reference to "
        "第九条: the contract has no such clause\n"
        "::warning file=lint/firm.toml,line=4,col=1,title=unused-rule::rule \"firm.no-xx\" "
        "matched nothing in this run\n");

  cs::CheckReport report;
  report.files.push_back(cs::CheckedFile{
      "a,b:c%.txt",
      {make_finding("x:y,z", cs::Severity::info, "50% off,\r\nnext: line", 1, 1, "")}});
  std::ostringstream escaped;
  cs::write_check_github(escaped, report, fs::current_path());
  CHECK(
      escaped.str() ==
      "::notice file=a%2Cb%3Ac%25.txt,line=1,col=1,title=x%3Ay%2Cz::50%25 off,%0D%0Anext: line\n");
}

TEST_CASE("check output: --fail-on levels") {
  cs::CheckReport report = sample_report();
  CHECK(cs::fails(report, cs::Severity::error));
  report.files[0].findings.pop_back();  // the error
  CHECK(!cs::fails(report, cs::Severity::error));
  CHECK(cs::fails(report, cs::Severity::warning));
  CHECK(cs::fails(report, cs::Severity::info));
  report.files[0].findings[0].finding.severity = cs::Severity::info;
  report.rule_files.clear();
  CHECK(!cs::fails(report, cs::Severity::warning));
  CHECK(cs::fails(report, cs::Severity::info));
}

TEST_CASE("check baseline: round trip, line shifts, counts") {
  cs::Baseline baseline = cs::Baseline::from_report(sample_report());
  CHECK(baseline.size() == 3);
  std::string text = baseline.to_json().dump();
  cs::Result<cs::Baseline> loaded = cs::Baseline::parse(text, "b.json");
  REQUIRE(loaded.ok());
  CHECK(loaded->to_json() == baseline.to_json());
  CHECK(baseline.to_json()["findings"][0].dump() ==
        R"({"file":"lint/firm.toml","rule":"unused-rule","message":"规则 firm.no-xx )"
        R"(在本次检查中没有匹配到任何内容","context":"firm.no-xx","count":1})");

  // Lines added above: the same findings, other line numbers; one new finding.
  cs::CheckReport later = sample_report();
  for (auto& item : later.files[0].findings) item.finding.source.line += 5;
  later.files[0].findings.push_back(make_finding("check.unfilled-blank", cs::Severity::warning,
                                                 "未填写的空白：横线上没有填写内容", 40, 6,
                                                 "联系地址:________"));
  loaded->apply(later);
  CHECK(later.suppressed == 3);
  REQUIRE(later.files[0].findings.size() == 1);
  CHECK(later.files[0].findings[0].finding.source.line == 40);
  CHECK(later.rule_files.empty());

  // A second identical finding on an identical line is new: fingerprints are counted.
  cs::CheckReport twice = sample_report();
  twice.files[0].findings.push_back(twice.files[0].findings[0]);
  twice.files[0].findings.back().finding.source.line = 50;
  loaded->apply(twice);
  REQUIRE(twice.files[0].findings.size() == 1);
  CHECK(twice.files[0].findings[0].finding.source.line == 50);
}

TEST_CASE("check baseline: the fingerprint holds the Chinese message, whatever the language") {
  const cs::Baseline baseline = cs::Baseline::from_report(sample_report());
  // Held in a variable: a range-for over a member of a temporary outlives it (before C++23).
  const Json written = baseline.to_json();
  for (const Json& entry : written["findings"]) {
    CAPTURE(entry.dump());
    CHECK(static_cast<unsigned char>(entry["message"].get<std::string>().front()) >= 0x80);
  }
  // Only the Chinese message counts: other English words hide the same findings...
  cs::CheckReport reworded = sample_report();
  for (auto& item : reworded.files[0].findings) item.finding.message_en = "reworded";
  baseline.apply(reworded);
  CHECK(reworded.suppressed == 3);
  CHECK(reworded.files[0].findings.empty());
  // ... and other Chinese words are another finding.
  cs::CheckReport changed = sample_report();
  changed.files[0].findings[0].finding.message = "另一条消息";
  baseline.apply(changed);
  CHECK(changed.suppressed == 2);
  REQUIRE(changed.files[0].findings.size() == 1);
  CHECK(changed.files[0].findings[0].finding.rule == "check.unfilled-blank");
}

TEST_CASE("check baseline: what is not a baseline") {
  auto error = [](const std::string& text) {
    cs::Result<cs::Baseline> parsed = cs::Baseline::parse(text, "b.json");
    return parsed.ok() ? std::string("ok") : parsed.error().message();
  };
  CHECK(error("{") == "b.json: baseline is not valid JSON");
  CHECK(error(R"({"schema":"clause-scan/check/v1"})") ==
        "b.json: not a baseline (schema is not \"clause-scan/baseline/v1\")");
  CHECK(error(R"({"schema":"clause-scan/baseline/v1","findings":[{"file":"a"}]})") ==
        "b.json: baseline entry {\"file\":\"a\"} needs file, rule, message, context and a count");
  CHECK(error(R"({"schema":"clause-scan/baseline/v1","findings":[]})") == "ok");
}

TEST_CASE("check output: --explain") {
  std::ostringstream out;
  const cs::CheckInfo& gap =
      *std::find_if(cs::builtin_checks().begin(), cs::builtin_checks().end(),
                    [](const cs::CheckInfo& check) { return check.id == "clause-number-gap"; });
  // Chinese by default.
  cs::write_check_explanation(out, gap);
  CHECK(out.str().rfind("clause-number-gap (warning, 内置)\n"
                        "条款编号跳号或倒序\n\n"
                        "同一层级前后相邻的两个条款编号不连续",
                        0) == 0);
  CHECK(out.str().find("在 .clause-scan.toml 中关闭此检查或更改其严重级别：[checks] "
                       "\"clause-number-gap\" = \"off\"") != std::string::npos);
  // English with Lang::en.
  std::ostringstream en;
  cs::write_check_explanation(en, gap, cs::Lang::en);
  CHECK(en.str().rfind("clause-number-gap (warning, built-in)\n"
                       "Clause numbering skips a number or goes back\n\n"
                       "Two clauses that follow each other",
                       0) == 0);
  CHECK(en.str().find("[checks] \"clause-number-gap\" = \"off\"") != std::string::npos);
}
