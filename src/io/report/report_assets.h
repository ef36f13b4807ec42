// The report page's inline stylesheet and script, kept apart from the code
// that writes the page so that each can be read (and changed) on its own.
//
// The script only collapses, expands and filters; the page is complete and
// readable without it (native <details>). It opens every list before
// printing and closes them again after, so a printed report holds every
// answer.
#ifndef VERBATIM_IO_REPORT_ASSETS_H_
#define VERBATIM_IO_REPORT_ASSETS_H_

#include <string_view>

namespace verbatim {

// CSS for the page, including @media print. Contains no "</style".
extern const std::string_view kReportCss;
// Plain JavaScript (no library), run at the end of <body>. Contains no
// "</script".
extern const std::string_view kReportScript;

}  // namespace verbatim

#endif  // VERBATIM_IO_REPORT_ASSETS_H_
