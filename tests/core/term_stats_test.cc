#include "core/term_stats.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "run/codebook_setup.h"
#include "core/stopwords.h"

namespace verbatim {
namespace {

std::vector<std::string> Terms(const TermCounter& counter, TermLength length, size_t top = 100,
                               size_t min_count = 1) {
  std::vector<std::string> out;
  for (const TermCount& term : counter.Top(length, top, min_count)) {
    out.push_back(term.term + "=" + std::to_string(term.answers));
  }
  return out;
}

TEST(TermStatsTest, CountsAnswersNotOccurrences) {
  TermCounter counter;
  counter.Add("paperasse, paperasse et encore paperasse");
  counter.Add("la paperasse");
  EXPECT_EQ(counter.answers(), 2u);
  EXPECT_EQ(Terms(counter, TermLength::kWord), (std::vector<std::string>{"paperasse=2"}));
}

TEST(TermStatsTest, LeavesStopwordsOut) {
  TermCounter counter;
  counter.Add("je ne veux pas de la ccam");
  EXPECT_EQ(Terms(counter, TermLength::kWord), (std::vector<std::string>{"ccam=1", "veux=1"}));
}

TEST(TermStatsTest, TiesAreAlphabetical) {
  TermCounter counter;
  counter.Add("tarifs ccam");
  counter.Add("ccam actes");
  counter.Add("zonage actes");
  EXPECT_EQ(Terms(counter, TermLength::kWord),
            (std::vector<std::string>{"actes=2", "ccam=2", "tarifs=1", "zonage=1"}));
}

TEST(TermStatsTest, TopAndMinCountLimitTheList) {
  TermCounter counter;
  counter.Add("tarifs ccam");
  counter.Add("ccam actes");
  counter.Add("zonage actes ccam");
  EXPECT_EQ(Terms(counter, TermLength::kWord, 2), (std::vector<std::string>{"ccam=3", "actes=2"}));
  EXPECT_EQ(Terms(counter, TermLength::kWord, 100, 2),
            (std::vector<std::string>{"ccam=3", "actes=2"}));
}

TEST(TermStatsTest, PhrasesOfTwoAndThreeWordsMayHoldAStopwordInside) {
  TermCounter counter;
  // "sous" is a stopword: "actes techniques sous" and "techniques sous" end
  // with it; "techniques sous payes" only holds it.
  counter.Add("actes techniques sous payes");
  EXPECT_EQ(Terms(counter, TermLength::kPhrase),
            (std::vector<std::string>{"actes techniques=1", "techniques sous payes=1"}));
}

TEST(TermStatsTest, PhrasesNeitherStartNorEndWithAStopword) {
  TermCounter counter;
  counter.Add("revalorisation de la ccam");
  counter.Add("depassements d'honoraires");
  EXPECT_EQ(Terms(counter, TermLength::kPhrase),
            (std::vector<std::string>{"depassements d'honoraires=1"}));
}

TEST(TermStatsTest, PunctuationEndsAPhrase) {
  TermCounter counter;
  counter.Add("temps administratif, paperasse. charges (lourdes) ccam");
  EXPECT_EQ(Terms(counter, TermLength::kPhrase),
            (std::vector<std::string>{"temps administratif=1"}));
}

TEST(TermStatsTest, PhrasesKeepTheirDashOrApostrophe) {
  TermCounter counter;
  counter.Add("medecins sous-payes, non-optam");
  counter.Add("medecins sous payes");
  EXPECT_EQ(
      Terms(counter, TermLength::kPhrase),
      (std::vector<std::string>{"medecins sous payes=1", "medecins sous-payes=1", "non-optam=1"}));
}

TEST(TermStatsTest, InflectionKeyJoinsNumberAndGender) {
  struct Case {
    const char* a;
    const char* b;
  };
  for (const Case& c : {Case{"mutuelle", "mutuelles"}, Case{"rembourse", "remboursee"},
                        Case{"rembourse", "rembourses"}, Case{"rembourse", "remboursees"},
                        Case{"social", "sociaux"}, Case{"administratif", "administrative"},
                        Case{"actuel", "actuelle"}, Case{"honoraire", "honoraires"},
                        Case{"nerveux", "nerveuse"}}) {
    EXPECT_EQ(InflectionKey(c.a), InflectionKey(c.b)) << c.a << " / " << c.b;
  }
}

TEST(TermStatsTest, InflectionKeyLeavesShortWordsAndNumbersAlone) {
  for (const char* word : {"ccam", "s2", "2023", "30s", "pas", "des", "ete"}) {
    EXPECT_EQ(InflectionKey(word), word) << word;
  }
  EXPECT_NE(InflectionKey("tarif"), InflectionKey("tarte"));
}

TEST(TermStatsTest, GroupsInflectionsUnderTheMostFrequentForm) {
  TermCounter counter;
  counter.Add("les mutuelles");
  counter.Add("mutuelles et mutuelle");
  counter.Add("la mutuelle rembourse");
  counter.Add("actes mal remboursees");
  const std::vector<TermCount> words = counter.Top(TermLength::kWord, 10, 1);
  ASSERT_GE(words.size(), 2u);
  EXPECT_EQ(words[0].term, "mutuelle");  // 2 answers each: byte order.
  EXPECT_EQ(words[0].answers, 3u);       // Counted once in the answer with both.
  ASSERT_EQ(words[0].forms.size(), 2u);
  EXPECT_EQ(words[0].forms[0].text, "mutuelle");
  EXPECT_EQ(words[0].forms[0].answers, 2u);
  EXPECT_EQ(words[0].forms[1].text, "mutuelles");
  EXPECT_EQ(words[0].forms[1].answers, 2u);
  EXPECT_EQ(words[1].term, "rembourse");  // 1 answer each: byte order.
  EXPECT_EQ(words[1].answers, 2u);
  EXPECT_EQ(words[1].forms.size(), 2u);
}

TEST(TermStatsTest, GroupsPhrasesWordByWord) {
  TermCounter counter;
  counter.Add("actes techniques");
  counter.Add("acte technique");
  EXPECT_EQ(Terms(counter, TermLength::kPhrase), (std::vector<std::string>{"acte technique=2"}));
}

TEST(TermStatsTest, ExtraStopwordsAreLeftOut) {
  TermCounter counter(std::vector<std::string>{"docteur", "medecin"});
  counter.Add("docteur medecin ccam");
  EXPECT_EQ(Terms(counter, TermLength::kWord), (std::vector<std::string>{"ccam=1"}));
  EXPECT_EQ(Terms(counter, TermLength::kPhrase), (std::vector<std::string>{}));
}

TEST(TermStatsTest, EmptyCounterHasNoTerms) {
  TermCounter counter;
  EXPECT_EQ(counter.answers(), 0u);
  EXPECT_TRUE(counter.Top(TermLength::kWord, 10, 1).empty());
}

TEST(StopwordsTest, ListIsSortedUniqueAndNormalized) {
  auto normalizer = SharedNormalizer();
  ASSERT_TRUE(normalizer.has_value());
  const std::vector<std::string>& list = StopwordList();
  ASSERT_FALSE(list.empty());
  for (size_t i = 0; i < list.size(); ++i) {
    if (i > 0) {
      EXPECT_LT(list[i - 1], list[i]);
    }
    EXPECT_EQ((*normalizer)->Normalize(list[i]), list[i]);
    EXPECT_TRUE(IsStopword(list[i])) << list[i];
  }
}

TEST(StopwordsTest, DomainWordsAndNonAreNotStopwords) {
  for (const char* word : {"non", "ccam", "optam", "tarifs", "30"}) {
    EXPECT_FALSE(IsStopword(word)) << word;
  }
  for (const char* word : {"de", "l", "qu", "est", "a", "pas"})
    EXPECT_TRUE(IsStopword(word)) << word;
}

}  // namespace
}  // namespace verbatim
