// Writes small zip archives (an .xlsx's parts, a .qdpx's project.qde, a
// hostile archive) for the tests of the readers of zip packages.
#ifndef VERBATIM_TESTS_TESTING_ZIP_WRITER_H_
#define VERBATIM_TESTS_TESTING_ZIP_WRITER_H_

#include <gtest/gtest.h>
#include <zip.h>

#include <filesystem>
#include <string>
#include <utility>
#include <vector>

namespace verbatim::testing {

// Replaces `path` with an archive of `members` (name, bytes) in that order,
// deflated at the fastest level (a test's time goes to compressing, and a
// hostile member of one repeated tag still shrinks a thousandfold). Fails
// the test when libzip refuses.
inline void WriteZip(const std::filesystem::path& path,
                     const std::vector<std::pair<std::string, std::string>>& members) {
  int error = 0;
  zip_t* archive = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &error);
  ASSERT_NE(archive, nullptr);
  // The bytes stay ours (freep = 0) until zip_close has written them: libzip
  // does not take a zero-length buffer, so an empty member would leak.
  // Reserved, so that no string moves while libzip holds its pointer.
  std::vector<std::string> kept;
  kept.reserve(members.size());
  for (const auto& [name, content] : members) {
    kept.push_back(content);
    zip_source_t* source = zip_source_buffer(archive, kept.back().data(), kept.back().size(), 0);
    ASSERT_NE(source, nullptr);
    const zip_int64_t index = zip_file_add(archive, name.c_str(), source, ZIP_FL_OVERWRITE);
    ASSERT_GE(index, 0);
    ASSERT_EQ(
        zip_set_file_compression(archive, static_cast<zip_uint64_t>(index), ZIP_CM_DEFLATE, 1), 0);
  }
  ASSERT_EQ(zip_close(archive), 0);
}

}  // namespace verbatim::testing

#endif  // VERBATIM_TESTS_TESTING_ZIP_WRITER_H_
