#include "core/dictionary.h"

#include <set>
#include <string_view>
#include <utility>

#include "core/coded_columns.h"

namespace verbatim {
namespace {

constexpr std::string_view kRegexCharacters = "()[]{}<>|\\^$+=";

std::vector<std::string> SplitWords(const std::string& text) {
  std::vector<std::string> words;
  std::string word;
  for (char c : text) {
    if (c == ' ' || c == '\t') {
      if (!word.empty()) words.push_back(std::move(word));
      word.clear();
    } else {
      word += c;
    }
  }
  if (!word.empty()) words.push_back(std::move(word));
  return words;
}

// The pattern text for `entry`, or "" when it cannot be carried; `why` then
// says why, or, for an entry carried differently, what changed.
std::string PatternText(const std::string& entry, std::string& why) {
  why.clear();
  std::vector<std::string> words = SplitWords(entry);
  if (words.empty()) {
    why = "an empty entry";
    return "";
  }
  std::string text;
  for (std::string& word : words) {
    if (word.find('?') != std::string::npos) {
      why = "'?' (one character) is a wildcard verbatim does not have";
      return "";
    }
    if (word.find_first_of(kRegexCharacters) != std::string::npos) {
      why = "brackets or regular-expression characters in an entry are not carried";
      return "";
    }
    const size_t star = word.find('*');
    if (star != std::string::npos && star + 1 != word.size()) {
      why = "'*' inside or at the start of a word: verbatim has stems ('word*') only";
      return "";
    }
    if (word == "*") {
      why = "a lone '*' matches every word";
      return "";
    }
    if (word.size() >= 2 && word.compare(word.size() - 2, 2, "-*") == 0) {
      word.resize(word.size() - 2);
      why = "'" + word + "-*' carried as '" + word +
            "': verbatim splits words at dashes, so it also finds '" + word + "' alone";
    }
    if (!text.empty()) text += ' ';
    text += word;
  }
  return text;
}

class Converter {
 public:
  Converter(const DictionaryCodebookOptions& options, const Normalizer& normalizer,
            DictionaryCodebook& out)
      : options_(options), normalizer_(normalizer), out_(out) {}

  void Run(const Dictionary& dictionary) {
    Codebook& book = out_.codebook;
    book.info.id = options_.id;
    book.info.version = "1";
    book.info.language = options_.language;
    book.info.description = options_.description;
    book.settings.negation_window = 0;
    book.negation = DefaultNegationSettings();
    out_.notes = dictionary.notes;
    std::set<std::string> theme_ids;
    for (const DictionaryCategory& category : dictionary.categories) {
      AddTheme(category, theme_ids);
    }
  }

 private:
  void Note(const SourceLocation& location, std::string message) {
    out_.notes.push_back(DictionaryNote{location, std::move(message)});
  }

  // A slug of `name` not in `taken` (then added to it).
  std::string UniqueSlug(const DictionaryCategory& category, const std::string& name,
                         std::set<std::string>& taken, bool is_theme) {
    std::string base = SlugForId(name, normalizer_);
    if (base.empty()) base = "category";
    std::string slug = base;
    for (int n = 2; taken.count(slug) > 0 || (is_theme && IsCodedTableColumn(slug)); ++n) {
      slug = base + "_" + std::to_string(n);
    }
    if (slug != SlugForId(name, normalizer_)) {
      Note(category.location, "category '" + name + "' gets the id '" + slug +
                                  "' (its name alone gives no free id)");
    }
    taken.insert(slug);
    return slug;
  }

  std::vector<Pattern> Patterns(const DictionaryCategory& category, const std::string& code_id) {
    std::vector<Pattern> patterns;
    std::set<std::string> seen;
    for (const DictionaryEntry& entry : category.entries) {
      std::string why;
      std::string text = PatternText(entry.text, why);
      if (text.empty()) {
        Note(entry.location, "'" + entry.text + "' of '" + category.name + "' not carried: " + why);
        continue;
      }
      if (!why.empty()) Note(entry.location, why);
      if (!seen.insert(normalizer_.Normalize(text)).second) {
        Note(entry.location, "'" + entry.text + "' repeats an entry of '" + category.name +
                                 "': written once in '" + code_id + "'");
        continue;
      }
      Pattern pattern;
      pattern.kind = text.find(' ') == std::string::npos ? PatternKind::kTerm : PatternKind::kPhrase;
      pattern.source = std::move(text);
      pattern.location = entry.location;
      patterns.push_back(std::move(pattern));
    }
    return patterns;
  }

  void AddTheme(const DictionaryCategory& category, std::set<std::string>& theme_ids) {
    CodeDefinition theme;
    theme.level = CodeLevel::kTheme;
    theme.id = UniqueSlug(category, category.name, theme_ids, true);
    theme.label = category.name;
    theme.location = category.location;
    theme.patterns = Patterns(category, theme.id);
    const int theme_index = static_cast<int>(out_.codebook.codes.size());
    const std::string theme_id = theme.id;
    out_.codebook.codes.push_back(std::move(theme));
    std::set<std::string> subtheme_ids;
    for (const DictionaryCategory& child : category.children) {
      AddSubthemes(child, {}, theme_index, theme_id, subtheme_ids);
    }
  }

  // `above` holds the names between the theme and `category`.
  void AddSubthemes(const DictionaryCategory& category, std::vector<std::string> above,
                    int theme_index, const std::string& theme_id,
                    std::set<std::string>& subtheme_ids) {
    above.push_back(category.name);
    const bool deep = above.size() > 1;
    if (!category.entries.empty() || category.children.empty()) {
      std::string label, joined;
      for (const std::string& name : above) {
        label += (label.empty() ? "" : " > ") + name;
        joined += (joined.empty() ? "" : " ") + name;
      }
      CodeDefinition subtheme;
      subtheme.level = CodeLevel::kSubtheme;
      subtheme.theme_index = theme_index;
      subtheme.id = theme_id + "." + UniqueSlug(category, joined, subtheme_ids, false);
      subtheme.label = label;
      subtheme.location = category.location;
      if (deep) {
        Note(category.location,
             "category '" + out_.codebook.codes[theme_index].label + " > " + label + "' is " +
                 std::to_string(above.size() + 1) + " levels deep: flattened into the subtheme '" +
                 subtheme.id + "'");
      }
      subtheme.patterns = Patterns(category, subtheme.id);
      out_.codebook.codes.push_back(std::move(subtheme));
    }
    for (const DictionaryCategory& child : category.children) {
      AddSubthemes(child, above, theme_index, theme_id, subtheme_ids);
    }
  }

  const DictionaryCodebookOptions& options_;
  const Normalizer& normalizer_;
  DictionaryCodebook& out_;
};

}  // namespace

std::string SlugForId(const std::string& name, const Normalizer& normalizer) {
  const std::string folded = normalizer.Normalize(name);
  std::string slug;
  bool gap = false;
  for (char c : folded) {
    const bool keep = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    if (!keep) {
      gap = true;
      continue;
    }
    if (gap && !slug.empty()) slug += '_';
    gap = false;
    slug += c;
  }
  return slug;
}

DictionaryCodebook DictionaryToCodebook(const Dictionary& dictionary,
                                        const DictionaryCodebookOptions& options,
                                        const Normalizer& normalizer) {
  DictionaryCodebook out;
  Converter(options, normalizer, out).Run(dictionary);
  return out;
}

}  // namespace verbatim
