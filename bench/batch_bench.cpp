// batch_bench: the two halves of bench/batch_bench.sh.
//
//   batch_bench generate DIR [--files N] [--megabytes M] [--seed S]
//       Writes a mixed archive of N files (default 2000) and at least M MB (default 100)
//       into DIR: contracts from samples/ (and ../shared/corpus/real when present, read here
//       at bench time, never copied into the repository) with their years and sums varied,
//       joined into files of 5 to 65 KB or a little more, in folders by year and month; 10% in
//       GB18030, 5% in UTF-16LE with a BOM, 1% broken (empty, binary, cut GB18030).
//   batch_bench loop DIR
//       The per-file cost of the library alone: one thread, resources loaded once, then for
//       each file what `clause-scan --format json FILE` does (read, decode, normalize,
//       outline, summarize, JSON) with no process start-up. Prints files, MB, s, MB/s,
//       files/s.
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "clause_scan/batch.h"
#include "clause_scan/decode.h"
#include "clause_scan/extract.h"
#include "clause_scan/report.h"

namespace fs = std::filesystem;
using namespace clause_scan;

namespace {

std::string read_all(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

std::vector<std::string> load_sources() {
  std::vector<std::string> sources;
  for (const fs::path dir : {fs::path(CLAUSE_SCAN_SOURCE_DIR) / "samples",
                             fs::path(CLAUSE_SCAN_SHARED_DIR) / "corpus/real"}) {
    std::error_code error;
    for (const auto& entry : fs::directory_iterator(dir, error)) {
      if (entry.path().extension() == ".txt") sources.push_back(read_all(entry.path()));
    }
  }
  return sources;
}

// Shifts every year 19xx/20xx by `years` and redraws the other runs of 3 or more digits
// (sums, numbers), keeping their length: varied amounts and dates in the same wording.
std::string vary(const std::string& text, int years, std::mt19937& random) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    std::size_t end = i;
    while (end < text.size() && text[end] >= '0' && text[end] <= '9') ++end;
    if (end == i) {
      out += text[i++];
      continue;
    }
    std::string digits = text.substr(i, end - i);
    const bool year =
        digits.size() == 4 && (digits.rfind("19", 0) == 0 || digits.rfind("20", 0) == 0);
    if (year) {
      digits = std::to_string(std::stoi(digits) + years);
    } else if (digits.size() >= 3) {
      for (std::size_t k = 0; k < digits.size(); ++k) {
        digits[k] = static_cast<char>('0' + (k == 0 ? 1 + random() % 9 : random() % 10));
      }
    }
    out += digits;
    i = end;
  }
  return out;
}

std::string broken_file(int kind, const std::string& text) {
  switch (kind % 3) {
    case 0:
      return "";
    case 1:
      return std::string("\x89PNG\r\n\x1A\n\0\0\0\rIHDR", 16) + text.substr(0, 4000);
    default: {
      Result<std::string> gb = encode(text.substr(0, 6000), "GB18030");
      std::string bytes = gb.ok() ? gb.value() : text;
      bytes.insert(bytes.size() / 2, "\xFF\xFF\xFF");
      return bytes;
    }
  }
}

std::string encode_some(const std::string& text, int roll) {
  const char* encoding = roll < 10 ? "GB18030" : roll < 15 ? "UTF-16LE" : nullptr;
  if (encoding == nullptr) return text;
  Result<std::string> bytes = encode(text, encoding);
  if (!bytes.ok()) return text;
  return roll < 10 ? bytes.value() : "\xFF\xFE" + bytes.value();
}

int generate(const fs::path& dir, int files, double megabytes, unsigned seed) {
  const std::vector<std::string> sources = load_sources();
  if (sources.empty()) {
    std::cerr << "batch_bench: no samples found\n";
    return 2;
  }
  std::mt19937 random(seed);
  std::uintmax_t total = 0;
  const std::uintmax_t wanted = static_cast<std::uintmax_t>(megabytes * 1e6);
  for (int i = 0; i < files || total < wanted; ++i) {
    const int year = 2015 + static_cast<int>(random() % 12);
    const std::size_t target = 5000 + random() % 60000;
    std::string text;
    while (text.size() < target) {
      text += vary(sources[random() % sources.size()], year - 2026, random);
      text += "\n附件" + std::to_string(text.size() % 9 + 1) + "：补充协议\n";
    }
    const int roll = static_cast<int>(random() % 100);
    const bool broken = random() % 100 == 0;
    std::string bytes = broken ? broken_file(i, text) : encode_some(text, roll);
    char name[64];
    std::snprintf(name, sizeof name, "%d/%02d/contract-%05d.%s", year,
                  static_cast<int>(1 + random() % 12), i, roll % 20 == 19 ? "md" : "txt");
    const fs::path path = dir / name;
    fs::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary) << bytes;
    total += bytes.size();
  }
  std::cout << "generated " << dir.string() << ": " << total / 1e6 << " MB\n";
  return 0;
}

int loop(const fs::path& dir) {
  Result<fs::path> rules = find_rules_dir("");
  if (!rules.ok()) return 2;
  Result<Resources> resources = Resources::load(rules.value());
  if (!resources.ok()) {
    std::cerr << resources.error().message() << '\n';
    return 2;
  }
  const std::vector<InputFile> inputs = collect_inputs({dir.string()}, InputOptions{});
  const auto start = std::chrono::steady_clock::now();
  std::uintmax_t bytes = 0;
  std::size_t written = 0;
  for (const InputFile& input : inputs) {
    bytes += input.size;
    Result<Document> document = load_document(input.path, DecodeOptions{});
    if (!document.ok()) continue;
    written += summary_to_json(summarize(document.value(), resources.value())).dump().size();
  }
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::printf("loop: %zu files, %.1f MB, %.2f s, %.2f MB/s, %.1f files/s (%zu bytes of JSON)\n",
              inputs.size(), bytes / 1e6, seconds, bytes / 1e6 / seconds, inputs.size() / seconds,
              written);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.size() >= 2 && args[0] == "loop") return loop(args[1]);
  if (args.size() >= 2 && args[0] == "generate") {
    int files = 2000;
    double megabytes = 100;
    unsigned seed = 6;
    for (std::size_t i = 2; i + 1 < args.size(); i += 2) {
      if (args[i] == "--files") files = std::stoi(args[i + 1]);
      if (args[i] == "--megabytes") megabytes = std::stod(args[i + 1]);
      if (args[i] == "--seed") seed = static_cast<unsigned>(std::stoul(args[i + 1]));
    }
    return generate(args[1], files, megabytes, seed);
  }
  std::cerr << "usage: batch_bench generate DIR [--files N] [--megabytes M] [--seed S]\n"
               "       batch_bench loop DIR\n";
  return 2;
}
