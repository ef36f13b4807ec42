// Words of a shell command printed for the user to copy.
#ifndef VERBATIM_CLI_SHELL_WORD_H_
#define VERBATIM_CLI_SHELL_WORD_H_

#include <string>

namespace verbatim {

// `word` as one POSIX shell word: as is when it holds only letters, digits
// and "_-./", else in single quotes (a quote inside written '\'').
std::string ShellWord(const std::string& word);

}  // namespace verbatim

#endif  // VERBATIM_CLI_SHELL_WORD_H_
