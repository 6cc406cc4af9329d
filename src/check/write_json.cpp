// write_json.cpp: the check document (check-and-batch-v1.md) and SARIF 2.1.0.
#include <cstdint>
#include <map>

#include "clause_scan/check.h"

namespace clause_scan {
namespace {

namespace fs = std::filesystem;

constexpr const char* kSarifSchema = "https://json.schemastore.org/sarif-2.1.0.json";

Json file_json(const CheckedFile& file, Lang lang) {
  Json entry;
  entry["file"] = file.file;
  entry["findings"] = Json::array();
  for (const CheckFinding& item : file.findings) {
    entry["findings"].push_back(finding_json(item.finding, lang));
  }
  return entry;
}

std::string_view sarif_level(Severity severity) {
  return severity == Severity::error ? "error" : severity == Severity::warning ? "warning" : "note";
}

// RFC 3986: everything but unreserved characters and '/' is percent-encoded (UTF-8 bytes).
std::string percent_encode(std::string_view path) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string encoded;
  for (unsigned char c : path) {
    bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                 c == '-' || c == '.' || c == '_' || c == '~' || c == '/';
    if (plain) {
      encoded += static_cast<char>(c);
    } else {
      encoded += '%';
      encoded += kHex[c >> 4];
      encoded += kHex[c & 0xF];
    }
  }
  return encoded;
}

// The artifact location: relative to the working directory when the file is inside it,
// else an absolute file: URI.
Json artifact_location(const std::string& file, const fs::path& working_dir) {
  std::error_code ignored;
  const fs::path absolute = fs::absolute(file, ignored).lexically_normal();
  const fs::path relative = absolute.lexically_relative(working_dir);
  Json location;
  if (relative.empty() || *relative.begin() == "..") {
    location["uri"] = "file://" + percent_encode(absolute.generic_string());
  } else {
    location["uri"] = percent_encode(relative.generic_string());
    location["uriBaseId"] = "%SRCROOT%";
  }
  return location;
}

// FNV-1a over the baseline fingerprint: stable across runs, machines, line shifts and
// languages (the Chinese message, whatever the output's language).
std::string fingerprint(const std::string& file, const CheckFinding& item) {
  std::uint64_t hash = 14695981039346656037ull;
  for (const std::string* part :
       {&file, &item.finding.rule, &item.finding.message, &item.context}) {
    for (unsigned char c : *part) hash = (hash ^ c) * 1099511628211ull;
    hash = (hash ^ 0xFF) * 1099511628211ull;
  }
  static constexpr char kHex[] = "0123456789abcdef";
  std::string text(16, '0');
  for (int i = 15; i >= 0; --i, hash >>= 4) text[i] = kHex[hash & 0xF];
  return text;
}

Json sarif_rule(const CheckInfo& check) {
  Json rule;
  rule["id"] = check.id;
  rule["shortDescription"] = {{"text", check.summary}};
  rule["fullDescription"] = {{"text", check.explanation}};
  rule["defaultConfiguration"] = {{"level", sarif_level(check.severity)}};
  return rule;
}

Json sarif_result(const std::string& file, const CheckFinding& item, int rule_index,
                  const fs::path& working_dir, Lang lang) {
  const Finding& finding = item.finding;
  Json result;
  result["ruleId"] = finding.rule;
  if (rule_index >= 0) result["ruleIndex"] = rule_index;
  result["level"] = sarif_level(finding.severity);
  result["message"] = {{"text", message_in(finding, lang)}};
  Json physical;
  physical["artifactLocation"] = artifact_location(file, working_dir);
  physical["region"] = {{"startLine", finding.source.line}, {"startColumn", finding.source.column}};
  result["locations"] = Json::array({Json{{"physicalLocation", physical}}});
  // Keyed by the URI, so that naming the files differently (absolute, ./) keeps the print.
  const std::string uri = physical["artifactLocation"]["uri"];
  result["partialFingerprints"] = {{"clauseScanFingerprint/v1", fingerprint(uri, item)}};
  return result;
}

}  // namespace

Json check_to_json(const CheckReport& report, Lang lang) {
  Json document;
  document["schema"] = kCheckSchema;
  document["files"] = Json::array();
  for (const auto* group : {&report.files, &report.rule_files}) {
    for (const CheckedFile& file : *group) document["files"].push_back(file_json(file, lang));
  }
  const CheckCounts counts = count_findings(report);
  document["counts"] = {{"error", counts.error},
                        {"warning", counts.warning},
                        {"info", counts.info},
                        {"files", counts.files},
                        {"files_with_findings", counts.files_with_findings}};
  return document;
}

Json check_to_sarif(const CheckReport& report, const fs::path& working_dir, Lang lang) {
  Json rules = Json::array();
  std::map<std::string, int> index;
  for (const CheckInfo& check : report.checks) {
    index.emplace(check.id, static_cast<int>(rules.size()));
    rules.push_back(sarif_rule(check));
  }
  Json results = Json::array();
  for (const auto* group : {&report.files, &report.rule_files}) {
    for (const CheckedFile& file : *group) {
      for (const CheckFinding& item : file.findings) {
        auto found = index.find(item.finding.rule);
        int rule_index = found == index.end() ? -1 : found->second;
        results.push_back(sarif_result(file.file, item, rule_index, working_dir, lang));
      }
    }
  }
  Json driver;
  driver["name"] = "clause-scan";
  driver["version"] = CLAUSE_SCAN_VERSION;
  driver["rules"] = std::move(rules);
  Json run;
  run["tool"] = {{"driver", std::move(driver)}};
  run["columnKind"] = "unicodeCodePoints";
  run["results"] = std::move(results);
  Json document;
  document["$schema"] = kSarifSchema;
  document["version"] = "2.1.0";
  document["runs"] = Json::array({std::move(run)});
  return document;
}

}  // namespace clause_scan
