#include "core/fuzzy_words.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <string>
#include <vector>

#include "core/suggest.h"

namespace verbatim {
namespace {

struct WithinCase {
  const char* token;
  const char* word;
  bool stem;
  int max_edits;
  bool expected;
};

TEST(FuzzyWordsTest, WordWithinEditsCountsOptimalStringAlignmentEdits) {
  const WithinCase cases[] = {
      {"revalorisation", "revalorisation", false, 0, true},
      {"revalorisaton", "revalorisation", false, 1, true},   // deletion
      {"revalorisaton", "revalorisation", false, 0, false},
      {"revalorsiation", "revalorisation", false, 1, true},  // transposition
      {"mutuelels", "mutuelles", false, 1, true},            // transposition
      {"honnoraires", "honoraires", false, 1, true},         // insertion
      {"horaires", "honoraires", false, 1, false},           // two deletions
      {"horaires", "honoraires", false, 2, true},
      {"indexaton", "indexation", false, 2, true},
      {"tarifs", "tarif", true, 0, true},                    // exact stem
      {"revalarisation", "revalori", true, 1, true},         // substitution inside the stem
      {"revalarasation", "revalori", true, 1, false},        // two inside the stem
      {"revalorisation", "revaloi", true, 1, true},          // a prefix one edit away
      {"evalorisation", "revalorisation", false, 1, false},  // the first letter must be right
      {"xevalorisation", "revalorisation", false, 1, false},
      {"mutuelle", "mutuelles", false, 1, true},
  };
  for (const WithinCase& c : cases) {
    EXPECT_EQ(WordWithinEdits(c.token, c.word, c.stem, c.max_edits), c.expected)
        << c.token << " ~ " << c.word << (c.stem ? "*" : "") << " within " << c.max_edits;
  }
}

TEST(FuzzyWordsTest, StemMatchesWhenSomeBeginningOfTheWordIsWithinReach) {
  EXPECT_TRUE(WordWithinEdits("revalorizer", "revalori", true, 0));
  EXPECT_TRUE(WordWithinEdits("revlaorisation", "revalori", true, 1));  // transposed "al"
  EXPECT_FALSE(WordWithinEdits("rev", "revalori", true, 1));
}

// The index finds exactly the words WordWithinEdits accepts: checked on
// random words against a brute-force scan.
TEST(FuzzyWordsTest, IndexFindsExactlyWhatTheScanFinds) {
  std::mt19937 random(7);
  const std::string letters = "aeinorstu";
  auto random_word = [&](int min_length, int max_length) {
    std::uniform_int_distribution<int> length(min_length, max_length);
    std::uniform_int_distribution<size_t> letter(0, letters.size() - 1);
    std::string word(static_cast<size_t>(length(random)), ' ');
    for (char& c : word) c = letters[letter(random)];
    return word;
  };
  struct Entry {
    std::string word;
    bool stem;
    int edits;
  };
  std::vector<Entry> entries;
  FuzzyWordIndex index;
  for (int key = 0; key < 300; ++key) {
    Entry entry{random_word(3, 9), key % 3 == 0, 1 + key % 2};
    index.Add(entry.word, entry.stem, entry.edits, key);
    entries.push_back(entry);
  }
  FuzzyScratch scratch;
  for (int round = 0; round < 2000; ++round) {
    const std::string token = random_word(1, 11);
    std::vector<int> found;
    index.Find(token, &scratch, &found);
    std::sort(found.begin(), found.end());
    std::vector<int> expected;
    for (size_t key = 0; key < entries.size(); ++key) {
      if (WordWithinEdits(token, entries[key].word, entries[key].stem, entries[key].edits)) {
        expected.push_back(static_cast<int>(key));
      }
    }
    ASSERT_EQ(found, expected) << "token " << token;
    // With `shared` bytes: the same, among the words that begin with them.
    const size_t shared = 1 + static_cast<size_t>(round) % token.size();
    found.clear();
    index.Find(token, &scratch, &found, shared);
    std::sort(found.begin(), found.end());
    std::vector<int> expected_shared;
    for (int key : expected) {
      if (entries[static_cast<size_t>(key)].word.compare(0, shared, token, 0, shared) == 0) {
        expected_shared.push_back(key);
      }
    }
    ASSERT_EQ(found, expected_shared) << "token " << token << ", " << shared << " bytes shared";
  }
}

TEST(FuzzyWordsTest, WholeWordDistanceAgreesWithEditDistance) {
  std::mt19937 random(11);
  const std::string letters = "abcde";
  std::uniform_int_distribution<int> length(1, 7);
  std::uniform_int_distribution<size_t> letter(0, letters.size() - 1);
  for (int round = 0; round < 5000; ++round) {
    std::string a(static_cast<size_t>(length(random)), ' '), b(static_cast<size_t>(length(random)), ' ');
    for (char& c : a) c = letters[letter(random)];
    for (char& c : b) c = letters[letter(random)];
    b[0] = a[0];  // The first letter is always right here.
    for (int k = 1; k <= 2; ++k) {
      ASSERT_EQ(WordWithinEdits(a, b, false, k), EditDistance(a, b) <= k) << a << " " << b;
    }
  }
}

TEST(FuzzyWordsTest, LongTokensNeverMatchWithEdits) {
  FuzzyWordIndex index;
  index.Add("revalorisation", false, 2, 0);
  FuzzyScratch scratch;
  std::vector<int> found;
  index.Find(std::string(kMaxFuzzyWordBytes + 1, 'r'), &scratch, &found);
  EXPECT_TRUE(found.empty());
  index.Find("revalorisaton", &scratch, &found);
  EXPECT_EQ(found, std::vector<int>{0});
}

}  // namespace
}  // namespace verbatim
