// The default thread count follows the CPU affinity, as `taskset -c 0 clause-scan batch` or a
// container limited to some cores sets it, not the machine's count of cores.
#include <doctest/doctest.h>
#include <sched.h>

#include <thread>

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
