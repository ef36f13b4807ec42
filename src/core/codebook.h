// The codebook model: what an analyst wrote, before compilation.
//
// Design: codes are held in one flat vector in codebook order (each theme
// followed by its subthemes), so that every output that lists codes can walk
// it once and be deterministic. A subtheme knows its theme by index. The model
// is plain data: the YAML loader (io/input/codebook_loader.h) fills it, the checker
// and the compiler (core/compiled_codebook.h) read it.
#ifndef VERBATIM_CORE_CODEBOOK_H_
#define VERBATIM_CORE_CODEBOOK_H_

#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace verbatim {

enum class PatternKind { kTerm, kPhrase, kRegex, kNear };

// Stable names used in the YAML and in outputs: "term", "phrase", "regex", "near".
std::string_view PatternKindName(PatternKind kind);

struct Pattern {
  PatternKind kind = PatternKind::kTerm;
  // As written by the analyst: the term, phrase or regex. For kNear, a
  // display form such as "near([revalori*|hausse], [ccam]; 8)".
  std::string source;
  // kNear only: each group is a list of terms or phrases (plain strings,
  // a space makes a phrase); all groups must hit within `within` words.
  std::vector<std::vector<std::string>> groups;
  int within = 8;       // kNear only. Default: 8.
  double weight = 1.0;  // In (0, 1]. Default: 1.0.
  // Whether the codebook's typo tolerance (TypoSettings) applies to this
  // pattern's words. Default: true; `typos: false` in YAML turns it off.
  bool typos = true;
  // Include patterns only: codes (ids) whose firm presence on their own
  // evidence makes this pattern's hit yield: it is shown but neither counts
  // nor disputes. A generic reading gives way to a specific one: "la
  // consultation d'anesthésie payée une misère" is a technical act's price
  // only when no consultation demand explains it.
  std::vector<std::string> unless;
  SourceLocation unless_location;
  std::string note;
  SourceLocation location;  // Where the pattern is in the YAML.
};

enum class CodeLevel { kTheme, kSubtheme };

struct TextExample {
  std::string text;
  SourceLocation location;
};

struct CodeDefinition {
  std::string id;  // Subtheme ids are "<theme id>.<name>".
  std::string label;
  std::string description;
  std::string use_when;
  std::string not_when;
  CodeLevel level = CodeLevel::kTheme;
  int theme_index = -1;  // kSubtheme: index in Codebook::codes of its theme.
  std::vector<Pattern> patterns;    // Include patterns.
  std::vector<Pattern> exclusions;  // Wording that contradicts the code.
  std::vector<TextExample> examples;         // Must get this code.
  std::vector<TextExample> counterexamples;  // Must not get it.
  SourceLocation location;
};

struct CodebookInfo {
  std::string id;
  SourceLocation id_location;  // Of the id's value; unknown when absent.
  std::string version;
  std::string language;
  std::string question;
  std::string description;
};

struct CodingSettings {
  double threshold = 1.0;             // Default: 1.0. Sum of weights for a firm code.
  int review_uncoded_min_words = 8;   // Default: 8.
  // Send an answer coded with a theme alone (firm theme evidence, none of
  // its subthemes) to review as theme_alone. Default: false.
  bool review_theme_alone = false;
  // Send an answer that would be counted to review as dismissal when one of
  // NegationSettings::after_sentence's dismissals of two words or more
  // stands after its first hit, in any sentence ("Revaloriser les FT ?
  // Génial. Pas la priorité."): writers who reject an idea often name it
  // in one sentence and dismiss it in the next. Default: false.
  bool review_dismissals = false;
  int negation_window = 4;            // Default: 4 words.
  // Where each value was written, for the checker's messages; unknown (empty
  // file, line 0) when the value is a default.
  SourceLocation threshold_location;
  SourceLocation review_uncoded_min_words_location;
  SourceLocation review_theme_alone_location;
  SourceLocation review_dismissals_location;
  SourceLocation negation_window_location;
};

// Negation cues, already in the normalizer's vocabulary is not required: the
// compiler normalizes them. Empty lists mean "use the defaults"
// (DefaultNegationSettings()).
struct NegationSettings {
  std::vector<std::string> before;         // Cues looked for before a hit.
  std::vector<std::string> after;          // Cues looked for after a hit.
  // Judgements that dismiss what precedes them anywhere after it in the
  // same sentence, past commas and colons ("la CCAM, franchement, c'est
  // secondaire"): kept apart from `after`, whose cues ("ne sert à rien")
  // past a comma often judge something else ("l'OPTAM doit être revu, tel
  // quel il ne sert à rien"). Built-in list: empty.
  std::vector<std::string> after_sentence;
  std::vector<std::string> clause_breaks;  // Words that end a clause.
  // Fixed phrases in which a cue word negates nothing ("lutte contre",
  // "contre-indication", "sans doute"): a cue that lies wholly inside an
  // occurrence of one of them is not a cue. Matched on normalized words, in
  // order, with no clause punctuation between them; a word ending in '*' is
  // a stem ("lutt* contre" finds "luttons contre").
  std::vector<std::string> fixed_phrases;
};

// The built-in French cue lists and fixed phrases. In YAML, analysts may
// replace any list, or add cues to it and remove cues from it.
NegationSettings DefaultNegationSettings();

// An abbreviation or synonym declared once for the whole codebook: every
// term, phrase and near item that uses one of `meanings` also finds `word`
// in its place ("dp" for "depassement*"). See core/vocabulary.h.
struct WordAlias {
  std::string word;                   // As written by the analyst: one word.
  std::vector<std::string> meanings;  // Terms or phrases, as in patterns.
  SourceLocation location;
};

// Tolerance of misspelt words in answers (core/vocabulary.h). Off unless a
// codebook turns it on.
struct TypoSettings {
  bool enabled = false;     // Default: false.
  int one_edit_from = 6;    // Default: 6. Pattern words of this many letters
                            // or more match a word one edit away.
  int two_edits_from = 10;  // Default: 10. Two edits from this many letters.
  // Answer words never taken for a misspelling: real words that happen to be
  // close to a pattern word ("horaires" and "honoraires").
  std::vector<std::string> never;
  SourceLocation location;  // Of the `typos` key; unknown when absent.
};

struct CodeConflict {
  std::string first;
  std::string second;
  SourceLocation location;
};

struct Codebook {
  std::string path;  // The file it was loaded from, for messages.
  CodebookInfo info;
  CodingSettings settings;
  NegationSettings negation;
  std::vector<CodeDefinition> codes;  // Codebook order: theme, its subthemes, next theme…
  std::vector<CodeConflict> conflicts;
  std::vector<WordAlias> aliases;
  TypoSettings typos;
  // The domain's vocabulary (terms and phrases, no code of their own): when
  // not empty, an answer with no code goes to review only when one of these
  // hits it (core/coder.h); off-topic answers stay uncoded.
  std::vector<Pattern> domain;

  // Index in `codes` of the code with this id, or -1.
  int FindCode(std::string_view id) const;
};

}  // namespace verbatim

#endif  // VERBATIM_CORE_CODEBOOK_H_
