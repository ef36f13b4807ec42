#include "core/decided_counts.h"

#include <cassert>

namespace verbatim {
namespace {

struct Presence {
  std::vector<char> code;        // Theme or subtheme present (a theme when any subtheme is).
  std::vector<char> theme_only;  // Theme present without any of its subthemes.
};

Presence PresenceOf(const Codebook& codebook, const std::vector<int>& codes) {
  const size_t n = codebook.codes.size();
  Presence presence{std::vector<char>(n, 0), std::vector<char>(n, 0)};
  std::vector<char> has_subtheme(n, 0);
  for (int code : codes) {
    presence.code[code] = 1;
    const CodeDefinition& definition = codebook.codes[code];
    if (definition.level == CodeLevel::kSubtheme) {
      presence.code[definition.theme_index] = 1;
      has_subtheme[definition.theme_index] = 1;
    }
  }
  for (size_t c = 0; c < n; ++c) {
    presence.theme_only[c] = codebook.codes[c].level == CodeLevel::kTheme && presence.code[c] &&
                             !has_subtheme[c];
  }
  return presence;
}

}  // namespace

CountChanges::CountChanges(const Codebook& codebook)
    : codebook_(&codebook),
      added_(codebook.codes.size(), 0),
      removed_(codebook.codes.size(), 0),
      theme_only_added_(codebook.codes.size(), 0),
      theme_only_removed_(codebook.codes.size(), 0) {}

void CountChanges::Add(AnswerStatus machine_status, const std::vector<int>& machine_codes,
                       AnswerStatus final_status, const std::vector<int>& final_codes) {
  if (machine_status != final_status) {
    ++status_removed_[static_cast<int>(machine_status)];
    ++status_added_[static_cast<int>(final_status)];
  }
  if (machine_codes == final_codes) return;
  const Presence before = PresenceOf(*codebook_, machine_codes);
  const Presence after = PresenceOf(*codebook_, final_codes);
  for (size_t c = 0; c < before.code.size(); ++c) {
    if (after.code[c] && !before.code[c]) ++added_[c];
    if (before.code[c] && !after.code[c]) ++removed_[c];
    if (after.theme_only[c] && !before.theme_only[c]) ++theme_only_added_[c];
    if (before.theme_only[c] && !after.theme_only[c]) ++theme_only_removed_[c];
  }
}

std::vector<DecidedCountRow> BuildDecidedCountRows(const Codebook& codebook, const Tally& machine,
                                                   const Tally& final_tally,
                                                   const CountChanges& changes) {
  const std::vector<CountRow> final_rows = BuildCountRows(codebook, final_tally);
  const std::vector<CountRow> machine_rows = BuildCountRows(codebook, machine);
  assert(final_rows.size() == machine_rows.size());
  std::vector<DecidedCountRow> out;
  out.reserve(final_rows.size());
  for (size_t i = 0; i < final_rows.size(); ++i) {
    DecidedCountRow row{final_rows[i], machine_rows[i].answers, 0, 0};
    switch (row.final.level) {
      case CountLevel::kTheme:
      case CountLevel::kSubtheme: {
        const int code = codebook.FindCode(row.final.id);
        row.added = changes.added(code);
        row.removed = changes.removed(code);
        break;
      }
      case CountLevel::kThemeOnly: {
        const int code = codebook.FindCode(row.final.id);
        row.added = changes.theme_only_added(code);
        row.removed = changes.theme_only_removed(code);
        break;
      }
      case CountLevel::kStatus:
        for (AnswerStatus status : kAllAnswerStatuses) {
          if (AnswerStatusName(status) != row.final.id) continue;
          row.added = changes.status_added(status);
          row.removed = changes.status_removed(status);
        }
        break;
      case CountLevel::kTotal:
        break;
    }
    out.push_back(std::move(row));
  }
  return out;
}

}  // namespace verbatim
