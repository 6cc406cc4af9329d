// batch.h: extraction over an archive of contracts, one record per file, on all cores.
//
// `clause-scan batch` is built from four parts, each usable alone:
//
//   1. Inputs.  collect_inputs() walks folders (std::filesystem, sorted, recursive) and gives
//      the files to read, sorted by path. Defaults: *.txt and *.md (case-insensitive); globs
//      (fnmatch(3)) replace them. A pattern with '/' matches the path below the walked folder,
//      one without matches the file name. Symbolic links met while walking are skipped unless
//      SymlinkPolicy::follow; then every folder is entered once (by device and inode), which
//      survives link loops. A path named by the caller is always taken, whatever the globs,
//      and a link there is always followed. A folder that cannot be read (or a named path that
//      does not exist) is not dropped: it becomes an input whose `error` is set (kind io), so
//      it gets its error line in its sorted place and counts as a failed file.
//
//   2. Records.  RecordWriter turns a Summary or an Error into the bytes of one record:
//      JSON Lines (the summary document of summary-v1.md, or the error line of
//      check-and-batch-v1.md) or CSV (one row per file, RFC 4180, rows ending in CRLF).
//      ErrorKind::timeout and the kinds that do not concern one file are written as
//      "internal" (the spec's closed list); the reason says "timed out after 5 s".
//
//   3. The pool.  run_batch() analyses the inputs with `jobs` threads and writes their
//      records in input order while it goes: each worker takes the next input only while
//      it is less than `window` inputs ahead of the writer, and finished records wait in a
//      reorder buffer of at most `window` records. Memory is bounded by `jobs` files being
//      analysed plus `window` records, whatever the size of the archive, and the output
//      bytes do not depend on `jobs`.
//      Time limit: threads cannot be killed, so a watchdog (the thread that writes) gives up
//      on an input whose analysis passes its deadline: it writes the timeout error line in
//      its place at once, abandons that worker (its late result is dropped) and starts a
//      replacement, so the run goes on at full width. The abandoned thread finishes the
//      file in the background, holding only shared state; the analyzer may return early
//      (Deadline::expired() between its stages). At most `jobs` abandoned threads run at
//      once (2 x jobs with chunks); past that the pool narrows until one ends. A file close
//      to the limit may time out in one run and not in another: that is the only way output
//      can differ. Exceptions from the analyzer become "internal" error lines; one file
//      never costs another its record.
//      Chunks (BatchOptions::analyze_chunk): a worker may claim several consecutive small
//      inputs and analyse them together (summarize_all, faster over small contracts). The
//      chunk has one file's time limit; a chunk that runs over or throws is abandoned
//      without writing anything, and its inputs are claimed again one by one, first, each
//      with its own limit: only the slow file's record is a time-out.
//
//   4. The output file.  OutputFile writes `FILE.partial` in FILE's folder and renames it
//      to FILE on commit(), so an interrupted run never leaves a FILE that looks complete.
//      The partial is locked (flock) while a run writes it. Resume: the records already in
//      FILE.partial (or, when there is none, in a finished FILE) are read back, and the
//      longest run of them that matches the sorted inputs one for one is kept; a torn last
//      record and everything after the first mismatch are cut off and redone. For an
//      interrupted run over the same inputs this gives exactly the bytes of an uninterrupted
//      run.
//
// Failure: collect_inputs and run_batch do not fail (per-file trouble becomes records);
// OutputFile returns io errors ("cannot write out.jsonl.partial: no space left on device")
// and usage errors (a partial that is not an output of this format, a partial locked by
// another run).
// Thread-safety: collect_inputs, read_path_list and RecordWriter are safe from any thread.
// run_batch calls `analyze` from its worker threads at once (it must be thread-safe: the
// document analyzer shares one read-only Resources) and `progress` from the calling thread.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <istream>
#include <map>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "clause_scan/decode.h"
#include "clause_scan/error.h"
#include "clause_scan/extract.h"
#include "clause_scan/report.h"
#include "clause_scan/summary.h"

namespace clause_scan {

// ---------------------------------------------------------------------------------------
// 1. Inputs

enum class SymlinkPolicy { skip, follow };

struct InputOptions {
  // fnmatch(3) patterns; a file is taken when one matches. Default: empty, meaning *.txt
  // and *.md in any case (.TXT too).
  std::vector<std::string> globs;
  SymlinkPolicy symlinks = SymlinkPolicy::skip;
};

struct InputFile {
  std::string path;            // as written in the output: the folder as given / relative path
  std::uintmax_t size = 0;     // bytes (for progress and totals); 0 when unknown
  std::optional<Error> error;  // set when the path could not be listed or found (kind io)
};

// Walks `roots` (folders or files, as the user named them) and returns the inputs sorted by
// path (byte order), each path once.
std::vector<InputFile> collect_inputs(const std::vector<std::string>& roots,
                                      const InputOptions& options);

// Reads a list of paths, one per line (--files-from): LF or CRLF line ends, empty lines
// skipped, everything else kept as written (spaces, any UTF-8).
std::vector<std::string> read_path_list(std::istream& in);

// True when `name` (a file name) or `relative` (its path below the walked folder) matches
// one of `globs`, or, with no globs, when it ends in .txt or .md in any case.
bool matches_globs(const std::vector<std::string>& globs, std::string_view name,
                   std::string_view relative);

// ---------------------------------------------------------------------------------------
// 2. Records

inline constexpr const char* kErrorSchema = "clause-scan/error/v1";

enum class BatchFormat { jsonl, csv };
enum class ByteOrderMark { none, utf8 };  // utf8: Excel's cue that a CSV file is UTF-8

// The `kind` of an error line: "io", "binary", "encoding", "too-large", "empty" for those
// kinds, "internal" for every other one (timeout included).
std::string_view batch_error_kind(ErrorKind kind);

// RFC 4180: the field as is, or in double quotes (inner quotes doubled) when it holds a
// comma, a double quote, CR or LF.
std::string csv_field(std::string_view text);

// The amount the contract is about: the first amount labelled as the price (合同总价,
// 合同金额, 中标金额, 成交金额, 签约合同价, 借款金额 …), else the largest one not labelled
// as a penalty, deposit or interest (违约金, 保证金, 押金, 定金, 赔偿, 滞纳金, 利息 …), else
// the largest; nullptr when there is none.
const Amount* main_amount(const Summary& summary);

// The CSV columns, in order: file, encoding, title, contract_no, parties ("甲方:name;乙方:
// name"), main_amount, main_amount_label, currency, amounts_consistent ("true" when every
// amount written in capitals agrees with its figures, "false" when one does not, "" when
// none is), term_start, term_end (ISO date, or the words where the contract leaves the date
// open; from the first term-like period (…期限, 有效期, 租期), else the first period, else
// the start/end dates), installments ("70%;30%"; a fixed sum as "50000.00", "50000.00 USD" in
// another currency; "?" when neither), penalty_rates ("0.05%/day;30%"), findings_error,
// findings_warning, findings_info, error_kind, error.
const std::vector<std::string_view>& csv_columns();
// The cells of a summary's row, in the order of csv_columns().
std::vector<std::string> csv_cells(const Summary& summary);

class RecordWriter {
 public:
  // `lang`: the language of finding messages in JSON records (report.h message_in).
  explicit RecordWriter(BatchFormat format, ByteOrderMark bom = ByteOrderMark::none,
                        Lang lang = Lang::zh);

  BatchFormat format() const { return format_; }
  // What starts a new output: for CSV the BOM (when asked) and the header row; "" for JSONL.
  std::string header() const;
  // One record, ending in "\n" (JSON Lines) or "\r\n" (CSV).
  std::string record(const Summary& summary) const;
  // The error record of `file` (the input's path, whatever error.file says).
  std::string record(std::string_view file, const Error& error) const;

 private:
  BatchFormat format_;
  ByteOrderMark bom_;
  Lang lang_;
};

// ---------------------------------------------------------------------------------------
// 3. The pool

// When the analysis of one file is due. A default Deadline never expires.
class Deadline {
 public:
  Deadline() = default;
  explicit Deadline(std::chrono::steady_clock::time_point at) : at_(at) {}
  bool expired() const { return at_.has_value() && std::chrono::steady_clock::now() >= *at_; }

 private:
  std::optional<std::chrono::steady_clock::time_point> at_;
};

// Reads and analyses one file. Called from several threads at once.
using Analyzer = std::function<Result<Summary>(const std::string& path, const Deadline&)>;

// load_document + summarize with one shared Resources; returns a timeout error instead of
// going on when the deadline has passed between two stages.
Analyzer document_analyzer(std::shared_ptr<const Resources> resources, DecodeOptions options);

// Reads and analyses several files at once, one result per path, in their order (the same
// results as an Analyzer's, one by one). Called from several threads at once.
using ChunkAnalyzer = std::function<std::vector<Result<Summary>>(
    const std::vector<std::string>& paths, const Deadline&)>;

// load_document for each path, then summarize_all (extract.h): faster than one by one over
// many small files. Once the deadline has passed it returns time-out errors.
ChunkAnalyzer document_chunk_analyzer(std::shared_ptr<const Resources> resources,
                                      DecodeOptions options);

struct BatchOptions {
  // Worker threads. Default 0: one per core this process may run on (its CPU affinity).
  unsigned jobs = 0;
  // Per-file time limit; zero: none. Default: 10 s.
  std::chrono::milliseconds timeout{10000};
  // Inputs a worker may run ahead of the writer. Default 0: 4 x jobs (x chunk_files when
  // chunks are on).
  std::size_t window = 0;
  // When set, a worker claims consecutive inputs a chunk at a time, up to chunk_files of at
  // most chunk_bytes in all (an input that is larger alone goes to the Analyzer), and
  // analyses them together. A chunk has one file's time limit; when it runs over (or its
  // analysis throws), its files are analysed again one by one, each with its own limit, so
  // that one slow file costs no other file its record.
  ChunkAnalyzer analyze_chunk;
  std::size_t chunk_files = 16;
  std::uintmax_t chunk_bytes = std::uintmax_t{1} << 20;
};

struct BatchProgress {
  std::size_t files_done = 0;
  std::size_t files_total = 0;
  std::uintmax_t bytes_done = 0;
  std::uintmax_t bytes_total = 0;
  std::size_t errors = 0;
  std::chrono::steady_clock::duration elapsed{};
};

struct BatchStats {
  std::size_t files = 0;     // records written
  std::uintmax_t bytes = 0;  // input bytes of those files
  // Failed files by kind: the batch kinds ("io", …, "internal"), except that time-outs are
  // counted as "timeout" here (their lines say "internal").
  std::map<std::string, std::size_t> errors;
  std::size_t abandoned_threads = 0;  // still running when run_batch returned
  std::chrono::steady_clock::duration elapsed{};

  std::size_t failed() const;
};

using ProgressCallback = std::function<void(const BatchProgress&)>;

// Analyses `inputs` (in that order) and writes one record each to `out`, in order, as soon
// as the records before it are written. `progress` (optional) is called after each record.
// Inputs with `error` set are not analysed: their error record is written. Returns when the
// last record is written; threads abandoned after a time-out may still be running (see
// BatchStats::abandoned_threads: a process should then end with std::_Exit after flushing).
BatchStats run_batch(const std::vector<InputFile>& inputs, const Analyzer& analyze,
                     const RecordWriter& writer, std::ostream& out, const BatchOptions& options,
                     const ProgressCallback& progress = {});

// "timed out after 5 s", "timed out after 0.25 s".
std::string timeout_reason(std::chrono::milliseconds timeout);

// ---------------------------------------------------------------------------------------
// 4. The output file

enum class OutputMode { fresh, resume };

// What a resumed output already holds.
struct ResumePoint {
  std::size_t kept = 0;                            // inputs [0, kept) have their record in the file
  std::uintmax_t kept_bytes = 0;                   // input bytes of those files
  std::map<std::string, std::size_t> kept_errors;  // their error lines by batch kind
};

// Reads the records of an earlier output of `writer`'s format from `existing` and matches
// them one for one against `inputs` (sorted); returns where the run must go on and the
// offset in `existing` where the kept records end (after the header). A record that does
// not parse or does not end in its line end stops the match. A CSV header that differs
// from writer.header(), or a first JSON line that is not a batch record, is a usage error.
struct ResumeScan {
  ResumePoint point;
  std::uintmax_t keep_offset = 0;  // bytes of `existing` to keep
};
Result<ResumeScan> scan_existing_output(std::istream& existing, const RecordWriter& writer,
                                        const std::vector<InputFile>& inputs);

class OutputFile {
 public:
  // Opens FILE.partial (locked). fresh: empty, starting with writer.header(). resume: the
  // kept records of FILE.partial, or of FILE when no partial exists; a fresh start when
  // neither does.
  static Result<std::unique_ptr<OutputFile>> open(const std::filesystem::path& file,
                                                  OutputMode mode, const RecordWriter& writer,
                                                  const std::vector<InputFile>& inputs);
  ~OutputFile();
  OutputFile(const OutputFile&) = delete;
  OutputFile& operator=(const OutputFile&) = delete;

  std::ostream& stream();
  const ResumePoint& resumed() const { return resumed_; }
  const std::filesystem::path& partial_path() const { return partial_; }
  // Makes what is written so far durable enough for a later --resume (flushes the stream).
  void flush();
  // Flushes, closes and renames FILE.partial to FILE.
  Status commit();

 private:
  OutputFile() = default;
  std::filesystem::path file_;
  std::filesystem::path partial_;
  struct Stream;
  std::unique_ptr<Stream> stream_;
  int lock_fd_ = -1;
  ResumePoint resumed_;
};

// FILE.partial: where a run writes until it commits.
std::filesystem::path partial_path(const std::filesystem::path& file);

}  // namespace clause_scan
