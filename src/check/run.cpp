// run.cpp: a check run: walk the paths, resolve each file's configuration, load the extra
// rule files, check the files on several threads, then look for rules that never matched.
#include <algorithm>
#include <cstdint>
#include <map>

#include "check/internal.h"
#include "check/run_internal.h"
#include "util/cores.h"

namespace clause_scan {
namespace check_detail {
namespace {

namespace fs = std::filesystem;

Status add_file(const fs::path& path, std::string display, Walk walk, ConfigResolver& resolver,
                std::vector<Job>& jobs) {
  Result<FileConfig> config = resolver.resolve(path);
  if (!config.ok()) return config.error();
  if (config->excluded || (walk == Walk::folder && !config->included)) return {};
  jobs.push_back(Job{std::move(display), path, std::move(config).value(), {}});
  return {};
}

bool hidden(const fs::path& path) {
  const std::string name = path.filename().string();
  return !name.empty() && name[0] == '.' && name != "." && name != "..";
}

Status walk_folder(const std::string& arg, ConfigResolver& resolver, std::vector<Job>& jobs,
                   std::vector<Error>& errors) {
  std::error_code error;
  fs::recursive_directory_iterator it(arg, fs::directory_options::skip_permission_denied, error);
  for (; !error && it != fs::recursive_directory_iterator(); it.increment(error)) {
    if (hidden(it->path())) {
      if (it->is_directory(error)) it.disable_recursion_pending();
      continue;
    }
    if (!it->is_regular_file(error)) continue;
    std::string display = it->path().lexically_normal().generic_string();
    Status added = add_file(it->path(), std::move(display), Walk::folder, resolver, jobs);
    if (!added.ok()) return added;
  }
  if (error) errors.push_back(Error{ErrorKind::io, arg, error.message()});
  return {};
}

}  // namespace

Status collect_jobs(const std::vector<std::string>& paths, ConfigResolver& resolver,
                    std::vector<Job>& jobs, std::vector<Error>& errors) {
  for (const std::string& arg : paths) {
    std::error_code error;
    fs::file_status status = fs::status(arg, error);
    Status added;
    if (!fs::exists(status)) {
      errors.push_back(Error{ErrorKind::io, arg, "no such file or folder"});
    } else if (fs::is_directory(status)) {
      added = walk_folder(arg, resolver, jobs, errors);
    } else {
      added = add_file(arg, arg, Walk::named, resolver, jobs);
    }
    if (!added.ok()) return added;
  }
  std::stable_sort(jobs.begin(), jobs.end(),
                   [](const Job& a, const Job& b) { return a.display < b.display; });
  // The same file named twice (a folder and a file in it) is checked once.
  std::set<fs::path> seen;
  std::erase_if(jobs, [&](const Job& job) {
    std::error_code ignored;
    return !seen.insert(fs::absolute(job.path, ignored).lexically_normal()).second;
  });
  return {};
}

namespace {

// A thread checks a chunk of consecutive files at a time, summarized together (summarize_all
// is faster over many small contracts than one by one): up to kChunkFiles files, fewer when
// there are not enough files for four chunks per thread (so that the threads end together),
// and no more than kChunkBytes on disk unless one file alone is larger.
constexpr std::size_t kChunkFiles = 16;
constexpr std::uintmax_t kChunkBytes = 1 << 20;

// Where each chunk begins, in order, and jobs.size() last.
std::vector<std::size_t> chunk_starts(const std::vector<Job>& jobs, unsigned threads) {
  const std::size_t chunks_wanted = std::size_t{threads} * 4;
  const std::size_t most_files =
      std::clamp<std::size_t>((jobs.size() + chunks_wanted - 1) / chunks_wanted, 1, kChunkFiles);
  std::vector<std::size_t> starts;
  std::uintmax_t bytes = 0;
  for (std::size_t i = 0; i < jobs.size(); ++i) {
    std::error_code unknown;  // a file that cannot be sized fails to load, in its chunk
    const std::uintmax_t size = fs::file_size(jobs[i].path, unknown);
    const bool full = !starts.empty() && (i - starts.back() == most_files || bytes >= kChunkBytes);
    if (starts.empty() || full) {
      starts.push_back(i);
      bytes = 0;
    }
    if (!unknown) bytes += size;
  }
  starts.push_back(jobs.size());
  return starts;
}

// Checks jobs[first, last): results[i] gets job i's check, or the error of reading it.
void check_chunk(const std::vector<Job>& jobs, std::size_t first, std::size_t last,
                 const Resources& resources, const DecodeOptions& decode,
                 std::vector<JobResult>& results) {
  std::vector<std::string> paths;
  for (std::size_t i = first; i < last; ++i) paths.push_back(jobs[i].display);
  const LoadedDocuments loaded = load_documents(paths, decode);
  const std::vector<Summary> summaries = summarize_all(loaded.documents, resources);
  std::size_t next = 0;  // the next of the documents that loaded
  for (std::size_t i = first; i < last; ++i) {
    if (const std::optional<Error>& error = loaded.errors[i - first]) {
      results[i].error = *error;
      continue;
    }
    const Job& job = jobs[i];
    results[i].check =
        check_document(loaded.documents[next], summaries[next], job.config.settings, job.rule_sets);
    ++next;
  }
}

}  // namespace

void run_jobs(std::vector<Job>& jobs, const Resources& resources, const DecodeOptions& decode,
              unsigned threads, std::vector<JobResult>& results) {
  results.assign(jobs.size(), JobResult{});
  if (threads == 0) threads = util::available_cores();
  const std::vector<std::size_t> starts = chunk_starts(jobs, threads);
  util::for_each_index(starts.size() - 1, threads, [&](std::size_t chunk) {
    check_chunk(jobs, starts[chunk], starts[chunk + 1], resources, decode, results);
  });
}

}  // namespace check_detail

Result<CheckReport> run_check(const RunOptions& options, const Resources& resources) {
  using namespace check_detail;
  ConfigResolver resolver;
  if (!options.config.empty()) {
    Result<ConfigResolver> fixed = ConfigResolver::with_file(options.config);
    if (!fixed.ok()) return fixed.error();
    resolver = std::move(fixed).value();
  }
  CheckReport report;
  std::vector<Job> jobs;
  Status collected = collect_jobs(options.paths, resolver, jobs, report.errors);
  if (!collected.ok()) return collected.error();

  ExtraRules extra(resources.rules);
  Status loaded = extra.attach(options.check_rules, jobs);
  if (!loaded.ok()) return loaded.error();
  Status valid = validate_configs(resolver.loaded(), extra.all_sets());
  if (!valid.ok()) return valid.error();

  std::vector<JobResult> results;
  run_jobs(jobs, resources, options.decode, options.jobs, results);
  assemble_report(jobs, results, extra, options.unused_rules, report);
  return report;
}

}  // namespace clause_scan
