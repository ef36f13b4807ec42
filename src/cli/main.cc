#include <iostream>

#include "cli/cli.h"
#include "io/output/temporary_files.h"

int main(int argc, char** argv) {
  // A run stopped by Ctrl-C or a kill leaves no temporary file behind.
  verbatim::InstallTemporaryFileCleanup();
  return verbatim::RunCli(argc, argv, std::cout, std::cerr);
}
