// Renders an AgreementReport (core/agreement.h) for people and for programs.
//
// Design: the writers only format; every figure comes from the report, so
// the table, the CSV and the JSON of one run always show the same numbers.
// They take a std::ostream& and never decide where it goes (terminal, atomic
// file, test string stream). Codes come in codebook order, disagreements in
// input order. An undefined ratio is "n/a" in the table and the CSV and null
// in the JSON. Stream errors are left in the stream's state for the caller.
#ifndef VERBATIM_IO_AGREEMENT_WRITER_H_
#define VERBATIM_IO_AGREEMENT_WRITER_H_

#include <ostream>


#include "core/agreement.h"
#include "io/output/csv_dialect.h"

namespace verbatim {

// An aligned text table for the terminal: per-code figures, then micro and
// macro averages and alpha per level (and after review, when the report has
// review figures), then the disagreements. Columns are padded by display
// width, so accented labels line up. Ratios with 4 decimals. The "Codes"
// column of the averages counts the level's codes; how many of them define
// each macro mean is in the JSON. With --subset figures, the answers compared
// and left out; with bootstrap intervals, each level's micro F1 and kappa
// followed by [low, high].
void WriteAgreementTable(const AgreementReport& report, std::ostream& out);

// RFC 4180 CSV, one header line then one row per code and per average:
//   scope,row,level,id,label,theme,gold,machine,tp,fp,fn,tn,
//   precision,recall,f1,kappa,alpha
// scope is "all", and with review figures also "counted_only" and
// "after_review"; row is "code", "micro" or "macro" (for "macro", counts are
// empty and each ratio is the mean over the codes defining it). Ratios are
// written with up to 17 significant digits. With bootstrap intervals, four
// more rows: scope "bootstrap_95", row "micro_low" or "micro_high", level
// subtheme or theme, and only the f1 and kappa columns filled (the bounds of
// the micro figures' intervals). Disagreements are not included: see
// WriteAgreementJson.
// `dialect`: io/output/csv_dialect.h (';' and decimal commas for kExcelFr).
void WriteAgreementCsv(const AgreementReport& report, std::ostream& out,
                       CsvDialect dialect = CsvDialect::kStandard);

// The whole report as one JSON object (keys in a fixed order, 2-space
// indent, newline at the end): answers, codes, subthemes, themes,
// disagreements, review (null without review figures); then, only when the
// report has them, subset (compared, gold_only, machine_only) and bootstrap
// (resamples, seed, and low/high/defined of each level's micro F1 and kappa).
void WriteAgreementJson(const AgreementReport& report, std::ostream& out);

}  // namespace verbatim

#endif  // VERBATIM_IO_AGREEMENT_WRITER_H_
