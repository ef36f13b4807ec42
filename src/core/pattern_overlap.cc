#include "core/pattern_overlap.h"

#include <algorithm>
#include <charconv>
#include <string>
#include <unordered_map>

#include "core/compiled_codebook.h"
#include "core/pattern_compiler.h"

namespace verbatim {
namespace {

// One term or phrase as the compiler sees it: the words it keeps and how
// they are joined.
struct WordSequence {
  std::vector<PatternWord> words;
  WordJoin join = WordJoin::kStrict;
};

struct Entry {
  int code = -1;
  PatternRole role = PatternRole::kInclude;
  const Pattern* pattern = nullptr;
  std::vector<std::string> sources;
  WordSequence words;  // Term or phrase only.
};

WordSequence SequenceOf(const std::string& written, WordJoin join, const Normalizer& normalizer) {
  WordSequence sequence;
  sequence.join = join;
  sequence.words = EffectiveWords(SplitPatternWords(normalizer.Normalize(written)), &sequence.join);
  return sequence;
}

Entry MakeEntry(int code, PatternRole role, const Pattern& pattern, const Normalizer& normalizer) {
  Entry entry;
  entry.code = code;
  entry.role = role;
  entry.pattern = &pattern;
  entry.sources = PatternRegexSources(pattern, normalizer);
  if (pattern.kind == PatternKind::kTerm || pattern.kind == PatternKind::kPhrase) {
    const WordJoin join =
        pattern.kind == PatternKind::kTerm ? WordJoin::kStrict : WordJoin::kPhrase;
    entry.words = SequenceOf(pattern.source, join, normalizer);
  }
  return entry;
}

bool Compiles(const Entry& entry) {
  return !entry.sources.empty() &&
         std::none_of(entry.sources.begin(), entry.sources.end(),
                      [](const std::string& source) { return source.empty(); });
}

// Equal for two entries exactly when SameRegexes holds: near or not, the
// `within` of a near pattern, and the sources, each prefixed with its length
// so that no two lists of sources give the same key.
std::string RegexKey(const Entry& entry) {
  std::string key;
  if (entry.pattern->kind == PatternKind::kNear) {
    key = "n" + std::to_string(entry.pattern->within);
  }
  key += ';';
  for (const std::string& source : entry.sources) {
    key += std::to_string(source.size());
    key += ':';
    key += source;
  }
  return key;
}

bool SameRegexes(const Entry& a, const Entry& b) {
  const bool a_near = a.pattern->kind == PatternKind::kNear;
  const bool b_near = b.pattern->kind == PatternKind::kNear;
  if (a_near != b_near) return false;
  if (a_near && a.pattern->within != b.pattern->within) return false;
  return a.sources == b.sources;
}

// Every word `narrow` matches, `broad` matches.
bool WordCovers(const PatternWord& broad, const PatternWord& narrow) {
  if (broad.stem) return narrow.text.compare(0, broad.text.size(), broad.text) == 0;
  return !narrow.stem && narrow.text == broad.text;
}

// Every text `narrow` matches, `broad` matches.
bool SequenceCovers(const WordSequence& broad, const WordSequence& narrow) {
  if (broad.words.empty() || narrow.words.empty()) return false;
  // Only a covered first word: then both hits start at the same word and
  // see the same negation cues before them. A covered word further in (the
  // stem `revalori*` in the phrase "pas de revalorisation") is a different
  // case: a cue inside the narrower pattern negates the broader one only.
  if (broad.words.size() == 1) return WordCovers(broad.words[0], narrow.words[0]);
  if (broad.words.size() != narrow.words.size()) return false;
  if (broad.join == WordJoin::kStrict && narrow.join == WordJoin::kPhrase) return false;
  for (size_t i = 0; i < broad.words.size(); ++i) {
    if (!WordCovers(broad.words[i], narrow.words[i])) return false;
  }
  return true;
}

bool Covers(const Entry& broad, const Entry& narrow) {
  const auto is_words = [](const Entry& entry) {
    return entry.pattern->kind == PatternKind::kTerm || entry.pattern->kind == PatternKind::kPhrase;
  };
  if (!is_words(broad) || !is_words(narrow)) return false;
  return SequenceCovers(broad.words, narrow.words);
}

std::string FormatNumber(double value) {
  char buffer[64];
  const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
  return std::string(buffer, result.ptr);
}

class OverlapFinder {
 public:
  OverlapFinder(const Codebook& codebook, const Normalizer& normalizer) : codebook_(codebook) {
    for (size_t code = 0; code < codebook.codes.size(); ++code) {
      const CodeDefinition& definition = codebook.codes[code];
      for (const Pattern& pattern : definition.patterns) {
        Add(MakeEntry(static_cast<int>(code), PatternRole::kInclude, pattern, normalizer));
      }
      for (const Pattern& pattern : definition.exclusions) {
        Add(MakeEntry(static_cast<int>(code), PatternRole::kExclude, pattern, normalizer));
      }
    }
  }

  // Linear in the number of patterns (times the patterns of one code for
  // shadows): a generated codebook has tens of thousands, and comparing each
  // pattern with every other took minutes.
  std::vector<Diagnostic> Run() {
    for (size_t i = 0; i < entries_.size(); ++i) {
      if (!ReportDuplicate(i)) ReportShadow(i);
    }
    SortByLocation(&diagnostics_);
    return std::move(diagnostics_);
  }

 private:
  // Entries are added code by code, so that those of one code are the
  // contiguous range code_begin_[code] .. code_end_[code].
  void Add(Entry entry) {
    if (!Compiles(entry)) return;
    const size_t code = static_cast<size_t>(entry.code);
    if (code >= code_begin_.size()) {
      code_begin_.resize(code + 1, entries_.size());
      code_end_.resize(code + 1, entries_.size());
    }
    entries_.push_back(std::move(entry));
    code_end_[code] = entries_.size();
  }

  // "term 'ccam'", "exclusion phrase 'baisse de la ccam'".
  static std::string Describe(const Entry& entry) {
    std::string out = entry.role == PatternRole::kExclude ? "exclusion " : "";
    if (entry.pattern->kind == PatternKind::kNear) return out + entry.pattern->source;
    return out + std::string(PatternKindName(entry.pattern->kind)) + " '" + entry.pattern->source +
           "'";
  }

  const std::string& CodeId(const Entry& entry) const { return codebook_.codes[entry.code].id; }

  std::string Where(const Entry& entry) const {
    const SourceLocation& location = entry.pattern->location;
    return FormatLocation(location.file.empty() ? SourceLocation{codebook_.path} : location);
  }

  void Warn(const Entry& entry, std::string message) {
    SourceLocation location = entry.pattern->location;
    if (location.file.empty()) location = SourceLocation{codebook_.path};
    diagnostics_.push_back({Severity::kWarning, std::move(location), std::move(message)});
  }

  // The first earlier entry with the same regexes that is of the same code,
  // or an include when this one is an include, found through the earlier
  // entries' first occurrences by key instead of a scan of all of them.
  bool ReportDuplicate(size_t index) {
    const Entry& entry = entries_[index];
    FirstSeen& seen = first_seen_[RegexKey(entry)];
    size_t found = index;
    if (auto same_code = seen.by_code.find(entry.code); same_code != seen.by_code.end()) {
      found = same_code->second;
    }
    if (entry.role == PatternRole::kInclude && seen.include < found) found = seen.include;
    seen.by_code.emplace(entry.code, index);
    if (entry.role == PatternRole::kInclude && seen.include == kNone) seen.include = index;
    if (found == index) return false;
    const Entry& first = entries_[found];
    const bool same_code = first.code == entry.code;
    std::string message =
        Describe(entry) + " of '" + CodeId(entry) + "' duplicates " + Describe(first);
    if (!same_code) {
      message += " of '" + CodeId(first) + "' at " + Where(first) +
                 ": every answer it hits gets evidence for both codes";
    } else if (first.role != entry.role) {
      message += " at " + Where(first) + ": the code is excluded whenever it hits";
    } else {
      message += " at " + Where(first) + ": they compile to the same regex; remove one";
    }
    Warn(entry, std::move(message));
    return true;
  }

  void ReportShadow(size_t index) {
    const Entry& entry = entries_[index];
    const double threshold = codebook_.settings.threshold;
    const size_t code = static_cast<size_t>(entry.code);
    for (size_t j = code_begin_[code]; j < code_end_[code]; ++j) {
      const Entry& broad = entries_[j];
      if (j == index) continue;
      // Equivalent patterns shadow each other; only the later one is reported.
      if (SameRegexes(broad, entry)) continue;
      if (!Covers(broad, entry)) continue;
      if (j > index && Covers(entry, broad)) continue;
      if (entry.role == PatternRole::kInclude && broad.role == PatternRole::kInclude) {
        if (broad.pattern->weight + 1e-9 < threshold) continue;
        Warn(entry, Describe(entry) + " of '" + CodeId(entry) + "' is shadowed by " +
                        Describe(broad) + " at " + Where(broad) +
                        ": that pattern hits every answer it hits, and its weight " +
                        FormatNumber(broad.pattern->weight) + " reaches the threshold");
        return;
      }
      if (entry.role == PatternRole::kInclude) {
        Warn(entry, Describe(entry) + " of '" + CodeId(entry) + "' can never count: " +
                        Describe(broad) + " at " + Where(broad) + " hits every answer it hits");
        return;
      }
      if (broad.role == PatternRole::kExclude) {
        Warn(entry, Describe(entry) + " of '" + CodeId(entry) + "' is shadowed by " +
                        Describe(broad) + " at " + Where(broad) +
                        ": that exclusion hits every answer it hits");
        return;
      }
    }
  }

  static constexpr size_t kNone = static_cast<size_t>(-1);
  // Of the entries already seen with one key: the first include, and the
  // first of each code.
  struct FirstSeen {
    size_t include = kNone;
    std::unordered_map<int, size_t> by_code;
  };

  const Codebook& codebook_;
  std::vector<Entry> entries_;
  std::vector<size_t> code_begin_, code_end_;              // Per code, its range in entries_.
  std::unordered_map<std::string, FirstSeen> first_seen_;  // By RegexKey.
  std::vector<Diagnostic> diagnostics_;
};

}  // namespace

std::vector<Diagnostic> FindPatternOverlaps(const Codebook& codebook,
                                            const Normalizer& normalizer) {
  return OverlapFinder(codebook, normalizer).Run();
}

}  // namespace verbatim
