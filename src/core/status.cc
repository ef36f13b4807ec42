#include "core/status.h"

#include <algorithm>
#include <cassert>
#include <tuple>

namespace verbatim {

std::string FormatLocation(const SourceLocation& location) {
  std::string out = location.file;
  if (location.line > 0) {
    out += ':' + std::to_string(location.line);
    if (location.column > 0) out += ':' + std::to_string(location.column);
  }
  return out;
}

std::string FormatError(const Error& error) {
  const std::string where = FormatLocation(error.location);
  return where.empty() ? error.message : where + ": " + error.message;
}

std::string_view SeverityName(Severity severity) {
  switch (severity) {
    case Severity::kError:
      return "error";
    case Severity::kWarning:
      return "warning";
  }
  return "error";
}

std::string FormatDiagnostic(const Diagnostic& diagnostic) {
  std::string out = FormatLocation(diagnostic.location);
  if (!out.empty()) out += ": ";
  out += SeverityName(diagnostic.severity);
  out += ": ";
  out += diagnostic.message;
  return out;
}

bool HasErrors(const std::vector<Diagnostic>& diagnostics) {
  return std::any_of(diagnostics.begin(), diagnostics.end(),
                     [](const Diagnostic& d) { return d.severity == Severity::kError; });
}

void SortByLocation(std::vector<Diagnostic>* diagnostics) {
  assert(diagnostics != nullptr);
  std::stable_sort(diagnostics->begin(), diagnostics->end(),
                   [](const Diagnostic& a, const Diagnostic& b) {
                     return std::tie(a.location.line, a.location.column) <
                            std::tie(b.location.line, b.location.column);
                   });
}

}  // namespace verbatim
