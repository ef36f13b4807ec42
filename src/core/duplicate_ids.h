// Finds the ids that more than one row of a run carries.
//
// Design: ids join coded.csv to the survey and to review decisions, so two
// rows with one id would be confused downstream; `code` refuses them unless
// told otherwise. Rows are added as they are read and the answer is known at
// the end, so the run streams as before; memory grows with the number of
// distinct ids (one string and one line each), not with the answers.
#ifndef VERBATIM_CORE_DUPLICATE_IDS_H_
#define VERBATIM_CORE_DUPLICATE_IDS_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace verbatim {

class DuplicateIds {
 public:
  // Records that the row starting at 1-based `line` has `id`.
  void Add(std::string_view id, size_t line);

  // True when no id was added twice.
  bool empty() const { return repeated_.empty(); }
  // How many distinct ids were added more than once.
  size_t count() const { return repeated_.size(); }

  // The repeated ids in the order of their first repetition, each with its
  // lines: "\"7\" (lines 2 and 9), \"12\" (lines 4, 5 and 6)". At most
  // `max_ids` ids and 5 lines per id are listed; the rest is summed up
  // ("… and 3 more ids"). Ids are cut to 40 bytes.
  std::string Describe(size_t max_ids) const;

 private:
  struct Repeated {
    std::string id;
    std::vector<size_t> lines;  // The first 5.
    size_t rows = 0;
  };
  std::unordered_map<std::string, size_t> first_line_;
  std::unordered_map<std::string, size_t> repeated_index_;  // Into repeated_.
  std::vector<Repeated> repeated_;
};

}  // namespace verbatim

#endif  // VERBATIM_CORE_DUPLICATE_IDS_H_
