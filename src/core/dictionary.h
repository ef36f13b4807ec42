// A word-counting dictionary (quanteda, LIWC, WordStat), as its file wrote
// it, and its conversion to a codebook.
//
// Design: the three readers (io/input/dictionary_reader.h) fill one tree of
// categories holding entries as written; everything that depends on what
// verbatim can express (which wildcards, how deep, which ids) is decided once
// here, so the three formats lose the same things in the same words. What
// cannot be carried over is never dropped silently: it becomes a
// DictionaryNote, located in the dictionary file.
#ifndef VERBATIM_CORE_DICTIONARY_H_
#define VERBATIM_CORE_DICTIONARY_H_

#include <string>
#include <vector>

#include "core/codebook.h"
#include "core/normalizer.h"
#include "core/status.h"

namespace verbatim {

// One word or multi-word entry, as written (case kept; WordStat's '_'
// already read as a space; any weight already removed by the reader).
struct DictionaryEntry {
  std::string text;
  SourceLocation location;
};

struct DictionaryCategory {
  std::string name;  // As written; becomes the code's label.
  SourceLocation location;
  std::vector<DictionaryEntry> entries;
  std::vector<DictionaryCategory> children;  // Any depth.
};

// Something of the dictionary that the codebook does not carry, or carries
// differently: "weight (1) dropped", "'wom?n': '?' wildcard not carried".
struct DictionaryNote {
  SourceLocation location;  // Unknown line for notes about the whole file.
  std::string message;
};

struct Dictionary {
  std::vector<DictionaryCategory> categories;  // In file order.
  std::vector<DictionaryNote> notes;           // The readers' own, in file order.
};

struct DictionaryCodebookOptions {
  std::string id;                 // The codebook id. REQUIRES: [a-z0-9_]+.
  std::string language = "en";    // Default: "en".
  std::string description;        // Written as the codebook's description.
};

struct DictionaryCodebook {
  Codebook codebook;
  std::vector<DictionaryNote> notes;  // The reader's notes, then the conversion's.
};

// Builds the codebook:
//   - a top-level category becomes a theme; its own entries are theme
//     patterns;
//   - a second-level category becomes a subtheme "<theme>.<name>"; a deeper
//     category becomes a subtheme of its top-level theme whose name joins
//     the path below the theme ("NEED > ORALITY", id "need_orality"), with a
//     note, since verbatim has two levels;
//   - ids are the names folded by `normalizer` (lower case, no accents),
//     every run of other characters than [a-z0-9] made one '_'; an empty
//     slug becomes "category", and a slug taken by an earlier sibling, or a
//     theme id that is a column of the coded table (core/coded_columns.h),
//     gets "_2", "_3"… (with a note);
//   - an entry becomes a term (one word) or a phrase (several); a '*' at the
//     end of a word is a stem, as in verbatim; a '*' elsewhere, a '?', or
//     any of ( ) [ ] { } < > | \ ^ $ + = is not carried (note); a word
//     reduced to nothing by a '-*' ending ("fair-*") is carried as the words
//     before it, with a note (verbatim splits words at dashes);
//   - an entry that folds to the same text as an earlier one of the same
//     category is dropped (note);
//   - settings: negation off (negation_window 0), since a dictionary counts
//     words whatever stands around them; every other setting is the default.
// Never fails: a dictionary with no category gives a codebook with no code,
// which the checker reports. Thread-safe: reads its arguments only.
DictionaryCodebook DictionaryToCodebook(const Dictionary& dictionary,
                                        const DictionaryCodebookOptions& options,
                                        const Normalizer& normalizer);

// `name` as an id part: folded, [a-z0-9_]+, "" when nothing is left.
std::string SlugForId(const std::string& name, const Normalizer& normalizer);

}  // namespace verbatim

#endif  // VERBATIM_CORE_DICTIONARY_H_
