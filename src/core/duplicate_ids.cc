#include "core/duplicate_ids.h"

#include <algorithm>
#include <functional>
#include <numeric>
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

}  // namespace

void DuplicateIds::Add(std::string_view id, size_t line) {
  rows_.push_back(Row{std::hash<std::string_view>{}(id), ids_.size(), id.size(), line});
  ids_.append(id);
  resolved_ = false;
}

void DuplicateIds::Resolve() const {
  if (resolved_) return;
  resolved_ = true;
  repeated_.clear();
  // Entries by hash, each hash's in the order they were added.
  std::vector<size_t> order(rows_.size());
  std::iota(order.begin(), order.end(), size_t{0});
  std::sort(order.begin(), order.end(), [this](size_t a, size_t b) {
    return rows_[a].hash != rows_[b].hash ? rows_[a].hash < rows_[b].hash : a < b;
  });
  // (index of the first repetition, the repeated id)
  std::vector<std::pair<size_t, Repeated>> found;
  std::vector<size_t> same;
  for (size_t begin = 0, end; begin < order.size(); begin = end) {
    end = begin + 1;
    while (end < order.size() && rows_[order[end]].hash == rows_[order[begin]].hash) ++end;
    if (end - begin == 1) continue;
    // Equal hashes, almost always one id: group them by the id itself.
    std::vector<bool> grouped(end - begin, false);
    for (size_t first = begin; first < end; ++first) {
      if (grouped[first - begin]) continue;
      const std::string_view id = IdOf(rows_[order[first]]);
      same.clear();
      for (size_t other = first; other < end; ++other) {
        if (!grouped[other - begin] && IdOf(rows_[order[other]]) == id) {
          grouped[other - begin] = true;
          same.push_back(order[other]);
        }
      }
      if (same.size() < 2) continue;
      Repeated repeated{std::string(id), {}, same.size()};
      for (size_t k = 0; k < same.size() && k < kMaxListedLines; ++k) {
        repeated.lines.push_back(rows_[same[k]].line);
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
