// Reads back the run.json that `verbatim code` wrote (io/output/run_manifest.h):
// `review apply` learns from it which input and codebook a review file
// came from.
#ifndef VERBATIM_IO_RUN_MANIFEST_READER_H_
#define VERBATIM_IO_RUN_MANIFEST_READER_H_

#include <string>

#include "core/status.h"
#include "io/output/run_manifest.h"

namespace verbatim {

// Fills what run.json holds of codebook (path, sha256, id, version), input
// (path, sha256), settings and started_at; the rest is left empty. Errors
// name the file: it cannot be opened, it is not JSON, or not an object.
// Missing or mistyped fields are left empty, not errors.
Result<RunManifest> ReadRunManifest(const std::string& path);

}  // namespace verbatim

#endif  // VERBATIM_IO_RUN_MANIFEST_READER_H_
