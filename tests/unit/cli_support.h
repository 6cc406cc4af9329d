// cli_support.h: running the clause-scan binary from a test and capturing what it says.
#pragma once

#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace clause_scan::testing {

struct CliRun {
  int status = -1;  // exit status
  std::string out;  // standard output
  std::string err;  // standard error
};

inline std::string read_text(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

inline void write_text(const std::filesystem::path& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary);
  out << bytes;
}

inline std::string shell_quote(const std::string& arg) {
  std::string quoted = "'";
  for (char c : arg) quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return quoted + "'";
}

// A fresh empty folder under the system's temporary folder, removed by the destructor.
class TempDir {
 public:
  TempDir() {
    std::string pattern = (std::filesystem::temp_directory_path() / "clause-scan-test-XXXXXX");
    std::vector<char> buffer(pattern.begin(), pattern.end());
    buffer.push_back('\0');
    path_ = mkdtemp(buffer.data());
  }
  ~TempDir() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return path_; }
  std::filesystem::path operator/(const std::string& name) const { return path_ / name; }

 private:
  std::filesystem::path path_;
};

// Runs `binary args...` through the shell with the given environment prefix (e.g.
// "NO_COLOR=1 "), from the source tree, capturing standard output and error.
inline CliRun run_command(const std::string& binary, const std::vector<std::string>& args,
                          const std::string& env = "", const std::string& stdin_text = "") {
  TempDir scratch;
  std::string command =
      "cd " + shell_quote(CLAUSE_SCAN_SOURCE_DIR) + " && " + env + shell_quote(binary);
  for (const std::string& arg : args) command += " " + shell_quote(arg);
  const auto in_path = scratch / "stdin";
  write_text(in_path, stdin_text);
  command += " <" + shell_quote(in_path) + " >" + shell_quote(scratch / "stdout") + " 2>" +
             shell_quote(scratch / "stderr");
  int raw = std::system(command.c_str());
  CliRun run;
  run.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
  run.out = read_text(scratch / "stdout");
  run.err = read_text(scratch / "stderr");
  return run;
}

inline CliRun run_cli(const std::vector<std::string>& args, const std::string& env = "",
                      const std::string& stdin_text = "") {
  return run_command(CLAUSE_SCAN_BINARY, args, env, stdin_text);
}

// Number of lines in `text` (a final line without '\n' counts).
inline int count_lines(const std::string& text) {
  int lines = 0;
  for (char c : text) lines += c == '\n';
  if (!text.empty() && text.back() != '\n') ++lines;
  return lines;
}

}  // namespace clause_scan::testing
