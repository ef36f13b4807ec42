#include "io/refi/qdpx_reader.h"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <fstream>
#include <pugixml.hpp>
#include <sstream>
#include <unordered_map>

#include "io/input/zip_member.h"

namespace verbatim {
namespace {

// A project.qde or .qdc larger than this is refused: pugixml's tree takes
// several times the bytes, and a project of a million answers stays under.
constexpr uint64_t kMaxXmlBytes = 512ull << 20;

std::string_view LocalName(const pugi::xml_node& node) {
  std::string_view name = node.name();
  const size_t colon = name.find(':');
  return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

bool Is(const pugi::xml_node& node, std::string_view name) { return LocalName(node) == name; }

pugi::xml_node Child(const pugi::xml_node& node, std::string_view name) {
  for (pugi::xml_node child : node.children()) {
    if (Is(child, name)) return child;
  }
  return {};
}

std::string NormalGuid(std::string_view guid) {
  std::string out;
  for (char c : guid) {
    if (c == '{' || c == '}' || std::isspace(static_cast<unsigned char>(c))) continue;
    out += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  }
  return out;
}

Result<void> ParseXml(std::string_view xml, const std::string& name, pugi::xml_document* document) {
  const pugi::xml_parse_result parsed =
      document->load_buffer(xml.data(), xml.size(), pugi::parse_default, pugi::encoding_auto);
  if (!parsed) {
    return MakeError(std::string("not well-formed XML at byte ") + std::to_string(parsed.offset) +
                         ": " + parsed.description(),
                     SourceLocation{name});
  }
  return {};
}

// Appends `codes` (a <Codes> or <Code> element)'s <Code> children and their
// descendants to `out`, parents first.
Result<void> ReadCodes(const pugi::xml_node& codes, int parent, const std::string& name,
                       std::vector<RefiCode>* out) {
  for (pugi::xml_node node : codes.children()) {
    if (!Is(node, "Code")) continue;
    RefiCode code;
    code.guid = NormalGuid(node.attribute("guid").value());
    if (code.guid.empty()) {
      return MakeError(
          "a <Code> has no guid (name '" + std::string(node.attribute("name").value()) + "')",
          SourceLocation{name});
    }
    code.name = node.attribute("name").value();
    code.color = node.attribute("color").value();
    code.description = Child(node, "Description").text().get();
    code.parent = parent;
    out->push_back(std::move(code));
    if (auto nested = ReadCodes(node, static_cast<int>(out->size()) - 1, name, out); !nested) {
      return nested;
    }
  }
  return {};
}

// Every CodeRef under `node` (its codings and its selections' codings).
void CollectCodeRefs(const pugi::xml_node& node, std::vector<std::string>* guids) {
  for (pugi::xml_node child : node.children()) {
    if (Is(child, "CodeRef") && Is(node, "Coding")) {
      guids->push_back(NormalGuid(child.attribute("targetGUID").value()));
    } else if (child.type() == pugi::node_element) {
      CollectCodeRefs(child, guids);
    }
  }
}

Result<std::string> ReadArchiveMember(const std::string& path, const std::string& member) {
  auto archive = OpenZipArchive(path);
  if (!archive) {
    return MakeError("cannot open as a .qdpx project (a zip archive): " + archive.error().message,
                     SourceLocation{path});
  }
  auto bytes =
      ReadZipMember(archive->get(), path, member, {kMaxXmlBytes, "larger than 512 MiB", nullptr});
  if (!bytes) return tl::unexpected(bytes.error());
  if (!*bytes) {
    return MakeError("not a REFI-QDA project: the archive holds no " + member,
                     SourceLocation{path});
  }
  return std::move(**bytes);
}

}  // namespace

Result<RefiProject> ParseRefiProject(std::string_view xml, const std::string& name) {
  pugi::xml_document document;
  if (auto parsed = ParseXml(xml, name, &document); !parsed) return tl::unexpected(parsed.error());
  const pugi::xml_node root = document.document_element();
  if (!Is(root, "Project")) {
    return MakeError("not a REFI-QDA project: the root element is <" + std::string(root.name()) +
                         ">, not <Project>",
                     SourceLocation{name});
  }
  RefiProject project;
  if (auto read = ReadCodes(Child(Child(root, "CodeBook"), "Codes"), -1, name, &project.codes);
      !read) {
    return tl::unexpected(read.error());
  }
  std::unordered_map<std::string, int> by_guid;
  for (size_t i = 0; i < project.codes.size(); ++i) {
    by_guid.emplace(project.codes[i].guid, static_cast<int>(i));
  }
  for (pugi::xml_node node : Child(root, "Sources").children()) {
    if (node.type() != pugi::node_element) continue;
    RefiSource source;
    source.name = node.attribute("name").value();
    std::vector<std::string> guids;
    CollectCodeRefs(node, &guids);
    for (const std::string& guid : guids) {
      const auto found = by_guid.find(guid);
      if (found == by_guid.end()) {
        if (std::find(project.dangling_code_refs.begin(), project.dangling_code_refs.end(), guid) ==
            project.dangling_code_refs.end()) {
          project.dangling_code_refs.push_back(guid);
        }
        continue;
      }
      if (std::find(source.codes.begin(), source.codes.end(), found->second) ==
          source.codes.end()) {
        source.codes.push_back(found->second);
      }
    }
    project.sources.push_back(std::move(source));
  }
  return project;
}

Result<RefiProject> ReadQdpx(const std::string& path) {
  auto xml = ReadArchiveMember(path, "project.qde");
  if (!xml) return tl::unexpected(xml.error());
  return ParseRefiProject(*xml, path + "(project.qde)");
}

Result<std::vector<RefiCode>> ParseRefiCodebook(std::string_view xml, const std::string& name) {
  pugi::xml_document document;
  if (auto parsed = ParseXml(xml, name, &document); !parsed) return tl::unexpected(parsed.error());
  const pugi::xml_node root = document.document_element();
  if (!Is(root, "CodeBook")) {
    return MakeError("not a REFI-QDA codebook: the root element is <" + std::string(root.name()) +
                         ">, not <CodeBook>",
                     SourceLocation{name});
  }
  std::vector<RefiCode> codes;
  if (auto read = ReadCodes(Child(root, "Codes"), -1, name, &codes); !read) {
    return tl::unexpected(read.error());
  }
  return codes;
}

Result<std::vector<RefiCode>> ReadQdc(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return MakeError("cannot open", SourceLocation{path});
  std::ostringstream bytes;
  bytes << in.rdbuf();
  if (in.bad()) return MakeError("cannot read", SourceLocation{path});
  return ParseRefiCodebook(bytes.str(), path);
}

}  // namespace verbatim
