// clause-scan-eval: precision, recall and F1 per field of clause-scan's summaries against
// the hand-written gold files of tests/gold/ (format: tests/gold/README.md).
//
//   clause-scan-eval [--gold DIR] [--shared DIR] [--set SET|all] [--verbose]
//                    [--min-f1 FIELD=VALUE ...]
//
// SET is a folder of the gold directory (samples, real, heldout … heldout6); all by
// default. Each gold file names its contract (samples/… in the repository, corpus/… under the
// shared folder; absent files are skipped and counted). For every field the gold items and the
// found items are turned into keys (see `kFields`) and matched as multisets: a found key
// with a gold twin is a true positive, a found key without one a false positive, a gold key
// left over a false negative. Strings compare after normalization (full-width folded).
// A field whose list the gold file leaves out is not measured for that file (an empty list
// is measured: it says the contract has none).
// Exit status: 0, or 1 when a --min-f1 threshold is not met, 2 on trouble.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "clause_scan/extract.h"
#include "clause_scan/normalize.h"
#include "clause_scan/report.h"

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

// ---- Keys -------------------------------------------------------------------------------

// A JSON value as a comparable string: strings normalized, null as "∅".
std::string text_of(const json& value) {
  if (value.is_null()) return "∅";
  if (value.is_string()) return clause_scan::normalize(value.get<std::string>());
  if (value.is_boolean()) return value.get<bool>() ? "true" : "false";
  return value.dump();
}

std::string get(const json& item, const char* key) {
  return item.contains(key) ? text_of(item[key]) : "∅";
}

// A money or percent string compared by value ("30" == "30.00").
std::string number_of(const json& item, const char* key) {
  std::string text = get(item, key);
  if (auto value = clause_scan::Decimal::parse(text)) return value->to_string();
  return text;
}

std::string line_of(const json& item) { return get(item, "line"); }

// A period end: the date where there is one, else the words.
std::string period_end(const json& end) {
  if (end.is_object()) return end["date"].is_null() ? text_of(end["text"]) : text_of(end["date"]);
  return text_of(end);  // gold files write the end directly
}

// Gold writes a due as "10 working_day"; the summary as {value, unit}.
std::string due_of(const json& item) {
  if (!item.contains("due") || item["due"].is_null()) return "∅";
  const json& due = item["due"];
  if (due.is_string()) return due.get<std::string>();
  return fmt::format("{} {}", due["value"].get<std::string>(), due["unit"].get<std::string>());
}

using KeyFn = std::function<std::string(const json&)>;

struct Field {
  std::string name;  // as printed
  std::string list;  // the summary/gold list it reads
  KeyFn key;         // the key of one item; "" skips the item
};

const std::vector<Field>& fields() {
  static const std::vector<Field> kFields = {
      {"title", "title", [](const json& v) { return text_of(v); }},
      {"contract_no", "contract_no", [](const json& v) { return text_of(v); }},
      {"parties", "parties", [](const json& p) { return get(p, "role") + "|" + get(p, "name"); }},
      {"party details", "parties",
       [](const json& p) {
         std::string key = get(p, "role");
         for (const char* detail : {"address", "postcode", "phone", "fax", "contact", "legal_rep",
                                    "bank", "account", "credit_code"}) {
           key += "|" + get(p, detail);
         }
         return key;
       }},
      {"amounts", "amounts",
       [](const json& a) { return line_of(a) + "|" + number_of(a, "value"); }},
      {"amount labels", "amounts",
       [](const json& a) {
         return line_of(a) + "|" + number_of(a, "value") + "|" + get(a, "label");
       }},
      {"amount words", "amounts",
       [](const json& a) {
         std::string words = number_of(a, "words_value");
         return words == "∅" ? std::string() : line_of(a) + "|" + words;
       }},
      {"dates", "dates", [](const json& d) { return line_of(d) + "|" + get(d, "value"); }},
      {"date roles", "dates",
       [](const json& d) { return line_of(d) + "|" + get(d, "value") + "|" + get(d, "role"); }},
      {"periods", "periods",
       [](const json& p) {
         return line_of(p) + "|" + period_end(p["start"]) + "|" + period_end(p["end"]);
       }},
      {"durations", "durations",
       [](const json& d) {
         return line_of(d) + "|" + number_of(d, "value") + "|" + get(d, "unit");
       }},
      {"installments", "payment_terms",
       [](const json& i) {
         return line_of(i) + "|" + number_of(i, "percent") + "|" + number_of(i, "amount") + "|" +
                get(i, "remainder");
       }},
      {"installment terms", "payment_terms",
       [](const json& i) { return line_of(i) + "|" + get(i, "base") + "|" + due_of(i); }},
      {"penalties", "penalties",
       [](const json& p) {
         return line_of(p) + "|" + get(p, "kind") + "|" + number_of(p, "percent") + "|" +
                get(p, "per");
       }},
      {"penalty terms", "penalties",
       [](const json& p) {
         return line_of(p) + "|" + get(p, "base") + "|" + number_of(p, "amount") + "|" +
                number_of(p, "cap_percent") + "|" + get(p, "payer") + "|" + get(p, "payee");
       }},
  };
  return kFields;
}

std::vector<std::string> keys(const json& document, const Field& field) {
  std::vector<std::string> out;
  if (!document.contains(field.list)) return out;
  const json& value = document[field.list];
  if (!value.is_array()) {
    if (!value.is_null()) out.push_back(field.key(value));
    return out;
  }
  for (const json& item : value) {
    std::string key = field.key(item);
    if (!key.empty()) out.push_back(key);
  }
  return out;
}

// ---- Counting ---------------------------------------------------------------------------

struct Counts {
  int gold = 0, found = 0, matched = 0;
  double precision() const { return found == 0 ? 1.0 : double(matched) / found; }
  double recall() const { return gold == 0 ? 1.0 : double(matched) / gold; }
  double f1() const {
    double p = precision(), r = recall();
    return p + r == 0 ? 0.0 : 2 * p * r / (p + r);
  }
};

struct Misses {
  std::vector<std::string> missed;    // gold keys not found
  std::vector<std::string> spurious;  // found keys not in gold
};

Misses match(std::vector<std::string> gold, std::vector<std::string> found, Counts& counts) {
  counts.gold += static_cast<int>(gold.size());
  counts.found += static_cast<int>(found.size());
  std::multiset<std::string> pool(gold.begin(), gold.end());
  Misses misses;
  for (const std::string& key : found) {
    auto it = pool.find(key);
    if (it == pool.end()) {
      misses.spurious.push_back(key);
    } else {
      pool.erase(it);
      ++counts.matched;
    }
  }
  misses.missed.assign(pool.begin(), pool.end());
  return misses;
}

// ---- Running ----------------------------------------------------------------------------

struct Options {
  fs::path gold_dir = "tests/gold";
  fs::path shared_dir = "../shared";
  std::string set = "all";
  bool verbose = false;
  std::map<std::string, double> min_f1;
};

std::optional<json> summarize_file(const fs::path& path, const clause_scan::Resources& resources) {
  auto document = clause_scan::load_document(path, {});
  if (!document.ok()) {
    std::cerr << "clause-scan-eval: " << document.error().message() << '\n';
    return std::nullopt;
  }
  return clause_scan::summary_to_json(clause_scan::summarize(document.value(), resources));
}

fs::path contract_path(const std::string& file, const Options& options) {
  if (file.rfind("corpus/", 0) == 0) return options.shared_dir / file;
  return file;
}

void print_misses(const std::string& file, const std::string& field, const Misses& misses) {
  for (const auto& key : misses.missed)
    std::cout << fmt::format("  {} {}: missed   {}\n", file, field, key);
  for (const auto& key : misses.spurious)
    std::cout << fmt::format("  {} {}: spurious {}\n", file, field, key);
}

void print_table(const std::string& title, const std::map<std::string, Counts>& totals, int files) {
  std::cout << fmt::format("\n{} ({} files)\n", title, files);
  std::cout << fmt::format("{:<18} {:>5} {:>5} {:>5} {:>9} {:>7} {:>6}\n", "field", "gold", "found",
                           "match", "precision", "recall", "F1");
  for (const Field& field : fields()) {
    auto it = totals.find(field.name);
    if (it == totals.end()) continue;
    const Counts& c = it->second;
    std::cout << fmt::format("{:<18} {:>5} {:>5} {:>5} {:>9.3f} {:>7.3f} {:>6.3f}\n", field.name,
                             c.gold, c.found, c.matched, c.precision(), c.recall(), c.f1());
  }
}

int run(const Options& options) {
  auto rules_dir = clause_scan::find_rules_dir("");
  if (!rules_dir.ok()) return std::cerr << rules_dir.error().message() << '\n', 2;
  auto resources = clause_scan::Resources::load(rules_dir.value());
  if (!resources.ok()) return std::cerr << resources.error().message() << '\n', 2;

  std::map<std::string, std::map<std::string, Counts>> totals;  // set -> field -> counts
  std::map<std::string, int> files;
  int skipped = 0;
  std::vector<fs::path> gold_files;
  // Every folder of the gold directory is a set: samples, real (tuned on), heldout (not).
  std::error_code error;
  for (const auto& set_dir : fs::directory_iterator(options.gold_dir, error)) {
    const std::string set = set_dir.path().filename().string();
    if (!set_dir.is_directory() || (options.set != "all" && options.set != set)) continue;
    for (const auto& entry : fs::directory_iterator(set_dir.path())) {
      if (entry.path().extension() == ".json") gold_files.push_back(entry.path());
    }
  }
  std::sort(gold_files.begin(), gold_files.end());
  for (const fs::path& gold_path : gold_files) {
    std::string set = gold_path.parent_path().filename().string();
    json gold = json::parse(std::ifstream(gold_path), nullptr, false);
    if (gold.is_discarded()) return std::cerr << gold_path << ": not JSON\n", 2;
    fs::path contract = contract_path(gold["file"].get<std::string>(), options);
    if (!fs::exists(contract)) {
      ++skipped;
      continue;
    }
    std::optional<json> found = summarize_file(contract, resources.value());
    if (!found) return 2;
    ++files[set];
    for (const Field& field : fields()) {
      // A gold file may leave a field out (a long contract annotated in part): not measured.
      if (!gold.contains(field.list)) continue;
      Misses misses = match(keys(gold, field), keys(*found, field), totals[set][field.name]);
      if (options.verbose) print_misses(gold_path.stem().string(), field.name, misses);
    }
  }
  for (const auto& [set, counts] : totals) print_table(set, counts, files[set]);
  if (skipped > 0) std::cout << fmt::format("\n{} gold files skipped: contract absent\n", skipped);

  int status = 0;
  for (const auto& [field, minimum] : options.min_f1) {
    for (const auto& [set, counts] : totals) {
      auto it = counts.find(field);
      if (it != counts.end() && it->second.f1() + 1e-9 < minimum) {
        std::cout << fmt::format("FAIL {} {}: F1 {:.3f} < {:.3f}\n", set, field, it->second.f1(),
                                 minimum);
        status = 1;
      }
    }
  }
  return status;
}

}  // namespace

int main(int argc, char** argv) {
  Options options;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    auto next = [&]() -> std::string { return i + 1 < argc ? argv[++i] : ""; };
    if (arg == "--gold") {
      options.gold_dir = next();
    } else if (arg == "--shared") {
      options.shared_dir = next();
    } else if (arg == "--set") {
      options.set = next();
    } else if (arg == "--verbose") {
      options.verbose = true;
    } else if (arg == "--min-f1") {
      std::string spec = next();
      auto eq = spec.find('=');
      if (eq == std::string::npos) return std::cerr << "--min-f1 FIELD=VALUE\n", 2;
      options.min_f1[spec.substr(0, eq)] = std::stod(spec.substr(eq + 1));
    } else {
      std::cerr << "usage: clause-scan-eval [--gold DIR] [--shared DIR] [--set SET|all] "
                   "[--verbose] [--min-f1 FIELD=VALUE]\n";
      return 2;
    }
  }
  return run(options);
}
