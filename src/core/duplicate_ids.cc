#include "core/duplicate_ids.h"

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
  const auto [first, inserted] = first_line_.try_emplace(std::string(id), line);
  if (inserted) return;
  auto [at, is_new] = repeated_index_.try_emplace(first->first, repeated_.size());
  if (is_new) repeated_.push_back(Repeated{first->first, {first->second}, 1});
  Repeated& repeated = repeated_[at->second];
  ++repeated.rows;
  if (repeated.lines.size() < kMaxListedLines) repeated.lines.push_back(line);
}

std::string DuplicateIds::Describe(size_t max_ids) const {
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
