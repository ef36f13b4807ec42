#include "core/candidate_patterns.h"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include "core/stopwords.h"
#include "core/words.h"

namespace verbatim {
namespace {

size_t Letters(std::string_view word) {
  return static_cast<size_t>(std::count_if(word.begin(), word.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  }));
}

// The first `letters` code points of `word`.
std::string_view LetterPrefix(std::string_view word, size_t letters) {
  size_t seen = 0;
  for (size_t at = 0; at < word.size(); ++at) {
    if ((static_cast<unsigned char>(word[at]) & 0xC0) == 0x80) continue;
    if (seen == letters) return word.substr(0, at);
    ++seen;
  }
  return word;
}

bool IsNumber(std::string_view word) {
  return std::all_of(word.begin(), word.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// A word that may stand alone as a term (and in a near pair).
bool IsTermWord(std::string_view word) {
  return Letters(word) >= 3 && !IsNumber(word) && !IsStopword(word);
}

// A word that may stand in a phrase (a function word may only stand
// between two of them).
bool IsContentWord(std::string_view word) {
  return !IsStopword(word) && !IsPhraseFunctionWord(word);
}

bool GapInSentence(std::string_view text, const WordToken& before, const WordToken& after) {
  for (uint32_t at = before.end; at < after.begin; ++at) {
    if (IsSentenceBreak(text[at])) return false;
  }
  return true;
}

int KindRank(CandidateKind kind) { return static_cast<int>(kind); }

std::string NearSource(const std::string& first, const std::string& second) {
  return "near([" + first + "], [" + second + "]; " + std::to_string(kNearWithin) + ")";
}

// Word spellings of one candidate as it was first met, and in how many texts.
struct Entry {
  CandidatePattern candidate;
  size_t last_text = static_cast<size_t>(-1);
};

class Collector {
 public:
  // Counts `key` once for text `text_index`; `make` builds the candidate
  // the first time the key is met.
  template <typename Make>
  void Add(const std::string& key, size_t text_index, Make make) {
    auto [it, added] = entries_.try_emplace(key);
    if (added) it->second.candidate = make();
    if (it->second.last_text != text_index) {
      it->second.last_text = text_index;
      ++it->second.candidate.answers;
    }
  }
  std::map<std::string, Entry>& entries() { return entries_; }

 private:
  std::map<std::string, Entry> entries_;
};

CandidatePattern MakeCandidate(CandidateKind kind, PatternKind pattern_kind, std::string source,
                               std::vector<PatternWord> words) {
  CandidatePattern candidate;
  candidate.kind = kind;
  candidate.pattern.kind = pattern_kind;
  candidate.pattern.source = std::move(source);
  candidate.words = std::move(words);
  return candidate;
}

}  // namespace

std::string_view CandidateKindName(CandidateKind kind) {
  switch (kind) {
    case CandidateKind::kTerm:
      return "term";
    case CandidateKind::kStem:
      return "stem";
    case CandidateKind::kPhrase:
      return "phrase";
    case CandidateKind::kNear:
      return "near";
  }
  return "term";
}

CandidateSet GenerateCandidates(const std::vector<std::string_view>& texts,
                                const CandidateOptions& options) {
  Collector collector;
  // Per stem prefix, the texts with a word that starts with it.
  std::map<std::string, size_t> prefix_texts;
  std::vector<WordToken> tokens;
  std::vector<std::string_view> words;
  for (size_t t = 0; t < texts.size(); ++t) {
    const std::string_view text = texts[t];
    TokenizeWords(text, &tokens);
    words.clear();
    for (const WordToken& token : tokens) {
      words.push_back(text.substr(token.begin, token.end - token.begin));
    }
    std::set<std::string_view> prefixes;
    for (size_t i = 0; i < words.size(); ++i) {
      const std::string_view word = words[i];
      const size_t letters = Letters(word);
      for (size_t n = kMinStemLetters; n <= letters; ++n) prefixes.insert(LetterPrefix(word, n));
      if (!IsTermWord(word)) continue;
      const std::string term(word);
      collector.Add("0" + term, t, [&] {
        return MakeCandidate(CandidateKind::kTerm, PatternKind::kTerm, term, {{term, false}});
      });
      for (size_t n = kMinStemLetters; n < letters; ++n) {
        const std::string stem(LetterPrefix(word, n));
        auto& entry = collector.entries()["1" + stem];
        if (entry.candidate.pattern.source.empty()) {
          entry.candidate =
              MakeCandidate(CandidateKind::kStem, PatternKind::kTerm, stem + "*", {{stem, true}});
        }
        std::vector<std::string>& sources = entry.candidate.stem_of;
        if (std::find(sources.begin(), sources.end(), term) == sources.end()) {
          sources.push_back(term);
        }
      }
    }
    for (std::string_view prefix : prefixes) ++prefix_texts[std::string(prefix)];

    // Phrases: from each content word, up to two more.
    for (size_t i = 0; i < words.size(); ++i) {
      if (!IsContentWord(words[i])) continue;
      std::string written(words[i]);
      std::string key(words[i]);
      std::vector<PatternWord> content = {{std::string(words[i]), false}};
      size_t last = i;
      while (content.size() < 3) {
        size_t next = last + 1;
        size_t function_words = 0;
        while (next < words.size() && GapInSentence(text, tokens[next - 1], tokens[next]) &&
               IsPhraseFunctionWord(words[next]) && function_words <= kMaxPhraseGapWords) {
          ++function_words;
          ++next;
        }
        if (next >= words.size() || function_words > kMaxPhraseGapWords ||
            !GapInSentence(text, tokens[next - 1], tokens[next]) || !IsContentWord(words[next])) {
          break;
        }
        for (size_t w = last + 1; w <= next; ++w) {
          const std::string_view gap =
              text.substr(tokens[w - 1].end, tokens[w].begin - tokens[w - 1].end);
          written += gap.find('\'') != std::string_view::npos ? '\'' : ' ';
          written += words[w];
        }
        key += ' ';
        key += words[next];
        content.push_back({std::string(words[next]), false});
        last = next;
        collector.Add("2" + key, t, [&] {
          return MakeCandidate(CandidateKind::kPhrase, PatternKind::kPhrase, written, content);
        });
      }
    }

    // Near pairs: two term words, at most kNearWithin words between them.
    for (size_t i = 0; i < words.size(); ++i) {
      if (!IsTermWord(words[i])) continue;
      for (size_t j = i + 1; j < words.size() && j - i - 1 <= static_cast<size_t>(kNearWithin);
           ++j) {
        if (!GapInSentence(text, tokens[j - 1], tokens[j])) break;
        if (!IsTermWord(words[j]) || words[j] == words[i]) continue;
        const std::string a(words[i]), b(words[j]);
        const std::string key = a < b ? a + ' ' + b : b + ' ' + a;
        collector.Add("3" + key, t, [&] {
          CandidatePattern near = MakeCandidate(CandidateKind::kNear, PatternKind::kNear,
                                                NearSource(a, b), {{a, false}, {b, false}});
          near.pattern.groups = {{a}, {b}};
          near.pattern.within = kNearWithin;
          return near;
        });
      }
    }
  }

  CandidateSet set;
  for (auto& [key, entry] : collector.entries()) {
    CandidatePattern& candidate = entry.candidate;
    if (candidate.kind == CandidateKind::kStem) {
      candidate.answers = prefix_texts[candidate.words.front().text];
    }
    if (candidate.answers < options.min_answers) continue;
    set.candidates.push_back(std::move(candidate));
  }
  set.generated = set.candidates.size();
  std::sort(set.candidates.begin(), set.candidates.end(),
            [](const CandidatePattern& a, const CandidatePattern& b) {
              return std::make_tuple(-static_cast<long long>(a.answers), KindRank(a.kind),
                                     std::string_view(a.pattern.source)) <
                     std::make_tuple(-static_cast<long long>(b.answers), KindRank(b.kind),
                                     std::string_view(b.pattern.source));
            });
  if (set.candidates.size() > options.max_candidates) {
    set.candidates.resize(options.max_candidates);
  }
  return set;
}

}  // namespace verbatim
