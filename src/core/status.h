// Errors and diagnostics shared by every layer.
//
// Design: the core never throws and never prints. A fallible call returns
// Result<T> (tl::expected from Debian's libexpected-dev); validators that must
// report every problem at once (codebook loading and checking, decision files)
// return a std::vector<Diagnostic> instead of stopping at the first.
#ifndef VERBATIM_CORE_STATUS_H_
#define VERBATIM_CORE_STATUS_H_

#include <string>
#include <string_view>
#include <vector>

#include <tl/expected.hpp>

namespace verbatim {

// A place in a user's file. line and column are 1-based; 0 means unknown
// (then it is left out when formatted).
struct SourceLocation {
  std::string file;
  int line = 0;
  int column = 0;
};

// "file:line:col", "file:line" or "file", as much as is known.
std::string FormatLocation(const SourceLocation& location);

struct Error {
  std::string message;
  SourceLocation location;  // Default: unknown.
};

// "file:line:col: message" (or just the message when no location is known).
std::string FormatError(const Error& error);

template <typename T>
using Result = tl::expected<T, Error>;

inline tl::unexpected<Error> MakeError(std::string message, SourceLocation location = {}) {
  return tl::unexpected<Error>(Error{std::move(message), std::move(location)});
}

enum class Severity { kError, kWarning };

// Stable names: "error", "warning".
std::string_view SeverityName(Severity severity);

struct Diagnostic {
  Severity severity = Severity::kError;
  SourceLocation location;
  std::string message;
};

// Compiler style: "file:line:col: error: message".
std::string FormatDiagnostic(const Diagnostic& diagnostic);

bool HasErrors(const std::vector<Diagnostic>& diagnostics);

// Sorts by line, then column, keeping the order of diagnostics at the same
// place (a stable sort). The file is not compared: callers sort the
// diagnostics of one file. REQUIRES: diagnostics != nullptr.
void SortByLocation(std::vector<Diagnostic>* diagnostics);

}  // namespace verbatim

#endif  // VERBATIM_CORE_STATUS_H_
