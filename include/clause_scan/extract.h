// extract.h: stage 6 of the pipeline, from a document to its summary.
//
// A Document is one input file carried through decode -> normalize -> outline. summarize()
// scans it once with the rule set (rules.h) and assembles the typed fields of summary.h:
// title and contract number, parties with their details, amounts with their capitals,
// dates with roles, periods, durations, payment installments and penalties; then it
// cross-checks them (figures against capitals, installments summing to 100%, penalty bases
// the contract never defines, a penalty figure outside the range written beside it) and
// records what disagrees as Findings. summarize_all() does the same for several documents
// at once, faster over many small ones.
//
// The rules carry the patterns; this stage carries the parsing of what they capture
// (numbers.h, calendar.h) and the assembly. A new way of writing a penalty is a rule-file
// change, not a code change (docs/rules.md lists the categories and capture names read here).
//
// Resources (rules, terms, calendar) are loaded once per run and shared read-only.
//
// Failure: load_document fails as read_and_decode does (io, binary, encoding, too_large,
// empty); Resources::load fails with ErrorKind::rule or io. summarize() and summarize_all()
// do not fail: what they cannot read they leave out.
// Thread-safety: Resources and Document are immutable once built; summarize() and
// summarize_all() may run on many documents in parallel with one shared Resources.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "clause_scan/calendar.h"
#include "clause_scan/decode.h"
#include "clause_scan/normalize.h"
#include "clause_scan/outline.h"
#include "clause_scan/rules.h"
#include "clause_scan/segment.h"
#include "clause_scan/summary.h"

namespace clause_scan {

struct Resources {
  RuleSet rules;
  TermList terms;
  WorkCalendar calendar;
  std::filesystem::path dir;  // where they were loaded from

  // Loads rules_dir/*.toml, rules_dir/terms.txt and rules_dir/calendar-cn.txt; `compile`
  // says when the patterns compile (rules.h).
  static Result<Resources> load(const std::filesystem::path& rules_dir,
                                Compile compile = Compile::when_loaded);
};

struct Document {
  std::string file;      // the path as the user gave it
  std::string encoding;  // as decode.h names it
  SourceText source;
  Outline outline;
};

// Builds a document from decoded text (normalizes and outlines it).
Document make_document(std::string file, DecodedText decoded);

// Reads, decodes, normalizes and outlines a file.
Result<Document> load_document(const std::filesystem::path& path, const DecodeOptions& options);

// load_document for several files, for summarize_all: the documents that load, in order, and
// for each path the error of one that does not (nullopt where it loaded).
struct LoadedDocuments {
  std::vector<Document> documents;
  std::vector<std::optional<Error>> errors;  // one per path
};
LoadedDocuments load_documents(const std::vector<std::string>& paths, const DecodeOptions& options);

// How summarize() may use threads. The whole-document rule scans of one document (one per
// group of rule categories, extract/context.cpp) are independent of each other; with
// scan_threads > 1 they run at once on up to that many threads, the calling one included,
// which shortens the wall time of one contract on a machine with idle cores. The summary is
// the same whatever the number. Batch runs keep 1: they summarize documents in parallel.
struct SummarizeOptions {
  int scan_threads = 1;
};

Summary summarize(const Document& document, const Resources& resources,
                  const SummarizeOptions& options = {});

// The summaries of several documents, in their order: what summarize() gives for each, in
// less time over many small documents, since the rule scans run group by group over all of
// them (extract/context.h, scan_whole_documents). The caller bounds how many it passes at
// once: their texts and matches are held together.
std::vector<Summary> summarize_all(const std::vector<Document>& documents,
                                   const Resources& resources,
                                   const SummarizeOptions& options = {});

}  // namespace clause_scan
