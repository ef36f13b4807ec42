#include "core/agreement.h"

#include <algorithm>
#include <cassert>
#include <cstdint>
#include <iterator>
#include <string>
#include <unordered_map>
#include <utility>

namespace verbatim {
namespace {

// One side of one answer, one byte per code in codebook order.
using CodeRow = std::vector<std::uint8_t>;

struct EncodedAnswer {
  CodeRow gold_raw;  // The ids as given.
  CodeRow machine_raw;
  CodeRow gold;  // Presence: themes expanded from their subthemes.
  CodeRow machine;
};

// Built once per call: Codebook::FindCode is a linear scan.
std::unordered_map<std::string_view, int> IndexCodes(const Codebook& codebook) {
  std::unordered_map<std::string_view, int> index;
  for (size_t i = 0; i < codebook.codes.size(); ++i) {
    index.emplace(codebook.codes[i].id, static_cast<int>(i));  // First id wins, as FindCode.
  }
  return index;
}

CodeRow RawRow(const std::unordered_map<std::string_view, int>& index, size_t code_count,
               const std::vector<std::string>& ids) {
  CodeRow row(code_count, 0);
  for (const std::string& id : ids) {
    auto it = index.find(id);
    if (it != index.end()) row[it->second] = 1;
  }
  return row;
}

CodeRow Expand(const Codebook& codebook, const CodeRow& raw) {
  CodeRow presence = raw;
  for (size_t i = 0; i < codebook.codes.size(); ++i) {
    const CodeDefinition& code = codebook.codes[i];
    if (code.level != CodeLevel::kSubtheme || !raw[i]) continue;
    // A checked codebook always has a valid theme_index; an unchecked one
    // loses the expansion instead of reading out of bounds.
    assert(code.theme_index >= 0 && static_cast<size_t>(code.theme_index) < presence.size());
    if (code.theme_index >= 0 && static_cast<size_t>(code.theme_index) < presence.size()) {
      presence[code.theme_index] = 1;
    }
  }
  return presence;
}

Result<std::vector<EncodedAnswer>> Encode(const Codebook& codebook,
                                          std::span<const AnswerCodes> answers) {
  std::vector<Diagnostic> problems = CheckAnswerCodes(codebook, answers);
  if (!problems.empty()) {
    std::string message = problems.front().message;
    if (problems.size() > 1) {
      message += " (and " + std::to_string(problems.size() - 1) + " more unknown codes)";
    }
    return MakeError(std::move(message));
  }
  const auto index = IndexCodes(codebook);
  const size_t code_count = codebook.codes.size();
  std::vector<EncodedAnswer> encoded;
  encoded.reserve(answers.size());
  for (const AnswerCodes& answer : answers) {
    EncodedAnswer row;
    row.gold_raw = RawRow(index, code_count, answer.gold);
    row.machine_raw = RawRow(index, code_count, answer.machine);
    row.gold = Expand(codebook, row.gold_raw);
    row.machine = Expand(codebook, row.machine_raw);
    encoded.push_back(std::move(row));
  }
  return encoded;
}

std::optional<double> Ratio(double numerator, double denominator) {
  if (denominator == 0) return std::nullopt;
  return numerator / denominator;
}

void AddCounts(ConfusionStats& total, const ConfusionStats& part) {
  total.tp += part.tp;
  total.fp += part.fp;
  total.fn += part.fn;
  total.tn += part.tn;
}

// Mean over the defined values only: an undefined statistic is not evidence
// of good or bad agreement, so it must not pull the mean towards 0 or 1.
MacroValue MacroMean(const std::vector<const ConfusionStats*>& tables,
                     std::optional<double> ConfusionStats::*statistic) {
  MacroValue value;
  double sum = 0;
  for (const ConfusionStats* table : tables) {
    const std::optional<double>& x = table->*statistic;
    if (!x) continue;
    sum += *x;
    ++value.codes;
  }
  if (value.codes > 0) value.mean = sum / value.codes;
  return value;
}

LevelSummary Summarize(const std::vector<CodeStats>& codes, CodeLevel level) {
  LevelSummary summary;
  std::vector<const ConfusionStats*> tables;
  for (const CodeStats& code : codes) {
    if (code.level != level) continue;
    tables.push_back(&code.table);
    AddCounts(summary.micro, code.table);
  }
  summary.codes = static_cast<int>(tables.size());
  summary.micro = WithRatios(summary.micro);
  summary.macro_precision = MacroMean(tables, &ConfusionStats::precision);
  summary.macro_recall = MacroMean(tables, &ConfusionStats::recall);
  summary.macro_f1 = MacroMean(tables, &ConfusionStats::f1);
  summary.macro_kappa = MacroMean(tables, &ConfusionStats::kappa);
  summary.alpha = KrippendorffAlphaBinary(summary.micro);
  return summary;
}

AgreementStats StatsOf(const Codebook& codebook, const std::vector<EncodedAnswer>& answers) {
  AgreementStats stats;
  stats.answers = static_cast<int>(answers.size());
  stats.codes.reserve(codebook.codes.size());
  for (size_t i = 0; i < codebook.codes.size(); ++i) {
    const CodeDefinition& code = codebook.codes[i];
    CodeStats entry;
    entry.id = code.id;
    entry.label = code.label;
    entry.level = code.level;
    if (code.level == CodeLevel::kSubtheme && code.theme_index >= 0 &&
        static_cast<size_t>(code.theme_index) < codebook.codes.size()) {
      entry.theme_id = codebook.codes[code.theme_index].id;
    }
    for (const EncodedAnswer& answer : answers) {
      const bool gold = answer.gold[i], machine = answer.machine[i];
      if (gold && machine) ++entry.table.tp;
      if (!gold && machine) ++entry.table.fp;
      if (gold && !machine) ++entry.table.fn;
      if (!gold && !machine) ++entry.table.tn;
    }
    entry.table = WithRatios(entry.table);
    stats.codes.push_back(std::move(entry));
  }
  stats.subthemes = Summarize(stats.codes, CodeLevel::kSubtheme);
  stats.themes = Summarize(stats.codes, CodeLevel::kTheme);
  return stats;
}

std::vector<std::string> IdsOf(const Codebook& codebook, const CodeRow& row) {
  std::vector<std::string> ids;
  for (size_t i = 0; i < row.size(); ++i) {
    if (row[i]) ids.push_back(codebook.codes[i].id);
  }
  return ids;
}

// Codes set in `a` and not in `b`, codebook order.
std::vector<std::string> Difference(const Codebook& codebook, const CodeRow& a, const CodeRow& b) {
  std::vector<std::string> ids;
  for (size_t i = 0; i < a.size(); ++i) {
    if (a[i] && !b[i]) ids.push_back(codebook.codes[i].id);
  }
  return ids;
}

}  // namespace

ConfusionStats WithRatios(ConfusionStats table) {
  const double tp = table.tp, fp = table.fp, fn = table.fn, tn = table.tn;
  const double n = tp + fp + fn + tn;
  table.precision = Ratio(tp, tp + fp);
  table.recall = Ratio(tp, tp + fn);
  table.f1 = Ratio(2 * tp, 2 * tp + fp + fn);
  table.kappa = std::nullopt;
  if (n > 0) {
    const double po = (tp + tn) / n;
    const double pe = ((tp + fn) / n) * ((tp + fp) / n) + ((fp + tn) / n) * ((fn + tn) / n);
    // pe reaches 1 only when both sides are all-positive or all-negative;
    // the kappa of a code nobody varied on says nothing, hence n/a rather
    // than 1. Compare the marginals exactly instead of pe to 1 in floating
    // point.
    const bool degenerate = (tp + fn == n && tp + fp == n) || (fp + tn == n && fn + tn == n);
    if (!degenerate) table.kappa = (po - pe) / (1 - pe);
  }
  return table;
}

// Krippendorff's alpha, nominal metric, two coders (gold, machine), every
// unit coded by both (m_u = 2), values {0, 1}.
//
//   alpha = 1 - D_o / D_e
//   D_o = (1 / n) * sum_{c != k} o_ck * delta(c, k)
//   D_e = (1 / (n (n - 1))) * sum_{c != k} n_c * n_k * delta(c, k)
//
// with delta(c, k) = 1 for c != k (nominal), o_ck the coincidence matrix
// (each unit adds 1 / (m_u - 1) = 1 for each ordered pair of its values from
// different coders), n_c = sum_k o_ck and n = sum_c n_c = 2N pairable values.
// For a 2x2 table of N units:
//
//   o_00 = 2 TN, o_11 = 2 TP, o_01 = o_10 = FP + FN
//   n_0 = 2 TN + FP + FN, n_1 = 2 TP + FP + FN, n = 2N
//   alpha = 1 - (n - 1) * (o_01 + o_10) / (2 n_0 n_1)
//         = 1 - (n - 1) * (FP + FN) / (n_0 n_1)
//
// D_e = 0 (n_0 or n_1 is 0: every value is the same) leaves alpha undefined.
std::optional<double> KrippendorffAlphaBinary(const ConfusionStats& table) {
  const double n = 2.0 * table.Total();
  const double n0 = 2.0 * table.tn + table.fp + table.fn;
  const double n1 = 2.0 * table.tp + table.fp + table.fn;
  if (n0 == 0 || n1 == 0) return std::nullopt;
  return 1 - (n - 1) * (table.fp + table.fn) / (n0 * n1);
}

const CodeStats* AgreementStats::Find(std::string_view id) const {
  for (const CodeStats& code : codes) {
    if (code.id == id) return &code;
  }
  return nullptr;
}

std::vector<Diagnostic> CheckAnswerCodes(const Codebook& codebook,
                                         std::span<const AnswerCodes> answers) {
  const auto index = IndexCodes(codebook);
  std::vector<Diagnostic> problems;
  auto check = [&](const AnswerCodes& answer, const std::vector<std::string>& ids,
                   std::string_view side) {
    for (const std::string& id : ids) {
      if (index.contains(id)) continue;
      Diagnostic diagnostic;
      diagnostic.message = "answer '" + answer.answer_id + "': " + std::string(side) + " code '" +
                           id + "' is not in the codebook";
      problems.push_back(std::move(diagnostic));
    }
  };
  for (const AnswerCodes& answer : answers) {
    check(answer, answer.gold, "gold");
    check(answer, answer.machine, "machine");
  }
  return problems;
}

Result<AgreementStats> ComputeStats(const Codebook& codebook,
                                    std::span<const AnswerCodes> answers) {
  auto encoded = Encode(codebook, answers);
  if (!encoded) return tl::unexpected(encoded.error());
  return StatsOf(codebook, *encoded);
}

Result<std::vector<Disagreement>> FindDisagreements(const Codebook& codebook,
                                                    std::span<const AnswerCodes> answers) {
  auto encoded = Encode(codebook, answers);
  if (!encoded) return tl::unexpected(encoded.error());
  std::vector<Disagreement> disagreements;
  for (size_t i = 0; i < answers.size(); ++i) {
    const EncodedAnswer& row = (*encoded)[i];
    if (row.gold == row.machine) continue;
    Disagreement disagreement;
    disagreement.answer_id = answers[i].answer_id;
    disagreement.gold = IdsOf(codebook, row.gold_raw);
    disagreement.machine = IdsOf(codebook, row.machine_raw);
    disagreement.missing = Difference(codebook, row.gold, row.machine);
    disagreement.extra = Difference(codebook, row.machine, row.gold);
    disagreement.disputed = answers[i].disputed;
    disagreement.evidence = answers[i].evidence;
    disagreements.push_back(std::move(disagreement));
  }
  return disagreements;
}

Result<ReviewFigures> ComputeReviewFigures(const Codebook& codebook,
                                           std::span<const AnswerCodes> answers) {
  auto encoded = Encode(codebook, answers);
  if (!encoded) return tl::unexpected(encoded.error());
  ReviewFigures figures;
  figures.answers = static_cast<int>(answers.size());
  std::vector<AnswerCodes> not_disputed;
  std::vector<AnswerCodes> reviewed(answers.begin(), answers.end());
  for (size_t i = 0; i < answers.size(); ++i) {
    const bool differs = (*encoded)[i].gold != (*encoded)[i].machine;
    if (differs) ++figures.disagreements;
    if (answers[i].disputed) {
      ++figures.disputed;
      if (differs) ++figures.caught_disagreements;
      reviewed[i].machine = answers[i].gold;
    } else {
      not_disputed.push_back(answers[i]);
    }
  }
  figures.errors_caught = Ratio(figures.caught_disagreements, figures.disagreements);
  figures.review_burden = Ratio(figures.disputed, figures.answers);
  // The codes were checked above, so these cannot fail.
  figures.counted_only = *ComputeStats(codebook, not_disputed);
  figures.after_review = *ComputeStats(codebook, reviewed);
  return figures;
}

Result<AgreementReport> ComputeAgreement(const Codebook& codebook,
                                         std::span<const AnswerCodes> answers,
                                         ReviewFlags review_flags) {
  AgreementReport report;
  auto stats = ComputeStats(codebook, answers);
  if (!stats) return tl::unexpected(stats.error());
  report.stats = std::move(*stats);
  auto disagreements = FindDisagreements(codebook, answers);
  if (!disagreements) return tl::unexpected(disagreements.error());
  report.disagreements = std::move(*disagreements);
  if (review_flags == ReviewFlags::kPresent) {
    auto review = ComputeReviewFigures(codebook, answers);
    if (!review) return tl::unexpected(review.error());
    report.review = std::move(*review);
  }
  return report;
}

IdMismatch CompareAnswerIds(std::span<const std::string> gold_ids,
                            std::span<const std::string> machine_ids) {
  std::vector<std::string> gold(gold_ids.begin(), gold_ids.end());
  std::vector<std::string> machine(machine_ids.begin(), machine_ids.end());
  for (auto* ids : {&gold, &machine}) {
    std::sort(ids->begin(), ids->end());
    ids->erase(std::unique(ids->begin(), ids->end()), ids->end());
  }
  IdMismatch mismatch;
  std::set_difference(gold.begin(), gold.end(), machine.begin(), machine.end(),
                      std::back_inserter(mismatch.gold_only));
  std::set_difference(machine.begin(), machine.end(), gold.begin(), gold.end(),
                      std::back_inserter(mismatch.machine_only));
  return mismatch;
}

}  // namespace verbatim
