#include "core/status.h"

#include <gtest/gtest.h>

namespace verbatim {
namespace {

TEST(StatusTest, SortByLocationOrdersByLineThenColumnKeepingTiesInOrder) {
  std::vector<Diagnostic> diagnostics = {
      {Severity::kError, {"b.yaml", 3, 1}, "third"},
      {Severity::kWarning, {"a.yaml", 1, 7}, "second"},
      {Severity::kError, {"a.yaml", 3, 1}, "fourth, same place as third"},
      {Severity::kError, {"a.yaml", 1, 2}, "first"},
  };
  SortByLocation(&diagnostics);
  std::vector<std::string> messages;
  for (const Diagnostic& diagnostic : diagnostics) messages.push_back(diagnostic.message);
  EXPECT_EQ(messages,
            (std::vector<std::string>{"first", "second", "third", "fourth, same place as third"}));
}

}  // namespace
}  // namespace verbatim
