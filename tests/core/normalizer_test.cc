#include "core/normalizer.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "tests/testing/test_name.h"

namespace verbatim {
namespace {

const Normalizer& TheNormalizer() {
  static const std::unique_ptr<Normalizer> normalizer = [] {
    auto created = Normalizer::Create();
    EXPECT_TRUE(created.has_value()) << FormatError(created.error());
    return created.has_value() ? std::move(*created) : nullptr;
  }();
  return *normalizer;
}

std::string Utf8(char32_t c) {
  std::string out;
  if (c < 0x80) {
    out += static_cast<char>(c);
  } else if (c < 0x800) {
    out += static_cast<char>(0xC0 | (c >> 6));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    out += static_cast<char>(0xE0 | (c >> 12));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (c >> 18));
    out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  }
  return out;
}

struct Case {
  std::string input;
  std::string expected;
};

void ExpectNormalizes(const std::vector<Case>& cases) {
  for (const Case& c : cases) {
    EXPECT_EQ(TheNormalizer().Normalize(c.input), c.expected) << "input: \"" << c.input << "\"";
  }
}

// Both paths, text and offsets, on one input.
void ExpectPathsAgree(std::string_view input) {
  NormalizedText fast, reference;
  TheNormalizer().Normalize(input, &fast);
  TheNormalizer().NormalizeWithIcu(input, &reference);
  ASSERT_EQ(fast.text, reference.text) << "input: \"" << input << "\"";
  ASSERT_EQ(fast.origin, reference.origin) << "input: \"" << input << "\"";
  ASSERT_EQ(fast.invalid_utf8_offset, reference.invalid_utf8_offset)
      << "input: \"" << input << "\"";
}

std::string_view Span(std::string_view original, std::pair<size_t, size_t> range) {
  return original.substr(range.first, range.second - range.first);
}

TEST(NormalizerTest, CreateSucceeds) {
  auto created = Normalizer::Create();
  ASSERT_TRUE(created.has_value()) << FormatError(created.error());
  EXPECT_NE(*created, nullptr);
}

TEST(NormalizerTest, MapsTypographicApostrophesToAscii) {
  ExpectNormalizes({{"l’eau", "l'eau"},
                    {"l‘eau", "l'eau"},
                    {"l‛eau", "l'eau"},
                    {"l`eau", "l'eau"},
                    {"l´eau", "l'eau"},
                    {"l′eau", "l'eau"},
                    {"lʼeau", "l'eau"},
                    {"l'eau", "l'eau"}});
}

TEST(NormalizerTest, MapsTypographicQuotesToAscii) {
  ExpectNormalizes({{"“oui”", "\"oui\""},
                    {"„oui‟", "\"oui\""},
                    {"« oui »", "\" oui \""},
                    {"«\u00A0oui\u00A0»", "\" oui \""},
                    {"\"oui\"", "\"oui\""}});
}

TEST(NormalizerTest, ExpandsLigatures) {
  ExpectNormalizes({{"cœur", "coeur"},
                    {"Œuvre", "oeuvre"},
                    {"ŒUVRE", "oeuvre"},
                    {"ex æquo", "ex aequo"},
                    {"Æ", "ae"},
                    {"ǽ", "ae"}});
}

TEST(NormalizerTest, MapsDashesToHyphen) {
  ExpectNormalizes({{"a\u2010b", "a-b"},
                    {"a\u2011b", "a-b"},
                    {"a\u2012b", "a-b"},
                    {"a\u2013b", "a-b"},
                    {"a\u2014b", "a-b"},
                    {"a\u2015b", "a-b"},
                    {"a\u2212b", "a-b"},
                    {"a\u2043b", "a-b"},
                    {"a\uFE58b", "a-b"},
                    {"a\uFE63b", "a-b"},
                    {"a\uFF0Db", "a-b"},
                    {"a-b", "a-b"}});
}

TEST(NormalizerTest, MapsUnicodeSpacesToSpace) {
  ExpectNormalizes({{"10\u00A0km", "10 km"},
                    {"oui\u202F!", "oui !"},
                    {"a\u2009b", "a b"},
                    {"a\u3000b", "a b"},
                    {"a\u2028b", "a b"},
                    {"a\u0085b", "a b"}});
}

TEST(NormalizerTest, RemovesDiacritics) {
  ExpectNormalizes({{"É", "e"},
                    {"ça", "ca"},
                    {"à côté", "a cote"},
                    {"naïve", "naive"},
                    {"Noël", "noel"},
                    {"où", "ou"},
                    {"ÂÊÎÔÛ", "aeiou"},
                    {"ÿ", "y"}});
}

TEST(NormalizerTest, FoldsSharpSToSs) {
  ExpectNormalizes({{"Straße", "strasse"}, {"STRAẞE", "strasse"}});
}

TEST(NormalizerTest, FoldsCapitals) {
  ExpectNormalizes({{"SANTÉ Publique", "sante publique"}, {"İ", "i"}, {"ΣΟΦΙΑ", "σοφια"}});
}

TEST(NormalizerTest, DropsCombiningMarks) {
  ExpectNormalizes({{"e\u0301", "e"},
                    {"Re\u0301gion", "region"},
                    {"c\u0327a", "ca"},
                    {"a\u0301\u0327\u0308", "a"},
                    {"\u0301a", "a"}});
}

TEST(NormalizerTest, CollapsesAndTrimsWhitespace) {
  ExpectNormalizes(
      {{"  a   b  ", "a b"}, {"a \u00A0 \u202F b", "a b"}, {"   ", ""}, {"", ""}, {"a", "a"}});
}

TEST(NormalizerTest, TreatsTabsAndNewlinesAsSpace) {
  ExpectNormalizes({{"a\tb", "a b"},
                    {"a\nb", "a b"},
                    {"a\r\nb", "a b"},
                    {"\r\n a \r\n\t b \n", "a b"},
                    {"a\x01"
                     "b",
                     "a b"},
                    {"a\x7F"
                     "b",
                     "a b"}});
}

TEST(NormalizerTest, DropsInvisibleFormatCharacters) {
  ExpectNormalizes({{"mot\u200Bclé", "motcle"},
                    {"\uFEFFbonjour", "bonjour"},
                    {"hôpi\u00ADtal", "hopital"},
                    {"a \u200B b", "a b"}});
}

TEST(NormalizerTest, KeepsDigitsPunctuationAndSymbols) {
  ExpectNormalizes({{"12,5 € / 100 % ?!", "12,5 € / 100 % ?!"}, {"😀 ok", "😀 ok"}});
}

TEST(NormalizerTest, ComposesNeighboursThroughFallback) {
  // Hangul jamo compose with their neighbours, so the answer takes the ICU path.
  ExpectNormalizes({{"\u1100\u1161", "\uAC00"}, {"x\u1100\u0301\u1161", "x\uAC00"}});
}

TEST(NormalizerTest, ReusesOutputBuffers) {
  NormalizedText out;
  TheNormalizer().Normalize("Une LONGUE réponse, avec des œufs", &out);
  TheNormalizer().Normalize("Oui", &out);
  EXPECT_EQ(out.text, "oui");
  EXPECT_EQ(out.origin, (std::vector<uint32_t>{0, 1, 2, 3}));
  EXPECT_EQ(out.invalid_utf8_offset, -1);
}

TEST(NormalizerTest, OriginHasOneEntryPerByteAndTheOriginalSize) {
  NormalizedText out;
  TheNormalizer().Normalize(" Été ", &out);
  EXPECT_EQ(out.text, "ete");
  EXPECT_EQ(out.origin, (std::vector<uint32_t>{1, 3, 4, 7}));
}

TEST(NormalizerTest, ToOriginalCoversAccentedWord) {
  const std::string original = "La Révalorisation des salaires";
  NormalizedText out;
  TheNormalizer().Normalize(original, &out);
  const size_t begin = out.text.find("revalorisation");
  ASSERT_NE(begin, std::string::npos);
  EXPECT_EQ(Span(original, out.ToOriginal(begin, begin + 14, original)), "Révalorisation");
  EXPECT_EQ(Span(original, out.ToOriginal(begin, begin + 2, original)), "Ré");
}

TEST(NormalizerTest, ToOriginalWidensLigatureExpansion) {
  const std::string original = "Œuvre";
  NormalizedText out;
  TheNormalizer().Normalize(original, &out);
  ASSERT_EQ(out.text, "oeuvre");
  EXPECT_EQ(Span(original, out.ToOriginal(0, 1, original)), "Œ");
  EXPECT_EQ(Span(original, out.ToOriginal(1, 2, original)), "Œ");
  EXPECT_EQ(Span(original, out.ToOriginal(1, 3, original)), "Œu");
  EXPECT_EQ(Span(original, out.ToOriginal(0, 6, original)), "Œuvre");
}

TEST(NormalizerTest, ToOriginalExcludesCollapsedWhitespace) {
  const std::string original = "  trop \t\u00A0 cher \r\n";
  NormalizedText out;
  TheNormalizer().Normalize(original, &out);
  ASSERT_EQ(out.text, "trop cher");
  EXPECT_EQ(Span(original, out.ToOriginal(0, 4, original)), "trop");
  EXPECT_EQ(Span(original, out.ToOriginal(5, 9, original)), "cher");
  EXPECT_EQ(Span(original, out.ToOriginal(0, 9, original)), "trop \t\u00A0 cher");
  EXPECT_EQ(Span(original, out.ToOriginal(4, 5, original)), " ");
}

TEST(NormalizerTest, ToOriginalCoversCombiningMarks) {
  const std::string original = "Re\u0301gion e\u0301te\u0301";
  NormalizedText out;
  TheNormalizer().Normalize(original, &out);
  ASSERT_EQ(out.text, "region ete");
  EXPECT_EQ(Span(original, out.ToOriginal(0, 2, original)), "Re\u0301");
  EXPECT_EQ(Span(original, out.ToOriginal(7, 10, original)), "e\u0301te\u0301");
}

TEST(NormalizerTest, ToOriginalOfEmptyRangeIsEmpty) {
  const std::string original = "abc";
  NormalizedText out;
  TheNormalizer().Normalize(original, &out);
  EXPECT_EQ(out.ToOriginal(1, 1, original), (std::pair<size_t, size_t>{1, 1}));
  EXPECT_EQ(out.ToOriginal(3, 3, original), (std::pair<size_t, size_t>{3, 3}));
}

TEST(NormalizerTest, ReplacesEachInvalidByteWithReplacementCharacter) {
  const std::string r = "\uFFFD";
  ExpectNormalizes({{"a\xC3"
                     "b",
                     "a" + r + "b"},  // lone lead byte
                    {"a\xFF"
                     "b",
                     "a" + r + "b"},             // never valid
                    {"a\xE2\x82", "a" + r + r},  // truncated at the end
                    {"a\xE2\x82"
                     "b",
                     "a" + r + r + "b"},                  // truncated in the middle
                    {"\xC0\xAF", r + r},                  // overlong '/'
                    {"\xE0\x80\xAF", r + r + r},          // overlong, 3 bytes
                    {"\xED\xA0\x80", r + r + r},          // surrogate
                    {"\xF4\x90\x80\x80", r + r + r + r},  // above U+10FFFF
                    {"\x80", r},                          // lone continuation
                    {"\xC3\xA9", "e"}});                  // valid é
}

TEST(NormalizerTest, ReportsFirstInvalidUtf8Offset) {
  const struct {
    std::string input;
    long long offset;
  } cases[] = {{"abc", -1}, {"é\xC3", 2}, {"ab\xFF\xFF", 2}, {"\x80x", 0}, {"x \xE2\x82", 2}};
  for (const auto& c : cases) {
    NormalizedText fast, reference;
    TheNormalizer().Normalize(c.input, &fast);
    TheNormalizer().NormalizeWithIcu(c.input, &reference);
    EXPECT_EQ(fast.invalid_utf8_offset, c.offset) << "input: \"" << c.input << "\"";
    EXPECT_EQ(reference.invalid_utf8_offset, c.offset) << "input: \"" << c.input << "\"";
  }
}

TEST(NormalizerTest, TablePathMatchesIcuOnEveryBmpCodePoint) {
  for (char32_t c = 0; c < 0x10000; ++c) {
    if (c >= 0xD800 && c <= 0xDFFF) continue;
    ExpectPathsAgree("a" + Utf8(c) + "b");
    if (HasFatalFailure()) return;
  }
}

TEST(NormalizerTest, TablePathMatchesIcuOnRandomStrings) {
  // Mixed code points: ASCII, French letters, spaces, marks, ligatures,
  // Hangul and Indic composing pieces, non-BMP, invalid bytes.
  const std::vector<std::string> alphabet = {
      "a",      "E",      " ",      "\t",     "\r\n",   "'",      "é", "É",      "\u0301", "\u0327",
      "\u0345", "\u0308", "œ",      "Æ",      "ß",      "ẞ",      "’", "«",      "\u00A0", "\u202F",
      "\u200B", "\u00AD", "\uFEFF", "—",      "İ",      "ᾳ",      "ᾀ", "\u1100", "\u1161", "\u11A8",
      "\uAC00", "\u0B47", "\u0B3E", "\u09C7", "\u09BE", "\u302E", "😀", "\xC3",   "\xFF",   "x"};
  std::mt19937 rng(20240601);
  std::uniform_int_distribution<size_t> pick_length(0, 24);
  std::uniform_int_distribution<size_t> pick_piece(0, alphabet.size() - 1);
  std::uniform_int_distribution<char32_t> pick_bmp(0x20, 0xFFFF);
  for (int round = 0; round < 4000; ++round) {
    std::string input;
    const size_t length = pick_length(rng);
    for (size_t k = 0; k < length; ++k) {
      if (rng() % 4 == 0) {
        char32_t c = pick_bmp(rng);
        if (c >= 0xD800 && c <= 0xDFFF) c = 'z';
        input += Utf8(c);
      } else {
        input += alphabet[pick_piece(rng)];
      }
    }
    ExpectPathsAgree(input);
    if (HasFatalFailure()) return;
  }
}

// The shared corpora (../shared/corpora, see its README) sit next to the
// main checkout, and two levels up from a worktree under /work/wt/. Reads at
// most `limit` bytes; a .gz file through gzip. Empty when not found.
std::string ReadSharedCorpus(const std::string& name, size_t limit) {
  for (const char* root : {"/../shared/corpora/", "/../../shared/corpora/"}) {
    const std::string path = std::string(VERBATIM_SOURCE_DIR) + root + name;
    if (!std::ifstream(path).is_open()) continue;
    std::string command = "gzip -dc '" + path + "'";
    if (name.size() < 3 || name.substr(name.size() - 3) != ".gz") command = "cat '" + path + "'";
    std::string bytes;
    if (FILE* pipe = popen(command.c_str(), "r")) {
      char buffer[1 << 16];
      size_t got;
      while (bytes.size() < limit && (got = fread(buffer, 1, sizeof buffer, pipe)) > 0) {
        bytes.append(buffer, got);
      }
      pclose(pipe);
    }
    if (bytes.size() > limit) bytes.resize(limit);
    return bytes;
  }
  return {};
}

class NormalizerCorpusTest : public ::testing::TestWithParam<const char*> {};

TEST_P(NormalizerCorpusTest, TablePathMatchesIcuOnTheSharedCorpus) {
  // Each corpus whole (the largest, decompressed, is 39 MB), in chunks of
  // about 4 KiB cut after a newline. Under AddressSanitizer (its pass looks
  // for memory errors; this build checks equality), the first 8 MiB, which
  // keeps the reference path's minute off CI.
#ifdef __SANITIZE_ADDRESS__
  constexpr size_t kLimit = size_t{8} << 20;
#else
  constexpr size_t kLimit = size_t{64} << 20;
#endif
  const std::string corpus = ReadSharedCorpus(GetParam(), kLimit);
  if (corpus.empty()) GTEST_SKIP() << "corpus not found: " << GetParam();
  constexpr size_t kChunk = 4096;
  size_t compared = 0;
  for (size_t begin = 0; begin < corpus.size();) {
    size_t end = std::min(begin + kChunk, corpus.size());
    const size_t newline = corpus.rfind('\n', end - 1);
    if (end < corpus.size() && newline != std::string::npos && newline > begin) end = newline + 1;
    ExpectPathsAgree(std::string_view(corpus).substr(begin, end - begin));
    if (HasFatalFailure()) return;
    compared += end - begin;
    begin = end;
  }
  EXPECT_EQ(compared, corpus.size());
  EXPECT_GT(compared, size_t{500'000});  // Each corpus is at least half a megabyte.
}

INSTANTIATE_TEST_SUITE_P(Corpora, NormalizerCorpusTest,
                         ::testing::Values("health.csv", "decidim_mel_nancy_granddebat.csv",
                                           "granddebat_grande_annotation_coded.csv",
                                           "granddebat_questionnaires_sample.csv.gz"),
                         [](const ::testing::TestParamInfo<const char*>& info) {
                           return testing::TestNameOf(info.param);
                         });

}  // namespace
}  // namespace verbatim
