#include "core/occurrences.h"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include <re2/re2.h>

#include "run/codebook_setup.h"
#include "tests/testing/codebook_fixture.h"

namespace verbatim {
namespace {

using testing::TestNormalizer;

// A pattern's atoms twice: as the coder matches them (word sequences on
// tokens) and as their regex alone would (the reference).
struct AtomPair {
  Atom on_tokens;
  Atom by_regex;
};

std::vector<AtomPair> AtomsOf(const Pattern& pattern) {
  const auto normalizer = TestNormalizer();
  const std::vector<std::string> sources = PatternRegexSources(pattern, *normalizer);
  const std::vector<std::vector<WordSequence>> sequences =
      PatternWordSequences(pattern, *normalizer);
  EXPECT_EQ(sources.size(), sequences.size());
  std::vector<AtomPair> atoms;
  for (size_t i = 0; i < sources.size(); ++i) {
    RE2::Options options;
    options.set_encoding(RE2::Options::EncodingUTF8);
    auto regex = std::make_unique<RE2>(sources[i], options);
    EXPECT_TRUE(regex->ok()) << sources[i];
    AtomPair pair;
    pair.on_tokens.regex = AtomRegex::Compiled(std::move(regex));
    pair.on_tokens.sequences = sequences[i];
    EXPECT_FALSE(pair.on_tokens.sequences.empty()) << sources[i];
    pair.by_regex.regex = pair.on_tokens.regex;  // Shares the compiled RE2.
    atoms.push_back(std::move(pair));
  }
  return atoms;
}

std::vector<std::string> Spans(const Atom& atom, const std::string& text, int limit = 16) {
  std::vector<WordToken> tokens;
  TokenizeWords(text, &tokens);
  std::vector<std::string> out;
  for (const TextSpan& span : FindOccurrences(atom, text, tokens, limit)) {
    out.push_back(text.substr(span.begin, span.end - span.begin));
  }
  return out;
}

Pattern MakePattern(PatternKind kind, std::string source) {
  Pattern pattern;
  pattern.kind = kind;
  pattern.source = std::move(source);
  return pattern;
}

TEST(OccurrencesTest, TermCoversExactlyItsWordWhateverFollows) {
  const auto atoms = AtomsOf(MakePattern(PatternKind::kTerm, "prix"));
  ASSERT_EQ(atoms.size(), 1u);
  // The boundary after a word may be a non-ASCII symbol: it is not evidence.
  const std::string text = "prix€ le prix😀 et prixfixe, prix";
  EXPECT_EQ(Spans(atoms[0].on_tokens, text), (std::vector<std::string>{"prix", "prix", "prix"}));
  EXPECT_EQ(Spans(atoms[0].by_regex, text), Spans(atoms[0].on_tokens, text));
}

TEST(OccurrencesTest, StemCoversItsWholeToken) {
  const auto atoms = AtomsOf(MakePattern(PatternKind::kTerm, "revalori*"));
  EXPECT_EQ(Spans(atoms[0].on_tokens, "revalorisation, la revaloriser; devaloriser"),
            (std::vector<std::string>{"revalorisation", "revaloriser"}));
}

TEST(OccurrencesTest, PhraseGapTakesFunctionWordsButNoSentencePunctuation) {
  const auto atoms = AtomsOf(MakePattern(PatternKind::kPhrase, "indexation inflation"));
  const std::string text =
      "indexation de l inflation. indexation. inflation; indexation sur la de l inflation";
  EXPECT_EQ(Spans(atoms[0].on_tokens, text), (std::vector<std::string>{"indexation de l inflation"}));
  EXPECT_EQ(Spans(atoms[0].by_regex, text), Spans(atoms[0].on_tokens, text));
}

TEST(OccurrencesTest, PhraseGapPrefersMoreFunctionWordsAsTheGreedyRegexDoes) {
  // "d*" may match "de" or "dire": the regex's greedy gap takes "de" as a
  // function word first, so the occurrence ends at "dire".
  const auto atoms = AtomsOf(MakePattern(PatternKind::kPhrase, "prix d*"));
  const std::string text = "prix de dire";
  EXPECT_EQ(Spans(atoms[0].on_tokens, text), (std::vector<std::string>{"prix de dire"}));
  EXPECT_EQ(Spans(atoms[0].by_regex, text), Spans(atoms[0].on_tokens, text));
}

TEST(OccurrencesTest, LimitBoundsTheOccurrences) {
  const auto atoms = AtomsOf(MakePattern(PatternKind::kTerm, "a"));
  EXPECT_EQ(Spans(atoms[0].on_tokens, "a a a a a", 3).size(), 3u);
}

// The spans NextOccurrence returns one at a time, until it says there is no
// more: the coder's way of asking.
std::vector<TextSpan> OneAtATime(const Atom& atom, const std::string& text) {
  std::vector<WordToken> tokens;
  TokenizeWords(text, &tokens);
  std::vector<TextSpan> spans;
  OccurrenceSearch search;
  TextSpan span;
  while (NextOccurrence(atom, text, tokens, nullptr, &search, &span)) spans.push_back(span);
  // Once exhausted, it stays so.
  EXPECT_FALSE(NextOccurrence(atom, text, tokens, nullptr, &search, &span));
  return spans;
}

bool SameSpans(const std::vector<TextSpan>& a, const std::vector<TextSpan>& b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (a[i].begin != b[i].begin || a[i].end != b[i].end || a[i].fuzzy != b[i].fuzzy) return false;
  }
  return true;
}

TEST(OccurrencesTest, NextOccurrenceYieldsTheListedSpansInOrder) {
  const std::vector<std::string> texts = {"", "prix", "le prix, les prix. prix juste prix",
                                          "tarif de la ccam; prix€ et prix😀"};
  for (const Pattern& pattern : {MakePattern(PatternKind::kTerm, "prix"),
                                 MakePattern(PatternKind::kTerm, "tari*"),
                                 MakePattern(PatternKind::kPhrase, "prix juste")}) {
    for (const AtomPair& pair : AtomsOf(pattern)) {
      for (const std::string& text : texts) {
        std::vector<WordToken> tokens;
        TokenizeWords(text, &tokens);
        EXPECT_TRUE(SameSpans(OneAtATime(pair.on_tokens, text),
                              FindOccurrences(pair.on_tokens, text, tokens, 100)))
            << pattern.source << " in '" << text << "'";
      }
    }
  }
  // User regexes, one of which matches the empty string: the search moves
  // on one byte after an empty match, as FindOccurrences does.
  for (const std::string source : {"pri?x", "x*", "\\bprix\\b[^.]{0,10}"}) {
    Atom atom;
    atom.span_group = 0;
    atom.regex = AtomRegex::Compiled(std::make_unique<RE2>(source));
    ASSERT_TRUE(atom.regex->ok()) << source;
    for (const std::string& text : texts) {
      std::vector<WordToken> tokens;
      TokenizeWords(text, &tokens);
      const std::vector<TextSpan> listed = FindOccurrences(atom, text, tokens, 100);
      EXPECT_TRUE(SameSpans(OneAtATime(atom, text), listed)) << source << " in '" << text << "'";
      if (source == "x*") {
        EXPECT_GT(listed.size(), text.size() / 2);  // Empty matches too.
      }
    }
  }
}

// Random texts and patterns over a small vocabulary, so that matches,
// near-misses, function-word gaps, stems, sentence punctuation and non-ASCII
// separators meet often: the token matcher must find exactly the regex's
// spans.
class RandomWords {
 public:
  explicit RandomWords(uint32_t seed) : random_(seed) {}

  size_t Below(size_t n) { return std::uniform_int_distribution<size_t>(0, n - 1)(random_); }
  bool Chance(int percent) { return static_cast<int>(Below(100)) < percent; }

  std::string Word() {
    static const std::vector<std::string> words = {
        "prix",  "juste", "de",   "la",    "l",     "d",     "des",  "du",   "a",    "et",
        "ou",    "pour",  "tarif", "tarifs", "tarifaire", "dire", "ccam", "acte", "actes",
        "sur",   "le",    "les",  "en",    "un",    "une",   "ce",   "cette", "revalorisation",
        "revaloriser", "pas", "ne", "x", "2025", "ete", "日本", "straße"};
    return words[Below(words.size())];
  }

  std::string Separator() {
    static const std::vector<std::string> separators = {
        " ", " ", " ", " ", "  ", ", ", ". ", "; ", "! ", "?", "'", "-", "€", "😀", "…",
        "\n", " « ", "/", ":", "\xEF\xBF\xBD"};
    return separators[Below(separators.size())];
  }

  std::string Text() {
    std::string text;
    if (Chance(20)) text += Separator();
    const size_t words = 1 + Below(14);
    for (size_t i = 0; i < words; ++i) {
      if (i > 0) text += Chance(4) ? "" : Separator();  // Sometimes two words make one token.
      text += Word();
    }
    if (Chance(30)) text += Separator();
    return text;
  }

  // A term or phrase as an analyst writes it: words, some of them stems.
  std::string Item(size_t max_words) {
    std::string item;
    const size_t words = 1 + Below(max_words);
    for (size_t i = 0; i < words; ++i) {
      if (i > 0) item += Chance(80) ? " " : "'";
      std::string word = Word();
      if (Chance(25)) word = word.substr(0, 1 + Below(word.size())) + "*";
      item += word;
    }
    return item;
  }

 private:
  std::mt19937 random_;
};

TEST(OccurrencesTest, TokenMatchingFindsExactlyTheRegexSpansOnRandomTexts) {
  RandomWords random(20261124);
  const auto normalizer = TestNormalizer();
  int compared = 0, with_spans = 0;
  for (int p = 0; p < 1500; ++p) {
    Pattern pattern;
    switch (random.Below(3)) {
      case 0:
        pattern = MakePattern(PatternKind::kTerm, random.Item(2));
        break;
      case 1:
        pattern = MakePattern(PatternKind::kPhrase, random.Item(4));
        break;
      default:
        pattern = MakePattern(PatternKind::kNear, "");
        for (size_t g = 0; g < 2; ++g) {
          std::vector<std::string> group;
          for (size_t i = 0, n = 1 + random.Below(3); i < n; ++i) group.push_back(random.Item(3));
          pattern.groups.push_back(group);
        }
        break;
    }
    const std::vector<std::string> sources = PatternRegexSources(pattern, *normalizer);
    bool has_words = !sources.empty();
    for (const std::string& source : sources) has_words = has_words && !source.empty();
    if (!has_words) continue;  // Only punctuation: the codebook rejects it.
    const std::vector<AtomPair> atoms = AtomsOf(pattern);
    for (int t = 0; t < 12; ++t) {
      const std::string text = random.Text();
      for (const AtomPair& atom : atoms) {
        const std::vector<std::string> expected = Spans(atom.by_regex, text);
        ASSERT_EQ(Spans(atom.on_tokens, text), expected)
            << "pattern '" << pattern.source << "' (regex " << atom.by_regex.regex->pattern()
            << ") on '" << text << "'";
        ++compared;
        with_spans += expected.empty() ? 0 : 1;
      }
    }
  }
  // The comparison means something only if matches are common.
  EXPECT_GT(compared, 10000);
  EXPECT_GT(with_spans, compared / 10);
}

}  // namespace
}  // namespace verbatim
