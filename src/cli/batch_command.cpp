// clause-scan batch PATH...: one JSON line or CSV row per contract of an archive, on all
// cores (include/clause_scan/batch.h has the design; this file wires it to the terminal).
#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "clause_scan/batch.h"
#include "cli/commands.h"
#include "cli/exit_status.h"
#include "cli/session.h"

namespace clause_scan::cli {
namespace {

using Clock = std::chrono::steady_clock;

double seconds_of(Clock::duration duration) {
  return std::chrono::duration<double>(duration).count();
}

double megabytes(std::uintmax_t bytes) { return static_cast<double>(bytes) / 1e6; }

std::string format_label(std::string_view key, Lang lang, fmt::format_args args) {
  return fmt::vformat(label(key, lang), args);
}

// The progress line on a terminal: redrawn at most five times a second, erased at the end.
class ProgressLine {
 public:
  explicit ProgressLine(Lang lang) : lang_(lang) {}

  void update(const BatchProgress& progress) {
    const Clock::time_point now = Clock::now();
    if (now - last_draw_ < std::chrono::milliseconds(200) &&
        progress.files_done < progress.files_total) {
      return;
    }
    last_draw_ = now;
    const double elapsed = std::max(seconds_of(progress.elapsed), 1e-3);
    const double rate = megabytes(progress.bytes_done) / elapsed;
    const double left = rate > 0 ? megabytes(progress.bytes_total - progress.bytes_done) / rate : 0;
    const int eta = static_cast<int>(left + 0.5);
    std::cerr << '\r'
              << format_label("batch_progress", lang_,
                              fmt::make_format_args(
                                  fmt::arg("done", progress.files_done),
                                  fmt::arg("total", progress.files_total), fmt::arg("mbps", rate),
                                  fmt::arg("errors", progress.errors),
                                  fmt::arg("eta", fmt::format("{}:{:02}", eta / 60, eta % 60))))
              << "\x1b[K" << std::flush;
    drawn_ = true;
  }

  void erase() {
    if (drawn_) std::cerr << "\r\x1b[K" << std::flush;
  }

 private:
  Lang lang_;
  Clock::time_point last_draw_{};
  bool drawn_ = false;
};

// Keeps FILE.partial close to what is done, for --resume after a kill.
class PeriodicFlush {
 public:
  explicit PeriodicFlush(OutputFile* output) : output_(output) {}
  void tick() {
    if (output_ == nullptr || Clock::now() - last_ < std::chrono::seconds(1)) return;
    output_->flush();
    last_ = Clock::now();
  }

 private:
  OutputFile* output_;
  Clock::time_point last_ = Clock::now();
};

std::string kinds_text(const std::map<std::string, std::size_t>& errors) {
  std::string text;
  for (const auto& [kind, count] : errors) {
    text += (text.empty() ? "" : ", ") + kind + " " + std::to_string(count);
  }
  return text;
}

void print_summary(const BatchStats& stats, const ResumePoint& resumed,
                   const std::optional<std::string>& partial, Clock::duration elapsed, Lang lang) {
  const double seconds = std::max(seconds_of(elapsed), 1e-3);
  std::string line = format_label(
      "batch_summary", lang,
      fmt::make_format_args(fmt::arg("files", stats.files), fmt::arg("mb", megabytes(stats.bytes)),
                            fmt::arg("seconds", seconds),
                            fmt::arg("mbps", megabytes(stats.bytes) / seconds),
                            fmt::arg("rate", static_cast<double>(stats.files) / seconds),
                            fmt::arg("failed", stats.failed())));
  if (!stats.errors.empty()) line += " (" + kinds_text(stats.errors) + ")";
  if (partial && resumed.kept > 0) {
    std::size_t kept_failed = 0;
    for (const auto& [kind, count] : resumed.kept_errors) kept_failed += count;
    line += format_label(
        "batch_kept", lang,
        fmt::make_format_args(fmt::arg("kept", resumed.kept), fmt::arg("file", *partial),
                              fmt::arg("failed", kept_failed)));
  }
  std::cerr << "clause-scan batch: " << line << '\n';
}

Result<std::vector<std::string>> gather_roots(const BatchCommandOptions& options) {
  std::vector<std::string> roots = options.paths;
  if (options.files_from.empty()) return roots;
  std::vector<std::string> listed;
  if (options.files_from == "-") {
    listed = read_path_list(std::cin);
  } else {
    std::ifstream list(options.files_from, std::ios::binary);
    if (!list) return Error{ErrorKind::io, options.files_from, "cannot read the list of files"};
    listed = read_path_list(list);
  }
  roots.insert(roots.end(), listed.begin(), listed.end());
  return roots;
}

Status check_batch_options(const BatchCommandOptions& options) {
  if (options.paths.empty() && options.files_from.empty()) {
    return Error{ErrorKind::usage, "", "no input: name folders or files, or use --files-from"};
  }
  if (options.resume && options.output.empty()) {
    return Error{ErrorKind::usage, "", "--resume needs -o FILE"};
  }
  if (options.excel && options.common.format != "csv") {
    return Error{ErrorKind::usage, "", "--excel needs --format csv"};
  }
  if (options.timeout_seconds < 0) {
    return Error{ErrorKind::usage, "", "--timeout must be 0 (no limit) or more seconds"};
  }
  return check_options(options.common);
}

BatchOptions pool_options(const BatchCommandOptions& options) {
  BatchOptions pool;
  pool.jobs = options.jobs;
  pool.timeout =
      std::chrono::milliseconds(static_cast<long long>(options.timeout_seconds * 1000.0 + 0.5));
  return pool;
}

// -o FILE: opens FILE.partial (resumed when asked) and drops the inputs it already holds.
Result<std::unique_ptr<OutputFile>> open_output(const BatchCommandOptions& options,
                                                const RecordWriter& writer,
                                                std::vector<InputFile>& inputs) {
  auto opened = OutputFile::open(
      options.output, options.resume ? OutputMode::resume : OutputMode::fresh, writer, inputs);
  if (!opened.ok()) return opened.error();
  const auto kept = static_cast<std::ptrdiff_t>(opened.value()->resumed().kept);
  inputs.erase(inputs.begin(), inputs.begin() + kept);
  return opened;
}

// Completes the output (renames FILE.partial, or flushes stdout) and gives the exit status:
// 1 when a file failed, in this run or in the records kept by --resume.
int complete_output(const BatchStats& stats, OutputFile* output) {
  int status = stats.failed() > 0 ? kExitFindings : kExitOk;
  if (output == nullptr) {
    if (!std::cout.flush()) {
      return report_error(Error{ErrorKind::io, "", "cannot write the standard output"});
    }
    return status;
  }
  if (!output->resumed().kept_errors.empty()) status = kExitFindings;
  if (Status committed = output->commit(); !committed.ok()) return report_error(committed.error());
  return status;
}

// The exit status, after flushing; with analyses abandoned after a time-out still running,
// the process ends at once rather than let them race the static destructors.
int finish(int status, std::size_t abandoned_threads) {
  std::cout.flush();
  std::cerr.flush();
  if (abandoned_threads > 0) std::_Exit(status);
  return status;
}

}  // namespace

int run_batch_command(const BatchCommandOptions& options) {
  const Clock::time_point start = Clock::now();
  if (Status valid = check_batch_options(options); !valid.ok()) return report_error(valid.error());
  Result<const Resources*> loaded = load_resources(options.common);
  if (!loaded.ok()) return report_error(loaded.error());
  // The analyzers share the resources with threads that may outlive this function (a file
  // past its deadline); load_resources keeps them until the process ends, so nothing to free.
  std::shared_ptr<const Resources> resources(loaded.value(), [](const Resources*) {});
  Result<std::vector<std::string>> roots = gather_roots(options);
  if (!roots.ok()) return report_error(roots.error());

  InputOptions input_options{options.globs,
                             options.follow_symlinks ? SymlinkPolicy::follow : SymlinkPolicy::skip};
  std::vector<InputFile> inputs = collect_inputs(roots.value(), input_options);
  const RecordWriter writer(options.common.format == "csv" ? BatchFormat::csv : BatchFormat::jsonl,
                            options.excel ? ByteOrderMark::utf8 : ByteOrderMark::none,
                            resolve_lang(options.common.lang));

  std::unique_ptr<OutputFile> output;
  if (!options.output.empty()) {
    auto opened = open_output(options, writer, inputs);
    if (!opened.ok()) return report_error(opened.error());
    output = std::move(opened).value();
  } else {
    std::cout << writer.header();
  }

  const Lang lang = resolve_lang(options.common.lang);
  const bool show_progress = !options.quiet && isatty(STDERR_FILENO);
  ProgressLine progress_line(lang);
  PeriodicFlush periodic_flush(output.get());
  auto on_progress = [&](const BatchProgress& progress) {
    if (show_progress) progress_line.update(progress);
    periodic_flush.tick();
  };
  std::ostream& out = output ? output->stream() : std::cout;
  BatchOptions pool = pool_options(options);
  pool.analyze_chunk = document_chunk_analyzer(resources, decode_options(options.common));
  const BatchStats stats =
      run_batch(inputs, document_analyzer(resources, decode_options(options.common)), writer, out,
                pool, on_progress);
  if (show_progress) progress_line.erase();

  const int status = complete_output(stats, output.get());
  if (!options.quiet) {
    const ResumePoint resumed = output ? output->resumed() : ResumePoint{};
    std::optional<std::string> partial;
    if (output) partial = output->partial_path().string();
    print_summary(stats, resumed, partial, Clock::now() - start, lang);
  }
  return finish(status, stats.abandoned_threads);
}

}  // namespace clause_scan::cli
