#include <fmt/format.h>

#include <memory>
#include <string>
#include <vector>

#include "io/input/column_selector.h"
#include "io/input/csv_parser.h"
#include "io/input/reader_internal.h"

namespace verbatim::internal {
namespace {

class CsvReader : public RecordReader {
 public:
  CsvReader(CsvParser parser, std::string file_name, std::vector<std::string> headers,
            size_t text_index, std::optional<size_t> id_index, std::vector<size_t> extra_indices)
      : parser_(std::move(parser)),
        file_name_(std::move(file_name)),
        headers_(std::move(headers)),
        text_index_(text_index),
        id_index_(id_index),
        extra_indices_(std::move(extra_indices)) {}

  bool Next(InputRecord* record) override {
    if (!parser_.Next(&raw_)) {
      if (!parser_.read_failed() || read_failure_reported_) return false;
      // A truncated input must not look like a complete one.
      read_failure_reported_ = true;
      *record = InputRecord{};
      record->row = ++row_;
      record->line = parser_.current_line();
      record->id = std::to_string(row_);
      record->error = RowError(file_name_, record->line, 0, kCutShortReason);
      return true;
    }
    const std::vector<std::string>& fields = raw_.fields;
    record->row = ++row_;
    record->line = raw_.line;
    record->id =
        id_index_ && *id_index_ < fields.size() ? fields[*id_index_] : std::to_string(row_);
    if (text_index_ < fields.size()) {
      record->text = fields[text_index_];
    } else {
      record->text.clear();
    }
    record->extra.resize(extra_indices_.size());
    for (size_t i = 0; i < extra_indices_.size(); ++i) {
      const size_t index = extra_indices_[i];
      record->extra[i] = index < fields.size() ? fields[index] : std::string();
    }
    record->error.clear();
    if (raw_.error) {
      record->error =
          RowError(file_name_, raw_.error->line, raw_.error->column, raw_.error->message);
    } else if (fields.size() != headers_.size()) {
      record->error = RowError(file_name_, raw_.line, 0,
                               fmt::format("expected {} fields (one per column), found {}",
                                           headers_.size(), fields.size()));
    } else if (std::string problem = TextProblem(record->text); !problem.empty()) {
      record->error = RowError(file_name_, raw_.line, 0, problem);
    }
    return true;
  }

  std::string TextColumnName() const override { return headers_[text_index_]; }
  std::string IdColumnName() const override { return id_index_ ? headers_[*id_index_] : ""; }
  std::vector<std::string> ExtraColumnNames() const override {
    std::vector<std::string> names;
    for (size_t index : extra_indices_) names.push_back(headers_[index]);
    return names;
  }

 private:
  CsvParser parser_;
  std::string file_name_;
  std::vector<std::string> headers_;
  size_t text_index_;
  std::optional<size_t> id_index_;
  std::vector<size_t> extra_indices_;
  CsvRecord raw_;  // Reused: its strings keep their capacity across rows.
  size_t row_ = 0;
  bool read_failure_reported_ = false;
};

}  // namespace

Result<std::unique_ptr<RecordReader>> OpenCsvReader(std::istream& in, const InputOptions& options,
                                                    const std::string& file_name) {
  CsvParser parser(in, options.delimiter);
  CsvRecord header;
  if (!parser.Next(&header)) {
    if (parser.read_failed()) {
      return MakeError("cannot read the header (read error)", SourceLocation{file_name});
    }
    if (options.allow_empty) return MakeNoRecordReader();
    return MakeError("empty file", SourceLocation{file_name});
  }
  const SourceLocation header_location{file_name, static_cast<int>(header.line)};
  if (header.error) {
    return MakeError("in the header: " + header.error->message,
                     SourceLocation{file_name, static_cast<int>(header.error->line),
                                    static_cast<int>(header.error->column)});
  }
  for (const std::string& field : header.fields) {
    if (field.find('\0') != std::string::npos) {
      return MakeError(
          "the header holds NUL bytes: this is not UTF-8 text (UTF-16 or UTF-32 without a byte "
          "order mark, or a binary file?); save it as UTF-8 CSV",
          header_location);
    }
  }
  Result<size_t> text_index =
      options.column.empty()
          ? DefaultTextColumn(header.fields, header_location)
          : SelectColumn(header.fields, options.column, "--column", header_location);
  if (!text_index) return tl::unexpected(text_index.error());
  std::optional<size_t> id_index;
  if (!options.id_column.empty()) {
    Result<size_t> selected =
        SelectColumn(header.fields, options.id_column, "--id-column", header_location);
    if (!selected) return tl::unexpected(selected.error());
    id_index = *selected;
  } else {
    id_index = DefaultIdColumn(header.fields);
  }
  std::vector<size_t> extra_indices;
  for (const std::string& spec : options.extra_columns) {
    Result<size_t> selected = SelectColumn(header.fields, spec, "column", header_location);
    if (!selected) return tl::unexpected(selected.error());
    extra_indices.push_back(*selected);
  }
  if (options.extra_columns.empty() && options.all_other_columns) {
    for (size_t i = 0; i < header.fields.size(); ++i) {
      if (i != *text_index && (!id_index || i != *id_index)) extra_indices.push_back(i);
    }
  }
  return std::make_unique<CsvReader>(std::move(parser), file_name, std::move(header.fields),
                                     *text_index, id_index, std::move(extra_indices));
}

}  // namespace verbatim::internal
