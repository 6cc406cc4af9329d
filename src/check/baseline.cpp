// baseline.cpp: findings a team has accepted, so that only new ones are reported.
//
// The fingerprint is (file, check id, message, context line), without the line number: a
// finding keeps its fingerprint when lines are added or removed above it. The message is the
// Chinese one (Finding::message) whatever --lang the run writes in, so that a baseline
// written with --lang en hides the same findings. Identical fingerprints are counted, so
// that a third identical blank on a line that had two is new.
#include <fstream>
#include <sstream>

#include "clause_scan/check.h"

namespace clause_scan {
namespace {

using Key = std::tuple<std::string, std::string, std::string, std::string>;

Key key_of(const std::string& file, const CheckFinding& item) {
  return Key{file, item.finding.rule, item.finding.message, item.context};
}

Error baseline_error(std::string_view file, std::string_view reason) {
  return Error{ErrorKind::usage, std::string(file), std::string(reason)};
}

template <typename Visit>
void each_finding(const CheckReport& report, Visit visit) {
  for (const auto* group : {&report.files, &report.rule_files}) {
    for (const CheckedFile& file : *group) {
      for (const CheckFinding& item : file.findings) visit(file.file, item);
    }
  }
}

bool is_string(const Json& entry, const char* key) {
  return entry.contains(key) && entry[key].is_string();
}

}  // namespace

Baseline Baseline::from_report(const CheckReport& report) {
  Baseline baseline;
  each_finding(report, [&](const std::string& file, const CheckFinding& item) {
    ++baseline.counts_[key_of(file, item)];
  });
  return baseline;
}

Result<Baseline> Baseline::parse(std::string_view text, std::string_view file) {
  Json document = Json::parse(text, nullptr, false);
  if (document.is_discarded()) return baseline_error(file, "baseline is not valid JSON");
  if (!document.is_object() || document.value("schema", "") != kBaselineSchema) {
    return baseline_error(
        file, std::string("not a baseline (schema is not \"") + kBaselineSchema + "\")");
  }
  Baseline baseline;
  const Json& findings = document["findings"];
  if (!findings.is_array()) return baseline_error(file, "baseline has no \"findings\" array");
  for (const Json& entry : findings) {
    if (!entry.is_object() || !is_string(entry, "file") || !is_string(entry, "rule") ||
        !is_string(entry, "message") || !is_string(entry, "context") || !entry.contains("count") ||
        !entry["count"].is_number_integer() || entry["count"].get<int>() < 1) {
      return baseline_error(file, "baseline entry " + entry.dump() +
                                      " needs file, rule, message, context and a count");
    }
    baseline.counts_[Key{entry["file"], entry["rule"], entry["message"], entry["context"]}] +=
        entry["count"].get<int>();
  }
  return baseline;
}

Result<Baseline> Baseline::load(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return baseline_error(path.string(), "cannot read baseline file");
  std::ostringstream text;
  text << in.rdbuf();
  return parse(text.str(), path.string());
}

Json Baseline::to_json() const {
  Json findings = Json::array();
  for (const auto& [key, count] : counts_) {
    const auto& [file, rule, message, context] = key;
    Json entry;
    entry["file"] = file;
    entry["rule"] = rule;
    entry["message"] = message;
    entry["context"] = context;
    entry["count"] = count;
    findings.push_back(std::move(entry));
  }
  Json document;
  document["schema"] = kBaselineSchema;
  document["findings"] = std::move(findings);
  return document;
}

std::size_t Baseline::size() const {
  std::size_t total = 0;
  for (const auto& [key, count] : counts_) total += static_cast<std::size_t>(count);
  return total;
}

void Baseline::apply(CheckReport& report) const {
  auto remaining = counts_;
  for (auto* group : {&report.files, &report.rule_files}) {
    for (CheckedFile& file : *group) {
      std::erase_if(file.findings, [&](const CheckFinding& item) {
        auto found = remaining.find(key_of(file.file, item));
        if (found == remaining.end() || found->second == 0) return false;
        --found->second;
        ++report.suppressed;
        return true;
      });
    }
  }
  std::erase_if(report.rule_files, [](const CheckedFile& file) { return file.findings.empty(); });
}

}  // namespace clause_scan
