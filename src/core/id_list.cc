#include "core/id_list.h"

namespace verbatim {

std::string JoinIds(std::span<const std::string> ids, size_t limit) {
  std::string out;
  for (size_t i = 0; i < ids.size() && i < limit; ++i) out += (i ? ", " : "") + ids[i];
  if (ids.size() > limit) out += ", … (" + std::to_string(ids.size()) + " in all)";
  return out;
}

}  // namespace verbatim
