// The Context's three ways of reading rule matches (whole document, some lines, loose words)
// must give the matches RuleSet::scan gives: the extractors read helper categories only on
// the lines around their hits and count on finding there what a whole scan would.
#include <doctest/doctest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "clause_scan/extract.h"
#include "extract/context.h"
#include "rule_match_text.h"

namespace {

namespace cs = clause_scan;

const cs::Resources& resources() {
  static const auto loaded = cs::Resources::load(CLAUSE_SCAN_SOURCE_DIR "/rules");
  REQUIRE_MESSAGE(loaded.ok(), loaded.error().message());
  return loaded.value();
}

cs::Document sample(const char* name) {
  std::ifstream in(std::string(CLAUSE_SCAN_SOURCE_DIR "/samples/") + name, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return cs::make_document(name, cs::DecodedText{bytes.str(), "UTF-8", false});
}

using clause_scan::testing::describe;

std::vector<std::string> describe(const std::vector<const cs::RuleMatch*>& matches) {
  std::vector<std::string> all;
  for (const cs::RuleMatch* match : matches) all.push_back(describe(*match));
  return all;
}

std::vector<std::string> describe(const std::vector<cs::RuleMatch>& matches) {
  std::vector<std::string> all;
  for (const cs::RuleMatch& match : matches) all.push_back(describe(match));
  return all;
}

// Categories read line by line (penalty_role, amount_label, not_duration) and categories of
// the whole-document groups (party, period, penalty_cap).
const char* const kCategories[] = {"penalty_role", "amount_label", "not_duration",
                                   "party",        "period",       "penalty_cap"};

}  // namespace

TEST_CASE("extract: matches_on_lines gives the whole scan's matches of those lines") {
  const cs::Document document = sample("procurement_service.txt");
  const int lines = document.source.line_count();
  for (const char* category : kCategories) {
    CAPTURE(std::string(category));
    const std::vector<std::string> want =
        describe(resources().rules.scan(document.source.text(), category));
    REQUIRE(!want.empty());
    SUBCASE("line by line, before any whole scan") {
      const cs::extract::Context context(document, resources());
      std::vector<const cs::RuleMatch*> got;
      for (int line = 1; line <= lines; ++line) {
        for (const cs::RuleMatch* match : context.matches_on_lines(category, line, line)) {
          got.push_back(match);
        }
      }
      CHECK(describe(got) == want);
      CHECK(describe(context.matches(category)) == want);
      CHECK(describe(context.matches_on_lines(category, 1, lines)) == want);  // kept, not rescanned
    }
    SUBCASE("ranges of lines, after the whole scan") {
      const cs::extract::Context context(document, resources());
      CHECK(describe(context.matches(category)) == want);
      std::vector<const cs::RuleMatch*> got;
      for (int first = 1; first <= lines; first += 7) {
        for (const cs::RuleMatch* match : context.matches_on_lines(category, first, first + 6)) {
          got.push_back(match);
        }
      }
      CHECK(describe(got) == want);
    }
  }
}

TEST_CASE("extract: matches_on_lines clamps its lines to the document") {
  const cs::Document document = sample("loan_agreement.txt");
  const cs::extract::Context context(document, resources());
  const int lines = document.source.line_count();
  CHECK(describe(context.matches_on_lines("penalty_role", -5, lines + 10)) ==
        describe(resources().rules.scan(document.source.text(), "penalty_role")));
  CHECK(context.matches_on_lines("penalty_role", 5, 4).empty());
  CHECK(context.matches_on_lines("no_such_category", 1, lines).empty());
}

TEST_CASE("extract: scan_words scans loose words and keeps the result by its words") {
  const cs::Document document = sample("loan_agreement.txt");
  const cs::extract::Context context(document, resources());
  for (std::string words : {"合同总价", "应付未付金额", "违约金", ""}) {
    CAPTURE(words);
    const std::vector<cs::RuleMatch>& first = context.scan_words(words, "penalty_base");
    CHECK(describe(first) == describe(resources().rules.scan(words, "penalty_base")));
    std::string copy = words;  // other storage, same words: the kept result
    CHECK(&context.scan_words(copy, "penalty_base") == &first);
  }
  CHECK(!context.scan_words("合同总价", "penalty_base").empty());
}

TEST_CASE("extract: scanning several documents together gives each its own matches") {
  const cs::Document procurement = sample("procurement_service.txt");
  const cs::Document loan = sample("loan_agreement.txt");
  for (int threads : {1, 2}) {
    CAPTURE(threads);
    cs::extract::Context first(procurement, resources());
    cs::extract::Context second(loan, resources());
    cs::extract::Context::scan_whole_documents({&first, &second}, threads);
    for (const char* category : {"party", "period", "amount", "penalty", "title"}) {
      CAPTURE(std::string(category));
      CHECK(describe(first.matches(category)) ==
            describe(resources().rules.scan(procurement.source.text(), category)));
      CHECK(describe(second.matches(category)) ==
            describe(resources().rules.scan(loan.source.text(), category)));
      CHECK(describe(first.matches(category)) != describe(second.matches(category)));
    }
  }
}

TEST_CASE("extract: scanning the whole document on several threads gives the same matches") {
  const cs::Document document = sample("procurement_service.txt");
  for (int threads : {2, 3, 8}) {
    CAPTURE(threads);
    cs::extract::Context lazy(document, resources());
    cs::extract::Context prefetched(document, resources());
    prefetched.scan_whole_document(threads);
    for (const char* category : {"party", "period", "penalty_cap", "amount", "title"}) {
      CAPTURE(std::string(category));
      const std::vector<std::string> want = describe(lazy.matches(category));
      REQUIRE(!want.empty());
      CHECK(describe(prefetched.matches(category)) == want);
    }
  }
}
