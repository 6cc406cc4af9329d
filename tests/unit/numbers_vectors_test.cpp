// The number, money and percent parsers against public test vectors (../shared/vectors, see
// its SOURCES.md): cn2an, Recognizers-Text, JioNLP and Duckling. Each file gives a tally of
// the cases in scope (whole-string numbers, capitals, sums with one plain value, percentages;
// not ordinals, ranges, fractions, dates or colloquial units) and the test fails when the
// accuracy falls below what the parser reached when the thresholds were set, so a change that
// loses cases is caught. Set CLAUSE_SCAN_VECTORS_VERBOSE=1 to list every miss.
//
// The vectors are not normalized text; halfwidth() does the part of the normalize stage
// that matters here (full-width digits, ％, ，, ．), so this test links cs_numbers only.
#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "clause_scan/numbers.h"

namespace {

using clause_scan::Decimal;
using nlohmann::json;

const std::filesystem::path kVectors = CLAUSE_SCAN_SHARED_DIR "/vectors";

// U+FF01..U+FF5E to ASCII and U+3000 to a space: the full-width forms the vectors use.
std::string halfwidth(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[i + k]); };
    if (i + 2 < text.size() && byte(0) == 0xEF && (byte(1) == 0xBC || byte(1) == 0xBD)) {
      const unsigned code = 0xFF00 + ((byte(1) & 0x03) << 6) + (byte(2) & 0x3F);
      if (code >= 0xFF01 && code <= 0xFF5E) {
        out.push_back(static_cast<char>(code - 0xFEE0));
        i += 2;
        continue;
      }
    }
    if (i + 2 < text.size() && byte(0) == 0xE3 && byte(1) == 0x80 && byte(2) == 0x80) {
      out.push_back(' ');
      i += 2;
      continue;
    }
    out.push_back(text[i]);
  }
  return out;
}

bool contains_any(std::string_view text, std::initializer_list<std::string_view> parts) {
  for (std::string_view part : parts) {
    if (text.find(part) != std::string_view::npos) return true;
  }
  return false;
}

std::string trimmed(std::string text) {
  while (!text.empty() && text.back() == ' ') text.pop_back();
  while (!text.empty() && text.front() == ' ') text.erase(0, 1);
  return text;
}

// Counts of one vector file, and the misses to show.
struct Tally {
  std::string name;
  int in_scope = 0;
  int correct = 0;
  std::vector<std::string> misses;

  void record(bool ok, std::string_view input, std::string_view got, std::string_view want) {
    ++in_scope;
    if (ok) {
      ++correct;
      return;
    }
    misses.push_back(std::string(input) + " -> " + std::string(got) + " (want " +
                     std::string(want) + ")");
  }

  int percent() const { return in_scope == 0 ? 0 : correct * 100 / in_scope; }

  void report() const {
    MESSAGE(name << ": " << correct << "/" << in_scope << " correct (" << percent() << "%)");
    const bool verbose = std::getenv("CLAUSE_SCAN_VECTORS_VERBOSE") != nullptr;
    const std::size_t shown = verbose ? misses.size() : std::min<std::size_t>(misses.size(), 8);
    for (std::size_t i = 0; i < shown; ++i) MESSAGE("  miss: " << misses[i]);
  }
};

std::optional<json> load_vectors(const std::string& relative) {
  const std::filesystem::path path = kVectors / relative;
  std::ifstream in(path);
  if (!in) {
    MESSAGE("skipped: " << path.string() << " is absent");
    return std::nullopt;
  }
  return json::parse(in);
}

std::string number_result(std::string_view input) {
  const auto number = clause_scan::parse_number(input);
  return number ? number->value.to_string() : "none";
}

// parse_number(input) equals `want` (a decimal string).
void check_number(Tally& tally, const std::string& input, const std::string& want) {
  const auto expected = Decimal::parse(want);
  if (!expected) return;  // beyond 12 decimals or int64: not a value a Decimal holds
  const auto number = clause_scan::parse_number(input);
  tally.record(number && number->value == *expected, input, number_result(input), want);
}

void check_number_rejected(Tally& tally, const std::string& input) {
  tally.record(!clause_scan::parse_number(input), input, number_result(input), "none");
}

std::string money_result(std::string_view input) {
  const auto money = clause_scan::parse_money(input);
  return money ? clause_scan::format_money(money->value) + " " + money->currency : "none";
}

// parse_money(input) is `want` rounded to fen, in `currency` (empty: any currency).
void check_money(Tally& tally, const std::string& input, Decimal want, std::string_view currency) {
  const auto money = clause_scan::parse_money(input);
  const bool ok = money &&
                  clause_scan::format_money(money->value) == clause_scan::format_money(want) &&
                  (currency.empty() || money->currency == currency);
  tally.record(ok, input, money_result(input),
               clause_scan::format_money(want) + " " + std::string(currency));
}

std::string rate_result(std::string_view input) {
  const auto rate = clause_scan::parse_rate(input);
  if (!rate) return "none";
  return rate->percent.to_string() +
         (rate->kind == clause_scan::RateKind::points ? " points" : "%");
}

// ---- per-file selections ----

Decimal truncated_to_fen(Decimal value) {
  std::int64_t units = value.units();
  for (int scale = value.scale(); scale > 2; --scale) units /= 10;
  return Decimal::from_units(units, std::min(value.scale(), 2));
}

void run_cn2an(const json& data, Tally& tally) {
  // cn2an also reads sums in capitals (壹拾壹元整): those are parse_money's.
  for (const char* mode : {"strict", "normal_only", "smart_only", "direct"}) {
    for (const json& item : data["cn2an"][mode]) {
      const std::string input = item["input"];
      if (contains_any(input, {"元", "圆"})) {
        check_money(tally, input, *Decimal::parse(item["expected"].get<std::string>()), "CNY");
      } else {
        check_number(tally, input, item["expected"]);
      }
    }
  }
  // What must fail in the normal and smart modes (error_strict_only holds forms like 一一
  // that only the strict mode refuses).
  for (const char* mode : {"error_smart", "error_normal_only"}) {
    for (const json& input : data["cn2an"][mode]) check_number_rejected(tally, input);
  }
  // an2cn, read backwards: the words it writes for a number must read as that number.
  for (const json& item : data["an2cn"]["cases"]) {
    const auto value = Decimal::parse(item["input"].get<std::string>());
    if (!value) continue;  // more decimals than a Decimal holds
    const json& words = item["expected"];
    check_number(tally, words[0], item["input"]);  // lower case
    check_number(tally, words[1], item["input"]);  // capitals
    check_number(tally, words[3], item["input"]);  // digit by digit
    // The sum in capitals is cut to fen: 壹佰万零伍拾肆元肆角叁分 for 1000054.4321.
    const Decimal fen = truncated_to_fen(*value);
    check_money(tally, words[2], fen, "CNY");
  }
}

// Recognizers-Text model files: a case is in scope when the whole input is the one result.
template <typename Check, typename Reject>
void run_recognizers(const json& cases, Check check, Reject reject,
                     std::initializer_list<std::string_view> out_of_scope) {
  for (const json& item : cases) {
    const std::string input = trimmed(halfwidth(item["Input"].get<std::string>()));
    if (contains_any(input, out_of_scope)) continue;
    const json& results = item["Results"];
    if (results.empty()) {
      reject(input);
    } else if (results.size() == 1 &&
               trimmed(halfwidth(results[0]["Text"].get<std::string>())) == input) {
      check(input, results[0]["Resolution"]);
    }
  }
}

std::optional<Decimal> duckling_value(std::string text, std::string_view prefix) {
  text = text.substr(prefix.size());
  std::erase(text, '(');
  std::erase(text, ')');
  return Decimal::parse(trimmed(text));
}

// jionlp's currency names to ISO codes.
std::string iso_of(std::string_view name) {
  static const std::map<std::string_view, std::string_view> kCodes{
      {"元", "CNY"},     {"港元", "HKD"}, {"美元", "USD"}, {"欧元", "EUR"}, {"日元", "JPY"},
      {"新台币", "TWD"}, {"泰铢", "THB"}, {"卢布", "RUB"}, {"澳元", "AUD"}, {"韩元", "KRW"}};
  const auto found = kCodes.find(name);
  return found == kCodes.end() ? "?" : std::string(found->second);
}

}  // namespace

// Minimum accuracy per file, in percent: what the parser reached, rounded down.
TEST_CASE("vectors: cn2an (numbers, capitals, sums in capitals)") {
  const auto data = load_vectors("cn2an/cn2an_test_cases.json");
  if (!data) return;
  Tally tally{"cn2an"};
  run_cn2an(*data, tally);
  tally.report();
  CHECK(tally.percent() >= 99);
}

TEST_CASE("vectors: Recognizers-Text NumberModel") {
  const auto data = load_vectors("recognizers-text/Number/Chinese/NumberModel.json");
  if (!data) return;
  Tally tally{"Recognizers-Text NumberModel"};
  run_recognizers(
      *data,
      [&](const std::string& input, const json& resolution) {
        check_number(tally, input, resolution["value"].get<std::string>());
      },
      [&](const std::string& input) { check_number_rejected(tally, input); },
      // fractions, exponents, SI suffixes, dozens; 兆 (10^6 or 10^12) is not read on purpose
      {"分之", "分 之", "/", "又", "^", "e", "E", "k", "K", "M", "打", "半"});
  tally.report();
  CHECK(tally.percent() >= 96);
}

TEST_CASE("vectors: Recognizers-Text PercentModel") {
  const auto data = load_vectors("recognizers-text/Number/Chinese/PercentModel.json");
  if (!data) return;
  Tally tally{"Recognizers-Text PercentModel"};
  run_recognizers(
      *data,
      [&](const std::string& input, const json& resolution) {
        std::string want = resolution["value"].get<std::string>();
        if (!want.empty() && want.back() == '%') want.pop_back();
        const auto expected = Decimal::parse(want);
        if (!expected) return;
        const auto rate = clause_scan::parse_rate(input);
        std::string compact = input;
        std::erase(compact, ' ');
        const bool points = contains_any(compact, {"百分点", "百分點"});
        const bool ok = rate && rate->percent == *expected &&
                        (rate->kind == clause_scan::RateKind::points) == points;
        tally.record(ok, input, rate_result(input), want + (points ? " points" : "%"));
      },
      [&](const std::string& input) {
        tally.record(!clause_scan::parse_rate(input), input, rate_result(input), "none");
      },
      // discounts (七折, 三成) and SI suffixes are not rates a contract writes
      {"折", "成", "k", "K"});
  tally.report();
  CHECK(tally.percent() >= 100);
}

TEST_CASE("vectors: Recognizers-Text CurrencyModel") {
  const auto data = load_vectors("recognizers-text/NumberWithUnit/Chinese/CurrencyModel.json");
  if (!data) return;
  Tally tally{"Recognizers-Text CurrencyModel"};
  for (const json& item : *data) {
    for (const json& result : item["Results"]) {
      const json& resolution = result["Resolution"];
      if (!resolution.contains("isoCurrency") || !resolution["value"].is_string()) continue;
      const auto value = Decimal::parse(resolution["value"].get<std::string>());
      if (!value) continue;
      check_money(tally, trimmed(halfwidth(result["Text"].get<std::string>())), *value,
                  resolution["isoCurrency"].get<std::string>());
    }
  }
  tally.report();
  CHECK(tally.percent() >= 81);
}

TEST_CASE("vectors: JioNLP money parser") {
  const auto data = load_vectors("jionlp/test/test_money_parser.cases.json");
  if (!data) return;
  Tally tally{"JioNLP money parser"};
  for (const json& item : (*data)["cases"]) {
    const json& expected = item["expected"];
    const std::string definition = expected["definition"];
    // Ranges and bounds (至少, 不到, 1万-5万元) are the rules' business, not one sum.
    if (!expected["num"].is_string() || (definition != "accurate" && definition != "blur")) {
      continue;
    }
    const auto value = Decimal::parse(expected["num"].get<std::string>());
    if (!value) continue;
    check_money(tally, halfwidth(item["input"].get<std::string>()), *value,
                iso_of(expected["case"].get<std::string>()));
  }
  tally.report();
  CHECK(tally.percent() >= 72);
}

TEST_CASE("vectors: Duckling Numeral ZH") {
  const auto data = load_vectors("duckling/Numeral/ZH/Corpus.examples.json");
  if (!data) return;
  Tally tally{"Duckling Numeral ZH"};
  for (const json& example : (*data)["examples"]) {
    const auto value = duckling_value(example["value"], "NumeralValue");
    if (!value) continue;
    for (const json& input : example["inputs"]) {
      const std::string text = halfwidth(input.get<std::string>());
      // counters (个, 對, 打), halves and fractions, SI suffixes
      if (contains_any(
              text, {"个", "個", "對", "雙", "打", "半", "份", "又", "分", "K", "k", "M", "G"})) {
        continue;
      }
      check_number(tally, text, value->to_string());
    }
  }
  tally.report();
  CHECK(tally.percent() >= 96);
}

TEST_CASE("vectors: Duckling AmountOfMoney ZH") {
  const auto data = load_vectors("duckling/AmountOfMoney/ZH/Corpus.examples.json");
  if (!data) return;
  Tally tally{"Duckling AmountOfMoney ZH"};
  // "simple <Unit> x" only; under/above/between are bounds and ranges.
  const std::map<std::string, std::pair<std::string, int>> kUnits{{"simple Cent", {"", 2}},
                                                                  {"simple Dollar", {"", 0}},
                                                                  {"simple CNY", {"CNY", 0}},
                                                                  {"simple HKD", {"HKD", 0}}};
  for (const json& example : (*data)["examples"]) {
    const std::string value_text = example["value"];
    for (const auto& [prefix, unit] : kUnits) {
      if (!value_text.starts_with(prefix + " ")) continue;
      const auto amount = duckling_value(value_text, prefix);
      if (!amount) continue;
      const Decimal value = Decimal::from_units(amount->units(), amount->scale() + unit.second);
      for (const json& input : example["inputs"]) {
        const std::string text = halfwidth(input.get<std::string>());
        // Cantonese units and counters: 蚊 (yuan), 毫 (jiao), 仙 (cent), 個半
        if (contains_any(text, {"蚊", "毫", "仙", "個"})) continue;
        check_money(tally, text, value, unit.first);
      }
    }
  }
  tally.report();
  CHECK(tally.percent() >= 56);
}
