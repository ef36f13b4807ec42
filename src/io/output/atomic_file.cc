#include "io/output/atomic_file.h"

#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <streambuf>

#include "io/output/temporary_files.h"

namespace verbatim {

// Buffered writes to a descriptor the object owns. std::ofstream cannot be
// opened on the descriptor CreateTemporaryFile returns, and reopening the
// file by name would follow whatever was put at the name meanwhile.
class AtomicFile::Buffer : public std::streambuf {
 public:
  explicit Buffer(int fd) : fd_(fd) { setp(buffer_, buffer_ + sizeof buffer_); }
  ~Buffer() override {
    if (fd_ >= 0) ::close(fd_);
  }
  Buffer(const Buffer&) = delete;
  Buffer& operator=(const Buffer&) = delete;

  // Writes what is buffered and closes the descriptor. False on any write
  // or close error (a full disk shows at either).
  bool Close() {
    bool ok = !failed_ && Drain();
    if (fd_ >= 0 && ::close(fd_) != 0) ok = false;
    fd_ = -1;
    return ok;
  }

 protected:
  int_type overflow(int_type c) override {
    if (!Drain()) return traits_type::eof();
    if (!traits_type::eq_int_type(c, traits_type::eof())) {
      *pptr() = traits_type::to_char_type(c);
      pbump(1);
    }
    return traits_type::not_eof(c);
  }
  int sync() override { return Drain() ? 0 : -1; }

 private:
  bool Drain() {
    if (failed_ || fd_ < 0) return false;
    const char* from = pbase();
    while (from < pptr()) {
      const ssize_t n = ::write(fd_, from, static_cast<size_t>(pptr() - from));
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) {
        failed_ = true;
        return false;
      }
      from += n;
    }
    setp(buffer_, buffer_ + sizeof buffer_);
    return true;
  }

  int fd_;
  bool failed_ = false;
  char buffer_[64 * 1024];
};

AtomicFile::AtomicFile(std::string path, std::string temporary_path, int fd)
    : path_(std::move(path)),
      temporary_path_(std::move(temporary_path)),
      buffer_(std::make_unique<Buffer>(fd)),
      stream_(buffer_.get()) {}

Result<std::unique_ptr<AtomicFile>> AtomicFile::Open(const std::string& path) {
  // Found now rather than at Commit(), when other outputs of the same run
  // may already be committed.
  std::error_code ignored;
  if (std::filesystem::is_directory(path, ignored)) {
    return MakeError("cannot write " + path + ": a folder of that name is in the way");
  }
  auto temporary = CreateTemporaryFile(path);
  if (!temporary) return tl::unexpected(temporary.error());
  std::unique_ptr<AtomicFile> file(new AtomicFile(path, temporary->path, temporary->fd));
  file->registration_ = RegisterTemporaryFile(temporary->path);
  return file;
}

AtomicFile::~AtomicFile() {
  if (!committed_) {
    buffer_->Close();
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
  if (!buffer_->Close() || !write_ok) {
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

}  // namespace verbatim
