// The parents of nested subcommands (`import`, `export`): the one parsed
// runs, and none or an unknown one is a usage error.
#include "cli/nested_command.h"

#include <gtest/gtest.h>

#include <CLI/CLI.hpp>
#include <sstream>
#include <string>

#include "cli/cli.h"
#include "tests/testing/cli_runner.h"
#include "tests/testing/temp_dir.h"

namespace verbatim {
namespace {

NestedCommand Named(CLI::App& parent, const std::string& name, std::string* ran) {
  CLI::App* app = parent.add_subcommand(name, name);
  return {app, [name, ran](CommandContext&) {
            *ran = name;
            return Outcome::kSuccess;
          }};
}

TEST(NestedCommandTest, RunsTheNestedCommandThatWasParsed) {
  for (const std::string chosen : {"one", "two"}) {
    SCOPED_TRACE(chosen);
    CLI::App parent("parent");
    std::string ran;
    CommandRunner run =
        RunNestedCommand(parent, {Named(parent, "one", &ran), Named(parent, "two", &ran)});
    parent.parse(chosen, /*program_name_included=*/false);
    std::ostringstream out, err;
    CommandContext context{out, err};
    EXPECT_EQ(run(context), Outcome::kSuccess);
    EXPECT_EQ(ran, chosen);
  }
}

TEST(NestedCommandTest, NoNestedCommandIsRefusedByTheParser) {
  CLI::App parent("parent");
  std::string ran;
  RunNestedCommand(parent, {Named(parent, "one", &ran)});
  EXPECT_THROW(parent.parse("", /*program_name_included=*/false), CLI::RequiredError);
  EXPECT_EQ(ran, "");
}

TEST(NestedCommandTest, ExportAndImportWithoutWhatAreUsageErrors) {
  for (const std::vector<std::string>& args :
       std::vector<std::vector<std::string>>{{"export"}, {"export", "xls"}, {"import"}}) {
    SCOPED_TRACE(args.back());
    const testing::CliRun run = testing::RunCommand(args);
    EXPECT_EQ(run.exit_code, 2);
    EXPECT_NE(run.err.find("A subcommand is required"), std::string::npos) << run.err;
  }
}

TEST(NestedCommandTest, ExportQdcRunsThroughTheParent) {
  const auto dir = testing::MakeTestDir("verbatim");
  const std::string out = (dir / "c.qdc").string();
  const testing::CliRun run = testing::RunCommand(
      {"export", "qdc", "--codebook",
       std::string(VERBATIM_SOURCE_DIR) + "/tests/data/codebooks/minimal.yaml", "--out", out});
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(run.out.rfind("Wrote " + out + " (", 0), 0u) << run.out;
  EXPECT_NE(testing::ReadFile(out).find("<CodeBook"), std::string::npos);
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace verbatim
