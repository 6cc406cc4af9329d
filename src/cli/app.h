// cli/app.h: argument parsing (CLI11) and dispatch to the subcommands of commands.h.
#pragma once

namespace clause_scan::cli {

// Parses argv, runs the chosen subcommand and returns the exit status. `clause-scan FILE...`
// (no subcommand) is `clause-scan summary FILE...`.
int run(int argc, char** argv);

}  // namespace clause_scan::cli
