// rule_file.cpp: TOML text -> RuleDrafts. The one translation unit that includes toml++.
//
// The shape of a rule file is checked here, so that every mistake is reported with the line
// it is on; the patterns themselves are compiled by rule_set.cpp.
#include <toml++/toml.h>

#include <array>
#include <string>
#include <utility>

#include "rules/rule_set_impl.h"
#include "util/text.h"

namespace clause_scan::rules_detail {

// The error names "path:line" as its file, so that Error::message() reads
// "path:line: reason" as editors expect (the convention of every data file we load). The
// reason may quote the file (RE2 quotes a multi-line ''' pattern, TOML keys may hold line
// breaks), and must stay one line: line breaks in it are written \n and \r.
Error rule_error(std::string_view file, int line, std::string_view what) {
  std::string reason;
  reason.reserve(what.size());
  for (char c : what) {
    if (c == '\n') {
      reason += "\\n";
    } else if (c == '\r') {
      reason += "\\r";
    } else {
      reason += c;
    }
  }
  return Error{ErrorKind::rule, std::string(file) + ":" + std::to_string(line), std::move(reason)};
}

namespace {

using util::in_quotes;

// The keys of a [[rule]] table that are not attributes.
constexpr std::array<std::string_view, 8> kRuleKeys = {"id",       "category",       "description",
                                                       "severity", "pattern",        "patterns",
                                                       "examples", "counterexamples"};

bool is_rule_key(std::string_view key) {
  for (std::string_view known : kRuleKeys) {
    if (key == known) return true;
  }
  return false;
}

int line_of(const toml::node& node) { return static_cast<int>(node.source().begin.line); }

// Reads one [[rule]] table; `what(...)` prefixes messages with the rule's id.
class RuleReader {
 public:
  RuleReader(std::string_view file, const toml::table& table) : file_(file), table_(table) {}

  Result<RuleDraft> read() {
    draft_.rule.file = std::string(file_);
    draft_.rule.line = line_of(table_);
    for (Status (RuleReader::*step)() :
         {&RuleReader::read_id, &RuleReader::read_category, &RuleReader::read_description,
          &RuleReader::read_severity, &RuleReader::read_patterns, &RuleReader::read_attributes,
          &RuleReader::read_examples}) {
      Status status = (this->*step)();
      if (!status.ok()) return status.error();
    }
    return std::move(draft_);
  }

 private:
  Error error(const toml::node& where, std::string_view message) const {
    return error_at(line_of(where), message);
  }
  Error error_at(int line, std::string_view message) const {
    std::string what = draft_.rule.id.empty() ? "" : "rule " + in_quotes(draft_.rule.id) + ": ";
    return rule_error(file_, line, what + std::string(message));
  }

  // The string under `key`, or an error when it is there but not a string.
  Result<std::optional<std::string>> optional_string(std::string_view key) const {
    const toml::node* node = table_.get(key);
    if (node == nullptr) return std::optional<std::string>();
    if (!node->is_string()) return error(*node, "key " + in_quotes(key) + " must be a string");
    return std::optional<std::string>(node->as_string()->get());
  }

  Result<std::string> required_string(std::string_view key) const {
    Result<std::optional<std::string>> value = optional_string(key);
    if (!value.ok()) return value.error();
    if (!value.value()) return error_at(draft_.rule.line, "missing key " + in_quotes(key));
    if (value.value()->empty()) {
      return error(*table_.get(key), "key " + in_quotes(key) + " must not be empty");
    }
    return std::move(*value.value());
  }

  Status read_id() {
    Result<std::string> id = required_string("id");
    if (!id.ok()) return id.error();
    draft_.rule.id = std::move(id.value());
    return {};
  }

  Status read_category() {
    Result<std::string> category = required_string("category");
    if (!category.ok()) return category.error();
    draft_.rule.category = std::move(category.value());
    return {};
  }

  Status read_description() {
    Result<std::optional<std::string>> description = optional_string("description");
    if (!description.ok()) return description.error();
    draft_.rule.description = description.value().value_or("");
    return {};
  }

  Status read_severity() {
    Result<std::optional<std::string>> name = optional_string("severity");
    if (!name.ok()) return name.error();
    if (!name.value()) return {};
    draft_.rule.severity = parse_severity(*name.value());
    if (!draft_.rule.severity) {
      return error(*table_.get("severity"), "unknown severity " + in_quotes(*name.value()) +
                                                " (use error, warning or info)");
    }
    return {};
  }

  Status read_patterns() {
    const toml::node* single = table_.get("pattern");
    const toml::node* list = table_.get("patterns");
    if (single != nullptr && list != nullptr) {
      return error(*list, "give \"pattern\" or \"patterns\", not both");
    }
    if (single != nullptr) {
      if (!single->is_string()) return error(*single, "key \"pattern\" must be a string");
      add_pattern(*single);
      return {};
    }
    if (list == nullptr) return error_at(draft_.rule.line, "missing key \"patterns\"");
    const toml::array* array = list->as_array();
    if (array == nullptr) return error(*list, "\"patterns\" must be an array of strings");
    for (const toml::node& element : *array) {
      if (!element.is_string()) return error(element, "\"patterns\" must be an array of strings");
      add_pattern(element);
    }
    if (draft_.pattern_lines.empty()) return error(*list, "\"patterns\" is empty");
    return {};
  }

  void add_pattern(const toml::node& source) {
    draft_.rule.pattern_sources.push_back(source.as_string()->get());
    draft_.pattern_lines.push_back(line_of(source));
  }

  Status read_attributes() {
    for (auto&& [key, node] : table_) {
      if (is_rule_key(key.str())) continue;
      if (!node.is_string())
        return error(node, "key " + in_quotes(key.str()) + " must be a string");
      draft_.rule.attributes.emplace(std::string(key.str()), node.as_string()->get());
    }
    return {};
  }

  Status read_examples() {
    Status examples = read_example_list("examples", ExampleKind::example);
    if (!examples.ok()) return examples;
    return read_example_list("counterexamples", ExampleKind::counterexample);
  }

  enum class ExampleKind { example, counterexample };

  Status read_example_list(std::string_view key, ExampleKind kind) {
    const toml::node* node = table_.get(key);
    if (node == nullptr) return {};
    const toml::array* array = node->as_array();
    std::string shape = kind == ExampleKind::example ? "each example must be a table "
                                                       "([[rule.examples]])"
                                                     : "each counterexample must be a table "
                                                       "([[rule.counterexamples]])";
    if (array == nullptr) return error(*node, shape);
    for (const toml::node& element : *array) {
      const toml::table* table = element.as_table();
      if (table == nullptr) return error(element, shape);
      Status status = read_example(*table, kind);
      if (!status.ok()) return status;
    }
    return {};
  }

  Status read_example(const toml::table& table, ExampleKind kind) {
    std::string_view noun = kind == ExampleKind::example ? "example" : "counterexample";
    RuleExample example;
    example.must_match = kind == ExampleKind::example;
    example.line = line_of(table);
    for (auto&& [key, node] : table) {
      bool known = key.str() == "text" || (kind == ExampleKind::example && key.str() == "captures");
      if (!known) {
        return error(node, "unknown key " + in_quotes(key.str()) + " in " + std::string(noun));
      }
    }
    const toml::node* text = table.get("text");
    if (text == nullptr) return error(table, std::string(noun) + " has no \"text\"");
    if (!text->is_string()) return error(*text, "key \"text\" must be a string");
    example.text = text->as_string()->get();
    if (const toml::node* captures = table.get("captures")) {
      Status status = read_captures(*captures, example);
      if (!status.ok()) return status;
    }
    draft_.rule.examples.push_back(std::move(example));
    return {};
  }

  Status read_captures(const toml::node& node, RuleExample& example) {
    const toml::table* captures = node.as_table();
    if (captures == nullptr) return error(node, "\"captures\" must be a table of strings");
    for (auto&& [name, value] : *captures) {
      if (!value.is_string()) {
        return error(value, "capture " + in_quotes(name.str()) + " must be a string");
      }
      example.captures.emplace(std::string(name.str()), value.as_string()->get());
    }
    return {};
  }

  std::string_view file_;
  const toml::table& table_;
  RuleDraft draft_;
};

Result<toml::table> parse_toml(std::string_view toml, std::string_view file) {
#if TOML_EXCEPTIONS
  try {
    return toml::parse(toml, file);
  } catch (const toml::parse_error& failure) {
    return rule_error(file, static_cast<int>(failure.source().begin.line), failure.description());
  }
#else
  toml::parse_result parsed = toml::parse(toml, file);
  if (!parsed) {
    return rule_error(file, static_cast<int>(parsed.error().source().begin.line),
                      parsed.error().description());
  }
  return std::move(parsed).table();
#endif
}

// The [[rule]] array of a parsed file; an error for any other top-level key.
Result<const toml::array*> rule_array(const toml::table& document, std::string_view file) {
  const toml::array* rules = nullptr;
  for (auto&& [key, node] : document) {
    if (key.str() != "rule") {
      return rule_error(
          file, static_cast<int>(key.source().begin.line),
          "unknown top-level key " + in_quotes(key.str()) + " (a rule file holds [[rule]] tables)");
    }
    rules = node.as_array();
    if (rules == nullptr || !rules->is_array_of_tables()) {
      return rule_error(file, line_of(node), "\"rule\" must be an array of tables ([[rule]])");
    }
  }
  return rules;
}

}  // namespace

Result<std::vector<RuleDraft>> read_rule_file(std::string_view toml, std::string_view file) {
  Result<toml::table> document = parse_toml(toml, file);
  if (!document.ok()) return document.error();
  Result<const toml::array*> rules = rule_array(document.value(), file);
  if (!rules.ok()) return rules.error();
  std::vector<RuleDraft> drafts;
  if (rules.value() == nullptr) return drafts;
  for (const toml::node& node : *rules.value()) {
    Result<RuleDraft> draft = RuleReader(file, *node.as_table()).read();
    if (!draft.ok()) return draft.error();
    drafts.push_back(std::move(draft.value()));
  }
  return drafts;
}

}  // namespace clause_scan::rules_detail
