// config_file.cpp: .clause-scan.toml -> ConfigFile. The one translation unit of the check
// stage that includes toml++; every mistake is reported as "path:line: reason".
#include <toml++/toml.h>

#include <algorithm>
#include <charconv>
#include <fstream>
#include <sstream>
#include <system_error>

#include "clause_scan/check.h"
#include "util/text.h"

namespace clause_scan {
namespace {

namespace fs = std::filesystem;
using util::in_quotes;

Error config_error(const fs::path& file, int line, std::string_view reason) {
  return Error{ErrorKind::usage, file.string() + ":" + std::to_string(line), std::string(reason)};
}

int line_of(const toml::node& node) { return static_cast<int>(node.source().begin.line); }

class ConfigReader {
 public:
  explicit ConfigReader(const fs::path& file) : file_(file) {}

  Status read(const toml::table& document, ConfigFile& config) {
    for (auto&& [key, node] : document) {
      Status status = read_top_key(std::string(key.str()), node, config);
      if (!status.ok()) return status;
    }
    return {};
  }

 private:
  Error error(const toml::node& where, std::string_view reason) const {
    return config_error(file_, line_of(where), reason);
  }

  Status read_top_key(const std::string& key, const toml::node& node, ConfigFile& config) {
    if (key == "root") {
      if (!node.is_boolean()) return error(node, "\"root\" must be true or false");
      config.root = node.as_boolean()->get();
      return {};
    }
    if (key == "rules") return read_rule_files(node, config);
    if (key == "include") return read_globs(node, key, config.include);
    if (key == "exclude") return read_globs(node, key, config.exclude);
    if (key == "overrides") return read_overrides(node, config);
    if (key == "checks" || key == "limits" || key == "required") {
      return read_layer_key(key, node, config.base);
    }
    return error(node, "unknown key " + in_quotes(key) +
                           " (known: root, rules, include, exclude, required, checks, limits, "
                           "overrides)");
  }

  Result<std::vector<std::string>> strings(const toml::node& node, std::string_view key) const {
    const toml::array* array = node.as_array();
    std::vector<std::string> values;
    if (array == nullptr) return error(node, in_quotes(key) + " must be an array of strings");
    for (const toml::node& item : *array) {
      if (!item.is_string()) return error(item, in_quotes(key) + " must be an array of strings");
      values.push_back(item.as_string()->get());
    }
    return values;
  }

  Status read_globs(const toml::node& node, std::string_view key,
                    std::optional<std::vector<std::string>>& into) {
    Result<std::vector<std::string>> globs = strings(node, key);
    if (!globs.ok()) return globs.error();
    into = std::move(globs).value();
    return {};
  }

  Status read_rule_files(const toml::node& node, ConfigFile& config) {
    const toml::array* array = node.as_array();
    if (array == nullptr) return error(node, "\"rules\" must be an array of strings");
    for (const toml::node& item : *array) {
      if (!item.is_string()) return error(item, "\"rules\" must be an array of strings");
      fs::path path(item.as_string()->get());
      if (path.is_relative()) path = (config.dir / path).lexically_normal();
      config.rules.push_back(ConfigRuleFile{path, line_of(item)});
    }
    return {};
  }

  Status read_layer_key(const std::string& key, const toml::node& node, ConfigLayer& layer) {
    if (key == "checks") return read_checks(node, layer);
    if (key == "limits") return read_limits(node, layer);
    Result<std::vector<std::string>> required = strings(node, "required");
    if (!required.ok()) return required.error();
    layer.required = std::move(required).value();
    layer.required_line = line_of(node);
    return {};
  }

  Status read_checks(const toml::node& node, ConfigLayer& layer) {
    const toml::table* table = node.as_table();
    if (table == nullptr) return error(node, "\"checks\" must be a table: [checks]");
    for (auto&& [id, value] : *table) {
      Result<std::optional<Severity>> level = read_level(std::string(id.str()), value);
      if (!level.ok()) return level.error();
      layer.checks.push_back(ConfigLevel{std::string(id.str()), level.value(), line_of(value)});
    }
    // toml++ keeps keys sorted; the file's order makes the first error the first one met.
    std::stable_sort(layer.checks.begin(), layer.checks.end(),
                     [](const ConfigLevel& a, const ConfigLevel& b) { return a.line < b.line; });
    return {};
  }

  Result<std::optional<Severity>> read_level(const std::string& id, const toml::node& value) {
    if (value.is_table()) {
      return error(value, "check " + in_quotes(id) +
                              ": expected a level; quote ids that hold a dot "
                              "(\"check.unfilled-blank\" = \"off\")");
    }
    if (!value.is_string()) {
      return error(value, "check " + in_quotes(id) + ": level must be a string");
    }
    const std::string& name = value.as_string()->get();
    if (name == "off") return std::optional<Severity>();
    std::optional<Severity> severity = parse_severity(name);
    if (!severity) {
      return error(value, "check " + in_quotes(id) + ": unknown level " + in_quotes(name) +
                              " (use error, warning, info or off)");
    }
    return severity;
  }

  Status read_limits(const toml::node& node, ConfigLayer& layer) {
    const toml::table* table = node.as_table();
    if (table == nullptr) return error(node, "\"limits\" must be a table: [limits]");
    for (auto&& [key, value] : *table) {
      Result<Decimal> limit = read_decimal(std::string(key.str()), value);
      if (!limit.ok()) return limit.error();
      if (key.str() == "penalty_percent") {
        layer.penalty_percent = limit.value();
      } else if (key.str() == "daily_rate_percent") {
        layer.daily_rate_percent = limit.value();
      } else {
        return error(value, "unknown limit " + in_quotes(key.str()) +
                                " (known: penalty_percent, daily_rate_percent)");
      }
    }
    return {};
  }

  // A decimal written as a string ("0.05"), an integer, or a float (read back from its
  // shortest form, which is what was written for any limit a person types).
  Result<Decimal> read_decimal(const std::string& key, const toml::node& value) {
    std::string text;
    if (value.is_string()) {
      text = value.as_string()->get();
    } else if (value.is_integer()) {
      text = std::to_string(value.as_integer()->get());
    } else if (value.is_floating_point()) {
      char buffer[64];
      auto [end, status] =
          std::to_chars(buffer, buffer + sizeof buffer, value.as_floating_point()->get());
      if (status == std::errc()) text.assign(buffer, end);
    }
    std::optional<Decimal> decimal = Decimal::parse(text);
    if (!decimal || decimal->units() < 0) {
      return error(value, "limit " + in_quotes(key) + " must be a non-negative number");
    }
    return *decimal;
  }

  Status read_overrides(const toml::node& node, ConfigFile& config) {
    const toml::array* array = node.as_array();
    if (array == nullptr || !array->is_array_of_tables()) {
      return error(node, "\"overrides\" must be an array of tables ([[overrides]])");
    }
    for (const toml::node& item : *array) {
      Result<ConfigOverride> entry = read_override(*item.as_table());
      if (!entry.ok()) return entry.error();
      config.overrides.push_back(std::move(entry).value());
    }
    return {};
  }

  Result<ConfigOverride> read_override(const toml::table& table) {
    ConfigOverride entry;
    for (auto&& [key, value] : table) {
      std::string name(key.str());
      if (name == "paths") {
        Result<std::vector<std::string>> paths = strings(value, "paths");
        if (!paths.ok()) return paths.error();
        entry.paths = std::move(paths).value();
      } else if (name == "checks" || name == "limits" || name == "required") {
        Status status = read_layer_key(name, value, entry.layer);
        if (!status.ok()) return status.error();
      } else {
        return error(value, "unknown key " + in_quotes(name) +
                                " in [[overrides]] (known: paths, checks, limits, required)");
      }
    }
    if (entry.paths.empty()) {
      return error(table, "[[overrides]] needs \"paths\", a non-empty array of globs");
    }
    return entry;
  }

  const fs::path& file_;
};

Result<toml::table> parse_toml(std::string_view text, const fs::path& file) {
  std::string name = file.string();
#if TOML_EXCEPTIONS
  try {
    return toml::parse(text, name);
  } catch (const toml::parse_error& failure) {
    return config_error(file, static_cast<int>(failure.source().begin.line), failure.description());
  }
#else
  toml::parse_result parsed = toml::parse(text, name);
  if (!parsed) {
    return config_error(file, static_cast<int>(parsed.error().source().begin.line),
                        parsed.error().description());
  }
  return std::move(parsed).table();
#endif
}

}  // namespace

Result<ConfigFile> ConfigFile::parse(std::string_view toml, const fs::path& path) {
  ConfigFile config;
  config.path = path;
  std::error_code ignored;
  config.dir = fs::absolute(path, ignored).lexically_normal().parent_path();
  Result<toml::table> document = parse_toml(toml, path);
  if (!document.ok()) return document.error();
  Status status = ConfigReader(path).read(document.value(), config);
  if (!status.ok()) return status.error();
  return config;
}

Result<ConfigFile> ConfigFile::load(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    std::error_code error;
    bool exists = fs::exists(path, error);
    return Error{ErrorKind::usage, path.string(),
                 exists ? "cannot read configuration file" : "configuration file not found"};
  }
  std::ostringstream text;
  text << in.rdbuf();
  return parse(text.str(), path);
}

}  // namespace clause_scan
