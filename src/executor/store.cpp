#include "executor/store.h"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <random>
#include <set>
#include <sstream>

#include "analysis/image_ref.h"
#include "executor/digest.h"
#include "executor/layer.h"
#include "util/error.h"

namespace fs = std::filesystem;

namespace msm::executor {

namespace {

std::string unique_suffix() {
  static std::atomic<unsigned> counter{0};
  static const unsigned seed = std::random_device{}();
  return std::to_string(getpid()) + "-" + std::to_string(seed) + "-" + std::to_string(counter++);
}

void make_dirs(const std::string &path) {
  std::error_code ec;
  fs::create_directories(path, ec);
  if (ec) throw Error("cannot create directory " + path + ": " + ec.message());
}

void write_empty_file(const std::string &path) {
  if (access(path.c_str(), F_OK) == 0) return;
  int fd = open(path.c_str(), O_WRONLY | O_CREAT | O_CLOEXEC, 0644);
  if (fd < 0) throw Error("cannot create " + path + ": " + std::strerror(errno));
  close(fd);
}

}  // namespace

FileLock::FileLock(const std::string &path, bool exclusive) {
  m_fd = open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (m_fd < 0) throw Error("cannot open lock file " + path + ": " + std::strerror(errno));
  while (flock(m_fd, exclusive ? LOCK_EX : LOCK_SH) != 0) {
    if (errno != EINTR) throw Error("cannot lock " + path + ": " + std::strerror(errno));
  }
}

FileLock::~FileLock() {
  if (m_fd >= 0) close(m_fd);
}

void write_file_atomically(const std::string &path, std::string_view content, bool durable) {
  std::string tmp = path + ".tmp-" + unique_suffix();
  int fd = open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
  if (fd < 0) throw Error("cannot write " + path + ": " + std::strerror(errno));
  size_t done = 0;
  while (done < content.size()) {
    ssize_t n = write(fd, content.data() + done, content.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      int err = errno;
      close(fd);
      unlink(tmp.c_str());
      throw Error("cannot write " + path + ": " + std::strerror(err) +
                  (err == ENOSPC ? " (the disk is full: free space or run `msmigrate image prune`)" : ""));
    }
    done += static_cast<size_t>(n);
  }
  if ((durable && fsync(fd) != 0) || close(fd) != 0) {
    unlink(tmp.c_str());
    throw Error("cannot write " + path + ": " + std::strerror(errno));
  }
  if (rename(tmp.c_str(), path.c_str()) != 0) {
    int err = errno;
    unlink(tmp.c_str());
    throw Error("cannot write " + path + ": " + std::strerror(err));
  }
}

std::string read_file(const std::string &path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error("cannot read " + path + ": " + std::strerror(errno));
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

void remove_tree(const std::string &path) {
  // std::filesystem::remove_all does not follow symlinks; mounts are never left under our dirs.
  std::error_code ec;
  fs::remove_all(path, ec);
  if (ec) {
    // Read-only directories left by a RUN (chmod 0500) block unlinking their children.
    for (auto it = fs::recursive_directory_iterator(path, fs::directory_options::skip_permission_denied, ec);
         !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
      if (it->is_directory(ec) && !it->is_symlink(ec)) chmod(it->path().c_str(), 0700);
    }
    fs::remove_all(path, ec);
  }
}

Store::Store(std::string root) : m_root(std::move(root)) {
  while (m_root.size() > 1 && m_root.back() == '/') m_root.pop_back();
  for (const char *sub : {"/blobs/sha256", "/layers", "/build-cache", "/meta", "/sources", "/tmp", "/cache-mounts"}) make_dirs(m_root + sub);
  // The absolute path matters: overlay and bind mounts are made from child processes.
  m_root = fs::absolute(m_root).lexically_normal().string();
  while (m_root.size() > 1 && m_root.back() == '/') m_root.pop_back();
  m_stub = m_root + "/stub";
  if (access((m_stub + "/etc/resolv.conf").c_str(), F_OK) != 0) {
    std::string tmp = make_temp_dir("stub");
    for (const char *d : {"/proc", "/sys", "/dev", "/etc", "/tmp"}) make_dirs(tmp + d);
    chmod((tmp + "/tmp").c_str(), 01777);
    write_empty_file(tmp + "/etc/hosts");
    write_empty_file(tmp + "/etc/resolv.conf");
    if (rename(tmp.c_str(), m_stub.c_str()) != 0) remove_tree(tmp);  // another process made it
  }
}

std::string Store::default_root(const std::string &flag_value) {
  if (!flag_value.empty()) return flag_value;
  if (const char *env = std::getenv("MSMIGRATE_STORE"); env && *env) return env;
  if (const char *xdg = std::getenv("XDG_DATA_HOME"); xdg && *xdg) return std::string(xdg) + "/msmigrate";
  const char *home = std::getenv("HOME");
  if (!home || !*home) throw Error("cannot find a store directory: set --store or MSMIGRATE_STORE");
  return std::string(home) + "/.local/share/msmigrate";
}

std::string Store::blob_path(std::string_view digest) const {
  return m_root + "/blobs/sha256/" + digest_hex(digest);
}

bool Store::has_blob(std::string_view digest) const { return access(blob_path(digest).c_str(), F_OK) == 0; }

std::string Store::write_blob(std::string_view data) {
  std::string digest = sha256_digest(data);
  if (!has_blob(digest)) write_file_atomically(blob_path(digest), data);
  return digest;
}

std::string Store::read_blob(std::string_view digest) const {
  std::string path = blob_path(digest);
  if (access(path.c_str(), F_OK) != 0) {
    throw Error("blob " + std::string(digest) + " is missing from the store " + m_root +
                " (the store is damaged: remove the image and load it again)");
  }
  return read_file(path);
}

void Store::commit_blob_file(const std::string &tmp_path, std::string_view digest) {
  std::string path = blob_path(digest);
  if (rename(tmp_path.c_str(), path.c_str()) != 0) {
    int err = errno;
    unlink(tmp_path.c_str());
    throw Error("cannot store blob " + path + ": " + std::strerror(err));
  }
}

void Store::put_layer_meta(const LayerInfo &info) {
  Json j{{"digest", info.digest}, {"diff_id", info.diff_id}, {"size", info.size},
         {"uncompressed_size", info.uncompressed_size}, {"media_type", info.media_type}};
  write_file_atomically(m_root + "/meta/" + digest_hex(info.digest) + ".json", j.dump());
}

std::optional<LayerInfo> Store::layer_meta(std::string_view digest) const {
  std::string path = m_root + "/meta/" + digest_hex(digest) + ".json";
  if (access(path.c_str(), F_OK) != 0) return std::nullopt;
  Json j = Json::parse(read_file(path), nullptr, false);
  if (j.is_discarded()) return std::nullopt;
  return LayerInfo{j.value("digest", ""), j.value("diff_id", ""), j.value("size", uint64_t{0}),
                   j.value("uncompressed_size", uint64_t{0}), j.value("media_type", std::string(k_media_layer_gzip))};
}

void Store::add_blob_source(std::string_view digest, const std::string &location) {
  std::vector<std::string> known = blob_sources(digest);
  if (std::find(known.begin(), known.end(), location) != known.end()) return;
  // One short line appended with O_APPEND: concurrent pulls and pushes never interleave it.
  std::string path = m_root + "/sources/" + digest_hex(digest);
  int fd = open(path.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
  if (fd < 0) return;  // a hint: losing it costs an upload, not correctness
  std::string line = location + "\n";
  (void)!write(fd, line.data(), line.size());
  close(fd);
}

std::vector<std::string> Store::blob_sources(std::string_view digest) const {
  std::vector<std::string> out;
  std::ifstream in(m_root + "/sources/" + digest_hex(digest));
  for (std::string line; std::getline(in, line);) {
    if (!line.empty()) out.push_back(line);
  }
  return out;
}

bool Store::has_layer_dir(std::string_view id) const { return access(layer_dir(id).c_str(), F_OK) == 0; }

void Store::commit_dir(const std::string &tmp_dir, const std::string &dest) {
  if (rename(tmp_dir.c_str(), dest.c_str()) != 0) {
    int err = errno;
    if (err == EEXIST || err == ENOTEMPTY) {
      remove_tree(tmp_dir);
      return;
    }
    throw Error("cannot store layer " + dest + ": " + std::strerror(err));
  }
}

std::string Store::ensure_extracted(const LayerInfo &layer) {
  std::string id = digest_hex(layer.diff_id);
  if (has_layer_dir(id)) return layer_dir(id);
  std::string tmp = make_temp_dir("extract");
  uint64_t uncompressed = 0;
  try {
    uncompressed = extract_layer_blob(blob_path(layer.digest), tmp, ExtractMode::OverlayLower);
  } catch (...) {
    remove_tree(tmp);
    throw;
  }
  // A pulled layer's size unpacked is learnt here, where it is read anyway, not while pulling.
  if (auto meta = layer_meta(layer.digest); meta && meta->uncompressed_size == 0) {
    meta->uncompressed_size = uncompressed;
    put_layer_meta(*meta);
  }
  commit_dir(tmp, layer_dir(id));
  return layer_dir(id);
}

std::string Store::make_temp_dir(std::string_view hint) {
  std::string path = m_root + "/tmp/" + std::string(hint) + "-" + unique_suffix();
  if (mkdir(path.c_str(), 0755) != 0) throw Error("cannot create " + path + ": " + std::strerror(errno));
  return path;
}

Json Store::read_index() const {
  std::string path = m_root + "/index.json";
  if (access(path.c_str(), F_OK) != 0) return Json{{"images", Json::object()}};
  Json j = Json::parse(read_file(path), nullptr, false);
  if (j.is_discarded() || !j.contains("images")) throw Error("the store index " + path + " is not valid JSON");
  return j;
}

std::map<std::string, std::string> Store::tags() const {
  std::map<std::string, std::string> out;
  Json index = read_index();
  for (const auto &[ref, digest] : index["images"].items()) out[ref] = digest.get<std::string>();
  return out;
}

void Store::tag(const std::string &reference, const std::string &manifest_digest) {
  FileLock lock(m_root + "/index.lock", true);
  Json j = read_index();
  j["images"][normalize_reference(reference)] = manifest_digest;
  write_file_atomically(m_root + "/index.json", j.dump(1));
}

bool Store::untag(const std::string &reference) {
  FileLock lock(m_root + "/index.lock", true);
  Json j = read_index();
  analysis::Reference ref = analysis::parse_reference(reference);
  for (const std::string &candidate : {ref.familiar(), ref.str(), "localhost/" + ref.familiar()}) {
    if (!j["images"].contains(candidate)) continue;
    j["images"].erase(candidate);
    write_file_atomically(m_root + "/index.json", j.dump(1));
    return true;
  }
  return false;
}

std::optional<std::string> Store::resolve(const std::string &reference) const {
  auto all = tags();
  if (auto ref = analysis::try_parse_reference(reference)) {
    // Keys are familiar names; older stores also hold docker.io/... keys. A short name also
    // finds an image imported as localhost/NAME (podman's short-name habit, offline images).
    std::string familiar = ref->familiar();
    for (const std::string &candidate : {familiar, ref->str(), "localhost/" + familiar}) {
      if (auto it = all.find(candidate); it != all.end()) return it->second;
    }
  }
  // A manifest digest or an image ID (config digest) prefix of at least 12 hex digits.
  std::string hex = reference.starts_with("sha256:") ? reference.substr(7) : reference;
  if (hex.size() >= 12 && hex.find_first_not_of("0123456789abcdef") == std::string::npos) {
    for (const auto &[ref, digest] : all) {
      (void)ref;
      if (digest.substr(7).starts_with(hex)) return digest;
      Json manifest = Json::parse(read_blob(digest), nullptr, false);
      if (!manifest.is_discarded() && manifest["config"].value("digest", "").substr(7).starts_with(hex)) {
        return digest;
      }
    }
  }
  return std::nullopt;
}

uint64_t Store::prune(bool keep_build_cache) {
  std::set<std::string> keep_blobs;
  std::set<std::string> keep_layers;
  for (const auto &[ref, digest] : tags()) {
    (void)ref;
    if (!has_blob(digest)) continue;
    keep_blobs.insert(digest_hex(digest));
    Json manifest = Json::parse(read_blob(digest), nullptr, false);
    if (manifest.is_discarded()) continue;
    keep_blobs.insert(digest_hex(manifest["config"]["digest"].get<std::string>()));
    for (const auto &l : manifest["layers"]) {
      std::string hex = digest_hex(l["digest"].get<std::string>());
      keep_blobs.insert(hex);
      if (auto meta = layer_meta(l["digest"].get<std::string>())) keep_layers.insert(digest_hex(meta->diff_id));
    }
  }
  uint64_t freed = 0;
  auto size_of = [](const fs::path &p) {
    uint64_t total = 0;
    std::error_code ec;
    if (fs::is_directory(fs::symlink_status(p, ec))) {
      for (auto it = fs::recursive_directory_iterator(p, ec); !ec && it != fs::recursive_directory_iterator();
           it.increment(ec)) {
        if (it->is_regular_file(ec) && !it->is_symlink(ec)) total += it->file_size(ec);
      }
    } else {
      total = fs::file_size(p, ec);
      if (ec) total = 0;
    }
    return total;
  };
  std::error_code ec;
  if (keep_build_cache) {
    // Exported built layers keep their blobs alive with the cache.
    for (const auto &e : fs::directory_iterator(m_root + "/build-cache", ec)) {
      if (e.path().extension() != ".json") continue;
      Json j = Json::parse(read_file(e.path().string()), nullptr, false);
      if (!j.is_discarded() && j.contains("digest")) keep_blobs.insert(digest_hex(j["digest"].get<std::string>()));
    }
  } else {
    for (const auto &e : fs::directory_iterator(m_root + "/build-cache", ec)) {
      freed += size_of(e.path());
      remove_tree(e.path().string());
    }
  }
  for (const auto &e : fs::directory_iterator(m_root + "/blobs/sha256", ec)) {
    std::string name = e.path().filename().string();
    if (keep_blobs.count(name)) continue;
    freed += size_of(e.path());
    fs::remove(e.path(), ec);
    fs::remove(m_root + "/meta/" + name + ".json", ec);
    fs::remove(m_root + "/sources/" + name, ec);
  }
  for (const auto &e : fs::directory_iterator(m_root + "/layers", ec)) {
    if (keep_layers.count(e.path().filename().string())) continue;
    if (keep_build_cache) {
      // Base layers of cached builds stay extracted while their blobs stay.
      continue;
    }
    freed += size_of(e.path());
    remove_tree(e.path().string());
  }
  for (const auto &e : fs::directory_iterator(m_root + "/tmp", ec)) {
    freed += size_of(e.path());
    remove_tree(e.path().string());
  }
  if (!keep_build_cache) {
    for (const auto &e : fs::directory_iterator(m_root + "/cache-mounts", ec)) {
      freed += size_of(e.path());
      remove_tree(e.path().string());
    }
  }
  return freed;
}

std::string normalize_reference(const std::string &reference) {
  return analysis::parse_reference(reference).familiar();
}

std::pair<std::string, std::string> split_reference(const std::string &reference) {
  analysis::Reference ref = analysis::parse_reference(reference);
  std::string tag = ref.digest.empty() ? ref.tag : "";
  ref.tag.clear();
  ref.digest.clear();
  return {ref.familiar(), tag};
}

}  // namespace msm::executor
