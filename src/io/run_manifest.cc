#include "io/run_manifest.h"

#include <nlohmann/json.hpp>

namespace verbatim {

void WriteRunManifest(std::ostream& out, const RunManifest& manifest) {
  nlohmann::ordered_json json;
  json["tool"] = {{"name", "verbatim"}, {"version", manifest.tool_version}};
  json["started_at"] = manifest.started_at;
  json["codebook"] = {{"path", manifest.codebook_path},
                      {"sha256", manifest.codebook_sha256},
                      {"id", manifest.codebook_id},
                      {"version", manifest.codebook_version}};
  json["input"] = {{"path", manifest.input_path}, {"sha256", manifest.input_sha256}};
  json["settings"] = manifest.settings;
  json["rows"] = manifest.rows;
  json["seconds"] = manifest.seconds;
  json["outputs"] = manifest.outputs;
  out << json.dump(2) << '\n';
}

}  // namespace verbatim
