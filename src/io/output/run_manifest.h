// run.json: what was run, on what, with which settings, and what came out.
#ifndef VERBATIM_IO_RUN_MANIFEST_H_
#define VERBATIM_IO_RUN_MANIFEST_H_

#include <cstddef>
#include <map>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

namespace verbatim {

// A recorded decision that a run did not apply (core/decision_apply.h).
struct ManifestDecision {
  std::string id;
  std::string decision;    // As written.
  std::string decided_at;
  std::vector<std::string> unknown_codes;  // unknown_code only.
};

// What a run with --decisions did with the decisions file.
struct ManifestDecisions {
  std::string path;
  std::string sha256;
  size_t recorded = 0;  // Decisions in the file.
  size_t applied = 0;
  std::vector<ManifestDecision> stale;         // Text changed since decided.
  std::vector<ManifestDecision> unknown_code;  // Names a code the codebook lacks.
  std::vector<std::string> not_in_input;       // Ids the input does not have.
};

struct RunManifest {
  std::string tool_version;
  std::string started_at;  // UTC, ISO 8601.
  std::string codebook_path;
  std::string codebook_sha256;
  std::string codebook_id;
  std::string codebook_version;
  std::string input_path;
  std::string input_sha256;  // Empty when unknown (a read error).
  std::map<std::string, std::string> settings;
  // Rows per status, and "read". Invariant: read = coded + uncoded + disputed + error.
  std::map<std::string, size_t> rows;
  std::map<std::string, double> seconds;  // Per phase, and "total".
  std::vector<std::string> outputs;
  std::optional<ManifestDecisions> decisions;  // Written only when set.
};

void WriteRunManifest(std::ostream& out, const RunManifest& manifest);

}  // namespace verbatim

#endif  // VERBATIM_IO_RUN_MANIFEST_H_
