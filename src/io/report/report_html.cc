#include "io/report/report_html.h"

#include <fmt/format.h>

#include <string_view>
#include <vector>

#include "core/evidence_marks.h"
#include "io/report/agreement_html.h"
#include "io/report/group_chart_html.h"
#include "io/report/html_text.h"
#include "io/report/report_assets.h"
#include "io/report/report_chart.h"

namespace verbatim {
namespace {

// Indices into ReportPage::answers, per list of the page.
struct AnswerLists {
  // For a subtheme, its answers; for a theme without subthemes, its
  // answers; for a theme with subthemes, those with none of them.
  std::vector<std::vector<size_t>> by_code;
  std::vector<size_t> disputed;
  std::vector<size_t> uncoded;
  std::vector<size_t> error;
  std::vector<size_t> decided;    // A decision applied.
  std::vector<size_t> unapplied;  // A decision that could not be applied.
};

// Mirrors Tally::Add, so that every list is as long as its count.
AnswerLists SortAnswers(const Codebook& codebook, std::span<const ReportAnswer> answers) {
  AnswerLists lists;
  lists.by_code.resize(codebook.codes.size());
  std::vector<char> theme_seen(codebook.codes.size()), subtheme_seen(codebook.codes.size());
  for (size_t i = 0; i < answers.size(); ++i) {
    const ReportAnswer& answer = answers[i];
    if (answer.decision == DecisionState::kApplied) lists.decided.push_back(i);
    if (answer.decision == DecisionState::kStale || answer.decision == DecisionState::kUnknownCode) {
      lists.unapplied.push_back(i);
    }
    switch (answer.final_status) {
      case AnswerStatus::kDisputed:
        lists.disputed.push_back(i);
        continue;
      case AnswerStatus::kUncoded:
        lists.uncoded.push_back(i);
        continue;
      case AnswerStatus::kError:
        lists.error.push_back(i);
        continue;
      case AnswerStatus::kCoded:
        break;
    }
    std::fill(theme_seen.begin(), theme_seen.end(), 0);
    std::fill(subtheme_seen.begin(), subtheme_seen.end(), 0);
    for (int code : answer.final_codes) {
      const CodeDefinition& definition = codebook.codes[code];
      if (definition.level == CodeLevel::kSubtheme) {
        lists.by_code[code].push_back(i);
        subtheme_seen[definition.theme_index] = 1;
      } else {
        theme_seen[code] = 1;
      }
    }
    for (size_t code = 0; code < codebook.codes.size(); ++code) {
      if (theme_seen[code] && !subtheme_seen[code]) lists.by_code[code].push_back(i);
    }
  }
  return lists;
}

std::string_view FrenchReasonName(ReviewReason reason) {
  switch (reason) {
    case ReviewReason::kNegated:
      return "négation";
    case ReviewReason::kExcluded:
      return "exclusion";
    case ReviewReason::kWeak:
      return "indice faible";
    case ReviewReason::kConflict:
      return "conflit";
    case ReviewReason::kNoCode:
      return "aucun code";
    case ReviewReason::kThemeAlone:
      return "thème sans sous-thème";
    case ReviewReason::kDismissal:
      return "rejet dans la réponse";
  }
  return "";
}

std::string Percent(size_t part, size_t whole) {
  return FrenchPercent(whole > 0 ? 100.0 * static_cast<double>(part) / static_cast<double>(whole)
                                 : 0);
}

// "2025-11-12T14:03:05Z" -> "2025-11-12 14:03 UTC"; anything else as is.
std::string DisplayDate(const std::string& iso) {
  if (iso.size() >= 16 && iso[10] == 'T' && iso.back() == 'Z') {
    return iso.substr(0, 10) + " " + iso.substr(11, 5) + " UTC";
  }
  return iso;
}

std::string CodeList(const Codebook& codebook, const std::vector<int>& codes) {
  std::string out;
  for (int code : codes) {
    if (!out.empty()) out += ", ";
    out += fmt::format("<span class=\"code-id\" title=\"{}\">{}</span>",
                       EscapeHtml(codebook.codes[code].label), EscapeHtml(codebook.codes[code].id));
  }
  return out.empty() ? "—" : out;
}

// A row of the decisions table, in the page's language.
std::string DecidedRowLabel(const CountRow& row) {
  switch (row.level) {
    case CountLevel::kTheme:
      return "<strong>" + EscapeHtml(row.label) + "</strong>";
    case CountLevel::kSubtheme:
      return EscapeHtml(row.label);
    case CountLevel::kThemeOnly:
      return "— sans sous-thème précis";
    case CountLevel::kStatus:
      if (row.id == "coded") return "Codées";
      if (row.id == "uncoded") return "Non codées";
      if (row.id == "disputed") return "Litigieuses (à relire)";
      if (row.id == "error") return "Lignes illisibles";
      return EscapeHtml(row.label);
    case CountLevel::kTotal:
      return "<strong>Réponses lues</strong>";
  }
  return EscapeHtml(row.label);
}

class PageWriter {
 public:
  PageWriter(const ReportPage& page, std::ostream& out)
      : page_(page),
        codebook_(page.codebook->codebook()),
        out_(out),
        lists_(SortAnswers(codebook_, page.answers)),
        bars_(BuildChartBars(codebook_, *page.tally, page.header.order)) {}

  void Write() {
    const std::string question =
        codebook_.info.question.empty() ? "Rapport de codage" : codebook_.info.question;
    out_ << "<!DOCTYPE html>\n<html lang=\"fr\">\n<head>\n<meta charset=\"utf-8\">\n"
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
         << fmt::format("<meta name=\"generator\" content=\"verbatim {}\">\n", VERBATIM_VERSION)
         << fmt::format("<title>{} — verbatim</title>\n", EscapeHtml(question)) << "<style>"
         << kReportCss << "</style>\n</head>\n<body>\n";
    WriteHeader(question);
    WriteHeadline();
    if (page_.header.with_decisions) WriteDecisions();
    WriteChart(question);
    if (!page_.by.empty()) WriteGroupChartsHtml(out_, page_.by, page_.groups);
    WriteCodes();
    WriteStatusList("disputed", "Réponses litigieuses",
                    "Le codeur a proposé des codes mais a un doute : elles ne comptent dans aucun "
                    "code tant qu'un relecteur ne les a pas tranchées (fichier review.csv de "
                    "<code>verbatim code</code>).",
                    lists_.disputed);
    WriteStatusList(
        "uncoded", "Réponses non codées",
        "Aucun motif du livre de codes ne s'y trouve (une réponse plus longue sans code est "
        "parmi les litigieuses, pour qu'un relecteur la voie).",
        lists_.uncoded);
    if (!lists_.error.empty()) {
      WriteStatusList("error", "Lignes illisibles",
                      "Lignes du fichier qui n'ont pas pu être lues ; elles ne sont pas codées.",
                      lists_.error);
    }
    if (page_.agreement) WriteAgreementHtml(*page_.agreement, page_.gold_path, out_);
    out_ << fmt::format(
        "<footer>Rapport produit par verbatim {} : codage par règles, chaque code vient avec les "
        "mots qui l'ont déclenché.</footer>\n",
        VERBATIM_VERSION);
    out_ << "<script>" << kReportScript << "</script>\n</body>\n</html>\n";
  }

 private:
  void WriteHeader(const std::string& question) {
    const ReportHeader& header = page_.header;
    out_ << "<header>\n<p class=\"kicker\">verbatim · rapport de codage</p>\n"
         << fmt::format("<h1>{}</h1>\n", EscapeHtml(question))
         << fmt::format(
                "<p class=\"source\">Réponses : <code class=\"input\">{}</code> · codées le "
                "<time class=\"generated\" datetime=\"{}\">{}</time></p>\n",
                EscapeHtml(header.input_path), EscapeHtml(header.generated_at),
                EscapeHtml(DisplayDate(header.generated_at)))
         << fmt::format(
                "<p class=\"source\">Livre de codes : <code class=\"codebook-id\">{}</code> "
                "version <code class=\"codebook-version\">{}</code> (<code>{}</code>) · sha256 "
                "<code class=\"codebook-sha256\">{}</code></p>\n</header>\n",
                EscapeHtml(codebook_.info.id), EscapeHtml(codebook_.info.version),
                EscapeHtml(codebook_.path),
                header.codebook_sha256.empty() ? "inconnu" : EscapeHtml(header.codebook_sha256));
  }

  void WriteFigure(std::string_view key, std::string_view label, size_t n, bool with_percent) {
    out_ << fmt::format("<div class=\"figure {0}\"><dt>{1}</dt><dd data-count=\"{0}\">{2}", key,
                        label, n);
    if (with_percent) out_ << fmt::format("<span class=\"pct\">{}</span>", Percent(n, Rows()));
    out_ << "</dd></div>\n";
  }

  void WriteHeadline() {
    const Tally& tally = *page_.tally;
    out_ << "<section id=\"headline\">\n<h2>En bref</h2>\n<dl class=\"figures\">\n";
    WriteFigure("read", "Réponses lues", Rows(), false);
    WriteFigure("coded", "Codées", tally.status_count(AnswerStatus::kCoded), true);
    WriteFigure("uncoded", "Non codées", tally.status_count(AnswerStatus::kUncoded), true);
    WriteFigure("disputed", "Litigieuses (à relire)", tally.status_count(AnswerStatus::kDisputed),
                true);
    WriteFigure("decided", "Tranchées par un relecteur", page_.header.decided_by_reviewer, false);
    WriteFigure("error", "Lignes illisibles", tally.status_count(AnswerStatus::kError), false);
    out_ << "</dl>\n<p class=\"note\">Lues = codées + non codées + litigieuses + illisibles. Les "
            "pourcentages sont pris sur les réponses lues. Une réponse peut avoir plusieurs "
            "codes.</p>\n</section>\n";
  }

  // The final counts against the machine's, then the decided answers and
  // the decisions that could not be applied.
  void WriteDecisions() {
    out_ << fmt::format(
        "<section id=\"decisions\">\n<h2>Décisions des relecteurs <span class=\"count\">({})"
        "</span></h2>\n<p class=\"note\">Les chiffres de ce rapport sont les chiffres finaux : "
        "ceux du codeur, corrigés par les décisions des relecteurs (comme counts.csv). Il reste "
        "{} réponse(s) litigieuse(s) à trancher.</p>\n",
        lists_.decided.size(), lists_.disputed.size());
    out_ << "<table class=\"decided-counts\">\n<thead><tr><th>Code</th><th>Codeur</th>"
            "<th>Ajouts</th><th>Retraits</th><th>Final</th></tr></thead>\n<tbody>\n";
    for (const DecidedCountRow& row : page_.decided_rows) {
      out_ << fmt::format(
          "<tr data-row=\"{}\" class=\"{}\"><td>{}</td><td>{}</td><td>+{}</td><td>−{}</td>"
          "<td>{}</td></tr>\n",
          EscapeHtml(row.final.id), CountLevelName(row.final.level), DecidedRowLabel(row.final),
          row.machine, row.added, row.removed, row.final.answers);
    }
    out_ << "</tbody>\n</table>\n";
    out_ << "<details class=\"list\" id=\"list-decided\">\n";
    WriteSummary("Réponses tranchées", "", lists_.decided.size());
    WriteList("decided", lists_.decided, &PageWriter::WriteDecidedItem, -1);
    out_ << "</details>\n<details class=\"list\" id=\"list-unapplied\">\n";
    WriteSummary("Décisions non appliquées (à refaire)", "", lists_.unapplied.size());
    WriteList("unapplied", lists_.unapplied, &PageWriter::WriteDecidedItem, -1);
    out_ << "</details>\n</section>\n";
  }

  void WriteDecidedItem(const ReportAnswer& answer, int /*code*/) {
    OpenItem(answer);
    out_ << " · codeur : " << CodeList(codebook_, answer.result.status == AnswerStatus::kDisputed
                                                      ? answer.result.proposed
                                                      : answer.result.counted);
    if (answer.decision == DecisionState::kApplied) {
      out_ << " · décision <code class=\"decision\">" << EscapeHtml(answer.decision_note)
           << "</code> : " << CodeList(codebook_, answer.final_codes);
    }
    out_ << "</div>";
    if (answer.decision != DecisionState::kApplied) {
      out_ << fmt::format("<div class=\"unapplied\">{}</div>", EscapeHtml(answer.decision_note));
    }
    WriteText(answer, AllEvidenceSpans(answer.result, answer.text));
    out_ << "</li>\n";
  }

  void WriteChart(const std::string& question) {
    out_ << fmt::format(
        "<section id=\"chart\">\n<h2>Thèmes et sous-thèmes</h2>\n<p class=\"note\">Tri : {}. "
        "Cliquer sur une barre montre les réponses qui la font. Le même graphique est dans "
        "<code>chart.svg</code>, pour les diapositives.</p>\n",
        page_.header.order == ChartOrder::kCount ? "par nombre de réponses"
                                                 : "dans l'ordre du livre de codes");
    WriteChartSvg(out_, bars_, Rows(), question, SvgDocument::kInline);
    out_ << "</section>\n";
  }

  void WriteTools() {
    out_ << "<div class=\"tools\">\n<input type=\"search\" id=\"filter\" placeholder=\"Filtrer "
            "les réponses (mot, numéro…)\" aria-label=\"Filtrer les réponses\">\n"
            "<button type=\"button\" id=\"open-all\">Tout déplier</button>\n"
            "<button type=\"button\" id=\"close-all\">Tout replier</button>\n"
            "<span id=\"filter-status\" aria-live=\"polite\"></span>\n</div>\n"
            "<p class=\"legend\">Surlignés : <mark class=\"evidence\">mots qui ont déclenché le "
            "code</mark>, <mark class=\"negated\">mots niés</mark> (« pas de … »), <mark "
            "class=\"excluded\">exclusion</mark> (formulation qui contredit le code).</p>\n";
  }

  void WriteSummary(std::string_view label, std::string_view id, size_t n) {
    out_ << fmt::format("<summary><span class=\"label\">{}</span>", EscapeHtml(label));
    if (!id.empty()) out_ << fmt::format("<span class=\"id\">{}</span>", EscapeHtml(id));
    out_ << fmt::format("<span class=\"count\">{} · {}</span></summary>\n", FrenchAnswerCount(n),
                        Percent(n, Rows()));
  }

  void WriteCodes() {
    out_ << "<section id=\"answers\">\n<h2>Les réponses derrière chaque chiffre</h2>\n";
    WriteTools();
    bool theme_open = false;
    for (const ChartBar& bar : bars_) {
      switch (bar.level) {
        case BarLevel::kTheme:
          if (theme_open) out_ << "</details>\n";
          out_ << fmt::format("<details class=\"code theme\" id=\"code-{}\">\n",
                              EscapeHtml(bar.id));
          WriteSummary(bar.label, bar.id, bar.answers);
          theme_open = true;
          if (!HasSubthemes(bar.code)) WriteCodeList("code:" + bar.id, bar.code);
          break;
        case BarLevel::kSubtheme:
          out_ << fmt::format("<details class=\"code subtheme\" id=\"code-{}\">\n",
                              EscapeHtml(bar.id));
          WriteSummary(bar.label, bar.id, bar.answers);
          WriteCodeList("code:" + bar.id, bar.code);
          out_ << "</details>\n";
          break;
        case BarLevel::kThemeOnly:
          out_ << fmt::format("<details class=\"code theme-only\" id=\"only-{}\">\n",
                              EscapeHtml(bar.id));
          WriteSummary(bar.label + " — sans sous-thème précis", bar.id, bar.answers);
          WriteCodeList("only:" + bar.id, bar.code);
          out_ << "</details>\n";
          break;
      }
    }
    if (theme_open) out_ << "</details>\n";
    out_ << "</section>\n";
  }

  // Every list is written, even empty, so that its place in the page does
  // not depend on the data.
  void WriteList(const std::string& kind, const std::vector<size_t>& indices,
                 void (PageWriter::*write_item)(const ReportAnswer&, int), int code) {
    out_ << fmt::format("<ol class=\"answers\" data-list=\"{}\">\n", EscapeHtml(kind));
    for (size_t index : indices) (this->*write_item)(page_.answers[index], code);
    out_ << "</ol>\n";
    if (indices.empty()) out_ << "<p class=\"empty\">Aucune réponse.</p>\n";
  }

  void OpenItem(const ReportAnswer& answer) {
    out_ << fmt::format("<li class=\"answer\" data-id=\"{}\" data-status=\"{}\">",
                        EscapeHtml(answer.id), AnswerStatusName(answer.final_status));
    out_ << fmt::format("<div class=\"meta\">n° <span class=\"answer-id\">{}</span>",
                        EscapeHtml(answer.id));
    if (answer.id != std::to_string(answer.row)) out_ << fmt::format(" · ligne {}", answer.row);
  }

  void WriteText(const ReportAnswer& answer, const std::vector<MarkSpan>& spans) {
    out_ << "<div class=\"text\">" << HighlightHtml(answer.text, spans, codebook_) << "</div>";
  }

  void WriteCodeList(const std::string& kind, int code) {
    WriteList(kind, lists_.by_code[code], &PageWriter::WriteCodedItem, code);
  }

  void WriteCodedItem(const ReportAnswer& answer, int code) {
    OpenItem(answer);
    out_ << " · codes : " << CodeList(codebook_, answer.final_codes) << "</div>";
    WriteText(answer, CodeEvidenceSpans(answer.result, code, answer.text));
    out_ << "</li>\n";
  }

  void WriteStatusList(std::string_view kind, std::string_view title, std::string_view note,
                       const std::vector<size_t>& indices) {
    out_ << fmt::format("<section id=\"{}\">\n<h2>{} <span class=\"count\">({})</span></h2>\n",
                        kind, title, indices.size());
    out_ << fmt::format("<p class=\"note\">{}</p>\n", note);
    out_ << fmt::format("<details class=\"list\" id=\"list-{}\">\n", kind);
    WriteSummary(title, "", indices.size());
    WriteList(std::string(kind), indices, &PageWriter::WriteStatusItem, -1);
    out_ << "</details>\n</section>\n";
  }

  void WriteStatusItem(const ReportAnswer& answer, int /*code*/) {
    const CodingResult& result = answer.result;
    OpenItem(answer);
    if (answer.final_status == AnswerStatus::kDisputed) {
      out_ << " · proposés : " << CodeList(codebook_, result.proposed);
    }
    out_ << "</div>";
    if (result.status == AnswerStatus::kError) {
      out_ << fmt::format("<div class=\"error-message\">{}</div>", EscapeHtml(result.error));
      WriteText(answer, {});
    } else {
      WriteText(answer, AllEvidenceSpans(result, answer.text));
    }
    if (!result.reasons.empty()) {
      out_ << "<ul class=\"reasons\">";
      for (const ReviewNote& note : result.reasons) {
        out_ << fmt::format("<li data-reason=\"{}\"><span class=\"reason\">{}</span>",
                            ReviewReasonName(note.reason), FrenchReasonName(note.reason));
        if (!note.detail.empty()) out_ << " : " << EscapeHtml(note.detail);
        out_ << "</li>";
      }
      out_ << "</ul>";
    }
    out_ << "</li>\n";
  }

  size_t Rows() const { return page_.tally->rows(); }

  bool HasSubthemes(int theme) const {
    for (const CodeDefinition& code : codebook_.codes) {
      if (code.level == CodeLevel::kSubtheme && code.theme_index == theme) return true;
    }
    return false;
  }

  const ReportPage& page_;
  const Codebook& codebook_;
  std::ostream& out_;
  const AnswerLists lists_;
  const std::vector<ChartBar> bars_;  // Chart order, which the lists follow too.
};

}  // namespace

void WriteReportHtml(const ReportPage& page, std::ostream& out) { PageWriter(page, out).Write(); }

}  // namespace verbatim
