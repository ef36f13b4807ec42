// One libFuzzer executable per target: VERBATIM_FUZZ_TARGET names a function
// of fuzz_targets.h (tests/fuzz/CMakeLists.txt compiles this file once per
// target).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "tests/fuzz/fuzz_targets.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  verbatim::fuzz::VERBATIM_FUZZ_TARGET(std::string_view(reinterpret_cast<const char*>(data), size));
  return 0;
}
