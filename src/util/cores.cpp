#include "util/cores.h"

#include <sched.h>

#include <algorithm>
#include <atomic>
#include <future>
#include <numeric>
#include <thread>
#include <vector>

namespace clause_scan::util {

unsigned available_cores() {
  cpu_set_t cores;
  if (sched_getaffinity(0, sizeof(cores), &cores) == 0) {
    return static_cast<unsigned>(std::max(1, CPU_COUNT(&cores)));
  }
  return std::max(1u, std::thread::hardware_concurrency());
}

void for_each_index(std::size_t count, unsigned threads,
                    const std::function<void(std::size_t)>& work) {
  std::atomic<std::size_t> next{0};
  auto run = [&] {
    for (std::size_t index = next++; index < count; index = next++) work(index);
  };
  // std::async rather than std::thread, so that an exception (bad_alloc) reaches the caller.
  std::vector<std::future<void>> helpers;
  for (std::size_t helper = 1; helper < std::min<std::size_t>(threads, count); ++helper) {
    helpers.push_back(std::async(std::launch::async, run));
  }
  run();
  for (std::future<void>& helper : helpers) helper.get();
}

void for_each_costliest_first(const std::vector<std::uintmax_t>& costs, unsigned threads,
                              const std::function<void(std::size_t)>& work) {
  std::vector<std::size_t> order(costs.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return costs[a] > costs[b]; });
  for_each_index(order.size(), threads, [&](std::size_t turn) { work(order[turn]); });
}

}  // namespace clause_scan::util
