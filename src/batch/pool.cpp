// The worker pool of batch: workers claim inputs a bounded window ahead of the writer, one
// at a time or a chunk of small ones at a time (BatchOptions::analyze_chunk), the writer
// writes records in input order from a reorder buffer and, between records, acts as the
// watchdog that gives up on an analysis past its deadline (batch.h, part 3). A chunk that
// runs over is not written as time-outs: its inputs go back to be claimed one by one.
#include <algorithm>
#include <condition_variable>
#include <deque>
#include <exception>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <system_error>
#include <thread>
#include <utility>
#include <vector>

#include "clause_scan/batch.h"
#include "util/cores.h"

namespace clause_scan {
namespace {

using Clock = std::chrono::steady_clock;

// A written-out record and what the statistics need to know of it.
struct Record {
  std::string bytes;
  std::optional<std::string> failure;  // the stats key: a batch kind, or "timeout"
  std::uintmax_t input_bytes = 0;
};

// One worker's claim on an input, or on a chunk of inputs. Guarded by Shared::mutex.
struct Slot {
  bool busy = false;
  bool abandoned = false;            // the watchdog gave up: the worker drops its result and ends
  std::vector<std::size_t> indices;  // consecutive inputs, in order
  Clock::time_point deadline = Clock::time_point::max();
};

// What the workers share with the writer. Threads abandoned after a time-out hold it alive
// after run_batch returns, so it owns copies of everything they might touch.
struct Shared {
  Shared(Analyzer analyzer, RecordWriter record_writer, const BatchOptions& options)
      : analyze(std::move(analyzer)),
        writer(record_writer),
        timeout(options.timeout),
        analyze_chunk(options.analyze_chunk),
        chunk_files(std::max<std::size_t>(options.chunk_files, 1)),
        chunk_bytes(options.chunk_bytes) {}

  const Analyzer analyze;
  const RecordWriter writer;
  const std::chrono::milliseconds timeout;
  const ChunkAnalyzer analyze_chunk;  // empty: inputs are claimed one at a time
  const std::size_t chunk_files;
  const std::uintmax_t chunk_bytes;

  std::mutex mutex;
  std::condition_variable work_ready;              // an input may be claimed, or the run is over
  std::condition_variable results_ready;           // a record is finished, or a thread ended
  const std::vector<InputFile>* inputs = nullptr;  // read only while !stopped
  std::size_t window = 1;
  std::size_t next = 0;           // the next input to claim
  std::deque<std::size_t> retry;  // inputs of a chunk that ran over, claimed one at a time first
  std::size_t written = 0;        // records written so far
  bool stopped = false;
  std::map<std::size_t, Record> finished;  // the reorder buffer, at most `window` records
  std::size_t abandoned_running = 0;
};

std::string one_line(std::string text) {
  std::replace_if(
      text.begin(), text.end(), [](char c) { return c == '\n' || c == '\r'; }, ' ');
  return text;
}

Record error_record(const Shared& shared, const InputFile& input, Error error) {
  if (error.kind == ErrorKind::timeout) error.reason = timeout_reason(shared.timeout);
  Record record;
  record.bytes = shared.writer.record(input.path, error);
  record.failure =
      error.kind == ErrorKind::timeout ? "timeout" : std::string(batch_error_kind(error.kind));
  record.input_bytes = input.size;
  return record;
}

// The record of an input analysed: its summary's, or its error's.
Record record_of(const Shared& shared, const InputFile& input, const Result<Summary>& summary) {
  if (!summary.ok()) return error_record(shared, input, summary.error());
  return Record{shared.writer.record(summary.value()), std::nullopt, input.size};
}

Record analyse(const Shared& shared, const InputFile& input, const Deadline& deadline) {
  if (input.error) return error_record(shared, input, *input.error);
  try {
    return record_of(shared, input, shared.analyze(input.path, deadline));
  } catch (const std::exception& exception) {
    return error_record(
        shared, input,
        Error{ErrorKind::internal, input.path, "internal error: " + one_line(exception.what())});
  } catch (...) {
    return error_record(
        shared, input, Error{ErrorKind::internal, input.path, "internal error: unknown exception"});
  }
}

// The records of a chunk, in order, or nullopt when its analysis ran over its deadline or
// threw: its inputs are then analysed again one by one. (`inputs` are copies: an abandoned
// thread may outlive run_batch and its input list.)
std::optional<std::vector<Record>> analyse_chunk(const Shared& shared,
                                                 const std::vector<InputFile>& inputs,
                                                 const Deadline& deadline) {
  std::vector<std::string> paths;  // of the inputs to analyse: those without an error
  for (const InputFile& input : inputs) {
    if (!input.error) paths.push_back(input.path);
  }
  try {
    std::vector<Result<Summary>> results = shared.analyze_chunk(paths, deadline);
    if (results.size() != paths.size() || deadline.expired()) return std::nullopt;
    std::vector<Record> records;
    std::size_t next_result = 0;
    for (const InputFile& input : inputs) {
      if (input.error) {
        records.push_back(error_record(shared, input, *input.error));
        continue;
      }
      records.push_back(record_of(shared, input, results[next_result++]));
    }
    return records;
  } catch (...) {
    return std::nullopt;
  }
}

bool can_claim_next(const Shared& shared) {
  return shared.next < shared.inputs->size() && shared.next < shared.written + shared.window;
}

bool can_claim(const Shared& shared) { return !shared.retry.empty() || can_claim_next(shared); }

// Claims what comes next (can_claim must hold): an input to analyse again alone, else the
// next input and, when chunks are on and `chunk` allows, the small inputs after it.
std::vector<std::size_t> claim(Shared& shared, bool chunk) {
  if (!shared.retry.empty()) {
    const std::size_t index = shared.retry.front();
    shared.retry.pop_front();
    return {index};
  }
  const std::vector<InputFile>& inputs = *shared.inputs;
  std::vector<std::size_t> claimed{shared.next++};
  if (!chunk || !shared.analyze_chunk) return claimed;
  std::uintmax_t bytes = inputs[claimed.front()].size;
  while (claimed.size() < shared.chunk_files && can_claim_next(shared) &&
         bytes + inputs[shared.next].size <= shared.chunk_bytes) {
    bytes += inputs[shared.next].size;
    claimed.push_back(shared.next++);
  }
  return claimed;
}

// The records of the claimed inputs, or nullopt for a chunk to analyse again one by one.
std::optional<std::vector<Record>> analyse_claimed(const Shared& shared,
                                                   const std::vector<InputFile>& inputs,
                                                   const Deadline& deadline) {
  if (inputs.size() > 1) return analyse_chunk(shared, inputs, deadline);
  return std::vector<Record>{analyse(shared, inputs.front(), deadline)};
}

// Puts the inputs of a chunk back, to be claimed one by one before any other.
void analyse_again(Shared& shared, const std::vector<std::size_t>& indices) {
  shared.retry.insert(shared.retry.begin(), indices.begin(), indices.end());
  shared.work_ready.notify_all();
}

void work(std::shared_ptr<Shared> shared, std::shared_ptr<Slot> slot) {
  std::unique_lock lock(shared->mutex);
  while (true) {
    shared->work_ready.wait(lock, [&] { return shared->stopped || can_claim(*shared); });
    if (shared->stopped) return;
    const std::vector<std::size_t> indices = claim(*shared, true);
    std::vector<InputFile> inputs;
    for (std::size_t index : indices) inputs.push_back((*shared->inputs)[index]);
    slot->busy = true;
    slot->indices = indices;
    slot->deadline =
        shared->timeout.count() > 0 ? Clock::now() + shared->timeout : Clock::time_point::max();
    const Deadline deadline = shared->timeout.count() > 0 ? Deadline(slot->deadline) : Deadline();
    shared->results_ready.notify_all();  // the watchdog must learn the new deadline
    lock.unlock();
    std::optional<std::vector<Record>> records = analyse_claimed(*shared, inputs, deadline);
    lock.lock();
    if (slot->abandoned) {
      --shared->abandoned_running;
      shared->results_ready.notify_all();
      return;
    }
    slot->busy = false;
    if (!records) {
      analyse_again(*shared, indices);
      continue;
    }
    for (std::size_t at = 0; at < indices.size(); ++at) {
      shared->finished.emplace(indices[at], std::move((*records)[at]));
    }
    shared->results_ready.notify_all();
  }
}

struct Worker {
  std::thread thread;
  std::shared_ptr<Slot> slot;
};

// The writer's side: the live workers, the watchdog and the statistics.
class Coordinator {
 public:
  Coordinator(std::shared_ptr<Shared> shared, unsigned jobs, std::ostream& out,
              const ProgressCallback& progress)
      : shared_(std::move(shared)),
        jobs_(jobs),
        // A slow file in a chunk costs two threads: the chunk's, then its own alone.
        abandoned_limit_(shared_->analyze_chunk ? 2 * jobs : jobs),
        out_(out),
        progress_(progress) {
    progress_state_.files_total = shared_->inputs->size();
    for (const InputFile& input : *shared_->inputs) progress_state_.bytes_total += input.size;
  }

  BatchStats run() {
    const Clock::time_point start = Clock::now();
    std::unique_lock lock(shared_->mutex);
    start_workers(lock);
    while (shared_->written < shared_->inputs->size()) {
      if (write_next(lock, start)) continue;
      if (abandon_overdue()) continue;
      start_workers(lock);
      if (shared_->finished.count(shared_->written) == 0) wait(lock);
    }
    shared_->stopped = true;
    stats_.abandoned_threads = shared_->abandoned_running;
    lock.unlock();
    shared_->work_ready.notify_all();
    for (Worker& worker : workers_) worker.thread.join();
    stats_.elapsed = Clock::now() - start;
    return stats_;
  }

 private:
  std::shared_ptr<Shared> shared_;
  const unsigned jobs_;
  const std::size_t abandoned_limit_;  // no new worker while this many abandoned ones run
  std::ostream& out_;
  const ProgressCallback& progress_;
  std::vector<Worker> workers_;
  BatchStats stats_;
  BatchProgress progress_state_;

  // Starts workers up to `jobs` live ones, unless abandoned_limit_ abandoned ones are still
  // running.
  // When the system refuses a thread and none is left, the writer analyses the next input
  // itself, so that the run still ends.
  void start_workers(std::unique_lock<std::mutex>& lock) {
    while (workers_.size() < jobs_ && shared_->abandoned_running < abandoned_limit_ &&
           (shared_->next < shared_->inputs->size() || !shared_->retry.empty())) {
      auto slot = std::make_shared<Slot>();
      try {
        workers_.push_back(Worker{std::thread(work, shared_, slot), slot});
      } catch (const std::system_error&) {
        if (workers_.empty() && shared_->abandoned_running == 0) analyse_here(lock);
        return;
      }
    }
  }

  void analyse_here(std::unique_lock<std::mutex>& lock) {
    if (!can_claim(*shared_)) return;
    const std::size_t index = claim(*shared_, false).front();
    const InputFile input = (*shared_->inputs)[index];
    lock.unlock();
    Record record = analyse(*shared_, input, Deadline());
    lock.lock();
    shared_->finished.emplace(index, std::move(record));
  }

  // Writes the record that comes next, if it is finished (unlocking while writing).
  bool write_next(std::unique_lock<std::mutex>& lock, Clock::time_point start) {
    auto it = shared_->finished.find(shared_->written);
    if (it == shared_->finished.end()) return false;
    Record record = std::move(it->second);
    shared_->finished.erase(it);
    lock.unlock();
    out_ << record.bytes;
    count(record, start);
    lock.lock();
    ++shared_->written;
    shared_->work_ready.notify_all();
    return true;
  }

  void count(const Record& record, Clock::time_point start) {
    ++stats_.files;
    stats_.bytes += record.input_bytes;
    if (record.failure) ++stats_.errors[*record.failure];
    progress_state_.files_done = stats_.files;
    progress_state_.bytes_done = stats_.bytes;
    progress_state_.errors = stats_.failed();
    progress_state_.elapsed = Clock::now() - start;
    if (progress_) progress_(progress_state_);
  }

  // Gives up on every analysis past its deadline: its timeout record takes its place (a
  // chunk's inputs go back to be analysed one by one), its thread is left to finish alone.
  bool abandon_overdue() {
    const Clock::time_point now = Clock::now();
    bool abandoned = false;
    for (auto it = workers_.begin(); it != workers_.end();) {
      Slot& slot = *it->slot;
      if (!slot.busy || slot.deadline > now) {
        ++it;
        continue;
      }
      slot.abandoned = true;
      if (slot.indices.size() > 1) {
        analyse_again(*shared_, slot.indices);
      } else {
        const InputFile& input = (*shared_->inputs)[slot.indices.front()];
        shared_->finished.emplace(
            slot.indices.front(),
            error_record(*shared_, input, Error{ErrorKind::timeout, input.path, ""}));
      }
      ++shared_->abandoned_running;
      it->thread.detach();
      it = workers_.erase(it);
      abandoned = true;
    }
    return abandoned;
  }

  void wait(std::unique_lock<std::mutex>& lock) {
    Clock::time_point earliest = Clock::time_point::max();
    for (const Worker& worker : workers_) {
      if (worker.slot->busy) earliest = std::min(earliest, worker.slot->deadline);
    }
    if (earliest == Clock::time_point::max()) {
      shared_->results_ready.wait(lock);
    } else {
      shared_->results_ready.wait_until(lock, earliest);
    }
  }
};

unsigned resolve_jobs(unsigned jobs) {
  if (jobs > 0) return jobs;
  return util::available_cores();
}

}  // namespace

std::size_t BatchStats::failed() const {
  std::size_t total = 0;
  for (const auto& [kind, count] : errors) total += count;
  return total;
}

std::string timeout_reason(std::chrono::milliseconds timeout) {
  const long long ms = timeout.count();
  std::string seconds = std::to_string(ms / 1000);
  if (ms % 1000 != 0) {
    std::string fraction = std::to_string(1000 + ms % 1000).substr(1);  // "250"
    while (fraction.back() == '0') fraction.pop_back();
    seconds += "." + fraction;
  }
  return "timed out after " + seconds + " s";
}

BatchStats run_batch(const std::vector<InputFile>& inputs, const Analyzer& analyze,
                     const RecordWriter& writer, std::ostream& out, const BatchOptions& options,
                     const ProgressCallback& progress) {
  const unsigned jobs = resolve_jobs(options.jobs);
  auto shared = std::make_shared<Shared>(analyze, writer, options);
  shared->inputs = &inputs;
  // A chunk takes up to chunk_files places of the window: the default leaves room for four
  // claims per worker either way.
  const std::size_t per_claim = options.analyze_chunk ? shared->chunk_files : 1;
  shared->window = options.window > 0 ? options.window : std::size_t{4} * jobs * per_claim;
  return Coordinator(shared, jobs, out, progress).run();
}

}  // namespace clause_scan
