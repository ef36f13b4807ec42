#include "cli/excel_fr_flag.h"

#include <CLI/CLI.hpp>

namespace verbatim {

void AddExcelFrFlag(CLI::App& app, bool* excel_fr) {
  app.add_flag("--excel-fr", *excel_fr,
               "CSV for French Excel: UTF-8 byte order mark, ';' between fields, decimal comma");
}

}  // namespace verbatim
