// util/cores.h: how many threads a stage should start by default, and running a list of tasks
// on them.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <vector>

namespace clause_scan::util {

// The cores this process may run on: its CPU affinity, so that `taskset -c 0` or a container
// pinned to two cores gives 1 or 2 where std::thread::hardware_concurrency() counts the whole
// machine. Falls back to hardware_concurrency() where the affinity is unknown; at least 1.
unsigned available_cores();

// Calls work(i) once for each i in [0, count), on up to `threads` threads (the calling one
// among them), each taking the next index as it finishes one, and returns when all are done.
// An exception thrown by `work` on any thread reaches the caller.
void for_each_index(std::size_t count, unsigned threads,
                    const std::function<void(std::size_t)>& work);

// The same over costs.size() tasks, taking them costliest first (ties in index order), so that
// a long task does not start last and run alone at the end.
void for_each_costliest_first(const std::vector<std::uintmax_t>& costs, unsigned threads,
                              const std::function<void(std::size_t)>& work);

}  // namespace clause_scan::util
