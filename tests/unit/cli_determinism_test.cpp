// Determinism (issue 7): the same input gives byte-identical output from run to run and
// whatever the locale of the environment. The binary never calls setlocale, but ICU reads
// LC_ALL / LANG for its default locale and converter, so the environment could still leak
// into the output; and an order taken from pointers or an unordered container could differ
// between runs (address-space randomization). Each run below covers all of samples/*.txt in
// one process: 28 runs, about 3 s in a release build (about 18 s under ASan + UBSan).
//
// The same bytes for any --jobs value: cli_batch_test.cpp ("cli batch: sorted records, the
// same bytes for --jobs 1, 2 and 8", an archive of the samples) and batch_test.cpp (the
// library with a shuffling analyzer); here batch is only run under each locale. The same
// summary whatever the number of threads one document is scanned on: the last test.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "clause_scan/extract.h"
#include "clause_scan/report.h"
#include "cli_support.h"

namespace fs = std::filesystem;
using clause_scan::testing::CliRun;
using clause_scan::testing::run_cli;

namespace {

const fs::path kSourceDir = CLAUSE_SCAN_SOURCE_DIR;

// samples/*.txt, relative to the source tree (where run_cli runs the binary), sorted.
std::vector<std::string> sample_files() {
  std::vector<std::string> files;
  for (const auto& entry : fs::directory_iterator(kSourceDir / "samples")) {
    if (entry.path().extension() == ".txt") {
      files.push_back("samples/" + entry.path().filename().string());
    }
  }
  std::sort(files.begin(), files.end());
  return files;
}

std::vector<std::string> concat(std::vector<std::string> head,
                                const std::vector<std::string>& tail) {
  head.insert(head.end(), tail.begin(), tail.end());
  return head;
}

// Environment prefixes for run_cli. The first is the reference; zh_CN.UTF-8 need not be
// installed (ICU takes the name from the environment either way).
const std::vector<std::string> kLocales = {
    "LANG=C LC_ALL=C ",
    "LANG=zh_CN.UTF-8 LC_ALL=zh_CN.UTF-8 ",
    "LANG=C.UTF-8 LC_ALL=C.UTF-8 ",
};

// Runs `args` once per locale plus a second time in the reference one, and checks every
// output against the first.
void check_same_everywhere(const std::vector<std::string>& args) {
  const CliRun reference = run_cli(args, kLocales.front());
  REQUIRE_MESSAGE(reference.status != 2, reference.err);
  REQUIRE(reference.status >= 0);
  REQUIRE(reference.out.size() > 1000);              // a real output, not two empty ones
  for (const std::string& environment : kLocales) {  // the first: a second run, same locale
    CAPTURE(environment);
    const CliRun run = run_cli(args, environment);
    CHECK(run.status == reference.status);
    CHECK(run.out == reference.out);
    CHECK(run.err == reference.err);
  }
}

}  // namespace

TEST_CASE("determinism: the summary of every sample, run twice and under each locale") {
  const std::vector<std::string> files = sample_files();
  REQUIRE(files.size() >= 6);
  SUBCASE("JSON") { check_same_everywhere(concat({"--format", "json"}, files)); }
  SUBCASE("text, Chinese") { check_same_everywhere(concat({"--format", "text"}, files)); }
  SUBCASE("text, English") {
    check_same_everywhere(concat({"--format", "text", "--lang", "en"}, files));
  }
  SUBCASE("Markdown") { check_same_everywhere(concat({"--format", "markdown"}, files)); }
}

TEST_CASE("determinism: outline, diff and batch under each locale") {
  SUBCASE("outline JSON of every sample") {
    check_same_everywhere(concat({"outline", "--format", "json"}, sample_files()));
  }
  SUBCASE("diff JSON of a reworded version") {
    check_same_everywhere({"diff", "--format", "json", "samples/sale_of_goods.txt",
                           "samples/versions/sale_of_goods-reworded.txt"});
  }
  SUBCASE("batch over samples/ with 2 jobs") {
    check_same_everywhere({"batch", "--quiet", "--jobs", "2", "samples"});
  }
}

TEST_CASE("determinism: a summary is the same on one thread as on several") {
  namespace cs = clause_scan;
  cs::Result<cs::Resources> resources = cs::Resources::load(kSourceDir / "rules");
  REQUIRE(resources.ok());
  for (const std::string& file : sample_files()) {
    CAPTURE(file);
    std::ifstream in(kSourceDir / file, std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    const cs::Document document = cs::make_document(file, {bytes.str(), "UTF-8", false});
    const cs::Summary one = cs::summarize(document, resources.value());
    REQUIRE(!one.amounts.empty());
    for (int threads : {2, 8}) {
      CAPTURE(threads);
      cs::SummarizeOptions options;
      options.scan_threads = threads;
      CHECK(cs::summary_to_json(cs::summarize(document, resources.value(), options)).dump() ==
            cs::summary_to_json(one).dump());
    }
  }
}

TEST_CASE("determinism: summaries made together are those made one by one") {
  namespace cs = clause_scan;
  cs::Result<cs::Resources> resources = cs::Resources::load(kSourceDir / "rules");
  REQUIRE(resources.ok());
  std::vector<cs::Document> documents;
  for (const std::string& file : sample_files()) {
    std::ifstream in(kSourceDir / file, std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    documents.push_back(cs::make_document(file, {bytes.str(), "UTF-8", false}));
  }
  REQUIRE(documents.size() >= 6);
  for (int threads : {1, 3}) {
    CAPTURE(threads);
    cs::SummarizeOptions options;
    options.scan_threads = threads;
    const std::vector<cs::Summary> together =
        cs::summarize_all(documents, resources.value(), options);
    REQUIRE(together.size() == documents.size());
    for (std::size_t index = 0; index < documents.size(); ++index) {
      CAPTURE(documents[index].file);
      CHECK(together[index].file == documents[index].file);
      CHECK(cs::summary_to_json(together[index]).dump() ==
            cs::summary_to_json(cs::summarize(documents[index], resources.value())).dump());
    }
  }
  CHECK(cs::summarize_all({}, resources.value()).empty());
}
