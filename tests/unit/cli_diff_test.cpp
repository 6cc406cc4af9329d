// clause-scan diff as users meet it: exit statuses as diff(1), the sample version pairs
// through the binary, the formats, and the HTML redline rendered by headless Chromium.
#include <doctest/doctest.h>

#include <filesystem>
#include <regex>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "cli_support.h"

namespace fs = std::filesystem;
using clause_scan::testing::run_cli;
using clause_scan::testing::run_command;
using clause_scan::testing::TempDir;
using clause_scan::testing::write_text;
using nlohmann::json;

namespace {

const char* const kChromium = "/usr/bin/chromium";

std::string base_of(const std::string& v2) {
  std::string name = fs::path(v2).filename().string();
  return "samples/" + name.substr(0, name.find('-')) + ".txt";
}

std::string counts_of(const json& counts) {
  std::string text;
  for (const char* key : {"unchanged", "modified", "added", "deleted", "moved", "renumbered"})
    text += (text.empty() ? "" : " ") + std::to_string(counts[key].get<int>());
  return text;
}

// "status old_number -> new_number [moved] [renumbered]" of the clauses that are not plainly
// unchanged, from the JSON document.
std::vector<std::string> notable(const json& document) {
  std::vector<std::string> rows;
  for (const json& clause : document["clauses"]) {
    bool plain = clause["status"] == "unchanged" && !clause["moved"] && !clause["renumbered"];
    if (plain) continue;
    auto number = [](const json& value) {
      return value.is_null() ? std::string("-") : value.get<std::string>();
    };
    std::string row = clause["status"].get<std::string>() + " " + number(clause["old_number"]) +
                      " -> " + number(clause["new_number"]);
    if (clause["moved"]) row += " moved";
    if (clause["renumbered"]) row += " renumbered";
    rows.push_back(row);
  }
  return rows;
}

std::vector<std::string> fields_of(const json& document) {
  std::vector<std::string> rows;
  for (const json& field : document["fields"]) {
    auto text = [](const json& value) {
      return value.is_null() ? std::string("null") : value.get<std::string>();
    };
    rows.push_back(field["field"].get<std::string>() + " " + field["label"].get<std::string>() +
                   ": " + text(field["old"]) + " -> " + text(field["new"]) + " §" +
                   text(field["new_clause"]));
  }
  return rows;
}

struct Pair {
  const char* v2;
  int status;
  const char* counts;  // unchanged modified added deleted moved renumbered
  std::vector<std::string> clauses;
  std::vector<std::string> fields;
};

const std::vector<Pair> kPairs = {
    {"procurement_service-amount.txt",
     1,
     "142 2 0 0 0 0",
     {"modified 2.2 -> 2.2", "modified 5.1 -> 5.1"},
     {"amount 中标金额: 2386500.00 -> 2510000.00 §2.2",
      "amount 中标金额: 2386500.00 -> 2510000.00 §5.1"}},
    {"software_development-rate.txt",
     1,
     "59 1 0 0 0 0",
     {"modified (一) -> (一)"},
     {"penalty late_delivery: 0.3 -> 0.5 §八、(一)"}},
    {"labor_contract-deleted.txt",
     1,
     "42 0 0 1 0 10",
     {"deleted 第十六条 -> -", "unchanged 第十七条 -> 第十六条 renumbered",
      "unchanged 第十八条 -> 第十七条 renumbered", "unchanged 第十九条 -> 第十八条 renumbered",
      "unchanged 第二十条 -> 第十九条 renumbered", "unchanged 第二十一条 -> 第二十条 renumbered",
      "unchanged 第二十二条 -> 第二十一条 renumbered",
      "unchanged 第二十三条 -> 第二十二条 renumbered",
      "unchanged 第二十四条 -> 第二十三条 renumbered",
      "unchanged 第二十五条 -> 第二十四条 renumbered",
      "unchanged 第二十六条 -> 第二十五条 renumbered"},
     {}},
    {"procurement_service-inserted.txt",
     1,
     "144 0 1 0 0 4",
     {"added - -> 4.1.3", "unchanged 4.1.3 -> 4.1.4 renumbered",
      "unchanged 4.1.4 -> 4.1.5 renumbered", "unchanged 4.1.5 -> 4.1.6 renumbered",
      "unchanged 4.1.6 -> 4.1.7 renumbered"},
     {}},
    {"loan_agreement-moved.txt",
     1,
     "52 0 0 0 1 2",
     {"unchanged (三) -> (四) moved renumbered", "unchanged (四) -> (三) renumbered"},
     {}},
    {"sale_of_goods-reworded.txt", 1, "62 1 0 0 0 0", {"modified 第八条 -> 第八条"}, {}},
    {"office_lease-whitespace.txt", 0, "75 0 0 0 0 0", {}, {}},
    {"sale_of_goods-party.txt",
     1,
     "61 2 0 0 0 0",
     {"modified  -> ", "modified (五) -> (五)"},
     {"party 卖方: 汉屿德衡自动化设备有限公司 -> 汉屿德衡智能装备有限公司 §"}},
    {"sale_of_goods-date.txt",
     1,
     "62 1 0 0 0 0",
     {"modified (一) -> (一)"},
     {"date other: 2026-05-20 -> 2026-06-10 §第七条(一)"}},
};

// The DOM headless Chromium builds from an HTML file; empty when Chromium fails.
std::string rendered_dom(const fs::path& html, const fs::path& profile) {
  auto run = run_command(
      "timeout", {"120", kChromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                  "--no-first-run", "--disable-background-networking", "--disable-component-update",
                  "--disable-sync", "--user-data-dir=" + profile.string(), "--dump-dom",
                  "file://" + html.string()});
  if (run.status != 0) MESSAGE("chromium: " << run.err);
  return run.out;
}

int count_of(const std::string& text, const std::regex& pattern) {
  return static_cast<int>(std::distance(std::sregex_iterator(text.begin(), text.end(), pattern),
                                        std::sregex_iterator()));
}

}  // namespace

TEST_CASE("cli diff: every sample pair, through the binary") {
  for (const Pair& pair : kPairs) {
    const std::string v2 = std::string("samples/versions/") + pair.v2;
    SUBCASE(pair.v2) {
      auto run = run_cli({"diff", "--format", "json", base_of(v2), v2});
      REQUIRE_MESSAGE(run.status == pair.status, run.err);
      CHECK(run.err.empty());
      json document = json::parse(run.out);
      CHECK(document["schema"] == "clause-scan/diff/v1");
      CHECK(document["old"] == base_of(v2));
      CHECK(document["new"] == v2);
      CHECK(counts_of(document["counts"]) == pair.counts);
      CHECK(notable(document) == pair.clauses);
      CHECK(fields_of(document) == pair.fields);
    }
  }
}

TEST_CASE("cli diff: exit status as diff(1)") {
  const std::string v1 = "samples/office_lease.txt";
  const std::string v2 = "samples/versions/office_lease-whitespace.txt";
  SUBCASE("the same contract: 0, and it says so") {
    auto run = run_cli({"diff", v1, v1});
    CHECK(run.status == 0);
    CHECK(run.out.find("两个版本没有差异") != std::string::npos);
  }
  SUBCASE("white space and full-width forms only: 0; with --strict: 1") {
    CHECK(run_cli({"diff", v1, v2}).status == 0);
    auto strict = run_cli({"diff", "--strict", "--format", "json", v1, v2});
    CHECK(strict.status == 1);
    CHECK(counts_of(json::parse(strict.out)["counts"]) == "70 5 0 0 0 0");
  }
  SUBCASE("differences: 1") {
    CHECK(run_cli({"diff", "samples/procurement_service.txt",
                   "samples/versions/procurement_service-amount.txt"})
              .status == 1);
  }
  SUBCASE("trouble: 2, one line on stderr") {
    auto missing = run_cli({"diff", v1, "samples/versions/no-such-file.txt"});
    CHECK(missing.status == 2);
    CHECK(missing.out.empty());
    CHECK(missing.err == "clause-scan: samples/versions/no-such-file.txt: no such file\n");
    CHECK(run_cli({"diff", v1}).status == 2);
    CHECK(run_cli({"diff", "--format", "pdf", v1, v2}).status == 2);
    CHECK(run_cli({"diff", "--context", "-1", v1, v2}).status == 2);
  }
}

TEST_CASE("cli diff: text output, field changes first, in Chinese or English") {
  const std::vector<std::string> files = {"samples/procurement_service.txt",
                                          "samples/versions/procurement_service-amount.txt"};
  std::vector<std::string> args = {"diff"};
  args.insert(args.end(), files.begin(), files.end());
  auto zh = run_cli(args, "NO_COLOR=1 ");
  CHECK(zh.out.find("  中标金额  2,386,500.00 → 2,510,000.00 (+5.2%)  §2.2\n") !=
        std::string::npos);
  CHECK(zh.out.find("[-2,386,500.00-]{+2,510,000.00+}") != std::string::npos);
  CHECK(zh.out.find("字段变化") < zh.out.find("条款变化"));
  CHECK(zh.out.find("\x1b[") == std::string::npos);

  args.insert(args.begin() + 1, {"--lang", "en", "--color", "always", "--context", "1"});
  auto en = run_cli(args);
  CHECK(en.out.find("Field changes") != std::string::npos);
  CHECK(en.out.find("\x1b[31m[-2,386,500.00-]\x1b[0m") != std::string::npos);
  CHECK(en.out.find("§2.3 服务期限") != std::string::npos);  // context around 2.2
}

TEST_CASE("cli diff: Markdown") {
  auto run = run_cli({"diff", "--format", "markdown", "samples/software_development.txt",
                      "samples/versions/software_development-rate.txt"});
  CHECK(run.status == 1);
  CHECK(run.out.find("| 逾期交付 | 0.3% | 0.5% | §八、(一) |\n") != std::string::npos);
  CHECK(run.out.find("千分之~~三~~**五**") != std::string::npos);
}

TEST_CASE("cli diff: the HTML redline, rendered by headless Chromium") {
  if (!fs::exists(kChromium)) {
    MESSAGE("SKIPPED: " << kChromium
                        << " is not installed (apt-get install chromium, or "
                           "scripts/setup.sh --test); the HTML redline was not rendered");
    return;
  }
  TempDir scratch;
  // An added clause and markup-like words, next to the amount pair's changes.
  std::string v1 = clause_scan::testing::read_text(
      fs::path(CLAUSE_SCAN_SOURCE_DIR) / "samples/versions/procurement_service-amount.txt");
  std::string v2 = v1;
  const std::string anchor = "2.6 人员配置";
  v2.insert(v2.find(anchor), "2.6 备注：<b>不得</b> 使用 \"临时工\" & 劳务派遣人员。\n\n");
  write_text(scratch / "v1.txt",
             clause_scan::testing::read_text(fs::path(CLAUSE_SCAN_SOURCE_DIR) /
                                             "samples/procurement_service.txt"));
  write_text(scratch / "v2.txt", v2);
  auto run = run_cli(
      {"diff", "--format", "html", (scratch / "v1.txt").string(), (scratch / "v2.txt").string()});
  REQUIRE(run.status == 1);
  write_text(scratch / "redline.html", run.out);

  const std::string dom = rendered_dom(scratch / "redline.html", scratch / "profile");
  REQUIRE_MESSAGE(!dom.empty(), "Chromium rendered nothing");
  // The field table on top, with its rows.
  CHECK(dom.find("<table class=\"fields\">") < dom.find("<section id=\"clauses\">"));
  CHECK(count_of(dom, std::regex("<tr><td>中标金额</td>")) == 2);
  CHECK(dom.find("<td class=\"new\">2,510,000.00 (+5.2%)</td>") != std::string::npos);
  // Deletions and insertions as elements of the page.
  CHECK(dom.find("<del>2386500.00</del><ins>2510000.00</ins>") != std::string::npos);
  CHECK(dom.find("<del>2,386,500.00</del><ins>2,510,000.00</ins>") != std::string::npos);
  CHECK(count_of(dom, std::regex("<del>")) >= 4);  // + the legend
  // The added clause is one insertion, its markup-like words text, not elements.
  CHECK(dom.find("<ins>备注：&lt;b&gt;不得&lt;/b&gt; 使用 \"临时工\" &amp; 劳务派遣人员。</ins>") !=
        std::string::npos);
  CHECK(dom.find("<b>不得</b>") == std::string::npos);
}
