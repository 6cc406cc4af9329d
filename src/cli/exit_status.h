// cli/exit_status.h: the exit statuses of clause-scan (documented in README "Exit status"),
// and the one function that prints an error.
#pragma once

#include "clause_scan/error.h"

namespace clause_scan::cli {

enum ExitStatus : int {
  kExitOk = 0,        // done; no findings at the failing level, no differences
  kExitFindings = 1,  // findings (summary, check), differences (diff), failed files (batch)
  kExitTrouble = 2,   // usage, input or rule errors
};

// Prints "clause-scan: FILE: REASON" on stderr (one line) and returns kExitTrouble.
int report_error(const Error& error);

}  // namespace clause_scan::cli
