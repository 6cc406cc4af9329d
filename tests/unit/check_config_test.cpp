// .clause-scan.toml: globs, parsing (every mistake as path:line: reason), discovery by walking
// up from each file, merging far to near, [[overrides]] by path, and the ids it may name.
#include <doctest/doctest.h>

#include <filesystem>
#include <string>

#include "check_support.h"
#include "clause_scan/check.h"
#include "cli_support.h"

namespace cs = clause_scan;
namespace fs = std::filesystem;
using cs::testing::TempDir;
using cs::testing::write_text;

namespace {

cs::Decimal dec(const char* text) { return *cs::Decimal::parse(text); }

std::string parse_error(const std::string& toml) {
  cs::Result<cs::ConfigFile> config = cs::ConfigFile::parse(toml, "lint/.clause-scan.toml");
  if (config.ok()) return "ok";
  CHECK(config.error().kind == cs::ErrorKind::usage);
  return config.error().message();
}

}  // namespace

TEST_CASE("check config: globs") {
  struct Case {
    const char* glob;
    const char* path;
    bool matches;
  };
  for (const Case& c : {
           Case{"*.txt", "a.txt", true},
           Case{"*.txt", "templates/sub/a.txt", true},  // no '/': the name at any depth
           Case{"*.txt", "a.md", false},
           Case{"drafts", "templates/drafts/a.txt", true},  // a folder matches what is in it
           Case{"drafts/**", "drafts/a/b.txt", true},
           Case{"drafts/**", "templates/drafts/a.txt", false},  // with '/': from the config
           Case{"**/drafts/*.txt", "templates/drafts/a.txt", true},
           Case{"**/drafts/*.txt", "drafts/a.txt", true},          // "**/" may match no folder
           Case{"templates/*.txt", "templates/sub/a.txt", false},  // '*' stays in a component
           Case{"/templates/*.txt", "templates/a.txt", true},
           Case{"legacy/", "legacy/old.txt", true},
           Case{"合同?.txt", "合同一.txt", true},  // '?' is one character, not one byte
           Case{"合同?.txt", "合同.txt", false},
           Case{"v[0-9].md", "v2.md", true},
           Case{"v[!0-9].md", "v2.md", false},
           Case{"v[!0-9].md", "vx.md", true},
           Case{"[", "[", true},
       }) {
    CAPTURE(c.glob);
    CAPTURE(c.path);
    CHECK(cs::glob_matches(c.glob, c.path) == c.matches);
  }
}

TEST_CASE("check config: a complete file") {
  const char* toml = R"(root = true
rules = ["firm-checks.toml"]
include = ["*.txt"]
exclude = ["drafts/**"]
required = ["parties", "signature"]

[checks]
"clause-number-gap" = "off"
"check.unticked-choice" = "error"

[limits]
penalty_percent = 20
daily_rate_percent = 0.03

[[overrides]]
paths = ["legacy/**"]
required = []
[overrides.checks]
"check.unfilled-blank" = "info"
[overrides.limits]
penalty_percent = "25.5"
)";
  cs::Result<cs::ConfigFile> config = cs::ConfigFile::parse(toml, "/work/t/.clause-scan.toml");
  REQUIRE_MESSAGE(config.ok(), config.error().message());
  CHECK(config->root);
  CHECK(config->dir == fs::path("/work/t"));
  REQUIRE(config->rules.size() == 1);
  CHECK(config->rules[0].path == fs::path("/work/t/firm-checks.toml"));
  CHECK(config->rules[0].line == 2);
  CHECK(*config->include == std::vector<std::string>{"*.txt"});
  CHECK(*config->exclude == std::vector<std::string>{"drafts/**"});
  CHECK(*config->base.required == std::vector<std::string>{"parties", "signature"});
  REQUIRE(config->base.checks.size() == 2);
  CHECK(config->base.checks[0].id == "clause-number-gap");
  CHECK(!config->base.checks[0].level.has_value());
  CHECK(config->base.checks[0].line == 8);
  CHECK(config->base.checks[1].level == cs::Severity::error);
  CHECK(*config->base.penalty_percent == dec("20"));
  CHECK(*config->base.daily_rate_percent == dec("0.03"));
  REQUIRE(config->overrides.size() == 1);
  CHECK(config->overrides[0].paths == std::vector<std::string>{"legacy/**"});
  CHECK(config->overrides[0].layer.required->empty());
  CHECK(config->overrides[0].layer.checks[0].level == cs::Severity::info);
  CHECK(*config->overrides[0].layer.penalty_percent == dec("25.5"));
}

TEST_CASE("check config: every mistake is path:line: reason") {
  struct Case {
    const char* toml;
    const char* error;
  };
  for (const Case& c : {
           Case{"root = \"yes\"\n", "lint/.clause-scan.toml:1: \"root\" must be true or false"},
           Case{"\n\nincldue = [\"*.txt\"]\n",
                "lint/.clause-scan.toml:3: unknown key \"incldue\" (known: root, rules, include, "
                "exclude, required, checks, limits, overrides)"},
           Case{"include = \"*.txt\"\n",
                "lint/.clause-scan.toml:1: \"include\" must be an array of strings"},
           Case{"[checks]\n\"check.blank\" = \"fatal\"\n",
                "lint/.clause-scan.toml:2: check \"check.blank\": unknown level \"fatal\" (use "
                "error, warning, info or off)"},
           Case{"[checks]\ncheck.blank = \"off\"\n",
                "lint/.clause-scan.toml:2: check \"check\": expected a level; quote ids that hold "
                "a dot (\"check.unfilled-blank\" = \"off\")"},
           Case{"[checks]\nclause-number-gap = false\n",
                "lint/.clause-scan.toml:2: check \"clause-number-gap\": level must be a string"},
           Case{"[limits]\npenalty_percent = \"thirty\"\n",
                "lint/.clause-scan.toml:2: limit \"penalty_percent\" must be a non-negative "
                "number"},
           Case{"[limits]\npenalty_percent = -5\n",
                "lint/.clause-scan.toml:2: limit \"penalty_percent\" must be a non-negative "
                "number"},
           Case{"[limits]\nceiling = 5\n",
                "lint/.clause-scan.toml:2: unknown limit \"ceiling\" (known: penalty_percent, "
                "daily_rate_percent)"},
           Case{"[[overrides]]\n[overrides.checks]\n\"check.blank\" = \"off\"\n",
                "lint/.clause-scan.toml:1: [[overrides]] needs \"paths\", a non-empty array of "
                "globs"},
           Case{"[[overrides]]\npaths = [\"a/**\"]\nexclude = [\"b\"]\n",
                "lint/.clause-scan.toml:3: unknown key \"exclude\" in [[overrides]] (known: paths, "
                "checks, limits, required)"},
           Case{"overrides = 3\n",
                "lint/.clause-scan.toml:1: \"overrides\" must be an array of tables "
                "([[overrides]])"},
           Case{"[checks\n", "lint/.clause-scan.toml:1: "},
       }) {
    CAPTURE(c.toml);
    std::string error = parse_error(c.toml);
    CHECK(error.substr(0, std::string(c.error).size()) == c.error);
  }
}

TEST_CASE("check config: found by walking up, nearer files override farther ones") {
  TempDir dir;
  fs::create_directories(dir / "repo/templates/legacy");
  write_text(dir / ".clause-scan.toml", "[checks]\n\"check.blank\" = \"error\"\n");
  write_text(dir / "repo/.clause-scan.toml",
             "root = true\nexclude = [\"*-draft.txt\"]\n[checks]\n\"clause-number-gap\" = "
             "\"off\"\n[limits]\npenalty_percent = 20\n");
  write_text(dir / "repo/templates/.clause-scan.toml",
             "[checks]\n\"clause-number-gap\" = \"info\"\n[[overrides]]\npaths = "
             "[\"legacy/**\"]\nrequired = [\"signature\"]\n[overrides.limits]\npenalty_percent "
             "= 50\n");

  cs::ConfigResolver resolver;
  cs::Result<cs::FileConfig> a = resolver.resolve(dir / "repo/templates/a.txt");
  REQUIRE_MESSAGE(a.ok(), a.error().message());
  CHECK(a->chain.size() == 2);  // root = true in repo/ stops the walk
  CHECK(a->settings.levels.count("check.blank") == 0);
  CHECK(a->settings.level("clause-number-gap", cs::Severity::warning) == cs::Severity::info);
  CHECK(a->settings.limits.penalty_percent == dec("20"));
  CHECK(a->settings.required == cs::default_required_content());
  CHECK(!a->excluded);

  cs::Result<cs::FileConfig> old = resolver.resolve(dir / "repo/templates/legacy/old.txt");
  REQUIRE(old.ok());
  CHECK(old->settings.limits.penalty_percent == dec("50"));
  CHECK(old->settings.required == std::vector<std::string>{"signature"});

  cs::Result<cs::FileConfig> draft = resolver.resolve(dir / "repo/templates/b-draft.txt");
  REQUIRE(draft.ok());
  CHECK(draft->excluded);

  cs::Result<cs::FileConfig> outside = resolver.resolve(dir / "other/c.txt");
  REQUIRE(outside.ok());
  CHECK(outside->chain.size() == 1);
  CHECK(outside->settings.level("check.blank", cs::Severity::warning) == cs::Severity::error);
  CHECK(resolver.loaded().size() == 3);
}

TEST_CASE("check config: --config uses one file for everything") {
  TempDir dir;
  fs::create_directories(dir / "t");
  write_text(dir / "t/.clause-scan.toml", "[checks]\n\"check.blank\" = \"error\"\n");
  write_text(dir / "ci.toml", "include = [\"*.md\"]\n[checks]\n\"check.blank\" = \"off\"\n");
  cs::Result<cs::ConfigResolver> resolver = cs::ConfigResolver::with_file(dir / "ci.toml");
  REQUIRE(resolver.ok());
  cs::Result<cs::FileConfig> file = resolver->resolve(dir / "t/a.txt");
  REQUIRE(file.ok());
  CHECK(file->chain.size() == 1);
  CHECK(!file->settings.level("check.blank", cs::Severity::warning).has_value());
  CHECK(!file->included);  // only *.md is taken when walking folders

  cs::Result<cs::ConfigResolver> missing = cs::ConfigResolver::with_file(dir / "nope.toml");
  REQUIRE(!missing.ok());
  CHECK(missing.error().message() ==
        (dir / "nope.toml").string() + ": configuration file not found");
}

TEST_CASE("check config: a broken file met on the way up stops the run") {
  TempDir dir;
  fs::create_directories(dir / "t");
  write_text(dir / "t/.clause-scan.toml", "[limits]\n\npenalty_percent = \"x\"\n");
  cs::ConfigResolver resolver;
  cs::Result<cs::FileConfig> file = resolver.resolve(dir / "t/a.txt");
  REQUIRE(!file.ok());
  CHECK(file.error().message() == (dir / "t/.clause-scan.toml").string() +
                                      ":3: limit \"penalty_percent\" must be a non-negative "
                                      "number");
}

TEST_CASE("check config: ids and required content are checked against the rules") {
  const cs::RuleSet& rules = cs::testing::shared_resources().rules;
  auto validate = [&](const std::string& toml) {
    cs::Result<cs::ConfigFile> config = cs::ConfigFile::parse(toml, "c.toml");
    REQUIRE(config.ok());
    cs::Status status = cs::validate_configs({&config.value()}, {&rules});
    return status.ok() ? std::string("ok") : status.error().message();
  };
  CHECK(validate("[checks]\n\"check.blank\" = \"off\"\n\"unused-rule\" = \"error\"\n") == "ok");
  CHECK(validate("[checks]\n\"check.blanks\" = \"off\"\n") ==
        "c.toml:2: unknown check \"check.blanks\" (clause-scan check --list-checks)");
  CHECK(validate("\n[[overrides]]\npaths = [\"a\"]\n[overrides.checks]\n\"gap\" = \"off\"\n") ==
        "c.toml:5: unknown check \"gap\" (clause-scan check --list-checks)");
  CHECK(validate("required = [\"signature\", \"insurance\"]\n") ==
        "c.toml:1: unknown required content \"insurance\" (known: amount, dispute-resolution, "
        "parties, payment-terms, signature, term)");
}

TEST_CASE("check config: the examples of README.md and docs/checks.md load") {
  const fs::path source = CLAUSE_SCAN_SOURCE_DIR;
  const cs::RuleSet& rules = cs::testing::shared_resources().rules;
  int configs = 0;
  int rule_files = 0;
  for (const char* page : {"README.md", "docs/checks.md"}) {
    const std::string text = cs::testing::read_text(source / page);
    for (std::size_t at = text.find("```toml\n"); at != std::string::npos;
         at = text.find("```toml\n", at + 1)) {
      const std::size_t begin = at + 8;
      const std::string block = text.substr(begin, text.find("```", begin) - begin);
      CAPTURE(page);
      CAPTURE(block);
      if (block.find("[[rule]]") != std::string::npos) {
        cs::Result<cs::RuleSet> set = cs::RuleSet::parse(block, page);
        REQUIRE_MESSAGE(set.ok(), set.error().message());
        CHECK(set->test_examples().empty());
        ++rule_files;
      } else {
        cs::Result<cs::ConfigFile> config = cs::ConfigFile::parse(block, page);
        REQUIRE_MESSAGE(config.ok(), config.error().message());
        cs::Status valid = cs::validate_configs({&config.value()}, {&rules});
        CHECK_MESSAGE(valid.ok(), valid.error().message());
        ++configs;
      }
    }
  }
  CHECK(configs == 2);
  CHECK(rule_files == 1);
}
