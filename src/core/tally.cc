#include "core/tally.h"

#include <algorithm>

namespace verbatim {

Tally::Tally(const Codebook& codebook)
    : codebook_(&codebook),
      answers_(codebook.codes.size(), 0),
      theme_only_(codebook.codes.size(), 0) {}

void Tally::Add(AnswerStatus status, const std::vector<int>& counted_codes) {
  ++rows_;
  ++by_status_[static_cast<int>(status)];
  // The themes this answer counts in, each once, and whether through a
  // subtheme: a few entries, where a pass over every code would cost a
  // thousand-code codebook a thousand steps per row.
  themes_seen_.clear();
  for (int code : counted_codes) {
    const CodeDefinition& definition = codebook_->codes[code];
    const bool subtheme = definition.level == CodeLevel::kSubtheme;
    if (subtheme) ++answers_[code];
    const int theme = subtheme ? definition.theme_index : code;
    auto seen = std::find_if(themes_seen_.begin(), themes_seen_.end(),
                             [theme](const auto& entry) { return entry.first == theme; });
    if (seen == themes_seen_.end()) {
      themes_seen_.emplace_back(theme, subtheme);
    } else {
      seen->second = seen->second || subtheme;
    }
  }
  for (const auto& [theme, through_subtheme] : themes_seen_) {
    ++answers_[theme];
    if (!through_subtheme) ++theme_only_[theme];
  }
}

void Tally::Merge(const Tally& other) {
  rows_ += other.rows_;
  for (int s = 0; s < 4; ++s) by_status_[s] += other.by_status_[s];
  for (size_t c = 0; c < answers_.size(); ++c) {
    answers_[c] += other.answers_[c];
    theme_only_[c] += other.theme_only_[c];
  }
}

std::string_view CountLevelName(CountLevel level) {
  switch (level) {
    case CountLevel::kTheme: return "theme";
    case CountLevel::kSubtheme: return "subtheme";
    case CountLevel::kThemeOnly: return "theme_only";
    case CountLevel::kStatus: return "status";
    case CountLevel::kTotal: return "total";
  }
  return "total";
}

std::vector<CountRow> BuildCountRows(const Codebook& codebook, const Tally& tally) {
  const double rows = static_cast<double>(tally.rows());
  const double coded = static_cast<double>(tally.status_count(AnswerStatus::kCoded));
  auto percent = [](double part, double whole) { return whole > 0 ? 100.0 * part / whole : 0.0; };
  std::vector<CountRow> out;
  auto add_code_row = [&](CountLevel level, std::string id, std::string label, size_t answers) {
    out.push_back(CountRow{level, std::move(id), std::move(label), answers,
                           percent(static_cast<double>(answers), rows),
                           percent(static_cast<double>(answers), coded)});
  };
  for (size_t c = 0; c < codebook.codes.size(); ++c) {
    const CodeDefinition& code = codebook.codes[c];
    if (code.level != CodeLevel::kTheme) continue;
    add_code_row(CountLevel::kTheme, code.id, code.label, tally.answers(static_cast<int>(c)));
    for (size_t s = c + 1; s < codebook.codes.size() && codebook.codes[s].level == CodeLevel::kSubtheme; ++s) {
      add_code_row(CountLevel::kSubtheme, codebook.codes[s].id, codebook.codes[s].label,
                   tally.answers(static_cast<int>(s)));
    }
    add_code_row(CountLevel::kThemeOnly, code.id, "theme without subtheme",
                 tally.theme_without_subtheme(static_cast<int>(c)));
  }
  for (AnswerStatus status : kAllAnswerStatuses) {
    const size_t n = tally.status_count(status);
    out.push_back(CountRow{CountLevel::kStatus, std::string(AnswerStatusName(status)),
                           status == AnswerStatus::kUncoded    ? "not coded"
                           : status == AnswerStatus::kDisputed ? "disputed (in review file, not counted)"
                           : status == AnswerStatus::kError    ? "error (row could not be read)"
                                                               : "coded",
                           n, percent(static_cast<double>(n), rows), -1});
  }
  out.push_back(CountRow{CountLevel::kTotal, "total", "total rows read", tally.rows(), 100.0, -1});
  return out;
}

}  // namespace verbatim
