// run_check over tests/data/templates/: templates written with each defect, and clean ones,
// with every expected finding by file and line; extra rule files, unused rules, configuration
// met while walking, and output that does not depend on the number of threads.
#include <doctest/doctest.h>

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "check_support.h"
#include "clause_scan/check.h"
#include "cli_support.h"

namespace cs = clause_scan;
namespace fs = std::filesystem;
using cs::testing::describe;
using cs::testing::line_rules;
using cs::testing::TempDir;
using cs::testing::write_text;

namespace {

const fs::path kTemplates = fs::path(CLAUSE_SCAN_SOURCE_DIR) / "tests/data/templates";

cs::CheckReport run(const cs::RunOptions& options) {
  cs::Result<cs::CheckReport> report = cs::run_check(options, cs::testing::shared_resources());
  REQUIRE_MESSAGE(report.ok(), report.error().message());
  return std::move(report).value();
}

std::map<std::string, std::vector<std::string>> by_file(const cs::CheckReport& report) {
  std::map<std::string, std::vector<std::string>> files;
  for (const auto* group : {&report.files, &report.rule_files}) {
    for (const cs::CheckedFile& file : *group) {
      files[fs::path(file.file).filename().string()] = line_rules(file.findings);
    }
  }
  return files;
}

}  // namespace

TEST_CASE("check templates: every defect found where it is, clean templates quiet") {
  cs::RunOptions options;
  options.paths = {kTemplates.string()};
  cs::CheckReport report = run(options);
  CHECK(report.errors.empty());
  const std::map<std::string, std::vector<std::string>> expected = {
      {"blanks.txt",
       {"3:check.unfilled-blank", "7:check.empty-brackets", "8:check.empty-brackets",
        "9:check.unticked-choice", "13:check.blank", "14:check.html-checkbox",
        "14:check.html-checkbox", "15:check.unticked-choice", "15:check.other-unspecified",
        "24:check.blank"}},
      {"clean_lease.md", {}},
      {"clean_service.txt", {}},
      {"dates.txt", {"10:period-end-before-start", "23:signing-after-period-end"}},
      {"missing_content.txt",
       {"1:check.missing-amount", "1:check.missing-dispute-resolution", "1:check.missing-parties",
        "1:check.missing-payment-terms", "1:check.missing-signature", "1:check.missing-term"}},
      {"money.txt",
       {"7:amount-words-mismatch", "10:installments-not-100", "17:daily-rate-over-ceiling",
        "18:penalty-over-ceiling", "19:undefined-base"}},
      {"numbering.txt",
       {"8:dangling-reference", "10:duplicate-clause-number", "17:clause-number-gap",
        "19:clause-number-gap", "23:dangling-reference"}},
  };
  auto found = by_file(report);
  for (const auto& [file, lines] : expected) {
    CAPTURE(file);
    CHECK(found[file] == lines);
  }
  CHECK(found.size() == expected.size());
  // Sorted by path, and the paths as walked.
  REQUIRE(report.files.size() == 7);
  CHECK(report.files.front().file == (kTemplates / "blanks.txt").generic_string());
  CHECK(report.files.back().file == (kTemplates / "numbering.txt").generic_string());
}

TEST_CASE("check templates: what the numbering findings say") {
  cs::RunOptions options;
  options.paths = {(kTemplates / "numbering.txt").string()};
  cs::CheckReport report = run(options);
  REQUIRE(report.files.size() == 1);
  CHECK(describe(report.files[0].findings) ==
        "8:14 dangling-reference 引用了不存在的条款：第1.4款（本合同中没有该条款）\n"
        "10:1 duplicate-clause-number 条款编号 1.3 重复出现\n"
        "17:1 clause-number-gap 条款编号从 3.1 跳到 3.3\n"
        "19:1 clause-number-gap 条款编号从第三条跳到第五条\n"
        "23:10 dangling-reference 引用了不存在的条款：第九条（本合同中没有该条款）\n");
  std::vector<std::string> english;
  for (const cs::CheckFinding& item : report.files[0].findings) {
    english.push_back(item.finding.message_en);
  }
  CHECK(english == std::vector<std::string>{
                       "reference to 第1.4款: the contract has no such clause",
                       "clause number 1.3 is used twice", "clause numbering jumps from 3.1 to 3.3",
                       "clause numbering jumps from 第三条 to 第五条",
                       "reference to 第九条: the contract has no such clause"});
  CHECK(report.files[0].findings[1].finding.source.clause == "1.3");
}

TEST_CASE("check templates: the output does not depend on the number of threads") {
  cs::RunOptions options;
  options.paths = {kTemplates.string()};
  options.jobs = 1;
  const std::string one = cs::check_to_json(run(options)).dump();
  options.jobs = 4;
  CHECK(cs::check_to_json(run(options)).dump() == one);
}

TEST_CASE("check templates: unreadable files among good ones cost the others nothing") {
  // One thread takes the files a few at a time, summarized together: the binary and the empty
  // file fall inside such chunks, between good files.
  TempDir dir;
  fs::create_directories(dir / "t");
  for (const fs::directory_entry& entry : fs::directory_iterator(kTemplates)) {
    fs::copy_file(entry.path(), dir / "t" / entry.path().filename());
  }
  write_text(dir / "t/b_scan.txt", std::string("PK\x03\x04\0\0binary", 12));
  write_text(dir / "t/d_empty.txt", "");

  cs::RunOptions options;
  options.paths = {(dir / "t").string()};
  options.jobs = 1;
  cs::CheckReport report = run(options);
  std::vector<std::string> errors;
  for (const cs::Error& error : report.errors) {
    errors.push_back(fs::path(error.file).filename().string() + ": " + error.reason);
  }
  CHECK(errors == std::vector<std::string>{"b_scan.txt: binary file (ZIP archive)",
                                           "d_empty.txt: empty file"});
  cs::RunOptions alone;
  alone.paths = {kTemplates.string()};
  CHECK(by_file(report) == by_file(run(alone)));
}

TEST_CASE("check templates: files and folders, include and exclude, missing paths") {
  TempDir dir;
  fs::create_directories(dir / "t/sub");
  fs::create_directories(dir / "t/.git");
  const std::string blank = "联系地址：________\n";
  write_text(dir / "t/a.txt", blank);
  write_text(dir / "t/sub/b.md", blank);
  write_text(dir / "t/sub/c.html", blank);       // not taken when walking
  write_text(dir / "t/.git/d.txt", blank);       // hidden folder skipped
  write_text(dir / "t/sub/e-draft.txt", blank);  // excluded below
  write_text(dir / "t/.clause-scan.toml", "exclude = [\"*-draft.txt\"]\nrequired = []\n");

  cs::RunOptions options;
  options.paths = {(dir / "t").string(), (dir / "t/sub/c.html").string(),
                   (dir / "t/a.txt").string(), (dir / "t/sub/e-draft.txt").string(),
                   (dir / "missing").string()};
  cs::CheckReport report = run(options);
  std::vector<std::string> files;
  for (const cs::CheckedFile& file : report.files) {
    files.push_back(fs::path(file.file).lexically_relative(dir.path()).generic_string());
  }
  // A named file is checked whatever its name, once; an excluded one never.
  CHECK(files == std::vector<std::string>{"t/a.txt", "t/sub/b.md", "t/sub/c.html"});
  REQUIRE(report.errors.size() == 1);
  CHECK(report.errors[0].message() == (dir / "missing").string() + ": no such file or folder");
}

TEST_CASE("check templates: a broken configuration stops the run") {
  TempDir dir;
  write_text(dir / "a.txt", "联系地址：________\n");
  write_text(dir / ".clause-scan.toml", "[checks]\n\"check.blanks\" = \"off\"\n");
  cs::RunOptions options;
  options.paths = {(dir / "a.txt").string()};
  cs::Result<cs::CheckReport> report = cs::run_check(options, cs::testing::shared_resources());
  REQUIRE(!report.ok());
  CHECK(report.error().kind == cs::ErrorKind::usage);
  CHECK(report.error().message() == (dir / ".clause-scan.toml").string() +
                                        ":2: unknown check \"check.blanks\" (clause-scan check "
                                        "--list-checks)");
}

TEST_CASE("check templates: custom rules from a rule file, present and absent") {
  TempDir dir;
  write_text(dir / "firm.toml", R"TOML([[rule]]
id = "firm.no-placeholder-company"
category = "check"
severity = "error"
message = "placeholder company name left in the text"
pattern = 'XX公司|某某公司'

[[rule]]
id = "firm.confidentiality"
category = "check"
severity = "warning"
require = "present"
message = "缺少保密条款"
message_en = "no confidentiality clause (保密)"
pattern = '保密'

[[rule]]
id = "firm.never-matches"
category = "check"
message = "a rule with a typo"
pattern = '违约经'
)TOML");
  write_text(dir / "a.txt",
             "甲方：XX公司\n乙方：青禾云帆信息技术有限公司\n双方应对合同内容保密。\n");
  write_text(dir / "b.txt", "甲方：青禾市档案馆\n乙方：某某公司\n");
  write_text(dir / ".clause-scan.toml", "required = []\nrules = [\"firm.toml\"]\n");

  cs::RunOptions options;
  options.paths = {dir.path().string()};
  options.unused_rules = cs::UnusedRules::extra_rules;
  cs::CheckReport report = run(options);
  auto found = by_file(report);
  CHECK(found["a.txt"] == std::vector<std::string>{"1:firm.no-placeholder-company"});
  CHECK(found["b.txt"] ==
        std::vector<std::string>{"1:firm.confidentiality", "2:firm.no-placeholder-company"});
  // The dead rule is reported at its line in its rule file; the rules folder's are not.
  CHECK(found["firm.toml"] == std::vector<std::string>{"17:unused-rule"});
  // A rule with `message` only speaks it in both languages; `message_en` is the English.
  REQUIRE(report.files.size() == 2);
  const cs::Finding& placeholder = report.files[0].findings.at(0).finding;
  CHECK(placeholder.message == "placeholder company name left in the text");
  CHECK(placeholder.message_en == "placeholder company name left in the text");
  const cs::Finding& confidentiality = report.files[1].findings.at(0).finding;
  CHECK(confidentiality.message == "缺少保密条款");
  CHECK(confidentiality.message_en == "no confidentiality clause (保密)");
  REQUIRE(report.rule_files.size() == 1);
  CHECK(report.rule_files[0].findings[0].finding.message ==
        "规则 firm.never-matches 在本次检查中没有匹配到任何内容");
  CHECK(report.rule_files[0].findings[0].finding.message_en ==
        "rule \"firm.never-matches\" matched nothing in this run");

  // The run lists every check it used, the custom ones included (for SARIF).
  std::vector<std::string> ids;
  for (const cs::CheckInfo& check : report.checks) ids.push_back(check.id);
  CHECK(std::count(ids.begin(), ids.end(), "firm.confidentiality") == 1);
  CHECK(std::count(ids.begin(), ids.end(), "unused-rule") == 1);

  // All rules: the rules folder's unused check rules too.
  options.unused_rules = cs::UnusedRules::all_rules;
  cs::CheckReport all = run(options);
  CHECK(all.rule_files.size() == 2);
}

TEST_CASE("check templates: mistakes in extra rule files") {
  TempDir dir;
  write_text(dir / "a.txt", "甲方：青禾市档案馆\n");
  auto error_of = [&](const std::string& rules) {
    write_text(dir / "firm.toml", rules);
    cs::RunOptions options;
    options.paths = {(dir / "a.txt").string()};
    options.check_rules = {dir / "firm.toml"};
    cs::Result<cs::CheckReport> report = cs::run_check(options, cs::testing::shared_resources());
    return report.ok() ? std::string("ok") : report.error().message();
  };
  // Rule files are named relative to the working directory when they are inside it.
  fs::path relative = (dir / "firm.toml").lexically_relative(fs::current_path());
  const std::string file = relative.empty() || *relative.begin() == ".."
                               ? (dir / "firm.toml").generic_string()
                               : relative.generic_string();
  CHECK(error_of("[[rule]]\nid = \"x\"\ncategory = \"penalty\"\npattern = 'a'\n") ==
        file +
            ":1: rule \"x\": category \"penalty\": extra rule files hold only category "
            "\"check\" rules");
  CHECK(error_of("[[rule]]\nid = \"check.blank\"\ncategory = \"check\"\npattern = 'a'\n")
            .find(":1: rule \"check.blank\": duplicate rule id (first at ") != std::string::npos);
  CHECK(error_of("[[rule]]\nid = \"x\"\ncategory = \"check\"\nrequire = \"always\"\npattern = "
                 "'a'\n") ==
        file + ":1: rule \"x\": require must be \"present\" or \"absent\", not \"always\"");
  CHECK(error_of("[[rule]]\nid = \"x\"\ncategory = \"check\"\ncount = \"two\"\npattern = 'a'\n") ==
        file + ":1: rule \"x\": count must be a whole number of lines, 1 or more");
  CHECK(error_of("[[rule]]\nid = \"x\"\ncategory = \"check\"\nmessage_en = \"blank\"\npattern = "
                 "'a'\n") ==
        file + ":1: rule \"x\": message_en needs a message (the Chinese text, shown by default)");
  CHECK(error_of("[[rule]]\nid = \"x\"\ncategory = \"check\"\npattern = 'a'\n") == "ok");
}
