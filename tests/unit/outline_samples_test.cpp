// The outline of every bundled sample equals its hand-written expected outline
// (tests/golden/<sample>/outline.txt, compact rendering of outline_render.h).
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "clause_scan/normalize.h"
#include "clause_scan/outline.h"
#include "outline_render.h"

namespace fs = std::filesystem;

namespace {

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

}  // namespace

TEST_CASE("outline: every sample matches its expected outline") {
  const fs::path source_dir = CLAUSE_SCAN_SOURCE_DIR;
  int checked = 0;
  for (const auto& entry : fs::directory_iterator(source_dir / "tests" / "golden")) {
    const fs::path expected_path = entry.path() / "outline.txt";
    const fs::path sample = source_dir / "samples" / (entry.path().filename().string() + ".txt");
    if (!fs::exists(expected_path) || !fs::exists(sample)) continue;
    SUBCASE(entry.path().filename().string().c_str()) {
      const clause_scan::SourceText source(read_file(sample));
      const clause_scan::Outline outline = clause_scan::build_outline(source);
      CHECK(clause_scan::testing::render_compact(outline) == read_file(expected_path));
    }
    ++checked;
  }
  CHECK(checked >= 6);
}
