#include "io/input/word_list.h"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <unordered_set>

#include "io/input/utf8.h"

namespace verbatim {

Result<std::vector<std::string>> ReadWordList(const std::string& path, const Normalizer& normalizer) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return MakeError("cannot read the word list: " + std::string(std::strerror(errno)), {path});
  std::vector<std::string> words;
  std::unordered_set<std::string> seen;
  std::string line;
  int number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.find_first_not_of(" \t") == std::string::npos) continue;
    if (!IsValidUtf8(line)) {
      return MakeError("line is not valid UTF-8 (convert the list to UTF-8)", {path, number, 1});
    }
    std::string word = normalizer.Normalize(line);
    if (seen.insert(word).second) words.push_back(std::move(word));
  }
  if (in.bad()) return MakeError("cannot read the word list", {path});
  return words;
}

}  // namespace verbatim
