#include "cli/code_messages.h"

#include <filesystem>

#include <fmt/format.h>

#include "cli/shell_word.h"
#include "core/id_list.h"
#include "io/output/numbered_backup.h"
#include "io/output/counts_report.h"
#include "io/review/decisions_file.h"
#include "io/review/review_reader.h"
#include "run/codebook_setup.h"

namespace verbatim {

bool LoadDecisions(const std::string& path, std::string_view command,
                   std::string_view consequence, std::ostream& err, DecisionLedger* ledger) {
  LoadedDecisions loaded = ReadDecisionsFile(path);
  PrintDiagnostics(err, loaded.diagnostics);
  if (HasErrors(loaded.diagnostics)) {
    err << command << ": cannot use the decisions file " << path << " (above); " << consequence
        << ". Decisions files are written by 'verbatim review apply'.\n";
    return false;
  }
  *ledger = std::move(loaded.ledger);
  return true;
}

bool GuardExistingReviewFile(const std::string& review_path, const std::string& decisions_path,
                             bool force, const DecisionLedger& ledger, std::ostream& err) {
  std::error_code exists_error;
  if (!std::filesystem::exists(review_path, exists_error)) return true;
  const std::string decisions = decisions_path.empty() ? "decisions.csv" : decisions_path;
  auto existing = ReadReviewFile(review_path, ReviewRows::kDecided);
  std::vector<WrittenDecision> unapplied;
  if (existing) {
    std::vector<WrittenDecision> written;
    for (const ReviewedRow& row : existing->rows) {
      written.push_back(WrittenDecision{row.id, row.decision, row.comment, row.line});
    }
    unapplied = UnappliedDecisions(written, ledger);
    if (unapplied.empty()) return true;
  }
  if (!force) {
    if (!existing) {
      err << "verbatim code: cannot read " << review_path
          << " to check it for decisions not yet applied: " << FormatError(existing.error())
          << "\nMove it away, or pass --force to overwrite it (it is then kept as " << review_path
          << ".bak, or .bak.1, .bak.2, … when that is taken). Nothing was written.\n";
      return false;
    }
    std::vector<std::string> ids;
    for (const WrittenDecision& row : unapplied) ids.push_back(row.id);
    err << fmt::format(
        "verbatim code: {} holds {} decision(s) that were never applied (answer(s) {}); a new "
        "review file would lose them. Nothing was written.\n"
        "Apply them first:\n"
        "  verbatim review apply {} --decisions {}\n"
        "then run this command again with --decisions {}; or pass --force to overwrite the "
        "review file (the old one is then kept as {}.bak, or .bak.1, .bak.2, … when that is "
        "taken).\n",
        review_path, unapplied.size(), JoinIds(ids, 10), ShellWord(review_path),
        ShellWord(decisions), ShellWord(decisions), review_path);
    return false;
  }
  // --force: keep the old file beside the new one, under a name no older
  // backup has (it may hold other decisions never applied).
  auto backup = KeepNumberedBackup(review_path);
  if (!backup) {
    err << "verbatim code: " << FormatError(backup.error()) << '\n';
    return false;
  }
  err << "verbatim code: --force: " << review_path << " held "
      << (existing ? std::to_string(unapplied.size()) + " decision(s) never applied"
                   : std::string("content that could not be read"))
      << "; kept as " << *backup << '\n';
  return true;
}

void PrintCodeSummary(std::ostream& out, const std::string& input, const Codebook& codebook,
                      const RunSummary& summary, const std::vector<DecidedCountRow>& decided_rows,
                      bool with_decisions, const std::string& id_column, const std::string& by,
                      const GroupTally* groups) {
  out << fmt::format("{} — {} (codebook {} {})\n{}\n\n", input, codebook.info.question,
                     codebook.info.id, codebook.info.version, IdsLine(id_column));
  if (with_decisions) {
    PrintDecidedCountsTable(out, decided_rows);
  } else {
    PrintCountsTable(out, BuildCountRows(codebook, summary.final));
  }
  if (groups != nullptr && groups->size() > 0) PrintGroupTable(out, codebook, by, *groups);
}

std::string IdsLine(const std::string& id_column) {
  if (id_column.empty()) return "ids: row numbers (no id column found; choose one with --id-column)";
  return fmt::format("ids: column \"{}\"", id_column);
}

void ReportDecisions(std::string_view command, const std::string& decisions_path, const DecisionLedger& ledger,
                     const DecisionRunSummary& summary, const Codebook& codebook,
                     const std::string& review_path, bool quiet, CommandContext& context) {
  for (const auto& entry : summary.stale()) {
    context.err << fmt::format(
        "{}: warning: the decision for answer {} ('{}', {}) is stale: the answer's text "
        "changed since; not applied, kept in {}, listed again in {}\n",
        command, entry.id, entry.record->decision, entry.record->decided_at, decisions_path,
        review_path);
  }
  for (const auto& entry : summary.unknown_code()) {
    std::string codes;
    for (const std::string& code : entry.unknown_codes) codes += (codes.empty() ? "" : ", ") + code;
    context.err << fmt::format(
        "{}: warning: the decision for answer {} ('{}') names {}, which codebook {} {} "
        "does not have; not applied, kept in {}, listed again in {}\n",
        command, entry.id, entry.record->decision, codes, codebook.info.id, codebook.info.version,
        decisions_path, review_path);
  }
  const std::vector<std::string> missing = summary.NotInInput(ledger);
  if (!missing.empty()) {
    context.err << fmt::format(
        "{}: warning: {} decision(s) name answers this input does not have ({}); kept "
        "in {}\n",
        command, missing.size(), JoinIds(missing, 10), decisions_path);
  }
  if (!quiet) {
    context.out << fmt::format(
        "Decisions ({}, {} recorded): {} applied, {} stale (text changed), {} naming unknown "
        "codes, {} for answers not in this input\n",
        decisions_path, ledger.size(), summary.applied().size(), summary.stale().size(),
        summary.unknown_code().size(), missing.size());
  }
}

}  // namespace verbatim
