// What the prefilter's RE2::Set pass costs, part by part, on real answers.
// The Set holds the user regexes without a counted range and the literal
// atoms FilteredRE2 gives for the gated ones (core/prefilter.cc); this times,
// per answer as the prefilter does (a first Match that stops at the first
// hit, then one that lists them), a Set of:
//   mode 0: both, as verbatim builds it;   mode 1: the regexes alone;
//   mode 2: the atoms alone;               mode 3: every regex, none gated.
// Three passes over the answers (the first builds the DFA's states).
//
// Build and run (from the repository's root; bench/work/real20.csv comes
// from bench/prepare.py corpus-real):
//   build/verbatim check codebooks/optam_changes.yaml --dump-regexes > /tmp/dump.jsonl
//   python3 bench/set_parts/prepare.py /tmp/dump.jsonl bench/work/real20.csv /tmp/set_parts
//   g++ -O2 -std=c++20 bench/set_parts/set_parts.cc -o /tmp/set_parts/run $(pkg-config --cflags --libs re2)
//   for mode in 0 1 2 3; do /tmp/set_parts/run /tmp/set_parts $mode; done
#include <re2/filtered_re2.h>
#include <re2/re2.h>
#include <re2/set.h>

#include <chrono>
#include <cstdint>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

namespace {

std::vector<std::string> Lines(const std::string& path) {
  std::ifstream in(path);
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: set_parts DIR MODE (see the header)\n";
    return 2;
  }
  const std::string dir = argv[1];
  const int mode = std::stoi(argv[2]);
  const std::vector<std::string> regexes = Lines(dir + "/set.txt");
  const std::vector<std::string> gated = Lines(dir + "/gated.txt");
  const std::vector<std::string> answers = Lines(dir + "/answers.txt");

  RE2::Options options;
  options.set_encoding(RE2::Options::EncodingUTF8);
  options.set_log_errors(false);
  options.set_max_mem(int64_t{512} << 20);  // CompileOptions::set_max_mem
  re2::FilteredRE2 filter(3);                 // kMinGateAtomBytes
  for (const std::string& source : gated) {
    int id = 0;
    filter.Add(source, options, &id);
  }
  std::vector<std::string> atoms;
  filter.Compile(&atoms);

  RE2::Set set(options, RE2::UNANCHORED);
  size_t added_regexes = 0, added_atoms = 0;
  if (mode == 0 || mode == 1 || mode == 3) {
    for (const std::string& source : regexes) added_regexes += set.Add(source, nullptr) >= 0;
  }
  if (mode == 3) {
    for (const std::string& source : gated) added_regexes += set.Add(source, nullptr) >= 0;
  }
  if (mode == 0 || mode == 2) {
    for (const std::string& atom : atoms) {
      if (!atom.empty()) added_atoms += set.Add(RE2::QuoteMeta(atom), nullptr) >= 0;
    }
  }
  set.Compile();
  size_t bytes = 0;
  for (const std::string& answer : answers) bytes += answer.size();
  std::cout << "mode " << mode << ": " << added_regexes << " regexes, " << added_atoms
            << " atoms; " << answers.size() << " answers, " << bytes / 1e6 << " MB\n";
  std::vector<int> hits;
  for (int pass = 0; pass < 3; ++pass) {
    const auto start = std::chrono::steady_clock::now();
    size_t matching = 0;
    for (const std::string& answer : answers) {
      RE2::Set::ErrorInfo error;
      if (set.Match(answer, nullptr, &error)) {
        ++matching;
        set.Match(answer, &hits, &error);
      }
    }
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::cout << "  pass " << pass + 1 << ": " << bytes / 1e6 / seconds << " MB/s, "
              << matching << " answers with a hit\n";
  }
  return 0;
}
