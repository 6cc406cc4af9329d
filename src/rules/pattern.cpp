// pattern.cpp: one pattern of a rule, compiled on first use.
//
// Compiling was most of what loading the rules cost: the bundled patterns take ~27 ms to
// compile, mostly in RE2's byte-map and UTF-8 range work for classes such as \p{Han}{0,12},
// while a typical contract makes a scan need a third of them. So a Pattern keeps its source
// and compiles each form when it is first asked for, once, from whichever thread asks first.
#include "rules/rule_set_impl.h"

namespace clause_scan {

struct Pattern::Compiled {
  std::unique_ptr<RE2> regex;
  std::vector<const std::string*> group_names;  // by group number, up to the last named
};

Pattern::Pattern(std::string source) : source_(std::move(source)) {}
Pattern::~Pattern() = default;

// (?s:.*?) is what RE2 itself puts before a pattern searched unanchored: the shortest prefix
// first, so the anchored match of the whole holds the leftmost-first match of the source.
const Pattern::Compiled& Pattern::compiled(std::once_flag& once, std::unique_ptr<Compiled>& form,
                                           bool as_searcher) const {
  std::call_once(once, [&] {
    auto made = std::make_unique<Compiled>();
    const std::string pattern =
        as_searcher ? "(?s:.*?)(" + source_ + (rules_detail::ends_in_quote(source_) ? "\\E)" : ")")
                    : source_;
    made->regex = std::make_unique<RE2>(pattern, rules_detail::pattern_options());
    const std::map<int, std::string>& names = made->regex->CapturingGroupNames();
    int last_named = names.empty() ? 0 : names.rbegin()->first;
    made->group_names.assign(last_named + 1, nullptr);
    for (const auto& [group, name] : names) made->group_names[group] = &name;
    form = std::move(made);
  });
  return *form;
}

const re2::RE2& Pattern::regex() const { return *compiled(regex_once_, regex_, false).regex; }

const std::vector<const std::string*>& Pattern::group_names() const {
  return compiled(regex_once_, regex_, false).group_names;
}

const re2::RE2& Pattern::searcher() const {
  return *compiled(searcher_once_, searcher_, true).regex;
}

const std::vector<const std::string*>& Pattern::searcher_group_names() const {
  return compiled(searcher_once_, searcher_, true).group_names;
}

namespace rules_detail {

RE2::Options pattern_options() {
  RE2::Options options;
  options.set_encoding(RE2::Options::EncodingUTF8);
  options.set_longest_match(false);
  options.set_log_errors(false);
  return options;
}

}  // namespace rules_detail

}  // namespace clause_scan
