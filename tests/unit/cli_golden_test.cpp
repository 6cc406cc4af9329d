// The whole output of `clause-scan` on every bundled sample equals its reviewed golden copy:
// tests/golden/<sample>/summary.json (--format json) and summary.txt (the Chinese text report).
// Where the field-level gold files (tests/gold/) say what must be found, these say what the
// user sees, byte for byte, so any change to a report is a visible diff in review.
//
// After an intended change, regenerate with
//   CLAUSE_SCAN_UPDATE_GOLDEN=1 ctest --test-dir build -R golden
// and review `git diff tests/golden` before committing.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "cli_support.h"

namespace fs = std::filesystem;
using clause_scan::testing::CliRun;
using clause_scan::testing::read_text;
using clause_scan::testing::run_cli;
using clause_scan::testing::write_text;

namespace {

struct GoldenOutput {
  const char* file_name;           // under tests/golden/<sample>/
  std::vector<std::string> flags;  // before the sample's path
};

const GoldenOutput kOutputs[] = {
    {"summary.json", {"--format", "json"}},
    {"summary.txt", {"--format", "text", "--color", "never"}},
};

bool updating() {
  const char* update = std::getenv("CLAUSE_SCAN_UPDATE_GOLDEN");
  return update != nullptr && std::string(update) == "1";
}

std::vector<std::string> sample_names() {
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(fs::path(CLAUSE_SCAN_SOURCE_DIR) / "samples")) {
    if (entry.path().extension() == ".txt") names.push_back(entry.path().stem().string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

}  // namespace

TEST_CASE("golden: every sample's summary equals its reviewed copy") {
  const fs::path golden_dir = fs::path(CLAUSE_SCAN_SOURCE_DIR) / "tests" / "golden";
  const std::vector<std::string> samples = sample_names();
  REQUIRE(samples.size() >= 6);
  for (const std::string& sample : samples) {
    for (const GoldenOutput& output : kOutputs) {
      std::vector<std::string> args = output.flags;
      args.push_back("samples/" + sample + ".txt");
      const CliRun run = run_cli(args);
      const fs::path golden = golden_dir / sample / output.file_name;
      CAPTURE(golden.string());
      REQUIRE(run.err.empty());
      if (updating()) {
        fs::create_directories(golden.parent_path());
        write_text(golden, run.out);
        MESSAGE("updated " << golden.string());
        continue;
      }
      REQUIRE_MESSAGE(fs::exists(golden), "missing; run with CLAUSE_SCAN_UPDATE_GOLDEN=1");
      CHECK(run.out == read_text(golden));
    }
  }
}
