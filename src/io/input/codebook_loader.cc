#include "io/input/codebook_loader.h"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>
#include <optional>

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include "core/normalizer.h"
#include "core/suggest.h"
#include "io/input/yaml_shape.h"

namespace verbatim {
namespace {

using KeyList = std::vector<std::string>;

const KeyList kRootKeys = {"codebook", "settings", "negation", "themes",
                           "conflicts", "aliases", "typos",    "domain"};
const KeyList kTypoKeys = {"enabled", "one_edit_from", "two_edits_from", "never"};
const KeyList kInfoKeys = {"id", "version", "language", "question", "description"};
const KeyList kSettingsKeys = {"threshold", "review_uncoded_min_words", "review_theme_alone",
                               "review_dismissals", "negation_window"};
const KeyList kNegationKeys = {"before", "after", "after_sentence", "clause_breaks",
                               "fixed_phrases"};
const KeyList kListEditKeys = {"add", "remove"};
// Subthemes share the theme's keys; "subthemes" is then refused by hand with
// a clearer message than "unknown key".
const KeyList kCodeKeys = {"id",       "label",   "description", "use_when",        "not_when",
                           "patterns", "exclude", "examples",    "counterexamples", "subthemes"};
const KeyList kPatternKeys = {"term",  "phrase", "regex", "near",  "weight",
                              "note",  "within", "typos", "unless"};
const KeyList kPatternKinds = {"term", "phrase", "regex", "near"};

std::string QuotedList(const std::vector<std::string>& words) {
  std::string out;
  for (size_t i = 0; i < words.size(); ++i) {
    if (i > 0) out += i + 1 == words.size() ? " and " : ", ";
    out += "'" + words[i] + "'";
  }
  return out;
}

std::string NearSource(const Pattern& pattern) {
  std::string out = "near(";
  for (size_t g = 0; g < pattern.groups.size(); ++g) {
    if (g > 0) out += ", ";
    out += "[";
    for (size_t i = 0; i < pattern.groups[g].size(); ++i) {
      if (i > 0) out += "|";
      out += pattern.groups[g][i];
    }
    out += "]";
  }
  return out + "; " + std::to_string(pattern.within) + ")";
}

// Walks one YAML tree into a Codebook. Every reader reports what it cannot
// use and goes on with the rest, so one run shows every problem.
class Loader {
 public:
  Loader(const std::string& path, Codebook& codebook, std::vector<Diagnostic>& diagnostics)
      : path_(path), codebook_(codebook), diagnostics_(diagnostics) {}

  void LoadRoot(const YAML::Node& root) {
    // A list the analyst does not write keeps the built-in cues.
    codebook_.negation = DefaultNegationSettings();
    if (root.IsNull()) {
      diagnostics_.push_back({Severity::kError, {path_}, "the codebook is empty"});
      return;
    }
    if (!root.IsMap()) {
      Error(root, "the codebook must be a mapping with 'codebook' and 'themes' keys");
      return;
    }
    bool has_info = false;
    bool has_themes = false;
    ForEachEntry(root, "at the top level", kRootKeys,
                 [&](const std::string& key, const YAML::Node& value) {
                   if (key == "codebook") {
                     has_info = true;
                     LoadInfo(value);
                   } else if (key == "settings") {
                     LoadSettings(value);
                   } else if (key == "negation") {
                     LoadNegation(value);
                   } else if (key == "themes") {
                     has_themes = true;
                     LoadThemes(value);
                   } else if (key == "conflicts") {
                     LoadConflicts(value);
                   } else if (key == "aliases") {
                     LoadAliases(value);
                   } else if (key == "typos") {
                     LoadTypos(value);
                   } else if (key == "domain") {
                     codebook_.domain = LoadPatterns(value, key);
                   }
                 });
    if (!has_info) Error(root, "missing required key 'codebook' at the top level");
    if (!has_themes) Error(root, "missing required key 'themes' at the top level");
  }

 private:
  SourceLocation At(const YAML::Node& node) const {
    const YAML::Mark mark = node.Mark();
    return SourceLocation{path_, mark.line + 1, mark.column + 1};
  }

  void Error(const YAML::Node& node, std::string message) {
    diagnostics_.push_back({Severity::kError, At(node), std::move(message)});
  }

  // Calls visit(key, value) for each allowed key of `map`, in file order.
  // Non-scalar and duplicate keys are reported, not visited. An unknown key
  // is reported; when it is close to an allowed key that the map does not
  // also hold, its value is visited as that key, so that the mistakes
  // beneath a misspelt key ("subtheme:") are reported in the same run.
  template <typename Visit>
  void ForEachEntry(const YAML::Node& map, const std::string& context, const KeyList& allowed,
                    Visit visit) {
    std::vector<std::string> seen;
    for (auto it = map.begin(); it != map.end(); ++it) {
      const YAML::Node key_node = it->first;
      if (!key_node.IsScalar()) {
        Error(key_node, "keys must be plain words " + context);
        continue;
      }
      const std::string& key = key_node.Scalar();
      if (std::find(allowed.begin(), allowed.end(), key) == allowed.end()) {
        std::string message = fmt::format("unknown key '{}' {}", key, context);
        const std::string suggestion = SuggestClosest(key, allowed);
        if (!suggestion.empty()) message += fmt::format("; did you mean '{}'?", suggestion);
        Error(key_node, std::move(message));
        if (!suggestion.empty() && !map[suggestion] &&
            std::find(seen.begin(), seen.end(), suggestion) == seen.end()) {
          seen.push_back(suggestion);
          visit(suggestion, it->second);
        }
        continue;
      }
      if (std::find(seen.begin(), seen.end(), key) != seen.end()) {
        Error(key_node, fmt::format("duplicate key '{}' {}", key, context));
        continue;
      }
      seen.push_back(key);
      visit(key, it->second);
    }
  }

  // A scalar as written; null (an empty value) reads as "".
  std::optional<std::string> ReadString(const YAML::Node& node, const std::string& key) {
    if (node.IsScalar()) return node.Scalar();
    if (node.IsNull()) return std::string();
    Error(node, fmt::format("'{}' must be a string", key));
    return std::nullopt;
  }

  void ReadStringInto(const YAML::Node& node, const std::string& key, std::string& out) {
    if (std::optional<std::string> value = ReadString(node, key)) out = std::move(*value);
  }

  std::optional<double> ReadNumber(const YAML::Node& node, const std::string& key) {
    double value = 0;
    if (YAML::convert<double>::decode(node, value)) return value;
    Error(node, fmt::format("'{}' must be a number", key));
    return std::nullopt;
  }

  std::optional<int> ReadInt(const YAML::Node& node, const std::string& key) {
    int value = 0;
    if (YAML::convert<int>::decode(node, value)) return value;
    Error(node, fmt::format("'{}' must be an integer", key));
    return std::nullopt;
  }

  std::optional<bool> ReadBool(const YAML::Node& node, const std::string& key) {
    bool value = false;
    if (node.IsScalar() && YAML::convert<bool>::decode(node, value)) return value;
    Error(node, fmt::format("'{}' must be true or false", key));
    return std::nullopt;
  }

  bool ExpectMap(const YAML::Node& node, const std::string& key) {
    if (node.IsMap()) return true;
    Error(node, fmt::format("'{}' must be a mapping", key));
    return false;
  }

  // A list; null (an empty value) is an empty list.
  bool ExpectList(const YAML::Node& node, const std::string& key) {
    if (node.IsSequence() || node.IsNull()) return true;
    Error(node, fmt::format("'{}' must be a list", key));
    return false;
  }

  std::vector<TextExample> ReadTexts(const YAML::Node& node, const std::string& key) {
    std::vector<TextExample> texts;
    if (!node.IsSequence() && !node.IsNull()) {
      Error(node, fmt::format("'{}' must be a list of strings", key));
      return texts;
    }
    for (const YAML::Node& item : node) {
      if (item.IsScalar()) {
        texts.push_back(TextExample{item.Scalar(), At(item)});
      } else {
        Error(item, fmt::format("'{}' must be a list of strings", key));
      }
    }
    return texts;
  }

  // One code id or a list of them (`unless: mutuelles.prise_en_charge`).
  std::vector<std::string> LoadCodeIds(const YAML::Node& node, const std::string& key) {
    if (node.IsScalar()) return {node.Scalar()};
    return ReadStrings(node, key);
  }

  std::vector<std::string> ReadStrings(const YAML::Node& node, const std::string& key) {
    std::vector<std::string> strings;
    for (TextExample& text : ReadTexts(node, key)) strings.push_back(std::move(text.text));
    return strings;
  }

  void LoadInfo(const YAML::Node& node) {
    if (!ExpectMap(node, "codebook")) return;
    CodebookInfo& info = codebook_.info;
    bool has_id = false, has_version = false, has_language = false;
    ForEachEntry(node, "in 'codebook'", kInfoKeys,
                 [&](const std::string& key, const YAML::Node& value) {
                   if (key == "id") {
                     has_id = true;
                     ReadStringInto(value, key, info.id);
                     info.id_location = At(value);
                   } else if (key == "version") {
                     has_version = true;
                     ReadStringInto(value, key, info.version);
                   } else if (key == "language") {
                     has_language = true;
                     ReadStringInto(value, key, info.language);
                   } else if (key == "question") {
                     ReadStringInto(value, key, info.question);
                   } else if (key == "description") {
                     ReadStringInto(value, key, info.description);
                   }
                 });
    if (!has_id) Error(node, "missing required key 'id' in 'codebook'");
    if (!has_version) Error(node, "missing required key 'version' in 'codebook'");
    if (!has_language) Error(node, "missing required key 'language' in 'codebook'");
  }

  void LoadSettings(const YAML::Node& node) {
    if (node.IsNull()) return;
    if (!ExpectMap(node, "settings")) return;
    CodingSettings& settings = codebook_.settings;
    ForEachEntry(node, "in 'settings'", kSettingsKeys,
                 [&](const std::string& key, const YAML::Node& value) {
                   if (key == "threshold") {
                     if (auto number = ReadNumber(value, key)) settings.threshold = *number;
                     settings.threshold_location = At(value);
                   } else if (key == "review_uncoded_min_words") {
                     if (auto number = ReadInt(value, key)) settings.review_uncoded_min_words = *number;
                     settings.review_uncoded_min_words_location = At(value);
                   } else if (key == "review_theme_alone") {
                     if (auto flag = ReadBool(value, key)) settings.review_theme_alone = *flag;
                     settings.review_theme_alone_location = At(value);
                   } else if (key == "review_dismissals") {
                     if (auto flag = ReadBool(value, key)) settings.review_dismissals = *flag;
                     settings.review_dismissals_location = At(value);
                   } else if (key == "negation_window") {
                     if (auto number = ReadInt(value, key)) settings.negation_window = *number;
                     settings.negation_window_location = At(value);
                   }
                 });
  }

  void LoadNegation(const YAML::Node& node) {
    if (node.IsNull()) return;
    if (!ExpectMap(node, "negation")) return;
    NegationSettings& negation = codebook_.negation;
    ForEachEntry(node, "in 'negation'", kNegationKeys,
                 [&](const std::string& key, const YAML::Node& value) {
                   if (key == "before") {
                     LoadCueList(value, key, negation.before);
                   } else if (key == "after") {
                     LoadCueList(value, key, negation.after);
                   } else if (key == "after_sentence") {
                     LoadCueList(value, key, negation.after_sentence);
                   } else if (key == "clause_breaks") {
                     LoadCueList(value, key, negation.clause_breaks);
                   } else if (key == "fixed_phrases") {
                     LoadCueList(value, key, negation.fixed_phrases);
                   }
                 });
  }

  // A list replaces the built-in `list`; a mapping {add: [...], remove:
  // [...]} edits it. A removed cue must be in the built-in list, compared
  // as the normalizer sees them (case and accents aside).
  void LoadCueList(const YAML::Node& node, const std::string& key, std::vector<std::string>& list) {
    if (!node.IsMap()) {
      list = ReadStrings(node, key);
      return;
    }
    const std::string context = fmt::format("in 'negation: {}'", key);
    ForEachEntry(node, context, kListEditKeys, [&](const std::string& edit, const YAML::Node& value) {
      const std::string name = fmt::format("{}: {}", key, edit);
      if (edit == "add") {
        for (std::string& cue : ReadStrings(value, name)) {
          if (std::find(list.begin(), list.end(), cue) == list.end()) list.push_back(std::move(cue));
        }
        return;
      }
      for (const TextExample& cue : ReadTexts(value, name)) {
        const std::string folded = Fold(cue.text);
        auto found = std::find_if(list.begin(), list.end(),
                                  [&](const std::string& c) { return Fold(c) == folded; });
        if (found != list.end()) {
          list.erase(found);
          continue;
        }
        std::vector<std::string> known;
        for (const std::string& c : list) known.push_back(Fold(c));
        std::string message = fmt::format("cannot remove '{}' from 'negation: {}': it is not a "
                                          "built-in cue",
                                          cue.text, key);
        const std::string suggestion = SuggestClosest(folded, known);
        if (!suggestion.empty()) message += fmt::format("; did you mean '{}'?", suggestion);
        diagnostics_.push_back({Severity::kError, cue.location, std::move(message)});
      }
    });
  }

  // `text` as the normalizer writes it; as written when there is no
  // normalizer (ICU data missing: the compile reports it).
  std::string Fold(const std::string& text) {
    if (!normalizer_) {
      auto created = Normalizer::Create();
      if (!created) return text;
      normalizer_ = std::move(*created);
    }
    return normalizer_->Normalize(text);
  }

  void LoadThemes(const YAML::Node& node) {
    if (!ExpectList(node, "themes")) return;
    int number = 0;
    for (const YAML::Node& item : node) {
      ++number;
      std::vector<CodeDefinition> subthemes;
      std::optional<CodeDefinition> theme =
          LoadCode(item, CodeLevel::kTheme, fmt::format("theme #{}", number), subthemes);
      if (!theme) continue;
      const int theme_index = static_cast<int>(codebook_.codes.size());
      codebook_.codes.push_back(std::move(*theme));
      for (CodeDefinition& subtheme : subthemes) {
        subtheme.theme_index = theme_index;
        codebook_.codes.push_back(std::move(subtheme));
      }
    }
  }

  // Reads one theme or subtheme. A theme's subthemes go to `subthemes`, in
  // order; `unnamed` names the code in messages when it has no usable id.
  std::optional<CodeDefinition> LoadCode(const YAML::Node& node, CodeLevel level,
                                         const std::string& unnamed,
                                         std::vector<CodeDefinition>& subthemes) {
    const char* level_name = level == CodeLevel::kTheme ? "theme" : "subtheme";
    if (!node.IsMap()) {
      Error(node, fmt::format("{} must be a mapping with 'id', 'label' and 'patterns'",
                              unnamed));
      return std::nullopt;
    }
    CodeDefinition code;
    code.level = level;
    code.location = At(node);
    // Messages name the code by its id wherever the id is written.
    const YAML::Node id_node = node["id"];
    const std::string name = id_node && id_node.IsScalar() && !id_node.Scalar().empty()
                                 ? fmt::format("{} '{}'", level_name, id_node.Scalar())
                                 : unnamed;
    const std::string context = "in " + name;
    bool has_id = false, has_label = false;
    ForEachEntry(node, context, kCodeKeys, [&](const std::string& key, const YAML::Node& value) {
      if (key == "id") {
        has_id = true;
        ReadStringInto(value, key, code.id);
      } else if (key == "label") {
        has_label = true;
        ReadStringInto(value, key, code.label);
      } else if (key == "description") {
        ReadStringInto(value, key, code.description);
      } else if (key == "use_when") {
        ReadStringInto(value, key, code.use_when);
      } else if (key == "not_when") {
        ReadStringInto(value, key, code.not_when);
      } else if (key == "patterns") {
        code.patterns = LoadPatterns(value, key);
      } else if (key == "exclude") {
        code.exclusions = LoadPatterns(value, key);
      } else if (key == "examples") {
        code.examples = ReadTexts(value, key);
      } else if (key == "counterexamples") {
        code.counterexamples = ReadTexts(value, key);
      } else if (key == "subthemes") {
        if (level == CodeLevel::kSubtheme) {
          Error(value, fmt::format("'subthemes' {}: subthemes do not nest", context));
        } else {
          LoadSubthemes(value, name, subthemes);
        }
      }
    });
    if (!has_id) Error(node, fmt::format("missing required key 'id' {}", context));
    if (!has_label) Error(node, fmt::format("missing required key 'label' {}", context));
    return code;
  }

  void LoadSubthemes(const YAML::Node& node, const std::string& theme_name,
                     std::vector<CodeDefinition>& subthemes) {
    if (!ExpectList(node, "subthemes")) return;
    int number = 0;
    std::vector<CodeDefinition> none;  // Subthemes have no subthemes of their own.
    for (const YAML::Node& item : node) {
      ++number;
      std::optional<CodeDefinition> subtheme = LoadCode(
          item, CodeLevel::kSubtheme, fmt::format("subtheme #{} of {}", number, theme_name), none);
      if (subtheme) subthemes.push_back(std::move(*subtheme));
    }
  }

  std::vector<Pattern> LoadPatterns(const YAML::Node& node, const std::string& key) {
    std::vector<Pattern> patterns;
    if (!ExpectList(node, key)) return patterns;
    for (const YAML::Node& item : node) {
      if (std::optional<Pattern> pattern = LoadPattern(item)) {
        patterns.push_back(std::move(*pattern));
      }
    }
    return patterns;
  }

  std::optional<Pattern> LoadPattern(const YAML::Node& node) {
    Pattern pattern;
    pattern.location = At(node);
    if (node.IsScalar() || node.IsNull()) {
      pattern.source = node.IsScalar() ? node.Scalar() : std::string();
      const size_t first = pattern.source.find_first_not_of(' ');
      const size_t last = pattern.source.find_last_not_of(' ');
      const bool has_inner_space =
          first != std::string::npos && pattern.source.substr(first, last - first + 1).find(' ') !=
                                            std::string::npos;
      pattern.kind = has_inner_space ? PatternKind::kPhrase : PatternKind::kTerm;
      return pattern;
    }
    if (!node.IsMap()) {
      Error(node, "a pattern must be a string or a mapping such as {term: ...}");
      return std::nullopt;
    }
    std::vector<std::string> kinds;
    std::optional<YAML::Node> within_node;
    ForEachEntry(node, "in a pattern", kPatternKeys,
                 [&](const std::string& key, const YAML::Node& value) {
                   if (key == "term" || key == "phrase" || key == "regex") {
                     kinds.push_back(key);
                     pattern.kind = key == "term"     ? PatternKind::kTerm
                                    : key == "phrase" ? PatternKind::kPhrase
                                                      : PatternKind::kRegex;
                     ReadStringInto(value, key, pattern.source);
                   } else if (key == "near") {
                     kinds.push_back(key);
                     pattern.kind = PatternKind::kNear;
                     pattern.groups = LoadNearGroups(value);
                   } else if (key == "weight") {
                     if (auto weight = ReadNumber(value, key)) pattern.weight = *weight;
                   } else if (key == "note") {
                     ReadStringInto(value, key, pattern.note);
                   } else if (key == "within") {
                     within_node = value;
                     if (auto within = ReadInt(value, key)) pattern.within = *within;
                   } else if (key == "typos") {
                     if (auto typos = ReadBool(value, key)) pattern.typos = *typos;
                   } else if (key == "unless") {
                     pattern.unless_location = At(value);
                     pattern.unless = LoadCodeIds(value, key);
                   }
                 });
    if (kinds.empty()) {
      Error(node, "a pattern needs one of 'term', 'phrase', 'regex' or 'near'");
      return std::nullopt;
    }
    if (kinds.size() > 1) {
      Error(node, fmt::format("a pattern has {}; write one kind per pattern", QuotedList(kinds)));
      return std::nullopt;
    }
    if (within_node && pattern.kind != PatternKind::kNear) {
      Error(*within_node, "'within' applies only to 'near' patterns");
    }
    if (pattern.kind == PatternKind::kNear) pattern.source = NearSource(pattern);
    return pattern;
  }

  std::vector<std::vector<std::string>> LoadNearGroups(const YAML::Node& node) {
    std::vector<std::vector<std::string>> groups;
    if (!node.IsSequence()) {
      Error(node, "'near' must be a list of groups, such as [[hausse, revalori*], [ccam]]");
      return groups;
    }
    for (const YAML::Node& group : node) {
      if (group.IsScalar()) {
        groups.push_back({group.Scalar()});
        continue;
      }
      std::vector<std::string> words;
      bool ok = group.IsSequence();
      if (ok) {
        for (const YAML::Node& word : group) {
          if (!word.IsScalar()) {
            ok = false;
            break;
          }
          words.push_back(word.Scalar());
        }
      }
      if (!ok) {
        Error(group, "a 'near' group must be a string or a list of strings");
        continue;
      }
      groups.push_back(std::move(words));
    }
    return groups;
  }

  // aliases: {dp: [depassement*], chir: [chirurgie*, chirurgical*]}; a
  // single meaning may be written without brackets.
  void LoadAliases(const YAML::Node& node) {
    if (node.IsNull()) return;
    if (!node.IsMap()) {
      Error(node, "'aliases' must be a mapping such as {dp: [depassement*]}");
      return;
    }
    for (auto it = node.begin(); it != node.end(); ++it) {
      if (!it->first.IsScalar()) {
        Error(it->first, "an alias must be a word, such as 'dp'");
        continue;
      }
      WordAlias alias;
      alias.word = it->first.Scalar();
      alias.location = At(it->first);
      if (it->second.IsScalar()) {
        alias.meanings.push_back(it->second.Scalar());
      } else {
        alias.meanings = ReadStrings(it->second, "aliases: " + alias.word);
      }
      codebook_.aliases.push_back(std::move(alias));
    }
  }

  // typos: true | false | {enabled, one_edit_from, two_edits_from, never}.
  void LoadTypos(const YAML::Node& node) {
    TypoSettings& typos = codebook_.typos;
    typos.location = At(node);
    if (node.IsScalar()) {
      if (auto enabled = ReadBool(node, "typos")) typos.enabled = *enabled;
      return;
    }
    if (!ExpectMap(node, "typos")) return;
    typos.enabled = true;
    ForEachEntry(node, "in 'typos'", kTypoKeys, [&](const std::string& key, const YAML::Node& value) {
      if (key == "enabled") {
        if (auto enabled = ReadBool(value, key)) typos.enabled = *enabled;
      } else if (key == "one_edit_from") {
        if (auto number = ReadInt(value, key)) typos.one_edit_from = *number;
      } else if (key == "two_edits_from") {
        if (auto number = ReadInt(value, key)) typos.two_edits_from = *number;
      } else if (key == "never") {
        typos.never = ReadStrings(value, key);
      }
    });
  }

  void LoadConflicts(const YAML::Node& node) {
    if (!ExpectList(node, "conflicts")) return;
    for (const YAML::Node& item : node) {
      if (!item.IsSequence() || item.size() != 2 || !item[0].IsScalar() || !item[1].IsScalar()) {
        Error(item, "a conflict must be a list of two code ids, such as [a.x, b.y]");
        continue;
      }
      codebook_.conflicts.push_back(CodeConflict{item[0].Scalar(), item[1].Scalar(), At(item)});
    }
  }

  const std::string& path_;
  Codebook& codebook_;
  std::vector<Diagnostic>& diagnostics_;
  std::unique_ptr<Normalizer> normalizer_;  // Made on the first `remove`.
};

}  // namespace

LoadedCodebook LoadCodebookFile(const std::string& path) {
  std::FILE* file = std::fopen(path.c_str(), "rb");
  std::string text;
  int error = file == nullptr ? errno : 0;
  if (file != nullptr) {
    char buffer[1 << 16];
    size_t n = 0;
    while ((n = std::fread(buffer, 1, sizeof buffer, file)) > 0) text.append(buffer, n);
    if (std::ferror(file)) error = errno;
    std::fclose(file);
  }
  if (error != 0) {
    LoadedCodebook loaded;
    loaded.codebook.path = path;
    loaded.diagnostics.push_back(
        {Severity::kError, {path}, fmt::format("cannot read the codebook: {}", std::strerror(error))});
    return loaded;
  }
  return LoadCodebookText(text, path);
}

LoadedCodebook LoadCodebookText(std::string_view yaml, const std::string& path) {
  LoadedCodebook loaded;
  loaded.codebook.path = path;
  // The shape pass runs first so that the tree below is known to be shallow
  // and to expand to a bounded size.
  if (std::optional<Diagnostic> problem = CheckYamlShape(yaml, path)) {
    loaded.diagnostics.push_back(std::move(*problem));
    return loaded;
  }
  try {
    const YAML::Node root = YAML::Load(std::string(yaml));
    Loader(path, loaded.codebook, loaded.diagnostics).LoadRoot(root);
  } catch (const YAML::Exception& e) {
    loaded.diagnostics.push_back(
        {Severity::kError,
         {path, e.mark.line + 1, e.mark.column + 1},
         "YAML error: " + e.msg});
  }
  SortByLocation(&loaded.diagnostics);
  return loaded;
}

}  // namespace verbatim
