#include "util/files.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <sstream>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util/error.h"

namespace msm::util {

namespace {

void reject_binary(const std::string &path, const std::string &content) {
  // NUL bytes never occur in a text Dockerfile; BuildKit would read garbage instructions.
  size_t probe = std::min<size_t>(content.size(), 64 * 1024);
  if (std::memchr(content.data(), '\0', probe) != nullptr) {
    throw Error(path + ": looks like a binary file (it contains NUL bytes), not a Dockerfile");
  }
}

}  // namespace

std::string read_input(const std::string &path, const std::string &stdin_name) {
  std::string content;
  if (path == "-") {
    std::ostringstream buffer;
    buffer << std::cin.rdbuf();
    content = buffer.str();
    reject_binary(stdin_name.empty() ? "<stdin>" : stdin_name, content);
    return content;
  }
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) {
    throw Error(path + ": " + std::strerror(errno) + " (check the path)");
  }
  if (S_ISDIR(st.st_mode)) {
    throw Error(path + ": is a directory; give the Dockerfile inside it, e.g. " + path + "/Dockerfile");
  }
  if (static_cast<uint64_t>(st.st_size) > 0xFFFFFFF0u) throw Error(path + ": larger than 4 GiB; not a Dockerfile");
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) throw Error(path + ": cannot be read: " + std::strerror(errno));
  // One read of the size stat gave, then on until EOF (the file may grow, or be a pipe).
  content.resize(static_cast<size_t>(st.st_size) + 1);
  size_t used = 0;
  for (;;) {
    if (used == content.size()) content.resize(content.size() * 2 + 4096);
    ssize_t n = ::read(fd, content.data() + used, content.size() - used);
    if (n < 0) {
      if (errno == EINTR) continue;
      int saved = errno;
      ::close(fd);
      throw Error(path + ": read failed: " + std::strerror(saved));
    }
    if (n == 0) break;
    used += static_cast<size_t>(n);
  }
  ::close(fd);
  content.resize(used);
  if (content.size() > 0xFFFFFFF0u) throw Error(path + ": larger than 4 GiB; not a Dockerfile");
  reject_binary(path, content);
  return content;
}

void write_atomically(const std::string &path, const std::string &content) {
  std::filesystem::path target(path);
  std::filesystem::path dir = target.parent_path().empty() ? "." : target.parent_path();
  std::string tmpl = (dir / ("." + target.filename().string() + ".msmigrate-XXXXXX")).string();
  int fd = ::mkstemp(tmpl.data());
  if (fd < 0) throw Error(path + ": cannot create a temporary file beside it: " + std::strerror(errno));
  size_t written = 0;
  while (written < content.size()) {
    ssize_t n = ::write(fd, content.data() + written, content.size() - written);
    if (n < 0) {
      if (errno == EINTR) continue;
      int saved = errno;
      ::close(fd);
      ::unlink(tmpl.c_str());
      throw Error(path + ": write failed: " + std::strerror(saved));
    }
    written += static_cast<size_t>(n);
  }
  struct stat st {};
  if (::stat(path.c_str(), &st) == 0) ::fchmod(fd, st.st_mode & 07777);
  if (::fsync(fd) != 0 || ::close(fd) != 0) {
    ::unlink(tmpl.c_str());
    throw Error(path + ": write failed: " + std::strerror(errno));
  }
  if (::rename(tmpl.c_str(), path.c_str()) != 0) {
    int saved = errno;
    ::unlink(tmpl.c_str());
    throw Error(path + ": cannot replace the file: " + std::strerror(saved));
  }
}

}  // namespace msm::util
