#include "io/output/output_set.h"

#include <unistd.h>

#include <cstdio>
#include <filesystem>

namespace verbatim {

Result<std::ostream*> OutputSet::Open(const std::string& path) {
  auto opened = AtomicFile::Open(path);
  if (!opened) return tl::unexpected(opened.error());
  files_.push_back(std::move(*opened));
  return &files_.back()->stream();
}

std::vector<std::string> OutputSet::paths() const {
  std::vector<std::string> paths;
  for (const auto& file : files_) paths.push_back(file->path());
  return paths;
}

Result<void> OutputSet::Commit() {
  for (const auto& file : files_) {
    // A failed Close removes its own temporary file; the others go when
    // files_ is destroyed.
    if (auto closed = file->Close(); !closed) {
      files_.clear();
      return closed;
    }
  }
  // Hard links to the destinations about to be replaced, to put them back
  // if a later rename fails. Empty: the destination did not exist (or the
  // file system has no hard links).
  std::vector<std::string> backups(files_.size());
  std::vector<char> existed(files_.size(), 0);
  for (size_t i = 0; i < files_.size(); ++i) {
    std::error_code error;
    if (!std::filesystem::exists(files_[i]->path(), error)) continue;
    existed[i] = 1;
    const std::string backup = files_[i]->temporary_path() + ".old";
    std::filesystem::create_hard_link(files_[i]->path(), backup, error);
    if (!error) backups[i] = backup;
  }
  Result<void> outcome;
  size_t renamed = 0;
  for (; renamed < files_.size(); ++renamed) {
    outcome = files_[renamed]->Rename();
    if (!outcome) break;
  }
  if (!outcome) {
    // Put back what was replaced; remove what is new.
    for (size_t i = 0; i < renamed; ++i) {
      if (!backups[i].empty()) {
        std::rename(backups[i].c_str(), files_[i]->path().c_str());
        backups[i].clear();
      } else if (!existed[i]) {
        std::remove(files_[i]->path().c_str());
      }
    }
  }
  for (const std::string& backup : backups) {
    if (!backup.empty()) std::remove(backup.c_str());
  }
  files_.clear();
  return outcome;
}

}  // namespace verbatim
