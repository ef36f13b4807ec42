#include "io/refi/qdpx_reader.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <sstream>

#include "io/refi/qdc_writer.h"
#include "io/refi/refi_ids.h"
#include "tests/testing/small_codebook.h"
#include "tests/testing/temp_dir.h"
#include "tests/testing/zip_writer.h"

namespace verbatim {
namespace {

// The ATLAS.ti sample (../shared/refi-qda/README.md), read where it lies:
// third-party files are not copied into the repository.
std::string AtlasSample() {
  for (const char* root : {"/../shared/refi-qda/", "/../../shared/refi-qda/"}) {
    const std::string path = std::string(VERBATIM_SOURCE_DIR) + root + "atlas-sample-project.qdpx";
    if (std::filesystem::exists(path)) return path;
  }
  return "";
}

TEST(QdpxReaderTest, ReadsTheCodeTreeOfAnAtlasTiExport) {
  const std::string path = AtlasSample();
  if (path.empty()) GTEST_SKIP() << "../shared/refi-qda/atlas-sample-project.qdpx not present";
  auto project = ReadQdpx(path);
  ASSERT_TRUE(project) << FormatError(project.error());
  ASSERT_EQ(project->codes.size(), 3u);
  EXPECT_EQ(project->codes[0].name, "Commits");
  EXPECT_EQ(project->codes[0].guid, "A182CD3A-D83C-4D8C-BC80-26D9103EC6D6");
  EXPECT_EQ(project->codes[0].parent, -1);
  EXPECT_EQ(project->codes[1].name, "2022-05-10T02:05:59Z 19e4dce");
  EXPECT_EQ(project->codes[1].parent, 0);
  EXPECT_EQ(project->codes[2].parent, 0);
  EXPECT_TRUE(project->sources.empty());
}

// Shaped as other tools write: a prefixed namespace, braced lower-case
// GUIDs, codings on the source itself and on selections, a PDF source, and a
// coding of a code the project does not define.
constexpr char kForeignProject[] = R"(<?xml version="1.0" encoding="utf-8"?>
<q:Project xmlns:q="urn:QDA-XML:project:1.0" name="p">
  <q:CodeBook><q:Codes>
    <q:Code guid="{aaaaaaaa-0000-0000-0000-000000000001}" name="Fees" isCodable="true" color="#112233">
      <q:Description>Money</q:Description>
      <q:Code guid="{aaaaaaaa-0000-0000-0000-000000000002}" name="CCAM" isCodable="true"/>
    </q:Code>
  </q:Codes></q:CodeBook>
  <q:Sources>
    <q:TextSource guid="bbbbbbbb-0000-0000-0000-000000000001" name="r1">
      <q:PlainTextSelection guid="cccccccc-0000-0000-0000-000000000001" startPosition="0" endPosition="4">
        <q:Coding guid="dddddddd-0000-0000-0000-000000000001"><q:CodeRef targetGUID="AAAAAAAA-0000-0000-0000-000000000002"/></q:Coding>
      </q:PlainTextSelection>
      <q:Coding guid="dddddddd-0000-0000-0000-000000000002"><q:CodeRef targetGUID="{aaaaaaaa-0000-0000-0000-000000000001}"/></q:Coding>
      <q:Coding guid="dddddddd-0000-0000-0000-000000000003"><q:CodeRef targetGUID="aaaaaaaa-0000-0000-0000-000000000002"/></q:Coding>
    </q:TextSource>
    <q:TextSource guid="bbbbbbbb-0000-0000-0000-000000000002" name="r2"/>
    <q:PDFSource guid="bbbbbbbb-0000-0000-0000-000000000003" name="r3">
      <q:Coding guid="dddddddd-0000-0000-0000-000000000004"><q:CodeRef targetGUID="eeeeeeee-0000-0000-0000-000000000009"/></q:Coding>
    </q:PDFSource>
  </q:Sources>
</q:Project>)";

TEST(QdpxReaderTest, ReadsCodingsOnSourcesAndSelectionsWhateverTheGuidSpelling) {
  auto project = ParseRefiProject(kForeignProject, "p.qde");
  ASSERT_TRUE(project) << FormatError(project.error());
  ASSERT_EQ(project->codes.size(), 2u);
  EXPECT_EQ(project->codes[0].description, "Money");
  EXPECT_EQ(project->codes[0].color, "#112233");
  EXPECT_EQ(project->codes[1].parent, 0);
  ASSERT_EQ(project->sources.size(), 3u);
  EXPECT_EQ(project->sources[0].name, "r1");
  // CCAM first (its selection comes first), each code once.
  EXPECT_EQ(project->sources[0].codes, (std::vector<int>{1, 0}));
  EXPECT_TRUE(project->sources[1].codes.empty());
  EXPECT_TRUE(project->sources[2].codes.empty());
  EXPECT_EQ(project->dangling_code_refs,
            (std::vector<std::string>{"EEEEEEEE-0000-0000-0000-000000000009"}));
}

TEST(QdpxReaderTest, RefusesXmlThatIsNotWellFormedWithTheByteOffset) {
  auto project = ParseRefiProject("<Project name='p'><CodeBook>", "p.qde");
  ASSERT_FALSE(project);
  EXPECT_NE(FormatError(project.error()).find("p.qde: not well-formed XML at byte"),
            std::string::npos)
      << FormatError(project.error());
}

TEST(QdpxReaderTest, RefusesAnotherRootElement) {
  auto project = ParseRefiProject("<CodeBook/>", "p.qde");
  ASSERT_FALSE(project);
  EXPECT_NE(project.error().message.find("not <Project>"), std::string::npos);
}

TEST(QdpxReaderTest, RefusesAFileThatIsNotAZipArchive) {
  auto project = ReadQdpx(std::string(VERBATIM_SOURCE_DIR) + "/codebooks/optam_changes.yaml");
  ASSERT_FALSE(project);
  EXPECT_NE(project.error().message.find("cannot open as a .qdpx project"), std::string::npos)
      << project.error().message;
}

TEST(QdpxReaderTest, RefusesAnArchiveWithoutProjectQdeNamingIt) {
  const std::filesystem::path dir = testing::MakeTestDir("verbatim");
  const std::string path = (dir / "p.qdpx").string();
  testing::WriteZip(path, {{"Sources/r1.txt", "bonjour"}});
  auto project = ReadQdpx(path);
  std::filesystem::remove_all(dir);
  ASSERT_FALSE(project);
  EXPECT_EQ(FormatError(project.error()),
            path + ": not a REFI-QDA project: the archive holds no project.qde");
}

TEST(QdpxReaderTest, ReadsProjectQdeWrittenInAnotherCase) {
  const std::filesystem::path dir = testing::MakeTestDir("verbatim");
  const std::string path = (dir / "p.qdpx").string();
  testing::WriteZip(path, {{"Project.QDE", kForeignProject}});
  auto project = ReadQdpx(path);
  std::filesystem::remove_all(dir);
  ASSERT_TRUE(project) << FormatError(project.error());
  EXPECT_EQ(project->codes.size(), 2u);
}

// Round trip of `export qdc`: the tree read back is the codebook's.
TEST(QdpxReaderTest, QdcWrittenThenReadGivesTheSameCodeTree) {
  Codebook book = testing::SmallCodebook();
  book.codes[1].label = "CCAM & actes <techniques>";
  book.codes[1].description = "Les « actes » techniques";
  std::ostringstream out;
  WriteQdc(book, out);
  auto codes = ParseRefiCodebook(out.str(), "t.qdc");
  ASSERT_TRUE(codes) << FormatError(codes.error());
  ASSERT_EQ(codes->size(), book.codes.size());
  for (size_t i = 0; i < book.codes.size(); ++i) {
    SCOPED_TRACE(book.codes[i].id);
    const RefiCode& code = (*codes)[i];
    EXPECT_EQ(code.name, RefiCodeName(book.codes[i]));
    EXPECT_EQ(CodeIdFromRefiDescription(code.description), book.codes[i].id);
    EXPECT_EQ(code.guid, RefiCodeGuid(book, static_cast<int>(i)));
    EXPECT_EQ(code.color, RefiCodeColor(book, static_cast<int>(i)));
    EXPECT_EQ(code.parent, book.codes[i].theme_index);
  }
  EXPECT_EQ((*codes)[1].description, "Les « actes » techniques\n\nverbatim id: reval.ccam");
}

TEST(QdpxReaderTest, QdcIsTheSameBytesForTheSameCodebook) {
  std::ostringstream first, second;
  WriteQdc(testing::SmallCodebook(), first);
  WriteQdc(testing::SmallCodebook(), second);
  EXPECT_EQ(first.str(), second.str());
}

}  // namespace
}  // namespace verbatim
