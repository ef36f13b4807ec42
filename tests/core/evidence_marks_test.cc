#include "core/evidence_marks.h"

#include <gtest/gtest.h>

#include <set>
#include <string>
#include <vector>

namespace verbatim {
namespace {

PatternHit Hit(size_t begin, size_t end, std::string cue = "") {
  PatternHit hit;
  hit.original_begin = begin;
  hit.original_end = end;
  hit.negation_cue = std::move(cue);
  return hit;
}

CodeFinding Finding(int code, std::vector<int> include_hits, std::vector<int> exclusion_hits = {}) {
  CodeFinding finding;
  finding.code = code;
  finding.include_hits = std::move(include_hits);
  finding.exclusion_hits = std::move(exclusion_hits);
  return finding;
}

std::string Describe(const std::vector<MarkSpan>& spans) {
  std::string out;
  for (const MarkSpan& span : spans) {
    out += "[" + std::to_string(span.begin) + "," + std::to_string(span.end) + ")" +
           std::string(MarkKindName(span.kind));
    for (int code : span.codes) out += " " + std::to_string(code);
    out += ";";
  }
  return out;
}

TEST(EvidenceMarksTest, CodeEvidenceKeepsOnlyThatCodesHitsThatAreNotNegated) {
  //                          0         1         2
  //                          0123456789012345678901234567
  const std::string original = "pas de CCAM mais revaloriser";
  CodingResult result;
  result.hits = {Hit(7, 11, "pas de"), Hit(17, 28), Hit(7, 11)};
  result.findings = {Finding(1, {0, 1}), Finding(2, {2})};
  EXPECT_EQ(Describe(CodeEvidenceSpans(result, 1, original)), "[17,28)evidence 1;");
  EXPECT_EQ(Describe(CodeEvidenceSpans(result, 2, original)), "[7,11)evidence 2;");
  EXPECT_TRUE(CodeEvidenceSpans(result, 3, original).empty());
}

TEST(EvidenceMarksTest, AllEvidenceMarksNegatedAndExcludedHits) {
  const std::string original = "pas de CCAM mais revaloriser";
  CodingResult result;
  result.hits = {Hit(7, 11, "pas de"), Hit(17, 28), Hit(0, 3)};
  result.findings = {Finding(1, {0}, {2}), Finding(4, {1})};
  EXPECT_EQ(Describe(AllEvidenceSpans(result, original)),
            "[0,3)excluded 1;[7,11)negated 1;[17,28)evidence 4;");
}

TEST(EvidenceMarksTest, MergesOverlappingSpansKeepingTheStrongestKindAndEveryCode) {
  const std::string original(40, 'x');
  std::vector<MarkSpan> spans = {{10, 20, MarkKind::kEvidence, {3}},
                                 {0, 5, MarkKind::kEvidence, {1}},
                                 {15, 25, MarkKind::kExcluded, {2}},
                                 {25, 30, MarkKind::kNegated, {3}},
                                 {32, 35, MarkKind::kEvidence, {1}}};
  EXPECT_EQ(Describe(MergeSpans(spans, original)),
            "[0,5)evidence 1;[10,30)excluded 2 3;[32,35)evidence 1;");
}

TEST(EvidenceMarksTest, WidensSpansToWholeCharacters) {
  const std::string original = "un dépassement";  // é is 2 bytes, at 4 and 5.
  EXPECT_EQ(Describe(MergeSpans({{5, 6, MarkKind::kEvidence, {0}}}, original)), "[4,6)evidence 0;");
  EXPECT_EQ(Describe(MergeSpans({{3, 5, MarkKind::kEvidence, {0}}}, original)), "[3,6)evidence 0;");
}

TEST(EvidenceMarksTest, ClampsToTheTextAndDropsEmptySpans) {
  const std::string original = "abc";
  EXPECT_EQ(Describe(MergeSpans({{1, 99, MarkKind::kEvidence, {0}},
                                 {2, 2, MarkKind::kEvidence, {1}},
                                 {50, 60, MarkKind::kEvidence, {2}}},
                                original)),
            "[1,3)evidence 0;");
}

TEST(EvidenceMarksTest, MarkKindNamesAreUniqueAndOrderedByStrength) {
  std::set<std::string_view> names;
  for (MarkKind kind : kAllMarkKinds) EXPECT_TRUE(names.insert(MarkKindName(kind)).second);
  EXPECT_LT(MarkKind::kEvidence, MarkKind::kNegated);
  EXPECT_LT(MarkKind::kNegated, MarkKind::kExcluded);
}

}  // namespace
}  // namespace verbatim
