// clause-scan: the executable only hands its arguments to the CLI (cli/app.h).
#include "cli/app.h"

int main(int argc, char** argv) { return clause_scan::cli::run(argc, argv); }
