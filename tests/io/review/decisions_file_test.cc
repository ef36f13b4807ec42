#include "io/review/decisions_file.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "io/output/numbered_backup.h"
#include "tests/testing/taken_backups.h"
#include "tests/testing/temp_dir.h"

namespace verbatim {
namespace {

namespace fs = std::filesystem;
using testing::ReadFile;

class DecisionsFileTest : public testing::TempDirTest {};

DecisionLedger TwoDecisions() {
  DecisionLedger ledger;
  ledger.Upsert(DecisionRecord{"12", std::string(64, 'a'), {"lib", "reval.ccam"}, "=lib;reval.ccam",
                               "avis, \"prudent\"", "2025-11-20T10:00:00Z", "optam", "1.0.0",
                               {"reval.ccam"}, "Texte\nsur deux lignes"});
  ledger.Upsert(DecisionRecord{"7", std::string(64, 'b'), {}, "none", "", "2025-11-20T10:05:00Z",
                               "optam", "1.0.0", {}, "rien"});
  return ledger;
}

TEST_F(DecisionsFileTest, WritesAndReadsBackEveryField) {
  std::ostringstream out;
  WriteDecisions(out, TwoDecisions());
  EXPECT_EQ(out.str().substr(0, out.str().find('\n')),
            "id,text_sha256,codes,decision,comment,decided_at,codebook,codebook_version,proposed,"
            "text");
  std::istringstream in(out.str());
  LoadedDecisions loaded = ReadDecisionsStream(in, "decisions.csv");
  ASSERT_TRUE(loaded.diagnostics.empty()) << FormatDiagnostic(loaded.diagnostics[0]);
  ASSERT_EQ(loaded.ledger.size(), 2u);
  const DecisionLedger expected = TwoDecisions();
  for (size_t i = 0; i < 2; ++i) {
    const DecisionRecord& a = expected.records()[i];
    const DecisionRecord& b = loaded.ledger.records()[i];
    EXPECT_TRUE(SameDecision(a, b)) << a.id;
    EXPECT_EQ(a.decided_at, b.decided_at);
    EXPECT_EQ(a.codebook_id, b.codebook_id);
    EXPECT_EQ(a.codebook_version, b.codebook_version);
    EXPECT_EQ(a.proposed, b.proposed);
    EXPECT_EQ(a.text, b.text);
  }
}

TEST_F(DecisionsFileTest, ReadsWhatASpreadsheetSavedBack) {
  std::istringstream in(
      "\xEF\xBB\xBFid;text_sha256;codes;decision\r\n"
      "1;" + std::string(64, 'c') + ";\"a;b\";=a;b\r\n");
  LoadedDecisions loaded = ReadDecisionsStream(in, "d.csv");
  ASSERT_TRUE(loaded.diagnostics.empty()) << FormatDiagnostic(loaded.diagnostics[0]);
  ASSERT_EQ(loaded.ledger.size(), 1u);
  EXPECT_EQ(loaded.ledger.records()[0].codes, (std::vector<std::string>{"a", "b"}));
}

TEST_F(DecisionsFileTest, ReportsEveryBadRowWithItsLine) {
  std::istringstream in("id,text_sha256,codes,decision\n"
                        "1," + std::string(64, 'a') + ",a,=a\n"
                        ","  + std::string(64, 'a') + ",a,=a\n"
                        "2,not-a-hash,a,=a\n"
                        "1," + std::string(64, 'b') + ",b,=b\n");
  LoadedDecisions loaded = ReadDecisionsStream(in, "d.csv");
  std::vector<std::string> messages;
  for (const Diagnostic& d : loaded.diagnostics) messages.push_back(FormatDiagnostic(d));
  EXPECT_EQ(messages, (std::vector<std::string>{
                          "d.csv:3: error: decision without an id",
                          "d.csv:4: error: answer 2: text_sha256 'not-a-hash' is not a SHA-256 "
                          "(64 lower-case hex digits)",
                          "d.csv:5: error: answer 1 has two decisions (first on line 2)"}));
}

TEST_F(DecisionsFileTest, AFileWithoutTheColumnsIsNotADecisionsFile) {
  std::istringstream in("id,codes\n1,a\n");
  LoadedDecisions loaded = ReadDecisionsStream(in, "d.csv");
  ASSERT_EQ(loaded.diagnostics.size(), 2u);
  EXPECT_EQ(FormatDiagnostic(loaded.diagnostics[0]),
            "d.csv:1: error: no column 'text_sha256': is this a decisions file?");
}

TEST_F(DecisionsFileTest, SavingKeepsThePreviousVersionAsABackup) {
  const std::string path = (dir_ / "decisions.csv").string();
  ASSERT_TRUE(SaveDecisionsFile(path, TwoDecisions(), KeepBackup::kYes).has_value());
  EXPECT_FALSE(fs::exists(NumberedBackupPath(path, 0))) << "nothing to back up the first time";
  const std::string first = ReadFile(path);

  DecisionLedger more = TwoDecisions();
  more.Upsert(DecisionRecord{"9", std::string(64, 'c'), {}, "none", "", "", "", "", {}, ""});
  auto saved = SaveDecisionsFile(path, more, KeepBackup::kYes);
  ASSERT_TRUE(saved.has_value());
  EXPECT_EQ(*saved, NumberedBackupPath(path, 0));
  EXPECT_EQ(ReadFile(NumberedBackupPath(path, 0)), first);
  EXPECT_EQ(ReadDecisionsFile(path).ledger.size(), 3u);
  for (const auto& entry : fs::directory_iterator(dir_)) {
    EXPECT_EQ(entry.path().filename().string().find(".tmp-"), std::string::npos)
        << "temporary left: " << entry.path();
  }
}

// An interrupted save (here: the backup cannot be written) never touches the
// decisions file.
TEST_F(DecisionsFileTest, AFailedBackupLeavesTheDecisionsFileAsItWas) {
  const std::string path = (dir_ / "decisions.csv").string();
  ASSERT_TRUE(SaveDecisionsFile(path, TwoDecisions(), KeepBackup::kYes).has_value());
  const std::string before = ReadFile(path);
  testing::TakeEveryBackupName(path);

  DecisionLedger changed;
  changed.Upsert(DecisionRecord{"1", std::string(64, 'd'), {}, "none", "", "", "", "", {}, ""});
  auto saved = SaveDecisionsFile(path, changed, KeepBackup::kYes);
  ASSERT_FALSE(saved.has_value());
  EXPECT_NE(saved.error().message.find("cannot keep a backup of " + path), std::string::npos)
      << saved.error().message;
  EXPECT_EQ(ReadFile(path), before);
}

// #19: every save keeps the version it replaces under a new name; no
// earlier version (another reviewer's) is ever lost.
TEST_F(DecisionsFileTest, EverySaveKeepsAnotherBackupNeverReplacingOne) {
  const std::string path = (dir_ / "decisions.csv").string();
  std::vector<std::string> versions;
  DecisionLedger ledger;
  for (int i = 0; i < 4; ++i) {
    ledger.Upsert(DecisionRecord{std::to_string(i), std::string(64, 'a' + i), {}, "none", "", "",
                                 "", "", {}, ""});
    auto saved = SaveDecisionsFile(path, ledger, KeepBackup::kYes);
    ASSERT_TRUE(saved.has_value()) << saved.error().message;
    EXPECT_EQ(*saved, i == 0 ? "" : NumberedBackupPath(path, static_cast<unsigned>(i - 1)));
    versions.push_back(ReadFile(path));
  }
  // .bak holds the first version, .bak.1 the second, .bak.2 the third.
  for (unsigned n = 0; n < 3; ++n) EXPECT_EQ(ReadFile(NumberedBackupPath(path, n)), versions[n]);
  EXPECT_FALSE(fs::exists(NumberedBackupPath(path, 3)));
  // A backup someone removed leaves a gap that the next save fills; the
  // later ones stay as they are.
  fs::remove(NumberedBackupPath(path, 1));
  ledger.Upsert(DecisionRecord{"9", std::string(64, 'f'), {}, "none", "", "", "", "", {}, ""});
  auto saved = SaveDecisionsFile(path, ledger, KeepBackup::kYes);
  ASSERT_TRUE(saved.has_value());
  EXPECT_EQ(*saved, NumberedBackupPath(path, 1));
  EXPECT_EQ(ReadFile(NumberedBackupPath(path, 1)), versions[3]);
  EXPECT_EQ(ReadFile(NumberedBackupPath(path, 2)), versions[2]);
}

TEST_F(DecisionsFileTest, AMissingFileIsReported) {
  LoadedDecisions loaded = ReadDecisionsFile((dir_ / "none.csv").string());
  ASSERT_EQ(loaded.diagnostics.size(), 1u);
  EXPECT_NE(loaded.diagnostics[0].message.find("cannot open"), std::string::npos);
}

// #19 item 9: a row cut mid-field lost its last columns; it is an error
// naming the line, and the row is not in the ledger.
TEST_F(DecisionsFileTest, ARowCutShortIsAnErrorNamingItsLine) {
  std::ostringstream out;
  WriteDecisions(out, TwoDecisions());
  std::string text = out.str();
  text += "9," + std::string(64, 'd') + ",lib,lib,un commen";  // Cut mid-field.
  std::istringstream in(text);
  LoadedDecisions loaded = ReadDecisionsStream(in, "d.csv");
  ASSERT_EQ(loaded.diagnostics.size(), 1u);
  EXPECT_EQ(FormatDiagnostic(loaded.diagnostics[0]),
            "d.csv:5: error: 5 field(s) where the header has 10 (a row cut short?)");
  EXPECT_EQ(loaded.ledger.Find("9"), nullptr);
}

TEST_F(DecisionsFileTest, InvalidUtf8IsAnErrorNamingLineAndColumn) {
  std::istringstream in("id,text_sha256,codes,decision,comment\n"
                        "1," + std::string(64, 'c') + ",a,a,ok\n"
                        "2," + std::string(64, 'c') + ",a,a,caf\xE9 cr\xE8me\n");
  LoadedDecisions loaded = ReadDecisionsStream(in, "d.csv");
  ASSERT_EQ(loaded.diagnostics.size(), 1u);
  EXPECT_EQ(FormatDiagnostic(loaded.diagnostics[0]),
            "d.csv:3: error: invalid UTF-8 in column 'comment' at byte 4 of the field");
  EXPECT_EQ(loaded.ledger.size(), 1u);
}

TEST_F(DecisionsFileTest, ResolvesALinkToItsTarget) {
  fs::create_directory(dir_ / "sub");
  fs::create_symlink("sub/d.csv", dir_ / "l.csv");  // Dangling: d.csv not yet written.
  fs::create_symlink("l.csv", dir_ / "ll.csv");
  EXPECT_EQ(ResolveDecisionsPath((dir_ / "ll.csv").string()),
            (dir_ / "sub/d.csv").lexically_normal().string());
  EXPECT_EQ(ResolveDecisionsPath((dir_ / "plain.csv").string()),
            (dir_ / "plain.csv").string());
  fs::create_symlink("loop2", dir_ / "loop1");
  fs::create_symlink("loop1", dir_ / "loop2");
  auto loop = ResolveDecisionsPath((dir_ / "loop1").string());
  ASSERT_FALSE(loop.has_value());
  EXPECT_NE(loop.error().message.find("too many levels"), std::string::npos);
}

}  // namespace
}  // namespace verbatim
