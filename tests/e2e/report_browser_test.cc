// Opens report.html in headless Chromium, as a person would: the page must
// load from disk with no network, its text (after the script ran) must hold
// the counts, markup in an answer must stay text, the script must open the
// list a chart bar links to, and a screenshot must show something.
//
// Skips, saying why, when Chromium is not installed; scripts/install-deps.sh
// --test installs Debian's `chromium` so that CI runs it.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <optional>
#include <string>
#include <utility>

#include "tests/testing/binary_runner.h"
#include "tests/testing/temp_dir.h"

namespace {

namespace fs = std::filesystem;
using verbatim::testing::FindInPath;
using verbatim::testing::ReadFile;
using verbatim::testing::RunShell;
using verbatim::testing::ShellQuote;

const fs::path kSourceDir = VERBATIM_SOURCE_DIR;

// The visible text of serialized HTML: scripts and styles dropped, tags
// replaced by a space, the entities Chromium writes decoded, whitespace
// collapsed.
std::string VisibleText(std::string html) {
  for (const std::string tag : {"script", "style"}) {
    for (size_t at; (at = html.find("<" + tag)) != std::string::npos;) {
      const size_t end = html.find("</" + tag + ">", at);
      html.erase(at, end == std::string::npos ? std::string::npos : end - at + tag.size() + 3);
    }
  }
  std::string text;
  bool in_tag = false;
  for (char c : html) {
    if (c == '<') in_tag = true;
    if (!in_tag) text += c;
    if (c == '>') in_tag = false, text += ' ';
  }
  const std::pair<std::string, std::string> entities[] = {{"&nbsp;", " "}, {"&lt;", "<"},
                                                          {"&gt;", ">"},   {"&quot;", "\""},
                                                          {"&#39;", "'"},  {"&amp;", "&"}};
  for (const auto& [entity, replacement] : entities) {
    for (size_t at; (at = text.find(entity)) != std::string::npos;)
      text.replace(at, entity.size(), replacement);
  }
  for (size_t at; (at = text.find("\u00a0")) != std::string::npos;) text.replace(at, 2, " ");
  std::string collapsed;
  for (char c : text) {
    const bool space = c == ' ' || c == '\n' || c == '\t' || c == '\r';
    if (space && (collapsed.empty() || collapsed.back() == ' ')) continue;
    collapsed += space ? ' ' : c;
  }
  return collapsed;
}

size_t Occurrences(const std::string& text, const std::string& needle) {
  size_t count = 0;
  for (size_t at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1))
    ++count;
  return count;
}

// PNG width and height from the IHDR chunk, or {0, 0} when not a PNG.
std::pair<unsigned, unsigned> PngSize(const std::string& png) {
  if (png.size() < 24 || png.compare(0, 8, "\x89PNG\r\n\x1a\n") != 0) return {0, 0};
  auto be32 = [&](size_t at) {
    unsigned value = 0;
    for (size_t i = 0; i < 4; ++i) value = (value << 8) | static_cast<unsigned char>(png[at + i]);
    return value;
  };
  return {be32(16), be32(20)};
}

class ReportBrowserTest : public verbatim::testing::TempDirTest {
 protected:
  void SetUp() override {
    chromium_ = FindInPath("chromium");
    if (!chromium_) {
      GTEST_SKIP() << "chromium is not installed, so the report is not checked in a browser; "
                      "install it with 'scripts/install-deps.sh --test' (Debian package "
                      "'chromium') to run this test";
    }
    TempDirTest::SetUp();
    verbatim::testing::BinaryOptions options;
    options.working_dir = kSourceDir;
    const verbatim::testing::BinaryRun run = verbatim::testing::RunBinary(
        {"report", "tests/data/report/answers.csv", "--codebook",
         "tests/data/codebooks/minimal.yaml", "--id-column", "id", "--gold",
         "tests/data/report/answers.gold.csv", "--quiet", "--out", (dir_ / "out").string()},
        options);
    ASSERT_EQ(run.exit_code, 0) << run.err;
    report_ = dir_ / "out" / "report.html";
  }

  // Runs headless Chromium on `url` with `mode` (--dump-dom or
  // --screenshot=…); stdout goes to `output`. A fresh profile each time,
  // nothing fetched from the network. Fails the test when Chromium fails.
  void Chromium(const std::string& mode, const std::string& url, const fs::path& output) {
    const fs::path profile = dir_ / ("profile-" + std::to_string(runs_++));
    const fs::path log = dir_ / "chromium.log";
    const std::string command =
        "timeout 300 " + ShellQuote(chromium_->string()) +
        " --headless --no-sandbox --disable-gpu --disable-dev-shm-usage --no-first-run"
        " --disable-background-networking --disable-component-update --disable-sync"
        " --user-data-dir=" +
        ShellQuote(profile.string()) + " --window-size=1280,2000 " + mode + " " + ShellQuote(url) +
        " > " + ShellQuote(output.string()) + " 2> " + ShellQuote(log.string());
    ASSERT_EQ(RunShell(command), 0) << command << "\n" << ReadFile(log);
  }

  std::string Url(const std::string& fragment = "") const {
    return "file://" + report_.string() + fragment;
  }

  std::optional<fs::path> chromium_;
  fs::path report_;
  int runs_ = 0;
};

TEST_F(ReportBrowserTest, PageTextHoldsTheCounts) {
  const fs::path dom = dir_ / "dom.html";
  Chromium("--dump-dom", Url(), dom);
  const std::string text = VisibleText(ReadFile(dom));
  ASSERT_FALSE(text.empty());
  // 12 answers: a1 a2 a3 a4 a5 a11 coded; a6 a7 a9 a10 a12 disputed; a8 not coded.
  EXPECT_NE(text.find("Réponses lues 12"), std::string::npos) << text;
  EXPECT_NE(text.find("Codées 6 50,0 %"), std::string::npos) << text;
  EXPECT_NE(text.find("Non codées 1 8,3 %"), std::string::npos) << text;
  EXPECT_NE(text.find("Litigieuses (à relire) 5 41,7 %"), std::string::npos) << text;
  EXPECT_NE(text.find("Tranchées par un relecteur 0"), std::string::npos) << text;
  // Chart bars (SVG text) and list summaries.
  EXPECT_NE(text.find("Revalorisation des actes 5 (41,7 %)"), std::string::npos) << text;
  EXPECT_NE(text.find("Revalorisation CCAM 3 (25,0 %)"), std::string::npos) << text;
  EXPECT_NE(text.find("Revalorisation CCAM revalorisation.ccam 3 réponses · 25,0 %"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("Réponses litigieuses (5)"), std::string::npos) << text;
  EXPECT_NE(text.find("Accord avec le codage humain"), std::string::npos) << text;
  // French accents came through as UTF-8.
  EXPECT_NE(text.find("Liberté tarifaire"), std::string::npos) << text;
}

TEST_F(ReportBrowserTest, MarkupInAnAnswerStaysText) {
  const fs::path dom = dir_ / "dom.html";
  Chromium("--dump-dom", Url(), dom);
  const std::string html = ReadFile(dom);
  EXPECT_EQ(Occurrences(html, "<script"), 1u) << "an answer's <script> became an element";
  EXPECT_NE(VisibleText(html).find("<script>alert(\"x\")</script> & les"), std::string::npos);
}

TEST_F(ReportBrowserTest, ScriptOpensTheListABarLinksTo) {
  const fs::path closed = dir_ / "closed.html";
  Chromium("--dump-dom", Url(), closed);
  EXPECT_NE(
      ReadFile(closed).find("<details class=\"code subtheme\" id=\"code-revalorisation.ccam\">"),
      std::string::npos);
  const fs::path opened = dir_ / "opened.html";
  Chromium("--dump-dom", Url("#code-revalorisation.ccam"), opened);
  const std::string html = ReadFile(opened);
  EXPECT_NE(html.find("<details class=\"code theme\" id=\"code-revalorisation\" open=\"\">"),
            std::string::npos);
  EXPECT_NE(
      html.find("<details class=\"code subtheme\" id=\"code-revalorisation.ccam\" open=\"\">"),
      std::string::npos);
  EXPECT_NE(html.find("<details class=\"code subtheme\" id=\"code-revalorisation.consultation\">"),
            std::string::npos);
}

TEST_F(ReportBrowserTest, ScreenshotShowsThePage) {
  const fs::path screenshot = dir_ / "report.png";
  Chromium("--screenshot=" + ShellQuote(screenshot.string()), Url(), dir_ / "screenshot.out");
  const std::string png = ReadFile(screenshot);
  EXPECT_EQ(PngSize(png), (std::pair<unsigned, unsigned>{1280, 2000}));
  // A blank page of the same size compresses to a fraction of a page with
  // text, chart and figures.
  const fs::path blank_html = dir_ / "blank.html";
  std::ofstream(blank_html) << "<!DOCTYPE html><html><body></body></html>\n";
  const fs::path blank = dir_ / "blank.png";
  Chromium("--screenshot=" + ShellQuote(blank.string()), "file://" + blank_html.string(),
           dir_ / "blank.out");
  const size_t blank_size = ReadFile(blank).size();
  ASSERT_GT(blank_size, 0u);
  EXPECT_GT(png.size(), 3 * blank_size)
      << "screenshot " << png.size() << " bytes, blank page " << blank_size << " bytes";
}

}  // namespace
