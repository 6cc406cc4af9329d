// util/cores.h: how many threads a stage should start by default.
#pragma once

namespace clause_scan::util {

// The cores this process may run on: its CPU affinity, so that `taskset -c 0` or a container
// pinned to two cores gives 1 or 2 where std::thread::hardware_concurrency() counts the whole
// machine. Falls back to hardware_concurrency() where the affinity is unknown; at least 1.
unsigned available_cores();

}  // namespace clause_scan::util
