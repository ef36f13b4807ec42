#include "io/input/yaml_shape.h"

#include <sstream>
#include <vector>

#include <fmt/format.h>
#include <yaml-cpp/anchor.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

namespace verbatim {
namespace {

SourceLocation At(const std::string& path, const YAML::Mark& mark) {
  // yaml-cpp marks are 0-based; a null mark (-1) becomes "unknown" (0).
  return SourceLocation{path, mark.line + 1, mark.column + 1};
}

// Thrown from an event callback: the only way to stop yaml-cpp's parser
// before it recurses further. It never leaves CheckYamlShape.
struct StopParsing {};

class ShapeGuard final : public YAML::EventHandler {
 public:
  explicit ShapeGuard(const std::string& path) : path_(path) {}

  const std::optional<Diagnostic>& problem() const { return problem_; }

  void OnDocumentStart(const YAML::Mark&) override {}
  void OnDocumentEnd() override {}
  void OnAnchor(const YAML::Mark&, const std::string& name) override { pending_name_ = name; }

  void OnNull(const YAML::Mark&, YAML::anchor_t anchor) override { Leaf(anchor, 0); }
  void OnScalar(const YAML::Mark&, const std::string&, YAML::anchor_t anchor,
                const std::string& value) override {
    Leaf(anchor, value.size());
  }

  void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    if (anchor >= anchors_.size() || anchors_[anchor].size == 0) {
      Fail(mark, fmt::format("alias '*{}' refers to a node that contains it",
                             anchor < anchors_.size() ? anchors_[anchor].name : ""));
    }
    Add(anchors_[anchor].size, anchors_[anchor].bytes);
    alias_bytes_ += anchors_[anchor].bytes;
    if (expanded_ > kMaxYamlExpandedNodes) {
      Fail(mark,
           fmt::format("aliases expand the document to more than {} nodes", kMaxYamlExpandedNodes));
    }
    if (alias_bytes_ > kMaxYamlAliasBytes) {
      Fail(mark, fmt::format("aliases expand the document by more than {} bytes of text "
                             "(the limit on what aliases may repeat)",
                             kMaxYamlAliasBytes));
    }
  }

  void OnSequenceStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value) override {
    Open(mark, anchor);
  }
  void OnSequenceEnd() override { Close(); }
  void OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value) override {
    Open(mark, anchor);
  }
  void OnMapEnd() override { Close(); }

 private:
  struct Anchor {
    std::string name;
    std::uint64_t size = 0;   // Expanded node count; 0 while the node is open.
    std::uint64_t bytes = 0;  // Expanded scalar bytes.
  };
  struct Frame {
    YAML::anchor_t anchor;
    std::uint64_t size;
    std::uint64_t bytes;
  };

  void Define(YAML::anchor_t anchor) {
    if (anchor == YAML::NullAnchor) return;
    if (anchor >= anchors_.size()) anchors_.resize(anchor + 1);
    anchors_[anchor].name = std::move(pending_name_);
    pending_name_.clear();
  }

  // Counts n expanded nodes and `bytes` of scalar text in the enclosing
  // collection, and n in the total. No overflow: the walk stops as soon as a
  // total passes its limit, and no anchor is larger than the totals before it
  // (the written text plus what aliases added).
  void Add(std::uint64_t n, std::uint64_t bytes) {
    if (!frames_.empty()) {
      frames_.back().size += n;
      frames_.back().bytes += bytes;
    }
    expanded_ += n;
  }

  void Leaf(YAML::anchor_t anchor, std::uint64_t bytes) {
    Define(anchor);
    if (anchor != YAML::NullAnchor) {
      anchors_[anchor].size = 1;
      anchors_[anchor].bytes = bytes;
    }
    Add(1, bytes);
  }

  void Open(const YAML::Mark& mark, YAML::anchor_t anchor) {
    Define(anchor);
    if (static_cast<int>(frames_.size()) >= kMaxYamlDepth) {
      Fail(mark, fmt::format("nesting is deeper than {} levels (a codebook needs 9 at most)",
                             kMaxYamlDepth));
    }
    frames_.push_back(Frame{anchor, 1, 0});
    ++expanded_;
  }

  void Close() {
    const Frame frame = frames_.back();
    frames_.pop_back();
    if (frame.anchor != YAML::NullAnchor) {
      anchors_[frame.anchor].size = frame.size;
      anchors_[frame.anchor].bytes = frame.bytes;
    }
    if (!frames_.empty()) {
      frames_.back().size += frame.size;
      frames_.back().bytes += frame.bytes;
    }
  }

  [[noreturn]] void Fail(const YAML::Mark& mark, std::string message) {
    problem_ = Diagnostic{Severity::kError, At(path_, mark), std::move(message)};
    throw StopParsing{};
  }

  const std::string& path_;
  std::vector<Frame> frames_;
  std::vector<Anchor> anchors_;  // Indexed by yaml-cpp's anchor id (from 1).
  std::string pending_name_;
  std::uint64_t expanded_ = 0;
  std::uint64_t alias_bytes_ = 0;  // Scalar bytes added by aliases.
  std::optional<Diagnostic> problem_;
};

}  // namespace

std::optional<Diagnostic> CheckYamlShape(std::string_view yaml, const std::string& path) {
  std::istringstream in{std::string(yaml)};
  ShapeGuard guard(path);
  try {
    YAML::Parser parser(in);
    parser.HandleNextDocument(guard);
  } catch (const StopParsing&) {
    return guard.problem();
  } catch (const YAML::Exception& e) {
    return Diagnostic{Severity::kError, At(path, e.mark), "YAML syntax error: " + e.msg};
  }
  return std::nullopt;
}

}  // namespace verbatim
