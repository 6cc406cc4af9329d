// write_text.cpp: gcc-style lines for people and editors, GitHub workflow commands, the
// counts, the --explain paragraph and the --list-checks lines.
#include <fmt/format.h>

#include "check/internal.h"
#include "clause_scan/check.h"

namespace clause_scan {
namespace {

template <typename Visit>
void each_file(const CheckReport& report, Visit visit) {
  for (const auto* group : {&report.files, &report.rule_files}) {
    for (const CheckedFile& file : *group) visit(file);
  }
}

std::string paint(Color color, Severity severity, std::string_view text) {
  if (color != Color::always) return std::string(text);
  const char* code = severity == Severity::error     ? "1;31"
                     : severity == Severity::warning ? "1;33"
                                                     : "1;36";
  return fmt::format("\x1b[{}m{}\x1b[0m", code, text);
}

// GitHub's escaping of workflow command data, and of property values (which also escape
// ':' and ',').
std::string escape_data(std::string_view text) {
  std::string escaped;
  for (char c : text) {
    if (c == '%') {
      escaped += "%25";
    } else if (c == '\r') {
      escaped += "%0D";
    } else if (c == '\n') {
      escaped += "%0A";
    } else {
      escaped += c;
    }
  }
  return escaped;
}

std::string escape_property(std::string_view text) {
  std::string escaped;
  for (char c : escape_data(text)) {
    if (c == ':') {
      escaped += "%3A";
    } else if (c == ',') {
      escaped += "%2C";
    } else {
      escaped += c;
    }
  }
  return escaped;
}

std::string_view github_level(Severity severity) {
  return severity == Severity::error     ? "error"
         : severity == Severity::warning ? "warning"
                                         : "notice";
}

}  // namespace

CheckCounts count_findings(const CheckReport& report) {
  CheckCounts counts;
  counts.files = static_cast<int>(report.files.size());
  each_file(report, [&](const CheckedFile& file) {
    for (const CheckFinding& item : file.findings) {
      Severity severity = item.finding.severity;
      (severity == Severity::error     ? counts.error
       : severity == Severity::warning ? counts.warning
                                       : counts.info)++;
    }
  });
  for (const CheckedFile& file : report.files) counts.files_with_findings += !file.findings.empty();
  return counts;
}

bool fails(const CheckReport& report, Severity fail_on) {
  bool failed = false;
  each_file(report, [&](const CheckedFile& file) {
    for (const CheckFinding& item : file.findings) {
      // error < warning < info in the enum: "at or above" is "not after".
      if (static_cast<int>(item.finding.severity) <= static_cast<int>(fail_on)) failed = true;
    }
  });
  return failed;
}

void write_check_text(std::ostream& out, const CheckReport& report, const TextStyle& style) {
  each_file(report, [&](const CheckedFile& file) {
    for (const CheckFinding& item : file.findings) {
      const Finding& finding = item.finding;
      out << file.file << ':' << finding.source.line << ':' << finding.source.column << ": "
          << paint(style.color, finding.severity, to_string(finding.severity)) << " ["
          << finding.rule << "] " << message_in(finding, style.lang) << '\n';
    }
  });
  const CheckCounts counts = count_findings(report);
  out << fmt::format(fmt::runtime(label("check_counts", style.lang)),
                     fmt::arg("files", counts.files), fmt::arg("error", counts.error),
                     fmt::arg("warning", counts.warning), fmt::arg("info", counts.info));
  if (report.suppressed > 0) {
    out << fmt::format(fmt::runtime(label("check_suppressed", style.lang)),
                       fmt::arg("count", report.suppressed));
  }
  out << '\n';
}

void write_check_github(std::ostream& out, const CheckReport& report,
                        const std::filesystem::path& working_dir, Lang lang) {
  each_file(report, [&](const CheckedFile& file) {
    std::filesystem::path path(file.file);
    std::filesystem::path relative =
        path.is_absolute() ? path.lexically_relative(working_dir) : path;
    if (relative.empty()) relative = path;
    for (const CheckFinding& item : file.findings) {
      const Finding& finding = item.finding;
      out << "::" << github_level(finding.severity)
          << " file=" << escape_property(relative.generic_string())
          << ",line=" << finding.source.line << ",col=" << finding.source.column
          << ",title=" << escape_property(finding.rule)
          << "::" << escape_data(message_in(finding, lang)) << '\n';
    }
  });
}

void write_check_explanation(std::ostream& out, const CheckInfo& check, Lang lang) {
  const bool zh = lang == Lang::zh;
  const std::string_view origin =
      zh && check.origin == "built-in" ? std::string_view("内置") : std::string_view(check.origin);
  out << check.id << " (" << to_string(check.severity) << ", " << origin << ")\n"
      << summary_in(check, lang) << "\n\n"
      << explanation_in(check, lang) << "\n\n"
      << (zh ? "在 .clause-scan.toml 中关闭此检查或更改其严重级别：[checks] \""
             : "Turn it off or change its severity in .clause-scan.toml: [checks] \"")
      << check.id << "\" = \"off\" | \"error\" | \"warning\" | \"info\"\n";
}

void write_check_list(std::ostream& out, const std::vector<CheckInfo>& checks, Lang lang) {
  for (const CheckInfo& check : checks) {
    out << check.id << '\t' << to_string(check.severity) << '\t' << summary_in(check, lang) << '\n';
  }
}

}  // namespace clause_scan
