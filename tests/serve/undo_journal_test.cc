#include "serve/undo_journal.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "tests/testing/temp_dir.h"

namespace verbatim {
namespace {

namespace fs = std::filesystem;
using testing::ReadFile;
using testing::SortedEntries;
using testing::WriteFile;

class UndoJournalTest : public testing::TempDirTest {
 protected:
  std::string Path() const { return UndoJournalPath((dir_ / "decisions.csv").string()); }
};

DecisionRecord Record(const std::string& id, const std::string& decision) {
  DecisionRecord record;
  record.id = id;
  record.text_sha256 = std::string(64, 'a');
  record.codes = {"revalorisation.ccam", "mutuelles"};
  record.decision = decision;
  record.comment = "relu, « guillemets », \"quotes\"\nsur deux lignes";
  record.decided_at = "2026-12-06T10:00:00Z";
  record.codebook_id = "optam_changes";
  record.codebook_version = "3";
  record.proposed = {"revalorisation.ccam"};
  record.text = "Revaloriser la CCAM";
  return record;
}

TEST_F(UndoJournalTest, AnAbsentFileIsAnEmptyHistory) {
  auto entries = ReadUndoJournal(Path());
  ASSERT_TRUE(entries) << entries.error().message;
  EXPECT_TRUE(entries->empty());
}

TEST_F(UndoJournalTest, KeepsEveryFieldOfTheRecordItReplaced) {
  UndoEntry with_record{"12", Record("12", "=revalorisation.ccam;mutuelles"), "0123abcd"};
  UndoEntry without{"13", std::nullopt, ""};
  ASSERT_TRUE(WriteUndoJournal(Path(), {with_record, without}));
  EXPECT_EQ(Path(), (dir_ / "decisions.csv.undo").string());

  auto entries = ReadUndoJournal(Path());
  ASSERT_TRUE(entries) << entries.error().message;
  ASSERT_EQ(entries->size(), 2u);
  const UndoEntry& first = (*entries)[0];
  EXPECT_EQ(first.id, "12");
  EXPECT_EQ(first.revision_after, "0123abcd");
  ASSERT_TRUE(first.before.has_value());
  const DecisionRecord expected = Record("12", "=revalorisation.ccam;mutuelles");
  EXPECT_EQ(first.before->text_sha256, expected.text_sha256);
  EXPECT_EQ(first.before->codes, expected.codes);
  EXPECT_EQ(first.before->decision, expected.decision);
  EXPECT_EQ(first.before->comment, expected.comment);
  EXPECT_EQ(first.before->decided_at, expected.decided_at);
  EXPECT_EQ(first.before->codebook_id, expected.codebook_id);
  EXPECT_EQ(first.before->codebook_version, expected.codebook_version);
  EXPECT_EQ(first.before->proposed, expected.proposed);
  EXPECT_EQ(first.before->text, expected.text);
  EXPECT_EQ((*entries)[1].id, "13");
  EXPECT_FALSE((*entries)[1].before.has_value());
  EXPECT_EQ(SortedEntries(dir_), std::vector<std::string>{"decisions.csv.undo"})
      << "no temporary file left";
}

TEST_F(UndoJournalTest, KeepsTheNewestEntriesOnlyAndAnEmptyHistoryRemovesTheFile) {
  std::vector<UndoEntry> entries;
  for (size_t i = 0; i < kUndoDepth + 3; ++i) entries.push_back({std::to_string(i), {}, ""});
  ASSERT_TRUE(WriteUndoJournal(Path(), entries));
  auto read = ReadUndoJournal(Path());
  ASSERT_TRUE(read);
  ASSERT_EQ(read->size(), kUndoDepth);
  EXPECT_EQ(read->front().id, "3");
  EXPECT_EQ(read->back().id, std::to_string(kUndoDepth + 2));

  ASSERT_TRUE(WriteUndoJournal(Path(), {}));
  EXPECT_FALSE(fs::exists(Path()));
  EXPECT_TRUE(WriteUndoJournal(Path(), {})) << "removing an absent history is no error";
}

TEST_F(UndoJournalTest, ALineThatIsNotAnEntryIsNamedWithItsLine) {
  ASSERT_TRUE(WriteUndoJournal(Path(), {{"1", std::nullopt, ""}}));
  WriteFile(Path(), ReadFile(Path()) + "{\"id\": \"2\"}\n");
  auto entries = ReadUndoJournal(Path());
  ASSERT_FALSE(entries);
  EXPECT_NE(entries.error().message.find(Path() + ":2: not an undo entry"), std::string::npos)
      << entries.error().message;
  EXPECT_NE(entries.error().message.find("the decisions are not in it"), std::string::npos);
}

}  // namespace
}  // namespace verbatim
