// Party values as the contract writes them: the original words, without the blanks and the
// punctuation around them; nothing when the template was left unfilled.
#include <re2/re2.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <string>
#include <string_view>

#include "extract/parties.h"
#include "util/text.h"

namespace clause_scan::extract::parties {
namespace {

// Around a value: spaces, the blank it was written on, brackets of a blank "（　　）".
constexpr std::array<std::string_view, 7> kPadding = {" ",      "\t",     "\u3000", "_",
                                                      "\uFF3F", "\u2014", "-"};
// After a value: the punctuation that ends the phrase.
constexpr std::array<std::string_view, 14> kTrailing = {",",      "\uFF0C", ";", "\uFF1B", ":",
                                                        "\uFF1A", "\u3002", ".", "\uFF0E", "\u3001",
                                                        "!",      "\uFF01", "|", "\u2502"};
// Before a value: a colon the label left over.
constexpr std::array<std::string_view, 2> kLeading = {":", "\uFF1A"};

template <std::size_t N>
bool strip_suffix(std::string_view& text, const std::array<std::string_view, N>& tokens) {
  for (std::string_view token : tokens) {
    if (util::ends_with(text, token)) {
      text.remove_suffix(token.size());
      return true;
    }
  }
  return false;
}

template <std::size_t N>
bool strip_prefix(std::string_view& text, const std::array<std::string_view, N>& tokens) {
  for (std::string_view token : tokens) {
    if (util::starts_with(text, token)) {
      text.remove_prefix(token.size());
      return true;
    }
  }
  return false;
}

std::string_view strip(std::string_view text) {
  while (strip_prefix(text, kPadding) || strip_prefix(text, kLeading)) {
  }
  while (strip_suffix(text, kPadding) || strip_suffix(text, kTrailing)) {
  }
  return text;
}

bool contains(std::string_view text, std::string_view part) {
  return text.find(part) != std::string_view::npos;
}

// A template left unfilled where a value should be. `written` is the value with its blanks,
// `normalized` without them.
bool is_placeholder(std::string_view written, std::string_view normalized) {
  if (contains(normalized, "__")) return true;  // ＿＿县＿＿乡
  // ＿＿市供电局: a blank to fill in before the words (a value written on a blank line has
  // the blank on both sides: __云川公司__).
  if (util::starts_with(written, "__") && !util::ends_with(written, "_")) return true;
  if (contains(normalized, "{{") || contains(normalized, "${")) return true;  // {{r x}}, ${x!}
  // Only blanks and dashes left: "/", "——", "……".
  return normalized.find_first_not_of("/-. ") == std::string_view::npos || normalized == "\u2026" ||
         normalized == "\u2026\u2026";
}

// The registration code at the start of `value` when it is one (15 or 18 letters and digits,
// then nothing or something else: 91330110MA2HYAEK1T(1/1)); else `value` as it is.
std::string leading_code(const std::string& value) {
  std::size_t length = 0;
  while (length < value.size() && std::isalnum(static_cast<unsigned char>(value[length]))) {
    ++length;
  }
  bool is_code = length == 18 || length == 15;
  return is_code ? value.substr(0, length) : value;
}

}  // namespace

std::vector<const re2::RE2*> patterns_of(const RuleSet& rules, std::string_view category) {
  std::vector<const re2::RE2*> patterns;
  for (const auto& rule : rules.rules()) {
    if (rule->category != category) continue;
    for (const auto& pattern : rule->patterns) patterns.push_back(&pattern->regex());
  }
  return patterns;
}

bool matches_whole(const std::vector<const re2::RE2*>& patterns, const std::string& text) {
  return std::any_of(patterns.begin(), patterns.end(),
                     [&](const re2::RE2* pattern) { return RE2::FullMatch(text, *pattern); });
}

ValueReader::ValueReader(const Context& context)
    : context_(context), blank_words_(patterns_of(context.resources().rules, "party_blank")) {}

std::optional<std::string> ValueReader::read(Span span, ValueForm form) const {
  if (span.end <= span.begin) return std::nullopt;
  const SourceText& source = context_.document().source;
  std::string_view written = util::trim(source.original_span(span.begin, span.end));
  std::string_view original = strip(written);
  if (original.empty()) return std::nullopt;
  std::string normalized = normalize(original);
  if (is_placeholder(normalize(written), normalized)) return std::nullopt;
  // The blank words are written as whole values or as their beginning (见…).
  for (const re2::RE2* pattern : blank_words_) {
    if (RE2::PartialMatch(normalized, *pattern)) return std::nullopt;
  }
  if (form == ValueForm::code) return leading_code(normalized);
  return form == ValueForm::normalized ? normalized : std::string(original);
}

}  // namespace clause_scan::extract::parties
