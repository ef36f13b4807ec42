// Workbooks written with libxlsxwriter: the temporary-file plumbing every
// .xlsx output shares (review.xlsx, sample.xlsx), and a plain table sheet.
//
// Design: libxlsxwriter writes to a file name only, so a workbook is built
// in a private temporary file and its bytes are copied to the caller's
// stream by Finish(): the caller commits that stream atomically like every
// other output. The temporary file is removed by the destructor, whether or
// not Finish() ran. A cell holds at most 32,767 characters: CutForCell ends
// a longer text in "…".
#ifndef VERBATIM_IO_OUTPUT_XLSX_TABLE_H_
#define VERBATIM_IO_OUTPUT_XLSX_TABLE_H_

#include <memory>
#include <ostream>
#include <string>
#include <vector>

#include "core/status.h"

struct lxw_workbook;

namespace verbatim {

// Owns a libxlsxwriter workbook and its temporary file. Not copyable (it
// owns both), not movable (libxlsxwriter objects point into it).
class XlsxWorkbook {
 public:
  // Errors: the temporary file or the workbook cannot be created. `what`
  // names the workbook in messages ("review workbook").
  static Result<std::unique_ptr<XlsxWorkbook>> Create(const std::string& what);
  ~XlsxWorkbook();
  XlsxWorkbook(const XlsxWorkbook&) = delete;
  XlsxWorkbook& operator=(const XlsxWorkbook&) = delete;

  // The workbook to add sheets and formats to. REQUIRES: Finish() not called.
  lxw_workbook* get() const { return workbook_; }

  // Closes the workbook and copies its bytes to `out`. Errors: libxlsxwriter
  // fails to close it, it cannot be read back, `out` fails. Call once.
  Result<void> Finish(std::ostream& out);

 private:
  XlsxWorkbook(std::string what, std::string path, lxw_workbook* workbook)
      : what_(std::move(what)), path_(std::move(path)), workbook_(workbook) {}
  std::string what_;
  std::string path_;
  lxw_workbook* workbook_;
};

// `text`, cut below Excel's cell limit at a UTF-8 boundary and ended with
// "…" when it was longer.
std::string CutForCell(const std::string& text);

struct XlsxColumn {
  std::string name;
  double width = 20;  // In characters of the default font.
  // A column for the reader to fill: formatted as Text (so "=a" stays text)
  // and shaded. Default: false.
  bool input = false;
  // Cells hold numbers ("12.5", '.' decimals): written as numbers so that a
  // spreadsheet sums and sorts them; an empty cell stays blank, and a cell
  // that is not a number is written as text. Default: false.
  bool number = false;
};

struct XlsxTableSheet {
  std::string name;  // At most 31 characters, none of []:*?/\ (Excel's rules).
  std::vector<XlsxColumn> columns;
  std::vector<std::vector<std::string>> rows;  // Each of columns.size() cells.
};

// One sheet named `sheet` holding `rows` under a bold, frozen header with
// filters on; long cells wrap. Every row has columns.size() cells (REQUIRES).
// Errors as XlsxWorkbook.
Result<void> WriteXlsxTable(std::ostream& out, const std::string& sheet,
                            const std::vector<XlsxColumn>& columns,
                            const std::vector<std::vector<std::string>>& rows);

// The same with one such sheet per XlsxTableSheet, in order. `what` names the
// workbook in messages ("counts workbook").
Result<void> WriteXlsxSheets(std::ostream& out, const std::string& what,
                             const std::vector<XlsxTableSheet>& sheets);

}  // namespace verbatim

#endif  // VERBATIM_IO_OUTPUT_XLSX_TABLE_H_
