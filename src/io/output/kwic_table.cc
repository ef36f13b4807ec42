#include "io/output/kwic_table.h"

#include <fmt/format.h>

#include <algorithm>

namespace verbatim {

KwicLine MakeKwicLine(std::string id, std::string_view original, const KwicHit& hit, size_t width) {
  KwicLine line{std::move(id), MakeSnippet(original, hit.begin, hit.end, width)};
  // The column separators stand for the space next to the match.
  while (!line.snippet.left.empty() && line.snippet.left.back() == ' ')
    line.snippet.left.pop_back();
  size_t start = 0;
  while (start < line.snippet.right.size() && line.snippet.right[start] == ' ') ++start;
  line.snippet.right.erase(0, start);
  return line;
}

void WriteKwicLines(std::ostream& out, const std::vector<KwicLine>& lines) {
  size_t id_width = 0, left_width = 0, match_width = 0;
  for (const KwicLine& line : lines) {
    id_width = std::max(id_width, DisplayWidth(line.id));
    left_width = std::max(left_width, DisplayWidth(line.snippet.left));
    match_width = std::max(match_width, DisplayWidth(line.snippet.match));
  }
  for (const KwicLine& line : lines) {
    std::string text =
        fmt::format("{:>{}}  {:>{}} | ", line.id, id_width, line.snippet.left, left_width);
    if (line.snippet.right.empty()) {
      text += line.snippet.match;
    } else {
      text += fmt::format("{:<{}} | {}", line.snippet.match, match_width, line.snippet.right);
    }
    while (!text.empty() && text.back() == ' ') text.pop_back();
    out << text << '\n';
  }
}

}  // namespace verbatim
