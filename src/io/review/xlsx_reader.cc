#include "io/review/xlsx_reader.h"

#include <charconv>
#include <cstdint>
#include <memory>
#include <optional>
#include <pugixml.hpp>

#include "io/input/zip_member.h"

namespace verbatim {
namespace {

constexpr uint64_t kMaxPartBytes = 256ull << 20;
constexpr int kMaxColumns = 16384;
constexpr int kMaxRows = 1048576;

// Counts element starts ('<' then anything but '/', '?' or '!') in bytes
// fed piece by piece, so that a part over the budget is refused while it is
// being inflated, before it is parsed. Comments and CDATA may hold '<'
// too: counting them errs on the safe side, and no real writer does it.
class ElementCounter {
 public:
  void Feed(std::string_view bytes) {
    for (const char c : bytes) {
      if (after_open_ && c != '/' && c != '?' && c != '!') ++count_;
      after_open_ = c == '<';
    }
  }
  uint64_t count() const { return count_; }

 private:
  bool after_open_ = false;
  uint64_t count_ = 0;
};

std::string TooManyElements(std::string_view part) {
  return std::string(part) + ": more than " + std::to_string(kMaxXlsxPartElements) +
         " XML elements (the limit of a review sheet, about 200,000 answers)";
}

// A non-negative decimal number written with digits only (XML blanks
// around it allowed), or nullopt: "abc", "-1", "1e3" and numbers past
// 2^63 are not read as something else.
std::optional<uint64_t> ParseCount(std::string_view text) {
  const auto blank = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
  while (!text.empty() && blank(text.front())) text.remove_prefix(1);
  while (!text.empty() && blank(text.back())) text.remove_suffix(1);
  uint64_t value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || error != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

std::string_view LocalName(const char* name) {
  std::string_view view(name);
  const size_t colon = view.rfind(':');
  return colon == std::string_view::npos ? view : view.substr(colon + 1);
}

bool Is(const pugi::xml_node& node, std::string_view local) {
  return node.type() == pugi::node_element && LocalName(node.name()) == local;
}

pugi::xml_node Child(const pugi::xml_node& node, std::string_view local) {
  for (pugi::xml_node child : node.children()) {
    if (Is(child, local)) return child;
  }
  return {};
}

// The attribute with this local name (r:id, id…).
pugi::xml_attribute Attribute(const pugi::xml_node& node, std::string_view local) {
  for (pugi::xml_attribute attribute : node.attributes()) {
    if (LocalName(attribute.name()) == local) return attribute;
  }
  return {};
}

void AppendUtf8(uint32_t code_point, std::string* out) {
  if (code_point < 0x80) {
    *out += static_cast<char>(code_point);
  } else if (code_point < 0x800) {
    *out += static_cast<char>(0xC0 | (code_point >> 6));
    *out += static_cast<char>(0x80 | (code_point & 0x3F));
  } else {
    *out += static_cast<char>(0xE0 | (code_point >> 12));
    *out += static_cast<char>(0x80 | ((code_point >> 6) & 0x3F));
    *out += static_cast<char>(0x80 | (code_point & 0x3F));
  }
}

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// The text of a string item (<si> or <is>): its <t>, or its runs' <t>s,
// phonetic runs (<rPh>) left out.
std::string StringItemText(const pugi::xml_node& item) {
  std::string text;
  for (pugi::xml_node child : item.children()) {
    if (Is(child, "t")) {
      text += child.text().get();
    } else if (Is(child, "r")) {
      if (pugi::xml_node t = Child(child, "t")) text += t.text().get();
    }
  }
  return DecodeXlsxEscapes(text);
}

Result<std::unique_ptr<pugi::xml_document>> ParseXml(std::string_view xml, std::string_view part) {
  ElementCounter elements;
  elements.Feed(xml);
  if (elements.count() > kMaxXlsxPartElements) return MakeError(TooManyElements(part));
  auto document = std::make_unique<pugi::xml_document>();
  const pugi::xml_parse_result parsed = document->load_buffer(
      xml.data(), xml.size(), pugi::parse_default | pugi::parse_ws_pcdata, pugi::encoding_utf8);
  if (!parsed) {
    return MakeError(std::string(part) + ": not well-formed XML at byte " +
                     std::to_string(parsed.offset) + " (" + parsed.description() + ")");
  }
  return document;
}

// The part's bytes; an error "no part <name>" with *absent set when the
// package holds no such part.
Result<std::string> ReadPart(zip* archive, const std::string& path, const std::string& name,
                             bool* absent) {
  *absent = false;
  ElementCounter elements;
  ZipMemberLimit limit{kMaxPartBytes, "part larger than 256 MiB", [&](std::string_view chunk) {
                         elements.Feed(chunk);
                         return elements.count() > kMaxXlsxPartElements ? TooManyElements(name)
                                                                        : std::string();
                       }};
  auto bytes = ReadZipMember(archive, path, name, limit);
  if (!bytes) return tl::unexpected(bytes.error());
  if (!*bytes) {
    *absent = true;
    return MakeError("no part " + name, SourceLocation{path});
  }
  return std::move(**bytes);
}

// "worksheets/sheet1.xml" relative to xl/, or "/xl/worksheets/sheet1.xml".
std::string ResolveTarget(const std::string& target) {
  if (!target.empty() && target[0] == '/') return target.substr(1);
  return "xl/" + target;
}

}  // namespace

std::string DecodeXlsxEscapes(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '_' && i + 6 < text.size() && text[i + 1] == 'x' && text[i + 6] == '_') {
      uint32_t code_point = 0;
      bool hex = true;
      for (size_t k = i + 2; k < i + 6; ++k) {
        const int value = HexValue(text[k]);
        if (value < 0) hex = false;
        code_point = code_point * 16 + static_cast<uint32_t>(value < 0 ? 0 : value);
      }
      if (hex) {
        AppendUtf8(code_point, &out);
        i += 6;
        continue;
      }
    }
    out += text[i];
  }
  return out;
}

int XlsxColumnIndex(std::string_view reference) {
  int column = 0;
  size_t i = 0;
  for (; i < reference.size(); ++i) {
    char c = reference[i];
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    if (c < 'A' || c > 'Z') break;
    column = column * 26 + (c - 'A' + 1);
    if (column > kMaxColumns) return -1;
  }
  return i == 0 ? -1 : column - 1;
}

std::string XlsxColumnName(int column) {
  std::string name;
  for (int n = column + 1; n > 0; n = (n - 1) / 26) {
    name.insert(name.begin(), static_cast<char>('A' + (n - 1) % 26));
  }
  return name;
}

Result<std::vector<std::string>> ParseSharedStrings(std::string_view xml) {
  auto document = ParseXml(xml, "xl/sharedStrings.xml");
  if (!document) return tl::unexpected(document.error());
  std::vector<std::string> strings;
  const pugi::xml_node sst = (*document)->document_element();
  for (pugi::xml_node item : sst.children()) {
    if (Is(item, "si")) strings.push_back(StringItemText(item));
  }
  return strings;
}

Result<std::vector<XlsxRow>> ParseWorksheet(std::string_view xml,
                                            const std::vector<std::string>& shared_strings) {
  auto document = ParseXml(xml, "worksheet");
  if (!document) return tl::unexpected(document.error());
  const pugi::xml_node data = Child((*document)->document_element(), "sheetData");
  std::vector<XlsxRow> rows;
  int previous_row = 0;
  for (pugi::xml_node row_node : data.children()) {
    if (!Is(row_node, "row")) continue;
    XlsxRow row;
    if (const pugi::xml_attribute r = row_node.attribute("r")) {
      const std::optional<uint64_t> number = ParseCount(r.value());
      if (!number || *number <= static_cast<uint64_t>(previous_row) || *number > kMaxRows) {
        return MakeError("worksheet: row number '" + std::string(r.value()) +
                         "' out of order or out of range (rows go up from 1 to " +
                         std::to_string(kMaxRows) + ")");
      }
      row.number = static_cast<int>(*number);
    } else {
      row.number = previous_row + 1;
      if (row.number > kMaxRows) {
        return MakeError("worksheet: more than " + std::to_string(kMaxRows) + " rows");
      }
    }
    previous_row = row.number;
    int column = -1;
    for (pugi::xml_node cell_node : row_node.children()) {
      if (!Is(cell_node, "c")) continue;
      const pugi::xml_attribute reference = cell_node.attribute("r");
      column = reference ? XlsxColumnIndex(reference.value()) : column + 1;
      if (column < 0 || column >= kMaxColumns) {
        return MakeError("worksheet: bad cell reference '" + std::string(reference.value()) +
                         "' in row " + std::to_string(row.number));
      }
      XlsxCell cell;
      const std::string type = cell_node.attribute("t").value();
      const pugi::xml_node value = Child(cell_node, "v");
      if (pugi::xml_node formula = Child(cell_node, "f")) cell.formula = formula.text().get();
      if (type == "s") {
        const std::optional<uint64_t> index = ParseCount(value.text().get());
        if (!index || *index >= shared_strings.size()) {
          return MakeError("worksheet: cell " + XlsxColumnName(column) +
                           std::to_string(row.number) + " names shared string " +
                           std::string(value.text().get()) + ", which does not exist");
        }
        cell.value = shared_strings[static_cast<size_t>(*index)];
      } else if (type == "inlineStr") {
        cell.value = StringItemText(Child(cell_node, "is"));
      } else if (type == "b") {
        cell.value = std::string(value.text().get()) == "1" ? "TRUE" : "FALSE";
      } else {
        cell.value = DecodeXlsxEscapes(value.text().get());
        cell.error = type == "e";
      }
      if (static_cast<size_t>(column) >= row.cells.size()) row.cells.resize(column + 1);
      row.cells[column] = std::move(cell);
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

Result<std::string> ReadXlsxPart(const std::string& path, const std::string& part) {
  auto archive = OpenZipArchive(path);
  if (!archive) return MakeError("cannot open as an .xlsx workbook", SourceLocation{path, 0, 0});
  bool absent = false;
  auto bytes = ReadPart(archive->get(), path, part, &absent);
  if (!bytes) return MakeError(bytes.error().message, SourceLocation{path, 0, 0});
  return bytes;
}

Result<XlsxSheet> ReadXlsxSheet(const std::string& path, std::string_view sheet_name) {
  auto fail = [&](const std::string& message) {
    return MakeError(message, SourceLocation{path, 0, 0});
  };
  auto archive = OpenZipArchive(path);
  if (!archive) return fail("cannot open as an .xlsx workbook: " + archive.error().message);
  bool absent = false;
  auto workbook_xml = ReadPart(archive->get(), path, "xl/workbook.xml", &absent);
  if (!workbook_xml) return fail(absent ? "not an .xlsx workbook (no xl/workbook.xml)"
                                        : workbook_xml.error().message);
  auto workbook = ParseXml(*workbook_xml, "xl/workbook.xml");
  if (!workbook) return fail(workbook.error().message);
  auto rels_xml = ReadPart(archive->get(), path, "xl/_rels/workbook.xml.rels", &absent);
  if (!rels_xml) return fail(rels_xml.error().message);
  auto rels = ParseXml(*rels_xml, "xl/_rels/workbook.xml.rels");
  if (!rels) return fail(rels.error().message);

  std::string shared_target = "xl/sharedStrings.xml";
  for (pugi::xml_node rel : (*rels)->document_element().children()) {
    if (!Is(rel, "Relationship")) continue;
    const std::string type = rel.attribute("Type").value();
    if (type.ends_with("/sharedStrings")) shared_target = ResolveTarget(rel.attribute("Target").value());
  }

  XlsxSheet sheet;
  pugi::xml_node chosen;
  const pugi::xml_node sheets = Child((*workbook)->document_element(), "sheets");
  for (pugi::xml_node node : sheets.children()) {
    if (!Is(node, "sheet")) continue;
    if (!chosen) chosen = node;
    if (!sheet_name.empty() && sheet_name == node.attribute("name").value()) {
      chosen = node;
      break;
    }
  }
  const std::string relation = chosen ? Attribute(chosen, "id").value() : "";
  sheet.name = chosen.attribute("name").value();
  if (relation.empty()) return fail("the workbook has no worksheet");
  std::string sheet_target;
  for (pugi::xml_node rel : (*rels)->document_element().children()) {
    if (Is(rel, "Relationship") && relation == rel.attribute("Id").value()) {
      sheet_target = ResolveTarget(rel.attribute("Target").value());
    }
  }
  if (sheet_target.empty()) return fail("worksheet '" + sheet.name + "' has no part");

  std::vector<std::string> shared_strings;
  auto shared_xml = ReadPart(archive->get(), path, shared_target, &absent);
  if (shared_xml) {
    auto parsed = ParseSharedStrings(*shared_xml);
    if (!parsed) return fail(parsed.error().message);
    shared_strings = std::move(*parsed);
  } else if (!absent) {
    return fail(shared_xml.error().message);
  }
  auto sheet_xml = ReadPart(archive->get(), path, sheet_target, &absent);
  if (!sheet_xml) return fail(sheet_xml.error().message);
  auto rows = ParseWorksheet(*sheet_xml, shared_strings);
  if (!rows) return fail(sheet_target + ": " + rows.error().message);
  sheet.rows = std::move(*rows);
  return sheet;
}

}  // namespace verbatim
