#include "io/output/diff_report.h"

#include <fmt/format.h>

#include <algorithm>

#include "core/evidence.h"
#include "io/output/csv_writer.h"
#include "io/output/display_text.h"

namespace verbatim {
namespace {

// Columns of answer text shown in the report.
constexpr size_t kTextWidth = 100;

std::string Join(const std::vector<std::string>& ids) {
  std::string out;
  for (const std::string& id : ids) {
    if (!out.empty()) out += ';';
    out += id;
  }
  return out;
}

std::string Delta(size_t old_value, size_t new_value) {
  if (new_value == old_value) return "0";
  return new_value > old_value ? fmt::format("+{}", new_value - old_value)
                               : fmt::format("-{}", old_value - new_value);
}

// The first include hit of `id` in `result`, quoted, or "".
std::string EvidenceFor(const CompiledCodebook& codebook, const CodingResult& result,
                        const std::string& id, const std::string& original) {
  const int code = codebook.codebook().FindCode(id);
  const CodeFinding* finding = code < 0 ? nullptr : result.FindingFor(code);
  if (finding == nullptr || finding->include_hits.empty()) return "";
  const PatternHit& hit = result.hits[finding->include_hits.front()];
  return QuoteOriginal(original, hit.original_begin, hit.original_end);
}

struct CodeLine {
  char sign = '+';
  bool counted = false;
  bool proposed = false;
};

// Added and removed codes of one answer, each once with the lists it
// changed in: added ones first (new codebook order), then removed ones.
std::vector<std::pair<std::string, CodeLine>> CodeLines(const AnswerChange& change) {
  std::vector<std::pair<std::string, CodeLine>> lines;
  auto add = [&](const std::vector<std::string>& ids, char sign, bool counted) {
    for (const std::string& id : ids) {
      auto it = std::find_if(lines.begin(), lines.end(),
                             [&](const auto& line) { return line.first == id; });
      if (it == lines.end()) {
        lines.push_back({id, CodeLine{sign, false, false}});
        it = lines.end() - 1;
      }
      (counted ? it->second.counted : it->second.proposed) = true;
    }
  };
  add(change.proposed_added, '+', false);
  add(change.counted_added, '+', true);
  add(change.proposed_removed, '-', false);
  add(change.counted_removed, '-', true);
  return lines;
}

std::string DisputeChange(const AnswerChange& change) {
  if (change.newly_disputed()) return "newly_disputed";
  if (change.no_longer_disputed()) return "no_longer_disputed";
  return "";
}

void WriteCountTable(std::ostream& out, const CodingDiffTally& tally) {
  const std::vector<CodeCountChange> rows = tally.Codes();
  size_t id_width = 4;
  for (const CodeCountChange& row : rows) {
    id_width =
        std::max(id_width, DisplayWidth(row.id) + (row.level == CodeLevel::kSubtheme ? 2 : 0));
  }
  out << fmt::format("{:<{}}  {:>21}  {:>21}\n", "", id_width, "counted", "proposed");
  out << fmt::format("{:<{}}  {:>6} {:>6} {:>7}  {:>6} {:>6} {:>7}\n", "code", id_width, "old",
                     "new", "delta", "old", "new", "delta");
  bool removed_heading = false;
  for (const CodeCountChange& row : rows) {
    if (!row.in_new && !removed_heading) {
      out << "codes only in the old codebook\n";
      removed_heading = true;
    }
    // Removed codes are not under the theme above them: no indent.
    std::string id = (row.level == CodeLevel::kSubtheme && row.in_new ? "  " : "") + row.id;
    std::string note;
    if (!row.in_old) note = "  (new code)";
    if (!row.in_new) note = "  (removed code)";
    out << fmt::format("{:<{}}  {:>6} {:>6} {:>7}  {:>6} {:>6} {:>7}{}\n", id, id_width,
                       row.old_counted, row.new_counted, Delta(row.old_counted, row.new_counted),
                       row.old_proposed, row.new_proposed,
                       Delta(row.old_proposed, row.new_proposed), note);
  }
  out << '\n';
  out << fmt::format("{:<{}}  {:>6} {:>6} {:>7}\n", "status", id_width, "old", "new", "delta");
  for (AnswerStatus status : kAllAnswerStatuses) {
    const size_t old_count = tally.old_status_count(status);
    const size_t new_count = tally.new_status_count(status);
    out << fmt::format("{:<{}}  {:>6} {:>6} {:>7}\n", AnswerStatusName(status), id_width, old_count,
                       new_count, Delta(old_count, new_count));
  }
}

std::string Reasons(const CodingResult& result) {
  const std::string details = JoinReasonDetails(result);
  return details.empty() ? "(none)" : details;
}

void WriteChange(std::ostream& out, const DiffSides& sides, const ChangedAnswer& answer) {
  const AnswerChange& change = answer.change;
  std::string status = std::string(AnswerStatusName(change.old_status));
  if (change.new_status != change.old_status) {
    status += " -> " + std::string(AnswerStatusName(change.new_status));
  }
  if (change.newly_disputed()) status += "  (newly disputed)";
  if (change.no_longer_disputed()) status += "  (no longer disputed)";
  out << fmt::format("id {}  {}\n", answer.id, status);
  out << "    " << KeepHead(OneLine(answer.text), kTextWidth) << '\n';
  for (const auto& [id, line] : CodeLines(change)) {
    std::string lists = line.counted && line.proposed ? "counted, proposed"
                        : line.counted                ? "counted"
                                                      : "proposed";
    const std::string evidence =
        line.sign == '+' ? EvidenceFor(*sides.new_codebook, answer.new_result, id, answer.text)
                         : EvidenceFor(*sides.old_codebook, answer.old_result, id, answer.text);
    out << fmt::format("    {} {}  ({}){}\n", line.sign, id, lists,
                       evidence.empty() ? "" : "  \"" + evidence + "\"");
  }
  if (change.new_status != change.old_status &&
      !(answer.old_result.reasons.empty() && answer.new_result.reasons.empty())) {
    out << "    reasons before: " << Reasons(answer.old_result) << '\n';
    out << "    reasons now:    " << Reasons(answer.new_result) << '\n';
  }
}

}  // namespace

void WriteDiffReport(std::ostream& out, const DiffSides& sides, const CodingDiffTally& tally,
                     const std::vector<ChangedAnswer>& changes) {
  const Codebook& old_book = sides.old_codebook->codebook();
  const Codebook& new_book = sides.new_codebook->codebook();
  out << fmt::format("old  {} ({} {})\n", sides.old_path, old_book.info.id, old_book.info.version);
  out << fmt::format("new  {} ({} {})\n", sides.new_path, new_book.info.id, new_book.info.version);
  out << fmt::format("{}: {} answers, {} changed\n\n", sides.input_path, tally.answers(),
                     tally.changed_answers());
  WriteCountTable(out, tally);
  out << fmt::format("\nchanged answers: {}\n", changes.size());
  for (const ChangedAnswer& answer : changes) {
    out << '\n';
    WriteChange(out, sides, answer);
  }
}

void WriteDiffCsv(std::ostream& out, const DiffSides& sides,
                  const std::vector<ChangedAnswer>& changes, CsvDialect dialect) {
  WriteCsvPreamble(out, dialect);
  CsvWriter csv(out, CsvDelimiter(dialect));
  csv.WriteRow({"id", "text", "old_status", "new_status", "dispute", "counted_added",
                "counted_removed", "proposed_added", "proposed_removed", "old_counted",
                "new_counted", "old_proposed", "new_proposed", "old_reasons", "new_reasons",
                "evidence"});
  const Codebook& old_book = sides.old_codebook->codebook();
  const Codebook& new_book = sides.new_codebook->codebook();
  for (const ChangedAnswer& answer : changes) {
    const AnswerChange& change = answer.change;
    std::string evidence;
    for (const auto& [id, line] : CodeLines(change)) {
      const std::string words =
          line.sign == '+' ? EvidenceFor(*sides.new_codebook, answer.new_result, id, answer.text)
                           : EvidenceFor(*sides.old_codebook, answer.old_result, id, answer.text);
      if (words.empty()) continue;
      if (!evidence.empty()) evidence += " | ";
      evidence += id + "=\"" + words + "\"";
    }
    csv.WriteRow(
        {answer.id, answer.text, std::string(AnswerStatusName(change.old_status)),
         std::string(AnswerStatusName(change.new_status)), DisputeChange(change),
         Join(change.counted_added), Join(change.counted_removed), Join(change.proposed_added),
         Join(change.proposed_removed), JoinCodeIds(old_book, answer.old_result.counted),
         JoinCodeIds(new_book, answer.new_result.counted),
         JoinCodeIds(old_book, answer.old_result.proposed),
         JoinCodeIds(new_book, answer.new_result.proposed), JoinReasonNames(answer.old_result),
         JoinReasonNames(answer.new_result), evidence});
  }
}

}  // namespace verbatim
