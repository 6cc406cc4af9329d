// diff_bench: the diff of two ~1 MB contracts, timed stage by stage (bench/diff_bench.sh).
//
// The old version is the bundled samples concatenated and repeated up to the target size;
// the new one is a copy with scattered edits: changed figures, reworded lines, deleted and
// inserted lines, and lines moved further down. Neither is written to disk. Repeating the
// samples makes every clause text occur many times, so the alignment cannot lean on unique
// anchors alone: the worst case for it, and the point of the benchmark.
//
// Usage: diff_bench [--size BYTES] [--runs N] [--seed N] [--write DIR]; prints the best of N
// runs, or with --write only writes the two versions to DIR/v1.txt and DIR/v2.txt.
#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "clause_scan/diff.h"
#include "diff/align.h"
#include "diff/units.h"

namespace {

using namespace clause_scan;
namespace fs = std::filesystem;

std::string read_all(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

std::string repeated_samples(std::size_t size) {
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(fs::path(CLAUSE_SCAN_SOURCE_DIR) / "samples"))
    if (entry.path().extension() == ".txt") files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  std::string text;
  while (text.size() < size) {
    for (const fs::path& file : files) text += read_all(file) + "\n";
  }
  return text;
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

// A small deterministic generator (the edits must be the same on every run).
struct Random {
  std::uint64_t state;
  std::uint32_t next() {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<std::uint32_t>(state >> 33);
  }
  bool chance(int per_mille) { return next() % 1000 < static_cast<std::uint32_t>(per_mille); }
};

struct EditCounts {
  int figures = 0, reworded = 0, deleted = 0, inserted = 0, moved = 0;
};

// The new version: about one line in 60 touched.
std::string edited(const std::string& text, std::uint64_t seed, EditCounts& counts) {
  Random random{seed};
  std::vector<std::string> lines = lines_of(text), out, carried;
  for (std::string& line : lines) {
    if (line.size() > 30 && random.chance(5)) {
      std::size_t digit = line.find_first_of("123456789");
      if (digit != std::string::npos) {
        line[digit] = line[digit] == '9' ? '8' : static_cast<char>(line[digit] + 1);
        ++counts.figures;
      }
    } else if (line.size() > 30 && random.chance(5)) {
      std::size_t middle = line.size() / 2;  // on a character boundary
      while (middle > 0 && (static_cast<unsigned char>(line[middle]) & 0xC0) == 0x80) --middle;
      line.insert(middle, "，但双方另有书面约定的除外");
      ++counts.reworded;
    } else if (line.size() > 30 && random.chance(3)) {
      ++counts.deleted;
      continue;
    } else if (line.size() > 30 && random.chance(2)) {
      carried.push_back(line);  // moved: written again a little further down
      ++counts.moved;
      continue;
    }
    out.push_back(line);
    if (random.chance(3)) {
      out.push_back("");
      out.push_back(
          fmt::format("本条补充约定第 {} 项：乙方应在收到甲方书面通知后 {} 日内完成整改。",
                      counts.inserted + 1, 3 + random.next() % 20));
      ++counts.inserted;
    }
    if (!carried.empty() && random.chance(20)) {
      out.push_back("");
      out.push_back(carried.back());
      carried.pop_back();
    }
  }
  for (const std::string& line : carried) out.push_back(line);
  std::string result;
  for (const std::string& line : out) result += line + "\n";
  return result;
}

// CPU time of this thread: the machine may be shared, and wall time then measures the
// neighbours. (Everything here runs on one thread.)
double cpu_seconds() {
  timespec now{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
  return static_cast<double>(now.tv_sec) + static_cast<double>(now.tv_nsec) * 1e-9;
}

double seconds_of(const std::function<void()>& work) {
  const double start = cpu_seconds();
  work();
  return cpu_seconds() - start;
}

struct Times {
  double documents = 1e9, summaries = 1e9, units = 1e9, align = 1e9, diff = 1e9, json = 1e9,
         html = 1e9;
};

void keep_best(double& best, double value) { best = std::min(best, value); }

}  // namespace

int main(int argc, char** argv) {
  std::size_t size = 1 << 20;
  int runs = 5;
  std::uint64_t seed = 2026;
  std::string write_dir;
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string flag = argv[i];
    if (flag == "--size") size = std::strtoull(argv[i + 1], nullptr, 10);
    if (flag == "--runs") runs = std::atoi(argv[i + 1]);
    if (flag == "--seed") seed = std::strtoull(argv[i + 1], nullptr, 10);
    if (flag == "--write") write_dir = argv[i + 1];
  }
  Result<Resources> resources = Resources::load(fs::path(CLAUSE_SCAN_SOURCE_DIR) / "rules");
  if (!resources.ok()) {
    std::cerr << "diff_bench: " << resources.error().message() << "\n";
    return 2;
  }
  const std::string old_text = repeated_samples(size);
  EditCounts edits;
  const std::string new_text = edited(old_text, seed, edits);
  if (!write_dir.empty()) {
    std::ofstream(fs::path(write_dir) / "v1.txt", std::ios::binary) << old_text;
    std::ofstream(fs::path(write_dir) / "v2.txt", std::ios::binary) << new_text;
    return 0;
  }

  Times best;
  ContractDiff last;
  for (int run = 0; run < runs; ++run) {
    std::optional<Document> old_holder, new_holder;
    keep_best(best.documents, seconds_of([&] {
                old_holder = make_document("v1.txt", DecodedText{old_text, "UTF-8", false});
                new_holder = make_document("v2.txt", DecodedText{new_text, "UTF-8", false});
              }));
    const Document& old_document = *old_holder;
    const Document& new_document = *new_holder;
    Summary old_summary, new_summary;
    keep_best(best.summaries, seconds_of([&] {
                old_summary = summarize(old_document, resources.value());
                new_summary = summarize(new_document, resources.value());
              }));
    std::vector<diff::Unit> olds, news;
    keep_best(best.units, seconds_of([&] {
                olds = diff::build_units(old_document, TextCompare::normalized);
                news = diff::build_units(new_document, TextCompare::normalized);
              }));
    keep_best(best.align, seconds_of([&] { diff::align_units(olds, news); }));
    keep_best(best.diff, seconds_of([&] {
                last = diff_contracts(DiffSide{old_document, old_summary},
                                      DiffSide{new_document, new_summary}, resources->terms)
                           .value();
              }));
    std::ostringstream sink;
    keep_best(best.json, seconds_of([&] { write_json(sink, diff_to_json(last)); }));
    keep_best(best.html, seconds_of([&] { write_diff_html(sink, last, DiffStyle{}); }));
  }

  const DiffCounts& c = last.counts;
  fmt::print("diff_bench: old {:.2f} MB, new {:.2f} MB, {} units; CPU time, best of {} runs\n",
             old_text.size() / 1e6, new_text.size() / 1e6, last.clauses.size(), runs);
  fmt::print("  edits made: {} figures, {} reworded, {} deleted, {} inserted, {} moved lines\n",
             edits.figures, edits.reworded, edits.deleted, edits.inserted, edits.moved);
  fmt::print(
      "  diff found: {} unchanged, {} modified, {} added, {} deleted, {} moved, "
      "{} renumbered; {} field changes\n",
      c.unchanged, c.modified, c.added, c.deleted, c.moved, c.renumbered, last.fields.size());
  fmt::print("  read (normalize + outline), both   {:7.3f} s\n", best.documents);
  fmt::print("  summarize, both                    {:7.3f} s\n", best.summaries);
  fmt::print("  diff_contracts                     {:7.3f} s\n", best.diff);
  fmt::print("    of which units (texts, keys)     {:7.3f} s\n", best.units);
  fmt::print("    of which clause alignment        {:7.3f} s\n", best.align);
  fmt::print("    the rest (word edits, fields)    {:7.3f} s\n",
             std::max(0.0, best.diff - best.units - best.align));
  fmt::print("  JSON document                      {:7.3f} s\n", best.json);
  fmt::print("  HTML redline                       {:7.3f} s\n", best.html);
  fmt::print("  total, as `clause-scan diff` runs  {:7.3f} s\n",
             best.documents + best.summaries + best.diff + best.json);
  return 0;
}
