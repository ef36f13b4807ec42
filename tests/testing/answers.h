// Real answers for tests that compare coding paths: the OPTAM sample and the
// held-out set, read with the project's own CSV reader.
#ifndef VERBATIM_TESTS_TESTING_ANSWERS_H_
#define VERBATIM_TESTS_TESTING_ANSWERS_H_

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "io/input/input_reader.h"

namespace verbatim::testing {

// The texts of every answer in the sample and the held-out set (about 190),
// in file order. Fails the test when a file cannot be read.
inline std::vector<std::string> SampleAnswers() {
  std::vector<std::string> texts;
  for (const char* path : {"samples/optam_changes.csv", "tests/data/heldout/optam_heldout.csv"}) {
    InputOptions options;
    options.path = std::string(VERBATIM_SOURCE_DIR) + "/" + path;
    auto reader = OpenInput(options);
    EXPECT_TRUE(reader.has_value()) << path;
    if (!reader) continue;
    InputRecord record;
    while ((*reader)->Next(&record)) texts.push_back(record.text);
  }
  return texts;
}

}  // namespace verbatim::testing

#endif  // VERBATIM_TESTS_TESTING_ANSWERS_H_
