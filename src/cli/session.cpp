#include "cli/session.h"

#include <unistd.h>

#include <cstdlib>
#include <cstring>
#include <deque>

namespace clause_scan::cli {

Color resolve_color(const std::string& mode) {
  if (mode == "always") return Color::always;
  if (mode == "never") return Color::never;
  const char* no_color = std::getenv("NO_COLOR");
  if (no_color != nullptr && no_color[0] != '\0') return Color::never;
  const char* term = std::getenv("TERM");
  if (term != nullptr && std::strcmp(term, "dumb") == 0) return Color::never;
  return isatty(STDOUT_FILENO) ? Color::always : Color::never;
}

Lang resolve_lang(const std::string& lang) { return lang == "en" ? Lang::en : Lang::zh; }

TextStyle text_style(const CommonOptions& options) {
  return TextStyle{resolve_lang(options.lang), resolve_color(options.color)};
}

DecodeOptions decode_options(const CommonOptions& options) {
  DecodeOptions decode;
  decode.encoding = options.encoding;
  decode.max_size = options.max_size;
  return decode;
}

Status check_options(const CommonOptions& options) {
  if (options.encoding.empty()) return {};
  // Decoding one byte asks ICU for the converter: the same check every file would make.
  Result<DecodedText> probe = decode("a", decode_options(options), "");
  if (!probe.ok() && probe.error().kind == ErrorKind::usage) return probe.error();
  return {};
}

Result<const Resources*> load_resources(const CommonOptions& options) {
  Result<std::filesystem::path> dir = find_rules_dir(options.rules_dir);
  if (!dir.ok()) return dir.error();
  // The bundled rules are compiled whole by the test suite, so each pattern may wait until a
  // document needs it; a folder the user names is compiled whole now, so that any pattern RE2
  // cannot compile is an error before the first file is read.
  Compile compile = options.rules_dir.empty() ? Compile::on_first_use : Compile::when_loaded;
  Result<Resources> loaded = Resources::load(dir.value(), compile);
  if (!loaded.ok()) return loaded.error();
  // Reachable from a static until exit (so not a leak to LeakSanitizer), never destroyed.
  static auto* const kept = new std::deque<Resources>();
  kept->push_back(std::move(loaded).value());
  return &kept->back();
}

}  // namespace clause_scan::cli
