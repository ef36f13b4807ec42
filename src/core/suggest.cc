#include "core/suggest.h"

#include <algorithm>

namespace verbatim {

int EditDistance(std::string_view a, std::string_view b) {
  // Three rolling rows: a transposition looks two rows back.
  const size_t n = b.size();
  std::vector<int> two_back(n + 1), previous(n + 1), current(n + 1);
  for (size_t j = 0; j <= n; ++j) previous[j] = static_cast<int>(j);
  for (size_t i = 1; i <= a.size(); ++i) {
    current[0] = static_cast<int>(i);
    for (size_t j = 1; j <= n; ++j) {
      const int cost = a[i - 1] == b[j - 1] ? 0 : 1;
      int best = std::min({previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        best = std::min(best, two_back[j - 2] + 1);
      }
      current[j] = best;
    }
    std::swap(two_back, previous);
    std::swap(previous, current);
  }
  return previous[n];
}

std::string SuggestClosest(std::string_view word, const std::vector<std::string>& candidates) {
  const std::string* best = nullptr;
  int best_distance = kMaxSuggestionDistance + 1;
  for (const std::string& candidate : candidates) {
    // Lengths that differ by more than the limit cannot be within it.
    const size_t longer = std::max(word.size(), candidate.size());
    const size_t shorter = std::min(word.size(), candidate.size());
    if (longer - shorter > static_cast<size_t>(kMaxSuggestionDistance)) continue;
    const int distance = EditDistance(word, candidate);
    if (distance < best_distance && static_cast<size_t>(distance) < std::max<size_t>(word.size(), 1)) {
      best = &candidate;
      best_distance = distance;
    }
  }
  return best == nullptr ? std::string() : *best;
}

}  // namespace verbatim
