#include "core/prefilter.h"

#include <algorithm>
#include <cassert>
#include <cstdint>
#include <map>
#include <utility>

#include <re2/filtered_re2.h>
#include <re2/re2.h>
#include <re2/set.h>

#include "core/regex_options.h"

namespace verbatim {
namespace {

static_assert(static_cast<int>(PrefilterError::kNone) == RE2::Set::kNoError);
static_assert(static_cast<int>(PrefilterError::kNotCompiled) == RE2::Set::kNotCompiled);
static_assert(static_cast<int>(PrefilterError::kOutOfMemory) == RE2::Set::kOutOfMemory);
static_assert(static_cast<int>(PrefilterError::kInconsistent) == RE2::Set::kInconsistent);

// Whether `source` holds a counted repetition whose range is 3 or more
// ("{0,40}", "{2,}"), outside character classes and escapes: the regexes
// that are gated by their atoms rather than put in the Set (see the
// header). Only speed depends on it; candidates are exact either way.
bool HasCountedRange(std::string_view source) {
  bool in_class = false;
  for (size_t i = 0; i < source.size(); ++i) {
    const char c = source[i];
    if (c == '\\') {
      ++i;
      continue;
    }
    if (in_class) {
      if (c == ']') in_class = false;
      continue;
    }
    if (c == '[') {
      in_class = true;
      if (i + 1 < source.size() && source[i + 1] == '^') ++i;
      if (i + 1 < source.size() && source[i + 1] == ']') ++i;  // "[]...]", "[^]...]"
      continue;
    }
    if (c != '{') continue;
    size_t at = i + 1;
    auto number = [&](long* value) {
      const size_t start = at;
      *value = 0;
      while (at < source.size() && source[at] >= '0' && source[at] <= '9' && *value < 100000) {
        *value = *value * 10 + (source[at++] - '0');
      }
      return at > start;
    };
    long low = 0, high = 0;
    if (!number(&low) || at >= source.size() || source[at] != ',') continue;
    ++at;
    const bool bounded = number(&high);
    if (at >= source.size() || source[at] != '}') continue;
    if (!bounded || high - low >= 3) return true;
  }
  return false;
}

bool IsAscii(std::string_view text) {
  return std::all_of(text.begin(), text.end(),
                     [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

// FilteredRE2 drops atoms shorter than this (a regex whose every atom is
// shorter needs none): 3 bytes keep "eur", "non", "ans" as atoms.
constexpr int kMinGateAtomBytes = 3;

// A node of the word trie while it is built, before it becomes a row.
struct TrieNode {
  int whole_key = -1;  // The key of the word that ends here, if any.
  int stem_key = -1;   // The key of the stem that ends here, if any.
};

}  // namespace

// Two Sets, not one: one Set of the regexes and the literal atoms makes a
// DFA whose states pair a regex state with an atom state. With two, the
// shipped codebook took 17.5 % less CPU on real answers and 9.8 % less on
// match-dense ones (bench/results/2026-12-07-two-sets.md).
struct Prefilter::RegexKeys {
  explicit RegexKeys(int64_t set_max_mem)
      : set(CodebookRegexOptions(set_max_mem), RE2::UNANCHORED),
        atom_set(CodebookRegexOptions(set_max_mem), RE2::UNANCHORED) {}

  RE2::Set set;                 // Regex keys not gated.
  std::vector<int> set_keys;    // set index -> key.
  RE2::Set atom_set;            // Gate atoms, as literals.
  std::vector<int> atom_ids;    // atom_set index -> FilteredRE2 atom id.
  std::unique_ptr<re2::FilteredRE2> gated;    // Null when no regex is gated.
  std::vector<int> gated_keys;                // gated regexp id -> key.
  std::vector<int> always_found_atoms;        // Gate atoms that are not ASCII.
  std::vector<int> potentials_without_atoms;  // gated ids that need no atom.
};

// The root's row alone: every walk stops at once.
Prefilter::Prefilter() : trie_next_{0, -1, -1} {}
Prefilter::~Prefilter() = default;
Prefilter::Prefilter(Prefilter&&) noexcept = default;
Prefilter& Prefilter::operator=(Prefilter&&) noexcept = default;

int Prefilter::gated_regex_count() const {
  return regex_keys_ == nullptr ? 0 : static_cast<int>(regex_keys_->gated_keys.size());
}

int Prefilter::gate_atom_count() const {
  if (regex_keys_ == nullptr) return 0;
  return static_cast<int>(regex_keys_->always_found_atoms.size() + regex_keys_->atom_ids.size());
}

bool Prefilter::Compile(const AtomRegistry& registry, const CompileOptions& options,
                        std::string* error) {
  const std::vector<Atom>& atoms = registry.atoms();
  vocabulary_ = registry.vocabulary();
  for (const Atom& atom : atoms) atom_patterns_.push_back(atom.pattern);
  for (const CompiledPattern& pattern : registry.patterns()) {
    pattern_atoms_.push_back(pattern.atoms);
  }
  auto regexes = std::make_unique<RegexKeys>(options.set_max_mem);

  // Words go into a trie built with maps first, then flattened.
  std::vector<std::map<unsigned char, int>> children(1);
  std::vector<TrieNode> trie(1);
  auto word_key = [&](const PatternWord& word) -> int {
    int node = 0;
    for (char c : word.text) {
      const unsigned char byte = static_cast<unsigned char>(c);
      auto [it, inserted] = children[node].emplace(byte, static_cast<int>(trie.size()));
      if (inserted) {
        trie.push_back(TrieNode{});
        children.emplace_back();
      }
      node = it->second;
    }
    int& key = word.stem ? trie[node].stem_key : trie[node].whole_key;
    if (key < 0) {
      key = static_cast<int>(keys_.size());
      keys_.push_back(Key{KeyKind::kWord, -1, {}});
      key_words_.resize(keys_.size());
      key_words_[key] = word;
      key_words_[key].max_edits = 0;
    }
    // A word used with typos by one pattern and exactly by another is one
    // key found with the most edits: candidates may be a superset, and each
    // pattern's own words then decide (core/occurrences.h).
    key_words_[key].max_edits = std::max(key_words_[key].max_edits, word.max_edits);
    return key;
  };

  // Each regex atom gets a key of its own, even when another pattern has
  // the same source: a key names one atom, and both must become candidates.
  auto set_key = [&](const std::string& source, int target) -> bool {
    std::string add_error;
    const int index = regexes->set.Add(source, &add_error);
    if (index < 0) {
      *error = "cannot add '" + source + "' to the pattern set: " + add_error;
      return false;
    }
    regexes->set_keys.push_back(static_cast<int>(keys_.size()));
    keys_.push_back(Key{KeyKind::kRegex, target, {}});
    return true;
  };
  // A gated regex: FilteredRE2 compiles it again; if it cannot (it compiled
  // once, so only out of memory), it goes in the Set like the others.
  auto gate_key = [&](const std::string& source, int target) -> bool {
    if (regexes->gated == nullptr) {
      regexes->gated = std::make_unique<re2::FilteredRE2>(kMinGateAtomBytes);
    }
    int id = -1;
    if (regexes->gated->Add(source, CodebookRegexOptions(options.pattern_max_mem), &id) !=
        RE2::NoError) {
      return false;
    }
    assert(id == static_cast<int>(regexes->gated_keys.size()));
    regexes->gated_keys.push_back(static_cast<int>(keys_.size()));
    keys_.push_back(Key{KeyKind::kRegex, target, {}});
    return true;
  };

  for (size_t atom = 0; atom < atoms.size(); ++atom) {
    if (!registry.IsUserRegex(static_cast<int>(atom))) {
      for (const WordSequence& sequence : atoms[atom].sequences) {
        const int item = static_cast<int>(items_.size());
        std::vector<int> item_keys;
        for (const PatternWord& word : sequence.words) item_keys.push_back(word_key(word));
        std::sort(item_keys.begin(), item_keys.end());
        item_keys.erase(std::unique(item_keys.begin(), item_keys.end()), item_keys.end());
        for (int key : item_keys) keys_[key].items.push_back(item);
        items_.push_back(Item{static_cast<int>(atom), static_cast<int>(item_keys.size())});
      }
      continue;
    }
    const std::string& source = registry.patterns()[atoms[atom].pattern].pattern->source;
    if (!(HasCountedRange(source) && gate_key(source, static_cast<int>(atom))) &&
        !set_key(source, static_cast<int>(atom))) {
      return false;
    }
  }
  // Every Add failed: all went to the Set.
  if (regexes->gated_keys.empty()) regexes->gated.reset();
  min_typo_token_bytes_ = 0;
  for (size_t key = 0; key < key_words_.size(); ++key) {
    const PatternWord& word = key_words_[key];
    if (keys_[key].kind != KeyKind::kWord || word.max_edits <= 0) continue;
    fuzzy_.Add(word.text, word.stem, word.max_edits, static_cast<int>(key));
    // A word can lose at most max_edits bytes to deletions.
    const int shortest = std::max(2, static_cast<int>(word.text.size()) - word.max_edits);
    if (min_typo_token_bytes_ == 0 || shortest < min_typo_token_bytes_) {
      min_typo_token_bytes_ = shortest;
    }
  }
  if (regexes->gated != nullptr) {
    std::vector<std::string> gate_atoms;
    regexes->gated->Compile(&gate_atoms);
    for (size_t a = 0; a < gate_atoms.size(); ++a) {
      if (gate_atoms[a].empty() || !IsAscii(gate_atoms[a])) {
        regexes->always_found_atoms.push_back(static_cast<int>(a));
        continue;
      }
      std::string add_error;
      if (regexes->atom_set.Add(RE2::QuoteMeta(gate_atoms[a]), &add_error) < 0) {
        *error = "cannot add the literal '" + gate_atoms[a] + "' to the pattern set: " + add_error;
        return false;
      }
      regexes->atom_ids.push_back(static_cast<int>(a));
    }
    regexes->gated->AllPotentials(regexes->always_found_atoms, &regexes->potentials_without_atoms);
  }

  // Dense transition rows over the bytes keys use, nodes numbered breadth
  // first so that the rows every walk starts with sit together in cache.
  std::fill(std::begin(trie_class_), std::end(trie_class_), 0);
  int columns = 1;
  for (const std::map<unsigned char, int>& edges : children) {
    for (const auto& [byte, child] : edges) {
      if (trie_class_[byte] == 0) trie_class_[byte] = static_cast<unsigned char>(columns++);
    }
  }
  assert(columns <= 256);        // Word bytes never include ASCII punctuation.
  std::vector<int> order = {0};  // Breadth-first order of the old node numbers.
  std::vector<int> renumbered(trie.size(), 0);
  for (size_t at = 0; at < order.size(); ++at) {
    for (const auto& [byte, child] : children[order[at]]) {
      renumbered[child] = static_cast<int>(order.size());
      order.push_back(child);
    }
  }
  // Each row holds its transitions, as the child's row offset (so that a
  // walk adds instead of multiplying), then the node's whole and stem keys.
  trie_stride_ = static_cast<size_t>(columns) + 2;
  trie_next_.assign(trie.size() * trie_stride_, 0);
  for (size_t node = 0; node < trie.size(); ++node) {
    const size_t row = static_cast<size_t>(renumbered[node]) * trie_stride_;
    for (const auto& [byte, child] : children[node]) {
      trie_next_[row + trie_class_[byte]] =
          static_cast<int>(static_cast<size_t>(renumbered[child]) * trie_stride_);
    }
    trie_next_[row + trie_stride_ - 2] = trie[node].whole_key;
    trie_next_[row + trie_stride_ - 1] = trie[node].stem_key;
  }

  if ((!regexes->set_keys.empty() && !regexes->set.Compile()) ||
      (!regexes->atom_ids.empty() && !regexes->atom_set.Compile())) {
    *error = "out of memory";
    return false;
  }
  if (!regexes->set_keys.empty() || regexes->gated != nullptr) regex_keys_ = std::move(regexes);
  return true;
}

size_t Prefilter::TypoSharedBytes(std::string_view word) const {
  if (word.empty()) return 0;
  size_t row = 0, stem_bytes = 0, i = 0;
  for (; i < word.size(); ++i) {
    row = static_cast<size_t>(
        trie_next_[row + trie_class_[static_cast<unsigned char>(word[i])]]);
    if (row == 0) break;
    if (trie_next_[row + trie_stride_ - 1] >= 0) stem_bytes = i + 1;  // a stem ends here
  }
  if (i == word.size() && row != 0 && trie_next_[row + trie_stride_ - 2] >= 0) return 0;
  return std::max<size_t>(stem_bytes, 1);
}

template <typename HitKey>
void Prefilter::FindTypoKeys(std::string_view normalized, size_t t,
                             const std::vector<WordToken>& tokens, size_t shared,
                             PrefilterScratch* scratch, HitKey hit_key) const {
  const std::string_view word = normalized.substr(tokens[t].begin, tokens[t].end - tokens[t].begin);
  auto cached = scratch->typo_cache.find(word);
  if (cached == scratch->typo_cache.end()) {
    if (scratch->typo_cache.size() >= kMaxTypoCacheWords) scratch->typo_cache.clear();
    scratch->typo_keys.clear();
    fuzzy_.Find(word, &scratch->fuzzy, &scratch->typo_keys, shared);
    if (vocabulary_.NeverTypo(word)) scratch->typo_keys.clear();
    cached = scratch->typo_cache.emplace(std::string(word), scratch->typo_keys).first;
  }
  if (cached->second.empty()) return;
  // At most kMaxFuzzyWordBytes (48): a char holds it.
  scratch->typo_tokens[t] = static_cast<char>(std::min<size_t>(shared, kMaxFuzzyWordBytes));
  for (int key : cached->second) hit_key(key);
}

bool Prefilter::FindCandidates(std::string_view normalized, const std::vector<WordToken>& tokens,
                               PrefilterScratch* scratch, std::vector<int>* candidates,
                               PrefilterError* error) const {
  candidates->clear();
  *error = PrefilterError::kNone;
  scratch->key_hits.clear();
  if (scratch->key_hit.size() != keys_.size()) scratch->key_hit.assign(keys_.size(), 0);
  auto hit_key = [scratch](int key) {
    if (key < 0 || scratch->key_hit[key]) return;
    scratch->key_hit[key] = 1;
    scratch->key_hits.push_back(key);
  };
  const auto* text = reinterpret_cast<const unsigned char*>(normalized.data());
  // Locals, so that the loop does not reload members after every push_back.
  const int* next = trie_next_.data();
  const unsigned char* byte_class = trie_class_;
  const size_t whole_at = trie_stride_ - 2;
  const size_t stem_at = trie_stride_ - 1;
  const bool typos = !fuzzy_.empty();
  if (typos) scratch->typo_tokens.assign(tokens.size(), 0);
  for (size_t t = 0; t < tokens.size(); ++t) {
    const WordToken& token = tokens[t];
    size_t row = 0;
    uint32_t i = token.begin;
    uint32_t stem_bytes = 0;
    for (; i < token.end; ++i) {
      row = static_cast<size_t>(next[row + byte_class[text[i]]]);
      if (row == 0) break;
      const int stem = next[row + stem_at];
      if (stem >= 0) stem_bytes = i + 1 - token.begin;
      hit_key(stem);
    }
    const bool whole_word = i == token.end && row != 0 && next[row + whole_at] >= 0;
    if (i == token.end && row != 0) hit_key(next[row + whole_at]);
    // A whole word of the codebook is spelt right: never read as a
    // misspelling. A word under a stem only as one of a longer word that
    // begins with the stem (TypoSharedBytes).
    if (typos && !whole_word &&
        token.end - token.begin >= static_cast<uint32_t>(min_typo_token_bytes_) &&
        fuzzy_.MayMatch(normalized.substr(token.begin, token.end - token.begin))) {
      FindTypoKeys(normalized, t, tokens, std::max<size_t>(stem_bytes, 1), scratch, hit_key);
    }
  }

  scratch->gate_atoms.clear();
  if (regex_keys_ != nullptr) {
    const RegexKeys& regexes = *regex_keys_;
    const re2::StringPiece text_piece(normalized.data(), normalized.size());
    // The indices of `set`'s entries that match, in scratch->set_hits; false,
    // with *error set, when RE2 fails. Asking first whether any entry
    // matches lets RE2 skip allocating the match set and stop at the first
    // match: most answers match no regex (the atoms hit most answers, but
    // stop early in them).
    auto match_set = [&](const RE2::Set& set) {
      scratch->set_hits.clear();
      RE2::Set::ErrorInfo set_error{RE2::Set::kNoError};
      const bool any = set.Match(text_piece, nullptr, &set_error);
      if ((any && !set.Match(text_piece, &scratch->set_hits, &set_error) &&
           set_error.kind != RE2::Set::kNoError) ||
          (!any && set_error.kind != RE2::Set::kNoError)) {
        *error = static_cast<PrefilterError>(set_error.kind);
        for (int key : scratch->key_hits) scratch->key_hit[key] = 0;
        return false;
      }
      return true;
    };
    if (!regexes.set_keys.empty()) {
      if (!match_set(regexes.set)) return false;
      for (int index : scratch->set_hits) hit_key(regexes.set_keys[index]);
    }
    if (!regexes.atom_ids.empty()) {
      if (!match_set(regexes.atom_set)) return false;
      for (int index : scratch->set_hits) scratch->gate_atoms.push_back(regexes.atom_ids[index]);
    }
    if (regexes.gated != nullptr) {
      const std::vector<int>* potentials = &regexes.potentials_without_atoms;
      if (!scratch->gate_atoms.empty()) {
        scratch->gate_atoms.insert(scratch->gate_atoms.end(), regexes.always_found_atoms.begin(),
                                   regexes.always_found_atoms.end());
        regexes.gated->AllPotentials(scratch->gate_atoms, &scratch->gate_potentials);
        potentials = &scratch->gate_potentials;
      }
      for (int id : *potentials) hit_key(regexes.gated_keys[id]);
    }
  }
  if (scratch->key_hits.empty()) return true;

  if (scratch->item_hits.size() != items_.size()) scratch->item_hits.assign(items_.size(), 0);
  if (scratch->atom_possible.size() != atom_patterns_.size()) {
    scratch->atom_possible.assign(atom_patterns_.size(), 0);
  }
  scratch->touched_items.clear();
  scratch->possible_atoms.clear();
  auto mark_atom = [scratch](int atom) {
    if (scratch->atom_possible[atom]) return;
    scratch->atom_possible[atom] = 1;
    scratch->possible_atoms.push_back(atom);
  };
  for (int k : scratch->key_hits) {
    scratch->key_hit[k] = 0;
    const Key& key = keys_[k];
    switch (key.kind) {
      case KeyKind::kWord:
        for (int item : key.items) {
          if (scratch->item_hits[item]++ == 0) scratch->touched_items.push_back(item);
          if (scratch->item_hits[item] == items_[item].key_count) mark_atom(items_[item].atom);
        }
        break;
      case KeyKind::kRegex:
        mark_atom(key.target);
        break;
    }
  }
  for (int atom : scratch->possible_atoms) {
    const int pattern = atom_patterns_[atom];
    const std::vector<int>& pattern_atoms = pattern_atoms_[pattern];
    const bool all_atoms = std::all_of(pattern_atoms.begin(), pattern_atoms.end(),
                                       [&](int a) { return scratch->atom_possible[a] != 0; });
    if (all_atoms) candidates->push_back(pattern);
  }
  std::sort(candidates->begin(), candidates->end());
  candidates->erase(std::unique(candidates->begin(), candidates->end()), candidates->end());
  for (int item : scratch->touched_items) scratch->item_hits[item] = 0;
  for (int atom : scratch->possible_atoms) scratch->atom_possible[atom] = 0;
  return true;
}

}  // namespace verbatim
