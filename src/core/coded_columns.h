// The fixed columns of the coded table (coded.csv, and the keys of
// coded.jsonl), in one place: the writers lay them out from these lists
// (io/output/coded_row.h), and the codebook checker refuses a code id equal
// to one of them, since each code id is a column of the same table and a
// reader looking a column up by name would get the wrong one.
//
// Layout: kCodedLeadingColumns, one 0/1 column per code, kCodedTrailingColumns,
// then kCodedDecisionColumns when the run has decisions.
#ifndef VERBATIM_CORE_CODED_COLUMNS_H_
#define VERBATIM_CORE_CODED_COLUMNS_H_

#include <array>
#include <string>
#include <string_view>

namespace verbatim {

inline constexpr std::array<std::string_view, 7> kCodedLeadingColumns = {
    "row", "id", "status", "codes", "proposed", "reasons", "error"};
inline constexpr std::array<std::string_view, 1> kCodedTrailingColumns = {"evidence"};
inline constexpr std::array<std::string_view, 4> kCodedDecisionColumns = {
    "decided", "decision", "machine_status", "machine_codes"};

// True when `name` is one of the fixed columns above.
inline bool IsCodedTableColumn(std::string_view name) {
  for (std::string_view column : kCodedLeadingColumns) {
    if (column == name) return true;
  }
  for (std::string_view column : kCodedTrailingColumns) {
    if (column == name) return true;
  }
  for (std::string_view column : kCodedDecisionColumns) {
    if (column == name) return true;
  }
  return false;
}

// The fixed columns, comma-separated in table order, for messages.
inline std::string CodedTableColumnList() {
  std::string list;
  auto add = [&list](std::string_view column) {
    if (!list.empty()) list += ", ";
    list += column;
  };
  for (std::string_view column : kCodedLeadingColumns) add(column);
  for (std::string_view column : kCodedTrailingColumns) add(column);
  for (std::string_view column : kCodedDecisionColumns) add(column);
  return list;
}

}  // namespace verbatim

#endif  // VERBATIM_CORE_CODED_COLUMNS_H_
