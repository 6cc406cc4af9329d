// config_resolve.cpp: which configuration applies to a file (.editorconfig-style discovery,
// merging far to near, [[overrides]] by path), and checking the ids the files name.
#include <algorithm>
#include <system_error>

#include "check/internal.h"
#include "clause_scan/check.h"

namespace clause_scan {
namespace {

namespace fs = std::filesystem;

fs::path absolute_path(const fs::path& path) {
  std::error_code ignored;
  return fs::absolute(path, ignored).lexically_normal();
}

// `file` relative to `dir` with '/' separators; just its name when it is outside `dir`.
std::string relative_to(const fs::path& dir, const fs::path& file) {
  fs::path relative = file.lexically_relative(dir);
  if (relative.empty() || *relative.begin() == "..") return file.filename().generic_string();
  return relative.generic_string();
}

bool any_matches(const std::vector<std::string>& globs, const std::string& path) {
  return std::any_of(globs.begin(), globs.end(),
                     [&](const std::string& glob) { return glob_matches(glob, path); });
}

void apply_layer(const ConfigLayer& layer, CheckSettings& settings) {
  for (const ConfigLevel& level : layer.checks) settings.levels[level.id] = level.level;
  if (layer.penalty_percent) settings.limits.penalty_percent = *layer.penalty_percent;
  if (layer.daily_rate_percent) settings.limits.daily_rate_percent = *layer.daily_rate_percent;
  if (layer.required) settings.required = *layer.required;
}

void apply_file(const ConfigFile& config, const fs::path& file, FileConfig& result) {
  const std::string relative = relative_to(config.dir, file);
  apply_layer(config.base, result.settings);
  for (const ConfigOverride& entry : config.overrides) {
    if (any_matches(entry.paths, relative)) apply_layer(entry.layer, result.settings);
  }
  if (config.include) {
    result.include = *config.include;
    result.included = any_matches(*config.include, relative);
  }
  if (config.exclude && any_matches(*config.exclude, relative)) result.excluded = true;
  result.rule_files.insert(result.rule_files.end(), config.rules.begin(), config.rules.end());
}

}  // namespace

ConfigResolver::ConfigResolver() = default;

Result<ConfigResolver> ConfigResolver::with_file(const fs::path& file) {
  ConfigResolver resolver;
  resolver.fixed_ = file;
  Result<const ConfigFile*> loaded = resolver.load_cached(file);
  if (!loaded.ok()) return loaded.error();
  return resolver;
}

Result<const ConfigFile*> ConfigResolver::load_cached(const fs::path& path) {
  const fs::path key = absolute_path(path);
  if (auto found = files_.find(key); found != files_.end()) return found->second.get();
  Result<ConfigFile> config = ConfigFile::load(path);
  if (!config.ok()) return config.error();
  auto stored = std::make_unique<ConfigFile>(std::move(config).value());
  const ConfigFile* pointer = stored.get();
  files_.emplace(key, std::move(stored));
  order_.push_back(pointer);
  return pointer;
}

Result<std::vector<const ConfigFile*>> ConfigResolver::chain_for(const fs::path& dir) {
  if (auto found = chains_.find(dir); found != chains_.end()) return found->second;
  std::vector<const ConfigFile*> chain;  // nearest first while walking up
  if (fixed_) {
    chain.push_back(load_cached(*fixed_).value());
  } else {
    for (fs::path folder = dir;; folder = folder.parent_path()) {
      std::error_code error;
      const fs::path candidate = folder / kConfigFileName;
      if (fs::is_regular_file(candidate, error)) {
        Result<const ConfigFile*> config = load_cached(candidate);
        if (!config.ok()) return config.error();
        chain.push_back(config.value());
        if (config.value()->root) break;
      }
      if (folder == folder.root_path() || folder.parent_path() == folder) break;
    }
  }
  std::reverse(chain.begin(), chain.end());
  chains_.emplace(dir, chain);
  return chain;
}

Result<FileConfig> ConfigResolver::resolve(const fs::path& file) {
  const fs::path path = absolute_path(file);
  Result<std::vector<const ConfigFile*>> chain = chain_for(path.parent_path());
  if (!chain.ok()) return chain.error();
  FileConfig result;
  result.chain = chain.value();
  result.included = any_matches(result.include, path.filename().generic_string());
  for (const ConfigFile* config : result.chain) apply_file(*config, path, result);
  return result;
}

std::vector<const ConfigFile*> ConfigResolver::loaded() const { return order_; }

namespace {

Error unknown(const ConfigFile& config, int line, std::string_view what) {
  return Error{ErrorKind::usage, config.path.string() + ":" + std::to_string(line),
               std::string(what)};
}

Status validate_layer(const ConfigFile& config, const ConfigLayer& layer,
                      const std::set<std::string, std::less<>>& ids,
                      const std::set<std::string, std::less<>>& contents) {
  for (const ConfigLevel& level : layer.checks) {
    if (ids.count(level.id) == 0) {
      return unknown(config, level.line,
                     "unknown check \"" + level.id + "\" (clause-scan check --list-checks)");
    }
  }
  if (!layer.required) return {};
  for (const std::string& name : *layer.required) {
    if (contents.count(name) == 0) {
      std::string known;
      for (const std::string& content : contents) known += (known.empty() ? "" : ", ") + content;
      return unknown(config, layer.required_line,
                     "unknown required content \"" + name + "\" (known: " + known + ")");
    }
  }
  return {};
}

}  // namespace

Status validate_configs(const std::vector<const ConfigFile*>& configs,
                        const std::vector<const RuleSet*>& rule_sets) {
  std::set<std::string, std::less<>> ids;
  for (const CheckInfo& check : check_catalog(rule_sets)) ids.insert(check.id);
  std::set<std::string, std::less<>> contents;
  for (const RuleSet* set : rule_sets) {
    for (const auto& rule : set->rules()) {
      std::string_view content = rule->attribute("content");
      if (rule->category == check_detail::kCheckCategory && !content.empty()) {
        contents.emplace(content);
      }
    }
  }
  for (const ConfigFile* config : configs) {
    Status status = validate_layer(*config, config->base, ids, contents);
    for (std::size_t i = 0; status.ok() && i < config->overrides.size(); ++i) {
      status = validate_layer(*config, config->overrides[i].layer, ids, contents);
    }
    if (!status.ok()) return status;
  }
  return {};
}

}  // namespace clause_scan
