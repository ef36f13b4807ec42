// Negation scope: does a negation cue govern a hit?
//
// Design: French negation and rejection mostly precede what they deny ("pas
// de", "sans", "je ne veux pas de", "contre la"); a few judgements follow it
// ("… n'est pas une priorité"). The scope is a window of words on each side
// of the hit that stops at a clause break: punctuation (. , ; : ! ? ( ) / …;
// not quotation marks: "pas de « revalorisation »")
// or a clause-break word ("mais", "et", …). Cues inside the hit are never
// looked at, so a pattern that contains its own negation ("pas de
// sanctions") expresses a demand; nor is the "ne" whose second half ("pas",
// "plus", "jamais"…) is inside the hit, since both halves are one negation
// ("je ne veux [pas de sanctions]", "je ne veux [surtout pas de refonte]").
#ifndef VERBATIM_CORE_NEGATION_H_
#define VERBATIM_CORE_NEGATION_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/compiled_codebook.h"
#include "core/occurrences.h"
#include "core/words.h"

namespace verbatim {

// The normalized cue that negates the hit [begin, end) of `text`, or an
// empty string; with several cues, the first in text order. `tokens` are
// TokenizeWords(text). `window` is the number of
// words searched before the hit; after it, twice as many (judgements such as
// "n'est pas une priorité" are long); the cues of
// NegationSettings::after_sentence also past commas and colons, within
// three times the window, and in the first words after a question mark ("la CCAM, franchement, c'est
// secondaire"). Nothing after the hit when `look_after`
// is false: an
// exclusion is only inverted by what precedes it ("ne pas supprimer les
// dépassements"), since a judgement after it ("supprimer les dépassements,
// surtout pas") repeats the rejection rather than inverts it.
std::string FindNegationCue(const CompiledCodebook& codebook, std::string_view text,
                            const std::vector<WordToken>& tokens, size_t begin, size_t end,
                            int window, bool look_after = true);

// The first of NegationSettings::after_sentence's dismissals in `text`
// after the end of the first of `hits` (a dismissal judges what was said
// before it), in any sentence, outside every hit and every fixed phrase,
// normalized; an empty string when there is none, no hit, or no dismissal
// in the codebook. `tokens` are TokenizeWords(text). A cue inside a hit is
// part of the demand ("gardez le secteur 2" is not "gardez-le"); a cue of
// one word ("lol") is not looked for this far.
std::string FindDismissal(const CompiledCodebook& codebook, std::string_view text,
                          const std::vector<WordToken>& tokens, const std::vector<TextSpan>& hits);

}  // namespace verbatim

#endif  // VERBATIM_CORE_NEGATION_H_
