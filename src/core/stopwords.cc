#include "core/stopwords.h"

#include <algorithm>

namespace verbatim {

const std::vector<std::string>& StopwordList() {
  static const std::vector<std::string> list = [] {
    std::vector<std::string> words = {
        // Articles, determiners.
        "le", "la", "les", "l", "un", "une", "des", "du", "de", "d", "au", "aux", "ce", "cet",
        "cette", "ces", "mon", "ma", "mes", "ton", "ta", "tes", "son", "sa", "ses", "notre", "nos",
        "votre", "vos", "leur", "leurs", "quel", "quelle", "quels", "quelles", "tout", "tous",
        "toute", "toutes", "autre", "autres", "chaque", "certains", "certaines",
        // Pronouns.
        "je", "j", "tu", "il", "elle", "on", "nous", "vous", "ils", "elles", "me", "m", "te", "t",
        "se", "s", "lui", "eux", "moi", "toi", "soi", "y", "en", "c", "ca", "cela", "ceci", "celui",
        "celle", "ceux", "celles", "qui", "que", "qu", "quoi", "dont",
        // Prepositions.
        "a", "dans", "par", "pour", "sur", "sous", "avec", "sans", "chez", "entre", "vers",
        "contre", "depuis", "pendant", "avant", "apres", "jusqu", "jusque", "selon", "envers",
        // Conjunctions.
        "et", "ou", "mais", "donc", "or", "ni", "car", "si", "comme", "quand", "lorsque", "puisque",
        // Negation, common adverbs.
        "ne", "n", "pas", "plus", "moins", "tres", "trop", "bien", "aussi", "encore", "deja",
        "meme", "ainsi", "alors", "enfin", "etc", "aujourd", "hui",
        // être, avoir, faire, falloir.
        "etre", "suis", "es", "est", "sommes", "etes", "sont", "etait", "etaient", "ete", "sera",
        "seront", "serait", "seraient", "soit", "soient", "avoir", "ai", "as", "avons", "avez",
        "ont", "avait", "avaient", "aura", "auront", "aurait", "eu", "fait", "faire", "faut",
        "falloir", "fallait", "faudrait"};
    std::sort(words.begin(), words.end());
    words.erase(std::unique(words.begin(), words.end()), words.end());
    return words;
  }();
  return list;
}

bool IsStopword(std::string_view word) {
  const std::vector<std::string>& list = StopwordList();
  return std::binary_search(list.begin(), list.end(), word,
                            [](std::string_view a, std::string_view b) { return a < b; });
}

}  // namespace verbatim
