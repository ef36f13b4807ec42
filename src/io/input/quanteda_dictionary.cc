// quanteda YAML dictionaries (see dictionary_reader.h for the contract).
// With the codebook loader, a yaml-cpp user: the format is YAML.
#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include "io/input/dictionary_reader.h"
#include "io/input/yaml_shape.h"

namespace verbatim {
namespace {

class QuantedaWalker {
 public:
  QuantedaWalker(const std::string& path, Dictionary& dictionary)
      : path_(path), dictionary_(dictionary) {}

  SourceLocation At(const YAML::Node& node) const {
    return {path_, node.Mark().line + 1, node.Mark().column + 1};
  }

  // The keys of `map` become categories in `into`.
  void Keys(const YAML::Node& map, std::vector<DictionaryCategory>& into) {
    for (auto it = map.begin(); it != map.end(); ++it) {
      if (!it->first.IsScalar()) {
        Note(it->first, "a key that is not a plain name: not carried");
        continue;
      }
      DictionaryCategory category{it->first.Scalar(), At(it->first), {}, {}};
      Values(it->second, category);
      into.push_back(std::move(category));
    }
  }

 private:
  void Note(const YAML::Node& node, std::string message) {
    dictionary_.notes.push_back({At(node), std::move(message)});
  }

  void Values(const YAML::Node& value, DictionaryCategory& category) {
    if (value.IsNull()) return;
    if (value.IsScalar()) {
      category.entries.push_back(DictionaryEntry{value.Scalar(), At(value)});
      return;
    }
    if (value.IsMap()) {
      Keys(value, category.children);
      return;
    }
    for (const YAML::Node& item : value) {
      if (item.IsScalar()) {
        category.entries.push_back(DictionaryEntry{item.Scalar(), At(item)});
      } else if (item.IsMap()) {
        Keys(item, category.children);
      } else {
        Note(item, fmt::format("a list inside the list of '{}': not carried", category.name));
      }
    }
  }

  const std::string& path_;
  Dictionary& dictionary_;
};

}  // namespace

Result<Dictionary> ParseQuantedaDictionary(std::string_view text, const std::string& path) {
  if (std::optional<Diagnostic> problem = CheckYamlShape(text, path)) {
    return MakeError(problem->message, problem->location);
  }
  Dictionary dictionary;
  try {
    const YAML::Node root = YAML::Load(std::string(text));
    if (!root.IsMap()) {
      return MakeError("not a quanteda dictionary: the YAML must be a mapping of keys to lists "
                       "of words",
                       {path, root.Mark().line + 1, root.Mark().column + 1});
    }
    QuantedaWalker(path, dictionary).Keys(root, dictionary.categories);
  } catch (const YAML::Exception& e) {
    return MakeError("YAML error: " + e.msg, {path, e.mark.line + 1, e.mark.column + 1});
  }
  return dictionary;
}

}  // namespace verbatim
