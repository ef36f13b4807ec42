#include "io/output/codebook_writer.h"

#include <gtest/gtest.h>

#include <sstream>

#include "io/input/codebook_loader.h"

namespace verbatim {
namespace {

TEST(YamlQuotedTest, EscapesQuotesBackslashesAndControls) {
  EXPECT_EQ(YamlQuoted("plain"), "\"plain\"");
  EXPECT_EQ(YamlQuoted("a \"b\" \\c"), "\"a \\\"b\\\" \\\\c\"");
  EXPECT_EQ(YamlQuoted("a\tb\nc\x01"), "\"a\\tb\\nc\\x01\"");
  EXPECT_EQ(YamlQuoted("caf\xC3\xA9"), "\"caf\xC3\xA9\"");
}

Pattern MakePattern(PatternKind kind, std::string source, double weight = 1.0) {
  Pattern pattern;
  pattern.kind = kind;
  pattern.source = std::move(source);
  pattern.weight = weight;
  return pattern;
}

TEST(CodebookWriterTest, WhatItWritesLoadsBackTheSame) {
  Codebook book;
  book.info = {"t", {}, "1", "en", "", "A \"quoted\" description: yes"};
  book.settings.negation_window = 0;
  book.settings.review_theme_alone = true;
  book.settings.review_dismissals = true;
  CodeDefinition theme;
  theme.id = "yes";
  theme.label = "null";
  theme.patterns = {MakePattern(PatternKind::kTerm, "#1"), MakePattern(PatternKind::kPhrase, "a: b"),
                    MakePattern(PatternKind::kTerm, "weak*", 0.5),
                    MakePattern(PatternKind::kRegex, "x\\d+")};
  book.codes.push_back(theme);
  CodeDefinition sub;
  sub.id = "yes.sub";
  sub.label = "Sub";
  sub.level = CodeLevel::kSubtheme;
  sub.theme_index = 0;
  sub.patterns = {MakePattern(PatternKind::kTerm, "word")};
  sub.examples = {{"an example", {}}};
  book.codes.push_back(sub);

  std::ostringstream yaml;
  WriteCodebookYaml(book, {"first line", "second\nline"}, yaml);
  EXPECT_EQ(yaml.str().rfind("# first line\n# second line\n", 0), 0u) << yaml.str();
  const LoadedCodebook loaded = LoadCodebookText(yaml.str(), "t.yaml");
  ASSERT_TRUE(loaded.diagnostics.empty()) << yaml.str() << loaded.diagnostics[0].message;
  const Codebook& back = loaded.codebook;
  EXPECT_EQ(back.info.description, book.info.description);
  EXPECT_EQ(back.settings.negation_window, 0);
  EXPECT_TRUE(back.settings.review_theme_alone);
  EXPECT_TRUE(back.settings.review_dismissals);
  ASSERT_EQ(back.codes.size(), 2u);
  EXPECT_EQ(back.codes[0].id, "yes");
  EXPECT_EQ(back.codes[0].label, "null");
  ASSERT_EQ(back.codes[0].patterns.size(), 4u);
  for (size_t i = 0; i < 4; ++i) {
    EXPECT_EQ(back.codes[0].patterns[i].source, theme.patterns[i].source);
    EXPECT_EQ(back.codes[0].patterns[i].kind, theme.patterns[i].kind);
    EXPECT_EQ(back.codes[0].patterns[i].weight, theme.patterns[i].weight);
  }
  EXPECT_EQ(back.codes[1].id, "yes.sub");
  EXPECT_EQ(back.codes[1].theme_index, 0);
  ASSERT_EQ(back.codes[1].examples.size(), 1u);
  EXPECT_EQ(back.codes[1].examples[0].text, "an example");
}

}  // namespace
}  // namespace verbatim
