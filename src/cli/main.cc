#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <iostream>

#include "cli/cli.h"
#include "io/output/temporary_files.h"

int main(int argc, char** argv) {
  // A run stopped by Ctrl-C or a kill leaves no temporary file behind.
  verbatim::InstallTemporaryFileCleanup();
  // Standard output's last bytes leave at the flush and the close, which
  // can fail (a full disk): RunCli checks both. EBADF: standard output was
  // closed before the run, and nothing was written to it, or the flush
  // would have failed.
  return verbatim::RunCli(argc, argv, std::cout, std::cerr, [] {
    if (std::fflush(stdout) != 0) return false;
    return ::close(STDOUT_FILENO) == 0 || errno == EBADF;
  });
}
