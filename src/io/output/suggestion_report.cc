#include "io/output/suggestion_report.h"

#include <fmt/format.h>

#include <vector>

#include "io/output/csv_writer.h"
#include "io/output/display_text.h"

namespace verbatim {
namespace {

// Columns of an answer's text shown beside its id.
constexpr size_t kExcerptWidth = 70;
// Ids quoted in a candidate's comment, per list.
constexpr size_t kCommentIds = 5;

std::string DoubleQuoted(std::string_view text) {
  std::string quoted = "\"";
  for (char c : text) {
    if (c == '"' || c == '\\') quoted += '\\';
    quoted += c;
  }
  return quoted + "\"";
}

// A YAML scalar: plain when it is a word YAML cannot read as anything but a
// string, else double-quoted.
std::string YamlScalar(std::string_view text) {
  static const char* const kReserved[] = {"y",     "n",  "yes", "no",   "true",
                                          "false", "on", "off", "null", "nan"};
  bool plain = !text.empty();
  for (size_t i = 0; i < text.size() && plain; ++i) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    const bool letter = (c >= 'a' && c <= 'z') || c >= 0x80;
    plain = letter || (i > 0 && ((c >= '0' && c <= '9') || c == '_'));
  }
  for (const char* reserved : kReserved) plain = plain && text != reserved;
  return plain ? std::string(text) : DoubleQuoted(text);
}

std::string DescribePattern(const Pattern& pattern) {
  if (pattern.kind == PatternKind::kNear) return pattern.source;
  return std::string(PatternKindName(pattern.kind)) + " '" + pattern.source + "'";
}

std::string JoinIds(std::span<const LabeledAnswer> answers, const std::vector<int>& indices,
                    size_t limit, std::string_view separator) {
  std::string out;
  for (size_t i = 0; i < indices.size() && i < limit; ++i) {
    if (i > 0) out += separator;
    out += answers[static_cast<size_t>(indices[i])].id;
  }
  if (indices.size() > limit) out += std::string(separator) + "…";
  return out;
}

std::string CandidateComment(std::span<const LabeledAnswer> answers,
                             const SuggestedPattern& suggested) {
  std::string comment =
      fmt::format("fixes {}, breaks {} (ids: {}", suggested.fixed.size(), suggested.broken.size(),
                  JoinIds(answers, suggested.fixed, kCommentIds, ", "));
  if (!suggested.broken.empty()) {
    comment += "; breaks: " + JoinIds(answers, suggested.broken, kCommentIds, ", ");
  }
  return comment + ")";
}

void WriteAnswerLine(std::ostream& out, const LabeledAnswer& answer) {
  out << "    " << answer.id << "  " << KeepHead(OneLine(answer.text), kExcerptWidth) << '\n';
}

void WriteCode(std::ostream& out, const CompiledCodebook& codebook,
               std::span<const LabeledAnswer> answers, const SuggestOptions& options,
               size_t labeled, const CodeSuggestions& code) {
  const Codebook& book = codebook.codebook();
  const CodeDefinition& definition = book.codes[static_cast<size_t>(code.code)];
  out << definition.id << "  " << definition.label << '\n';
  out << fmt::format("  labeled {}, tp {}, misses {}, wrong {}\n", labeled, code.true_positives,
                     code.missed.size(), code.wrong_count);

  if (!code.missed.empty()) {
    out << fmt::format("  missed ({}): the labels have it, the machine does not propose it\n",
                       code.missed.size());
    for (size_t i = 0; i < code.missed.size() && i < options.max_examples; ++i) {
      WriteAnswerLine(out, answers[static_cast<size_t>(code.missed[i])]);
    }
    if (code.missed.size() > options.max_examples) {
      out << fmt::format("    … and {} more\n", code.missed.size() - options.max_examples);
    }
  }
  if (code.wrong_count > 0) {
    out << fmt::format("  wrong ({}): the machine proposes it, the labels do not have it\n",
                       code.wrong_count);
    for (const WrongCoding& wrong : code.wrong) {
      WriteAnswerLine(out, answers[static_cast<size_t>(wrong.answer)]);
      for (const FiredPattern& fired : wrong.fired) {
        const CompiledPattern& compiled = codebook.patterns()[static_cast<size_t>(fired.pattern)];
        std::string line = "        " + DescribePattern(*compiled.pattern);
        if (compiled.code != code.code) line += " (" + book.codes[compiled.code].id + ")";
        line += "  " + FormatLocation(compiled.pattern->location);
        if (!fired.negation_cue.empty()) line += "  negated by '" + fired.negation_cue + "'";
        out << line << '\n';
      }
    }
    if (code.wrong_count > code.wrong.size()) {
      out << fmt::format("    … and {} more\n", code.wrong_count - code.wrong.size());
    }
  }

  if (!code.missed.empty()) {
    std::string scope;
    if (code.candidates_compiled < code.candidates_generated) {
      scope = fmt::format(" (the {} of {} generated from the most missed answers were counted)",
                          code.candidates_compiled, code.candidates_generated);
    }
    const std::string heading = fmt::format("  candidate patterns with at least {} fix{}",
                                            options.min_fixes, options.min_fixes == 1 ? "" : "es");
    if (code.candidates.empty()) {
      out << heading << ": none" << scope << '\n';
    } else {
      out << heading << scope << ":\n";
      for (const SuggestedPattern& suggested : code.candidates) {
        out << CandidateYaml(suggested.candidate, "      ", CandidateComment(answers, suggested));
      }
    }
  }

  if (!code.drops.empty()) {
    out << "  patterns to drop:\n";
    for (const PatternToDrop& drop : code.drops) {
      const Pattern& pattern = *codebook.patterns()[static_cast<size_t>(drop.pattern)].pattern;
      const std::string why = drop.reason == DropReason::kNeverFired
                                  ? fmt::format("never fired on {} labeled answers", labeled)
                                  : fmt::format("fired only where the labels disagree: {} answer{}",
                                                drop.answers, drop.answers == 1 ? "" : "s");
      out << "    " << DescribePattern(pattern) << "  " << FormatLocation(pattern.location) << "  "
          << why << '\n';
    }
  }
}

}  // namespace

std::string CandidateYaml(const CandidatePattern& candidate, std::string_view indent,
                          std::string_view comment) {
  const Pattern& pattern = candidate.pattern;
  std::string first = std::string(indent) + "- ";
  std::string second;
  switch (pattern.kind) {
    case PatternKind::kNear: {
      first += "near: [";
      for (size_t g = 0; g < pattern.groups.size(); ++g) {
        if (g > 0) first += ", ";
        first += "[";
        for (size_t i = 0; i < pattern.groups[g].size(); ++i) {
          if (i > 0) first += ", ";
          first += YamlScalar(pattern.groups[g][i]);
        }
        first += "]";
      }
      first += "]";
      second = fmt::format("{}  within: {}\n", indent, pattern.within);
      break;
    }
    case PatternKind::kPhrase:
      first += "phrase: " + DoubleQuoted(pattern.source);
      break;
    default:
      first += std::string(PatternKindName(pattern.kind)) + ": " + YamlScalar(pattern.source);
      break;
  }
  if (!comment.empty()) first += "   # " + std::string(comment);
  return first + "\n" + second;
}

void WriteSuggestionReport(std::ostream& out, const CompiledCodebook& codebook,
                           std::span<const LabeledAnswer> answers, const SuggestOptions& options,
                           const SuggestionReport& report) {
  const Codebook& book = codebook.codebook();
  out << fmt::format("{} labeled answers, codebook {} {}\n", report.labeled, book.info.id,
                     book.info.version);
  if (report.codes.empty()) {
    out << "every code agrees with the labels on every labeled answer, and every pattern fired "
           "where the labels have its code\n";
    return;
  }
  for (const CodeSuggestions& code : report.codes) {
    out << '\n';
    WriteCode(out, codebook, answers, options, report.labeled, code);
  }
}

void WriteSuggestionCsv(std::ostream& out, const CompiledCodebook& codebook,
                        std::span<const LabeledAnswer> answers, const SuggestionReport& report,
                        CsvDialect dialect) {
  WriteCsvPreamble(out, dialect);
  CsvWriter csv(out, CsvDelimiter(dialect));
  csv.WriteRow({"code", "kind", "pattern", "fixes", "breaks", "fixed_ids", "broken_ids"});
  for (const CodeSuggestions& code : report.codes) {
    for (const SuggestedPattern& suggested : code.candidates) {
      csv.WriteRow({codebook.codebook().codes[static_cast<size_t>(code.code)].id,
                    std::string(CandidateKindName(suggested.candidate.kind)),
                    suggested.candidate.pattern.source, std::to_string(suggested.fixed.size()),
                    std::to_string(suggested.broken.size()),
                    JoinIds(answers, suggested.fixed, suggested.fixed.size(), ";"),
                    JoinIds(answers, suggested.broken, suggested.broken.size(), ";")});
    }
  }
}

}  // namespace verbatim
