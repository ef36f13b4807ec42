#include "io/review/review_xlsx.h"

#include <xlsxwriter.h>

#include "io/output/xlsx_table.h"

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <sstream>
#include <string>
#include <vector>

namespace verbatim {
namespace {

// Where CutForCell (io/output/xlsx_table.h) cuts: evidence past it is not marked.
constexpr size_t kMaxCellBytes = 32000;

// Highlight classes, by priority when spans overlap.
enum class Highlight : unsigned char { kNone = 0, kEvidence = 1, kWeak = 2, kAgainst = 3 };

bool IsContinuationByte(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// Lines a wrapped cell needs at this column width (in characters of the
// default font): each paragraph over the width wraps. libxlsxwriter does not
// size rows, and LibreOffice does not re-size them on load.
size_t WrappedLines(const std::string& text, double width) {
  const size_t per_line = std::max<size_t>(1, static_cast<size_t>(width * 1.1));
  size_t lines = 0, characters = 0;
  auto end_paragraph = [&] {
    lines += std::max<size_t>(1, (characters + per_line - 1) / per_line);
    characters = 0;
  };
  for (char c : text) {
    if (c == '\n') {
      end_paragraph();
    } else if (!IsContinuationByte(c)) {
      ++characters;
    }
  }
  end_paragraph();
  return lines;
}

struct ColumnLayout {
  const char* name;
  double width;
};

const ColumnLayout kLayout[] = {{"id", 8},       {"row", 6},          {"text", 60},
                                {"proposed", 28}, {"reasons", 12},    {"details", 40},
                                {"evidence", 50}, {"decision", 26},   {"comment", 30},
                                {"previous_decision", 40}};

constexpr int kTextColumn = 2;
constexpr int kDecisionColumn = 7;
constexpr int kCommentColumn = 8;

class XlsxReviewWriter : public ReviewWriter {
 public:
  XlsxReviewWriter(std::ostream& out, const CompiledCodebook& codebook,
                   const ReviewFileOptions& options, std::unique_ptr<XlsxWorkbook> book)
      : out_(out),
        codebook_(codebook),
        options_(options),
        book_(std::move(book)),
        workbook_(book_->get()) {
    sheet_ = workbook_add_worksheet(workbook_, "review");
    MakeFormats();
    columns_ = ReviewColumns(options_);
    for (size_t c = 0; c < columns_.size(); ++c) {
      const double width = c < std::size(kLayout) ? kLayout[c].width : 20;
      lxw_format* format = static_cast<int>(c) == kDecisionColumn || static_cast<int>(c) == kCommentColumn
                               ? text_input_
                               : wrap_;
      worksheet_set_column(sheet_, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c), width,
                           format);
      worksheet_write_string(sheet_, 0, static_cast<lxw_col_t>(c), columns_[c].c_str(), header_);
    }
    worksheet_freeze_panes(sheet_, 1, 0);
    // Printed: landscape, as wide as one page, the header on every page.
    worksheet_set_landscape(sheet_);
    worksheet_fit_to_pages(sheet_, 1, 0);
    worksheet_repeat_rows(sheet_, 0, 0);
  }


  void WriteRow(const InputRecord& record, const CodingResult& result,
                const ReviewRowExtras& extras) override {
    const std::vector<std::string> cells = ReviewCells(codebook_, record, result, extras, options_);
    const lxw_row_t row = static_cast<lxw_row_t>(++rows_);
    size_t lines = 1;
    for (size_t c = 0; c < cells.size(); ++c) {
      if (columns_[c] == "id" || columns_[c] == "row") continue;
      const double width = c < std::size(kLayout) ? kLayout[c].width : 20;
      lines = std::max(lines, WrappedLines(cells[c], width));
    }
    constexpr double kLineHeight = 15, kMaxRowHeight = 409;
    worksheet_set_row(sheet_, row, std::min(kMaxRowHeight, kLineHeight * lines), nullptr);
    for (size_t c = 0; c < cells.size(); ++c) {
      const lxw_col_t col = static_cast<lxw_col_t>(c);
      if (static_cast<int>(c) == kTextColumn) {
        WriteText(row, col, record.text, result);
      } else if (columns_[c] == "row") {
        worksheet_write_number(sheet_, row, col, static_cast<double>(record.row), top_);
      } else if (static_cast<int>(c) == kDecisionColumn || static_cast<int>(c) == kCommentColumn) {
        if (cells[c].empty()) {
          worksheet_write_blank(sheet_, row, col, text_input_);
        } else {
          worksheet_write_string(sheet_, row, col, CutForCell(cells[c]).c_str(), text_input_);
        }
      } else if (columns_[c] == "proposed" || columns_[c] == "reasons") {
        // "a; b" wraps between codes; the reader splits on ';' and trims.
        std::string spaced;
        for (char ch : cells[c]) spaced += ch == ';' ? std::string("; ") : std::string(1, ch);
        worksheet_write_string(sheet_, row, col, CutForCell(spaced).c_str(), wrap_);
      } else {
        worksheet_write_string(sheet_, row, col, CutForCell(cells[c]).c_str(), wrap_);
      }
    }
  }

  Result<void> Finish() override {
    const lxw_row_t last_row = static_cast<lxw_row_t>(rows_);
    const lxw_col_t last_col = static_cast<lxw_col_t>(columns_.size() - 1);
    worksheet_autofilter(sheet_, 0, 0, last_row, last_col);
    if (rows_ > 0) AddDecisionValidation(last_row);
    WriteCodesSheet();
    return book_->Finish(out_);
  }

 private:
  void MakeFormats() {
    header_ = workbook_add_format(workbook_);
    format_set_bold(header_);
    format_set_bg_color(header_, 0xD9E1F2);
    format_set_bottom(header_, LXW_BORDER_THIN);
    format_set_align(header_, LXW_ALIGN_VERTICAL_TOP);

    top_ = workbook_add_format(workbook_);
    format_set_align(top_, LXW_ALIGN_VERTICAL_TOP);

    wrap_ = workbook_add_format(workbook_);
    format_set_text_wrap(wrap_);
    format_set_align(wrap_, LXW_ALIGN_VERTICAL_TOP);

    text_input_ = workbook_add_format(workbook_);
    format_set_num_format(text_input_, "@");
    format_set_text_wrap(text_input_);
    format_set_align(text_input_, LXW_ALIGN_VERTICAL_TOP);
    format_set_bg_color(text_input_, 0xFFF2CC);

    evidence_ = HighlightFormat(0x1F4E9D, false, false);
    weak_ = HighlightFormat(0xC55A11, false, false);
    against_ = HighlightFormat(0xC00000, true, false);
    evidence_cell_ = HighlightFormat(0x1F4E9D, false, true);
    weak_cell_ = HighlightFormat(0xC55A11, false, true);
    against_cell_ = HighlightFormat(0xC00000, true, true);
  }

  // Bold and coloured; underlined for evidence against a code; with the
  // cell's wrapping when used as a whole cell's format.
  lxw_format* HighlightFormat(lxw_color_t color, bool underline, bool cell) {
    lxw_format* format = workbook_add_format(workbook_);
    format_set_bold(format);
    format_set_font_color(format, color);
    if (underline) format_set_underline(format, LXW_UNDERLINE_SINGLE);
    if (cell) {
      format_set_text_wrap(format);
      format_set_align(format, LXW_ALIGN_VERTICAL_TOP);
    }
    return format;
  }

  lxw_format* CellFormatFor(Highlight highlight) const {
    switch (highlight) {
      case Highlight::kNone: return wrap_;
      case Highlight::kEvidence: return evidence_cell_;
      case Highlight::kWeak: return weak_cell_;
      case Highlight::kAgainst: return against_cell_;
    }
    return wrap_;
  }

  lxw_format* FormatFor(Highlight highlight) const {
    switch (highlight) {
      case Highlight::kNone: return nullptr;
      case Highlight::kEvidence: return evidence_;
      case Highlight::kWeak: return weak_;
      case Highlight::kAgainst: return against_;
    }
    return nullptr;
  }

  // The answer as rich text: runs of equal highlight, each its own fragment.
  void WriteText(lxw_row_t row, lxw_col_t col, const std::string& original,
                 const CodingResult& result) {
    const std::string text = CutForCell(original);
    std::vector<Highlight> marks(text.size(), Highlight::kNone);
    auto mark = [&](const PatternHit& hit, Highlight highlight) {
      const size_t end = std::min(hit.original_end, std::min(original.size(), kMaxCellBytes));
      for (size_t i = hit.original_begin; i < end && i < marks.size(); ++i) {
        if (marks[i] < highlight) marks[i] = highlight;
      }
    };
    for (const CodeFinding& finding : result.findings) {
      for (int index : finding.include_hits) {
        const PatternHit& hit = result.hits[index];
        mark(hit, !hit.negation_cue.empty()             ? Highlight::kAgainst
                  : finding.state == CodeState::kWeak ? Highlight::kWeak
                                                      : Highlight::kEvidence);
      }
      for (int index : finding.exclusion_hits) mark(result.hits[index], Highlight::kAgainst);
    }
    // A character is highlighted as its first byte is.
    for (size_t i = 1; i < text.size(); ++i) {
      if (IsContinuationByte(text[i])) marks[i] = marks[i - 1];
    }
    std::vector<std::string> pieces;
    std::vector<Highlight> styles;
    for (size_t i = 0; i < text.size();) {
      size_t j = i;
      while (j < text.size() && marks[j] == marks[i]) ++j;
      pieces.push_back(text.substr(i, j - i));
      styles.push_back(marks[i]);
      i = j;
    }
    if (pieces.size() < 2) {
      // libxlsxwriter needs two fragments for rich text: a text that is all
      // one highlight gets it as the cell's format.
      const Highlight whole = styles.empty() ? Highlight::kNone : styles[0];
      worksheet_write_string(sheet_, row, col, text.c_str(), CellFormatFor(whole));
      return;
    }
    std::vector<lxw_rich_string_tuple> fragments(pieces.size());
    std::vector<lxw_rich_string_tuple*> pointers;
    for (size_t k = 0; k < pieces.size(); ++k) {
      fragments[k].format = FormatFor(styles[k]);
      fragments[k].string = pieces[k].data();
      pointers.push_back(&fragments[k]);
    }
    pointers.push_back(nullptr);
    if (worksheet_write_rich_string(sheet_, row, col, pointers.data(), wrap_) != LXW_NO_ERROR) {
      worksheet_write_string(sheet_, row, col, text.c_str(), wrap_);
    }
  }

  void AddDecisionValidation(lxw_row_t last_row) {
    static const char* kChoices[] = {"ok", "none", nullptr};
    lxw_data_validation validation;
    std::memset(&validation, 0, sizeof validation);
    validation.validate = LXW_VALIDATION_TYPE_LIST;
    validation.value_list = const_cast<char**>(kChoices);
    validation.ignore_blank = LXW_VALIDATION_ON;
    validation.show_input = LXW_VALIDATION_ON;
    validation.show_error = LXW_VALIDATION_ON;
    validation.error_type = LXW_VALIDATION_ERROR_TYPE_INFORMATION;
    validation.input_title = const_cast<char*>("Decision");
    validation.input_message = const_cast<char*>(
        "ok = accept the proposal\nnone = no code\n+code -code = add, remove\n"
        "=code;code = exactly these codes\n(code ids: sheet 'codes')");
    validation.error_title = const_cast<char*>("Other decision");
    validation.error_message = const_cast<char*>(
        "Not in the list: that is fine for +code -code or =code;code. Click OK to keep it.");
    worksheet_data_validation_range(sheet_, 1, kDecisionColumn, last_row, kDecisionColumn,
                                    &validation);
  }

  void WriteCodesSheet() {
    lxw_worksheet* codes = workbook_add_worksheet(workbook_, "codes");
    const char* header[] = {"id", "level", "label", "description"};
    const double widths[] = {38, 10, 50, 80};
    for (lxw_col_t c = 0; c < 4; ++c) {
      worksheet_set_column(codes, c, c, widths[c], wrap_);
      worksheet_write_string(codes, 0, c, header[c], header_);
    }
    lxw_row_t row = 0;
    for (const CodeDefinition& code : codebook_.codebook().codes) {
      ++row;
      worksheet_write_string(codes, row, 0, code.id.c_str(), top_);
      worksheet_write_string(codes, row, 1, code.level == CodeLevel::kTheme ? "theme" : "subtheme",
                             top_);
      worksheet_write_string(codes, row, 2, CutForCell(code.label).c_str(), wrap_);
      worksheet_write_string(codes, row, 3, CutForCell(code.description).c_str(), wrap_);
    }
    worksheet_freeze_panes(codes, 1, 0);
    row += 2;
    worksheet_write_string(codes, row++, 0, "In the review sheet's text:", header_);
    worksheet_write_string(codes, row++, 0, "evidence for a proposed code", evidence_);
    worksheet_write_string(codes, row++, 0, "evidence too weak on its own", weak_);
    worksheet_write_string(codes, row++, 0, "negated or excluded evidence", against_);
  }

  std::ostream& out_;
  const CompiledCodebook& codebook_;
  ReviewFileOptions options_;
  std::unique_ptr<XlsxWorkbook> book_;
  lxw_workbook* workbook_;  // book_'s.
  lxw_worksheet* sheet_ = nullptr;
  std::vector<std::string> columns_;
  lxw_format* header_ = nullptr;
  lxw_format* top_ = nullptr;
  lxw_format* wrap_ = nullptr;
  lxw_format* text_input_ = nullptr;
  lxw_format* evidence_ = nullptr;
  lxw_format* weak_ = nullptr;
  lxw_format* against_ = nullptr;
  lxw_format* evidence_cell_ = nullptr;
  lxw_format* weak_cell_ = nullptr;
  lxw_format* against_cell_ = nullptr;
};

}  // namespace

Result<std::unique_ptr<ReviewWriter>> OpenXlsxReviewWriter(std::ostream& out,
                                                           const CompiledCodebook& codebook,
                                                           const ReviewFileOptions& options) {
  auto book = XlsxWorkbook::Create("review workbook");
  if (!book) return tl::unexpected(book.error());
  return std::unique_ptr<ReviewWriter>(
      new XlsxReviewWriter(out, codebook, options, std::move(*book)));
}

}  // namespace verbatim
