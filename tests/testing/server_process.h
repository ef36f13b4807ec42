// `verbatim review serve` as a child process, for tests that talk to it
// over HTTP or through a browser and kill it like a crash would.
#ifndef VERBATIM_TESTS_TESTING_SERVER_PROCESS_H_
#define VERBATIM_TESTS_TESTING_SERVER_PROCESS_H_

#include <poll.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <csignal>
#include <regex>
#include <string>
#include <vector>

namespace verbatim::testing {

// A running server: its pid, the URL it printed (token included), its port
// and token, and what it printed until then.
class ServerProcess {
 public:
  // Runs `VERBATIM_BINARY review serve <args>` and waits (up to 30 s) for
  // the URL on its standard output. !running() when it exited or printed no
  // URL; output() then says what it printed.
  explicit ServerProcess(const std::vector<std::string>& args) {
    int out[2];
    if (pipe(out) != 0) return;
    pid_ = fork();
    if (pid_ == 0) {
      dup2(out[1], STDOUT_FILENO);
      close(out[0]);
      close(out[1]);
      std::vector<std::string> words = {VERBATIM_BINARY, "review", "serve"};
      words.insert(words.end(), args.begin(), args.end());
      std::vector<char*> argv;
      for (std::string& word : words) argv.push_back(word.data());
      argv.push_back(nullptr);
      execv(argv[0], argv.data());
      _exit(127);
    }
    close(out[1]);
    out_ = out[0];
    const std::regex url_pattern(R"((http://127\.0\.0\.1:(\d+))/\?token=([0-9a-f]+))");
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
    while (std::chrono::steady_clock::now() < deadline) {
      pollfd ready = {out_, POLLIN, 0};
      if (poll(&ready, 1, 100) <= 0) continue;
      char buffer[4096];
      const ssize_t got = read(out_, buffer, sizeof buffer);
      if (got <= 0) break;
      output_.append(buffer, static_cast<size_t>(got));
      std::smatch match;
      if (std::regex_search(output_, match, url_pattern) &&
          output_.find('\n', static_cast<size_t>(match.position(0))) != std::string::npos) {
        url_ = match[0];
        origin_ = match[1];
        port_ = std::stoi(match[2]);
        token_ = match[3];
        return;
      }
    }
    Kill(SIGKILL);
  }
  ServerProcess(const ServerProcess&) = delete;
  ServerProcess& operator=(const ServerProcess&) = delete;
  ~ServerProcess() { Kill(SIGKILL); }

  bool running() const { return pid_ > 0; }
  const std::string& url() const { return url_; }
  const std::string& origin() const { return origin_; }  // http://127.0.0.1:PORT
  int port() const { return port_; }
  const std::string& token() const { return token_; }
  const std::string& output() const { return output_; }

  // Sends `signal` and waits for the process to end.
  void Kill(int signal) {
    if (pid_ > 0) {
      kill(pid_, signal);
      waitpid(pid_, nullptr, 0);
      pid_ = -1;
    }
    if (out_ >= 0) {
      close(out_);
      out_ = -1;
    }
  }

 private:
  pid_t pid_ = -1;
  int out_ = -1;
  std::string output_, url_, origin_, token_;
  int port_ = 0;
};

}  // namespace verbatim::testing

#endif  // VERBATIM_TESTS_TESTING_SERVER_PROCESS_H_
