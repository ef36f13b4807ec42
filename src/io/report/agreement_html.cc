#include "io/report/agreement_html.h"

#include <fmt/format.h>

#include <optional>
#include <string>
#include <vector>

#include "io/report/html_text.h"

namespace verbatim {
namespace {

std::string Ratio(const std::optional<double>& value) {
  return value ? FrenchDecimal(*value, 3)
               : "<abbr title=\"non défini : dénominateur nul\">n/d</abbr>";
}

std::string Percent(const std::optional<double>& value) {
  return value ? FrenchPercent(100.0 * *value) : "<abbr title=\"non défini\">n/d</abbr>";
}

std::string JoinIds(const std::vector<std::string>& ids) {
  std::string out;
  for (const std::string& id : ids) out += (out.empty() ? "" : ", ") + EscapeHtml(id);
  return out.empty() ? "—" : out;
}

void WriteAverageRows(const char* scope, const AgreementStats& stats, std::ostream& out) {
  struct Level {
    const char* name;
    const LevelSummary* summary;
  };
  for (const Level& level :
       {Level{"sous-thèmes", &stats.subthemes}, Level{"thèmes", &stats.themes}}) {
    const LevelSummary& s = *level.summary;
    out << fmt::format(
        "<tr><th scope=\"row\">{} — {}</th><td class=\"num\">{}</td>"
        "<td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td>"
        "<td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td>"
        "<td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td></tr>\n",
        scope, level.name, s.codes, Ratio(s.micro.precision), Ratio(s.micro.recall),
        Ratio(s.micro.f1), Ratio(s.micro.kappa), Ratio(s.macro_precision.mean),
        Ratio(s.macro_recall.mean), Ratio(s.macro_f1.mean), Ratio(s.macro_kappa.mean),
        Ratio(s.alpha));
  }
}

void WriteAverages(const AgreementReport& report, std::ostream& out) {
  out << "<div class=\"table-scroll\"><table class=\"averages\">\n<thead><tr><th "
         "scope=\"col\">Moyennes</th>"
         "<th scope=\"col\">Codes</th><th scope=\"col\">Précision micro</th>"
         "<th scope=\"col\">Rappel micro</th><th scope=\"col\">F1 micro</th>"
         "<th scope=\"col\">Kappa micro</th><th scope=\"col\">Précision macro</th>"
         "<th scope=\"col\">Rappel macro</th><th scope=\"col\">F1 macro</th>"
         "<th scope=\"col\">Kappa macro</th><th scope=\"col\">Alpha</th></tr></thead>\n<tbody>\n";
  WriteAverageRows("Toutes les réponses", report.stats, out);
  if (report.review) {
    WriteAverageRows("Hors réponses litigieuses", report.review->counted_only, out);
    WriteAverageRows("Après relecture", report.review->after_review, out);
  }
  out << "</tbody>\n</table></div>\n";
}

void WriteReviewFigures(const ReviewFigures& review, std::ostream& out) {
  out << fmt::format(
      "<p class=\"review-figures\">Charge de relecture : réponses litigieuses <strong>{}</strong> "
      "sur {} ({}). Erreurs repérées : désaccords avec le codage humain parmi les réponses "
      "litigieuses <strong>{}</strong> sur {} ({}).</p>\n",
      review.disputed, review.answers, Percent(review.review_burden), review.caught_disagreements,
      review.disagreements, Percent(review.errors_caught));
}

void WriteCodeTable(const AgreementStats& stats, std::ostream& out) {
  out << "<div class=\"table-scroll\"><table class=\"per-code\">\n<thead><tr>"
         "<th scope=\"col\">Code</th><th scope=\"col\">Humain</th><th scope=\"col\">Machine</th>"
         "<th scope=\"col\"><abbr title=\"vrais positifs\">VP</abbr></th>"
         "<th scope=\"col\"><abbr title=\"faux positifs\">FP</abbr></th>"
         "<th scope=\"col\"><abbr title=\"faux négatifs\">FN</abbr></th>"
         "<th scope=\"col\"><abbr title=\"vrais négatifs\">VN</abbr></th>"
         "<th scope=\"col\">Précision</th><th scope=\"col\">Rappel</th><th scope=\"col\">F1</th>"
         "<th scope=\"col\">Kappa</th></tr></thead>\n<tbody>\n";
  for (const CodeStats& code : stats.codes) {
    const ConfusionStats& t = code.table;
    out << fmt::format(
        "<tr class=\"level-{}\" data-code=\"{}\"><td>{}<br><code>{}</code></td>"
        "<td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td>"
        "<td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td>"
        "<td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td>"
        "<td class=\"num\">{}</td></tr>\n",
        code.level == CodeLevel::kTheme ? "theme" : "subtheme", EscapeHtml(code.id),
        EscapeHtml(code.label), EscapeHtml(code.id), t.GoldPositives(), t.MachinePositives(), t.tp,
        t.fp, t.fn, t.tn, Ratio(t.precision), Ratio(t.recall), Ratio(t.f1), Ratio(t.kappa));
  }
  out << "</tbody>\n</table></div>\n";
}

void WriteDisagreements(const std::vector<Disagreement>& disagreements, std::ostream& out) {
  out << fmt::format(
      "<details class=\"disagreements\" id=\"list-disagreements\"><summary>Désaccords avec "
      "le codage humain <span class=\"count\">{}</span></summary>\n",
      disagreements.size());
  if (disagreements.empty()) {
    out << "<p class=\"empty\">Aucun désaccord.</p>\n";
  } else {
    out << "<div class=\"table-scroll\"><table class=\"disagreements\">\n<thead><tr><th "
           "scope=\"col\">Réponse</th>"
           "<th scope=\"col\">Humain</th><th scope=\"col\">Machine</th>"
           "<th scope=\"col\">Manquants</th><th scope=\"col\">En trop</th>"
           "<th scope=\"col\">Litigieuse</th><th "
           "scope=\"col\">Indices</th></tr></thead>\n<tbody>\n";
    for (const Disagreement& d : disagreements) {
      out << fmt::format(
          "<tr data-id=\"{}\"><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td>"
          "<td>{}</td></tr>\n",
          EscapeHtml(d.answer_id), EscapeHtml(d.answer_id), JoinIds(d.gold), JoinIds(d.machine),
          JoinIds(d.missing), JoinIds(d.extra), d.disputed ? "oui" : "non", EscapeHtml(d.evidence));
    }
    out << "</tbody>\n</table></div>\n";
  }
  out << "</details>\n";
}

}  // namespace

void WriteAgreementHtml(const AgreementReport& report, std::string_view gold_path,
                        std::ostream& out) {
  out << "<section id=\"agreement\">\n<h2>Accord avec le codage humain</h2>\n";
  out << fmt::format(
      "<p>Codage humain : <code>{}</code>, {} réponses. Codes de la machine : sa proposition "
      "(litigieuses comprises), comme <code>verbatim agree</code> par défaut.</p>\n",
      EscapeHtml(gold_path), report.stats.answers);
  WriteAverages(report, out);
  if (report.review) WriteReviewFigures(*report.review, out);
  WriteCodeTable(report.stats, out);
  WriteDisagreements(report.disagreements, out);
  out << "</section>\n";
}

}  // namespace verbatim
