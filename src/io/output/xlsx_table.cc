#include "io/output/xlsx_table.h"

#include <unistd.h>
#include <xlsxwriter.h>

#include <cassert>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>

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

Result<void> WriteXlsxTable(std::ostream& out, const std::string& sheet_name,
                            const std::vector<XlsxColumn>& columns,
                            const std::vector<std::vector<std::string>>& rows) {
  auto workbook = XlsxWorkbook::Create(sheet_name + " workbook");
  if (!workbook) return tl::unexpected(workbook.error());
  lxw_workbook* book = (*workbook)->get();
  lxw_worksheet* sheet = workbook_add_worksheet(book, sheet_name.c_str());
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
  for (size_t c = 0; c < columns.size(); ++c) {
    const lxw_col_t col = static_cast<lxw_col_t>(c);
    worksheet_set_column(sheet, col, col, columns[c].width, columns[c].input ? input : wrap);
    worksheet_write_string(sheet, 0, col, columns[c].name.c_str(), header);
  }
  for (size_t r = 0; r < rows.size(); ++r) {
    assert(rows[r].size() == columns.size());
    const lxw_row_t row = static_cast<lxw_row_t>(r + 1);
    for (size_t c = 0; c < columns.size(); ++c) {
      lxw_format* format = columns[c].input ? input : wrap;
      if (rows[r][c].empty()) {
        worksheet_write_blank(sheet, row, static_cast<lxw_col_t>(c), format);
      } else {
        worksheet_write_string(sheet, row, static_cast<lxw_col_t>(c),
                               CutForCell(rows[r][c]).c_str(), format);
      }
    }
  }
  worksheet_freeze_panes(sheet, 1, 0);
  if (!columns.empty()) {
    worksheet_autofilter(sheet, 0, 0, static_cast<lxw_row_t>(rows.size()),
                         static_cast<lxw_col_t>(columns.size() - 1));
  }
  return (*workbook)->Finish(out);
}

}  // namespace verbatim
