// The sample version pairs of samples/versions/ (README there), end to end through the
// library: each pair's counts, the clauses that are not plainly unchanged, and the field
// changes, exactly.
#include <doctest/doctest.h>

#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include "clause_scan/diff.h"

namespace {

using namespace clause_scan;
namespace fs = std::filesystem;

const fs::path kSourceDir = CLAUSE_SCAN_SOURCE_DIR;

const Resources& resources() {
  static const Resources loaded = [] {
    Result<Resources> result = Resources::load(kSourceDir / "rules");
    REQUIRE_MESSAGE(result.ok(), (result.ok() ? "" : result.error().message()));
    return std::move(result).value();
  }();
  return loaded;
}

ContractDiff diff_files(const std::string& old_file, const std::string& new_file,
                        TextCompare compare = TextCompare::normalized) {
  Result<Document> old_document = load_document(kSourceDir / old_file, DecodeOptions{});
  Result<Document> new_document = load_document(kSourceDir / new_file, DecodeOptions{});
  REQUIRE(old_document.ok());
  REQUIRE(new_document.ok());
  const Summary old_summary = summarize(old_document.value(), resources());
  const Summary new_summary = summarize(new_document.value(), resources());
  Result<ContractDiff> diff = diff_contracts(DiffSide{old_document.value(), old_summary},
                                             DiffSide{new_document.value(), new_summary},
                                             resources().terms, DiffOptions{compare});
  REQUIRE(diff.ok());
  return std::move(diff).value();
}

std::string counts_of(const DiffCounts& c) {
  return std::to_string(c.unchanged) + " unchanged, " + std::to_string(c.modified) + " modified, " +
         std::to_string(c.added) + " added, " + std::to_string(c.deleted) + " deleted, " +
         std::to_string(c.moved) + " moved, " + std::to_string(c.renumbered) + " renumbered";
}

// The clauses a reader is shown or told about: "status old_path -> new_path [moved]
// [renumbered]"; the head is "(head)".
std::vector<std::string> notable(const ContractDiff& diff) {
  std::vector<std::string> rows;
  for (const ClauseChange& change : diff.clauses) {
    if (change.status == ClauseStatus::unchanged && !change.moved && !change.renumbered) continue;
    std::string row(to_string(change.status));
    if (change.head) {
      row += " (head)";
    } else {
      row += " " + change.old_path.value_or("-") + " -> " + change.new_path.value_or("-");
    }
    if (change.moved) row += " moved";
    if (change.renumbered) row += " renumbered";
    rows.push_back(row);
  }
  return rows;
}

std::vector<std::string> fields_of(const ContractDiff& diff) {
  std::vector<std::string> rows;
  for (const FieldChange& change : diff.fields) {
    std::string row = std::string(to_string(change.field)) + " " + change.label;
    if (change.aspect) row += " " + *change.aspect;
    row += ": " + change.old_value.value_or("null") + " -> " + change.new_value.value_or("null");
    row += " §" + change.old_clause.value_or("null") + " -> §" + change.new_clause.value_or("null");
    if (change.change) row += " " + *change.change;
    rows.push_back(row);
  }
  return rows;
}

struct Pair {
  const char* v2;  // samples/versions/<base>-<change>.txt; v1 is samples/<base>.txt
  const char* counts;
  std::vector<std::string> clauses;
  std::vector<std::string> fields;
};

std::string base_of(const std::string& v2) {
  std::string name = fs::path(v2).filename().string();
  return "samples/" + name.substr(0, name.find('-')) + ".txt";
}

const std::vector<Pair>& pairs() {
  static const std::vector<Pair> table = {
      {"procurement_service-amount.txt",
       "142 unchanged, 2 modified, 0 added, 0 deleted, 0 moved, 0 renumbered",
       {"modified 2.2 -> 2.2", "modified 5.1 -> 5.1"},
       {"amount 中标金额: 2386500.00 -> 2510000.00 §2.2 -> §2.2 +5.2%",
        "amount 中标金额: 2386500.00 -> 2510000.00 §5.1 -> §5.1 +5.2%"}},
      {"software_development-rate.txt",
       "59 unchanged, 1 modified, 0 added, 0 deleted, 0 moved, 0 renumbered",
       {"modified 八、(一) -> 八、(一)"},
       {"penalty late_delivery: 0.3 -> 0.5 §八、(一) -> §八、(一)"}},
      {"labor_contract-deleted.txt",
       "42 unchanged, 0 modified, 0 added, 1 deleted, 0 moved, 10 renumbered",
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
       "144 unchanged, 0 modified, 1 added, 0 deleted, 0 moved, 4 renumbered",
       {"added - -> 4.1.3", "unchanged 4.1.3 -> 4.1.4 renumbered",
        "unchanged 4.1.4 -> 4.1.5 renumbered", "unchanged 4.1.5 -> 4.1.6 renumbered",
        "unchanged 4.1.6 -> 4.1.7 renumbered"},
       {}},
      {"loan_agreement-moved.txt",
       "52 unchanged, 0 modified, 0 added, 0 deleted, 1 moved, 2 renumbered",
       {"unchanged 第九条(三) -> 第五条(四) moved renumbered",
        "unchanged 第九条(四) -> 第九条(三) renumbered"},
       {}},
      {"sale_of_goods-reworded.txt",
       "62 unchanged, 1 modified, 0 added, 0 deleted, 0 moved, 0 renumbered",
       {"modified 第八条 -> 第八条"},
       {}},
      {"office_lease-whitespace.txt",
       "75 unchanged, 0 modified, 0 added, 0 deleted, 0 moved, 0 renumbered",
       {},
       {}},
      {"sale_of_goods-party.txt",
       "61 unchanged, 2 modified, 0 added, 0 deleted, 0 moved, 0 renumbered",
       {"modified (head)", "modified 第十六条(五) -> 第十六条(五)"},
       {"party 卖方: 汉屿德衡自动化设备有限公司 -> 汉屿德衡智能装备有限公司 § -> §"}},
      {"sale_of_goods-date.txt",
       "62 unchanged, 1 modified, 0 added, 0 deleted, 0 moved, 0 renumbered",
       {"modified 第七条(一) -> 第七条(一)"},
       {"date other: 2026-05-20 -> 2026-06-10 §第七条(一) -> §第七条(一)"}},
  };
  return table;
}

}  // namespace

TEST_CASE("diff: every sample version pair gives its exact outcome") {
  for (const Pair& pair : pairs()) {
    const std::string v2 = std::string("samples/versions/") + pair.v2;
    SUBCASE(pair.v2) {
      ContractDiff diff = diff_files(base_of(v2), v2);
      CHECK(counts_of(diff.counts) == pair.counts);
      CHECK(notable(diff) == pair.clauses);
      CHECK(fields_of(diff) == pair.fields);
      CHECK(diff.identical() == (pair.clauses.empty() && pair.fields.empty()));
    }
  }
}

TEST_CASE("diff: every file of samples/versions/ is in the table") {
  int files = 0;
  for (const auto& entry : fs::directory_iterator(kSourceDir / "samples" / "versions")) {
    if (entry.path().extension() != ".txt") continue;
    ++files;
    bool listed = false;
    for (const Pair& pair : pairs()) listed = listed || entry.path().filename() == pair.v2;
    CHECK_MESSAGE(listed, entry.path().filename().string());
  }
  CHECK(files == static_cast<int>(pairs().size()));
}

TEST_CASE("diff: the white-space pair differs under --strict, in five clauses") {
  ContractDiff diff =
      diff_files("samples/office_lease.txt", "samples/versions/office_lease-whitespace.txt",
                 TextCompare::strict);
  CHECK(counts_of(diff.counts) ==
        "70 unchanged, 5 modified, 0 added, 0 deleted, 0 moved, 0 renumbered");
  CHECK(notable(diff) == std::vector<std::string>{"modified (head)", "modified 第二条2 -> 第二条2",
                                                  "modified 第四条1 -> 第四条1",
                                                  "modified 第十四条 -> 第十四条",
                                                  "modified 第十五条1 -> 第十五条1"});
  CHECK(diff.fields.empty());
}

TEST_CASE("diff: modified sample clauses rebuild both texts from their edits") {
  for (const Pair& pair : pairs()) {
    const std::string v2 = std::string("samples/versions/") + pair.v2;
    ContractDiff diff = diff_files(base_of(v2), v2);
    for (const ClauseChange& change : diff.clauses) {
      if (change.status != ClauseStatus::modified) continue;
      std::string old_text, new_text;
      for (const WordEdit& edit : change.edits) {
        if (edit.op != EditOp::insert) old_text += edit.text;
        if (edit.op != EditOp::erase) new_text += edit.text;
      }
      CHECK(old_text == change.old_text);
      CHECK(new_text == change.new_text);
    }
  }
}

TEST_CASE("diff: the word edits of the sample pairs keep terms and numbers whole") {
  struct Expected {
    const char* v2;
    const char* erased;
    const char* inserted;
  };
  const Expected cases[] = {
      {"procurement_service-amount.txt", "2,386,500.00", "2,510,000.00"},
      {"software_development-rate.txt", "三", "五"},
      {"sale_of_goods-date.txt", "5", "6"},
      {"sale_of_goods-party.txt", "自动化设备", "智能装备"},
  };
  for (const Expected& expected : cases) {
    CAPTURE(expected.v2);
    const std::string v2 = std::string("samples/versions/") + expected.v2;
    ContractDiff diff = diff_files(base_of(v2), v2);
    bool found = false;
    for (const ClauseChange& change : diff.clauses) {
      for (std::size_t i = 0; i + 1 < change.edits.size(); ++i) {
        found = found ||
                (change.edits[i].op == EditOp::erase && change.edits[i].text == expected.erased &&
                 change.edits[i + 1].op == EditOp::insert &&
                 change.edits[i + 1].text == expected.inserted);
      }
    }
    CHECK(found);
  }
}
