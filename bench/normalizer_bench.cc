// Throughput of Normalizer::Normalize (tables) vs NormalizeWithIcu on a file,
// one answer per line. Not part of the build or the tests; build by hand:
//   g++ -std=c++20 -O2 -Isrc bench/normalizer_bench.cc build/src/libverbatim_core.a \
//     -licuuc -licui18n -licudata -o build/normalizer_bench
//   build/normalizer_bench ../../shared/corpora/health.csv
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <string>
#include <string_view>
#include <vector>

#include "core/normalizer.h"

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: normalizer_bench FILE\n");
    return 2;
  }
  std::ifstream file(argv[1], std::ios::binary);
  const std::string data((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
  std::vector<std::string_view> lines;
  for (size_t begin = 0; begin < data.size();) {
    size_t end = data.find('\n', begin);
    end = end == std::string::npos ? data.size() : end + 1;
    lines.emplace_back(data.data() + begin, end - begin);
    begin = end;
  }
  auto created = verbatim::Normalizer::Create();
  if (!created) return 1;
  const verbatim::Normalizer& normalizer = **created;
  verbatim::NormalizedText out;
  for (std::string_view line : lines) {
    verbatim::NormalizedText reference;
    normalizer.NormalizeWithIcu(line, &reference);
    normalizer.Normalize(line, &out);
    if (out.text != reference.text) std::printf("MISMATCH\n");
  }
  auto measure = [&](const char* name, auto&& normalize) {
    const auto start = std::chrono::steady_clock::now();
    int rounds = 0;
    size_t checksum = 0;
    do {
      for (std::string_view line : lines) {
        normalize(line);
        checksum += out.text.size();
      }
      ++rounds;
    } while (std::chrono::steady_clock::now() - start < std::chrono::seconds(2));
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::printf("%-17s %8.1f MB/s (%d rounds, checksum %zu)\n", name,
                data.size() * double(rounds) / seconds / 1e6, rounds, checksum);
  };
  measure("Normalize", [&](std::string_view line) { normalizer.Normalize(line, &out); });
  measure("NormalizeWithIcu",
          [&](std::string_view line) { normalizer.NormalizeWithIcu(line, &out); });
  return 0;
}
