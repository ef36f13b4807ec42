#include "io/output/kwic_table.h"

#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

namespace verbatim {
namespace {

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

// Display column where `needle` starts in `line`.
size_t ColumnOf(const std::string& line, const std::string& needle) {
  const size_t at = line.find(needle);
  EXPECT_NE(at, std::string::npos) << needle << " in " << line;
  return DisplayWidth(line.substr(0, at));
}

TEST(KwicTableTest, LineDropsTheSpacesNextToTheMatch) {
  const std::string text = "une vraie revalorisation des actes";
  const KwicLine line = MakeKwicLine("7", text, KwicHit{10, 24}, 40);
  EXPECT_EQ(line.id, "7");
  EXPECT_EQ(line.snippet.left, "une vraie");
  EXPECT_EQ(line.snippet.match, "revalorisation");
  EXPECT_EQ(line.snippet.right, "des actes");
}

TEST(KwicTableTest, MatchesAndRightContextsAlignByDisplayWidth) {
  const std::string a = "Une vraie revalorisation des actes";
  const std::string b = "Il faut réévaluer et revaloriser la CCAM";
  const std::string c = "revalorisé";
  std::vector<KwicLine> lines = {MakeKwicLine("1", a, {10, 24}, 12),
                                 MakeKwicLine("12", b, {23, 34}, 12),
                                 MakeKwicLine("3", c, {0, c.size()}, 12)};
  std::ostringstream out;
  WriteKwicLines(out, lines);
  const std::vector<std::string> written = Lines(out.str());
  ASSERT_EQ(written.size(), 3u);
  EXPECT_EQ(written[0], " 1    Une vraie | revalorisation | des actes");
  EXPECT_EQ(written[1], "12  …évaluer et | revaloriser    | la CCAM");
  // No right context: no trailing separator.
  EXPECT_EQ(written[2], " 3              | revalorisé");
  // Every separator at the same column, whatever the accents.
  EXPECT_EQ(ColumnOf(written[0], "| revalorisation"), ColumnOf(written[1], "| revaloriser"));
  EXPECT_EQ(ColumnOf(written[0], "| des"), ColumnOf(written[1], "| la"));
}

TEST(KwicTableTest, NoLinesWritesNothing) {
  std::ostringstream out;
  WriteKwicLines(out, {});
  EXPECT_EQ(out.str(), "");
}

}  // namespace
}  // namespace verbatim
