// WordStat .CAT files (see dictionary_reader.h for the contract).
#include <fmt/format.h>

#include <map>

#include "io/input/dictionary_reader.h"

namespace verbatim {
namespace {

struct Item {
  int depth = 0;
  std::string text;    // Without its weight.
  std::string weight;  // As written inside "(…)"; empty when none.
  int line = 0;
};

std::string_view TrimRight(std::string_view text) {
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

// Splits a trailing " (n)" off `text` when n is a number.
void SplitWeight(std::string_view text, Item& item) {
  text = TrimRight(text);
  if (!text.empty() && text.back() == ')') {
    const size_t open = text.rfind('(');
    if (open != std::string_view::npos) {
      const std::string_view inside = text.substr(open + 1, text.size() - open - 2);
      const bool number = !inside.empty() && inside.find_first_not_of("0123456789.-") ==
                                                 std::string_view::npos;
      if (number) {
        item.weight = std::string(inside);
        text = TrimRight(text.substr(0, open));
      }
    }
  }
  item.text = std::string(text);
}

}  // namespace

Result<Dictionary> ParseWordstatDictionary(std::string_view text, const std::string& path) {
  std::vector<Item> items;
  int line_number = 0;
  for (std::string_view line : SplitDictionaryLines(text)) {
    ++line_number;
    Item item;
    item.line = line_number;
    while (static_cast<size_t>(item.depth) < line.size() && line[item.depth] == '\t') ++item.depth;
    std::string_view rest = line.substr(item.depth);
    while (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
    if (TrimRight(rest).empty()) continue;
    SplitWeight(rest, item);
    items.push_back(std::move(item));
  }

  Dictionary dictionary;
  // open[d] is the category at depth d currently receiving items.
  std::vector<DictionaryCategory*> open;
  std::map<std::string, int> weights;  // weight -> entries that had it
  std::map<std::string, int> first_line;
  for (size_t i = 0; i < items.size(); ++i) {
    const Item& item = items[i];
    const SourceLocation location{path, item.line, item.depth + 1};
    const bool has_children = i + 1 < items.size() && items[i + 1].depth > item.depth;
    if (has_children || item.depth == 0) {
      DictionaryCategory category{item.text, location, {}, {}};
      if (!item.weight.empty()) {
        dictionary.notes.push_back(
            {location, fmt::format("category '{}' has a weight ({}): dropped", item.text,
                                   item.weight)});
      }
      // A category indented deeper than one level below the last one hangs
      // under the deepest category open above it.
      const size_t depth = std::min(static_cast<size_t>(item.depth), open.size());
      if (depth != static_cast<size_t>(item.depth)) {
        dictionary.notes.push_back(
            {location, fmt::format("category '{}' is indented deeper than the category above it; "
                                   "read one level below it",
                                   item.text)});
      }
      open.resize(depth);
      std::vector<DictionaryCategory>& siblings =
          depth == 0 ? dictionary.categories : open.back()->children;
      siblings.push_back(std::move(category));
      open.push_back(&siblings.back());
      continue;
    }
    const size_t parent_depth = std::min(static_cast<size_t>(item.depth), open.size());
    open.resize(parent_depth);
    if (open.empty()) {
      dictionary.notes.push_back(
          {location, fmt::format("'{}' comes before any category: not carried", item.text)});
      continue;
    }
    std::string entry = item.text;
    for (char& c : entry) {
      if (c == '_') c = ' ';
    }
    open.back()->entries.push_back(DictionaryEntry{std::move(entry), location});
    if (!item.weight.empty()) {
      if (weights[item.weight]++ == 0) first_line[item.weight] = item.line;
    }
  }
  if (dictionary.categories.empty()) {
    return MakeError("no category: not a WordStat dictionary (categories at the start of a "
                     "line, their entries indented by tabs below them)",
                     {path});
  }
  for (const auto& [weight, count] : weights) {
    dictionary.notes.push_back(
        {{path, first_line[weight], 0},
         fmt::format("{} entr{} with the weight ({}): weights dropped (in verbatim each pattern "
                     "counts once; the first is here)",
                     count, count == 1 ? "y" : "ies", weight)});
  }
  return dictionary;
}

}  // namespace verbatim
