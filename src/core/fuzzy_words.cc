#include "core/fuzzy_words.h"

#include <algorithm>
#include <cassert>

namespace verbatim {
namespace {

// One more row of the distance table: `previous` holds distances of the
// pattern word's first depth-1 bytes to every prefix of `token`, `before`
// those of its first depth-2 (for transpositions), `c` is byte depth-1 of
// the pattern word and `last` byte depth-2. Returns the row's minimum.
int NextRow(std::string_view token, const int* before, const int* previous, unsigned char last,
            unsigned char c, int depth, int* row) {
  const size_t n = token.size();
  row[0] = depth;
  int minimum = row[0];
  for (size_t j = 1; j <= n; ++j) {
    const unsigned char t = static_cast<unsigned char>(token[j - 1]);
    int best = std::min(previous[j] + 1, row[j - 1] + 1);
    best = std::min(best, previous[j - 1] + (t == c ? 0 : 1));
    if (depth > 1 && j > 1 && t == last && static_cast<unsigned char>(token[j - 2]) == c) {
      best = std::min(best, before[j - 2] + 1);
    }
    row[j] = best;
    minimum = std::min(minimum, best);
  }
  return minimum;
}

}  // namespace

bool WordWithinEdits(std::string_view token, std::string_view word, bool stem, int max_edits) {
  if (word.empty() || token.empty()) return false;
  if (max_edits <= 0) {
    if (stem) return token.size() >= word.size() && token.compare(0, word.size(), word) == 0;
    return token == word;
  }
  if (token[0] != word[0] || token.size() > static_cast<size_t>(kMaxFuzzyWordBytes)) return false;
  if (word.size() > static_cast<size_t>(kMaxFuzzyWordBytes)) return false;
  const size_t n = token.size();
  // On the stack: this runs on the coding path, once per candidate word.
  int table[(kMaxFuzzyWordBytes + 1) * (kMaxFuzzyWordBytes + 1)];
  auto row = [&](size_t i) { return table + i * (n + 1); };
  for (size_t j = 0; j <= n; ++j) row(0)[j] = static_cast<int>(j);
  for (size_t i = 1; i <= word.size(); ++i) {
    const int minimum =
        NextRow(token, i > 1 ? row(i - 2) : row(0), row(i - 1),
                i > 1 ? static_cast<unsigned char>(word[i - 2]) : 0,
                static_cast<unsigned char>(word[i - 1]), static_cast<int>(i), row(i));
    if (minimum > max_edits) return false;
  }
  const int* last = row(word.size());
  if (!stem) return last[n] <= max_edits;
  return *std::min_element(last + 1, last + n + 1) <= max_edits;
}

void FuzzyWordIndex::Add(std::string_view word, bool stem, int max_edits, int key) {
  assert(max_edits >= 1 && !word.empty() &&
         word.size() <= static_cast<size_t>(kMaxFuzzyWordBytes));
  int node = 0;
  nodes_[0].max_edits_below = std::max(nodes_[0].max_edits_below, max_edits);
  for (char ch : word) {
    const unsigned char c = static_cast<unsigned char>(ch);
    auto& children = nodes_[node].children;
    auto it = std::lower_bound(children.begin(), children.end(), std::make_pair(c, 0),
                               [](const auto& a, const auto& b) { return a.first < b.first; });
    int child;
    if (it != children.end() && it->first == c) {
      child = it->second;
    } else {
      child = static_cast<int>(nodes_.size());
      children.insert(it, {c, child});
      nodes_.emplace_back();  // Invalidates `children`; not used after.
    }
    node = child;
    nodes_[node].max_edits_below = std::max(nodes_[node].max_edits_below, max_edits);
  }
  Reach& reach = reach_[static_cast<unsigned char>(word[0])];
  const size_t shortest = word.size() > static_cast<size_t>(max_edits) ? word.size() - max_edits : 1;
  const size_t longest = stem ? static_cast<size_t>(kMaxFuzzyWordBytes) : word.size() + max_edits;
  if (reach.min_length > reach.max_length) {
    reach = Reach{shortest, longest};
  } else {
    reach.min_length = std::min(reach.min_length, shortest);
    reach.max_length = std::max(reach.max_length, longest);
  }
  Node& end = nodes_[node];
  if (stem) {
    end.stem_key = key;
    end.stem_edits = std::max(end.stem_edits, max_edits);
  } else {
    end.whole_key = key;
    end.whole_edits = std::max(end.whole_edits, max_edits);
  }
}

void FuzzyWordIndex::Find(std::string_view token, FuzzyScratch* scratch, std::vector<int>* keys,
                          size_t shared) const {
  if (token.empty() || token.size() > static_cast<size_t>(kMaxFuzzyWordBytes)) return;
  // The first byte must be right: only its branch is walked.
  const auto& roots = nodes_[0].children;
  const unsigned char first = static_cast<unsigned char>(token[0]);
  auto it = std::lower_bound(roots.begin(), roots.end(), std::make_pair(first, 0),
                             [](const auto& a, const auto& b) { return a.first < b.first; });
  if (it == roots.end() || it->first != first) return;
  const size_t width = token.size() + 1;
  scratch->rows.resize(width * (kMaxFuzzyWordBytes + 2));
  scratch->path.resize(kMaxFuzzyWordBytes + 1);
  int* row0 = scratch->rows.data();
  for (size_t j = 0; j < width; ++j) row0[j] = static_cast<int>(j);
  const size_t before = keys->size();
  Walk(0, 0, token, std::clamp<size_t>(shared, 1, token.size()), scratch, keys);
  // A word reached as whole word and stem, or twice, is reported once.
  std::sort(keys->begin() + static_cast<long>(before), keys->end());
  keys->erase(std::unique(keys->begin() + static_cast<long>(before), keys->end()), keys->end());
}

void FuzzyWordIndex::Walk(int node, int depth, std::string_view token, size_t shared,
                          FuzzyScratch* scratch, std::vector<int>* keys) const {
  const size_t width = token.size() + 1;
  const Node& here = nodes_[node];
  // Words shorter than the shared bytes cannot begin with them.
  if (static_cast<size_t>(depth) >= shared) {
    const int* row = scratch->rows.data() + static_cast<size_t>(depth) * width;
    if (here.whole_key >= 0 && row[token.size()] <= here.whole_edits) {
      keys->push_back(here.whole_key);
    }
    if (here.stem_key >= 0 && *std::min_element(row + 1, row + width) <= here.stem_edits) {
      keys->push_back(here.stem_key);
    }
  }
  if (depth >= kMaxFuzzyWordBytes) return;
  for (const auto& [c, child] : here.children) {
    // The shared bytes are walked exactly: only their branch.
    if (static_cast<size_t>(depth) < shared && c != static_cast<unsigned char>(token[depth])) {
      continue;
    }
    const Node& next = nodes_[child];
    scratch->path[depth] = c;
    int* rows = scratch->rows.data();
    const int* previous = rows + static_cast<size_t>(depth) * width;
    const int* before = depth > 0 ? rows + static_cast<size_t>(depth - 1) * width : previous;
    int* row = rows + static_cast<size_t>(depth + 1) * width;
    const unsigned char last = depth > 0 ? scratch->path[depth - 1] : 0;
    const int minimum = NextRow(token, before, previous, last, c, depth + 1, row);
    // No word under `child` can come back within reach once every prefix
    // of the token is further than the most edits any of them tolerates.
    if (minimum > next.max_edits_below) continue;
    Walk(child, depth + 1, token, shared, scratch, keys);
  }
}

}  // namespace verbatim
