#include "io/output/agreement_writer.h"

#include <fmt/format.h>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <tuple>
#include <string_view>
#include <vector>

#include "io/output/csv_writer.h"

namespace verbatim {
namespace {

using Json = nlohmann::ordered_json;

std::string_view LevelName(CodeLevel level) {
  return level == CodeLevel::kTheme ? "theme" : "subtheme";
}

std::string Fixed(const std::optional<double>& value) {
  return value ? fmt::format("{:.4f}", *value) : "n/a";
}

// Shortest text that reads back as the same double (fmt's default).
std::string Exact(const std::optional<double>& value) {
  return value ? fmt::format("{}", *value) : "n/a";
}

Json JsonNumber(const std::optional<double>& value) { return value ? Json(*value) : Json(nullptr); }

// Code points, as fmt counts them when it pads: right for the precomposed
// Latin text of French labels ("é" is one column, two bytes).
size_t DisplayWidth(std::string_view text) {
  return static_cast<size_t>(std::count_if(text.begin(), text.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  }));
}

enum class Align { kLeft, kRight };

struct TextTable {
  std::vector<Align> aligns;
  std::vector<std::vector<std::string>> rows;  // rows[0] is the header.
};

void WriteTextTable(const TextTable& table, std::ostream& out) {
  std::vector<size_t> widths(table.aligns.size(), 0);
  for (const auto& row : table.rows) {
    for (size_t i = 0; i < row.size(); ++i) widths[i] = std::max(widths[i], DisplayWidth(row[i]));
  }
  for (const auto& row : table.rows) {
    std::string line;
    for (size_t i = 0; i < row.size(); ++i) {
      if (i > 0) line += "  ";
      line += table.aligns[i] == Align::kLeft ? fmt::format("{:<{}}", row[i], widths[i])
                                              : fmt::format("{:>{}}", row[i], widths[i]);
    }
    line.erase(line.find_last_not_of(' ') + 1);
    out << line << '\n';
  }
}

TextTable CodeTable(const AgreementStats& stats) {
  TextTable table;
  table.aligns = {Align::kLeft,  Align::kLeft,  Align::kRight, Align::kRight,
                  Align::kRight, Align::kRight, Align::kRight, Align::kRight,
                  Align::kRight, Align::kRight, Align::kRight, Align::kRight};
  table.rows.push_back({"Code", "Label", "Gold", "Machine", "TP", "FP", "FN", "TN", "Precision",
                        "Recall", "F1", "Kappa"});
  for (const CodeStats& code : stats.codes) {
    const ConfusionStats& t = code.table;
    table.rows.push_back({(code.level == CodeLevel::kSubtheme ? "  " : "") + code.id, code.label,
                          std::to_string(t.GoldPositives()), std::to_string(t.MachinePositives()),
                          std::to_string(t.tp), std::to_string(t.fp), std::to_string(t.fn),
                          std::to_string(t.tn), Fixed(t.precision), Fixed(t.recall), Fixed(t.f1),
                          Fixed(t.kappa)});
  }
  return table;
}

void AddAverageRows(std::string_view scope, const AgreementStats& stats, TextTable& table) {
  for (const auto& [name, level] :
       {std::pair<std::string_view, const LevelSummary*>{"subthemes", &stats.subthemes},
        {"themes", &stats.themes}}) {
    table.rows.push_back({std::string(scope), std::string(name), "micro",
                          std::to_string(level->codes), Fixed(level->micro.precision),
                          Fixed(level->micro.recall), Fixed(level->micro.f1),
                          Fixed(level->micro.kappa), Fixed(level->alpha)});
    table.rows.push_back({std::string(scope), std::string(name), "macro",
                          std::to_string(level->codes), Fixed(level->macro_precision.mean),
                          Fixed(level->macro_recall.mean), Fixed(level->macro_f1.mean),
                          Fixed(level->macro_kappa.mean), ""});
  }
}

std::string JoinIds(const std::vector<std::string>& ids) {
  return ids.empty() ? "-" : fmt::format("{}", fmt::join(ids, ", "));
}

std::string Percent(const std::optional<double>& value) {
  return value ? fmt::format("{:.1f}%", *value * 100) : "n/a";
}

// The first kTextColumns cells of a row are text (scope, ids, labels); the
// rest are numbers the tool computed, a kappa below zero among them, kept
// numeric in a spreadsheet (io/output/csv_writer.h).
constexpr size_t kTextColumns = 6;

void WriteCsvRow(const std::vector<std::string>& fields, std::ostream& out,
                 CsvDialect dialect = CsvDialect::kStandard) {
  const char delimiter = CsvDelimiter(dialect);
  std::string line;
  for (size_t i = 0; i < fields.size(); ++i) {
    if (i < kTextColumns) {
      AppendCsvField(&line, fields[i], delimiter, i == 0);
    } else {
      AppendCsvNumber(&line, LocalizeCsvDecimal(fields[i], dialect), delimiter, i == 0);
    }
  }
  line += "\r\n";
  out << line;
}

void WriteCsvScope(std::string_view scope, const AgreementStats& stats, std::ostream& out,
                   CsvDialect dialect) {
  const std::string s(scope);
  for (const CodeStats& code : stats.codes) {
    const ConfusionStats& t = code.table;
    WriteCsvRow(
        {s, "code", std::string(LevelName(code.level)), code.id, code.label, code.theme_id,
         std::to_string(t.GoldPositives()), std::to_string(t.MachinePositives()),
         std::to_string(t.tp), std::to_string(t.fp), std::to_string(t.fn), std::to_string(t.tn),
         Exact(t.precision), Exact(t.recall), Exact(t.f1), Exact(t.kappa), ""},
        out, dialect);
  }
  for (const auto& [level, summary] :
       {std::pair<CodeLevel, const LevelSummary*>{CodeLevel::kSubtheme, &stats.subthemes},
        {CodeLevel::kTheme, &stats.themes}}) {
    const ConfusionStats& m = summary->micro;
    const std::string name(LevelName(level));
    WriteCsvRow({s, "micro", name, "", "", "", std::to_string(m.GoldPositives()),
                 std::to_string(m.MachinePositives()), std::to_string(m.tp), std::to_string(m.fp),
                 std::to_string(m.fn), std::to_string(m.tn), Exact(m.precision), Exact(m.recall),
                 Exact(m.f1), Exact(m.kappa), Exact(summary->alpha)},
                out, dialect);
    WriteCsvRow({s, "macro", name, "", "", "", "", "", "", "", "", "",
                 Exact(summary->macro_precision.mean), Exact(summary->macro_recall.mean),
                 Exact(summary->macro_f1.mean), Exact(summary->macro_kappa.mean), ""},
                out, dialect);
  }
}

Json TableJson(const ConfusionStats& t) {
  Json json;
  json["gold"] = t.GoldPositives();
  json["machine"] = t.MachinePositives();
  json["tp"] = t.tp;
  json["fp"] = t.fp;
  json["fn"] = t.fn;
  json["tn"] = t.tn;
  json["precision"] = JsonNumber(t.precision);
  json["recall"] = JsonNumber(t.recall);
  json["f1"] = JsonNumber(t.f1);
  json["kappa"] = JsonNumber(t.kappa);
  return json;
}

Json MacroJson(const MacroValue& value) {
  return Json{{"mean", JsonNumber(value.mean)}, {"codes", value.codes}};
}

Json LevelJson(const LevelSummary& level) {
  Json json;
  json["codes"] = level.codes;
  json["micro"] = TableJson(level.micro);
  json["macro"] = Json{{"precision", MacroJson(level.macro_precision)},
                       {"recall", MacroJson(level.macro_recall)},
                       {"f1", MacroJson(level.macro_f1)},
                       {"kappa", MacroJson(level.macro_kappa)}};
  json["alpha"] = JsonNumber(level.alpha);
  return json;
}

Json StatsJson(const AgreementStats& stats) {
  Json json;
  json["answers"] = stats.answers;
  Json codes = Json::array();
  for (const CodeStats& code : stats.codes) {
    Json entry;
    entry["id"] = code.id;
    entry["label"] = code.label;
    entry["level"] = LevelName(code.level);
    entry["theme"] = code.level == CodeLevel::kSubtheme ? Json(code.theme_id) : Json(nullptr);
    entry.update(TableJson(code.table));
    codes.push_back(std::move(entry));
  }
  json["codes"] = std::move(codes);
  json["subthemes"] = LevelJson(stats.subthemes);
  json["themes"] = LevelJson(stats.themes);
  return json;
}

std::string IntervalText(const std::optional<double>& estimate, const PercentileInterval& interval) {
  if (!interval.low) return Fixed(estimate) + " [n/a]";
  return fmt::format("{} [{:.4f}, {:.4f}]", Fixed(estimate), *interval.low, *interval.high);
}

Json IntervalJson(const PercentileInterval& interval) {
  return Json{{"low", JsonNumber(interval.low)},
              {"high", JsonNumber(interval.high)},
              {"defined", interval.defined}};
}

}  // namespace

void WriteAgreementTable(const AgreementReport& report, std::ostream& out) {
  out << fmt::format("Agreement on {} answers\n\n", report.stats.answers);
  WriteTextTable(CodeTable(report.stats), out);
  out << '\n';
  TextTable averages;
  averages.aligns = {Align::kLeft,  Align::kLeft,  Align::kLeft,  Align::kRight, Align::kRight,
                     Align::kRight, Align::kRight, Align::kRight, Align::kRight};
  averages.rows.push_back(
      {"Scope", "Level", "Average", "Codes", "Precision", "Recall", "F1", "Kappa", "Alpha"});
  AddAverageRows("all", report.stats, averages);
  if (report.review) {
    AddAverageRows("counted only", report.review->counted_only, averages);
    AddAverageRows("after review", report.review->after_review, averages);
  }
  WriteTextTable(averages, out);
  if (report.review) {
    const ReviewFigures& review = *report.review;
    out << fmt::format("\nReview burden: {} of {} answers disputed ({})\n", review.disputed,
                       review.answers, Percent(review.review_burden));
    out << fmt::format("Errors caught: {} of {} disagreements disputed ({})\n",
                       review.caught_disagreements, review.disagreements,
                       Percent(review.errors_caught));
  }
  if (report.subset) {
    out << fmt::format(
        "\nCompared on the {} answer(s) both files hold; left out: {} only in the gold file, {} "
        "only in the coded file\n",
        report.subset->compared, report.subset->gold_only, report.subset->machine_only);
  }
  if (report.intervals) {
    const AgreementIntervals& i = *report.intervals;
    out << fmt::format("\nBootstrap 95% intervals ({} resamples of the {} answers, seed {}):\n",
                       i.resamples, report.stats.answers, i.seed);
    out << fmt::format("  subthemes  micro F1 {}  kappa {}\n",
                       IntervalText(report.stats.subthemes.micro.f1, i.subtheme_f1),
                       IntervalText(report.stats.subthemes.micro.kappa, i.subtheme_kappa));
    out << fmt::format("  themes     micro F1 {}  kappa {}\n",
                       IntervalText(report.stats.themes.micro.f1, i.theme_f1),
                       IntervalText(report.stats.themes.micro.kappa, i.theme_kappa));
  }
  out << fmt::format("\nDisagreements: {}\n", report.disagreements.size());
  if (report.disagreements.empty()) return;
  TextTable list;
  list.aligns = {Align::kLeft, Align::kLeft, Align::kLeft, Align::kLeft};
  list.rows.push_back({"Answer", "Missing", "Extra", "Review"});
  for (const Disagreement& d : report.disagreements) {
    list.rows.push_back({d.answer_id, JoinIds(d.missing), JoinIds(d.extra), d.disputed ? "yes" : ""});
  }
  WriteTextTable(list, out);
  bool any_evidence = false;
  for (const Disagreement& d : report.disagreements) any_evidence |= !d.evidence.empty();
  if (!any_evidence) return;
  out << "\nEvidence that fired:\n";
  for (const Disagreement& d : report.disagreements) {
    if (!d.evidence.empty()) out << fmt::format("  {}: {}\n", d.answer_id, d.evidence);
  }
}

void WriteAgreementCsv(const AgreementReport& report, std::ostream& out, CsvDialect dialect) {
  WriteCsvPreamble(out, dialect);
  WriteCsvRow({"scope", "row", "level", "id", "label", "theme", "gold", "machine", "tp", "fp", "fn",
               "tn", "precision", "recall", "f1", "kappa", "alpha"},
              out, dialect);
  WriteCsvScope("all", report.stats, out, dialect);
  if (report.review) {
    WriteCsvScope("counted_only", report.review->counted_only, out, dialect);
    WriteCsvScope("after_review", report.review->after_review, out, dialect);
  }
  if (report.intervals) {
    const AgreementIntervals& i = *report.intervals;
    for (const auto& [name, f1, kappa] :
         {std::tuple<const char*, const PercentileInterval*, const PercentileInterval*>{
              "subtheme", &i.subtheme_f1, &i.subtheme_kappa},
          {"theme", &i.theme_f1, &i.theme_kappa}}) {
      WriteCsvRow({"bootstrap_95", "micro_low", name, "", "", "", "", "", "", "", "", "", "", "",
                   Exact(f1->low), Exact(kappa->low), ""},
                  out, dialect);
      WriteCsvRow({"bootstrap_95", "micro_high", name, "", "", "", "", "", "", "", "", "", "", "",
                   Exact(f1->high), Exact(kappa->high), ""},
                  out, dialect);
    }
  }
}

void WriteAgreementJson(const AgreementReport& report, std::ostream& out) {
  Json json = StatsJson(report.stats);
  Json disagreements = Json::array();
  for (const Disagreement& d : report.disagreements) {
    disagreements.push_back(Json{{"answer_id", d.answer_id},
                                 {"gold", d.gold},
                                 {"machine", d.machine},
                                 {"missing", d.missing},
                                 {"extra", d.extra},
                                 {"disputed", d.disputed},
                                 {"evidence", d.evidence}});
  }
  json["disagreements"] = std::move(disagreements);
  if (report.review) {
    const ReviewFigures& review = *report.review;
    Json figures;
    figures["answers"] = review.answers;
    figures["disputed"] = review.disputed;
    figures["disagreements"] = review.disagreements;
    figures["caught_disagreements"] = review.caught_disagreements;
    figures["errors_caught"] = JsonNumber(review.errors_caught);
    figures["review_burden"] = JsonNumber(review.review_burden);
    figures["counted_only"] = StatsJson(review.counted_only);
    figures["after_review"] = StatsJson(review.after_review);
    json["review"] = std::move(figures);
  } else {
    json["review"] = nullptr;
  }
  if (report.subset) {
    json["subset"] = Json{{"compared", report.subset->compared},
                          {"gold_only", report.subset->gold_only},
                          {"machine_only", report.subset->machine_only}};
  }
  if (report.intervals) {
    const AgreementIntervals& i = *report.intervals;
    json["bootstrap"] = Json{
        {"resamples", i.resamples},
        {"seed", i.seed},
        {"level", "95% percentile"},
        {"subthemes", Json{{"micro_f1", IntervalJson(i.subtheme_f1)},
                           {"micro_kappa", IntervalJson(i.subtheme_kappa)}}},
        {"themes", Json{{"micro_f1", IntervalJson(i.theme_f1)},
                        {"micro_kappa", IntervalJson(i.theme_kappa)}}}};
  }
  out << json.dump(2) << '\n';
}

}  // namespace verbatim
