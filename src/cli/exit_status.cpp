#include "cli/exit_status.h"

#include <iostream>

namespace clause_scan::cli {

int report_error(const Error& error) {
  std::cerr << "clause-scan: " << error.message() << '\n';
  return kExitTrouble;
}

}  // namespace clause_scan::cli
