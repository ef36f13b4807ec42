#include "cli/commands.h"

namespace verbatim {

const std::vector<CommandRegistration>& AllCommands() {
  static const std::vector<CommandRegistration> commands = {
      {"code", "Code every answer of an input file and write counts, coded table and review file",
       SetupCodeCommand},
      {"check", "Validate a codebook (every problem at once) and run its examples as tests",
       SetupCheckCommand},
      {"agree", "Measure agreement between a gold coding and the machine's coded table",
       SetupAgreeCommand},
      {"sample", "Draw a random (optionally stratified) sample of answers for hand coding",
       SetupSampleCommand},
      {"explain", "Show how one answer is coded: patterns, negations, exclusions, decision",
       SetupExplainCommand},
      {"kwic", "Keyword in context: every occurrence of a pattern in the answers, aligned",
       SetupKwicCommand},
      {"diff", "Code the answers with two codebooks and show what changes", SetupDiffCommand},
      {"terms", "The most frequent words and phrases, e.g. of the answers that got no code",
       SetupTermsCommand},
      {"suggest", "Compare labeled answers with the machine; suggest patterns to add and to drop",
       SetupSuggestCommand},
      {"report", "Code an input and write report.html (chart, answers behind each count) and chart.svg",
       SetupReportCommand},
      {"review", "Reviewers' decisions: 'review apply' records a filled review file's decisions, "
       "'review serve' decides in the browser",
       SetupReviewCommand},
      {"counts", "Work on counts.csv files: 'counts merge' adds the counts of a corpus coded in pieces",
       SetupCountsCommand},
      {"export", "Files for other tools: 'export qdpx' a coded REFI-QDA project, 'export qdc' the codebook",
       SetupExportCommand},
      {"import", "Files of other tools: 'import qdpx' a REFI-QDA project's codings as gold for agree, 'import dictionary' a quanteda, LIWC or WordStat dictionary as a codebook",
       SetupImportCommand},
  };
  return commands;
}

}  // namespace verbatim
