// A coding run as a REFI-QDA 1.5 project (.qdpx): a zip holding project.qde
// (XML in urn:QDA-XML:project:1.0, valid against Project-mrt2019.xsd) and
// one plain-text file per answer under sources/.
//
// Design: one text source per answer, named by the answer's id. A tool such
// as NVivo, MAXQDA, ATLAS.ti or QualCoder keeps a source's name through its
// own export, so a human coding made there comes back to the right answer
// by name alone (io/refi/qdpx_reader.h), with no character offsets to carry
// across a whole file that a tool may re-flow; and each answer shows as a
// document with its case and variables. One file with a selection per
// answer would put answers side by side in the tools, but their bounds
// would live only as selections the analyst can delete or move.
//
// Each answer's final codes become codings of a selection covering the
// whole answer, and each code's evidence spans (the include hits the
// machine found for it) become selections coded with it. Positions are
// Unicode code points from the start of the answer, end exclusive, as the
// standard counts them. Every answer is also a case named by its id, with
// one text variable per kept input column and a reference to its source.
// GUIDs are derived from ids (refi_ids.h): the same run exported twice gives
// the same bytes, zip timestamps included.
// Names and values pass through RefiXmlText: a control character or an
// invalid byte in an id or a kept column becomes U+FFFD, never broken XML.
#ifndef VERBATIM_IO_REFI_QDPX_WRITER_H_
#define VERBATIM_IO_REFI_QDPX_WRITER_H_

#include <memory>
#include <ostream>
#include <string>
#include <vector>

#include "core/codebook.h"
#include "core/status.h"

namespace verbatim {

struct QdpxSpan {
  size_t begin = 0;  // Bytes in QdpxAnswer::text, end exclusive.
  size_t end = 0;
};

struct QdpxCoding {
  int code = -1;                   // Index in the codebook.
  std::vector<QdpxSpan> evidence;  // May be empty (a decided code).
};

struct QdpxAnswer {
  std::string id;
  std::string text;                    // REQUIRES: valid UTF-8 without NUL.
  std::vector<std::string> variables;  // One per variable name, in order.
  std::vector<QdpxCoding> codings;     // Codebook order.
};

// Collects the answers, then writes the project. Not copyable (it holds the
// XML tree); movable. Memory: the whole project, texts included.
class QdpxWriter {
 public:
  // `codebook` outlives the writer. `name` is the project's name (shown by
  // the tools); `variable_names` name the case variables.
  QdpxWriter(const Codebook& codebook, const std::string& name,
             std::vector<std::string> variable_names);
  ~QdpxWriter();
  QdpxWriter(QdpxWriter&&) noexcept;
  QdpxWriter& operator=(QdpxWriter&&) noexcept;

  // Adds one answer as a source and a case. Ids must be unique (they name
  // the sources and derive the GUIDs).
  void AddAnswer(const QdpxAnswer& answer);
  size_t answers() const;

  // Writes the .qdpx archive to `out`. Errors: libzip's, naming the part.
  // REQUIRES: called once, after the last AddAnswer.
  Result<void> Write(std::ostream& out);

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace verbatim

#endif  // VERBATIM_IO_REFI_QDPX_WRITER_H_
