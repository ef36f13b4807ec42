// Finds the ids that more than one row of a run carries.
//
// Design: ids join coded.csv to the survey and to review decisions, so two
// rows with one id would be confused downstream; `code` refuses them unless
// told otherwise. Rows are added as they are read and the answer is known at
// the end, so the run streams as before. Adding costs one append to a block
// of ids and one 32-byte entry in a block of rows (no allocation per id, no
// hash table to grow: a table of strings cost a fifth of a cheap codebook's
// run; and no buffer that doubles and copies itself: on 390,000 rows the
// copies and the page faults of the growing buffers cost more than the
// check itself). The repeated ids are found when first asked for, by a
// radix sort of the ids' hashes. Memory grows with the rows: their ids'
// bytes and 32 bytes each (32 more while the sort runs). Not thread-safe
// (the const queries fill a cache).
#ifndef VERBATIM_CORE_DUPLICATE_IDS_H_
#define VERBATIM_CORE_DUPLICATE_IDS_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace verbatim {

class DuplicateIds {
 public:
  // Records that the row starting at 1-based `line` has `id`.
  void Add(std::string_view id, size_t line);

  // True when no id was added twice.
  bool empty() const {
    Resolve();
    return repeated_.empty();
  }
  // How many distinct ids were added more than once.
  size_t count() const {
    Resolve();
    return repeated_.size();
  }

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
  struct Row {
    uint64_t hash;
    size_t line;
    uint32_t id_block;  // Index in id_blocks_.
    uint32_t offset;    // Of the id in its block.
    size_t size;
  };
  // Rows live in blocks of kRowsPerBlock, ids in blocks of at least
  // kIdBlockBytes: a block is allocated once and never moved.
  static constexpr size_t kRowsPerBlock = size_t{1} << 15;
  static constexpr size_t kIdBlockBytes = size_t{1} << 20;

  const Row& RowAt(size_t index) const { return row_blocks_[index / kRowsPerBlock][index % kRowsPerBlock]; }
  std::string_view IdOf(const Row& row) const {
    return std::string_view(id_blocks_[row.id_block]).substr(row.offset, row.size);
  }
  // Fills repeated_ from the rows unless it was filled since the last Add.
  void Resolve() const;

  std::vector<std::string> id_blocks_;  // Every id added, end to end within a block.
  std::vector<std::vector<Row>> row_blocks_;  // Rows in the order they were added.
  size_t rows_ = 0;  // Rows in all blocks.
  mutable bool resolved_ = true;
  mutable std::vector<Repeated> repeated_;  // In the order of their first repetition.
};

}  // namespace verbatim

#endif  // VERBATIM_CORE_DUPLICATE_IDS_H_
