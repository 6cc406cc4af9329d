// The default thread count follows the CPU affinity, as `taskset -c 0 clause-scan batch` or a
// container limited to some cores sets it, not the machine's count of cores; for_each_index
// runs each task once whatever the thread count, and passes a task's exception on;
// for_each_costliest_first takes the costliest first.
#include <doctest/doctest.h>
#include <sched.h>

#include <atomic>
#include <cstdint>
#include <stdexcept>
#include <thread>
#include <vector>

#include "util/cores.h"

namespace cs = clause_scan;

TEST_CASE("util: available_cores counts the cores the affinity allows") {
  cpu_set_t allowed;
  REQUIRE(sched_getaffinity(0, sizeof(allowed), &allowed) == 0);
  CHECK(cs::util::available_cores() == static_cast<unsigned>(CPU_COUNT(&allowed)));

  // Affinity is per thread: pin a thread of our own to its first allowed core.
  unsigned pinned = 0;
  std::thread probe([&] {
    cpu_set_t one;
    CPU_ZERO(&one);
    for (int cpu = 0; cpu < CPU_SETSIZE; ++cpu) {
      if (CPU_ISSET(cpu, &allowed)) {
        CPU_SET(cpu, &one);
        break;
      }
    }
    if (sched_setaffinity(0, sizeof(one), &one) == 0) pinned = cs::util::available_cores();
  });
  probe.join();
  CHECK(pinned == 1);
}

TEST_CASE("util: for_each_index calls the work once per index, on any number of threads") {
  for (unsigned threads : {1u, 3u, 16u}) {
    CAPTURE(threads);
    std::vector<std::atomic<int>> calls(7);
    clause_scan::util::for_each_index(calls.size(), threads, [&](std::size_t i) { ++calls[i]; });
    for (const std::atomic<int>& count : calls) CHECK(count.load() == 1);
  }
  clause_scan::util::for_each_index(0, 4, [](std::size_t) { FAIL("no index to call"); });
}

TEST_CASE("util: for_each_index passes an exception of the work to the caller") {
  auto fails_at_five = [](std::size_t i) {
    if (i == 5) throw std::runtime_error("task 5");
  };
  CHECK_THROWS_WITH(clause_scan::util::for_each_index(8, 3, fails_at_five), "task 5");
}

TEST_CASE("util: for_each_costliest_first takes the costliest tasks first, ties in order") {
  const std::vector<std::uintmax_t> costs = {234, 56543, 0, 27329, 234, 7086};
  std::vector<std::size_t> taken;
  clause_scan::util::for_each_costliest_first(costs, 1, [&](std::size_t i) { taken.push_back(i); });
  CHECK(taken == std::vector<std::size_t>{1, 3, 5, 0, 4, 2});
  for (unsigned threads : {2u, 8u}) {
    CAPTURE(threads);
    std::vector<std::atomic<int>> calls(costs.size());
    clause_scan::util::for_each_costliest_first(costs, threads, [&](std::size_t i) { ++calls[i]; });
    for (const std::atomic<int>& count : calls) CHECK(count.load() == 1);
  }
}
