#include "io/output/run_manifest.h"

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
  if (manifest.decisions) {
    const ManifestDecisions& d = *manifest.decisions;
    auto notes = [](const std::vector<ManifestDecision>& list, bool with_codes) {
      nlohmann::ordered_json array = nlohmann::ordered_json::array();
      for (const ManifestDecision& note : list) {
        nlohmann::ordered_json item = {
            {"id", note.id}, {"decision", note.decision}, {"decided_at", note.decided_at}};
        if (with_codes) item["unknown_codes"] = note.unknown_codes;
        array.push_back(std::move(item));
      }
      return array;
    };
    json["decisions"] = {{"path", d.path},
                         {"sha256", d.sha256},
                         {"recorded", d.recorded},
                         {"applied", d.applied},
                         {"stale", notes(d.stale, false)},
                         {"unknown_code", notes(d.unknown_code, true)},
                         {"not_in_input", d.not_in_input}};
  }
  out << json.dump(2) << '\n';
}

}  // namespace verbatim
