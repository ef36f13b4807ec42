// Names for parameterized tests made from data (file names, case folders).
#ifndef VERBATIM_TESTS_TESTING_TEST_NAME_H_
#define VERBATIM_TESTS_TESTING_TEST_NAME_H_

#include <cctype>
#include <string>

namespace verbatim::testing {

// `text` with every byte that is not an ASCII letter or digit replaced by
// '_', as GoogleTest wants a parameterized test's name ("health.csv":
// "health_csv"). Different texts may give the same name.
inline std::string TestNameOf(std::string text) {
  for (char& c : text) {
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
  }
  return text;
}

}  // namespace verbatim::testing

#endif  // VERBATIM_TESTS_TESTING_TEST_NAME_H_
