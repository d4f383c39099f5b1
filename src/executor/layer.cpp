#include "executor/layer.h"

#include <archive.h>
#include <archive_entry.h>
#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/xattr.h>
#include <unistd.h>
#include <libdeflate.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <deque>
#include <exception>
#include <future>
#include <map>
#include <thread>
#include <vector>

#include "executor/digest.h"
#include "util/error.h"

namespace msm::executor {

namespace {

// One gzip member; members concatenated form a valid gzip stream (RFC 1952 §2.2), which lets
// chunks compress on all cores, as pigz and buildah's pgzip do. libdeflate compresses a whole
// buffer about twice as fast as zlib at the same level, and its gzip header has mtime 0.
std::string gzip_member(const std::string &input, int level) {
  libdeflate_compressor *c = libdeflate_alloc_compressor(level);
  if (!c) throw Error("cannot initialise libdeflate");
  std::string out;
  out.resize(libdeflate_gzip_compress_bound(c, input.size()));
  size_t n = libdeflate_gzip_compress(c, input.data(), input.size(), out.data(), out.size());
  libdeflate_free_compressor(c);
  if (n == 0) throw Error("gzip compression failed");
  out.resize(n);
  return out;
}

// Receives the tar stream: DiffID hash, chunked parallel gzip, digest hash, blob file.
class LayerSink {
 public:
  // `what` names the layer and the store for a disk-full message.
  LayerSink(std::string path, const LayerOptions &options, std::string what)
      : m_path(std::move(path)), m_what(std::move(what)), m_options(options),
        m_max_in_flight(std::max(2u, std::thread::hardware_concurrency())) {
    m_fd = open(m_path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
    if (m_fd < 0) throw Error("cannot write " + m_path + ": " + std::strerror(errno));
  }
  ~LayerSink() {
    if (m_fd >= 0) close(m_fd);
  }

  void write(const void *data, size_t size) {
    m_diff.update(data, size);
    m_uncompressed += size;
    const char *p = static_cast<const char *>(data);
    while (size) {
      size_t take = std::min(size, m_options.chunk_size - m_chunk.size());
      m_chunk.append(p, take);
      p += take;
      size -= take;
      if (m_chunk.size() == m_options.chunk_size) submit();
    }
  }

  void finish() {
    if (!m_chunk.empty() || m_uncompressed == 0) submit();
    while (!m_pending.empty()) drain_one();
    if (fsync(m_fd) != 0 || close(m_fd) != 0) {
      int err = errno;
      m_fd = -1;
      throw write_error(err);
    }
    m_fd = -1;
  }

  // libarchive is C: an exception must not cross it. The write callback keeps the first error
  // here and reports failure; write_layer rethrows it.
  std::exception_ptr failure;

  std::string diff_id() { return "sha256:" + m_diff.hex(); }
  std::string digest() { return "sha256:" + m_compressed_hash.hex(); }
  uint64_t uncompressed() const { return m_uncompressed; }
  uint64_t compressed() const { return m_compressed; }

 private:
  void submit() {
    if (m_pending.size() >= m_max_in_flight) drain_one();
    int level = m_options.level;
    m_pending.push_back(std::async(std::launch::async, [chunk = std::move(m_chunk), level] {
      return gzip_member(chunk, level);
    }));
    m_chunk.clear();
    m_chunk.reserve(m_options.chunk_size);
  }
  void drain_one() {
    std::string out = m_pending.front().get();
    m_pending.pop_front();
    m_compressed_hash.update(out);
    m_compressed += out.size();
    size_t done = 0;
    while (done < out.size()) {
      ssize_t n = ::write(m_fd, out.data() + done, out.size() - done);
      if (n < 0) {
        if (errno == EINTR) continue;
        throw write_error(errno);
      }
      done += static_cast<size_t>(n);
    }
  }

  Error write_error(int err) const {
    if (err == ENOSPC || err == EDQUOT) {
      return Error("no space left on device while writing layer " + m_what +
                   ": free space, or run `msmigrate image prune` (nothing half-written was kept)");
    }
    return Error("cannot write " + m_path + ": " + std::strerror(err));
  }

  std::string m_path;
  std::string m_what;
  LayerOptions m_options;
  size_t m_max_in_flight;
  int m_fd = -1;
  Sha256 m_diff;
  Sha256 m_compressed_hash;
  std::string m_chunk;
  std::deque<std::future<std::string>> m_pending;
  uint64_t m_uncompressed = 0;
  uint64_t m_compressed = 0;
};

la_ssize_t sink_write(struct archive *a, void *client, const void *buffer, size_t length) {
  auto *sink = static_cast<LayerSink *>(client);
  try {
    sink->write(buffer, length);
  } catch (...) {
    if (!sink->failure) sink->failure = std::current_exception();
    archive_set_error(a, EIO, "layer blob write failed");
    return -1;
  }
  return static_cast<la_ssize_t>(length);
}

std::vector<std::string> sorted_entries(const std::string &dir) {
  std::vector<std::string> names;
  DIR *d = opendir(dir.c_str());
  if (!d) throw Error("cannot read directory " + dir + ": " + std::strerror(errno));
  while (dirent *e = readdir(d)) {
    std::string name = e->d_name;
    if (name != "." && name != "..") names.push_back(std::move(name));
  }
  closedir(d);
  std::sort(names.begin(), names.end());
  return names;
}

bool is_opaque(const std::string &path) {
  char value[4];
  ssize_t n = lgetxattr(path.c_str(), "trusted.overlay.opaque", value, sizeof value);
  return n == 1 && value[0] == 'y';
}

void add_xattrs(archive_entry *entry, const std::string &path) {
  ssize_t size = llistxattr(path.c_str(), nullptr, 0);
  if (size <= 0) return;
  std::string names(static_cast<size_t>(size), '\0');
  size = llistxattr(path.c_str(), names.data(), names.size());
  if (size <= 0) return;
  for (size_t pos = 0; pos < static_cast<size_t>(size);) {
    std::string name(names.c_str() + pos);
    pos += name.size() + 1;
    // Overlay bookkeeping and LSM labels are the host's, not the image's.
    if (!(name.starts_with("user.") || name == "security.capability")) continue;
    ssize_t vsize = lgetxattr(path.c_str(), name.c_str(), nullptr, 0);
    if (vsize < 0) continue;
    std::string value(static_cast<size_t>(vsize), '\0');
    vsize = lgetxattr(path.c_str(), name.c_str(), value.data(), value.size());
    if (vsize >= 0) archive_entry_xattr_add_entry(entry, name.c_str(), value.data(), static_cast<size_t>(vsize));
  }
}

class TarWriter {
 public:
  TarWriter(archive *a, DiffMode mode, const LayerOptions &options) : m_a(a), m_mode(mode), m_options(options) {}

  void walk(const std::string &dir, const std::string &rel) {
    for (const std::string &name : sorted_entries(dir)) {
      std::string path = dir + "/" + name;
      std::string entry_name = rel.empty() ? name : rel + "/" + name;
      struct stat st;
      if (lstat(path.c_str(), &st) != 0) throw Error("cannot stat " + path + ": " + std::strerror(errno));
      if (m_mode == DiffMode::OverlayUpper && S_ISCHR(st.st_mode) && st.st_rdev == makedev(0, 0)) {
        // A whiteout: checked before hardlinks, since the kernel links all whiteouts to one inode.
        std::string wh = rel.empty() ? ".wh." + name : rel + "/.wh." + name;
        write_plain(wh, S_IFREG | 0, st);
        continue;
      }
      if (S_ISSOCK(st.st_mode)) continue;
      write_entry(path, entry_name, st);
      if (S_ISDIR(st.st_mode)) {
        if (m_mode == DiffMode::OverlayUpper && is_opaque(path)) {
          write_plain(entry_name + "/.wh..wh..opq", S_IFREG | 0, st);
        }
        walk(path, entry_name);
      }
    }
  }

 private:
  int64_t clamp(int64_t t) const {
    if (m_options.source_date_epoch && t > *m_options.source_date_epoch) return *m_options.source_date_epoch;
    return t;
  }

  void header(archive_entry *e, const std::string &name, const struct stat &st) {
    archive_entry_set_pathname(e, name.c_str());
    archive_entry_set_mode(e, st.st_mode);
    archive_entry_set_uid(e, st.st_uid);
    archive_entry_set_gid(e, st.st_gid);
    archive_entry_set_mtime(e, clamp(st.st_mtim.tv_sec), 0);
  }

  void write_plain(const std::string &name, mode_t mode, const struct stat &parent) {
    archive_entry *e = archive_entry_new();
    header(e, name, parent);
    archive_entry_set_mode(e, mode);
    archive_entry_set_uid(e, 0);
    archive_entry_set_gid(e, 0);
    archive_entry_set_size(e, 0);
    check(archive_write_header(m_a, e), name);
    archive_entry_free(e);
  }

  void write_entry(const std::string &path, const std::string &name, const struct stat &st) {
    archive_entry *e = archive_entry_new();
    header(e, name, st);
    bool data = false;
    if (S_ISREG(st.st_mode)) {
      auto key = std::make_pair(st.st_dev, st.st_ino);
      if (st.st_nlink > 1) {
        if (auto it = m_links.find(key); it != m_links.end()) {
          archive_entry_set_hardlink(e, it->second.c_str());
          archive_entry_set_size(e, 0);
          check(archive_write_header(m_a, e), name);
          archive_entry_free(e);
          return;
        }
        m_links.emplace(key, name);
      }
      archive_entry_set_size(e, st.st_size);
      data = st.st_size > 0;
    } else if (S_ISLNK(st.st_mode)) {
      std::string target(static_cast<size_t>(st.st_size) + 1, '\0');
      ssize_t n = readlink(path.c_str(), target.data(), target.size());
      if (n < 0) throw Error("cannot read link " + path + ": " + std::strerror(errno));
      target.resize(static_cast<size_t>(n));
      archive_entry_set_symlink(e, target.c_str());
      archive_entry_set_size(e, 0);
    } else if (S_ISCHR(st.st_mode) || S_ISBLK(st.st_mode)) {
      archive_entry_set_rdevmajor(e, major(st.st_rdev));
      archive_entry_set_rdevminor(e, minor(st.st_rdev));
      archive_entry_set_size(e, 0);
    } else {
      archive_entry_set_size(e, 0);
    }
    add_xattrs(e, path);
    check(archive_write_header(m_a, e), name);
    archive_entry_free(e);
    if (data) copy_data(path, st);
  }

  void copy_data(const std::string &path, const struct stat &st) {
    int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
    if (fd < 0) throw Error("cannot read " + path + ": " + std::strerror(errno));
    posix_fadvise(fd, 0, 0, POSIX_FADV_SEQUENTIAL);
    m_buffer.resize(1 << 20);
    int64_t left = st.st_size;
    while (left > 0) {
      ssize_t n = read(fd, m_buffer.data(), m_buffer.size());
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) break;  // the file shrank: libarchive pads the entry with zeros
      size_t take = static_cast<size_t>(std::min<int64_t>(n, left));
      if (archive_write_data(m_a, m_buffer.data(), take) < 0) {
        close(fd);
        throw Error(std::string("cannot write layer tar: ") + archive_error_text(m_a));
      }
      left -= static_cast<int64_t>(take);
    }
    close(fd);
  }

  void check(int rc, const std::string &name) {
    if (rc < ARCHIVE_WARN) throw Error("cannot write layer entry " + name + ": " + archive_error_text(m_a));
  }

  archive *m_a;
  DiffMode m_mode;
  const LayerOptions &m_options;
  std::map<std::pair<dev_t, ino_t>, std::string> m_links;
  std::vector<char> m_buffer;
};

// Cleans a tar member name; nullopt for names that climb out or are absolute.
std::optional<std::string> safe_name(std::string name) {
  while (name.starts_with("./")) name.erase(0, 2);
  if (name.empty() || name == ".") return std::string();
  if (name.front() == '/') return std::nullopt;
  while (!name.empty() && name.back() == '/') name.pop_back();
  size_t start = 0;
  while (start <= name.size()) {
    size_t end = name.find('/', start);
    if (end == std::string::npos) end = name.size();
    std::string_view part(name.data() + start, end - start);
    if (part == "..") return std::nullopt;
    start = end + 1;
  }
  return name;
}

// Whether `rel` (a safe_name) is a chain of real directories below `root`: no component is a
// symbolic link, so a path built on it cannot lead out of `root`. A layer can plant
// `a -> /etc` and then whiteout `a/ssl/.wh.x`: lstat of the parent alone would follow `a`.
bool real_directory_below(const std::string &root, const std::string &rel) {
  std::string path = root;
  size_t start = 0;
  while (start < rel.size()) {
    size_t end = rel.find('/', start);
    if (end == std::string::npos) end = rel.size();
    path += "/" + rel.substr(start, end - start);
    struct stat st;
    if (lstat(path.c_str(), &st) != 0 || !S_ISDIR(st.st_mode)) return false;
    start = end + 1;
  }
  return true;
}

}  // namespace

bool directory_is_empty(const std::string &dir) {
  DIR *d = opendir(dir.c_str());
  if (!d) return true;
  bool empty = true;
  while (dirent *e = readdir(d)) {
    if (std::strcmp(e->d_name, ".") != 0 && std::strcmp(e->d_name, "..") != 0) {
      empty = false;
      break;
    }
  }
  closedir(d);
  return empty;
}

LayerInfo write_layer(Store &store, const std::string &dir, DiffMode mode, const LayerOptions &options) {
  std::string tmp = store.temp_root() + "/layer-" + std::to_string(getpid()) + "-" +
                    std::to_string(std::hash<std::thread::id>{}(std::this_thread::get_id())) + ".tar.gz";
  unlink(tmp.c_str());
  LayerInfo info;
  try {
    LayerSink sink(tmp, options, dir + " in " + store.root());
    archive *a = archive_write_new();
    archive_write_set_format_pax_restricted(a);
    archive_write_set_bytes_in_last_block(a, 1);  // no padding past the end-of-archive blocks
    if (archive_write_open2(a, &sink, nullptr, sink_write, nullptr, nullptr) != ARCHIVE_OK) {
      std::string err = archive_error_text(a);
      archive_write_free(a);
      throw Error("cannot start layer tar: " + err);
    }
    try {
      TarWriter writer(a, mode, options);
      writer.walk(dir, "");
    } catch (...) {
      archive_write_free(a);
      if (sink.failure) std::rethrow_exception(sink.failure);
      throw;
    }
    if (archive_write_close(a) != ARCHIVE_OK) {
      std::string err = archive_error_text(a);
      archive_write_free(a);
      if (sink.failure) std::rethrow_exception(sink.failure);
      throw Error("cannot finish layer tar: " + err);
    }
    archive_write_free(a);
    sink.finish();
    info.diff_id = sink.diff_id();
    info.digest = sink.digest();
    info.size = sink.compressed();
    info.uncompressed_size = sink.uncompressed();
  } catch (...) {
    unlink(tmp.c_str());
    throw;
  }
  if (store.has_blob(info.digest)) {
    unlink(tmp.c_str());
  } else {
    store.commit_blob_file(tmp, info.digest);
  }
  store.put_layer_meta(info);
  return info;
}

std::string archive_error_text(archive *a) {
  const char *message = archive_error_string(a);
  return message ? message : "unknown libarchive error";
}

uint64_t extract_layer_blob(const std::string &path, const std::string &dest, ExtractMode mode,
                            const std::string &source_name, bool allow_devices) {
  const std::string &label = source_name.empty() ? path : source_name;
  archive *in = archive_read_new();
  archive_read_support_filter_all(in);
  archive_read_support_format_tar(in);
  archive_read_support_format_gnutar(in);
  if (archive_read_open_filename(in, path.c_str(), 1 << 20) != ARCHIVE_OK) {
    std::string err = archive_error_text(in);
    archive_read_free(in);
    throw Error(label + ": cannot read as a tar archive: " + err);
  }
  archive *out = archive_write_disk_new();
  archive_write_disk_set_options(out, ARCHIVE_EXTRACT_PERM | ARCHIVE_EXTRACT_TIME | ARCHIVE_EXTRACT_OWNER |
                                          ARCHIVE_EXTRACT_XATTR | ARCHIVE_EXTRACT_SECURE_NODOTDOT |
                                          ARCHIVE_EXTRACT_SECURE_SYMLINKS | ARCHIVE_EXTRACT_UNLINK);
  auto fail = [&](const std::string &message) {
    archive_read_free(in);
    archive_write_free(out);
    throw Error(label + ": " + message);
  };
  archive_entry *entry = nullptr;
  for (;;) {
    int rc = archive_read_next_header(in, &entry);
    if (rc == ARCHIVE_EOF) break;
    if (rc < ARCHIVE_WARN) fail(std::string("corrupt tar: ") + archive_error_text(in));
    const char *raw = archive_entry_pathname(entry);
    auto name = safe_name(raw ? raw : "");
    if (!name) fail(std::string("refusing tar entry '") + (raw ? raw : "") + "': it is absolute or climbs out with ..");
    if (name->empty()) continue;
    mode_t type = archive_entry_filetype(entry);
    if ((type == AE_IFCHR || type == AE_IFBLK || type == AE_IFIFO) && !allow_devices) continue;
    if (type == AE_IFSOCK) continue;
    std::string base = name->substr(name->rfind('/') == std::string::npos ? 0 : name->rfind('/') + 1);
    std::string parent = name->size() > base.size() ? name->substr(0, name->size() - base.size() - 1) : "";
    if (mode == ExtractMode::OverlayLower && base.starts_with(".wh.")) {
      std::string parent_path = parent.empty() ? dest : dest + "/" + parent;
      if (!real_directory_below(dest, parent)) {
        fail("refusing whiteout '" + *name + "': its directory is missing or reached through a symbolic link");
      }
      if (base == ".wh..wh..opq") {
        if (setxattr(parent_path.c_str(), "trusted.overlay.opaque", "y", 1, 0) != 0) {
          fail("cannot mark " + parent + " opaque: " + std::strerror(errno));
        }
      } else {
        std::string target = base.substr(4);
        if (target.empty() || target == "." || target == "..") fail("refusing whiteout '" + *name + "'");
        std::string wpath = parent_path + "/" + target;
        remove_tree(wpath);
        if (mknod(wpath.c_str(), S_IFCHR | 0, makedev(0, 0)) != 0) {
          fail("cannot create whiteout for " + *name + ": " + std::strerror(errno));
        }
      }
      continue;
    }
    std::string full = dest + "/" + *name;
    archive_entry_set_pathname(entry, full.c_str());
    if (const char *link = archive_entry_hardlink(entry)) {
      auto target = safe_name(link);
      if (!target || target->empty()) fail(std::string("refusing hard link to '") + link + "'");
      std::string full_target = dest + "/" + *target;
      archive_entry_set_hardlink(entry, full_target.c_str());
    }
    rc = archive_write_header(out, entry);
    if (rc < ARCHIVE_WARN) fail("cannot extract " + *name + ": " + archive_error_text(out));
    if (archive_entry_size(entry) > 0) {
      const void *buf;
      size_t size;
      la_int64_t offset;
      for (;;) {
        rc = archive_read_data_block(in, &buf, &size, &offset);
        if (rc == ARCHIVE_EOF) break;
        if (rc < ARCHIVE_WARN) fail(std::string("corrupt tar: ") + archive_error_text(in));
        if (archive_write_data_block(out, buf, size, offset) < ARCHIVE_WARN) {
          fail("cannot extract " + *name + ": " + archive_error_text(out));
        }
      }
    }
    if (archive_write_finish_entry(out) < ARCHIVE_WARN) fail("cannot extract " + *name + ": " + archive_error_text(out));
  }
  auto uncompressed = static_cast<uint64_t>(archive_filter_bytes(in, 0));
  archive_read_free(in);
  if (archive_write_close(out) != ARCHIVE_OK) {
    std::string err = archive_error_text(out);
    archive_write_free(out);
    throw Error(label + ": cannot finish extraction: " + err);
  }
  archive_write_free(out);
  return uncompressed;
}

bool is_tar_archive(const std::string &path) {
  archive *in = archive_read_new();
  archive_read_support_filter_all(in);
  archive_read_support_format_tar(in);
  archive_read_support_format_gnutar(in);
  bool ok = false;
  if (archive_read_open_filename(in, path.c_str(), 65536) == ARCHIVE_OK) {
    archive_entry *e;
    int rc = archive_read_next_header(in, &e);
    ok = rc == ARCHIVE_OK || rc == ARCHIVE_WARN;
  }
  archive_read_free(in);
  return ok;
}

}  // namespace msm::executor
