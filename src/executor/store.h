#pragma once
// The embedded image store: a content-addressed directory shared by builds and `image` commands.
//
//   <root>/blobs/sha256/<hex>     config, manifest and (compressed) layer blobs, named by content
//   <root>/layers/<diffid hex>/   extracted layer blobs, used as overlay lower dirs
//   <root>/build-cache/<key>/     a layer a build step made (its overlay upper dir), by cache key
//   <root>/build-cache/<key>.json that step's record: empty or not, the exported blob once tarred
//   <root>/meta/<hex>.json        per layer blob: DiffID, sizes, media type
//   <root>/sources/<hex>          per blob: "registry/repository" lines where it was pulled or pushed
//   <root>/index.json             tagged images: reference → manifest digest
//   <root>/cache-mounts/<id>/     RUN --mount=type=cache directories
//   <root>/tmp/                   scratch space (same filesystem, so renames are atomic)
//   <root>/store.lock             shared by builds, exclusive for prune
//   <root>/index.lock             exclusive around index read-modify-write
//
// Everything is written to tmp/ first and renamed into place, so a killed process leaves at most
// garbage in tmp/ (removed by the next `image prune`), never a half-written blob or index.

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace msm::executor {

using Json = nlohmann::ordered_json;

inline constexpr const char *k_media_oci_manifest = "application/vnd.oci.image.manifest.v1+json";
inline constexpr const char *k_media_oci_index = "application/vnd.oci.image.index.v1+json";
inline constexpr const char *k_media_oci_config = "application/vnd.oci.image.config.v1+json";
inline constexpr const char *k_media_layer_gzip = "application/vnd.oci.image.layer.v1.tar+gzip";
inline constexpr const char *k_media_layer_tar = "application/vnd.oci.image.layer.v1.tar";

struct LayerInfo {
  std::string digest;       // "sha256:<hex>" of the stored blob
  std::string diff_id;      // "sha256:<hex>" of the uncompressed tar
  uint64_t size = 0;        // stored bytes
  uint64_t uncompressed_size = 0;
  std::string media_type = k_media_layer_gzip;
};

// An flock(2) held for the object's lifetime.
class FileLock {
 public:
  FileLock(const std::string &path, bool exclusive);
  ~FileLock();
  FileLock(const FileLock &) = delete;
  FileLock &operator=(const FileLock &) = delete;

 private:
  int m_fd = -1;
};

class Store {
 public:
  // Opens (creating if needed) the store at `root`.
  explicit Store(std::string root);
  // --store value, else $MSMIGRATE_STORE, else $XDG_DATA_HOME/msmigrate, else ~/.local/share/msmigrate.
  static std::string default_root(const std::string &flag_value);

  const std::string &root() const { return m_root; }

  std::string blob_path(std::string_view digest) const;
  bool has_blob(std::string_view digest) const;
  std::string write_blob(std::string_view data);  // returns the digest
  std::string read_blob(std::string_view digest) const;
  // Moves a fully written temp file (whose digest the caller computed) into place.
  void commit_blob_file(const std::string &tmp_path, std::string_view digest);

  void put_layer_meta(const LayerInfo &info);
  std::optional<LayerInfo> layer_meta(std::string_view digest) const;

  // Where a blob is known to live on registries ("host[:port]/repository", each pull and push
  // adds one), so a push to another repository of that registry mounts it instead of uploading.
  // A hint only: a stale entry costs a refused mount, then a normal upload.
  void add_blob_source(std::string_view digest, const std::string &location);
  std::vector<std::string> blob_sources(std::string_view digest) const;

  std::string layer_dir(std::string_view id) const { return m_root + "/layers/" + std::string(id); }
  std::string cache_dir(std::string_view key) const { return m_root + "/build-cache/" + std::string(key); }
  bool has_layer_dir(std::string_view id) const;
  // Moves a finished temp dir to `dest` (layers/<id> or build-cache/<key>); if another process
  // won the race, drops ours.
  void commit_dir(const std::string &tmp_dir, const std::string &dest);
  // The extracted directory of a layer blob, extracting it (overlay whiteouts) on first use.
  std::string ensure_extracted(const LayerInfo &layer);

  // A fresh, empty directory under tmp/.
  std::string make_temp_dir(std::string_view hint);
  std::string temp_root() const { return m_root + "/tmp"; }
  // The bottom overlay layer holding mount points (proc, dev, sys, etc/hosts, etc/resolv.conf).
  const std::string &stub_dir() const { return m_stub; }

  // Tagged images.
  std::map<std::string, std::string> tags() const;  // reference → manifest digest
  void tag(const std::string &reference, const std::string &manifest_digest);
  bool untag(const std::string &reference);
  // A reference as the user typed it (normalised, with docker.io/library/ and localhost/ variants
  // tried), a manifest digest, or an image-ID prefix → manifest digest.
  std::optional<std::string> resolve(const std::string &reference) const;

  std::string store_lock_path() const { return m_root + "/store.lock"; }

  // Removes every blob and extracted layer not reachable from a tag, and temp files; with
  // keep_build_cache the build cache (and what it refers to) stays. The caller holds the
  // exclusive store lock. Returns bytes freed.
  uint64_t prune(bool keep_build_cache);

 private:
  Json read_index() const;
  std::string m_root;
  std::string m_stub;
};

// The store's key for a reference: its familiar form ("busybox" and "docker.io/library/busybox"
// → "busybox:latest"; "localhost:5000/app" → "localhost:5000/app:latest"). Throws msm::Error
// for a reference the distribution grammar refuses.
std::string normalize_reference(const std::string &reference);
// Splits a reference into its familiar (repository, tag); the tag is "" for digest references.
std::pair<std::string, std::string> split_reference(const std::string &reference);

// Writes `content` to `path` through a temp file in the same directory and rename(2).
// durable=false skips the fsync: for records that are cheap to lose (a build-cache entry whose
// loss only means a step runs again), where the fsync would dominate a RUN's fixed cost.
void write_file_atomically(const std::string &path, std::string_view content, bool durable = true);
std::string read_file(const std::string &path);
// rm -rf that never follows symlinks and never crosses into other mounts' files by path.
void remove_tree(const std::string &path);

}  // namespace msm::executor
