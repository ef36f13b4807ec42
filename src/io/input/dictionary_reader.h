// Readers of word-counting dictionaries: quanteda's YAML, LIWC's .dic and
// WordStat's .CAT, into the one model of core/dictionary.h.
//
// Design: each format has its own parser over text already decoded to UTF-8
// (one .cc each); the file, its encoding and its line ends are handled once
// here. A parser reports what its format has and verbatim does not (WordStat
// weights, LIWC entries tied to an undeclared category) as notes and goes on;
// only a file that is not of the format at all is an error. Lines end with
// LF, CRLF or a lone CR, in any mix (the public dictionaries have all three).
#ifndef VERBATIM_IO_DICTIONARY_READER_H_
#define VERBATIM_IO_DICTIONARY_READER_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/dictionary.h"
#include "core/status.h"

namespace verbatim {

enum class DictionaryFormat { kQuanteda, kLiwc, kWordstat };

// Stable names, as --format takes them: "quanteda", "liwc", "wordstat".
std::string_view DictionaryFormatName(DictionaryFormat format);
std::optional<DictionaryFormat> ParseDictionaryFormat(std::string_view name);
// From the extension, case aside: .yml/.yaml, .dic, .cat; nullopt otherwise.
std::optional<DictionaryFormat> DictionaryFormatFromPath(const std::string& path);

// Reads `path`. Bytes that are valid UTF-8 (a byte order mark is dropped) are
// read as they are; otherwise the file is read as Windows-1252 (which covers
// Latin-1's letters), with a note saying so. Errors: the file cannot be
// read; the parser's errors.
Result<Dictionary> ReadDictionaryFile(const std::string& path, DictionaryFormat format);

// The parsers; `path` is used in locations only. Thread-safe.
//
// quanteda: a YAML mapping of keys to lists of entries or to mappings of the
// same kind (nesting); a single string is a list of one. Errors: YAML
// syntax, a document that is not a mapping.
Result<Dictionary> ParseQuantedaDictionary(std::string_view text, const std::string& path);
// LIWC: a header between two lines "%", one category a line ("<number>
// <name>", tabs or spaces between), then one entry a line: the word(s), then
// a tab and its category numbers. A line whose last fields are numbers is
// split there, so multi-word entries ("civil rights\t3") read as one entry.
// Errors: no header.
Result<Dictionary> ParseLiwcDictionary(std::string_view text, const std::string& path);
// WordStat: one item a line, its depth the number of leading tabs; an item
// followed by deeper items is a category, any other item is an entry of the
// category above it; an entry may end with a weight "(n)", which is dropped
// (one note per distinct weight, with how many entries had it); '_' in an
// entry joins the words of a phrase. Errors: no category.
Result<Dictionary> ParseWordstatDictionary(std::string_view text, const std::string& path);

// `text` cut at LF, CRLF and lone CR; a final line end makes no empty line.
std::vector<std::string_view> SplitDictionaryLines(std::string_view text);

}  // namespace verbatim

#endif  // VERBATIM_IO_DICTIONARY_READER_H_
