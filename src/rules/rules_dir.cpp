// rules_dir.cpp: where the rule files are, for an installed binary and for a build tree.
#include <system_error>

#include "clause_scan/rules.h"

namespace clause_scan {

namespace {

bool is_folder(const std::filesystem::path& path) {
  std::error_code failure;
  return std::filesystem::is_directory(path, failure);
}

// <folder of this executable>/../share/clause-scan/rules, or empty when /proc is missing.
std::filesystem::path installed_rules_dir() {
  std::error_code failure;
  std::filesystem::path executable = std::filesystem::read_symlink("/proc/self/exe", failure);
  if (failure) return {};
  return (executable.parent_path() / ".." / CLAUSE_SCAN_INSTALL_RULES_DIR).lexically_normal();
}

}  // namespace

Result<std::filesystem::path> find_rules_dir(const std::filesystem::path& override_dir) {
  if (!override_dir.empty()) {
    if (is_folder(override_dir)) return override_dir;
    return Error{ErrorKind::io, "", "rules folder not found: " + override_dir.string()};
  }
  std::filesystem::path installed = installed_rules_dir();
  if (!installed.empty() && is_folder(installed)) return installed;
  std::filesystem::path source = CLAUSE_SCAN_SOURCE_RULES_DIR;
  if (is_folder(source)) return source;
  return Error{ErrorKind::io, "",
               "rules folder not found: neither " + installed.string() + " nor " + source.string() +
                   " exists"};
}

}  // namespace clause_scan
