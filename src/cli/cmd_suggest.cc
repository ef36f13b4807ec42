// verbatim suggest --input FILE (--gold GOLD.csv | --decisions decisions.csv)
// --codebook CB [--code ID] [--top N] [--min-fixes N] [--out FILE.csv]:
// what labeled answers say about the codebook (core/pattern_suggestions.h).
#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <unordered_map>
#include <unordered_set>

#include "cli/excel_fr_flag.h"
#include "cli/cli.h"
#include "run/codebook_setup.h"
#include "cli/commands.h"
#include "cli/input_flags.h"
#include "cli/output_file.h"
#include "cli/tool_codebook.h"
#include "core/decision_apply.h"
#include "core/duplicate_ids.h"
#include "core/pattern_suggestions.h"
#include "core/suggest.h"
#include "io/output/atomic_file.h"
#include "io/input/code_sets_reader.h"
#include "io/review/decisions_file.h"
#include "io/input/sha256.h"
#include "io/output/suggestion_report.h"

namespace verbatim {
namespace {

struct SuggestCommandOptions {
  InputFlags input;
  std::string gold;
  std::string decisions;
  std::string codebook;
  std::string code;
  size_t top = 10;
  size_t min_fixes = 2;
  std::string out;
  bool excel_fr = false;
};

std::string JoinLimited(const std::vector<std::string>& ids, size_t limit = 5) {
  std::string out;
  for (size_t i = 0; i < ids.size() && i < limit; ++i) out += (i ? ", " : "") + ids[i];
  if (ids.size() > limit) out += ", …";
  return out;
}

// Where the labels come from: code indices per answer id.
class Labels {
 public:
  virtual ~Labels() = default;
  // The labels of the answer, or false when it has none.
  virtual bool Find(const InputRecord& record, std::vector<int>* codes) = 0;
  // Warnings once the input is read, on `err`.
  virtual void Report(const std::string& input, std::ostream& err) = 0;
};

// --gold: every id of the file is labeled.
class GoldLabels : public Labels {
 public:
  // Reads the file; false (with messages on `err`) when it cannot be read or
  // names codes the codebook lacks.
  bool Load(const std::string& path, const Codebook& book, std::ostream& err) {
    auto gold = ReadGoldCodes(path);
    if (!gold) {
      err << "verbatim suggest: " << FormatError(gold.error()) << '\n';
      return false;
    }
    size_t unknown = 0;
    for (const CodedAnswer& answer : *gold) {
      std::vector<int>& codes = codes_[answer.id];
      for (const std::string& id : answer.codes) {
        const int index = book.FindCode(id);
        if (index >= 0) {
          codes.push_back(index);
          continue;
        }
        ++unknown;
        err << fmt::format("verbatim suggest: {}:{}: answer '{}': code '{}' is not in the codebook",
                           path, answer.line, answer.id, id);
        std::vector<std::string> ids;
        for (const CodeDefinition& code : book.codes) ids.push_back(code.id);
        if (const std::string close = SuggestClosest(id, ids); !close.empty()) {
          err << "; did you mean '" << close << "'?";
        }
        err << '\n';
      }
      order_.push_back(answer.id);
    }
    return unknown == 0;
  }

  bool Find(const InputRecord& record, std::vector<int>* codes) override {
    const auto found = codes_.find(record.id);
    if (found == codes_.end()) return false;
    seen_.insert(record.id);
    *codes = found->second;
    return true;
  }

  void Report(const std::string& input, std::ostream& err) override {
    std::vector<std::string> missing;
    for (const std::string& id : order_) {
      if (!seen_.contains(id)) missing.push_back(id);
    }
    if (missing.empty()) return;
    err << fmt::format(
        "verbatim suggest: warning: {} labeled id(s) are not in {} and were ignored: {}\n",
        missing.size(), input, JoinLimited(missing));
  }

 private:
  std::unordered_map<std::string, std::vector<int>> codes_;
  std::vector<std::string> order_;
  std::unordered_set<std::string> seen_;
};

// --decisions: an answer is labeled by a decision recorded for its text,
// whose codes are the decision's result (decision_apply.h): "ok" the
// proposal the reviewer saw, "none" no code, "=a;b" and "+a -b" what they
// led to. A decision for another text (stale) or naming a code the
// codebook lacks labels nothing and is reported.
class DecisionLabels : public Labels {
 public:
  bool Load(const std::string& path, const Codebook& book, std::ostream& err) {
    LoadedDecisions loaded = ReadDecisionsFile(path);
    PrintDiagnostics(err, loaded.diagnostics);
    if (HasErrors(loaded.diagnostics)) {
      err << "verbatim suggest: cannot use the decisions file " << path
          << " (above). Decisions files are written by 'verbatim review apply'.\n";
      return false;
    }
    ledger_ = std::move(loaded.ledger);
    book_ = &book;
    path_ = path;
    return true;
  }

  bool Find(const InputRecord& record, std::vector<int>* codes) override {
    const DecisionMatch match = MatchDecision(ledger_, *book_, record.id, Sha256Hex(record.text));
    summary_.Add(record.id, match);
    if (match.state != DecisionState::kApplied) return false;
    *codes = match.codes;
    return true;
  }

  void Report(const std::string& input, std::ostream& err) override {
    auto ids = [](const std::vector<DecisionRunSummary::Entry>& entries) {
      std::vector<std::string> out;
      for (const auto& entry : entries) out.push_back(entry.id);
      return out;
    };
    if (!summary_.stale().empty()) {
      err << fmt::format(
          "verbatim suggest: warning: {} decision(s) of {} are for another text of their answer "
          "(stale) and were ignored: {}\n",
          summary_.stale().size(), path_, JoinLimited(ids(summary_.stale())));
    }
    if (!summary_.unknown_code().empty()) {
      err << fmt::format(
          "verbatim suggest: warning: {} decision(s) of {} name codes codebook {} {} lacks and "
          "were ignored: {}\n",
          summary_.unknown_code().size(), path_, book_->info.id, book_->info.version,
          JoinLimited(ids(summary_.unknown_code())));
    }
    const std::vector<std::string> missing = summary_.NotInInput(ledger_);
    if (!missing.empty()) {
      err << fmt::format(
          "verbatim suggest: warning: {} labeled id(s) are not in {} and were ignored: {}\n",
          missing.size(), input, JoinLimited(missing));
    }
  }

 private:
  DecisionLedger ledger_;
  const Codebook* book_ = nullptr;
  std::string path_;
  DecisionRunSummary summary_;
};

Outcome RunSuggest(const SuggestCommandOptions& options, CommandContext& context) {
  if (options.gold.empty() == options.decisions.empty()) {
    context.err << "verbatim suggest: give the labels with --gold or with --decisions\n";
    return Outcome::kUsage;
  }
  auto input_options = MakeInputOptions(options.input);
  if (!input_options) {
    context.err << "verbatim suggest: " << input_options.error().message << '\n';
    return Outcome::kUsage;
  }
  std::unique_ptr<CompiledCodebook> codebook =
      SetUpToolCodebook(options.codebook, "suggest", context.err);
  if (!codebook) return Outcome::kDataError;
  const Codebook& book = codebook->codebook();

  SuggestOptions suggest;
  suggest.top = options.top;
  suggest.min_fixes = options.min_fixes;
  if (!options.code.empty()) {
    suggest.code = book.FindCode(options.code);
    if (suggest.code < 0) {
      std::vector<std::string> ids;
      for (const CodeDefinition& code : book.codes) ids.push_back(code.id);
      const std::string close = SuggestClosest(options.code, ids);
      context.err << "verbatim suggest: --code '" << options.code << "' is not in "
                  << options.codebook << (close.empty() ? "" : "; did you mean '" + close + "'?")
                  << '\n';
      return Outcome::kUsage;
    }
  }

  std::unique_ptr<Labels> labels;
  if (!options.gold.empty()) {
    auto gold = std::make_unique<GoldLabels>();
    if (!gold->Load(options.gold, book, context.err)) return Outcome::kDataError;
    labels = std::move(gold);
  } else {
    auto decisions = std::make_unique<DecisionLabels>();
    if (!decisions->Load(options.decisions, book, context.err)) return Outcome::kDataError;
    labels = std::move(decisions);
  }

  auto reader = OpenInput(*input_options);
  if (!reader) {
    context.err << "verbatim suggest: " << FormatError(reader.error()) << '\n';
    return Outcome::kDataError;
  }
  PrintInputNote(**reader, "verbatim suggest", context.err);
  std::vector<LabeledAnswer> answers;
  DuplicateIds duplicates;
  size_t errors = 0;
  InputRecord record;
  while ((*reader)->Next(&record)) {
    duplicates.Add(record.id, record.line);
    if (!record.error.empty()) {
      ++errors;
      continue;
    }
    LabeledAnswer answer{record.id, record.text, {}};
    if (labels->Find(record, &answer.gold)) answers.push_back(std::move(answer));
  }
  if (!duplicates.empty()) {
    context.err << "verbatim suggest: " << options.input.path << ": " << duplicates.count()
                << " id(s) on more than one row: " << duplicates.Describe(5)
                << "; labels are joined to answers by id, so ids must be unique\n";
    return Outcome::kDataError;
  }
  labels->Report(options.input.path, context.err);
  if (answers.empty()) {
    context.err << "verbatim suggest: no answer of " << options.input.path
                << " has a label; labels are joined to answers by id"
                << (options.input.id_column.empty()
                        ? " (ids are row numbers unless --id-column is given)"
                        : "")
                << '\n';
    return Outcome::kDataError;
  }

  auto report = SuggestPatterns(*codebook, answers, suggest);
  if (!report) {
    context.err << "verbatim suggest: " << FormatError(report.error()) << '\n';
    return Outcome::kDataError;
  }
  WriteSuggestionReport(context.out, *codebook, answers, suggest, *report);

  if (!options.out.empty()) {
    std::unique_ptr<AtomicFile> file = OpenOutputFile(options.out, "suggest", context.err);
    if (!file) return Outcome::kDataError;
    WriteSuggestionCsv(file->stream(), *codebook, answers, *report, DialectFor(options.excel_fr));
    if (auto committed = file->Commit(); !committed) {
      context.err << "verbatim suggest: " << FormatError(committed.error()) << '\n';
      return Outcome::kDataError;
    }
    size_t rows = 0;
    for (const CodeSuggestions& code : report->codes) rows += code.candidates.size();
    context.out << "\nWrote " << options.out << " (" << rows << " candidate pattern"
                << (rows == 1 ? "" : "s") << ")\n";
  }
  if (errors > 0) {
    context.err << "verbatim suggest: " << errors << " row(s) could not be read and were skipped\n";
    return Outcome::kDataError;
  }
  return Outcome::kSuccess;
}

}  // namespace

CommandRunner SetupSuggestCommand(CLI::App& app) {
  auto options = std::make_shared<SuggestCommandOptions>();
  AddInputFlags(app, &options->input, InputRequirement::kRequired);
  CLI::Option* gold =
      app.add_option("--gold", options->gold, "Labels: a gold coding, CSV with columns id,codes");
  CLI::Option* decisions = app.add_option(
      "--decisions", options->decisions,
      "Labels: the reviewers' decisions (decisions.csv written by 'verbatim review apply')");
  gold->excludes(decisions);
  app.add_option("-c,--codebook", options->codebook, "YAML codebook")->required();
  app.add_option("--code", options->code, "Only this code (theme or subtheme id)");
  app.add_option("--top", options->top, "Candidate patterns shown per code")
      ->capture_default_str()
      ->check(CLI::Range(size_t{1}, size_t{1000}));
  app.add_option("--min-fixes", options->min_fixes,
                 "Fewest missed answers a candidate pattern must fix")
      ->capture_default_str()
      ->check(CLI::Range(size_t{1}, size_t{1000000}));
  app.add_option("-o,--out", options->out,
                 "Also write the candidate patterns to this CSV file (folders are created)");
  AddExcelFrFlag(app, &options->excel_fr);
  return [options](CommandContext& context) { return RunSuggest(*options, context); };
}

}  // namespace verbatim
