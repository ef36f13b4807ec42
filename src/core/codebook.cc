#include "core/codebook.h"

namespace verbatim {

std::string_view PatternKindName(PatternKind kind) {
  switch (kind) {
    case PatternKind::kTerm:
      return "term";
    case PatternKind::kPhrase:
      return "phrase";
    case PatternKind::kRegex:
      return "regex";
    case PatternKind::kNear:
      return "near";
  }
  return "term";
}

NegationSettings DefaultNegationSettings() {
  NegationSettings settings;
  // Grammatical negation and explicit rejection that precede what they deny.
  // "ne" alone is enough: "ne … pas/plus/jamais/guère/rien" always starts
  // with it, and the window rarely reaches past the verb.
  settings.before = {"ne",       "n'",          "pas",         "jamais",     "sans",
                     "aucun",    "aucune",      "ni",          "non",        "contre",
                     "refus",    "refuse",      "refusons",    "surtout pas", "pas besoin",
                     "inutile",  "je ne demande pas"};
  settings.after = {"pas necessaire", "pas utile",  "inutile",          "n'est pas une priorite",
                    "pas prioritaire", "ne sert a rien", "sans interet"};
  settings.clause_breaks = {"mais", "et", "car", "donc", "puis", "par contre", "en revanche",
                            "ou"};
  // A cue word that is part of a fixed expression denies nothing: "la lutte
  // contre la fraude" asks for the fight, "sans doute" means "probably".
  settings.fixed_phrases = {"lutt* contre",  "contre-indication*", "contre-indiqu*",
                            "pour ou contre", "pour et contre",     "le pour et le contre",
                            "sans doute",     "sans cesse",         "non seulement",
                            "pas mal"};
  return settings;
}

int Codebook::FindCode(std::string_view id) const {
  for (size_t i = 0; i < codes.size(); ++i) {
    if (codes[i].id == id) return static_cast<int>(i);
  }
  return -1;
}

}  // namespace verbatim
