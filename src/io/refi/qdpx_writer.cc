#include "io/refi/qdpx_writer.h"

#include <zip.h>

#include <deque>
#include <pugixml.hpp>
#include <sstream>

#include "io/refi/refi_code_tree.h"
#include "io/refi/refi_ids.h"

namespace verbatim {
namespace {

// Every member of the archive carries this modification time, so that the
// bytes depend on the content only (2020-01-01T00:00:00Z).
constexpr time_t kArchiveTime = 1577836800;

struct ZipSourceDeleter {
  void operator()(zip_source_t* source) const { zip_source_free(source); }
};

std::string ZipErrorText(zip_error_t* error) { return zip_error_strerror(error); }

}  // namespace

struct QdpxWriter::State {
  const Codebook* codebook = nullptr;
  std::vector<std::string> variable_names;
  std::vector<std::string> variable_guids;
  std::string user_guid;
  pugi::xml_document document;
  pugi::xml_node cases;
  pugi::xml_node sources;
  // (path in the archive, content); a deque keeps every string where libzip
  // was told it is until the archive is closed.
  std::deque<std::pair<std::string, std::string>> files;
  size_t answers = 0;
};

QdpxWriter::QdpxWriter(const Codebook& codebook, const std::string& name,
                       std::vector<std::string> variable_names)
    : state_(std::make_unique<State>()) {
  State& s = *state_;
  s.codebook = &codebook;
  s.variable_names = std::move(variable_names);
  s.user_guid = RefiGuid("user", "verbatim");
  pugi::xml_node declaration = s.document.append_child(pugi::node_declaration);
  declaration.append_attribute("version") = "1.0";
  declaration.append_attribute("encoding") = "utf-8";
  pugi::xml_node project = s.document.append_child("Project");
  project.append_attribute("xmlns") = "urn:QDA-XML:project:1.0";
  project.append_attribute("name") = RefiXmlText(name).c_str();
  project.append_attribute("origin") = "verbatim " VERBATIM_VERSION;
  project.append_attribute("creatingUserGUID") = s.user_guid.c_str();
  pugi::xml_node user = project.append_child("Users").append_child("User");
  user.append_attribute("guid") = s.user_guid.c_str();
  user.append_attribute("name") = "verbatim";
  if (!codebook.codes.empty()) {
    AppendRefiCodeTree(codebook, project.append_child("CodeBook").append_child("Codes"));
  }
  if (!s.variable_names.empty()) {
    pugi::xml_node variables = project.append_child("Variables");
    for (const std::string& variable_name : s.variable_names) {
      s.variable_guids.push_back(RefiGuid("variable", variable_name));
      pugi::xml_node variable = variables.append_child("Variable");
      variable.append_attribute("guid") = s.variable_guids.back().c_str();
      variable.append_attribute("name") = RefiXmlText(variable_name).c_str();
      variable.append_attribute("typeOfVariable") = "Text";
    }
  }
  // <Cases> and <Sources> need one child each: added with the first answer.
}

QdpxWriter::~QdpxWriter() = default;
QdpxWriter::QdpxWriter(QdpxWriter&&) noexcept = default;
QdpxWriter& QdpxWriter::operator=(QdpxWriter&&) noexcept = default;

size_t QdpxWriter::answers() const { return state_->answers; }

void QdpxWriter::AddAnswer(const QdpxAnswer& answer) {
  State& s = *state_;
  const Codebook& codebook = *s.codebook;
  pugi::xml_node project = s.document.child("Project");
  if (!s.cases) {
    s.cases = project.append_child("Cases");
    s.sources = project.append_child("Sources");
  }
  ++s.answers;
  const std::string source_guid = RefiGuid("source", answer.id);
  const std::string file_name = source_guid + ".txt";

  pugi::xml_node source = s.sources.append_child("TextSource");
  source.append_attribute("guid") = source_guid.c_str();
  const std::string name = RefiXmlText(answer.id);
  source.append_attribute("name") = name.c_str();
  source.append_attribute("plainTextPath") = ("internal://" + file_name).c_str();
  source.append_attribute("creatingUser") = s.user_guid.c_str();
  s.files.emplace_back("sources/" + file_name, answer.text);

  int selection_number = 0;
  auto add_selection = [&](size_t begin, size_t end, const std::vector<int>& codes) {
    const std::string key = answer.id + '/' + std::to_string(selection_number++);
    pugi::xml_node selection = source.append_child("PlainTextSelection");
    selection.append_attribute("guid") = RefiGuid("selection", key).c_str();
    selection.append_attribute("startPosition") =
        static_cast<unsigned long long>(CodePointOffset(answer.text, begin));
    selection.append_attribute("endPosition") =
        static_cast<unsigned long long>(CodePointOffset(answer.text, end));
    selection.append_attribute("creatingUser") = s.user_guid.c_str();
    for (const int code : codes) {
      pugi::xml_node coding = selection.append_child("Coding");
      coding.append_attribute("guid") =
          RefiGuid("coding", key + '/' + codebook.codes[static_cast<size_t>(code)].id).c_str();
      coding.append_attribute("creatingUser") = s.user_guid.c_str();
      coding.append_child("CodeRef").append_attribute("targetGUID") =
          RefiCodeGuid(codebook, code).c_str();
    }
  };
  if (!answer.codings.empty()) {
    std::vector<int> codes;
    for (const QdpxCoding& coding : answer.codings) codes.push_back(coding.code);
    add_selection(0, answer.text.size(), codes);
    for (const QdpxCoding& coding : answer.codings) {
      for (const QdpxSpan& span : coding.evidence)
        add_selection(span.begin, span.end, {coding.code});
    }
  }

  pugi::xml_node case_node = s.cases.append_child("Case");
  case_node.append_attribute("guid") = RefiGuid("case", answer.id).c_str();
  case_node.append_attribute("name") = name.c_str();
  for (size_t i = 0; i < s.variable_guids.size(); ++i) {
    pugi::xml_node value = case_node.append_child("VariableValue");
    value.append_child("VariableRef").append_attribute("targetGUID") = s.variable_guids[i].c_str();
    value.append_child("TextValue").text() =
        RefiXmlText(i < answer.variables.size() ? answer.variables[i] : "").c_str();
  }
  case_node.append_child("SourceRef").append_attribute("targetGUID") = source_guid.c_str();
}

Result<void> QdpxWriter::Write(std::ostream& out) {
  State& s = *state_;
  std::ostringstream xml;
  SaveRefiXml(s.document, xml);
  s.files.emplace_front("project.qde", std::move(xml).str());

  zip_error_t error;
  zip_error_init(&error);
  std::unique_ptr<zip_source_t, ZipSourceDeleter> buffer(
      zip_source_buffer_create(nullptr, 0, 0, &error));
  if (!buffer) return MakeError("cannot make the archive: " + ZipErrorText(&error));
  zip_t* archive = zip_open_from_source(buffer.get(), ZIP_TRUNCATE, &error);
  if (archive == nullptr) return MakeError("cannot make the archive: " + ZipErrorText(&error));
  zip_source_keep(buffer.get());  // The archive's close must leave the bytes to read.
  for (const auto& [path, content] : s.files) {
    zip_source_t* part = zip_source_buffer(archive, content.data(), content.size(), 0);
    const zip_int64_t index =
        part == nullptr ? -1 : zip_file_add(archive, path.c_str(), part, ZIP_FL_ENC_UTF_8);
    if (index < 0) {
      const std::string reason = zip_strerror(archive);
      if (part != nullptr) zip_source_free(part);
      zip_discard(archive);
      return MakeError("cannot add " + path + " to the archive: " + reason);
    }
    zip_file_set_mtime(archive, static_cast<zip_uint64_t>(index), kArchiveTime, 0);
  }
  if (zip_close(archive) != 0) {
    const std::string reason = zip_strerror(archive);
    zip_discard(archive);
    return MakeError("cannot make the archive: " + reason);
  }
  zip_stat_t stat;
  zip_stat_init(&stat);
  if (zip_source_stat(buffer.get(), &stat) != 0 || zip_source_open(buffer.get()) != 0) {
    return MakeError("cannot read the archive back from memory");
  }
  std::string bytes(stat.size, '\0');
  const zip_int64_t read = zip_source_read(buffer.get(), bytes.data(), bytes.size());
  zip_source_close(buffer.get());
  if (read < 0 || static_cast<zip_uint64_t>(read) != stat.size) {
    return MakeError("cannot read the archive back from memory");
  }
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  return {};
}

}  // namespace verbatim
