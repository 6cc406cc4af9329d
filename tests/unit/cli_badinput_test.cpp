// The bad-input suite (issue 7): every kind of input nobody vetted, through the binary as a
// user runs it. Each case checks the documented exit status (README "Exit status": 2 for
// input and rule errors, 0/1 for a document that was read; batch: 1 when a file failed), a
// one-line message naming the file and the reason, no crash (a signal is no exit status),
// and the peak memory of the run (wait4's rusage, which counts the process tree).
//
// Bounds. Memory (asserted): every run stays under kBaseMemoryKiB + kMemoryPerByte x the
// input size, 512 MiB + 10 bytes per input byte (the base covers the rules, ICU and the
// AddressSanitizer build's own overhead); measured peaks: the 50 MB line 200 MB in a release
// build and 400 MB under ASan + UBSan, every other case under 60 MB release and 400 MB ASan.
// Time (stated, not asserted: no timing assertions in tests): each run ends in under 2 s in
// a release build, the whole file in about 4 s (about 25 s under ASan + UBSan); the largest
// cases are the 50 MB line (1.9 s release, 11 s ASan) and the 10,000-clause contract
// (0.3 s release, 5 s ASan). The run time grows linearly with these inputs; a file dense
// with sums and penalties (contracts pasted one after another on one line) grows faster,
// see README "Input".
#include <doctest/doctest.h>
#include <fcntl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "clause_scan/decode.h"
#include "cli_support.h"

namespace fs = std::filesystem;
using clause_scan::testing::count_lines;
using clause_scan::testing::read_text;
using clause_scan::testing::TempDir;
using clause_scan::testing::write_text;
using nlohmann::json;

namespace {

const fs::path kSourceDir = CLAUSE_SCAN_SOURCE_DIR;

constexpr long kBaseMemoryKiB = 512L * 1024;  // rules, ICU data, sanitizer runtime
constexpr long kMemoryPerByte = 10;           // text, normalized text, map, outline, JSON

long memory_bound_kib(std::uintmax_t input_bytes) {
  return kBaseMemoryKiB + static_cast<long>(input_bytes) * kMemoryPerByte / 1024;
}

struct MeasuredRun {
  int status = -1;  // exit status; -1 when killed by a signal
  std::string out;
  std::string err;
  long peak_rss_kib = 0;
};

// Runs `prefix... clause-scan args...` from the source tree (no shell), stdin from /dev/null,
// and measures the peak resident memory of the process tree it starts.
MeasuredRun run_measured(const std::vector<std::string>& args,
                         const std::vector<std::string>& prefix = {}) {
  TempDir scratch;
  const std::string out_path = (scratch / "stdout").string();
  const std::string err_path = (scratch / "stderr").string();
  std::vector<std::string> words = prefix;
  words.push_back(CLAUSE_SCAN_BINARY);
  words.insert(words.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (std::string& word : words) argv.push_back(word.data());
  argv.push_back(nullptr);
  const pid_t pid = fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {
    const int in = open("/dev/null", O_RDONLY);
    const int out = open(out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    const int err = open(err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (in < 0 || out < 0 || err < 0 || chdir(CLAUSE_SCAN_SOURCE_DIR) != 0) _exit(126);
    dup2(in, 0);
    dup2(out, 1);
    dup2(err, 2);
    execvp(argv[0], argv.data());
    _exit(127);
  }
  int raw = 0;
  rusage usage{};
  REQUIRE(wait4(pid, &raw, 0, &usage) == pid);
  MeasuredRun run;
  run.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
  run.out = read_text(out_path);
  run.err = read_text(err_path);
  run.peak_rss_kib = usage.ru_maxrss;
  return run;
}

// The contract of the other tests (cli_test.cpp), with an amount, its capitals and a period.
const std::string kContract =
    "运维服务合同\n"
    "合同编号：HT-2026-018\n"
    "甲方（采购人）：东川市数据管理中心\n"
    "乙方（供应商）：东川云启信息技术有限公司\n"
    "一、合同金额\n"
    "1.1 中标金额：人民币 1977800 元（大写：壹佰玖拾柒万柒仟捌佰元整）。\n"
    "1.2 服务期限：自合同签订日起至 2026 年 12 月 31 日。\n";

// A rejected file: exit status 2, nothing on stdout, one line on stderr naming the file and
// holding the reason.
void check_rejected(const MeasuredRun& run, const std::string& file, const std::string& reason,
                    std::uintmax_t input_bytes) {
  CHECK(run.status == 2);
  CHECK(run.out.empty());
  CHECK(count_lines(run.err) == 1);
  CHECK_MESSAGE(run.err.find(file + ": ") != std::string::npos, run.err);
  CHECK_MESSAGE(run.err.find(reason) != std::string::npos, run.err);
  CHECK(run.peak_rss_kib < memory_bound_kib(input_bytes));
}

// A file that was read: exit status 0 or 1 (an error-level finding), no message, JSON out.
json check_read(const MeasuredRun& run, std::uintmax_t input_bytes) {
  CHECK((run.status == 0 || run.status == 1));
  CHECK_MESSAGE(run.err.empty(), run.err);
  CHECK(run.peak_rss_kib < memory_bound_kib(input_bytes));
  return json::parse(run.out, nullptr, false);
}

int outline_depth(const json& clauses) {
  int depth = 0;
  for (const json& clause : clauses) depth = std::max(depth, 1 + outline_depth(clause["children"]));
  return depth;
}

int outline_size(const json& clauses) {
  int size = 0;
  for (const json& clause : clauses) size += 1 + outline_size(clause["children"]);
  return size;
}

std::string encoded(const std::string& text, const char* encoding) {
  clause_scan::Result<std::string> bytes = clause_scan::encode(text, encoding);
  REQUIRE(bytes.ok());
  return bytes.value();
}

// A rules folder holding the shipped term list and calendar and one rule file `toml`.
void write_rules(const fs::path& dir, const std::string& toml) {
  fs::create_directories(dir);
  fs::copy_file(kSourceDir / "rules/terms.txt", dir / "terms.txt");
  fs::copy_file(kSourceDir / "rules/calendar-cn.txt", dir / "calendar-cn.txt");
  write_text(dir / "bad.toml", toml);
}

std::string rule_with_pattern(const std::string& pattern) {
  return "[[rule]]\nid = \"amount.big\"\ncategory = \"amount\"\ndescription = \"d\"\n"
         "patterns = ['" +
         pattern + "']\n";
}

}  // namespace

TEST_CASE("bad input: files that are not a contract get exit status 2 and one line") {
  TempDir dir;
  const std::string png("\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10", 20);
  // Invalid UTF-8 in the middle: a 0xFF byte between two halves of a contract.
  std::string broken = kContract;
  const std::size_t middle = kContract.find("一、合同金额");
  broken.insert(middle, "\xFF");
  struct Case {
    const char* name;
    std::string bytes;
    std::string reason;
  };
  const std::vector<Case> cases = {
      {"empty.txt", "", "empty file"},
      {"blank.txt", " \n\t\r\n\u3000\n  \n", "contains only white space"},
      {"scan.png", png, "binary file (PNG image)"},
      {"broken.txt", broken,
       "invalid UTF-8 at byte " + std::to_string(middle) + " and not a known legacy encoding"},
  };
  for (const Case& c : cases) {
    SUBCASE(c.name) {
      write_text(dir / c.name, c.bytes);
      check_rejected(run_measured({(dir / c.name).string()}), c.name, c.reason, c.bytes.size());
    }
  }
}

TEST_CASE("bad input: truncated GB18030 is an encoding error at the byte where it breaks") {
  TempDir dir;
  const std::string gb18030 = encoded(kContract, "GB18030");
  SUBCASE("detected: a lead byte with nothing after it") {
    write_text(dir / "cut.txt", gb18030 + "\x81");
    check_rejected(run_measured({(dir / "cut.txt").string()}), "cut.txt",
                   "invalid GB18030 at byte " + std::to_string(gb18030.size()), gb18030.size());
  }
  SUBCASE("requested: half of a four-byte sequence (U+3400)") {
    const std::string four = encoded("\u3400", "GB18030");
    REQUIRE(four.size() == 4);
    write_text(dir / "cut4.txt", gb18030 + four.substr(0, 2));
    check_rejected(run_measured({"--encoding", "GB18030", (dir / "cut4.txt").string()}), "cut4.txt",
                   "invalid GB18030 at byte " + std::to_string(gb18030.size()), gb18030.size());
  }
}

TEST_CASE("bad input: UTF-16 without a BOM is read, in either byte order") {
  TempDir dir;
  for (const char* encoding : {"UTF-16LE", "UTF-16BE"}) {
    CAPTURE(encoding);
    const std::string bytes = encoded(kContract, encoding);
    write_text(dir / "nobom.txt", bytes);
    json document =
        check_read(run_measured({"--format", "json", (dir / "nobom.txt").string()}), bytes.size());
    CHECK(document["encoding"] == encoding);
    CHECK(document["title"] == "运维服务合同");
    CHECK(document["clauses"][0]["children"][1]["line"] == 7);
  }
}

TEST_CASE("bad input: a 50 MB single line is read in bounded time and memory") {
  // 50 MB of contract prose on one line (every sentence with a full-width comma, so the
  // offset map holds a run per sentence) with a sum at each end. Bound: memory as above
  // (measured: ~200 MB release); time linear in the size (~2 s release).
  TempDir dir;
  const std::string sum = "乙方应向甲方支付人民币 1977800 元。";
  const std::string filler = "合同条款内容说明文字，";
  std::string line = sum;
  line.reserve(50'000'000 + 2 * sum.size());
  while (line.size() < 50'000'000) line += filler;
  line += sum;
  write_text(dir / "line.txt", line);
  MeasuredRun run = run_measured({"--format", "json", (dir / "line.txt").string()});
  json document = check_read(run, line.size());
  REQUIRE(document.is_object());
  REQUIRE(document["amounts"].size() == 2);
  for (const json& amount : document["amounts"]) {
    CHECK(amount["value"] == "1977800.00");
    CHECK(amount["line"] == 1);
  }
  MeasuredRun outline = run_measured({"outline", "--format", "json", (dir / "line.txt").string()});
  CHECK(outline.status == 0);
  CHECK(outline.peak_rss_kib < memory_bound_kib(line.size()));
}

TEST_CASE("bad input: 10,000 levels of numbering give a bounded outline") {
  // The outline knows at most 6 dotted levels and ten styles, so nesting is bounded
  // (depth <= 16) whatever the input; deep-looking numbers are text. ~0.3 s release.
  TempDir dir;
  SUBCASE("one number 10,000 levels deep, 10,000 nested brackets, (1)((1))(((1)))...") {
    std::string dotted = "1";
    for (int level = 1; level < 10'000; ++level) dotted += ".1";
    const std::string brackets = std::string(10'000, '(') + "1" + std::string(10'000, ')');
    std::string growing;
    for (int level = 1; level <= 140; ++level) {
      growing += std::string(level, '(') + "1" + std::string(level, ')');
    }
    const std::string text =
        "合同\n" + dotted + " 条款内容\n" + brackets + " 条款内容\n" + growing + " 条款内容\n";
    write_text(dir / "deep.txt", text);
    json outline = check_read(
        run_measured({"outline", "--format", "json", (dir / "deep.txt").string()}), text.size());
    CHECK(outline_depth(outline["clauses"]) <= 1);
    json summary =
        check_read(run_measured({"--format", "json", (dir / "deep.txt").string()}), text.size());
    CHECK(summary.is_object());
  }
  SUBCASE("10,000 lines, each one level deeper than the last as far as numbering goes") {
    // 第N章 > 第N条 > 一、 > (一) > A. > 1. > 1.1 ... 1.1.1.1.1.1 > (1) > 1) > a. > ①, then
    // two numbers deeper than any form (1.1.1.1.1.1.1 and ((1))), and again.
    const std::vector<std::string> cycle = {
        "第{}章 总则",  "第{}条 定义",    "一、约定",         "(一)约定",
        "A. 约定",      "1. 约定",        "1.1 约定",         "1.1.1 约定",
        "1.1.1.1 约定", "1.1.1.1.1 约定", "1.1.1.1.1.1 约定", "(1) 约定",
        "1) 约定",      "a. 约定",        "① 约定",           "1.1.1.1.1.1.1 约定",
        "((1)) 约定"};
    std::string text = "合同\n";
    int lines = 0;
    for (int round = 1; lines < 10'000; ++round) {
      for (std::string line : cycle) {
        if (lines++ == 10'000) break;
        if (const auto at = line.find("{}"); at != std::string::npos) {
          line.replace(at, 2, std::to_string(std::min(round, 200)));
        }
        text += line + "\n";
      }
    }
    write_text(dir / "nested.txt", text);
    json outline = check_read(
        run_measured({"outline", "--format", "json", (dir / "nested.txt").string()}), text.size());
    CHECK(outline_depth(outline["clauses"]) == 15);
    CHECK(outline_size(outline["clauses"]) > 8'000);
    json summary =
        check_read(run_measured({"--format", "json", (dir / "nested.txt").string()}), text.size());
    CHECK(summary.is_object());
  }
}

TEST_CASE("bad input: a 10,000-clause contract") {
  // 100 clauses of 99 subclauses, each with a sum and a deadline: 0.74 MB. ~0.3 s release.
  TempDir dir;
  std::string text = "服务合同\n甲方：东川市数据管理中心\n乙方：东川云启信息技术有限公司\n";
  for (int clause = 1; clause <= 100; ++clause) {
    text += std::to_string(clause) + ". 第" + std::to_string(clause) + "部分约定\n";
    for (int sub = 1; sub <= 99; ++sub) {
      text += std::to_string(clause) + "." + std::to_string(sub) + " 乙方应在 " +
              std::to_string(sub) + " 个工作日内向甲方支付人民币 " +
              std::to_string(clause * 1000 + sub) + " 元。\n";
    }
  }
  write_text(dir / "long.txt", text);
  json outline = check_read(
      run_measured({"outline", "--format", "json", (dir / "long.txt").string()}), text.size());
  CHECK(outline["clauses"].size() == 100);
  CHECK(outline_size(outline["clauses"]) == 10'000);
  json summary =
      check_read(run_measured({"--format", "json", (dir / "long.txt").string()}), text.size());
  REQUIRE(summary.is_object());
  CHECK(summary["amounts"].size() == 9'900);
  CHECK(summary["amounts"].back()["value"] == "100099.00");
  CHECK(summary["amounts"].back()["clause"] == "100.99");
}

TEST_CASE("bad input: broken rule files are path:line: reason and exit status 2") {
  TempDir dir;
  const std::string contract = (kSourceDir / "samples/loan_agreement.txt").string();
  struct Case {
    const char* name;
    std::string toml;
    std::string where;  // "bad.toml:LINE:"
    std::string reason;
  };
  const std::vector<Case> cases = {
      {"invalid TOML", "[[rule]]\nid = \"amount.x\"\ncategory = \"amount\n",
       "bad.toml:3:", "Error while parsing string"},
      {"invalid RE2 pattern", rule_with_pattern("(?P<value>\\d+"),
       "bad.toml:5:", "missing ): (?P<value>\\d+"},
      {"a pattern RE2 rejects for size", rule_with_pattern("\\pL{1000}"),
       "bad.toml:5:", "pattern too large - compile failed"},
  };
  for (const Case& c : cases) {
    SUBCASE(c.name) {
      write_rules(dir / "rules", c.toml);
      MeasuredRun run = run_measured({"--rules", (dir / "rules").string(), contract});
      CHECK(run.status == 2);
      CHECK(run.out.empty());
      CHECK(count_lines(run.err) == 1);
      CHECK_MESSAGE(run.err.find(c.where) != std::string::npos, run.err);
      CHECK_MESSAGE(run.err.find(c.reason) != std::string::npos, run.err);
      CHECK(run.peak_rss_kib < memory_bound_kib(0));
    }
  }
}

TEST_CASE("bad input: paths that are not readable files") {
  TempDir dir;
  SUBCASE("a directory given as a file") {
    fs::create_directory(dir / "folder.txt");
    check_rejected(run_measured({(dir / "folder.txt").string()}), "folder.txt", "is a directory",
                   0);
  }
  SUBCASE("a path that does not exist") {
    check_rejected(run_measured({(dir / "missing.txt").string()}), "missing.txt", "no such file",
                   0);
  }
  SUBCASE("a symbolic link to itself") {
    fs::create_symlink(dir / "self.txt", dir / "self.txt");
    check_rejected(run_measured({(dir / "self.txt").string()}), "self.txt",
                   "too many levels of symbolic links", 0);
  }
}

TEST_CASE("bad input: a file without read permission") {
  // Root reads anything, so as root the binary runs as nobody (uid 65534); the folder is
  // opened to others so that only the file's own permission stands in the way.
  TempDir dir;
  fs::permissions(dir.path(), fs::perms::owner_all | fs::perms::group_read | fs::perms::group_exec |
                                  fs::perms::others_read | fs::perms::others_exec);
  write_text(dir / "secret.txt", kContract);
  fs::permissions(dir / "secret.txt", fs::perms::none);
  std::vector<std::string> as_nobody;
  if (geteuid() == 0) {
    as_nobody = {"setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"};
    if (run_measured({"--version"}, as_nobody).status != 0) {
      as_nobody = {"runuser", "-u", "nobody", "--"};
      if (run_measured({"--version"}, as_nobody).status != 0) {
        MESSAGE("cannot run the binary as an unprivileged user here: skipped");
        return;
      }
    }
  }
  check_rejected(run_measured({(dir / "secret.txt").string()}, as_nobody), "secret.txt",
                 "permission denied", 0);
}

TEST_CASE("bad input: symbolic-link loops under batch") {
  // A folder link back to the root and two file links pointing at each other. Skipped by
  // default; followed, the folder loop is entered once and the file loop is an io error
  // line per link. Bound: the walk visits each folder once.
  TempDir dir;
  const fs::path root = dir / "archive";
  fs::create_directories(root / "a");
  write_text(root / "contract.txt", kContract);
  fs::create_directory_symlink(root, root / "a/loop");
  fs::create_symlink("y.txt", root / "x.txt");
  fs::create_symlink("x.txt", root / "y.txt");
  const std::string summary_schema = "\"schema\":\"clause-scan/summary/v1\"";

  SUBCASE("skipped by default") {
    MeasuredRun run = run_measured({"batch", "--quiet", "--jobs", "2", root.string()});
    CHECK(run.status == 0);
    CHECK(count_lines(run.out) == 1);
    CHECK(run.out.find(summary_schema) != std::string::npos);
    CHECK(run.peak_rss_kib < memory_bound_kib(0));
  }
  SUBCASE("followed: the loop ends, each link loop is an io error line") {
    MeasuredRun run =
        run_measured({"batch", "--quiet", "--follow-symlinks", "--jobs", "2", root.string()});
    CHECK(run.status == 1);
    REQUIRE(count_lines(run.out) == 3);
    std::vector<json> records;
    for (std::size_t begin = 0; begin < run.out.size();) {
      const std::size_t end = run.out.find('\n', begin);
      records.push_back(json::parse(run.out.substr(begin, end - begin)));
      begin = end + 1;
    }
    CHECK(records[0]["file"] == (root / "contract.txt").string());
    CHECK(records[0]["title"] == "运维服务合同");
    for (int link : {1, 2}) {
      CHECK(records[link]["schema"] == "clause-scan/error/v1");
      CHECK(records[link]["kind"] == "io");
      CHECK(records[link]["error"] == "too many levels of symbolic links");
    }
    CHECK(records[1]["file"] == (root / "x.txt").string());
    CHECK(records[2]["file"] == (root / "y.txt").string());
    CHECK(run.peak_rss_kib < memory_bound_kib(0));
  }
  SUBCASE("a looping link named on the command line") {
    MeasuredRun run = run_measured({"batch", "--lang", "en", (root / "x.txt").string()});
    CHECK(run.status == 1);
    CHECK(count_lines(run.out) == 1);
    CHECK(run.out.find("too many levels of symbolic links") != std::string::npos);
    CHECK(count_lines(run.err) == 1);  // the summary line
  }
}
