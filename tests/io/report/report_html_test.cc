#include "io/report/report_html.h"

#include <gtest/gtest.h>

#include <map>
#include <memory>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "io/report/html_text.h"
#include "tests/testing/codebook_fixture.h"

namespace verbatim {
namespace {

constexpr char kYaml[] = R"(
codebook: {id: mini, version: "2.1", language: fr, question: "Quels changements attendez-vous ?"}
settings: {threshold: 1.0, review_uncoded_min_words: 6, negation_window: 3}
negation:
  before: ["pas de", "sans"]
themes:
  - id: revalorisation
    label: "Revalorisation des actes"
    patterns: [revalori*]
    subthemes:
      - id: revalorisation.ccam
        label: "Revalorisation CCAM"
        patterns:
          - "actes techniques"
          - {term: ccam, weight: 0.5}
          - {near: [[revalori*, hausse], ccam], within: 6}
        exclude: ["baisse de la ccam"]
      - id: revalorisation.consultation
        label: "Consultation"
        patterns: [{regex: 'g\s*=\s*\d+'}]
  - id: liberte_tarifaire
    label: "Liberté tarifaire"
    subthemes:
      - id: liberte_tarifaire.depassements
        label: "Dépassements"
        patterns: ["dépassement*"]
  - id: mutuelles
    label: "Mutuelles"
    patterns: [mutuelle*]
conflicts:
  - [revalorisation.ccam, liberte_tarifaire.depassements]
)";

struct Input {
  std::string id;
  std::string text;
  std::string error;  // Non-empty: a row that could not be read.
};

const std::vector<Input> kInputs = {
    {"a1", "Revaloriser la CCAM enfin", ""},
    {"a2", "Une consultation à G=30", ""},
    {"a3", "Dépassements élevés", ""},
    {"a4", "Il faut revaloriser nos actes", ""},
    {"a5", "Revaloriser la CCAM <script>alert(\"x\")</script> & co", ""},
    {"a6", "Pas de dépassements, merci", ""},
    {"a7", "La CCAM", ""},
    {"a8", "rien", ""},
    {"a9", "Hausse de la CCAM, G=25 et les mutuelles", ""},
    {"a10", "Revaloriser la CCAM\net laisser les dépassements", ""},
    {"a11", "Revaloriser les actes techniques, pas la baisse de la CCAM", ""},
    {"a12", "\xE9t\xE9", "data.csv:13: invalid UTF-8 <here>"},
};

class ReportHtmlTest : public ::testing::Test {
 protected:
  void SetUp() override {
    codebook_ = testing::CompileYaml(kYaml);
    ASSERT_NE(codebook_, nullptr);
    tally_ = std::make_unique<Tally>(codebook_->codebook());
    for (size_t i = 0; i < kInputs.size(); ++i) {
      ReportAnswer answer;
      answer.row = i + 1;
      answer.id = kInputs[i].id;
      answer.text = kInputs[i].text;
      if (kInputs[i].error.empty()) {
        answer.result = CodeAnswer(*codebook_, answer.text);
      } else {
        answer.result.status = AnswerStatus::kError;
        answer.result.error = kInputs[i].error;
      }
      answer.final_status = answer.result.status;
      answer.final_codes = answer.result.counted;
      tally_->Add(answer.result.status, answer.result.counted);
      answers_.push_back(std::move(answer));
    }
  }

  std::string Render(ChartOrder order = ChartOrder::kCodebook,
                     const AgreementReport* agreement = nullptr) const {
    ReportPage page;
    page.codebook = codebook_.get();
    page.header.input_path = "samples/réponses.csv";
    page.header.codebook_sha256 = "0123abcd";
    page.header.generated_at = "2025-11-12T14:03:05Z";
    page.header.order = order;
    page.answers = answers_;
    page.tally = tally_.get();
    page.agreement = agreement;
    page.gold_path = "gold.csv";
    std::ostringstream out;
    WriteReportHtml(page, out);
    return out.str();
  }

  const CodingResult& ResultOf(const std::string& id) const {
    for (const ReportAnswer& answer : answers_) {
      if (answer.id == id) return answer.result;
    }
    ADD_FAILURE() << "no answer " << id;
    return answers_.front().result;
  }

  std::unique_ptr<CompiledCodebook> codebook_;
  std::vector<ReportAnswer> answers_;
  std::unique_ptr<Tally> tally_;
};

// data-list -> ids of its answers, in page order; lists in page order.
std::vector<std::pair<std::string, std::vector<std::string>>> Lists(const std::string& html) {
  std::vector<std::pair<std::string, std::vector<std::string>>> lists;
  const std::regex list(R"re(<ol class="answers" data-list="([^"]*)">\n([\s\S]*?)</ol>)re");
  const std::regex item(R"re(<li class="answer" data-id="([^"]*)")re");
  for (auto it = std::sregex_iterator(html.begin(), html.end(), list); it != std::sregex_iterator();
       ++it) {
    std::vector<std::string> ids;
    const std::string body = (*it)[2];
    for (auto li = std::sregex_iterator(body.begin(), body.end(), item);
         li != std::sregex_iterator(); ++li) {
      ids.push_back((*li)[1]);
    }
    lists.emplace_back((*it)[1], std::move(ids));
  }
  return lists;
}

std::string ListItem(const std::string& html, const std::string& list, const std::string& id) {
  const size_t start = html.find("<ol class=\"answers\" data-list=\"" + list + "\">");
  if (start == std::string::npos) return "";
  const size_t end = html.find("</ol>", start);
  const size_t item = html.find("<li class=\"answer\" data-id=\"" + id + "\"", start);
  if (item == std::string::npos || item > end) return "";
  return html.substr(item, html.find("</li>\n", item) - item);
}

size_t Occurrences(const std::string& text, const std::string& needle) {
  size_t count = 0;
  for (size_t at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1))
    ++count;
  return count;
}

TEST_F(ReportHtmlTest, TheCodingIsWhatTheseTestsExpect) {
  // The other tests rely on these decisions of the coder.
  EXPECT_EQ(ResultOf("a1").status, AnswerStatus::kCoded);
  EXPECT_EQ(ResultOf("a4").status, AnswerStatus::kCoded);
  EXPECT_EQ(ResultOf("a6").status, AnswerStatus::kDisputed);
  EXPECT_EQ(ResultOf("a7").status, AnswerStatus::kDisputed);
  EXPECT_EQ(ResultOf("a8").status, AnswerStatus::kUncoded);
  EXPECT_EQ(ResultOf("a9").status, AnswerStatus::kCoded);
  EXPECT_EQ(ResultOf("a10").status, AnswerStatus::kDisputed);
  EXPECT_EQ(ResultOf("a11").status, AnswerStatus::kDisputed);
}

TEST_F(ReportHtmlTest, HeadlineHoldsEveryCount) {
  const std::string html = Render();
  EXPECT_NE(html.find("<dd data-count=\"read\">12</dd>"), std::string::npos);
  EXPECT_NE(html.find("<dd data-count=\"coded\">6<span class=\"pct\">50,0\u00a0%</span></dd>"),
            std::string::npos);
  EXPECT_NE(html.find("<dd data-count=\"uncoded\">1<span class=\"pct\">8,3\u00a0%</span></dd>"),
            std::string::npos);
  EXPECT_NE(html.find("<dd data-count=\"disputed\">4<span class=\"pct\">33,3\u00a0%</span></dd>"),
            std::string::npos);
  EXPECT_NE(html.find("<dd data-count=\"decided\">0</dd>"), std::string::npos);
  EXPECT_NE(html.find("<dd data-count=\"error\">1</dd>"), std::string::npos);
}

TEST_F(ReportHtmlTest, HeaderNamesCodebookInputAndDate) {
  const std::string html = Render();
  EXPECT_NE(html.find("<h1>Quels changements attendez-vous ?</h1>"), std::string::npos);
  EXPECT_NE(html.find("<code class=\"codebook-id\">mini</code>"), std::string::npos);
  EXPECT_NE(html.find("<code class=\"codebook-version\">2.1</code>"), std::string::npos);
  EXPECT_NE(html.find("<code>test.yaml</code>"), std::string::npos);
  EXPECT_NE(html.find("<code class=\"codebook-sha256\">0123abcd</code>"), std::string::npos);
  EXPECT_NE(html.find("<code class=\"input\">samples/réponses.csv</code>"), std::string::npos);
  EXPECT_NE(html.find("<time class=\"generated\" datetime=\"2025-11-12T14:03:05Z\">2025-11-12 "
                      "14:03 UTC</time>"),
            std::string::npos);
}

TEST_F(ReportHtmlTest, EveryAnswerIsListedExactlyWhereExpected) {
  const std::vector<std::pair<std::string, std::vector<std::string>>> expected = {
      {"code:revalorisation.ccam", {"a1", "a5", "a9"}},
      {"code:revalorisation.consultation", {"a2", "a9"}},
      {"only:revalorisation", {"a4"}},
      {"code:liberte_tarifaire.depassements", {"a3"}},
      {"code:mutuelles", {"a9"}},
      {"disputed", {"a6", "a7", "a10", "a11"}},
      {"uncoded", {"a8"}},
      {"error", {"a12"}},
  };
  EXPECT_EQ(Lists(Render()), expected);
}

TEST_F(ReportHtmlTest, ListLengthsMatchTheChartCounts) {
  const std::string html = Render();
  for (const ChartBar& bar :
       BuildChartBars(codebook_->codebook(), *tally_, ChartOrder::kCodebook)) {
    if (bar.id == "revalorisation" && bar.level == BarLevel::kTheme) continue;  // Sum of its lists.
    if (bar.id == "liberte_tarifaire" && bar.level == BarLevel::kTheme) continue;
    const std::string kind = (bar.level == BarLevel::kThemeOnly ? "only:" : "code:") + bar.id;
    bool found = false;
    for (const auto& [list, ids] : Lists(html)) {
      if (list != kind) continue;
      found = true;
      EXPECT_EQ(ids.size(), bar.answers) << kind;
    }
    EXPECT_TRUE(found) << kind;
    EXPECT_NE(html.find(FrenchAnswerCount(bar.answers)), std::string::npos);
  }
}

TEST_F(ReportHtmlTest, SummariesCarryCountsAndPercents) {
  const std::string html = Render();
  EXPECT_NE(html.find("<details class=\"code theme\" id=\"code-revalorisation\">\n<summary><span "
                      "class=\"label\">Revalorisation des actes</span><span "
                      "class=\"id\">revalorisation</span><span class=\"count\">5 réponses · "
                      "41,7\u00a0%</span></summary>"),
            std::string::npos);
  EXPECT_NE(html.find("<span class=\"count\">1 réponse · 8,3\u00a0%</span>"), std::string::npos);
}

TEST_F(ReportHtmlTest, EscapesAnswersSoMarkupShowsAsText) {
  const std::string html = Render();
  EXPECT_EQ(Occurrences(html, "<script"), 1u);  // The page's own script only.
  EXPECT_EQ(Occurrences(html, "</script>"), 1u);
  EXPECT_NE(html.find("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; co"),
            std::string::npos);
  EXPECT_NE(html.find("invalid UTF-8 &lt;here&gt;"), std::string::npos);
  // The unreadable row's bytes are replaced, so the page stays valid UTF-8.
  EXPECT_NE(ListItem(html, "error", "a12").find("\xEF\xBF\xBDt\xEF\xBF\xBD"), std::string::npos);
}

TEST_F(ReportHtmlTest, HighlightsTheCodesEvidenceInTheOriginalText) {
  const std::string html = Render();
  EXPECT_NE(ListItem(html, "code:revalorisation.ccam", "a1")
                .find("<mark class=\"evidence\" title=\"revalorisation.ccam\">Revaloriser la "
                      "CCAM</mark> enfin"),
            std::string::npos);
  // As written: capital and accent kept.
  EXPECT_NE(ListItem(html, "code:liberte_tarifaire.depassements", "a3")
                .find("<mark class=\"evidence\" title=\"liberte_tarifaire.depassements\">"
                      "Dépassements</mark> élevés"),
            std::string::npos);
  // In a code's list, only that code's evidence is marked.
  const std::string a9 = ListItem(html, "code:revalorisation.consultation", "a9");
  EXPECT_NE(a9.find("<mark class=\"evidence\" title=\"revalorisation.consultation\">G=25</mark>"),
            std::string::npos)
      << a9;
  EXPECT_EQ(Occurrences(a9, "<mark"), 1u) << a9;
}

TEST_F(ReportHtmlTest, ShowsDisputedAnswersWithReasonsAndNegatedOrExcludedWords) {
  const std::string html = Render();
  const std::string a6 = ListItem(html, "disputed", "a6");
  EXPECT_NE(a6.find("Pas de <mark class=\"negated\" title=\"liberte_tarifaire.depassements\">"
                    "dépassements</mark>, merci"),
            std::string::npos)
      << a6;
  EXPECT_NE(a6.find("<li data-reason=\"negated\"><span class=\"reason\">négation</span>"),
            std::string::npos);
  const std::string a11 = ListItem(html, "disputed", "a11");
  EXPECT_NE(a11.find("<mark class=\"excluded\" title=\"revalorisation.ccam\">baisse de la "
                     "CCAM</mark>"),
            std::string::npos)
      << a11;
  EXPECT_NE(a11.find("data-reason=\"excluded\""), std::string::npos);
  EXPECT_NE(ListItem(html, "disputed", "a7").find("data-reason=\"weak\""), std::string::npos);
  EXPECT_NE(ListItem(html, "disputed", "a10").find("data-reason=\"conflict\""), std::string::npos);
  EXPECT_NE(a6.find("proposés : <span class=\"code-id\" title=\"Dépassements\">"
                    "liberte_tarifaire.depassements</span>"),
            std::string::npos);
}

TEST_F(ReportHtmlTest, KeepsLineBreaksOfTheOriginal) {
  const std::string a10 = ListItem(Render(), "disputed", "a10");
  EXPECT_NE(a10.find("CCAM</mark>\net laisser"), std::string::npos) << a10;
}

TEST_F(ReportHtmlTest, IsOneSelfContainedUtf8Page) {
  const std::string html = Render();
  EXPECT_EQ(html.rfind("<!DOCTYPE html>\n<html lang=\"fr\">\n<head>\n<meta charset=\"utf-8\">", 0),
            0u);
  EXPECT_EQ(html.substr(html.size() - 16), "</body>\n</html>\n");
  EXPECT_EQ(html.find("<link"), std::string::npos);
  EXPECT_EQ(html.find(" src="), std::string::npos);
  EXPECT_EQ(html.find("url(http"), std::string::npos);
  EXPECT_EQ(html.find("@import"), std::string::npos);
  // The only absolute URL is the SVG namespace, which is a name, not a fetch.
  EXPECT_EQ(Occurrences(html, "http"), Occurrences(html, "http://www.w3.org/2000/svg"));
  EXPECT_EQ(Occurrences(html, "<svg "), 1u);
  EXPECT_NE(html.find("@media print"), std::string::npos);
}

TEST_F(ReportHtmlTest, ChartBarsLinkToTheirLists) {
  const std::string html = Render();
  EXPECT_NE(html.find("<a href=\"#code-revalorisation.ccam\">"), std::string::npos);
  EXPECT_NE(html.find("<details class=\"code subtheme\" id=\"code-revalorisation.ccam\">"),
            std::string::npos);
  EXPECT_NE(html.find("<a href=\"#only-revalorisation\">"), std::string::npos);
  EXPECT_NE(html.find("<details class=\"code theme-only\" id=\"only-revalorisation\">"),
            std::string::npos);
}

TEST_F(ReportHtmlTest, SortsChartAndListsByCount) {
  std::vector<std::string> order;
  for (const auto& [list, ids] : Lists(Render(ChartOrder::kCount))) order.push_back(list);
  // revalorisation 5 (ccam 3, consultation 2, only 1), then the ties
  // liberte_tarifaire 1 and mutuelles 1 in codebook order.
  EXPECT_EQ(order, (std::vector<std::string>{
                       "code:revalorisation.ccam", "code:revalorisation.consultation",
                       "only:revalorisation", "code:liberte_tarifaire.depassements",
                       "code:mutuelles", "disputed", "uncoded", "error"}));
  EXPECT_NE(Render(ChartOrder::kCount).find("Tri : par nombre de réponses"), std::string::npos);
}

TEST_F(ReportHtmlTest, AddsTheAgreementSectionOnlyWithAGoldCoding) {
  EXPECT_EQ(Render().find("id=\"agreement\""), std::string::npos);
  std::vector<AnswerCodes> pairs = {
      {"a1", {"revalorisation.ccam"}, {"revalorisation.ccam"}, false, ""}};
  auto report = ComputeAgreement(codebook_->codebook(), pairs, ReviewFlags::kPresent);
  ASSERT_TRUE(report.has_value());
  const std::string html = Render(ChartOrder::kCodebook, &*report);
  EXPECT_NE(html.find("<section id=\"agreement\">"), std::string::npos);
  EXPECT_NE(html.find("<code>gold.csv</code>"), std::string::npos);
}

TEST_F(ReportHtmlTest, LeavesOutTheErrorSectionWhenEveryRowWasRead) {
  answers_.pop_back();
  tally_ = std::make_unique<Tally>(codebook_->codebook());
  for (const ReportAnswer& answer : answers_)
    tally_->Add(answer.result.status, answer.result.counted);
  const std::string html = Render();
  EXPECT_EQ(html.find("data-list=\"error\""), std::string::npos);
  EXPECT_NE(html.find("<dd data-count=\"error\">0</dd>"), std::string::npos);
}

}  // namespace
}  // namespace verbatim
