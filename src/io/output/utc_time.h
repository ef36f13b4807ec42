// The current time as written in outputs: ISO 8601, UTC, to the second
// ("2026-11-23T21:37:07Z"), for run.json, decisions and the report.
#ifndef VERBATIM_IO_UTC_TIME_H_
#define VERBATIM_IO_UTC_TIME_H_

#include <string>

namespace verbatim {

std::string UtcNow();

}  // namespace verbatim

#endif  // VERBATIM_IO_UTC_TIME_H_
