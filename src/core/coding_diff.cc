#include "core/coding_diff.h"

#include <algorithm>

namespace verbatim {
namespace {

// The codes of `codes` plus the themes of their subthemes, as flags indexed
// like book.codes.
std::vector<char> WithThemes(const Codebook& book, const std::vector<int>& codes) {
  std::vector<char> present(book.codes.size(), 0);
  for (int code : codes) {
    present[code] = 1;
    const int theme = book.codes[code].theme_index;
    if (theme >= 0) present[theme] = 1;
  }
  return present;
}

// Ids present in `from` (flags over from_book) and absent from `other`
// (flags over other_book), in from_book's order.
std::vector<std::string> Missing(const Codebook& from_book, const std::vector<char>& from,
                                 const Codebook& other_book, const std::vector<char>& other) {
  std::vector<std::string> ids;
  for (size_t code = 0; code < from_book.codes.size(); ++code) {
    if (!from[code]) continue;
    const int there = other_book.FindCode(from_book.codes[code].id);
    if (there < 0 || !other[there]) ids.push_back(from_book.codes[code].id);
  }
  return ids;
}

}  // namespace

bool AnswerChange::changed() const {
  return old_status != new_status || !counted_added.empty() || !counted_removed.empty() ||
         !proposed_added.empty() || !proposed_removed.empty();
}

bool AnswerChange::newly_disputed() const {
  return new_status == AnswerStatus::kDisputed && old_status != AnswerStatus::kDisputed;
}

bool AnswerChange::no_longer_disputed() const {
  return old_status == AnswerStatus::kDisputed && new_status != AnswerStatus::kDisputed;
}

AnswerChange CompareCodings(const Codebook& old_book, const CodingResult& old_result,
                            const Codebook& new_book, const CodingResult& new_result) {
  AnswerChange change;
  change.old_status = old_result.status;
  change.new_status = new_result.status;
  // Compared as listed (a theme implied by its subtheme is not listed, so a
  // subtheme replacing its theme shows as one added, one removed).
  auto flags = [](const Codebook& book, const std::vector<int>& codes) {
    std::vector<char> present(book.codes.size(), 0);
    for (int code : codes) present[code] = 1;
    return present;
  };
  const std::vector<char> old_counted = flags(old_book, old_result.counted);
  const std::vector<char> new_counted = flags(new_book, new_result.counted);
  const std::vector<char> old_proposed = flags(old_book, old_result.proposed);
  const std::vector<char> new_proposed = flags(new_book, new_result.proposed);
  change.counted_added = Missing(new_book, new_counted, old_book, old_counted);
  change.counted_removed = Missing(old_book, old_counted, new_book, new_counted);
  change.proposed_added = Missing(new_book, new_proposed, old_book, old_proposed);
  change.proposed_removed = Missing(old_book, old_proposed, new_book, new_proposed);
  return change;
}

CodingDiffTally::CodingDiffTally(const Codebook& old_book, const Codebook& new_book)
    : old_book_(&old_book),
      new_book_(&new_book),
      old_counted_(old_book.codes.size(), 0),
      old_proposed_(old_book.codes.size(), 0),
      new_counted_(new_book.codes.size(), 0),
      new_proposed_(new_book.codes.size(), 0) {}

void CodingDiffTally::Add(const CodingResult& old_result, const CodingResult& new_result) {
  ++answers_;
  ++old_status_[static_cast<int>(old_result.status)];
  ++new_status_[static_cast<int>(new_result.status)];
  if (CompareCodings(*old_book_, old_result, *new_book_, new_result).changed()) ++changed_;
  auto add = [](const Codebook& book, const std::vector<int>& codes, std::vector<size_t>* counts) {
    const std::vector<char> present = WithThemes(book, codes);
    for (size_t code = 0; code < present.size(); ++code) (*counts)[code] += present[code];
  };
  add(*old_book_, old_result.counted, &old_counted_);
  add(*old_book_, old_result.proposed, &old_proposed_);
  add(*new_book_, new_result.counted, &new_counted_);
  add(*new_book_, new_result.proposed, &new_proposed_);
}

std::vector<CodeCountChange> CodingDiffTally::Codes() const {
  std::vector<CodeCountChange> rows;
  for (size_t code = 0; code < new_book_->codes.size(); ++code) {
    const CodeDefinition& definition = new_book_->codes[code];
    CodeCountChange row;
    row.id = definition.id;
    row.label = definition.label;
    row.level = definition.level;
    row.in_new = true;
    row.new_counted = new_counted_[code];
    row.new_proposed = new_proposed_[code];
    const int old_code = old_book_->FindCode(definition.id);
    if (old_code >= 0) {
      row.in_old = true;
      row.old_counted = old_counted_[old_code];
      row.old_proposed = old_proposed_[old_code];
    }
    rows.push_back(std::move(row));
  }
  for (size_t code = 0; code < old_book_->codes.size(); ++code) {
    const CodeDefinition& definition = old_book_->codes[code];
    if (new_book_->FindCode(definition.id) >= 0) continue;
    CodeCountChange row;
    row.id = definition.id;
    row.label = definition.label;
    row.level = definition.level;
    row.in_old = true;
    row.old_counted = old_counted_[code];
    row.old_proposed = old_proposed_[code];
    rows.push_back(std::move(row));
  }
  return rows;
}

}  // namespace verbatim
