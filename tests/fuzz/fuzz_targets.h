// The entry points of the libFuzzer targets, shared with their replay test.
//
// Design: each target is a plain function of the input bytes, so that the
// same code runs under libFuzzer (tests/fuzz/fuzzer.cc, built with
// -DVERBATIM_FUZZ=ON and clang) and in the ordinary test suite, where
// tests/fuzz/replay_test.cc feeds it every committed seed and every input
// that once crashed (tests/fuzz/<target>/seeds/ and crashes/). A target
// returns normally or aborts: besides the sanitizers, each checks the
// invariants of the code it drives (no row lost, spans inside the text…)
// and calls std::abort() with a message on stderr when one breaks.
#ifndef VERBATIM_TESTS_FUZZ_FUZZ_TARGETS_H_
#define VERBATIM_TESTS_FUZZ_FUZZ_TARGETS_H_

#include <string_view>
#include <vector>

namespace verbatim::fuzz {

// Byte 0 picks the delimiter (auto , ; tab), the parser's chunk size and the
// column options; the rest is a CSV file read by CsvParser and by the CSV
// answer reader.
void CsvInput(std::string_view data);
// The bytes as a JSON Lines file and as a plain text file.
void LineInput(std::string_view data);
// The bytes as a YAML codebook: loaded, then checked, compiled and run on
// its own examples when it has no errors.
void Codebook(std::string_view data);
// The bytes as one answer, coded with a small fixed codebook; also compares
// the normalizer's table path with its ICU reference path.
void CodeAnswer(std::string_view data);
// The bytes as an .xlsx workbook read by ReadXlsxSheet (through a temporary
// file: libzip reads a path), and as the XML of a sharedStrings part and of
// a worksheet part.
void XlsxReader(std::string_view data);
// The bytes as a decisions.csv file; a ledger read from valid UTF-8 is
// written back and must read back the same.
void DecisionsFile(std::string_view data);
// The bytes as a REFI-QDA project.qde and as a .qdc codebook (XML), and as a
// .qdpx archive read by ReadQdpx (through a temporary file); a project read
// is mapped to a small fixed codebook as `import qdpx` and `agree --gold`
// map it.
void QdpxReader(std::string_view data);

struct Target {
  const char* name;  // The folder under tests/fuzz/.
  void (*run)(std::string_view data);
};

// Every target, in a fixed order.
const std::vector<Target>& AllTargets();

}  // namespace verbatim::fuzz

#endif  // VERBATIM_TESTS_FUZZ_FUZZ_TARGETS_H_
