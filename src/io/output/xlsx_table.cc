#include "io/output/xlsx_table.h"

#include <unistd.h>
#include <xlsxwriter.h>

#include <cassert>
#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <optional>

#include "io/output/temporary_files.h"

namespace verbatim {
namespace {

// Excel's cell limit is 32,767 characters; bytes are a safe upper bound.
constexpr size_t kMaxCellBytes = 32000;
constexpr char kEllipsis[] = "\xE2\x80\xA6";

bool IsContinuationByte(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

}  // namespace

Result<std::unique_ptr<XlsxWorkbook>> XlsxWorkbook::Create(const std::string& what) {
  std::error_code error;
  std::filesystem::path directory = std::filesystem::temp_directory_path(error);
  if (error) directory = "/tmp";
  // libxlsxwriter opens the file by name: it must first exist as our own
  // regular file (0600, never a link), which no other user of a sticky
  // temporary folder can replace (io/output/temporary_files.h).
  auto temporary = CreateTemporaryFile((directory / "verbatim.xlsx").string(), 0600);
  if (!temporary) {
    return MakeError("cannot create a temporary " + what + " in " + directory.string() + ": " +
                     temporary.error().message);
  }
  close(temporary->fd);
  const std::string pattern = temporary->path;
  lxw_workbook* workbook = workbook_new(pattern.c_str());
  if (workbook == nullptr) {
    std::remove(pattern.c_str());
    return MakeError("cannot create the " + what);
  }
  return std::unique_ptr<XlsxWorkbook>(new XlsxWorkbook(what, pattern, workbook));
}

XlsxWorkbook::~XlsxWorkbook() {
  if (workbook_ != nullptr) workbook_close(workbook_);
  std::remove(path_.c_str());
}

Result<void> XlsxWorkbook::Finish(std::ostream& out) {
  assert(workbook_ != nullptr);
  const lxw_error closed = workbook_close(workbook_);
  workbook_ = nullptr;
  if (closed != LXW_NO_ERROR) {
    return MakeError("cannot write the " + what_ + ": " + lxw_strerror(closed));
  }
  std::ifstream in(path_, std::ios::binary);
  if (!in) return MakeError("cannot read back the " + what_ + " " + path_);
  out << in.rdbuf();
  if (!out) return MakeError("cannot write the " + what_ + ": write failed");
  return {};
}

std::string CutForCell(const std::string& text) {
  if (text.size() <= kMaxCellBytes) return text;
  size_t end = kMaxCellBytes;
  while (end > 0 && IsContinuationByte(text[end])) --end;
  return text.substr(0, end) + kEllipsis;
}

namespace {

// A number cell's value; nullopt when `text` is not wholly a finite number.
std::optional<double> NumberCell(const std::string& text) {
  char* end = nullptr;
  const double value = std::strtod(text.c_str(), &end);
  if (end != text.c_str() + text.size() || !std::isfinite(value)) return std::nullopt;
  return value;
}

void AddSheet(lxw_workbook* book, const XlsxTableSheet& table, lxw_format* header, lxw_format* wrap,
              lxw_format* input) {
  lxw_worksheet* sheet = workbook_add_worksheet(book, table.name.c_str());
  const std::vector<XlsxColumn>& columns = table.columns;
  for (size_t c = 0; c < columns.size(); ++c) {
    const lxw_col_t col = static_cast<lxw_col_t>(c);
    worksheet_set_column(sheet, col, col, columns[c].width, columns[c].input ? input : wrap);
    worksheet_write_string(sheet, 0, col, columns[c].name.c_str(), header);
  }
  for (size_t r = 0; r < table.rows.size(); ++r) {
    assert(table.rows[r].size() == columns.size());
    const lxw_row_t row = static_cast<lxw_row_t>(r + 1);
    for (size_t c = 0; c < columns.size(); ++c) {
      const lxw_col_t col = static_cast<lxw_col_t>(c);
      const std::string& cell = table.rows[r][c];
      lxw_format* format = columns[c].input ? input : wrap;
      if (cell.empty()) {
        worksheet_write_blank(sheet, row, col, format);
      } else if (const std::optional<double> number =
                     columns[c].number ? NumberCell(cell) : std::nullopt) {
        worksheet_write_number(sheet, row, col, *number, format);
      } else {
        worksheet_write_string(sheet, row, col, CutForCell(cell).c_str(), format);
      }
    }
  }
  worksheet_freeze_panes(sheet, 1, 0);
  if (!columns.empty()) {
    worksheet_autofilter(sheet, 0, 0, static_cast<lxw_row_t>(table.rows.size()),
                         static_cast<lxw_col_t>(columns.size() - 1));
  }
}

}  // namespace

Result<void> WriteXlsxSheets(std::ostream& out, const std::string& what,
                             const std::vector<XlsxTableSheet>& sheets) {
  auto workbook = XlsxWorkbook::Create(what);
  if (!workbook) return tl::unexpected(workbook.error());
  lxw_workbook* book = (*workbook)->get();
  lxw_format* header = workbook_add_format(book);
  format_set_bold(header);
  format_set_bg_color(header, 0xD9E1F2);
  format_set_bottom(header, LXW_BORDER_THIN);
  lxw_format* wrap = workbook_add_format(book);
  format_set_text_wrap(wrap);
  format_set_align(wrap, LXW_ALIGN_VERTICAL_TOP);
  lxw_format* input = workbook_add_format(book);
  format_set_num_format(input, "@");
  format_set_text_wrap(input);
  format_set_align(input, LXW_ALIGN_VERTICAL_TOP);
  format_set_bg_color(input, 0xFFF2CC);
  for (const XlsxTableSheet& sheet : sheets) AddSheet(book, sheet, header, wrap, input);
  return (*workbook)->Finish(out);
}

Result<void> WriteXlsxTable(std::ostream& out, const std::string& sheet_name,
                            const std::vector<XlsxColumn>& columns,
                            const std::vector<std::vector<std::string>>& rows) {
  return WriteXlsxSheets(out, sheet_name + " workbook", {XlsxTableSheet{sheet_name, columns, rows}});
}

}  // namespace verbatim
