// `clause-scan check` as CI runs it: exit statuses, the four formats, --explain for every id,
// configuration found above the files, the baseline round trip, unused rules, and the exact
// command lines of the README's CI recipes and of .pre-commit-hooks.yaml.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "check_support.h"
#include "cli_support.h"

namespace fs = std::filesystem;
using clause_scan::testing::CliRun;
using clause_scan::testing::read_text;
using clause_scan::testing::sarif_problems;
using clause_scan::testing::shell_quote;
using clause_scan::testing::TempDir;
using clause_scan::testing::write_text;
using nlohmann::json;

namespace {

const fs::path kSource = CLAUSE_SCAN_SOURCE_DIR;
const fs::path kTemplates = kSource / "tests/data/templates";

// Runs `command` with sh in `dir`, the clause-scan under test first on PATH.
CliRun shell(const fs::path& dir, const std::string& command) {
  TempDir scratch;
  const std::string bin = fs::path(CLAUSE_SCAN_BINARY).parent_path().string();
  std::string line = "cd " + shell_quote(dir.string()) + " && PATH=" + shell_quote(bin) +
                     ":\"$PATH\" NO_COLOR=1 sh -c " + shell_quote(command) + " </dev/null >" +
                     shell_quote((scratch / "out").string()) + " 2>" +
                     shell_quote((scratch / "err").string());
  int raw = std::system(line.c_str());
  CliRun run;
  run.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
  run.out = read_text(scratch / "out");
  run.err = read_text(scratch / "err");
  return run;
}

// A templates repository: templates/ with one broken and one clean template (Chinese names).
struct Repo {
  TempDir dir;
  explicit Repo(bool with_defects = true) {
    fs::create_directories(dir / "templates");
    fs::copy_file(kTemplates / "clean_service.txt", dir / "templates/运维服务合同.txt");
    fs::copy_file(kTemplates / "clean_lease.md", dir / "templates/商铺租赁合同.md");
    if (with_defects) {
      fs::copy_file(kTemplates / "numbering.txt", dir / "templates/技术开发合同.txt");
    }
  }
  CliRun run(const std::string& command) const { return shell(dir.path(), command); }
};

int count_lines_starting(const std::string& text, const std::string& prefix) {
  std::istringstream lines(text);
  int count = 0;
  for (std::string line; std::getline(lines, line);) count += line.rfind(prefix, 0) == 0;
  return count;
}

// The lines of the README's "### In CI" code blocks that run clause-scan check, without the
// YAML around them ("run: ", "- ").
std::vector<std::string> readme_ci_commands() {
  const std::string readme = read_text(kSource / "README.md");
  const std::size_t begin = readme.find("### In CI");
  const std::size_t end = readme.find("\n## ", begin);
  REQUIRE(begin != std::string::npos);
  std::istringstream section(readme.substr(begin, end - begin));
  std::vector<std::string> commands;
  const std::regex command(R"(^\s*(?:run:\s*|-\s+)(clause-scan check .*)$)");
  for (std::string line; std::getline(section, line);) {
    std::smatch match;
    if (std::regex_match(line, match, command)) commands.push_back(match[1]);
  }
  return commands;
}

}  // namespace

TEST_CASE("cli check: exit status 0, 1 or 2") {
  Repo broken;
  CliRun run = broken.run("clause-scan check templates/");
  CHECK(run.status == 1);
  CHECK(count_lines_starting(run.out, "templates/技术开发合同.txt:") == 5);
  CHECK(run.out.find("templates/技术开发合同.txt:8:14: error [dangling-reference] "
                     "引用了不存在的条款：第1.4款（本合同中没有该条款）\n") != std::string::npos);
  CHECK(run.err.empty());

  Repo clean(false);
  run = clean.run("clause-scan check templates/");
  CHECK(run.status == 0);
  CHECK(run.out == "检查了 2 个文件：0 个错误，0 个警告，0 个提示\n");

  // Warnings fail only with --fail-on warning; info only with --fail-on info.
  write_text(clean.dir / "templates/blank.txt", "联系地址：________\n");
  write_text(clean.dir / ".clause-scan.toml", "required = []\n");
  CHECK(clean.run("clause-scan check templates/blank.txt").status == 0);
  CHECK(clean.run("clause-scan check --fail-on warning templates/blank.txt").status == 1);
  write_text(clean.dir / "templates/box.txt", "证件类型：□居民身份证  □护照\n");
  CHECK(clean.run("clause-scan check --fail-on warning templates/box.txt").status == 0);
  CHECK(clean.run("clause-scan check --fail-on info templates/box.txt").status == 1);
  CHECK(clean.run("clause-scan check --fail-on fatal templates/box.txt").status == 2);

  // Trouble wins, and the other files are still checked and reported.
  run = broken.run("clause-scan check templates/ missing.txt");
  CHECK(run.status == 2);
  CHECK(run.err == "clause-scan: missing.txt: no such file or folder\n");
  CHECK(count_lines_starting(run.out, "templates/技术开发合同.txt:") == 5);

  // A file that cannot be read is trouble too; the others are still reported.
  write_text(broken.dir / "templates/scan.txt", std::string("PK\x03\x04\0\0binary", 12));
  run = broken.run("clause-scan check --format json templates/");
  CHECK(run.status == 2);
  CHECK(run.err.find("clause-scan: templates/scan.txt: binary file") == 0);
  CHECK(json::parse(run.out)["counts"]["files"] == 3);
  fs::remove(broken.dir / "templates/scan.txt");

  run = broken.run("clause-scan check");
  CHECK(run.status == 2);
  CHECK(run.err == "clause-scan: no PATH to check (clause-scan check templates/)\n");
}

TEST_CASE("cli check: a broken configuration is path:line: reason, exit 2") {
  Repo repo;
  write_text(repo.dir / ".clause-scan.toml", "[checks]\n\"clause-number-gap\" = \"loud\"\n");
  CliRun run = repo.run("clause-scan check templates/");
  CHECK(run.status == 2);
  CHECK(run.out.empty());
  CHECK(run.err == "clause-scan: " + (repo.dir / ".clause-scan.toml").string() +
                       ":2: check \"clause-number-gap\": unknown level \"loud\" (use error, "
                       "warning, info or off)\n");

  run = repo.run("clause-scan check --config nope.toml templates/");
  CHECK(run.status == 2);
  CHECK(run.err == "clause-scan: nope.toml: configuration file not found\n");
}

TEST_CASE("cli check: configuration found above the files, or given") {
  Repo repo;
  write_text(repo.dir / ".clause-scan.toml",
             "root = true\n[checks]\n\"dangling-reference\" = \"off\"\n\"clause-number-gap\" = "
             "\"error\"\n");
  CliRun run = repo.run("clause-scan check --format json templates/");
  CHECK(run.status == 1);
  json document = json::parse(run.out);
  CHECK(document["counts"]["error"] == 3);  // 1 duplicate + 2 gaps, no references
  CHECK(document["counts"]["warning"] == 0);

  write_text(repo.dir / "ci.toml", "[checks]\n\"duplicate-clause-number\" = \"off\"\n");
  run = repo.run("clause-scan check --config ci.toml --format json templates/");
  document = json::parse(run.out);
  CHECK(document["counts"]["error"] == 2);  // the references; the discovered file is ignored
  CHECK(document["counts"]["warning"] == 2);
}

TEST_CASE("cli check: the JSON document") {
  Repo repo;
  CliRun run = repo.run("clause-scan check --format json templates/");
  CHECK(run.status == 1);
  // ordered_json: the spec's key order is part of what is checked.
  clause_scan::Json document = clause_scan::Json::parse(run.out);
  CHECK(document["schema"] == "clause-scan/check/v1");
  REQUIRE(document["files"].size() == 3);
  CHECK(document["files"][0]["file"] == "templates/商铺租赁合同.md");
  CHECK(document["files"][0]["findings"].empty());
  CHECK(document["files"][1]["file"] == "templates/技术开发合同.txt");
  CHECK(document["files"][1]["findings"][0].dump() ==
        R"({"rule":"dangling-reference","severity":"error","message":"引用了不存在的条款：)"
        R"(第1.4款（本合同中没有该条款）","clause":"1.2","line":8,"column":14})");
  CHECK(document["counts"].dump() ==
        R"({"error":3,"warning":2,"info":0,"files":3,"files_with_findings":1})");
}

TEST_CASE("cli check: findings in Chinese by default, in English with --lang en") {
  Repo repo;
  const std::string zh =
      "templates/技术开发合同.txt:8:14: error [dangling-reference] "
      "引用了不存在的条款：第1.4款（本合同中没有该条款）\n";
  const std::string en =
      "templates/技术开发合同.txt:8:14: error [dangling-reference] "
      "reference to 第1.4款: the contract has no such clause\n";
  CHECK(repo.run("clause-scan check templates/").out.rfind(zh, 0) == 0);
  CHECK(repo.run("clause-scan check --lang zh templates/").out.rfind(zh, 0) == 0);
  CliRun english = repo.run("clause-scan check --lang en templates/");
  CHECK(english.status == 1);
  CHECK(english.out.rfind(en, 0) == 0);
  CHECK(english.out.find("\n3 files checked; errors: 3, warnings: 2, info: 0\n") !=
        std::string::npos);
  CHECK(english.out.find("条款编号") == std::string::npos);

  json document = json::parse(repo.run("clause-scan check --format json --lang en templates/").out);
  CHECK(document["files"][1]["findings"][2]["message"] == "clause numbering jumps from 3.1 to 3.3");
  json log = json::parse(repo.run("clause-scan check --format sarif --lang en templates/").out);
  CHECK(log["runs"][0]["results"][1]["message"]["text"] == "clause number 1.3 is used twice");
  json log_zh = json::parse(repo.run("clause-scan check --format sarif templates/").out);
  CHECK(log_zh["runs"][0]["results"][1]["message"]["text"] == "条款编号 1.3 重复出现");
  CHECK(log_zh["runs"][0]["results"][1]["partialFingerprints"] ==
        log["runs"][0]["results"][1]["partialFingerprints"]);
  CliRun github = repo.run("clause-scan check --format github --lang en templates/");
  CHECK(
      github.out.find("title=clause-number-gap::clause numbering jumps from 第三条 to 第五条\n") !=
      std::string::npos);
}

TEST_CASE("cli check: SARIF 2.1.0 with URIs relative to the working directory") {
  Repo repo;
  CliRun run = repo.run("clause-scan check --format sarif templates/");
  CHECK(run.status == 1);
  json log = json::parse(run.out);
  CHECK(sarif_problems(log) == std::vector<std::string>{});
  const json& results = log["runs"][0]["results"];
  REQUIRE(results.size() == 5);
  CHECK(results[0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] ==
        "templates/%E6%8A%80%E6%9C%AF%E5%BC%80%E5%8F%91%E5%90%88%E5%90%8C.txt");
  // The same files named by absolute paths give the same relative URIs.
  CliRun absolute = repo.run("clause-scan check --format sarif " +
                             shell_quote((repo.dir / "templates").string()));
  json absolute_log = json::parse(absolute.out);
  CHECK(absolute_log["runs"][0]["results"] == results);
}

TEST_CASE("cli check: GitHub workflow commands") {
  Repo repo;
  CliRun run = repo.run("clause-scan check --format github templates/");
  CHECK(run.status == 1);
  CHECK(run.out.rfind("::error file=templates/技术开发合同.txt,line=8,col=14,title=dangling-"
                      "reference::引用了不存在的条款：第1.4款（本合同中没有该条款）\n",
                      0) == 0);
  CHECK(count_lines_starting(run.out, "::error ") == 3);
  CHECK(count_lines_starting(run.out, "::warning ") == 2);
}

TEST_CASE("cli check: --explain for every check id, --list-checks") {
  CliRun list = shell(kSource, "clause-scan check --list-checks");
  CHECK(list.status == 0);
  // Chinese by default, English with --lang en; the same ids and severities in both.
  CHECK(list.out.find("amount-words-mismatch\terror\t大写金额与小写金额不一致\n") !=
        std::string::npos);
  CliRun list_en = shell(kSource, "clause-scan check --list-checks --lang en");
  CHECK(list_en.status == 0);
  CHECK(list_en.out.find("amount-words-mismatch\terror\tA sum written in figures and in "
                         "capitals (大写) gives two different values\n") != std::string::npos);
  std::istringstream lines(list.out);
  std::istringstream lines_en(list_en.out);
  int ids = 0;
  for (std::string line, line_en; std::getline(lines, line);) {
    const std::string id = line.substr(0, line.find('\t'));
    CAPTURE(id);
    REQUIRE(std::getline(lines_en, line_en));
    CHECK(line_en.substr(0, line_en.find('\t', id.size() + 1)) ==
          line.substr(0, line.find('\t', id.size() + 1)));
    CliRun explain = shell(kSource, "clause-scan check --explain " + id);
    CHECK(explain.status == 0);
    CHECK(explain.out.rfind(id + " (", 0) == 0);
    CHECK(explain.out.size() > 200);  // a paragraph, not a line
    CHECK(explain.out.find("在 .clause-scan.toml 中关闭此检查") != std::string::npos);
    ++ids;
  }
  CHECK(ids == 25);
  CliRun unknown = shell(kSource, "clause-scan check --explain check.nope");
  CHECK(unknown.status == 2);
  CHECK(unknown.err ==
        "clause-scan: unknown check \"check.nope\" (clause-scan check --list-checks)\n");
}

TEST_CASE("cli check: docs/checks.md explains every check id") {
  const std::string doc = read_text(kSource / "docs/checks.md");
  CliRun list = shell(kSource, "clause-scan check --list-checks");
  std::istringstream lines(list.out);
  for (std::string line; std::getline(lines, line);) {
    const std::string id = line.substr(0, line.find('\t'));
    CAPTURE(id);
    CHECK(doc.find("### `" + id + "`") != std::string::npos);
    CliRun explain = shell(kSource, "clause-scan check --explain " + id + " --lang en");
    // The paragraph of --explain --lang en is the doc's, word for word (the third line of
    // --explain; the docs are in English).
    std::istringstream text(explain.out);
    std::string title, summary, blank, paragraph;
    std::getline(text, title);
    std::getline(text, summary);
    std::getline(text, blank);
    std::getline(text, paragraph);
    CHECK(doc.find(paragraph) != std::string::npos);
    CHECK(explain.out.find("Turn it off or change its severity") != std::string::npos);
  }
}

TEST_CASE("cli check: baseline round trip") {
  Repo repo;
  CliRun write = repo.run("clause-scan check --write-baseline baseline.json templates/");
  CHECK(write.status == 0);
  CHECK(write.out.empty());
  CHECK(write.err == "clause-scan: baseline.json: baseline of 5 findings\n");
  json baseline = json::parse(read_text(repo.dir / "baseline.json"));
  CHECK(baseline["schema"] == "clause-scan/baseline/v1");
  CHECK(baseline["findings"].size() == 5);

  CliRun again = repo.run("clause-scan check --baseline baseline.json templates/");
  CHECK(again.status == 0);
  CHECK(again.out ==
        "检查了 3 个文件：0 个错误，0 个警告，0 个提示（另有 5 个已在基线中，未列出）\n");

  // Lines added above the findings: still hidden. A new defect: reported, exit 1.
  const fs::path file = repo.dir / "templates/技术开发合同.txt";
  std::string text = read_text(file);
  text.insert(text.find("甲方："), "\n\n合同编号：QH-2026-KF-0007\n\n");
  text += "\n第八条 其他\n8.1 未尽事宜见本合同第二十条。\n";
  write_text(file, text);
  CliRun later = repo.run("clause-scan check --baseline baseline.json templates/");
  CHECK(later.status == 1);
  CHECK(later.out ==
        "templates/技术开发合同.txt:37:13: error [dangling-reference] "
        "引用了不存在的条款：第二十条（本合同中没有该条款）\n"
        "检查了 3 个文件：1 个错误，0 个警告，0 个提示（另有 5 个已在基线中，未列出）\n");

  write_text(repo.dir / "bad.json", "[]");
  CliRun bad = repo.run("clause-scan check --baseline bad.json templates/");
  CHECK(bad.status == 2);
  CHECK(bad.err ==
        "clause-scan: bad.json: not a baseline (schema is not \"clause-scan/baseline/v1\")\n");
}

TEST_CASE("cli check: a baseline hides the same findings whatever --lang wrote or reads it") {
  Repo repo;
  CliRun write = repo.run("clause-scan check --lang en --write-baseline en.json templates/");
  CHECK(write.status == 0);
  CHECK(repo.run("clause-scan check --write-baseline zh.json templates/").status == 0);
  // The file holds the Chinese messages, so both runs wrote the same baseline.
  CHECK(read_text(repo.dir / "en.json") == read_text(repo.dir / "zh.json"));
  json baseline = json::parse(read_text(repo.dir / "en.json"));
  CHECK(baseline["findings"][0]["rule"] == "clause-number-gap");
  CHECK(baseline["findings"][0]["message"] == "条款编号从 3.1 跳到 3.3");

  CliRun zh = repo.run("clause-scan check --baseline en.json templates/");
  CHECK(zh.status == 0);
  CHECK(zh.out == "检查了 3 个文件：0 个错误，0 个警告，0 个提示（另有 5 个已在基线中，未列出）\n");
  CliRun en = repo.run("clause-scan check --lang en --baseline zh.json templates/");
  CHECK(en.status == 0);
  CHECK(en.out ==
        "3 files checked; errors: 0, warnings: 0, info: 0 (5 more in the baseline, not shown)\n");
}

TEST_CASE("cli check: custom rules and --report-unused-rules") {
  Repo repo(false);
  write_text(repo.dir / "firm.toml",
             "[[rule]]\nid = \"firm.placeholder\"\ncategory = \"check\"\nseverity = \"error\"\n"
             "message = \"placeholder left in the text\"\npattern = 'XX公司'\n\n"
             "[[rule]]\nid = \"firm.typo\"\ncategory = \"check\"\nmessage = \"never fires\"\n"
             "pattern = '违约经'\n");
  CliRun run =
      repo.run("clause-scan check --check-rules firm.toml --report-unused-rules templates/");
  CHECK(run.status == 0);
  CHECK(
      run.out ==
      "firm.toml:1:1: warning [unused-rule] 规则 firm.placeholder 在本次检查中没有匹配到任何内容\n"
      "firm.toml:8:1: warning [unused-rule] 规则 firm.typo 在本次检查中没有匹配到任何内容\n"
      "检查了 2 个文件：0 个错误，2 个警告，0 个提示\n");
}

TEST_CASE("cli check: the README's CI command lines, run as written") {
  const std::vector<std::string> commands = readme_ci_commands();
  REQUIRE(commands.size() == 4);
  for (bool defects : {true, false}) {
    Repo repo(defects);
    CAPTURE(defects);
    for (const std::string& command : commands) {
      CAPTURE(command);
      CliRun run = repo.run(command);
      const bool ignores_status = command.find("|| true") != std::string::npos;
      CHECK(run.status == (ignores_status || !defects ? 0 : 1));
      CHECK(run.err.empty());
      if (command.find("--format github") != std::string::npos) {
        CHECK(count_lines_starting(run.out, "::") == (defects ? 5 : 0));
      }
    }
    json sarif = json::parse(read_text(repo.dir / "clause-scan.sarif"));
    CHECK(sarif_problems(sarif) == std::vector<std::string>{});
    CHECK(sarif["runs"][0]["results"].size() == (defects ? 5u : 0u));
    json report = json::parse(read_text(repo.dir / "clause-scan.json"));
    CHECK(report["counts"]["files"] == (defects ? 3 : 2));
  }
}

TEST_CASE("cli check: the pre-commit hook runs its entry on the staged templates") {
  const std::string hooks = read_text(kSource / ".pre-commit-hooks.yaml");
  std::smatch entry, files, id;
  REQUIRE(std::regex_search(hooks, id, std::regex(R"(- id: (\S+))")));
  REQUIRE(std::regex_search(hooks, entry, std::regex(R"(\n\s*entry: (.*)\n)")));
  REQUIRE(std::regex_search(hooks, files, std::regex(R"(\n\s*files: (.*)\n)")));
  CHECK(id[1] == "clause-scan-check");
  CHECK(hooks.find("language: system") != std::string::npos);

  Repo repo;
  write_text(repo.dir / "templates/notes.docx", "not a template");
  // pre-commit passes the staged files that match `files`, as arguments after the entry.
  const std::regex pattern(files[1].str());
  std::string command = entry[1].str();
  int passed = 0;
  for (const auto& file : fs::directory_iterator(repo.dir / "templates")) {
    const std::string name = "templates/" + file.path().filename().string();
    if (!std::regex_search(name, pattern)) continue;
    command += " " + shell_quote(name);
    ++passed;
  }
  CHECK(passed == 3);
  CliRun run = repo.run(command);
  CHECK(run.status == 1);
  CHECK(count_lines_starting(run.out, "templates/技术开发合同.txt:") == 5);
}
