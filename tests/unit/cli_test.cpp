// The clause-scan command line as users meet it: subcommands, exit statuses, one-line errors
// for bad input, and the same answer whatever the encoding of the file.
#include <doctest/doctest.h>

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
using clause_scan::testing::run_cli;
using clause_scan::testing::run_command;
using clause_scan::testing::TempDir;
using clause_scan::testing::write_text;
using nlohmann::json;

namespace {

const fs::path kSourceDir = CLAUSE_SCAN_SOURCE_DIR;
const fs::path kSharedDir = CLAUSE_SCAN_SHARED_DIR;

const char* const kContract =
    "运维服务合同\n"
    "合同编号：HT-2026-018\n"
    "甲方（采购人）：东川市数据管理中心\n"
    "乙方（供应商）：东川云启信息技术有限公司\n"
    "一、合同金额\n"
    "1.1 中标金额：人民币 1977800 元（大写：壹佰玖拾柒万柒仟捌佰元整）。\n"
    "1.2 服务期限：自合同签订日起至 2026 年 12 月 31 日。\n";

std::vector<std::string> sample_files() {
  std::vector<std::string> files;
  for (const auto& entry : fs::directory_iterator(kSourceDir / "samples")) {
    if (entry.path().extension() == ".txt")
      files.push_back("samples/" + entry.path().filename().string());
  }
  std::sort(files.begin(), files.end());
  return files;
}

// The summary JSON of one file, without the fields that name the file and its encoding.
json summary_without_origin(const std::string& file) {
  auto run = run_cli({"--format", "json", file});
  REQUIRE_MESSAGE(run.status != 2, run.err);
  json document = json::parse(run.out);
  document.erase("file");
  document.erase("encoding");
  return document;
}

}  // namespace

TEST_CASE("cli: --version and --help") {
  auto version = run_cli({"--version"});
  CHECK(version.status == 0);
  CHECK(version.out.find(CLAUSE_SCAN_VERSION_TEXT) != std::string::npos);

  auto help = run_cli({"--help"});
  CHECK(help.status == 0);
  for (const char* word : {"summary", "outline", "segment", "rules", "Examples:", "Exit status"}) {
    CHECK_MESSAGE(help.out.find(word) != std::string::npos, word);
  }
}

TEST_CASE("cli: a file alone means the summary command") {
  auto implicit = run_cli({"--format", "json", "samples/procurement_service.txt"});
  auto explicit_ = run_cli({"summary", "--format", "json", "samples/procurement_service.txt"});
  CHECK(implicit.status == explicit_.status);
  CHECK(implicit.out == explicit_.out);
  json document = json::parse(implicit.out);
  CHECK(document.is_object());
  CHECK(document["schema"] == "clause-scan/summary/v1");
  CHECK(document["file"] == "samples/procurement_service.txt");
  CHECK(document["encoding"] == "UTF-8");
}

TEST_CASE("cli: the summary has every key of the spec, in its order") {
  TempDir dir;
  write_text(dir / "contract.txt", kContract);
  auto run = run_cli({"--format", "json", (dir / "contract.txt").string()});
  REQUIRE(run.status != 2);
  auto document = nlohmann::ordered_json::parse(run.out);
  std::vector<std::string> keys;
  for (const auto& item : document.items()) keys.push_back(item.key());
  const std::vector<std::string> expected = {
      "schema", "file",    "encoding",  "title",         "contract_no", "parties",  "amounts",
      "dates",  "periods", "durations", "payment_terms", "penalties",   "findings", "clauses"};
  CHECK(keys == expected);
  CHECK(document["title"] == "运维服务合同");
  CHECK(document["contract_no"] == "HT-2026-018");
  CHECK(document["clauses"][0]["number"] == "一");
  CHECK(document["clauses"][0]["heading"] == "合同金额");
  CHECK(document["clauses"][0]["children"][1]["number"] == "1.2");
  CHECK(document["clauses"][0]["children"][1]["line"] == 7);
}

TEST_CASE("cli: the summary's findings in Chinese by default, in English with --lang en") {
  TempDir dir;
  const std::string file = (dir / "contract.txt").string();
  write_text(file,
             "运维服务合同\n"
             "一、合同金额\n"
             "1.1 合同金额：人民币 286,000.00 元（大写：贰拾陆万捌仟元整）。\n");
  const std::string zh =
      "大写金额与小写金额不一致：小写 286,000.00 元，大写 贰拾陆万捌仟元整 = 268,000.00 元";
  const std::string en =
      "amount in words differs from the figures: 286,000.00 CNY, in words 贰拾陆万捌仟元整 = "
      "268,000.00 CNY";
  struct Case {
    std::vector<std::string> args;
    std::string expected;  // the line the output holds
  };
  for (const Case& c : std::vector<Case>{
           {{file}, "  错误 [amount-words-mismatch] " + zh + "  §1.1 L3\n"},
           {{"--lang", "en", file}, "  error [amount-words-mismatch] " + en + "  §1.1 L3\n"},
           {{"--format", "markdown", file}, "- **错误** `amount-words-mismatch` " + zh},
           {{"--format", "markdown", "--lang", "en", file},
            "- **error** `amount-words-mismatch` " + en},
           {{"--format", "json", file}, "\"message\": \"" + zh + "\""},
           {{"--format", "json", "--lang", "en", file}, "\"message\": \"" + en + "\""},
       }) {
    std::vector<std::string> args = c.args;
    args.insert(args.begin(), "--color=never");
    CAPTURE(args.size());
    auto run = run_cli(args);
    CHECK(run.status == 1);  // an error-level finding
    CHECK_MESSAGE(run.out.find(c.expected) != std::string::npos, run.out);
  }
}

TEST_CASE("cli: bad input gets one line naming the file and the reason, and exit status 2") {
  TempDir dir;
  struct Case {
    const char* name;
    std::string bytes;               // written to dir/name unless empty and `create` is false
    std::vector<std::string> extra;  // options before the file
    const char* reason;
  };
  const std::string png("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16);
  std::string broken_utf8 = std::string(kContract) + "\xff\xfe" + kContract;
  std::string gb18030 = clause_scan::encode(kContract, "GB18030").value();
  std::string truncated = gb18030 + "\x81";  // a lead byte with nothing after it
  const std::vector<Case> cases = {
      {"empty.txt", "", {}, "empty file"},
      {"blank.txt", " \n\t\r\n\u3000\n", {}, "contains only white space"},
      {"scan.png", png, {}, "binary file (PNG image)"},
      {"nul.txt", std::string("甲方\0乙方", 13), {}, "binary file (NUL byte at offset 6)"},
      {"broken.txt", broken_utf8, {}, "invalid UTF-8 at byte"},
      {"truncated.txt", truncated, {"--encoding", "GB18030"}, "invalid GB18030 at byte"},
      {"big.txt", std::string(4096, 'a'), {"--max-size", "1KiB"}, "over the"},
  };
  for (const Case& c : cases) {
    SUBCASE(c.name) {
      write_text(dir / c.name, c.bytes);
      std::vector<std::string> args = c.extra;
      args.push_back((dir / c.name).string());
      auto run = run_cli(args);
      CHECK(run.status == 2);
      CHECK(count_lines(run.err) == 1);
      CHECK_MESSAGE(run.err.find(c.name) != std::string::npos, run.err);
      CHECK_MESSAGE(run.err.find(c.reason) != std::string::npos, run.err);
      CHECK(run.out.empty());
    }
  }
  SUBCASE("a path that does not exist") {
    auto run = run_cli({(dir / "missing.txt").string()});
    CHECK(run.status == 2);
    CHECK(count_lines(run.err) == 1);
    CHECK(run.err.find("missing.txt: no such file") != std::string::npos);
  }
  SUBCASE("a directory given as a file") {
    auto run = run_cli({dir.path().string()});
    CHECK(run.status == 2);
    CHECK(count_lines(run.err) == 1);
    CHECK(run.err.find("is a directory") != std::string::npos);
  }
  SUBCASE("an unknown encoding") {
    write_text(dir / "a.txt", kContract);
    auto run = run_cli({"--encoding", "NO-SUCH-CHARSET", (dir / "a.txt").string()});
    CHECK(run.status == 2);
    CHECK(count_lines(run.err) == 1);
    CHECK(run.err.find("unknown encoding 'NO-SUCH-CHARSET'") != std::string::npos);
  }
}

TEST_CASE("cli: a broken rule file is path:line: reason and exit status 2") {
  TempDir rules;
  write_text(rules / "bad.toml",
             "[[rule]]\nid = \"x\"\ncategory = \"amount\"\ndescription = \"d\"\n"
             "patterns = ['(?P<value>\\d+']\n");
  auto run = run_cli({"--rules", rules.path().string(), "samples/procurement_service.txt"});
  CHECK(run.status == 2);
  CHECK(count_lines(run.err) == 1);
  CHECK_MESSAGE(run.err.find("bad.toml:5:") != std::string::npos, run.err);
  CHECK_MESSAGE(run.err.find("missing )") != std::string::npos, run.err);

  write_text(rules / "bad.toml", "[[rule]\nid = \"x\"\n");
  auto toml = run_cli({"--rules", rules.path().string(), "samples/procurement_service.txt"});
  CHECK(toml.status == 2);
  CHECK(count_lines(toml.err) == 1);
  CHECK_MESSAGE(toml.err.find("bad.toml:1:") != std::string::npos, toml.err);
}

TEST_CASE("cli: one bad file does not cost the others their result") {
  auto run = run_cli({"--format", "json", "samples/office_lease.txt", "no/such/file.txt",
                      "samples/sale_of_goods.txt"});
  CHECK(run.status == 2);
  CHECK(count_lines(run.err) == 1);
  json documents = json::parse(run.out);
  REQUIRE(documents.is_array());
  REQUIRE(documents.size() == 2);
  CHECK(documents[0]["file"] == "samples/office_lease.txt");
  CHECK(documents[1]["file"] == "samples/sale_of_goods.txt");
}

TEST_CASE("cli: GB18030 and UTF-16 copies of a sample give the JSON of the UTF-8 one") {
  TempDir dir;
  for (const std::string& sample : sample_files()) {
    const std::string utf8 = read_text(kSourceDir / sample);
    const json expected = summary_without_origin(sample);
    struct Variant {
      const char* encoding;
      const char* bom;
      const char* reported;
    };
    const Variant variants[] = {{"GB18030", "", "GB18030"},
                                {"UTF-16LE", "\xff\xfe", "UTF-16LE"},
                                {"UTF-16BE", "\xfe\xff", "UTF-16BE"},
                                {"UTF-16LE", "", "UTF-16LE"}};
    for (const Variant& variant : variants) {
      CAPTURE(sample);
      CAPTURE(variant.encoding);
      CAPTURE(variant.bom);
      auto bytes = clause_scan::encode(utf8, variant.encoding);
      REQUIRE(bytes.ok());
      const fs::path copy = dir / "copy.txt";
      write_text(copy, variant.bom + bytes.value());
      auto run = run_cli({"--format", "json", copy.string()});
      REQUIRE(run.status != 2);
      json document = json::parse(run.out);
      CHECK(document["encoding"] == variant.reported);
      document.erase("file");
      document.erase("encoding");
      CHECK(document == expected);
    }
  }
}

TEST_CASE("cli: the shipped rules pass their own examples") {
  auto run = run_cli({"rules", "test"});
  CHECK_MESSAGE(run.status == 0, run.out);
  CHECK(run.out.find(", 0 failed") != std::string::npos);
  auto list = run_cli({"rules", "list", "--format", "json"});
  CHECK(list.status == 0);
  CHECK(json::parse(list.out).size() >= 5);
}

TEST_CASE("cli: outline prints the tree in text and in the spec's Clause shape") {
  TempDir dir;
  write_text(dir / "contract.txt", kContract);
  auto text = run_cli({"outline", "--color", "never", (dir / "contract.txt").string()});
  CHECK(text.status == 0);
  CHECK(text.out == "一、合同金额  L5\n  1.1 中标金额  L6\n  1.2 服务期限  L7\n");
  auto run = run_cli({"outline", "--format", "json", (dir / "contract.txt").string()});
  CHECK(run.status == 0);
  json document = json::parse(run.out);
  const json& clause = document["clauses"][0]["children"][0];
  CHECK(clause["number"] == "1.1");
  CHECK(clause["heading"] == "中标金额");
  CHECK(clause["line"] == 6);
  CHECK(clause["children"].is_array());
}

TEST_CASE("cli: outline runs without error on every real contract") {
  const fs::path real = kSharedDir / "corpus" / "real";
  if (!fs::is_directory(real)) {
    MESSAGE("corpus absent, skipped: " << real.string());
    return;
  }
  int files = 0;
  for (const auto& entry : fs::directory_iterator(real)) {
    if (entry.path().extension() != ".txt") continue;
    auto run = run_cli({"outline", "--format", "json", entry.path().string()});
    CHECK_MESSAGE(run.status == 0, entry.path().filename().string() << ": " << run.err);
    CHECK(run.err.empty());
    ++files;
  }
  CHECK(files >= 38);
}

TEST_CASE("cli: segment keeps contract terms whole") {
  TempDir dir;
  write_text(dir / "a.txt", "乙方应按照本项目中标金额的 30%向甲方支付违约金。\n");
  auto run = run_cli({"segment", (dir / "a.txt").string()});
  CHECK(run.status == 0);
  CHECK(run.out ==
        "L1: 乙方 | 应 | 按照 | 本 | 项目 | 中标金额 | 的 | 30 | % | 向 | 甲方 | 支付 | 违约金 | "
        "。\n");
}

TEST_CASE("cli: colour only when asked or on a terminal, never with NO_COLOR") {
  const std::string escape = "\x1b[";
  CHECK(run_cli({"outline", "samples/office_lease.txt"}).out.find(escape) == std::string::npos);
  CHECK(run_cli({"outline", "--color", "always", "samples/office_lease.txt"}).out.find(escape) !=
        std::string::npos);
  CHECK(run_cli({"outline", "--color", "never", "samples/office_lease.txt"}).out.find(escape) ==
        std::string::npos);
  CHECK(run_cli({"outline", "samples/office_lease.txt"}, "NO_COLOR=1 ").out.find(escape) ==
        std::string::npos);
}

TEST_CASE("cli: an installed binary finds its installed rules") {
  TempDir prefix;
  std::string install = "cmake --install " +
                        clause_scan::testing::shell_quote(CLAUSE_SCAN_BINARY_DIR) + " --prefix " +
                        clause_scan::testing::shell_quote(prefix.path().string()) + " >/dev/null";
  REQUIRE(std::system(install.c_str()) == 0);
  const fs::path binary = prefix / "bin/clause-scan";
  REQUIRE(fs::exists(binary));
  auto run = run_command(binary.string(), {"rules", "list", "--format", "json"});
  REQUIRE(run.status == 0);
  json rules = json::parse(run.out);
  REQUIRE(!rules.empty());
  const std::string installed_rules = (prefix / "share/clause-scan/rules").string();
  for (const json& rule : rules) {
    CHECK(rule["file"].get<std::string>().rfind(installed_rules, 0) == 0);
  }
}
