// Reads the two sides of an agreement check: a gold coding file (id,codes)
// and the coded table that `verbatim code` writes.
#ifndef VERBATIM_IO_CODE_SETS_READER_H_
#define VERBATIM_IO_CODE_SETS_READER_H_

#include <string>
#include <vector>

#include "core/status.h"

namespace verbatim {

struct CodedAnswer {
  std::string id;
  std::vector<std::string> codes;  // Split on ';', trimmed, empties dropped.
  std::string status;              // Coded table only.
  std::string evidence;            // Coded table only.
  size_t line = 0;
};

// Gold: a CSV with columns "id" and "codes" (any order, other columns
// ignored). Errors name the file and line: a missing column, a duplicate id,
// a malformed row.
Result<std::vector<CodedAnswer>> ReadGoldCodes(const std::string& path);

// coded.csv: codes are taken from `codes_column` ("proposed": the machine's
// full proposal, also for disputed rows; "codes": what was counted).
Result<std::vector<CodedAnswer>> ReadCodedTable(const std::string& path,
                                                const std::string& codes_column);

// "a;b; c" -> {"a","b","c"}.
std::vector<std::string> SplitCodeList(const std::string& text);

}  // namespace verbatim

#endif  // VERBATIM_IO_CODE_SETS_READER_H_
