#include "io/output/atomic_file.h"

#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <iterator>

#include "io/output/temporary_files.h"

namespace verbatim {
namespace {

std::atomic<unsigned> temporary_counter{0};

}  // namespace

AtomicFile::AtomicFile(std::string path, std::string temporary_path)
    : path_(std::move(path)), temporary_path_(std::move(temporary_path)) {}

Result<std::unique_ptr<AtomicFile>> AtomicFile::Open(const std::string& path) {
  // Found now rather than at Commit(), when other outputs of the same run
  // may already be committed.
  std::error_code ignored;
  if (std::filesystem::is_directory(path, ignored)) {
    return MakeError("cannot write " + path + ": a folder of that name is in the way");
  }
  const std::string temporary = TemporaryPathFor(path, temporary_counter.fetch_add(1));
  std::unique_ptr<AtomicFile> file(new AtomicFile(path, temporary));
  file->registration_ = RegisterTemporaryFile(temporary);
  file->stream_.open(temporary, std::ios::binary | std::ios::trunc);
  if (!file->stream_) {
    return MakeError("cannot write " + path + ": " + std::strerror(errno));
  }
  return file;
}

AtomicFile::~AtomicFile() {
  if (!committed_) {
    stream_.close();
    std::remove(temporary_path_.c_str());
  }
  UnregisterTemporaryFile(registration_);
}

Result<void> AtomicFile::Commit() {
  if (auto closed = Close(); !closed) return closed;
  return Rename();
}

Result<void> AtomicFile::Close() {
  stream_.flush();
  const bool write_ok = static_cast<bool>(stream_);
  stream_.close();
  if (!write_ok || stream_.fail()) {
    std::remove(temporary_path_.c_str());
    committed_ = true;
    return MakeError("cannot write " + path_ + ": write failed (disk full?)");
  }
  return {};
}

Result<void> AtomicFile::Rename() {
  if (std::rename(temporary_path_.c_str(), path_.c_str()) != 0) {
    const std::string reason = std::strerror(errno);
    std::remove(temporary_path_.c_str());
    committed_ = true;
    return MakeError("cannot write " + path_ + ": " + reason);
  }
  committed_ = true;
  UnregisterTemporaryFile(registration_);
  registration_ = -1;
  return {};
}

Result<void> CopyFileAtomically(const std::string& from, const std::string& to) {
  std::ifstream in(from, std::ios::binary);
  if (!in) return MakeError("cannot read " + from + ": " + std::strerror(errno));
  const std::string bytes{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  if (in.bad()) return MakeError("cannot read " + from + ": read failed");
  auto copy = AtomicFile::Open(to);
  if (!copy) return tl::unexpected(copy.error());
  (*copy)->stream() << bytes;
  return (*copy)->Commit();
}

}  // namespace verbatim
