#include <fmt/format.h>

#include <memory>
#include <nlohmann/json.hpp>
#include <string>

#include "io/input/reader_internal.h"

namespace verbatim::internal {
namespace {

using nlohmann::json;

bool IsBlank(const std::string& line) {
  return line.find_first_not_of(" \t\r\n") == std::string::npos;
}

// nlohmann's message without its "[json.exception.parse_error.101] parse
// error at line 1, column 7: " prefix: the location is given separately.
std::string ParseErrorDetail(const json::exception& error) {
  std::string what = error.what();
  if (const size_t bracket = what.find("] "); bracket != std::string::npos) {
    what.erase(0, bracket + 2);
  }
  if (what.starts_with("parse error at line")) {
    if (const size_t colon = what.find(": "); colon != std::string::npos) what.erase(0, colon + 2);
  }
  return what;
}

class JsonlReader : public RecordReader {
 public:
  JsonlReader(std::istream& in, std::string file_name, std::string text_key, std::string id_key,
              bool id_required, std::vector<std::string> extra_keys)
      : lines_(in),
        file_name_(std::move(file_name)),
        text_key_(std::move(text_key)),
        id_key_(std::move(id_key)),
        id_required_(id_required),
        extra_keys_(std::move(extra_keys)) {}

  bool Next(InputRecord* record) override {
    do {
      if (!lines_.Next(&line_)) return ReportReadFailure(record);
    } while (IsBlank(line_));
    *record = InputRecord{};
    record->extra.assign(extra_keys_.size(), std::string());
    record->row = ++row_;
    record->line = lines_.line_number();
    record->id = std::to_string(record->line);
    json value;
    try {
      value = json::parse(line_);
    } catch (const json::parse_error& error) {
      record->error = RowError(file_name_, record->line, error.byte,
                               "invalid JSON: " + ParseErrorDetail(error));
      return true;
    } catch (const json::exception& error) {
      // Not only syntax: a number too large for a double is out_of_range.
      record->error =
          RowError(file_name_, record->line, 0, "invalid JSON: " + ParseErrorDetail(error));
      return true;
    }
    if (!value.is_object()) {
      record->error = RowError(file_name_, record->line, 0,
                               fmt::format("expected a JSON object, found {}", value.type_name()));
      return true;
    }
    const auto text = value.find(text_key_);
    if (text == value.end()) {
      record->error =
          RowError(file_name_, record->line, 0, fmt::format("no \"{}\" key", text_key_));
    } else if (!text->is_string()) {
      record->error =
          RowError(file_name_, record->line, 0,
                   fmt::format("\"{}\" is a {}, not a string", text_key_, text->type_name()));
    } else {
      record->text = text->get<std::string>();
      // JSON escapes can still give a NUL ("\u0000").
      if (std::string problem = TextProblem(record->text); !problem.empty()) {
        record->error = RowError(file_name_, record->line, 0, problem);
      }
    }
    for (size_t i = 0; i < extra_keys_.size(); ++i) {
      const auto extra = value.find(extra_keys_[i]);
      if (extra == value.end() || extra->is_null()) continue;
      record->extra[i] = extra->is_string() ? extra->get<std::string>() : extra->dump();
    }
    const auto id = value.find(id_key_);
    if (id == value.end()) {
      if (id_required_ && record->error.empty()) {
        record->error =
            RowError(file_name_, record->line, 0, fmt::format("no \"{}\" key", id_key_));
      }
    } else if (id->is_string()) {
      record->id = id->get<std::string>();
    } else if (id->is_number()) {
      record->id = id->dump();
    } else if (record->error.empty()) {
      record->error = RowError(
          file_name_, record->line, 0,
          fmt::format("\"{}\" is a {}, not a string or a number", id_key_, id->type_name()));
    }
    return true;
  }

  // True if the input holds nothing (a byte order mark at most).
  bool empty() { return lines_.empty(); }

  std::string TextColumnName() const override { return text_key_; }
  std::string IdColumnName() const override { return id_key_; }
  std::vector<std::string> ExtraColumnNames() const override { return extra_keys_; }

 private:
  bool ReportReadFailure(InputRecord* record) {
    if (!lines_.read_failed() || read_failure_reported_) return false;
    read_failure_reported_ = true;
    *record = InputRecord{};
    record->row = ++row_;
    record->line = lines_.line_number() + 1;
    record->id = std::to_string(record->line);
    record->error = RowError(file_name_, record->line, 0, kCutShortReason);
    return true;
  }

  LineSource lines_;
  std::string file_name_;
  std::string text_key_;
  std::string id_key_;
  bool id_required_;
  std::vector<std::string> extra_keys_;
  std::string line_;
  size_t row_ = 0;
  bool read_failure_reported_ = false;
};

}  // namespace

Result<std::unique_ptr<RecordReader>> OpenJsonlReader(std::istream& in, const InputOptions& options,
                                                      const std::string& file_name) {
  auto reader = std::make_unique<JsonlReader>(
      in, file_name, options.column.empty() ? "text" : options.column,
      options.id_column.empty() ? "id" : options.id_column, !options.id_column.empty(),
      options.extra_columns);
  const bool empty = reader->empty();
  return LineReaderUnlessEmpty(std::move(reader), empty, in, options, file_name);
}

}  // namespace verbatim::internal
