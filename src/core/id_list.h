// Lists of answer ids in messages, cut to a readable length.
#ifndef VERBATIM_CORE_ID_LIST_H_
#define VERBATIM_CORE_ID_LIST_H_

#include <cstddef>
#include <span>
#include <string>

namespace verbatim {

// "a, b, c" for at most `limit` ids; with more, "a, b, … (N in all)".
std::string JoinIds(std::span<const std::string> ids, size_t limit);

}  // namespace verbatim

#endif  // VERBATIM_CORE_ID_LIST_H_
