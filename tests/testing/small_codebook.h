// A small codebook built in code, for core tests of decisions and counts
// that need codes but no patterns (no YAML, no compiling: core only).
#ifndef VERBATIM_TESTS_TESTING_SMALL_CODEBOOK_H_
#define VERBATIM_TESTS_TESTING_SMALL_CODEBOOK_H_

#include <string>
#include <utility>

#include "core/codebook.h"

namespace verbatim::testing {

// Codebook "t" version "1", five codes without patterns, each labelled
// with its id, at these indices:
//   0 reval   1 reval.ccam   2 reval.inflation   3 lib   4 lib.complements
inline Codebook SmallCodebook() {
  Codebook book;
  book.info.id = "t";
  book.info.version = "1";
  auto add = [&](std::string id, CodeLevel level, int theme) {
    CodeDefinition code;
    code.id = std::move(id);
    code.label = code.id;
    code.level = level;
    code.theme_index = theme;
    book.codes.push_back(std::move(code));
  };
  add("reval", CodeLevel::kTheme, -1);
  add("reval.ccam", CodeLevel::kSubtheme, 0);
  add("reval.inflation", CodeLevel::kSubtheme, 0);
  add("lib", CodeLevel::kTheme, -1);
  add("lib.complements", CodeLevel::kSubtheme, 3);
  return book;
}

}  // namespace verbatim::testing

#endif  // VERBATIM_TESTS_TESTING_SMALL_CODEBOOK_H_
