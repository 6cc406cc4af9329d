// rule_set.cpp: loading rule files into a RuleSet: checking and (when asked) compiling their
// patterns, and describing the Sets that scanning compiles on first use.
#include <algorithm>
#include <cstdint>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <system_error>

#include "rules/rule_set_impl.h"
#include "util/cores.h"
#include "util/text.h"

namespace clause_scan {

namespace {

using rules_detail::pattern_options;
using rules_detail::PatternInfo;
using rules_detail::PatternSet;
using rules_detail::rule_error;
using rules_detail::RuleDraft;
using rules_detail::RuleSetData;
using util::in_quotes;

// The Set holds every pattern at once, so it gets a larger budget than one pattern: more
// room for its program and for the DFA states it caches while scanning.
constexpr int64_t kSetMaxMem = 64 << 20;

// Patterns per RE2::Set of one category (PatternSet says why).
constexpr std::size_t kCategoryChunkSize = 8;

// Makes the Patterns of one drafted rule. Every pattern is parsed here, so that a syntax error
// or a name given to two groups is a load error whatever `compile` says; with
// Compile::when_loaded it is compiled too, which also finds a pattern too large for RE2.
Status make_patterns(RuleDraft& draft, Compile compile) {
  Rule& rule = draft.rule;
  for (std::size_t index = 0; index < rule.pattern_sources.size(); ++index) {
    const std::string& source = rule.pattern_sources[index];
    std::string where =
        "rule " + in_quotes(rule.id) + ": pattern " + std::to_string(index + 1) + ": ";
    auto fail = [&](std::string_view what) {
      return rule_error(rule.file, draft.pattern_lines[index], where + std::string(what));
    };
    // RE2::Set::Add parses without compiling, and words its errors as RE2's constructor does.
    RE2::Set parser(pattern_options(), RE2::UNANCHORED);
    std::string syntax_error;
    if (parser.Add(source, &syntax_error) < 0) return fail(syntax_error);
    // RE2 20220601 accepts a name twice, later releases refuse it: refuse it everywhere.
    std::set<std::string_view> names;
    for (std::string_view name : rules_detail::named_groups(source)) {
      if (!names.insert(name).second) {
        return fail("duplicate capture group name " + in_quotes(name));
      }
    }
    auto pattern = std::make_unique<Pattern>(source);
    if (compile == Compile::when_loaded && !pattern->searcher().ok()) {
      return fail(pattern->searcher().error());
    }
    rule.patterns.push_back(std::move(pattern));
  }
  return {};
}

PatternInfo describe_pattern(const Rule& rule, int rule_index, int pattern_index) {
  PatternInfo info;
  info.rule = &rule;
  info.rule_index = rule_index;
  info.pattern_index = pattern_index;
  return info;
}

Result<std::vector<std::filesystem::path>> rule_files_in(const std::filesystem::path& dir) {
  std::error_code failure;
  std::filesystem::directory_iterator entries(dir, failure);
  if (failure) {
    return Error{ErrorKind::io, "",
                 "cannot read rules folder " + dir.string() + ": " + failure.message()};
  }
  std::vector<std::filesystem::path> files;
  for (const std::filesystem::directory_entry& entry : entries) {
    std::string name = entry.path().filename().string();
    bool hidden = name.starts_with(".");  // editor lock and backup files
    if (!hidden && entry.path().extension() == ".toml" && entry.is_regular_file(failure)) {
      files.push_back(entry.path());
    }
  }
  if (files.empty()) return Error{ErrorKind::io, "", "no rule files in " + dir.string()};
  std::sort(files.begin(), files.end(), [](const auto& left, const auto& right) {
    return left.filename().string() < right.filename().string();
  });
  return files;
}

Result<std::string> read_file(const std::filesystem::path& file) {
  std::error_code failure;
  if (!std::filesystem::exists(file, failure)) {
    return Error{ErrorKind::io, file.string(), "rule file not found"};
  }
  if (std::filesystem::is_directory(file, failure)) {
    return Error{ErrorKind::io, file.string(), "a folder, not a rule file"};
  }
  std::ifstream stream(file, std::ios::binary);
  if (!stream) return Error{ErrorKind::io, file.string(), "cannot read rule file"};
  std::ostringstream bytes;
  bytes << stream.rdbuf();
  if (stream.bad()) return Error{ErrorKind::io, file.string(), "cannot read rule file"};
  return std::move(bytes).str();
}

// One rule file read, its rules drafted and their patterns made: the work that needs no other
// file, so that the files of a folder are prepared on several threads (TOML parsing and RE2
// parsing are most of what loading costs: about 10 ms of a summary's 50, and with
// Compile::when_loaded the compiles too).
struct PreparedFile {
  Status read;                    // an error when reading or parsing the file failed
  std::vector<RuleDraft> drafts;  // the file's rules, patterns made
  std::vector<Status> made;       // make_patterns of each draft
};

PreparedFile prepare(std::string_view toml, std::string_view file, Compile compile) {
  PreparedFile prepared;
  Result<std::vector<RuleDraft>> drafts = rules_detail::read_rule_file(toml, file);
  if (!drafts.ok()) {
    prepared.read = drafts.error();
    return prepared;
  }
  prepared.drafts = std::move(drafts).value();
  for (RuleDraft& draft : prepared.drafts) prepared.made.push_back(make_patterns(draft, compile));
  return prepared;
}

PreparedFile prepare_file(const std::filesystem::path& file, Compile compile) {
  Result<std::string> text = read_file(file);
  if (!text.ok()) return PreparedFile{text.error(), {}, {}};
  return prepare(text.value(), file.string(), compile);
}

// Prepares every file, on up to `threads` threads; element i is files[i]'s. The largest files
// are taken first, so that the threads end together (penalties.toml is a third of the rules).
std::vector<PreparedFile> prepare_files(const std::vector<std::filesystem::path>& files,
                                        Compile compile, unsigned threads) {
  std::vector<std::uintmax_t> sizes;
  for (const std::filesystem::path& file : files) {
    std::error_code unknown;  // read_file says why, in its turn
    const std::uintmax_t size = std::filesystem::file_size(file, unknown);
    sizes.push_back(unknown ? 0 : size);
  }
  std::vector<PreparedFile> prepared(files.size());
  util::for_each_costliest_first(sizes, threads, [&](std::size_t file) {
    prepared[file] = prepare_file(files[file], compile);
  });
  return prepared;
}

// Collects the prepared files in order, then builds the RuleSet. Errors come as a load of the
// files one after the other would meet them: the first file's first.
class Loader {
 public:
  Status add(PreparedFile& file) {
    if (!file.read.ok()) return file.read;
    for (std::size_t draft = 0; draft < file.drafts.size(); ++draft) {
      Status status = add_rule(file.drafts[draft], file.made[draft]);
      if (!status.ok()) return status;
    }
    return {};
  }

  Result<RuleSetData> build() {
    RuleSetData data;
    data.rules = std::move(rules_);
    for (std::size_t rule = 0; rule < data.rules.size(); ++rule) {
      for (std::size_t pattern = 0; pattern < data.rules[rule]->patterns.size(); ++pattern) {
        data.patterns.push_back(describe_pattern(*data.rules[rule], int(rule), int(pattern)));
      }
    }
    data.searched_bytes = std::make_unique<std::atomic<std::size_t>[]>(data.patterns.size());
    for (std::size_t index = 0; index < data.patterns.size(); ++index) {
      data.patterns[index].searched_bytes = &data.searched_bytes[index];
    }
    Status sets = build_sets(data);
    if (!sets.ok()) return sets.error();
    return data;
  }

 private:
  Status add_rule(RuleDraft& draft, const Status& made) {
    auto [first, inserted] = ids_.emplace(draft.rule.id, rules_.size());
    if (!inserted) {
      const Rule& earlier = *rules_[first->second];
      return rule_error(draft.rule.file, draft.rule.line,
                        "duplicate rule id " + in_quotes(draft.rule.id) + " (first at " +
                            earlier.file + ":" + std::to_string(earlier.line) + ")");
    }
    if (!made.ok()) return made;
    rules_.push_back(std::make_unique<Rule>(std::move(draft.rule)));
    return {};
  }

  // The Sets are described here and compiled on first use (sets_of).
  static Status build_sets(RuleSetData& data) {
    data.all = std::make_unique<PatternSet>();
    for (std::size_t index = 0; index < data.patterns.size(); ++index) {
      data.all->patterns.push_back(int(index));
      auto& by_category = data.by_category[data.patterns[index].rule->category];
      if (by_category == nullptr) {
        by_category = std::make_unique<PatternSet>();
        by_category->chunk_size = kCategoryChunkSize;
      }
      by_category->patterns.push_back(int(index));
    }
    return {};
  }

  std::vector<std::unique_ptr<Rule>> rules_;
  std::map<std::string, std::size_t, std::less<>> ids_;  // id -> index into rules_
};

}  // namespace

namespace rules_detail {

const std::vector<std::unique_ptr<RE2::Set>>& sets_of(const RuleSetData& data, PatternSet& set) {
  std::call_once(set.compiled, [&] {
    RE2::Options options = pattern_options();
    options.set_max_mem(kSetMaxMem);
    std::size_t chunk_size = set.chunk_size == 0 ? set.patterns.size() : set.chunk_size;
    for (std::size_t first = 0; first < set.patterns.size(); first += chunk_size) {
      std::size_t last = std::min(first + chunk_size, set.patterns.size());
      auto compiled = std::make_unique<RE2::Set>(options, RE2::UNANCHORED);
      for (std::size_t member = first; member < last; ++member) {
        const PatternInfo& pattern = data.patterns[set.patterns[member]];
        const std::string& source = pattern.rule->pattern_sources[pattern.pattern_index];
        // The widened filter compiles wherever its pattern does; should it ever not, the
        // pattern itself (which parsed alone with these options) takes its place.
        if (compiled->Add(set_filter_pattern(source), nullptr) < 0) compiled->Add(source, nullptr);
      }
      if (!compiled->Compile()) compiled.reset();
      set.sets.push_back(std::move(compiled));
    }
  });
  return set.sets;
}

}  // namespace rules_detail

std::string_view to_string(Severity severity) {
  switch (severity) {
    case Severity::error:
      return "error";
    case Severity::warning:
      return "warning";
    case Severity::info:
      return "info";
  }
  return "error";
}

std::optional<Severity> parse_severity(std::string_view name) {
  for (Severity severity : {Severity::error, Severity::warning, Severity::info}) {
    if (name == to_string(severity)) return severity;
  }
  return std::nullopt;
}

std::string_view Rule::attribute(std::string_view key, std::string_view fallback) const {
  auto found = attributes.find(std::string(key));
  return found == attributes.end() ? fallback : std::string_view(found->second);
}

const Capture* RuleMatch::capture(std::string_view name) const {
  for (const Capture& candidate : captures) {
    if (candidate.name == name) return &candidate;
  }
  return nullptr;
}

RuleSet::RuleSet() : impl_(std::make_unique<Impl>()) {}
RuleSet::RuleSet(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
RuleSet::~RuleSet() = default;
RuleSet::RuleSet(RuleSet&&) noexcept = default;
RuleSet& RuleSet::operator=(RuleSet&&) noexcept = default;

Result<RuleSet> RuleSet::load_dir(const std::filesystem::path& dir, Compile compile) {
  Result<std::vector<std::filesystem::path>> files = rule_files_in(dir);
  if (!files.ok()) return files.error();
  return load_files(files.value(), compile);
}

Result<RuleSet> RuleSet::load_files(const std::vector<std::filesystem::path>& files,
                                    Compile compile) {
  std::vector<PreparedFile> prepared = prepare_files(files, compile, util::available_cores());
  Loader loader;
  for (PreparedFile& file : prepared) {
    Status added = loader.add(file);
    if (!added.ok()) return added.error();
  }
  Result<RuleSetData> data = loader.build();
  if (!data.ok()) return data.error();
  return RuleSet(std::make_unique<Impl>(Impl{std::move(data).value()}));
}

Result<RuleSet> RuleSet::parse(std::string_view toml, std::string_view file, Compile compile) {
  PreparedFile prepared = prepare(toml, file, compile);
  Loader loader;
  Status added = loader.add(prepared);
  if (!added.ok()) return added.error();
  Result<RuleSetData> data = loader.build();
  if (!data.ok()) return data.error();
  return RuleSet(std::make_unique<Impl>(Impl{std::move(data).value()}));
}

const std::vector<std::unique_ptr<Rule>>& RuleSet::rules() const { return impl_->rules; }

const Rule* RuleSet::find(std::string_view id) const {
  for (const std::unique_ptr<Rule>& rule : impl_->rules) {
    if (rule->id == id) return rule.get();
  }
  return nullptr;
}

}  // namespace clause_scan
