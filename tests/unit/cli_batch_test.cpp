// clause-scan batch as users run it: a mixed archive in any number of jobs, every kind of
// broken file, a run killed and resumed, CSV for spreadsheets, lists of odd file names, and
// the GNU parallel recipe of the README.
#include <doctest/doctest.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>

#include "clause_scan/decode.h"
#include "cli_support.h"

namespace fs = std::filesystem;
using clause_scan::testing::CliRun;
using clause_scan::testing::read_text;
using clause_scan::testing::run_cli;
using clause_scan::testing::run_command;
using clause_scan::testing::shell_quote;
using clause_scan::testing::TempDir;
using clause_scan::testing::write_text;
using nlohmann::json;

namespace {

const fs::path kSourceDir = CLAUSE_SCAN_SOURCE_DIR;

std::string sample(const std::string& name) { return read_text(kSourceDir / "samples" / name); }

std::string encoded(const std::string& text, const char* encoding) {
  clause_scan::Result<std::string> bytes = clause_scan::encode(text, encoding);
  REQUIRE(bytes.ok());
  return bytes.value();
}

// A small archive: contracts in UTF-8, GB18030 and UTF-16LE in nested folders with Chinese
// names, a Markdown note, a file the default globs leave out.
void write_archive(const fs::path& root) {
  fs::create_directories(root / "2019/采购");
  fs::create_directories(root / "2024");
  write_text(root / "2019/采购/运维 服务.txt", sample("procurement_service.txt"));
  write_text(root / "2019/采购/sale-gb18030.txt", encoded(sample("sale_of_goods.txt"), "GB18030"));
  write_text(root / "2019/lease-utf16.txt",
             "\xFF\xFE" + encoded(sample("office_lease.txt"), "UTF-16LE"));
  write_text(root / "2024/labor.txt", sample("labor_contract.txt"));
  write_text(root / "2024/loan.md", sample("loan_agreement.txt"));
  write_text(root / "2024/software.TXT", sample("software_development.txt"));
  write_text(root / "2024/scan.pdf", "%PDF-1.7\n");
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

std::vector<std::string> files_of(const std::string& jsonl) {
  std::vector<std::string> files;
  for (const std::string& line : lines_of(jsonl)) files.push_back(json::parse(line)["file"]);
  return files;
}

json line_for(const std::string& jsonl, const std::string& file) {
  for (const std::string& line : lines_of(jsonl)) {
    json record = json::parse(line);
    if (record["file"] == file) return record;
  }
  FAIL("no line for " << file);
  return json();
}

// Splits CSV text (RFC 4180) into rows of fields.
std::vector<std::vector<std::string>> parse_csv(const std::string& text) {
  std::vector<std::vector<std::string>> rows(1, std::vector<std::string>(1));
  bool quoted = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        rows.back().back() += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        rows.back().back() += c;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      rows.back().emplace_back();
    } else if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
      rows.emplace_back(1);
      ++i;
    } else {
      rows.back().back() += c;
    }
  }
  if (rows.back() == std::vector<std::string>(1)) rows.pop_back();
  return rows;
}

// Starts the binary in the background from the source tree, output to /dev/null.
pid_t spawn_cli(const std::vector<std::string>& args) {
  std::vector<std::string> argv_text = {CLAUSE_SCAN_BINARY};
  argv_text.insert(argv_text.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (std::string& arg : argv_text) argv.push_back(arg.data());
  argv.push_back(nullptr);
  const pid_t pid = fork();
  if (pid == 0) {
    const int null = open("/dev/null", O_RDWR);
    dup2(null, STDIN_FILENO);
    dup2(null, STDOUT_FILENO);
    dup2(null, STDERR_FILENO);
    if (chdir(CLAUSE_SCAN_SOURCE_DIR) != 0) _exit(127);
    execv(argv[0], argv.data());
    _exit(127);
  }
  return pid;
}

int count_newlines(const fs::path& path) {
  const std::string text = read_text(path);
  return static_cast<int>(std::count(text.begin(), text.end(), '\n'));
}

}  // namespace

TEST_CASE("cli batch: sorted records, the same bytes for --jobs 1, 2 and 8") {
  TempDir dir;
  write_archive(dir / "archive");
  const std::string root = (dir / "archive").string();
  CliRun one = run_cli({"batch", "--quiet", "--jobs", "1", root});
  REQUIRE_MESSAGE(one.status == 0, one.err);
  const std::vector<std::string> expected = {root + "/2019/lease-utf16.txt",
                                             root + "/2019/采购/sale-gb18030.txt",
                                             root + "/2019/采购/运维 服务.txt",
                                             root + "/2024/labor.txt",
                                             root + "/2024/loan.md",
                                             root + "/2024/software.TXT"};
  CHECK(files_of(one.out) == expected);
  CHECK(line_for(one.out, expected[0])["encoding"] == "UTF-16LE");
  CHECK(line_for(one.out, expected[1])["encoding"] == "GB18030");
  // The GB18030 copy says what the UTF-8 original says.
  json legacy = line_for(one.out, expected[1]);
  json original = json::parse(run_cli({"batch", "-q", "samples/sale_of_goods.txt"}).out);
  for (json* document : {&legacy, &original}) {
    document->erase("file");
    document->erase("encoding");
  }
  CHECK(legacy == original);
  CHECK(one.err.empty());
  for (const char* jobs : {"2", "8"}) {
    CAPTURE(jobs);
    CliRun many = run_cli({"batch", "--quiet", "--jobs", jobs, root});
    CHECK(many.status == 0);
    CHECK(many.out == one.out);
  }
}

TEST_CASE("cli batch: every kind of broken file gets its error line, the others their summary") {
  TempDir dir;
  const fs::path root = dir / "archive";
  fs::create_directories(root);
  const std::string contract = sample("labor_contract.txt");
  std::string broken_utf8 = sample("loan_agreement.txt");
  broken_utf8.erase(broken_utf8.find("借款") + 2, 1);
  write_text(root / "a-good.txt", contract);
  write_text(root / "binary.txt", std::string("\x89PNG\r\n\x1A\n\0\0\0\rIHDR", 16));
  write_text(root / "empty.txt", "");
  write_text(root / "encoding.txt", broken_utf8);
  write_text(root / "too-large.txt", sample("procurement_service.txt") + contract);
  const std::string missing = (dir / "missing.txt").string();
  write_text(dir / "list", missing + "\n");

  CliRun run = run_cli({"batch", "--lang", "en", "--max-size", "25000", "--files-from",
                        (dir / "list").string(), root.string()});
  CHECK(run.status == 1);
  const std::vector<std::string> lines = lines_of(run.out);
  REQUIRE(lines.size() == 6);
  struct Expected {
    std::string file;
    std::string kind;
    std::string error;
  };
  const std::vector<Expected> errors = {
      {(root / "binary.txt").string(), "binary", "binary file (PNG image)"},
      {(root / "empty.txt").string(), "empty", "empty file"},
      {(root / "encoding.txt").string(), "encoding", ""},
      {(root / "too-large.txt").string(), "too-large", ""},
      {missing, "io", "no such file"},
  };
  CHECK(json::parse(lines[0])["schema"] == "clause-scan/summary/v1");
  for (std::size_t i = 0; i < errors.size(); ++i) {
    CAPTURE(errors[i].kind);
    json line = json::parse(lines[i + 1]);
    CHECK(line["schema"] == "clause-scan/error/v1");
    CHECK(line["file"] == errors[i].file);
    CHECK(line["kind"] == errors[i].kind);
    if (!errors[i].error.empty()) CHECK(line["error"] == errors[i].error);
    CHECK(lines[i + 1].rfind(R"({"schema":"clause-scan/error/v1","file":)", 0) == 0);
    CHECK(lines[i + 1].find(R"(","kind":")") > lines[i + 1].find(R"(","error":")"));
  }
  CHECK(run.err.find("6 files") != std::string::npos);
  CHECK(run.err.find("5 failed (binary 1, empty 1, encoding 1, io 1, too-large 1)") !=
        std::string::npos);
}

TEST_CASE("cli batch: a file past --timeout is an internal error line") {
  TempDir dir;
  std::string big;
  while (big.size() < (std::size_t{4} << 20)) big += sample("procurement_service.txt");
  write_text(dir / "big.txt", big);
  CliRun run = run_cli({"batch", "--timeout", "0.001", "--lang", "en", (dir / "big.txt").string()});
  CHECK(run.status == 1);
  CHECK(run.out == nlohmann::ordered_json({{"schema", "clause-scan/error/v1"},
                                           {"file", (dir / "big.txt").string()},
                                           {"error", "timed out after 0.001 s"},
                                           {"kind", "internal"}})
                           .dump() +
                       "\n");
  CHECK(run.err.find("1 failed (timeout 1)") != std::string::npos);
}

TEST_CASE("cli batch: -o writes FILE.partial and renames it when complete") {
  TempDir dir;
  write_archive(dir / "archive");
  CliRun to_stdout = run_cli({"batch", "-q", (dir / "archive").string()});
  CliRun to_file =
      run_cli({"batch", "-q", "-o", (dir / "out.jsonl").string(), (dir / "archive").string()});
  CHECK(to_file.status == 0);
  CHECK(to_file.out.empty());
  CHECK(read_text(dir / "out.jsonl") == to_stdout.out);
  CHECK_FALSE(fs::exists(dir / "out.jsonl.partial"));
}

TEST_CASE("cli batch: a killed run resumed gives the bytes of an uninterrupted one") {
  TempDir dir;
  const fs::path root = dir / "archive";
  fs::create_directories(root);
  const std::vector<std::string> names = {"labor_contract.txt", "loan_agreement.txt",
                                          "office_lease.txt", "sale_of_goods.txt",
                                          "software_development.txt"};
  for (int i = 0; i < 60; ++i) {
    for (const std::string& name : names) {
      write_text(root / (std::to_string(100 + i) + "-" + name), sample(name));
    }
  }
  write_text(root / "150-empty.txt", "");
  // --lang en throughout: it sets the finding messages in the records and the stderr summary.
  CliRun whole = run_cli({"batch", "-q", "--lang", "en", "--jobs", "1", root.string()});
  REQUIRE(whole.status == 1);

  for (int signal_number : {SIGKILL, SIGINT}) {
    CAPTURE(signal_number);
    const fs::path out = dir / ("out-" + std::to_string(signal_number) + ".jsonl");
    const fs::path partial = out.string() + ".partial";
    const pid_t pid =
        spawn_cli({"batch", "--lang", "en", "--jobs", "1", "-o", out.string(), root.string()});
    REQUIRE(pid > 0);
    const auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    while (count_newlines(partial) < 20 && std::chrono::steady_clock::now() < give_up) {
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    kill(pid, signal_number);
    int status = 0;
    waitpid(pid, &status, 0);
    REQUIRE_MESSAGE(WIFSIGNALED(status), "the run ended before it could be interrupted");
    REQUIRE_FALSE(fs::exists(out));
    REQUIRE(fs::exists(partial));

    CliRun resumed = run_cli(
        {"batch", "--lang", "en", "--jobs", "2", "--resume", "-o", out.string(), root.string()});
    CHECK(resumed.status == 1);
    CHECK(resumed.err.find("records kept from " + partial.string()) != std::string::npos);
    CHECK(read_text(out) == whole.out);
    CHECK_FALSE(fs::exists(partial));
  }
}

TEST_CASE("cli batch: --resume refuses an output it did not write") {
  TempDir dir;
  write_archive(dir / "archive");
  write_text(dir / "out.jsonl.partial", "file,title\r\n");
  CliRun run = run_cli(
      {"batch", "--resume", "-o", (dir / "out.jsonl").string(), (dir / "archive").string()});
  CHECK(run.status == 2);
  CHECK(run.err == "clause-scan: " + (dir / "out.jsonl.partial").string() +
                       ": cannot resume: the first line is not a batch record in JSON Lines\n");
  CHECK(read_text(dir / "out.jsonl.partial") == "file,title\r\n");
}

TEST_CASE("cli batch: CSV rows survive commas, quotes and line breaks in fields") {
  TempDir dir;
  const fs::path root = dir / "archive";
  fs::create_directories(root);
  const std::vector<std::string> odd_names = {"a, b.txt", "say \"hi\".txt", "two\nlines.txt"};
  for (const std::string& name : odd_names) write_text(root / name, sample("labor_contract.txt"));
  write_text(root / "z-empty.txt", "");

  CliRun run = run_cli({"batch", "-q", "--format", "csv", "--excel", root.string()});
  CHECK(run.status == 1);
  REQUIRE(run.out.rfind("\xEF\xBB\xBF", 0) == 0);
  std::vector<std::vector<std::string>> rows = parse_csv(run.out.substr(3));
  REQUIRE(rows.size() == 5);
  CHECK(rows[0].front() == "file");
  for (const auto& row : rows) CHECK(row.size() == rows[0].size());
  CHECK(rows[1][0] == (root / "a, b.txt").string());
  CHECK(rows[2][0] == (root / "say \"hi\".txt").string());
  CHECK(rows[3][0] == (root / "two\nlines.txt").string());
  CHECK(rows[3][2] == "劳动合同");
  CHECK(rows[4][0] == (root / "z-empty.txt").string());
  CHECK(rows[4][rows[4].size() - 2] == "empty");
  CHECK(rows[4].back() == "empty file");

  CliRun no_bom = run_cli({"batch", "-q", "--format", "csv", root.string()});
  CHECK(no_bom.out == run.out.substr(3));
  CHECK(run_cli({"batch", "-q", "--excel", root.string()}).status == 2);
}

TEST_CASE("cli batch: --files-from takes names with spaces and Chinese characters") {
  TempDir dir;
  const std::vector<std::string> names = {"合同 一.txt", " 前导空格.txt", "采购（2019）#1.md"};
  std::string list;
  for (const std::string& name : names) {
    write_text(dir / name, sample("sale_of_goods.txt"));
    list += (dir / name).string() + "\r\n";
  }
  list += "\n";
  std::vector<std::string> expected;
  for (const std::string& name : names) expected.push_back((dir / name).string());
  std::sort(expected.begin(), expected.end());

  CliRun from_stdin = run_cli({"batch", "-q", "--files-from", "-"}, "", list);
  CHECK(from_stdin.status == 0);
  CHECK(files_of(from_stdin.out) == expected);
  write_text(dir / "list.txt", list);
  CliRun from_file = run_cli({"batch", "-q", "--files-from", (dir / "list.txt").string()});
  CHECK(from_file.out == from_stdin.out);
}

TEST_CASE("cli batch: usage errors are exit status 2") {
  CHECK(run_cli({"batch"}).status == 2);
  CHECK(run_cli({"batch", "--resume", "samples"}).status == 2);
  CHECK(run_cli({"batch", "--encoding", "GB-9999", "samples"}).status == 2);
  CHECK(run_cli({"batch", "--files-from", "/nonexistent/list"}).status == 2);
  CliRun ok = run_cli({"batch", "-q", "samples"});
  CHECK(ok.status == 0);
}

TEST_CASE("cli batch: the GNU parallel recipe merges to a single run's lines") {
  if (std::system("command -v parallel >/dev/null 2>&1") != 0) {
    MESSAGE("skipped: GNU parallel is not installed");
    return;
  }
  TempDir dir;
  write_archive(dir / "archive");
  for (int i = 0; i < 4; ++i) write_archive(dir / ("archive/copy" + std::to_string(i)));
  const std::string binary = shell_quote(CLAUSE_SCAN_BINARY);
  const std::string archive = shell_quote((dir / "archive").string());
  CliRun single = run_command("sh", {"-c", binary + " batch -q " + archive + " | sort"});
  CliRun merged =
      run_command("sh", {"-c", "find " + archive +
                                   " -type f \\( -name '*.txt' -o -name '*.TXT' -o -name '*.md' \\)"
                                   " | parallel --will-cite --pipe -N 5 " +
                                   binary + " batch -q --files-from - | sort"});
  CHECK(merged.status == 0);
  CHECK(clause_scan::testing::count_lines(single.out) == 30);
  CHECK(merged.out == single.out);
}

TEST_CASE("cli batch: finding messages in Chinese by default, in English with --lang en") {
  const std::string file = "tests/data/templates/money.txt";
  const struct {
    std::vector<std::string> args;
    std::string first_message;
  } cases[] = {
      {{"batch", "--quiet", file},
       "大写金额与小写金额不一致：小写 1,260,000.00 元，大写 壹佰贰拾伍万元整 = 1,250,000.00 元"},
      {{"batch", "--quiet", "--lang", "en", file},
       "amount in words differs from the figures: 1,260,000.00 CNY, in words 壹佰贰拾伍万元整 = "
       "1,250,000.00 CNY"},
  };
  for (const auto& c : cases) {
    const CliRun run = run_cli(c.args);
    REQUIRE(run.status == 0);
    const json record = json::parse(run.out);
    REQUIRE(!record["findings"].empty());
    CHECK(record["findings"][0]["message"] == c.first_message);
  }
}
