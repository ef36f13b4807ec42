#include "io/input/zip_member.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "tests/testing/temp_dir.h"
#include "tests/testing/zip_writer.h"

namespace verbatim {
namespace {

class ZipMemberTest : public testing::TempDirTest {
 protected:
  // dir_/a.zip holding `members`, opened.
  ZipArchive Archive(const std::vector<std::pair<std::string, std::string>>& members) {
    testing::WriteZip(path(), members);
    auto archive = OpenZipArchive(path());
    EXPECT_TRUE(archive) << FormatError(archive.error());
    return archive ? std::move(*archive) : ZipArchive();
  }
  std::string path() const { return (dir_ / "a.zip").string(); }

  const ZipMemberLimit kLimit{1000, "larger than 1000 bytes", nullptr};
};

TEST_F(ZipMemberTest, ReadsAMemberByItsExactName) {
  ZipArchive archive = Archive({{"x/one.xml", "<one/>"}, {"two.xml", ""}});
  ASSERT_TRUE(archive);
  auto one = ReadZipMember(archive.get(), path(), "x/one.xml", kLimit);
  ASSERT_TRUE(one) << FormatError(one.error());
  EXPECT_EQ(one->value_or("absent"), "<one/>");
  auto two = ReadZipMember(archive.get(), path(), "two.xml", kLimit);
  ASSERT_TRUE(two) << FormatError(two.error());
  EXPECT_EQ(two->value_or("absent"), "");
}

TEST_F(ZipMemberTest, AnAbsentMemberIsNulloptNotAnError) {
  ZipArchive archive = Archive({{"one.xml", "<one/>"}});
  ASSERT_TRUE(archive);
  auto missing = ReadZipMember(archive.get(), path(), "project.qde", kLimit);
  ASSERT_TRUE(missing) << FormatError(missing.error());
  EXPECT_FALSE(missing->has_value());
}

TEST_F(ZipMemberTest, FindsANameInAnotherCaseButPrefersTheExactOne) {
  ZipArchive archive = Archive({{"PROJECT.QDE", "upper"}, {"project.qde", "lower"}});
  ASSERT_TRUE(archive);
  auto exact = ReadZipMember(archive.get(), path(), "project.qde", kLimit);
  ASSERT_TRUE(exact) << FormatError(exact.error());
  EXPECT_EQ(exact->value_or("absent"), "lower");
  auto other_case = ReadZipMember(archive.get(), path(), "Project.Qde", kLimit);
  ASSERT_TRUE(other_case) << FormatError(other_case.error());
  EXPECT_TRUE(other_case->has_value());
}

TEST_F(ZipMemberTest, RefusesAMemberOverTheLimitNamingArchiveAndMember) {
  ZipArchive archive =
      Archive({{"big.xml", std::string(1001, 'x')}, {"fits.xml", std::string(1000, 'x')}});
  ASSERT_TRUE(archive);
  auto big = ReadZipMember(archive.get(), path(), "big.xml", kLimit);
  ASSERT_FALSE(big);
  EXPECT_EQ(FormatError(big.error()), path() + ": big.xml: larger than 1000 bytes");
  auto fits = ReadZipMember(archive.get(), path(), "fits.xml", kLimit);
  ASSERT_TRUE(fits) << FormatError(fits.error());
  EXPECT_EQ((*fits)->size(), 1000u);
}

TEST_F(ZipMemberTest, ACheckSeesEveryByteAndItsMessageIsKept) {
  // Three chunks of 64 KiB and a bit.
  const std::string content(3 * 65536 + 7, 'x');
  ZipArchive archive = Archive({{"m.xml", content}});
  ASSERT_TRUE(archive);
  size_t seen = 0;
  ZipMemberLimit counting{1 << 20, "too large", [&](std::string_view chunk) {
                            seen += chunk.size();
                            return std::string();
                          }};
  auto read = ReadZipMember(archive.get(), path(), "m.xml", counting);
  ASSERT_TRUE(read) << FormatError(read.error());
  EXPECT_EQ(seen, content.size());

  ZipMemberLimit refusing{1 << 20, "too large",
                          [](std::string_view) { return std::string("m.xml: refused"); }};
  auto refused = ReadZipMember(archive.get(), path(), "m.xml", refusing);
  ASSERT_FALSE(refused);
  EXPECT_EQ(FormatError(refused.error()), path() + ": m.xml: refused");
}

TEST_F(ZipMemberTest, OpeningAFileThatIsNotAnArchiveGivesLibzipsReasonAtThePath) {
  testing::WriteFile(dir_ / "a.zip", "id,text\n1,bonjour\n");
  auto archive = OpenZipArchive(path());
  ASSERT_FALSE(archive);
  EXPECT_EQ(archive.error().location.file, path());
  EXPECT_EQ(archive.error().message, "Not a zip archive");
}

}  // namespace
}  // namespace verbatim
