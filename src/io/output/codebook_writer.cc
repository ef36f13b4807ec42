#include "io/output/codebook_writer.h"

#include <fmt/format.h>

namespace verbatim {
namespace {

bool IsPlain(const Pattern& pattern) {
  return (pattern.kind == PatternKind::kTerm || pattern.kind == PatternKind::kPhrase) &&
         pattern.weight == 1.0 && pattern.typos && pattern.unless.empty() && pattern.note.empty() &&
         // A plain string is a phrase exactly when it holds a space.
         ((pattern.kind == PatternKind::kPhrase) == (pattern.source.find(' ') != std::string::npos));
}

void WritePattern(const Pattern& pattern, const std::string& indent, std::ostream& out) {
  if (IsPlain(pattern)) {
    out << indent << "- " << YamlQuoted(pattern.source) << '\n';
    return;
  }
  if (pattern.kind == PatternKind::kNear) {
    out << indent << "- near: [";
    for (size_t g = 0; g < pattern.groups.size(); ++g) {
      out << (g > 0 ? ", [" : "[");
      for (size_t i = 0; i < pattern.groups[g].size(); ++i) {
        out << (i > 0 ? ", " : "") << YamlQuoted(pattern.groups[g][i]);
      }
      out << "]";
    }
    out << "]\n" << indent << "  within: " << pattern.within << '\n';
  } else {
    out << indent << "- " << PatternKindName(pattern.kind) << ": " << YamlQuoted(pattern.source)
        << '\n';
  }
  if (pattern.weight != 1.0) out << indent << "  weight: " << fmt::format("{}", pattern.weight) << '\n';
  if (!pattern.typos) out << indent << "  typos: false\n";
  if (!pattern.unless.empty()) {
    out << indent << "  unless: [";
    for (size_t i = 0; i < pattern.unless.size(); ++i) {
      out << (i > 0 ? ", " : "") << YamlQuoted(pattern.unless[i]);
    }
    out << "]\n";
  }
  if (!pattern.note.empty()) out << indent << "  note: " << YamlQuoted(pattern.note) << '\n';
}

void WritePatterns(const char* key, const std::vector<Pattern>& patterns, const std::string& indent,
                   std::ostream& out) {
  if (patterns.empty()) return;
  out << indent << key << ":\n";
  for (const Pattern& pattern : patterns) WritePattern(pattern, indent + "  ", out);
}

void WriteTexts(const char* key, const std::vector<TextExample>& texts, const std::string& indent,
                std::ostream& out) {
  if (texts.empty()) return;
  out << indent << key << ":\n";
  for (const TextExample& text : texts) out << indent << "  - " << YamlQuoted(text.text) << '\n';
}

// `indent` is the column of "- id:"; the keys below it are two further in.
void WriteCode(const CodeDefinition& code, const std::string& indent, std::ostream& out) {
  const std::string keys = indent + "  ";
  out << indent << "- id: " << YamlQuoted(code.id) << '\n';
  out << keys << "label: " << YamlQuoted(code.label) << '\n';
  if (!code.description.empty()) out << keys << "description: " << YamlQuoted(code.description) << '\n';
  if (!code.use_when.empty()) out << keys << "use_when: " << YamlQuoted(code.use_when) << '\n';
  if (!code.not_when.empty()) out << keys << "not_when: " << YamlQuoted(code.not_when) << '\n';
  WritePatterns("patterns", code.patterns, keys, out);
  WritePatterns("exclude", code.exclusions, keys, out);
  WriteTexts("examples", code.examples, keys, out);
  WriteTexts("counterexamples", code.counterexamples, keys, out);
}

}  // namespace

std::string YamlQuoted(std::string_view text) {
  std::string out = "\"";
  for (char c : text) {
    const unsigned char byte = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\t') {
      out += "\\t";
    } else if (byte < 0x20 || byte == 0x7F) {
      out += fmt::format("\\x{:02X}", byte);
    } else {
      out += c;
    }
  }
  return out + "\"";
}

void WriteCodebookYaml(const Codebook& codebook, const std::vector<std::string>& comments,
                       std::ostream& out) {
  for (std::string comment : comments) {
    for (char& c : comment) {
      if (c == '\n' || c == '\r') c = ' ';
    }
    out << (comment.empty() ? "#" : "# " + comment) << '\n';
  }
  if (!comments.empty()) out << '\n';
  const CodebookInfo& info = codebook.info;
  out << "codebook:\n";
  out << "  id: " << YamlQuoted(info.id) << '\n';
  out << "  version: " << YamlQuoted(info.version) << '\n';
  out << "  language: " << YamlQuoted(info.language) << '\n';
  if (!info.question.empty()) out << "  question: " << YamlQuoted(info.question) << '\n';
  if (!info.description.empty()) out << "  description: " << YamlQuoted(info.description) << '\n';
  out << "\nsettings:\n";
  out << "  threshold: " << fmt::format("{}", codebook.settings.threshold) << '\n';
  out << "  review_uncoded_min_words: " << codebook.settings.review_uncoded_min_words << '\n';
  if (codebook.settings.review_theme_alone) out << "  review_theme_alone: true\n";
  if (codebook.settings.review_dismissals) out << "  review_dismissals: true\n";
  out << "  negation_window: " << codebook.settings.negation_window << '\n';
  out << "\nthemes:\n";
  for (size_t i = 0; i < codebook.codes.size(); ++i) {
    const CodeDefinition& code = codebook.codes[i];
    if (code.level != CodeLevel::kTheme) continue;
    WriteCode(code, "  ", out);
    bool opened = false;
    for (size_t j = i + 1; j < codebook.codes.size(); ++j) {
      const CodeDefinition& sub = codebook.codes[j];
      if (sub.level != CodeLevel::kSubtheme || sub.theme_index != static_cast<int>(i)) continue;
      if (!opened) out << "    subthemes:\n";
      opened = true;
      WriteCode(sub, "      ", out);
    }
  }
}

}  // namespace verbatim
