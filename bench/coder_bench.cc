// Phase timings of the coding path on one input, in memory, on one thread:
// read every answer first, then time normalization alone, the prefilter
// (normalize + one Set pass), and the whole CodeAnswer, each as the median of
// several passes, in this thread's CPU time. Not a test and not the end-to-end benchmark (bench/run.sh
// times the real command); it says where the time goes.
//
//   coder_bench CODEBOOK INPUT [--column NAME] [--passes N] [--threads N]
//
// With --threads N > 1 it also times CodingPool at N threads against one.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <iostream>
#include <string>
#include <string_view>
#include <vector>

#include "run/codebook_setup.h"
#include "core/batch_coder.h"
#include "core/coder.h"
#include "io/input/input_reader.h"

namespace {

using Clock = std::chrono::steady_clock;

// This thread's CPU time: on a shared machine, wall time mostly measures the
// neighbours. (The pool's figures are wall time: threads are the point.)
double ThreadSeconds() {
  timespec now;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
  return static_cast<double>(now.tv_sec) + static_cast<double>(now.tv_nsec) * 1e-9;
}

double WallSeconds() {
  return std::chrono::duration<double>(Clock::now().time_since_epoch()).count();
}

template <typename F>
double MedianSeconds(int passes, F&& run, double (*clock)() = ThreadSeconds) {
  std::vector<double> seconds;
  for (int pass = 0; pass < passes; ++pass) {
    const double start = clock();
    run();
    seconds.push_back(clock() - start);
  }
  std::sort(seconds.begin(), seconds.end());
  return seconds[seconds.size() / 2];
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: coder_bench CODEBOOK INPUT [--column NAME] [--passes N] [--threads N]\n");
    return 2;
  }
  std::string column;
  int passes = 5;
  int threads = 1;
  for (int i = 3; i + 1 < argc; i += 2) {
    const std::string flag = argv[i];
    if (flag == "--column") column = argv[i + 1];
    if (flag == "--passes") passes = std::atoi(argv[i + 1]);
    if (flag == "--threads") threads = std::atoi(argv[i + 1]);
  }

  const auto load_start = Clock::now();
  verbatim::CodebookSetup setup = verbatim::SetUpCodebook(argv[1]);
  const double load_seconds = std::chrono::duration<double>(Clock::now() - load_start).count();
  if (!setup.compiled) {
    verbatim::PrintDiagnostics(std::cerr, setup.diagnostics);
    return 1;
  }
  const verbatim::CompiledCodebook& codebook = *setup.compiled;

  verbatim::InputOptions options;
  options.path = argv[2];
  options.column = column;
  auto reader = verbatim::OpenInput(options);
  if (!reader) {
    std::fprintf(stderr, "%s\n", verbatim::FormatError(reader.error()).c_str());
    return 1;
  }
  std::vector<std::string> texts;
  verbatim::InputRecord record;
  size_t bytes = 0;
  while ((*reader)->Next(&record)) {
    bytes += record.text.size();
    texts.push_back(std::move(record.text));
  }
  std::vector<std::string_view> views(texts.begin(), texts.end());
  const double mb = static_cast<double>(bytes) / 1e6;
  std::printf("codebook: %zu patterns, %zu atoms, %d prefilter keys; load+compile %.1f ms\n",
              codebook.patterns().size(), codebook.atoms().size(),
              codebook.prefilter_key_count(), load_seconds * 1e3);
  std::printf("input: %zu answers, %.2f MB of answer text; median of %d passes\n", texts.size(),
              mb, passes);

  verbatim::NormalizedText normalized;
  const double normalize = MedianSeconds(passes, [&] {
    for (std::string_view text : views) codebook.normalizer().Normalize(text, &normalized);
  });
  verbatim::PrefilterScratch prefilter;
  std::vector<verbatim::WordToken> tokens;
  std::vector<int> candidates;
  size_t candidate_count = 0;
  const double prefilter_seconds = MedianSeconds(passes, [&] {
    candidate_count = 0;
    verbatim::PrefilterError error = verbatim::PrefilterError::kNone;
    for (std::string_view text : views) {
      codebook.normalizer().Normalize(text, &normalized);
      verbatim::TokenizeWords(normalized.text, &tokens);
      codebook.FindCandidates(normalized.text, tokens, &prefilter, &candidates, &error);
      candidate_count += candidates.size();
    }
  });
  verbatim::CodingScratch scratch;
  verbatim::CodingResult result;
  size_t hits = 0;
  const double code = MedianSeconds(passes, [&] {
    hits = 0;
    for (std::string_view text : views) {
      verbatim::CodeAnswer(codebook, text, &scratch, &result);
      hits += result.hits.size();
    }
  });
  auto line = [&](const char* name, double seconds) {
    std::printf("%-28s %8.1f MB/s %10.0f answers/s\n", name, mb / seconds,
                static_cast<double>(texts.size()) / seconds);
  };
  line("normalize", normalize);
  line("normalize+tokens+prefilter", prefilter_seconds);
  line("CodeAnswer", code);
  std::printf("candidates per answer %.2f, hits per answer %.2f\n",
              static_cast<double>(candidate_count) / static_cast<double>(texts.size()),
              static_cast<double>(hits) / static_cast<double>(texts.size()));

  if (threads > 1) {
    std::vector<verbatim::CodingResult> results;
    verbatim::CodingPool one(codebook, 1);
    verbatim::CodingPool many(codebook, threads);
    const double one_seconds =
        MedianSeconds(passes, [&] { one.CodeAll(views, &results); }, WallSeconds);
    const double many_seconds =
        MedianSeconds(passes, [&] { many.CodeAll(views, &results); }, WallSeconds);
    line("CodingPool, 1 thread", one_seconds);
    char name[64];
    std::snprintf(name, sizeof name, "CodingPool, %d threads", threads);
    line(name, many_seconds);
    std::printf("speed-up %.2fx\n", one_seconds / many_seconds);
  }
  return 0;
}
