// A CodingResult written out in full, for tests that compare two coding
// paths: equal texts mean equal results, and a failure shows the difference.
#ifndef VERBATIM_TESTS_TESTING_RESULT_TEXT_H_
#define VERBATIM_TESTS_TESTING_RESULT_TEXT_H_

#include <sstream>
#include <string>

#include "core/coder.h"

namespace verbatim::testing {

inline std::string ResultText(const CodingResult& r) {
  std::ostringstream out;
  out << "status=" << AnswerStatusName(r.status) << " error=" << r.error << " words=" << r.word_count
      << "\nnormalized=" << r.normalized.text << "\norigin=";
  for (uint32_t o : r.normalized.origin) out << o << ',';
  out << "\nproposed=";
  for (int c : r.proposed) out << c << ',';
  out << " counted=";
  for (int c : r.counted) out << c << ',';
  for (const ReviewNote& note : r.reasons) {
    out << "\nreason " << ReviewReasonName(note.reason) << " [";
    for (int c : note.codes) out << c << ',';
    out << "] " << note.detail;
  }
  for (const PatternHit& hit : r.hits) {
    out << "\nhit " << hit.pattern << " " << hit.begin << "-" << hit.end << " "
        << hit.original_begin << "-" << hit.original_end << " cue=" << hit.negation_cue;
  }
  for (const CodeFinding& f : r.findings) {
    out << "\nfinding " << f.code << " " << CodeStateName(f.state) << " " << f.weight
        << " proposed=" << f.proposed << " include=";
    for (int h : f.include_hits) out << h << ',';
    out << " exclude=";
    for (int h : f.exclusion_hits) out << h << ',';
  }
  return out.str();
}

}  // namespace verbatim::testing

#endif  // VERBATIM_TESTS_TESTING_RESULT_TEXT_H_
