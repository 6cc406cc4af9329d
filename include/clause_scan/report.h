// report.h: stage 7 of the pipeline, writing summaries and outlines for people and programs.
//
// Every writer takes an std::ostream and writes one complete document; the library never
// prints on its own. JSON follows ../shared/spec/summary-v1.md key for key (nlohmann's
// ordered_json keeps the spec's order; money and rates are strings, never floats). Text,
// Markdown and HTML are for readers: Chinese by default (当事人, 合同金额, 付款安排, 违约责任,
// 发现的问题), English with Lang::en; JSON keys stay English whatever the language, and the
// message of a finding follows the language in every format.
//
// Failure: none; a stream in a failed state is the caller's to check.
// Thread-safety: all writers are pure functions of their arguments.
#pragma once

#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "clause_scan/outline.h"
#include "clause_scan/segment.h"
#include "clause_scan/summary.h"

namespace clause_scan {

enum class Lang { zh, en };
enum class Color { never, always };  // the CLI resolves "auto" (a terminal, NO_COLOR)

struct TextStyle {
  Lang lang = Lang::zh;
  Color color = Color::never;
};

using Json = nlohmann::ordered_json;

// The summary document of summary-v1.md; findings' `message` in `lang`.
Json summary_to_json(const Summary& summary, Lang lang = Lang::zh);
// Outline clauses in the spec's Clause shape { number, heading, line, children } plus
// "style" (outline.h NumberStyle) as an added field.
Json clauses_to_json(const std::vector<Clause>& clauses);
// Money, percent and date fields as the spec writes them (null when empty).
Json money_json(const std::optional<Decimal>& value);
Json percent_json(const std::optional<Decimal>& value);
Json date_json(const std::optional<Date>& value);
// A finding { rule, severity, message (in `lang`), clause, line, column }: the summary's
// and the check document's shape.
Json finding_json(const Finding& finding, Lang lang);

// Pretty JSON (two-space indent, UTF-8 unescaped) followed by a newline.
void write_json(std::ostream& out, const Json& json);
// One line of JSON followed by a newline (JSON Lines).
void write_json_line(std::ostream& out, const Json& json);

// Writes a pretty JSON array one element at a time, byte for byte what write_json gives for
// the whole array, so that the summaries of many files are never all held at once. Nothing
// is written when no element is added.
class JsonArrayWriter {
 public:
  explicit JsonArrayWriter(std::ostream& out) : out_(out) {}
  void add(const Json& element);
  void finish();  // closes the array, if one was opened

 private:
  std::ostream& out_;
  bool opened_ = false;
};

// A compact, scannable summary grouped by field; each item ends with "§clause Lline".
void write_summary_text(std::ostream& out, const Summary& summary, const TextStyle& style);
// The same as Markdown, for pasting into a memo.
void write_summary_markdown(std::ostream& out, const Summary& summary, Lang lang);

// The outline as an indented tree: "一、定义  L42", children indented by two spaces.
void write_outline_text(std::ostream& out, const std::vector<Clause>& clauses,
                        const TextStyle& style);

// The words of each line of `text`, separated by " | ", for rule authors (`segment`).
// `words` are the segmenter's output for `text`.
void write_words_text(std::ostream& out, std::string_view text, const std::vector<Word>& words);

// Labels shared by the writers: label("parties", Lang::zh) -> "当事人".
std::string_view label(std::string_view key, Lang lang);

// A finding's message in `lang`: message_en for Lang::en (message when it has none).
const std::string& message_in(const Finding& finding, Lang lang);

}  // namespace clause_scan
