#include "io/input/run_manifest_reader.h"

#include <cerrno>
#include <cstring>
#include <fstream>

#include <nlohmann/json.hpp>

namespace verbatim {
namespace {

std::string StringAt(const nlohmann::json& object, const char* section, const char* key) {
  if (!object.contains(section) || !object[section].is_object()) return {};
  const nlohmann::json& inner = object[section];
  if (!inner.contains(key) || !inner[key].is_string()) return {};
  return inner[key].get<std::string>();
}

}  // namespace

Result<RunManifest> ReadRunManifest(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return MakeError(std::string("cannot open: ") + std::strerror(errno), SourceLocation{path});
  }
  const nlohmann::json json = nlohmann::json::parse(in, nullptr, /*allow_exceptions=*/false);
  if (json.is_discarded()) return MakeError("not valid JSON", SourceLocation{path});
  if (!json.is_object()) return MakeError("not a JSON object", SourceLocation{path});
  RunManifest manifest;
  if (json.contains("started_at") && json["started_at"].is_string()) {
    manifest.started_at = json["started_at"].get<std::string>();
  }
  manifest.codebook_path = StringAt(json, "codebook", "path");
  manifest.codebook_sha256 = StringAt(json, "codebook", "sha256");
  manifest.codebook_id = StringAt(json, "codebook", "id");
  manifest.codebook_version = StringAt(json, "codebook", "version");
  manifest.input_path = StringAt(json, "input", "path");
  manifest.input_sha256 = StringAt(json, "input", "sha256");
  if (json.contains("settings") && json["settings"].is_object()) {
    for (const auto& [key, value] : json["settings"].items()) {
      if (value.is_string()) manifest.settings[key] = value.get<std::string>();
    }
  }
  return manifest;
}

}  // namespace verbatim
