// run.json: what was run, on what, with which settings, and what came out.
#ifndef VERBATIM_IO_RUN_MANIFEST_H_
#define VERBATIM_IO_RUN_MANIFEST_H_

#include <cstddef>
#include <map>
#include <ostream>
#include <string>
#include <vector>

namespace verbatim {

struct RunManifest {
  std::string tool_version;
  std::string started_at;  // UTC, ISO 8601.
  std::string codebook_path;
  std::string codebook_sha256;
  std::string codebook_id;
  std::string codebook_version;
  std::string input_path;
  std::string input_sha256;  // Empty for standard input.
  std::map<std::string, std::string> settings;
  // Rows per status, and "read". Invariant: read = coded + uncoded + disputed + error.
  std::map<std::string, size_t> rows;
  std::map<std::string, double> seconds;  // Per phase, and "total".
  std::vector<std::string> outputs;
};

void WriteRunManifest(std::ostream& out, const RunManifest& manifest);

}  // namespace verbatim

#endif  // VERBATIM_IO_RUN_MANIFEST_H_
