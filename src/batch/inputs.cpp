// The inputs of a batch run: folders walked in sorted order, globs, --files-from lists.
#include <fnmatch.h>
#include <sys/stat.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <set>
#include <string>
#include <system_error>
#include <utility>

#include "clause_scan/batch.h"

namespace clause_scan {
namespace {

namespace fs = std::filesystem;

// The system's words for an error, the way decode.h's read_file says them.
std::string io_reason(const std::error_code& code) {
  if (code == std::errc::no_such_file_or_directory) return "no such file";
  if (code == std::errc::permission_denied) return "permission denied";
  std::string reason = code.message();
  if (!reason.empty()) reason[0] = static_cast<char>(std::tolower(reason[0]));
  return reason;
}

InputFile failed_input(std::string path, std::string reason) {
  InputFile input;
  input.error = Error{ErrorKind::io, path, std::move(reason)};
  input.path = std::move(path);
  return input;
}

bool ends_with_ignoring_case(std::string_view text, std::string_view suffix) {
  if (text.size() < suffix.size()) return false;
  return std::equal(suffix.begin(), suffix.end(), text.end() - suffix.size(),
                    [](char a, char b) { return std::tolower(a) == std::tolower(b); });
}

class Walker {
 public:
  Walker(const InputOptions& options, std::vector<InputFile>& inputs)
      : options_(options), inputs_(inputs) {}

  void add_root(const std::string& root) {
    std::error_code error;
    fs::file_status status = fs::status(root, error);  // a named link is always followed
    if (error || !fs::exists(status)) {
      inputs_.push_back(failed_input(root, io_reason(error ? error : make_missing())));
    } else if (fs::is_directory(status)) {
      walk(fs::path(root), fs::path());
    } else {
      add_file(fs::path(root));
    }
  }

 private:
  const InputOptions& options_;
  std::vector<InputFile>& inputs_;
  std::set<std::pair<dev_t, ino_t>> entered_;  // folders entered, against loops

  static std::error_code make_missing() {
    return std::make_error_code(std::errc::no_such_file_or_directory);
  }

  void add_file(const fs::path& path) {
    std::error_code error;
    std::uintmax_t size = fs::file_size(path, error);
    inputs_.push_back(InputFile{path.string(), error ? 0 : size, std::nullopt});
  }

  // True the first time a folder is met (by device and inode, so a link loop ends).
  bool first_visit(const fs::path& dir) {
    struct stat info {};
    if (::stat(dir.c_str(), &info) != 0) return true;  // listing it will report the error
    return entered_.emplace(info.st_dev, info.st_ino).second;
  }

  // Lists `dir` sorted by name; an unreadable folder becomes a failed input.
  std::vector<fs::directory_entry> list(const fs::path& dir) {
    std::vector<fs::directory_entry> entries;
    std::error_code error;
    fs::directory_iterator it(dir, error);
    for (; !error && it != fs::directory_iterator(); it.increment(error)) entries.push_back(*it);
    if (error) inputs_.push_back(failed_input(dir.string(), io_reason(error)));
    std::sort(entries.begin(), entries.end(),
              [](const auto& a, const auto& b) { return a.path().native() < b.path().native(); });
    return entries;
  }

  void walk(const fs::path& dir, const fs::path& relative) {
    if (!first_visit(dir)) return;
    for (const fs::directory_entry& entry : list(dir)) {
      std::error_code error;
      const fs::path name = entry.path().filename();
      if (entry.is_symlink(error) && options_.symlinks == SymlinkPolicy::skip) continue;
      if (entry.is_directory(error)) {
        walk(entry.path(), relative / name);
      } else if (matches_globs(options_.globs, name.native(), (relative / name).native())) {
        add_file(entry.path());
      }
    }
  }
};

}  // namespace

bool matches_globs(const std::vector<std::string>& globs, std::string_view name,
                   std::string_view relative) {
  if (globs.empty()) {
    return ends_with_ignoring_case(name, ".txt") || ends_with_ignoring_case(name, ".md");
  }
  const std::string name_text(name);
  const std::string relative_text(relative);
  for (const std::string& glob : globs) {
    const bool has_slash = glob.find('/') != std::string::npos;
    const std::string& subject = has_slash ? relative_text : name_text;
    if (::fnmatch(glob.c_str(), subject.c_str(), has_slash ? FNM_PATHNAME : 0) == 0) return true;
  }
  return false;
}

std::vector<InputFile> collect_inputs(const std::vector<std::string>& roots,
                                      const InputOptions& options) {
  std::vector<InputFile> inputs;
  Walker walker(options, inputs);
  for (const std::string& root : roots) walker.add_root(root);
  std::stable_sort(inputs.begin(), inputs.end(),
                   [](const InputFile& a, const InputFile& b) { return a.path < b.path; });
  inputs.erase(std::unique(inputs.begin(), inputs.end(),
                           [](const InputFile& a, const InputFile& b) { return a.path == b.path; }),
               inputs.end());
  return inputs;
}

std::vector<std::string> read_path_list(std::istream& in) {
  std::vector<std::string> paths;
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (!line.empty()) paths.push_back(std::move(line));
  }
  return paths;
}

}  // namespace clause_scan
