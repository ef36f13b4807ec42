#include "core/duplicate_ids.h"

#include <algorithm>
#include <functional>
#include <utility>

namespace verbatim {
namespace {

constexpr size_t kMaxListedLines = 5;
constexpr size_t kMaxIdBytes = 40;

std::string ShortId(const std::string& id) {
  if (id.size() <= kMaxIdBytes) return id;
  size_t cut = kMaxIdBytes;
  while (cut > 0 && (static_cast<unsigned char>(id[cut]) & 0xC0) == 0x80) --cut;
  return id.substr(0, cut) + "…";
}

// (hash, row index) pairs sorted by hash, then index: a stable LSD radix
// sort, 16 bits a pass, of pairs laid out in row order.
void SortByHash(std::vector<std::pair<uint64_t, size_t>>* keys) {
  std::vector<std::pair<uint64_t, size_t>> other(keys->size());
  std::vector<size_t> counts(size_t{1} << 16);
  for (int shift = 0; shift < 64; shift += 16) {
    std::fill(counts.begin(), counts.end(), 0);
    for (const auto& key : *keys) ++counts[(key.first >> shift) & 0xFFFF];
    size_t total = 0;
    for (size_t& count : counts) total += std::exchange(count, total);
    for (const auto& key : *keys) other[counts[(key.first >> shift) & 0xFFFF]++] = key;
    keys->swap(other);
  }
}

}  // namespace

void DuplicateIds::Add(std::string_view id, size_t line) {
  if (id_blocks_.empty() || id_blocks_.back().size() + id.size() > id_blocks_.back().capacity()) {
    id_blocks_.emplace_back().reserve(std::max(kIdBlockBytes, id.size()));
  }
  std::string& ids = id_blocks_.back();
  if (rows_ % kRowsPerBlock == 0) row_blocks_.emplace_back().reserve(kRowsPerBlock);
  row_blocks_.back().push_back(Row{std::hash<std::string_view>{}(id), line,
                                   static_cast<uint32_t>(id_blocks_.size() - 1),
                                   static_cast<uint32_t>(ids.size()), id.size()});
  ids.append(id);
  ++rows_;
  resolved_ = false;
}

void DuplicateIds::Resolve() const {
  if (resolved_) return;
  resolved_ = true;
  repeated_.clear();
  // Entries by hash, each hash's in the order they were added.
  std::vector<std::pair<uint64_t, size_t>> keys;
  keys.reserve(rows_);
  for (const std::vector<Row>& block : row_blocks_) {
    for (const Row& row : block) keys.emplace_back(row.hash, keys.size());
  }
  SortByHash(&keys);
  // (index of the first repetition, the repeated id)
  std::vector<std::pair<size_t, Repeated>> found;
  std::vector<size_t> same;
  for (size_t begin = 0, end; begin < keys.size(); begin = end) {
    end = begin + 1;
    while (end < keys.size() && keys[end].first == keys[begin].first) ++end;
    if (end - begin == 1) continue;
    // Equal hashes, almost always one id: group them by the id itself.
    std::vector<bool> grouped(end - begin, false);
    for (size_t first = begin; first < end; ++first) {
      if (grouped[first - begin]) continue;
      const std::string_view id = IdOf(RowAt(keys[first].second));
      same.clear();
      for (size_t other = first; other < end; ++other) {
        if (!grouped[other - begin] && IdOf(RowAt(keys[other].second)) == id) {
          grouped[other - begin] = true;
          same.push_back(keys[other].second);
        }
      }
      if (same.size() < 2) continue;
      Repeated repeated{std::string(id), {}, same.size()};
      for (size_t k = 0; k < same.size() && k < kMaxListedLines; ++k) {
        repeated.lines.push_back(RowAt(same[k]).line);
      }
      found.emplace_back(same[1], std::move(repeated));
    }
  }
  std::sort(found.begin(), found.end(),
            [](const auto& a, const auto& b) { return a.first < b.first; });
  for (auto& [at, repeated] : found) repeated_.push_back(std::move(repeated));
}

std::string DuplicateIds::Describe(size_t max_ids) const {
  Resolve();
  std::string out;
  for (size_t i = 0; i < repeated_.size() && i < max_ids; ++i) {
    const Repeated& repeated = repeated_[i];
    if (i > 0) out += ", ";
    out += "\"" + ShortId(repeated.id) + "\" (lines ";
    for (size_t k = 0; k < repeated.lines.size(); ++k) {
      if (k > 0) out += k + 1 == repeated.lines.size() && repeated.rows == k + 1 ? " and " : ", ";
      out += std::to_string(repeated.lines[k]);
    }
    if (repeated.rows > repeated.lines.size()) {
      out += " and " + std::to_string(repeated.rows - repeated.lines.size()) + " more";
    }
    out += ")";
  }
  if (repeated_.size() > max_ids) {
    out += " and " + std::to_string(repeated_.size() - max_ids) + " more ids";
  }
  return out;
}

}  // namespace verbatim
