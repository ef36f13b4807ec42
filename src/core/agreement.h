// Agreement between a human gold coding and the machine's coding of the same
// answers: per-code confusion tables, precision/recall/F1, Cohen's kappa,
// micro and macro averages, Krippendorff's alpha, the list of disagreements
// and review-aware figures. Pure computation: no files, no printing.
//
// Design: everything is derived from one presence matrix (answer x code) per
// side. A theme is present in an answer when the theme id or any of its
// subthemes is in the answer's code set; a subtheme is present only when its
// own id is. Every count below, every disagreement and every review figure is
// taken on that matrix, so they always agree with each other (the FN of a code
// is the number of disagreements that list it as missing). ComputeStats() is
// the one statistics function; the review-aware figures call it on filtered
// or corrected copies of the answers.
//
// Undefined values. A ratio whose denominator is zero is not replaced by 0 or
// 1: it is std::nullopt, which writers render as "n/a". That covers precision
// with no machine positives, recall with no gold positives, F1 with no
// positives on either side, kappa when expected agreement is 1 (both sides
// all-negative, or both all-positive, on that code; then observed agreement
// is necessarily 1 too) and alpha when all pooled values are equal. Macro
// averages are means over the codes where the statistic is defined, and say
// over how many.
//
// Thread safety: all functions are pure; the result types are plain,
// copyable values.
#ifndef VERBATIM_CORE_AGREEMENT_H_
#define VERBATIM_CORE_AGREEMENT_H_

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/codebook.h"
#include "core/status.h"

namespace verbatim {

// One answer as coded on both sides.
struct AnswerCodes {
  std::string answer_id;
  std::vector<std::string> gold;     // Code ids, any order; duplicates are ignored.
  std::vector<std::string> machine;  // Code ids, any order; duplicates are ignored.
  // The machine put the answer in the review file. Only the review figures
  // read it. Default: false.
  bool disputed = false;
  // What fired, as the coded table quotes it; carried into disagreements so
  // an analyst sees why. Default: empty.
  std::string evidence;
};

// A 2x2 table for one code (or pooled over codes) and the ratios taken on it.
// Every ratio is std::nullopt when its denominator is zero.
struct ConfusionStats {
  int tp = 0;  // Gold yes, machine yes.
  int fp = 0;  // Gold no, machine yes.
  int fn = 0;  // Gold yes, machine no.
  int tn = 0;  // Gold no, machine no.

  int GoldPositives() const { return tp + fn; }
  int MachinePositives() const { return tp + fp; }
  int Total() const { return tp + fp + fn + tn; }

  std::optional<double> precision;  // TP / (TP + FP).
  std::optional<double> recall;     // TP / (TP + FN).
  // 2TP / (2TP + FP + FN): the harmonic mean of P and R when both are
  // defined, 0 when TP = 0 and either side has a positive, n/a when neither
  // side has one.
  std::optional<double> f1;
  // (po - pe) / (1 - pe), po = (TP + TN) / N,
  // pe = (TP+FN)/N * (TP+FP)/N + (FP+TN)/N * (FN+TN)/N. n/a when pe = 1.
  std::optional<double> kappa;
};

// Fills the ratios of `table` from its four counts.
ConfusionStats WithRatios(ConfusionStats table);

// Krippendorff's alpha (nominal, two coders, no missing values) for binary
// units summarised by `table`: each unit is one (answer, code) pair. n/a when
// the table is empty or all 2N values are equal.
std::optional<double> KrippendorffAlphaBinary(const ConfusionStats& table);

struct CodeStats {
  std::string id;
  std::string label;
  CodeLevel level = CodeLevel::kTheme;
  std::string theme_id;  // kSubtheme: its theme's id. Empty for a theme.
  ConfusionStats table;  // Answers in gold = table.GoldPositives(), etc.
};

// The mean of one statistic over the codes where it is defined.
struct MacroValue {
  std::optional<double> mean;  // n/a when no code defines it.
  int codes = 0;               // How many codes were averaged.
};

// Averages over one level (all subthemes, or all themes).
struct LevelSummary {
  int codes = 0;  // Codes of this level in the codebook.
  // Micro: the 2x2 table pooled over the level's codes (sums of TP, FP, FN,
  // TN) with its ratios (micro.kappa is the kappa of the pooled table).
  ConfusionStats micro;
  MacroValue macro_precision;
  MacroValue macro_recall;
  MacroValue macro_f1;
  MacroValue macro_kappa;
  // Krippendorff's alpha over every (answer, code) pair of the level,
  // i.e. KrippendorffAlphaBinary(micro).
  std::optional<double> alpha;
};

struct AgreementStats {
  int answers = 0;
  std::vector<CodeStats> codes;  // Codebook order, themes and subthemes.
  LevelSummary subthemes;
  LevelSummary themes;

  // The statistics of code `id`, or nullptr. The pointer lives as long as
  // this object and is invalidated by changes to `codes`.
  const CodeStats* Find(std::string_view id) const;
};

// An answer whose presence matrices differ. Answers whose raw sets differ
// only by redundancy (gold {A, A.x}, machine {A.x}) are not disagreements.
struct Disagreement {
  std::string answer_id;
  std::vector<std::string> gold;     // The raw set: codebook order, duplicates removed.
  std::vector<std::string> machine;  // Same.
  // Present in gold, absent in the machine's coding, themes by expansion.
  // Codebook order.
  std::vector<std::string> missing;
  std::vector<std::string> extra;  // Present for the machine only. Codebook order.
  bool disputed = false;           // The machine sent the answer to review.
  std::string evidence;            // AnswerCodes::evidence.
};

struct ReviewFigures {
  int answers = 0;
  int disputed = 0;
  int disagreements = 0;                // Answers where machine != gold (see Disagreement).
  int caught_disagreements = 0;         // Of those, the disputed ones.
  std::optional<double> errors_caught;  // caught / disagreements; n/a with none.
  std::optional<double> review_burden;  // disputed / answers; n/a with no answers.
  AgreementStats counted_only;          // Over the answers that are not disputed.
  AgreementStats after_review;          // Disputed answers take the gold codes.
};

// A bootstrap 95 % percentile interval (core/bootstrap.h).
struct PercentileInterval {
  std::optional<double> low;  // Both n/a when no resample defines the figure.
  std::optional<double> high;
  int defined = 0;  // Resamples on which the figure is defined.
};

// Intervals for the micro F1 and micro kappa of each level.
struct AgreementIntervals {
  int resamples = 0;
  uint64_t seed = 0;
  PercentileInterval subtheme_f1;
  PercentileInterval subtheme_kappa;
  PercentileInterval theme_f1;
  PercentileInterval theme_kappa;
};

// With `agree --subset`: the answers compared are those both sides hold.
struct SubsetFigures {
  int compared = 0;
  int gold_only = 0;     // Ids left out because only the gold side has them.
  int machine_only = 0;  // Ids left out because only the machine side has them.
};

struct AgreementReport {
  AgreementStats stats;
  std::vector<Disagreement> disagreements;  // Input order.
  std::optional<ReviewFigures> review;      // Only with ReviewFlags::kPresent.
  // Filled by the caller, not by ComputeAgreement(): what was left out, and
  // how sure the micro figures are.
  std::optional<SubsetFigures> subset;
  std::optional<AgreementIntervals> intervals;
};

// Every answer code id that is not in `codebook`, as one error diagnostic
// each ("answer 'r12': gold code 'x.y' is not in the codebook"), in input
// order, gold before machine within an answer. Locations are left empty for
// the caller to fill. Empty when all codes are known.
std::vector<Diagnostic> CheckAnswerCodes(const Codebook& codebook,
                                         std::span<const AnswerCodes> answers);

// Per-code and averaged statistics over `answers`.
// Fails, naming the first unknown code and how many there are, when
// CheckAnswerCodes() reports anything. Answer ids are not read.
Result<AgreementStats> ComputeStats(const Codebook& codebook, std::span<const AnswerCodes> answers);

// The answers where gold and machine differ, in input order.
// Fails like ComputeStats().
Result<std::vector<Disagreement>> FindDisagreements(const Codebook& codebook,
                                                    std::span<const AnswerCodes> answers);

// Review-aware figures from the `disputed` flags. Fails like ComputeStats().
Result<ReviewFigures> ComputeReviewFigures(const Codebook& codebook,
                                           std::span<const AnswerCodes> answers);

// Whether the `disputed` flags carry information (the review file was given).
enum class ReviewFlags { kAbsent, kPresent };

// Everything above at once. Fails like ComputeStats().
Result<AgreementReport> ComputeAgreement(const Codebook& codebook,
                                         std::span<const AnswerCodes> answers,
                                         ReviewFlags review_flags);

// Answer ids found on one side only. Each list is sorted (byte order) and
// free of duplicates; both are empty when the sides hold the same ids.
struct IdMismatch {
  std::vector<std::string> gold_only;
  std::vector<std::string> machine_only;
};
IdMismatch CompareAnswerIds(std::span<const std::string> gold_ids,
                            std::span<const std::string> machine_ids);

}  // namespace verbatim

#endif  // VERBATIM_CORE_AGREEMENT_H_
