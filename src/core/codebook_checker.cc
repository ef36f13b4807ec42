#include "core/codebook_checker.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <optional>
#include <string>

#include "core/coded_columns.h"
#include "core/fuzzy_words.h"
#include "core/pattern_compiler.h"
#include "core/stopwords.h"
#include "core/suggest.h"

namespace verbatim {
namespace {

constexpr int kMinWithin = 1;
constexpr int kMaxWithin = 50;
constexpr double kMaxThreshold = 10.0;
constexpr int kMaxNegationWindow = 20;
// Shorter words are too easily one edit from another real word.
constexpr int kMinTypoLetters = 4;

// Shortest round-trip form: 1.5, not 1.500000.
std::string FormatNumber(double value) {
  char buffer[64];
  const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
  return std::string(buffer, result.ptr);
}

bool IsBlank(std::string_view text) {
  return text.find_first_not_of(" \t\r\n") == std::string_view::npos;
}

// [a-z0-9_]+
bool IsIdPart(std::string_view part) {
  return !part.empty() && std::all_of(part.begin(), part.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
  });
}

std::string Describe(const CodeDefinition& code) {
  return std::string(code.level == CodeLevel::kTheme ? "theme" : "subtheme") + " '" + code.id +
         "'";
}

// "term 'ccam'"; a near pattern's source already says what it is.
std::string Describe(const Pattern& pattern) {
  if (pattern.kind == PatternKind::kNear) return pattern.source;
  return std::string(PatternKindName(pattern.kind)) + " '" + pattern.source + "'";
}

// Values built in code rather than read from a file have no location;
// their messages still name the codebook.
SourceLocation LocationIn(const Codebook& codebook, const SourceLocation& location) {
  return location.file.empty() ? SourceLocation{codebook.path} : location;
}

// The phrase's one content word when it has one and it is short or a
// stopword (FindLoosePhrases), else null.
std::optional<std::string> LooseWord(const std::string& phrase) {
  std::string lower = phrase;
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  const std::vector<PatternWord> words = SplitPatternWords(lower);
  const PatternWord* content = nullptr;
  int content_words = 0;
  for (const PatternWord& word : words) {
    if (word.stem || !IsPhraseFunctionWord(word.text)) {
      content = &word;
      ++content_words;
    }
  }
  if (content_words != 1 || words.size() < 2 || content->stem) return std::nullopt;
  if (content->text.size() > 4 && !IsStopword(content->text)) return std::nullopt;
  return content->text;
}

class Checker {
 public:
  explicit Checker(const Codebook& codebook) : codebook_(codebook) {}

  std::vector<Diagnostic> Run() {
    CheckCodebookId();
    CheckSettings();
    if (codebook_.codes.empty()) Error({}, "the codebook has no themes");
    for (size_t i = 0; i < codebook_.codes.size(); ++i) CheckCode(i);
    for (const CodeConflict& conflict : codebook_.conflicts) CheckConflict(conflict);
    CheckAliases();
    CheckTypos();
    for (const Pattern& pattern : codebook_.domain) {
      if (pattern.kind != PatternKind::kTerm && pattern.kind != PatternKind::kPhrase) {
        Error(pattern.location, "the domain list takes terms and phrases only, not " +
                                    Describe(pattern));
      } else {
        CheckPattern(pattern);
      }
    }
    SortByLocation(&diagnostics_);
    return std::move(diagnostics_);
  }

 private:
  SourceLocation Where(const SourceLocation& location) const {
    return LocationIn(codebook_, location);
  }

  void Error(const SourceLocation& location, std::string message) {
    diagnostics_.push_back({Severity::kError, Where(location), std::move(message)});
  }

  void Warn(const SourceLocation& location, std::string message) {
    diagnostics_.push_back({Severity::kWarning, Where(location), std::move(message)});
  }

  // Like a code id: it names the codebook in run.json, decisions.csv and
  // file names, where quotes, commas, newlines or a formula do harm.
  void CheckCodebookId() {
    const std::string& id = codebook_.info.id;
    if (id.empty()) return;  // The loader reports a missing id.
    bool valid = true;
    for (size_t start = 0; start <= id.size();) {
      const size_t dot = std::min(id.find('.', start), id.size());
      if (!IsIdPart(std::string_view(id).substr(start, dot - start))) valid = false;
      start = dot + 1;
    }
    if (!valid) {
      Error(codebook_.info.id_location,
            "invalid codebook id '" + id +
                "': use lower-case letters, digits and '_' (parts may be joined by '.'), as in "
                "code ids");
    }
  }

  void CheckSettings() {
    const CodingSettings& settings = codebook_.settings;
    if (!(settings.threshold > 0 && settings.threshold <= kMaxThreshold)) {
      Error(settings.threshold_location,
            "threshold " + FormatNumber(settings.threshold) + " is outside (0, 10]");
    }
    if (settings.review_uncoded_min_words < 1) {
      Error(settings.review_uncoded_min_words_location,
            "review_uncoded_min_words " + std::to_string(settings.review_uncoded_min_words) +
                " must be at least 1");
    }
    if (settings.review_dismissals && codebook_.negation.after_sentence.empty()) {
      Warn(settings.review_dismissals_location,
           "review_dismissals is on but negation.after_sentence lists no dismissal, so no "
           "answer goes to review as dismissal");
    }
    if (settings.negation_window < 0 || settings.negation_window > kMaxNegationWindow) {
      Error(settings.negation_window_location,
            "negation_window " + std::to_string(settings.negation_window) +
                " is outside [0, 20]");
    }
  }

  void CheckCode(size_t index) {
    const CodeDefinition& code = codebook_.codes[index];
    CheckId(index);
    if (IsBlank(code.label)) Error(code.location, Describe(code) + " has no label");
    CheckPatterns(code.patterns);
    CheckPatterns(code.exclusions);
    for (const Pattern& pattern : code.patterns) CheckUnless(index, pattern);
    for (const Pattern& pattern : code.exclusions) {
      if (!pattern.unless.empty()) {
        Error(pattern.unless_location,
              "'unless' applies to include patterns only: an exclusion disputes the code "
              "whatever else the answer holds");
      }
    }
    if (code.level == CodeLevel::kSubtheme && code.patterns.empty()) {
      Warn(code.location, Describe(code) + " has no pattern, so no answer can get it");
    }
    if (code.level == CodeLevel::kTheme && code.patterns.empty() && !HasSubthemes(index)) {
      Warn(code.location,
           Describe(code) + " has no pattern and no subtheme, so no answer can get it");
    }
  }

  // The codes a pattern yields to exist, are not its own code, its theme or
  // its subtheme (one is implied by the other: the hit would never count).
  void CheckUnless(size_t index, const Pattern& pattern) {
    const CodeDefinition& code = codebook_.codes[index];
    for (const std::string& id : pattern.unless) {
      const int other = codebook_.FindCode(id);
      if (other < 0) {
        std::string message = "unless names unknown code '" + id + "'";
        const std::string suggestion = SuggestClosest(id, CodeIds());
        if (!suggestion.empty()) message += "; did you mean '" + suggestion + "'?";
        Error(pattern.unless_location, std::move(message));
        continue;
      }
      const CodeDefinition& named = codebook_.codes[other];
      const bool related = static_cast<size_t>(other) == index ||
                           named.theme_index == static_cast<int>(index) ||
                           code.theme_index == other;
      if (related) {
        Error(pattern.unless_location,
              "unless names '" + id + "', which is " +
                  (static_cast<size_t>(other) == index ? std::string("this pattern's own code")
                                                       : "this code's theme or subtheme") +
                  ": yield to a code beside it");
      }
    }
  }

  bool HasSubthemes(size_t theme_index) const {
    return theme_index + 1 < codebook_.codes.size() &&
           codebook_.codes[theme_index + 1].theme_index == static_cast<int>(theme_index);
  }

  void CheckId(size_t index) {
    const CodeDefinition& code = codebook_.codes[index];
    const char* level = code.level == CodeLevel::kTheme ? "theme" : "subtheme";
    if (code.id.empty()) {
      Error(code.location, std::string("empty ") + level + " id");
      return;
    }
    const int first = codebook_.FindCode(code.id);
    if (first >= 0 && static_cast<size_t>(first) < index) {
      Error(code.location, "duplicate code id '" + code.id + "' (first defined at " +
                               FormatLocation(codebook_.codes[first].location) + ")");
    }
    if (code.level == CodeLevel::kTheme) {
      if (!IsIdPart(code.id)) {
        Error(code.location, "invalid theme id '" + code.id +
                                 "': use lower-case letters, digits and '_'");
      } else if (IsCodedTableColumn(code.id)) {
        Error(code.location, "theme id '" + code.id +
                                 "' is the name of one of coded.csv's own columns; the reserved "
                                 "names are " +
                                 CodedTableColumnList());
      }
      return;
    }
    if (code.theme_index < 0 || static_cast<size_t>(code.theme_index) >= codebook_.codes.size()) {
      return;
    }
    const std::string prefix = codebook_.codes[code.theme_index].id + ".";
    if (code.id.compare(0, prefix.size(), prefix) != 0) {
      Error(code.location, "subtheme id '" + code.id + "' must start with its theme's id: '" +
                               prefix + "'");
    } else if (!IsIdPart(std::string_view(code.id).substr(prefix.size()))) {
      Error(code.location, "invalid subtheme id '" + code.id + "': after '" + prefix +
                               "' use lower-case letters, digits and '_'");
    }
  }

  void CheckPatterns(const std::vector<Pattern>& patterns) {
    for (const Pattern& pattern : patterns) CheckPattern(pattern);
  }

  void CheckPattern(const Pattern& pattern) {
    if (!(pattern.weight > 0 && pattern.weight <= 1)) {
      Error(pattern.location, "weight " + FormatNumber(pattern.weight) + " of " +
                                  Describe(pattern) + " is outside (0, 1]");
    }
    if (pattern.kind != PatternKind::kNear) {
      if (IsBlank(pattern.source)) Error(pattern.location, "empty pattern");
      return;
    }
    if (pattern.within < kMinWithin || pattern.within > kMaxWithin) {
      Error(pattern.location, "within " + std::to_string(pattern.within) + " of " +
                                  Describe(pattern) + " is outside [1, 50]");
    }
    if (pattern.groups.size() < 2) {
      Error(pattern.location, Describe(pattern) + " needs at least 2 groups, has " +
                                  std::to_string(pattern.groups.size()));
    }
    for (size_t g = 0; g < pattern.groups.size(); ++g) {
      const std::vector<std::string>& group = pattern.groups[g];
      if (group.empty()) {
        Error(pattern.location, Describe(pattern) + " has an empty group (group " +
                                    std::to_string(g + 1) + ")");
      } else if (std::any_of(group.begin(), group.end(), IsBlank)) {
        Error(pattern.location,
              Describe(pattern) + " has an empty term in group " + std::to_string(g + 1));
      }
    }
  }

  void CheckAliases() {
    std::vector<std::string> seen;
    for (const WordAlias& alias : codebook_.aliases) {
      const std::string& word = alias.word;
      if (IsBlank(word) || word.find_first_of(" \t*'-") != std::string::npos) {
        Error(alias.location, "alias '" + word +
                                  "' must be one word (no space, dash, apostrophe or '*'): "
                                  "it stands for what respondents type");
        continue;
      }
      std::string lower = word;
      std::transform(lower.begin(), lower.end(), lower.begin(),
                     [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
      if (IsPhraseFunctionWord(lower)) {
        Error(alias.location, "alias '" + word +
                                  "' is a function word that phrases skip: it cannot stand for "
                                  "another word");
      }
      if (std::find(seen.begin(), seen.end(), lower) != seen.end()) {
        Error(alias.location, "duplicate alias '" + word + "'");
      }
      seen.push_back(lower);
      if (alias.meanings.empty() || std::all_of(alias.meanings.begin(), alias.meanings.end(), IsBlank)) {
        Error(alias.location, "alias '" + word + "' has no meaning: write the words it stands for");
      }
    }
  }

  void CheckTypos() {
    const TypoSettings& typos = codebook_.typos;
    if (typos.one_edit_from < kMinTypoLetters || typos.one_edit_from > kMaxFuzzyWordBytes) {
      Error(typos.location, "typos: one_edit_from " + std::to_string(typos.one_edit_from) +
                                " is outside [" + std::to_string(kMinTypoLetters) + ", " +
                                std::to_string(kMaxFuzzyWordBytes) + "]");
    }
    if (typos.two_edits_from <= typos.one_edit_from || typos.two_edits_from > kMaxFuzzyWordBytes + 1) {
      Error(typos.location, "typos: two_edits_from " + std::to_string(typos.two_edits_from) +
                                " must be above one_edit_from (" +
                                std::to_string(typos.one_edit_from) + ") and at most " +
                                std::to_string(kMaxFuzzyWordBytes + 1) + " (never)");
    }
  }

  void CheckConflict(const CodeConflict& conflict) {
    for (const std::string* id : {&conflict.first, &conflict.second}) {
      if (codebook_.FindCode(*id) >= 0) continue;
      std::string message = "conflict names unknown code '" + *id + "'";
      const std::string suggestion = SuggestClosest(*id, CodeIds());
      if (!suggestion.empty()) message += "; did you mean '" + suggestion + "'?";
      Error(conflict.location, std::move(message));
    }
    if (conflict.first == conflict.second) {
      Error(conflict.location, "conflict names '" + conflict.first + "' twice");
    }
  }

  const std::vector<std::string>& CodeIds() {
    if (code_ids_.empty()) {
      for (const CodeDefinition& code : codebook_.codes) code_ids_.push_back(code.id);
    }
    return code_ids_;
  }

  const Codebook& codebook_;
  std::vector<Diagnostic> diagnostics_;
  std::vector<std::string> code_ids_;  // Built on first need.
};

}  // namespace

std::vector<Diagnostic> CheckCodebook(const Codebook& codebook) {
  return Checker(codebook).Run();
}

std::vector<Diagnostic> FindLoosePhrases(const Codebook& codebook) {
  std::vector<Diagnostic> warnings;
  auto check = [&](const Pattern& pattern, const std::string& phrase) {
    const std::optional<std::string> word = LooseWord(phrase);
    if (!word) return;
    warnings.push_back(
        {Severity::kWarning, LocationIn(codebook, pattern.location),
         "phrase '" + phrase + "'" +
             (pattern.kind == PatternKind::kNear ? " in " + Describe(pattern) : std::string()) +
             " finds '" + *word +
             "' alone: a phrase's small function words (de, la, sa, pour…) are optional; "
             "add the word that makes the meaning, or write a regex to require them"});
  };
  auto check_all = [&](const std::vector<Pattern>& patterns) {
    for (const Pattern& pattern : patterns) {
      if (pattern.kind == PatternKind::kPhrase) check(pattern, pattern.source);
      if (pattern.kind != PatternKind::kNear) continue;
      for (const std::vector<std::string>& group : pattern.groups) {
        for (const std::string& item : group) {
          if (item.find(' ') != std::string::npos) check(pattern, item);
        }
      }
    }
  };
  for (const CodeDefinition& code : codebook.codes) {
    check_all(code.patterns);
    check_all(code.exclusions);
  }
  check_all(codebook.domain);
  SortByLocation(&warnings);
  return warnings;
}

}  // namespace verbatim
