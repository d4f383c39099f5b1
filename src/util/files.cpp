#include "util/files.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util/error.h"

namespace msm::util {

namespace {

// The largest input read_input accepts: 4 times the largest real Dockerfile one could imagine,
// and still parsed in seconds; past it a stray `/dev/zero` or log file would only eat memory.
constexpr size_t k_max_input_bytes = 256u * 1024 * 1024;

void reject_binary(const std::string &path, const std::string &content) {
  // NUL bytes never occur in a text Dockerfile; BuildKit would read garbage instructions.
  size_t probe = std::min<size_t>(content.size(), 64 * 1024);
  if (std::memchr(content.data(), '\0', probe) != nullptr) {
    throw Error(path + ": looks like a binary file (it contains NUL bytes), not a Dockerfile");
  }
}

}  // namespace

namespace {

// Reads `fd` to its end, refusing more than k_max_input_bytes.
std::string read_all(int fd, const std::string &name, size_t size_hint) {
  std::string content;
  content.resize(std::min(size_hint, k_max_input_bytes) + 1);
  size_t used = 0;
  for (;;) {
    if (used == content.size()) {
      if (used > k_max_input_bytes) {
        throw Error(name + ": larger than " + std::to_string(k_max_input_bytes >> 20) +
                    " MiB; not a Dockerfile (a device or a log file?)");
      }
      content.resize(std::min(content.size() * 2 + 4096, k_max_input_bytes + 1));
    }
    ssize_t n = ::read(fd, content.data() + used, content.size() - used);
    if (n < 0) {
      if (errno == EINTR) continue;
      throw Error(name + ": read failed: " + std::strerror(errno));
    }
    if (n == 0) break;
    used += static_cast<size_t>(n);
  }
  content.resize(used);
  return content;
}

const char *file_type_name(mode_t mode) {
  if (S_ISFIFO(mode)) return "a FIFO (named pipe)";
  if (S_ISCHR(mode)) return "a character device";
  if (S_ISBLK(mode)) return "a block device";
  if (S_ISSOCK(mode)) return "a socket";
  return "not a regular file";
}

}  // namespace

std::string read_input(const std::string &path, const std::string &stdin_name) {
  if (path == "-") {
    const std::string name = stdin_name.empty() ? "<stdin>" : stdin_name;
    std::string content = read_all(STDIN_FILENO, name, 64 * 1024);
    reject_binary(name, content);
    return content;
  }
  // O_NONBLOCK: opening a FIFO without a writer must not block before we can refuse it.
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY);
  if (fd < 0) {
    int saved = errno;
    struct stat st {};
    if (saved == EISDIR || (::stat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode))) {
      throw Error(path + ": is a directory; give the Dockerfile inside it, e.g. " + path + "/Dockerfile");
    }
    if (saved == ENOENT || saved == ENOTDIR || saved == ELOOP) {
      throw Error(path + ": " + std::strerror(saved) + " (check the path)");
    }
    throw Error(path + ": cannot be read: " + std::strerror(saved));
  }
  struct Closer {
    int fd;
    ~Closer() { ::close(fd); }
  } closer{fd};
  struct stat st {};
  if (::fstat(fd, &st) != 0) throw Error(path + ": cannot be read: " + std::strerror(errno));
  if (S_ISDIR(st.st_mode)) {
    throw Error(path + ": is a directory; give the Dockerfile inside it, e.g. " + path + "/Dockerfile");
  }
  if (!S_ISREG(st.st_mode)) {
    throw Error(path + ": is " + file_type_name(st.st_mode) + ", not a Dockerfile; to read a stream, pass - and redirect it to standard input");
  }
  if (static_cast<uint64_t>(st.st_size) > k_max_input_bytes) {
    throw Error(path + ": larger than " + std::to_string(k_max_input_bytes >> 20) + " MiB; not a Dockerfile");
  }
  // Back to blocking reads (a regular file never blocks long, but a network file system may
  // return EAGAIN under O_NONBLOCK).
  ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) & ~O_NONBLOCK);
  std::string content = read_all(fd, path, static_cast<size_t>(st.st_size));
  reject_binary(path, content);
  return content;
}

void write_atomically(const std::string &given_path, const std::string &content) {
  std::string path = given_path;
  struct stat link {};
  if (::lstat(path.c_str(), &link) == 0 && S_ISLNK(link.st_mode)) {
    std::error_code ec;
    auto resolved = std::filesystem::canonical(path, ec);
    if (ec) throw Error(given_path + ": cannot follow the symbolic link: " + ec.message());
    path = resolved.string();
  }
  struct stat existing {};
  if (::stat(path.c_str(), &existing) == 0) {
    if (!S_ISREG(existing.st_mode)) throw Error(given_path + ": is not a regular file; not replaced");
    if ((existing.st_mode & 0222) == 0 || ::access(path.c_str(), W_OK) != 0) {
      throw Error(given_path + ": is read-only; nothing written (make it writable, e.g. chmod u+w, or use --diff)");
    }
  }
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
  if (existing.st_mode != 0) ::fchmod(fd, existing.st_mode & 07777);
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
