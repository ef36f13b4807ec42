#include "core/group_tally.h"

#include <algorithm>

#include "core/wilson.h"

namespace verbatim {

void GroupTally::Add(std::string_view group, AnswerStatus status,
                     const std::vector<int>& counted_codes) {
  auto found = groups_.find(group);
  if (found == groups_.end()) found = groups_.emplace(std::string(group), Tally(*codebook_)).first;
  found->second.Add(status, counted_codes);
}

std::vector<std::string> GroupTally::Groups() const {
  std::vector<std::string> names;
  for (const auto& [name, tally] : groups_) names.push_back(name);
  // The map gives byte order; a stable sort by size keeps it among ties.
  std::stable_sort(names.begin(), names.end(), [this](const std::string& a, const std::string& b) {
    return groups_.at(a).rows() > groups_.at(b).rows();
  });
  return names;
}

std::vector<GroupCountRow> BuildGroupCountRows(const Codebook& codebook, const GroupTally& tally) {
  std::vector<GroupCountRow> rows;
  for (const std::string& group : tally.Groups()) {
    const Tally& counts = tally.Of(group);
    for (CountRow& row : BuildCountRows(codebook, counts)) {
      const ProportionInterval interval = WilsonInterval(row.answers, counts.rows());
      rows.push_back({group, std::move(row), 100 * interval.low, 100 * interval.high});
    }
  }
  return rows;
}

}  // namespace verbatim
