#include "executor/copy.h"

#include <dirent.h>
#include <fcntl.h>
#include <fnmatch.h>
#include <linux/openat2.h>
#include <sys/sendfile.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <functional>
#include <sstream>

#include "executor/digest.h"
#include "executor/layer.h"
#include "executor/store.h"
#include "util/error.h"
#include "util/path.h"

namespace msm::executor {

namespace {

std::string join(const std::vector<std::string> &parts, size_t n) {
  std::string out;
  for (size_t i = 0; i < n && i < parts.size(); ++i) out += (i ? "/" : "") + parts[i];
  return out;
}

bool has_wildcard(const std::string &s) { return s.find_first_of("*?[") != std::string::npos; }

int openat2_in_root(int rootfd, const std::string &rel, int flags) { return open_in_root(rootfd, rel, flags); }

std::string proc_fd(int fd) { return "/proc/self/fd/" + std::to_string(fd); }

std::vector<std::string> list_dir_fd(int fd) {
  std::vector<std::string> names;
  int dfd = open(proc_fd(fd).c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dfd < 0) return names;
  DIR *d = fdopendir(dfd);
  if (!d) {
    close(dfd);
    return names;
  }
  while (dirent *e = readdir(d)) {
    if (std::strcmp(e->d_name, ".") && std::strcmp(e->d_name, "..")) names.push_back(e->d_name);
  }
  closedir(d);
  std::sort(names.begin(), names.end());
  return names;
}

struct Fd {
  int fd = -1;
  explicit Fd(int f = -1) : fd(f) {}
  ~Fd() {
    if (fd >= 0) close(fd);
  }
  Fd(Fd &&o) noexcept : fd(o.fd) { o.fd = -1; }
  Fd(const Fd &) = delete;
  Fd &operator=(const Fd &) = delete;
};

// A selected source: its path relative to the source root and an O_PATH fd on it.
struct Source {
  std::string rel;
  std::string base;  // the name it is copied as
  std::shared_ptr<Fd> fd;
  struct stat st;
};

// Expands one source pattern against the root (wildcards per path component, ignore rules).
std::vector<Source> select(int rootfd, const std::string &pattern, const IgnoreMatcher &ignore, bool from_context,
                           const std::string &label) {
  std::vector<std::string> parts = util::path_segments(pattern, util::DotDot::ClampAtRoot);
  std::vector<Source> out;
  std::function<void(size_t, std::vector<std::string>)> step = [&](size_t i, std::vector<std::string> prefix) {
    if (i == parts.size()) {
      std::string rel = join(prefix, prefix.size());
      if (from_context && !rel.empty() && ignore.excluded(rel)) return;
      int fd = openat2_in_root(rootfd, rel, O_PATH);
      if (fd < 0) return;
      Source s{rel, prefix.empty() ? "" : prefix.back(), std::make_shared<Fd>(fd), {}};
      fstat(fd, &s.st);
      out.push_back(std::move(s));
      return;
    }
    if (!has_wildcard(parts[i])) {
      prefix.push_back(parts[i]);
      step(i + 1, prefix);
      return;
    }
    Fd dir(openat2_in_root(rootfd, join(prefix, prefix.size()), O_PATH | O_DIRECTORY));
    if (dir.fd < 0) return;
    for (const auto &name : list_dir_fd(dir.fd)) {
      if (fnmatch(parts[i].c_str(), name.c_str(), FNM_PERIOD & 0) == 0) {
        auto next = prefix;
        next.push_back(name);
        step(i + 1, next);
      }
    }
  };
  step(0, {});
  if (out.empty() && !has_wildcard(pattern)) {
    throw Error(label + ": \"" + pattern + "\" not found" +
                (from_context ? " in the build context (or excluded by .dockerignore)" : ""));
  }
  return out;
}

// Walks a source tree depth-first in name order, calling visit(rel, fd, st) for every entry.
void walk(const Source &src, const IgnoreMatcher &ignore, bool from_context,
          const std::function<void(const std::string &, int, const struct stat &, bool)> &visit) {
  std::function<void(const std::string &, const std::string &, int, const struct stat &)> rec =
      [&](const std::string &rel, const std::string &context_rel, int fd, const struct stat &st) {
        visit(rel, fd, st, false);
        if (!S_ISDIR(st.st_mode)) return;
        for (const auto &name : list_dir_fd(fd)) {
          std::string child_ctx = context_rel.empty() ? name : context_rel + "/" + name;
          if (from_context && ignore.excluded(child_ctx)) continue;
          Fd child(openat(fd, name.c_str(), O_PATH | O_NOFOLLOW | O_CLOEXEC));
          if (child.fd < 0) continue;
          struct stat cst;
          if (fstat(child.fd, &cst) != 0) continue;
          rec(rel.empty() ? name : rel + "/" + name, child_ctx, child.fd, cst);
        }
        visit(rel, fd, st, true);  // after the children: directory attributes
      };
  rec("", src.rel, src.fd->fd, src.st);
}

std::string read_link_fd(int fd) {
  char buf[4096];
  ssize_t n = readlinkat(fd, "", buf, sizeof buf);
  return n < 0 ? std::string() : std::string(buf, static_cast<size_t>(n));
}

// Looks a user or group name up in the image's passwd/group file (resolved inside the root).
std::optional<std::pair<uint32_t, uint32_t>> lookup_db(int rootfd, const std::string &file, const std::string &name) {
  Fd fd(openat2_in_root(rootfd, file, O_RDONLY));
  if (fd.fd < 0) return std::nullopt;
  std::string text;
  char buf[4096];
  ssize_t n;
  while ((n = read(fd.fd, buf, sizeof buf)) > 0) text.append(buf, static_cast<size_t>(n));
  std::stringstream ss(text);
  std::string line;
  while (std::getline(ss, line)) {
    std::vector<std::string> f;
    std::stringstream ls(line);
    std::string part;
    while (std::getline(ls, part, ':')) f.push_back(part);
    if (f.size() >= 3 && f[0] == name) {
      uint32_t id = static_cast<uint32_t>(std::stoul(f[2]));
      uint32_t gid = f.size() >= 4 && !f[3].empty() ? static_cast<uint32_t>(std::stoul(f[3])) : id;
      return std::make_pair(id, gid);
    }
  }
  return std::nullopt;
}

bool digits(const std::string &s) { return !s.empty() && s.find_first_not_of("0123456789") == std::string::npos; }

std::pair<uint32_t, uint32_t> resolve_chown(int rootfd, const std::string &spec, const std::string &label = "--chown") {
  std::string user = spec, group;
  if (size_t c = spec.find(':'); c != std::string::npos) {
    user = spec.substr(0, c);
    group = spec.substr(c + 1);
  }
  uint32_t uid, gid;
  if (digits(user)) {
    uid = static_cast<uint32_t>(std::stoul(user));
    gid = uid;
  } else {
    auto u = lookup_db(rootfd, "etc/passwd", user);
    if (!u) throw Error(label + ": unable to find user " + user + " in the image's /etc/passwd");
    uid = u->first;
    gid = u->second;
  }
  if (!group.empty()) {
    if (digits(group)) {
      gid = static_cast<uint32_t>(std::stoul(group));
    } else {
      auto g = lookup_db(rootfd, "etc/group", group);
      if (!g) throw Error(label + ": unable to find group " + group + " in the image's /etc/group");
      gid = g->first;
    }
  }
  return {uid, gid};
}

class Copier {
 public:
  Copier(const CopyRequest &r, int rootfd) : m_r(r), m_rootfd(rootfd) {
    if (r.chown) m_owner = resolve_chown(rootfd, *r.chown);
  }

  // Copies one source entry tree so that its top lands at dir `dest_dir` / `name`
  // (or merges into dest_dir itself when `name` is empty, for a directory source).
  void copy_tree(const Source &src, const std::string &dest_dir, const std::string &name) {
    std::vector<int> dir_stack;
    walk(src, m_r.ignore, m_r.from_context, [&](const std::string &rel, int fd, const struct stat &st, bool after) {
      std::string path = rel.empty() ? name : (name.empty() ? rel : name + "/" + rel);
      std::string full = dest_dir + (path.empty() ? "" : "/" + path);
      if (S_ISDIR(st.st_mode)) {
        if (!after) {
          Fd dir(make_dir_in_root(m_rootfd, full, m_owner ? m_owner : std::optional<std::pair<uint32_t, uint32_t>>{}));
          (void)dir;
          return;
        }
        if (path.empty()) return;  // merging into an existing destination keeps its attributes
        apply_attrs(full, st, false);
        return;
      }
      if (after) return;
      auto slash = full.rfind('/');
      std::string parent_path = full.substr(0, slash);
      std::string base = full.substr(slash + 1);
      Fd parent(make_dir_in_root(m_rootfd, parent_path, m_owner));
      struct stat existing;
      if (fstatat(parent.fd, base.c_str(), &existing, AT_SYMLINK_NOFOLLOW) == 0) {
        if (S_ISDIR(existing.st_mode)) throw Error("cannot copy a file onto the directory " + full);
        unlinkat(parent.fd, base.c_str(), 0);
      }
      if (S_ISREG(st.st_mode)) {
        Fd in(open(proc_fd(fd).c_str(), O_RDONLY | O_CLOEXEC));
        if (in.fd < 0) throw Error("cannot read source " + src.rel + "/" + rel + ": " + std::strerror(errno));
        Fd out(openat(parent.fd, base.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600));
        if (out.fd < 0) throw Error("cannot create " + full + ": " + std::strerror(errno));
        off_t left = st.st_size;
        while (left > 0) {
          ssize_t n = copy_file_range(in.fd, nullptr, out.fd, nullptr, static_cast<size_t>(left), 0);
          if (n < 0 && (errno == EXDEV || errno == ENOSYS || errno == EINVAL)) {
            n = sendfile(out.fd, in.fd, nullptr, static_cast<size_t>(left));
          }
          if (n < 0) {
            throw Error("cannot copy to " + full + ": " + std::strerror(errno) +
                        (errno == ENOSPC ? " (the disk is full)" : ""));
          }
          if (n == 0) break;
          left -= n;
        }
      } else if (S_ISLNK(st.st_mode)) {
        std::string target = read_link_fd(fd);
        if (symlinkat(target.c_str(), parent.fd, base.c_str()) != 0) {
          throw Error("cannot create link " + full + ": " + std::strerror(errno));
        }
      } else {
        return;  // devices, FIFOs and sockets are not copied
      }
      apply_attrs(full, st, S_ISLNK(st.st_mode));
    });
  }

  void write_heredoc(const std::string &full, const std::string &content) {
    auto slash = full.rfind('/');
    Fd parent(make_dir_in_root(m_rootfd, full.substr(0, slash), m_owner));
    std::string base = full.substr(slash + 1);
    unlinkat(parent.fd, base.c_str(), 0);
    Fd out(openat(parent.fd, base.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0644));
    if (out.fd < 0) throw Error("cannot create " + full + ": " + std::strerror(errno));
    if (write(out.fd, content.data(), content.size()) != static_cast<ssize_t>(content.size())) {
      throw Error("cannot write " + full + ": " + std::strerror(errno));
    }
    struct stat st {};
    st.st_mode = S_IFREG | 0644;
    st.st_mtim.tv_sec = time(nullptr);
    apply_attrs(full, st, false);
  }

  bool is_dir(const std::string &path) {
    Fd fd(openat2_in_root(m_rootfd, join(util::path_segments(path, util::DotDot::ClampAtRoot), 1000), O_PATH | O_DIRECTORY));
    return fd.fd >= 0;
  }

  int rootfd() const { return m_rootfd; }
  std::optional<std::pair<uint32_t, uint32_t>> owner() const { return m_owner; }

 private:
  void apply_attrs(const std::string &full, const struct stat &st, bool link) {
    auto slash = full.rfind('/');
    Fd parent(openat2_in_root(m_rootfd, join(util::path_segments(full.substr(0, slash), util::DotDot::ClampAtRoot), 1000), O_PATH | O_DIRECTORY));
    std::string base = full.substr(slash + 1);
    uint32_t uid = m_r.from_context ? 0 : st.st_uid, gid = m_r.from_context ? 0 : st.st_gid;
    if (m_owner) std::tie(uid, gid) = *m_owner;
    fchownat(parent.fd, base.c_str(), uid, gid, AT_SYMLINK_NOFOLLOW);
    if (!link) {
      mode_t mode = st.st_mode & 07777;
      if (m_r.chmod) mode = *m_r.chmod;
      fchmodat(parent.fd, base.c_str(), mode, 0);
    }
    struct timespec times[2] = {st.st_mtim, st.st_mtim};
    utimensat(parent.fd, base.c_str(), times, AT_SYMLINK_NOFOLLOW);
  }

  const CopyRequest &m_r;
  int m_rootfd;
  std::optional<std::pair<uint32_t, uint32_t>> m_owner;
};

std::string clean_abs(const std::string &path) {
  std::string out = "/" + join(util::path_segments(path, util::DotDot::ClampAtRoot), 100000);
  return out;
}

}  // namespace

int open_in_root(int rootfd, const std::string &path, int flags, mode_t mode) {
  struct open_how how {};
  how.flags = static_cast<uint64_t>(flags | O_CLOEXEC);
  how.mode = (flags & O_CREAT) ? mode : 0;
  how.resolve = RESOLVE_IN_ROOT | RESOLVE_NO_MAGICLINKS;
  std::string rel = path;
  while (rel.starts_with("/")) rel.erase(0, 1);
  return static_cast<int>(syscall(SYS_openat2, rootfd, rel.empty() ? "." : rel.c_str(), &how, sizeof how));
}

int make_dir_in_root(int rootfd, const std::string &path, std::optional<std::pair<uint32_t, uint32_t>> owner) {
  std::vector<std::string> parts = util::path_segments(path, util::DotDot::ClampAtRoot);
  for (size_t i = 0; i <= parts.size(); ++i) {
    std::string prefix = join(parts, i);
    int fd = openat2_in_root(rootfd, prefix, O_PATH | O_DIRECTORY);
    if (fd >= 0) {
      if (i == parts.size()) return fd;
      close(fd);
      continue;
    }
    if (errno == ENOTDIR) throw Error("cannot copy to /" + prefix + ": it exists and is not a directory");
    if (errno != ENOENT) throw Error("cannot open /" + prefix + ": " + std::strerror(errno));
    Fd parent(openat2_in_root(rootfd, join(parts, i - 1), O_PATH | O_DIRECTORY));
    if (parent.fd < 0) throw Error("cannot open /" + join(parts, i - 1) + ": " + std::strerror(errno));
    if (mkdirat(parent.fd, parts[i - 1].c_str(), 0755) != 0 && errno != EEXIST) {
      throw Error("cannot create /" + prefix + ": " + std::strerror(errno));
    }
    if (owner) fchownat(parent.fd, parts[i - 1].c_str(), owner->first, owner->second, AT_SYMLINK_NOFOLLOW);
    --i;  // open it on the next round
  }
  throw Error("cannot create /" + path);
}

IgnoreMatcher::IgnoreMatcher(const std::string &text) {
  std::stringstream ss(text);
  std::string line;
  bool first = true;
  while (std::getline(ss, line)) {
    if (first && line.starts_with("\xEF\xBB\xBF")) line.erase(0, 3);
    first = false;
    size_t a = line.find_first_not_of(" \t\r");
    size_t b = line.find_last_not_of(" \t\r");
    if (a == std::string::npos) continue;
    line = line.substr(a, b - a + 1);
    if (line.starts_with("#")) continue;
    Pattern p;
    if (line.starts_with("!")) {
      p.exception = true;
      line.erase(0, 1);
    }
    // As BuildKit cleans a pattern (Go's filepath.Clean): a rooted one clamps `..` at the
    // context root, a relative one that still starts with `..` names a path outside the context,
    // which no file of the context can match (not even through an exception), so it is dropped.
    p.parts = util::path_segments(line, line.starts_with("/") ? util::DotDot::ClampAtRoot : util::DotDot::Keep);
    if (p.parts.empty() || p.parts.front() == "..") continue;
    m_patterns.push_back(std::move(p));
  }
}

bool IgnoreMatcher::match_parts(const std::vector<std::string> &pattern, size_t pi, const std::vector<std::string> &path,
                                size_t si) {
  if (pi == pattern.size()) return si == path.size();
  if (pattern[pi] == "**") {
    for (size_t k = si; k <= path.size(); ++k) {
      if (match_parts(pattern, pi + 1, path, k)) return true;
    }
    return false;
  }
  if (si == path.size()) return false;
  if (fnmatch(pattern[pi].c_str(), path[si].c_str(), 0) != 0) return false;
  return match_parts(pattern, pi + 1, path, si + 1);
}

bool IgnoreMatcher::excluded(const std::string &path) const {
  std::vector<std::string> parts = util::path_segments(path, util::DotDot::ClampAtRoot);
  bool excluded = false;
  for (const auto &p : m_patterns) {
    bool matched = false;
    // The path itself or any of its parents.
    for (size_t n = parts.size(); n >= 1 && !matched; --n) {
      std::vector<std::string> prefix(parts.begin(), parts.begin() + static_cast<std::ptrdiff_t>(n));
      matched = match_parts(p.parts, 0, prefix, 0);
    }
    if (matched) excluded = !p.exception;
  }
  return excluded;
}

IgnoreMatcher load_dockerignore(const std::string &context, const std::string &dockerfile) {
  std::string specific = dockerfile + ".dockerignore";
  if (access(specific.c_str(), R_OK) == 0) return IgnoreMatcher(read_file(specific));
  std::string general = context + "/.dockerignore";
  if (access(general.c_str(), R_OK) == 0) return IgnoreMatcher(read_file(general));
  return IgnoreMatcher();
}

mode_t parse_chmod(const std::string &text) {
  if (text.empty() || text.size() > 5 || text.find_first_not_of("01234567") != std::string::npos) {
    throw Error("--chmod: '" + text + "' is not an octal mode (e.g. 0755)");
  }
  unsigned long v = std::stoul(text, nullptr, 8);
  if (v > 07777) throw Error("--chmod: '" + text + "' is larger than 07777");
  return static_cast<mode_t>(v);
}

std::string checksum_sources(const CopyRequest &r) {
  Sha256 h;
  Fd root(open(r.source_root.c_str(), O_PATH | O_DIRECTORY | O_CLOEXEC));
  if (root.fd < 0) throw Error("cannot open " + r.source_root + ": " + std::strerror(errno));
  for (const auto &pattern : r.sources) {
    h.update("source:" + pattern + "\n");
    for (const Source &src : select(root.fd, pattern, r.ignore, r.from_context, "COPY")) {
      walk(src, r.ignore, r.from_context, [&](const std::string &rel, int fd, const struct stat &st, bool after) {
        if (after) return;
        std::string header = src.rel + "|" + rel + "|" + std::to_string(st.st_mode) + "|" + std::to_string(st.st_size);
        if (!r.from_context) header += "|" + std::to_string(st.st_uid) + ":" + std::to_string(st.st_gid);
        if (S_ISLNK(st.st_mode)) header += "|" + read_link_fd(fd);
        h.update(header + "\n");
        if (S_ISREG(st.st_mode)) {
          Fd in(open(proc_fd(fd).c_str(), O_RDONLY | O_CLOEXEC));
          char buf[1 << 16];
          ssize_t n;
          while (in.fd >= 0 && (n = read(in.fd, buf, sizeof buf)) > 0) h.update(buf, static_cast<size_t>(n));
        }
      });
    }
  }
  for (const auto &[name, content] : r.heredocs) h.update("heredoc:" + name + "\n" + content);
  return h.hex();
}

void perform_copy(const CopyRequest &r) {
  Fd root(open(r.dest_root.c_str(), O_PATH | O_DIRECTORY | O_CLOEXEC));
  if (root.fd < 0) throw Error("cannot open the image root: " + std::string(std::strerror(errno)));
  Fd src_root(open(r.source_root.c_str(), O_PATH | O_DIRECTORY | O_CLOEXEC));
  if (src_root.fd < 0) throw Error("cannot open " + r.source_root + ": " + std::strerror(errno));
  Copier copier(r, root.fd);
  std::string dest = r.dest;
  // "." and "x/." name directories, as a trailing slash does.
  bool dest_slash = dest.ends_with("/") || dest == "." || dest.ends_with("/.") || dest == ".." || dest.ends_with("/..");
  if (!dest.starts_with("/")) dest = (r.workdir.empty() ? "/" : r.workdir) + "/" + dest;
  dest = clean_abs(dest);
  size_t count = r.heredocs.size();
  bool any_wildcard = false;
  std::vector<Source> selected;
  for (const auto &pattern : r.sources) {
    any_wildcard = any_wildcard || has_wildcard(pattern);
    for (auto &s : select(src_root.fd, pattern, r.ignore, r.from_context, r.add ? "ADD" : "COPY")) {
      selected.push_back(std::move(s));
    }
  }
  count += r.sources.size();
  bool dest_is_dir = dest_slash || copier.is_dir(dest);
  if ((count > 1 || any_wildcard) && !dest_slash && !copier.is_dir(dest)) {
    throw Error("When using COPY with more than one source file, the destination must be a directory and end with a /");
  }
  for (const auto &[name, content] : r.heredocs) {
    copier.write_heredoc(dest_is_dir ? clean_abs(dest + "/" + name) : dest, content);
  }
  for (const Source &src : selected) {
    if (S_ISDIR(src.st.st_mode)) {
      Fd d(make_dir_in_root(root.fd, dest, copier.owner()));
      copier.copy_tree(src, dest, "");
      continue;
    }
    if (r.add && r.from_context && S_ISREG(src.st.st_mode) && is_tar_archive(proc_fd(src.fd->fd))) {
      Fd d(make_dir_in_root(root.fd, dest, copier.owner()));
      // libarchive refuses `..`, absolute names and writing through symlinks in the image.
      extract_layer_blob(proc_fd(src.fd->fd), r.dest_root + dest, ExtractMode::Plain, src.rel);
      continue;
    }
    std::string base = src.base.empty() ? "file" : src.base;
    if (dest_is_dir) {
      copier.copy_tree(src, dest == "/" ? "" : dest, base);
    } else {
      auto slash = dest.rfind('/');
      copier.copy_tree(src, dest.substr(0, slash), dest.substr(slash + 1));
    }
  }
}

void make_workdir(const std::string &root, const std::string &path, const std::string &user) {
  Fd rootfd(open(root.c_str(), O_PATH | O_DIRECTORY | O_CLOEXEC));
  if (rootfd.fd < 0) throw Error("cannot open the image root: " + std::string(std::strerror(errno)));
  std::optional<std::pair<uint32_t, uint32_t>> owner;
  if (!user.empty()) owner = resolve_chown(rootfd.fd, user, "USER");
  Fd dir(make_dir_in_root(rootfd.fd, path, owner));
}

}  // namespace msm::executor
