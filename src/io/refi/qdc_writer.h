// The codebook as a REFI-QDA codebook (.qdc): one XML document in the
// namespace urn:QDA-XML:codebook:1.0, valid against the standard's
// Codebook.xsd. Themes are top-level codes with their subthemes nested;
// patterns, examples, exclusions and settings have no place in the format
// and are not written (README, "Other tools").
#ifndef VERBATIM_IO_REFI_QDC_WRITER_H_
#define VERBATIM_IO_REFI_QDC_WRITER_H_

#include <ostream>

#include "core/codebook.h"

namespace verbatim {

// Writes the .qdc document to `out`. REQUIRES: `codebook` has at least one
// code (the schema wants one <Code>). Deterministic: the same codebook gives
// the same bytes (refi_ids.h).
void WriteQdc(const Codebook& codebook, std::ostream& out);

}  // namespace verbatim

#endif  // VERBATIM_IO_REFI_QDC_WRITER_H_
