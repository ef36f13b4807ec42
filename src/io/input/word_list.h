// A word list file: one word per line (a spelling dictionary such as
// Debian's /usr/share/dict/french), for `check --typo-words`.
#ifndef VERBATIM_IO_WORD_LIST_H_
#define VERBATIM_IO_WORD_LIST_H_

#include <string>
#include <vector>

#include "core/normalizer.h"
#include "core/status.h"

namespace verbatim {

// The file's words, normalized, without duplicates, in file order. Blank
// lines are skipped; a line that is not valid UTF-8 is an error naming it.
Result<std::vector<std::string>> ReadWordList(const std::string& path, const Normalizer& normalizer);

}  // namespace verbatim

#endif  // VERBATIM_IO_WORD_LIST_H_
