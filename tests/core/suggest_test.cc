#include "core/suggest.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace verbatim {
namespace {

struct DistanceCase {
  std::string a;
  std::string b;
  int expected;
};

TEST(SuggestTest, EditDistanceCountsInsertionsDeletionsSubstitutionsAndTranspositions) {
  const std::vector<DistanceCase> cases = {
      {"", "", 0},
      {"abc", "abc", 0},
      {"", "abc", 3},
      {"abc", "", 3},
      {"subthems", "subthemes", 1},   // insertion
      {"labell", "label", 1},          // deletion
      {"lebel", "label", 1},           // substitution
      {"ccma", "ccam", 1},             // transposition
      {"tehmes", "themes", 1},         // transposition
      {"kitten", "sitting", 3},
      {"ca", "abc", 3},                // optimal string alignment, not full Damerau
      {"Label", "label", 1},           // case-sensitive
  };
  for (const DistanceCase& c : cases) {
    EXPECT_EQ(EditDistance(c.a, c.b), c.expected) << "'" << c.a << "' -> '" << c.b << "'";
  }
}

TEST(SuggestTest, EditDistanceIsSymmetric) {
  EXPECT_EQ(EditDistance("revalorisation", "revalorsiation"),
            EditDistance("revalorsiation", "revalorisation"));
}

struct SuggestCase {
  std::string word;
  std::string expected;
};

TEST(SuggestTest, SuggestClosestProposesOnlyNearCandidates) {
  const std::vector<std::string> keys = {"id",       "label",   "description", "use_when",
                                         "not_when", "patterns", "exclude",    "examples",
                                         "counterexamples", "subthemes"};
  const std::vector<SuggestCase> cases = {
      {"subthems", "subthemes"},  // one edit
      {"lable", "label"},         // transposition
      {"pattrens", "patterns"},   // transposition
      {"exemples", "examples"},   // substitution
      {"excludes", "exclude"},    // deletion
      {"lbl", "label"},           // two edits
      {"idd", "id"},
      {"ib", "id"},
      {"x", ""},                  // two edits but the word has one letter
      {"weight", ""},             // far from every key
      {"", ""},
  };
  for (const SuggestCase& c : cases) {
    EXPECT_EQ(SuggestClosest(c.word, keys), c.expected) << "word '" << c.word << "'";
  }
}

TEST(SuggestTest, SuggestClosestBreaksTiesByCandidateOrder) {
  EXPECT_EQ(SuggestClosest("ab", {"ax", "xb"}), "ax");
  EXPECT_EQ(SuggestClosest("ab", {"xb", "ax"}), "xb");
}

TEST(SuggestTest, SuggestClosestPrefersTheNearestCandidate) {
  EXPECT_EQ(SuggestClosest("revalorisation.ccma",
                           {"revalorisation", "revalorisation.cc", "revalorisation.ccam"}),
            "revalorisation.ccam");
}

TEST(SuggestTest, SuggestClosestReturnsAnExactMatchAsIs) {
  EXPECT_EQ(SuggestClosest("themes", {"theme", "themes"}), "themes");
}

TEST(SuggestTest, SuggestClosestWithNoCandidatesReturnsEmpty) {
  EXPECT_EQ(SuggestClosest("themes", {}), "");
}

}  // namespace
}  // namespace verbatim
