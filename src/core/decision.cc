#include "core/decision.h"

#include <algorithm>

#include "core/suggest.h"

namespace verbatim {
namespace {

// The length in bytes of the blank at `at` (ASCII space, tab, CR, LF, and the
// no-break spaces French spreadsheets put before ';'), or 0.
size_t BlankLength(std::string_view text, size_t at) {
  const char c = text[at];
  if (c == ' ' || c == '\t' || c == '\r' || c == '\n') return 1;
  if (text.substr(at, 2) == "\xC2\xA0") return 2;          // U+00A0 no-break space
  if (text.substr(at, 3) == "\xE2\x80\xAF") return 3;      // U+202F narrow no-break space
  return 0;
}

size_t SkipBlanks(std::string_view text, size_t at) {
  while (at < text.size()) {
    const size_t blank = BlankLength(text, at);
    if (blank == 0) break;
    at += blank;
  }
  return at;
}

// The end of `text` without trailing blanks.
size_t TrimmedEnd(std::string_view text) {
  size_t end = text.size();
  for (;;) {
    if (end >= 1 && BlankLength(text, end - 1) == 1) {
      --end;
    } else if (end >= 2 && BlankLength(text, end - 2) == 2) {
      end -= 2;
    } else if (end >= 3 && BlankLength(text, end - 3) == 3) {
      end -= 3;
    } else {
      return end;
    }
  }
}

// 1-based character column of byte `at`.
int ColumnOf(std::string_view text, size_t at) {
  int column = 1;
  for (size_t i = 0; i < at && i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++column;
  }
  return column;
}

bool IsIdChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
         c == '.';
}

std::string AsciiLower(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

// Blanks, ',' and ';' separate ids.
size_t SkipSeparators(std::string_view text, size_t at, size_t end) {
  while (at < end) {
    if (text[at] == ',' || text[at] == ';') {
      ++at;
      continue;
    }
    const size_t blank = BlankLength(text, at);
    if (blank == 0) break;
    at += blank;
  }
  return at;
}

size_t IdEnd(std::string_view text, size_t at, size_t end) {
  while (at < end && IsIdChar(text[at])) ++at;
  return at;
}

std::string Quote(std::string_view text) { return "'" + std::string(text) + "'"; }

std::string CharacterAt(std::string_view text, size_t at) {
  size_t length = 1;
  while (at + length < text.size() &&
         (static_cast<unsigned char>(text[at + length]) & 0xC0) == 0x80) {
    ++length;
  }
  return std::string(text.substr(at, length));
}

tl::unexpected<Error> ErrorAt(std::string_view written, size_t at, std::string message) {
  return MakeError(std::move(message), SourceLocation{"", 0, ColumnOf(written, at)});
}

bool Contains(const std::vector<WrittenCode>& codes, const std::string& id) {
  return std::any_of(codes.begin(), codes.end(), [&](const WrittenCode& c) { return c.id == id; });
}

void AddUnique(std::vector<WrittenCode>* codes, WrittenCode code) {
  if (!Contains(*codes, code.id)) codes->push_back(std::move(code));
}

constexpr char kForms[] = "write ok, none, +code -code or =code;code";

Result<Decision> ParseSet(std::string_view written, size_t at, size_t end) {
  Decision decision;
  decision.kind = DecisionKind::kSet;
  const size_t sign = at;
  at = SkipSeparators(written, at + 1, end);
  while (at < end) {
    const size_t id_end = IdEnd(written, at, end);
    if (id_end == at) {
      return ErrorAt(written, at,
                     "unexpected " + Quote(CharacterAt(written, at)) + " in decision " +
                         Quote(written) + ": after '=' write code ids separated by ';'");
    }
    AddUnique(&decision.codes,
              WrittenCode{AsciiLower(written.substr(at, id_end - at)), ColumnOf(written, at)});
    at = SkipSeparators(written, id_end, end);
  }
  if (decision.codes.empty()) {
    return ErrorAt(written, sign,
                   "decision " + Quote(written) +
                       " names no code: write =code;code, or none for no code");
  }
  return decision;
}

Result<Decision> ParseEdit(std::string_view written, size_t at, size_t end) {
  Decision decision;
  decision.kind = DecisionKind::kEdit;
  while (at < end) {
    const char sign = written[at];
    if (sign != '+' && sign != '-') {
      const size_t id_end = IdEnd(written, at, end);
      if (id_end > at) {
        const std::string id(written.substr(at, id_end - at));
        return ErrorAt(written, at,
                       Quote(id) + " in decision " + Quote(written) +
                           " needs its own '+' or '-' (write +" + id + " or -" + id + ")");
      }
      return ErrorAt(written, at,
                     "unexpected " + Quote(CharacterAt(written, at)) + " in decision " +
                         Quote(written) + ": write +code to add a code, -code to remove one");
    }
    const size_t sign_at = at;
    at = SkipBlanks(written, at + 1);
    const size_t id_end = IdEnd(written, at, end);
    if (id_end == at) {
      return ErrorAt(written, sign_at,
                     Quote(std::string(1, sign)) + " in decision " + Quote(written) +
                         " must be followed by a code id");
    }
    WrittenCode code{AsciiLower(written.substr(at, id_end - at)), ColumnOf(written, at)};
    auto& same = sign == '+' ? decision.add : decision.remove;
    const auto& other = sign == '+' ? decision.remove : decision.add;
    if (Contains(other, code.id)) {
      return ErrorAt(written, at,
                     "decision " + Quote(written) + " both adds and removes " + Quote(code.id));
    }
    AddUnique(&same, std::move(code));
    at = SkipSeparators(written, id_end, end);
  }
  return decision;
}

}  // namespace

std::string_view DecisionKindName(DecisionKind kind) {
  switch (kind) {
    case DecisionKind::kAccept: return "ok";
    case DecisionKind::kReject: return "none";
    case DecisionKind::kEdit: return "edit";
    case DecisionKind::kSet: return "set";
  }
  return "ok";
}

bool IsBlankDecision(std::string_view written) {
  return SkipBlanks(written, 0) == written.size();
}

std::string TrimCell(std::string_view cell) {
  const size_t begin = SkipBlanks(cell, 0);
  const size_t end = std::max(begin, TrimmedEnd(cell));
  return std::string(cell.substr(begin, end - begin));
}

std::string TrimDecision(std::string_view written) {
  size_t begin = SkipBlanks(written, 0);
  const size_t end = std::max(begin, TrimmedEnd(written));
  if (begin < end && written[begin] == '\'') begin = SkipBlanks(written, begin + 1);
  return std::string(written.substr(begin, std::max(begin, end) - begin));
}

Result<Decision> ParseDecision(std::string_view written) {
  size_t at = SkipBlanks(written, 0);
  const size_t end = std::max(at, TrimmedEnd(written));
  if (at < end && written[at] == '\'') at = SkipBlanks(written, at + 1);
  if (at >= end) return ErrorAt(written, 0, "empty decision: " + std::string(kForms));
  const std::string_view body = written.substr(at, end - at);
  const std::string lower = AsciiLower(body);
  if (lower == "ok") return Decision{DecisionKind::kAccept, {}, {}, {}};
  if (lower == "none") return Decision{DecisionKind::kReject, {}, {}, {}};
  if (body[0] == '=') return ParseSet(written, at, end);
  if (body[0] == '+' || body[0] == '-') return ParseEdit(written, at, end);
  if (body[0] == '#' || lower.rfind("err:", 0) == 0) {
    return ErrorAt(written, at,
                   "decision " + Quote(body) +
                       " is a spreadsheet formula error: the spreadsheet took the decision for a "
                       "formula. Type it again as text (start the cell with an apostrophe, "
                       "'=code;code) or format the decision column as Text");
  }
  for (const char* no : {"no", "non", "aucun", "aucune", "rien", "rejet", "rejete", "reject"}) {
    if (lower == no) {
      return ErrorAt(written, at,
                     "unknown decision " + Quote(body) + ": " + kForms + " (did you mean 'none'?)");
    }
  }
  for (const char* yes : {"oui", "yes", "accord", "valide", "accepte", "accept", "okay", "o.k."}) {
    if (lower == yes) {
      return ErrorAt(written, at,
                     "unknown decision " + Quote(body) + ": " + kForms + " (did you mean 'ok'?)");
    }
  }
  if (IdEnd(written, at, end) == end && lower.find_first_of("._") != std::string::npos) {
    return ErrorAt(written, at,
                   "unknown decision " + Quote(body) + ": " + kForms + " (did you mean '=" +
                       lower + "' or '+" + lower + "'?)");
  }
  return ErrorAt(written, at, "unknown decision " + Quote(body) + ": " + kForms);
}

std::string CanonicalDecisionText(std::string_view written) {
  auto decision = ParseDecision(written);
  if (!decision) return TrimDecision(written);
  std::string out;
  switch (decision->kind) {
    case DecisionKind::kAccept: return "ok";
    case DecisionKind::kReject: return "none";
    case DecisionKind::kSet:
      out = "=";
      for (const WrittenCode& code : decision->codes) out += (out.size() > 1 ? ";" : "") + code.id;
      return out;
    case DecisionKind::kEdit:
      for (const WrittenCode& code : decision->remove) out += (out.empty() ? "-" : " -") + code.id;
      for (const WrittenCode& code : decision->add) out += (out.empty() ? "+" : " +") + code.id;
      return out;
  }
  return out;
}

std::vector<Error> CheckDecisionCodes(const Decision& decision, const Codebook& codebook) {
  std::vector<std::string> candidates;
  candidates.reserve(codebook.codes.size());
  for (const CodeDefinition& code : codebook.codes) candidates.push_back(code.id);
  std::vector<Error> errors;
  for (const auto* list : {&decision.remove, &decision.add, &decision.codes}) {
    for (const WrittenCode& code : *list) {
      if (codebook.FindCode(code.id) >= 0) continue;
      std::string message = "unknown code " + Quote(code.id);
      const std::string suggestion = SuggestClosest(code.id, candidates);
      if (!suggestion.empty()) message += " (did you mean " + Quote(suggestion) + "?)";
      errors.push_back(Error{std::move(message), SourceLocation{"", 0, code.column}});
    }
  }
  std::sort(errors.begin(), errors.end(), [](const Error& a, const Error& b) {
    return a.location.column < b.location.column;
  });
  return errors;
}

std::vector<int> CanonicalCodeSet(std::vector<int> codes, const Codebook& codebook) {
  std::sort(codes.begin(), codes.end());
  codes.erase(std::unique(codes.begin(), codes.end()), codes.end());
  std::vector<char> implied(codebook.codes.size(), 0);
  for (int code : codes) {
    if (codebook.codes[code].level == CodeLevel::kSubtheme) {
      implied[codebook.codes[code].theme_index] = 1;
    }
  }
  std::erase_if(codes, [&](int code) { return implied[code] != 0; });
  return codes;
}

Result<std::vector<int>> ResolveDecision(const Decision& decision, const std::vector<int>& proposed,
                                         const Codebook& codebook) {
  auto index_of = [&](const WrittenCode& code) -> Result<int> {
    const int index = codebook.FindCode(code.id);
    if (index < 0) {
      return MakeError("unknown code " + Quote(code.id), SourceLocation{"", 0, code.column});
    }
    return index;
  };
  std::vector<int> codes;
  switch (decision.kind) {
    case DecisionKind::kAccept:
      codes = proposed;
      break;
    case DecisionKind::kReject:
      break;
    case DecisionKind::kSet:
      for (const WrittenCode& code : decision.codes) {
        auto index = index_of(code);
        if (!index) return tl::unexpected(index.error());
        codes.push_back(*index);
      }
      break;
    case DecisionKind::kEdit: {
      codes = proposed;
      for (const WrittenCode& code : decision.remove) {
        auto index = index_of(code);
        if (!index) return tl::unexpected(index.error());
        std::erase_if(codes, [&](int c) {
          return c == *index || codebook.codes[c].theme_index == *index;
        });
      }
      for (const WrittenCode& code : decision.add) {
        auto index = index_of(code);
        if (!index) return tl::unexpected(index.error());
        codes.push_back(*index);
      }
      break;
    }
  }
  return CanonicalCodeSet(std::move(codes), codebook);
}

}  // namespace verbatim
