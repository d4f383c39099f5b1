#include "executor/image.h"

#include <archive.h>
#include <archive_entry.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <map>

#include "executor/config_ops.h"
#include "executor/digest.h"
#include "executor/layer.h"
#include "executor/platform.h"
#include "syntax/document.h"
#include "util/error.h"

namespace fs = std::filesystem;

namespace msm::executor {

namespace {

// sha256 of a file's bytes and, through libarchive's decompressors, of its decompressed bytes.
struct FileHashes {
  std::string digest;
  std::string diff_id;
  uint64_t size = 0;
  uint64_t uncompressed_size = 0;
  bool compressed = false;
};

FileHashes hash_layer_file(const std::string &path, const std::string &label) {
  FileHashes out;
  {
    int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) throw Error(label + ": cannot read " + path + ": " + std::strerror(errno));
    Sha256 h;
    std::vector<char> buf(1 << 20);
    ssize_t n;
    unsigned char magic[2] = {0, 0};
    while ((n = read(fd, buf.data(), buf.size())) > 0) {
      if (out.size == 0 && n >= 2) {
        magic[0] = static_cast<unsigned char>(buf[0]);
        magic[1] = static_cast<unsigned char>(buf[1]);
      }
      h.update(buf.data(), static_cast<size_t>(n));
      out.size += static_cast<uint64_t>(n);
    }
    close(fd);
    out.digest = "sha256:" + h.hex();
    out.compressed = magic[0] == 0x1f && magic[1] == 0x8b;
  }
  archive *a = archive_read_new();
  archive_read_support_filter_all(a);
  archive_read_support_format_raw(a);
  if (archive_read_open_filename(a, path.c_str(), 1 << 20) != ARCHIVE_OK) {
    std::string err = archive_error_text(a);
    archive_read_free(a);
    throw Error(label + ": cannot read layer " + path + ": " + err);
  }
  archive_entry *e;
  Sha256 h;
  if (archive_read_next_header(a, &e) == ARCHIVE_OK) {
    std::vector<char> buf(1 << 20);
    la_ssize_t n;
    while ((n = archive_read_data(a, buf.data(), buf.size())) > 0) {
      h.update(buf.data(), static_cast<size_t>(n));
      out.uncompressed_size += static_cast<uint64_t>(n);
    }
    if (n < 0) {
      std::string err = archive_error_text(a);
      archive_read_free(a);
      throw Error(label + ": corrupt layer " + path + ": " + err);
    }
  }
  archive_read_free(a);
  out.diff_id = "sha256:" + h.hex();
  return out;
}

// Copies a file into the blob store under its (verified) digest.
void store_file_blob(Store &store, const std::string &path, const std::string &digest) {
  if (store.has_blob(digest)) return;
  std::string tmp = store.temp_root() + "/blob-" + digest_hex(digest);
  std::error_code ec;
  fs::copy_file(path, tmp, fs::copy_options::overwrite_existing, ec);
  if (ec) throw Error("cannot store blob " + digest + ": " + ec.message());
  store.commit_blob_file(tmp, digest);
}

std::string read_in(const std::string &root, const std::string &name, const std::string &label) {
  std::string path = root + "/" + name;
  if (access(path.c_str(), F_OK) != 0) throw Error(label + ": the archive has no " + name);
  return read_file(path);
}

Json parse_json(const std::string &text, const std::string &what) {
  Json j = Json::parse(text, nullptr, false);
  if (j.is_discarded()) throw Error(what + " is not valid JSON");
  return j;
}

// Unpacks only regular files and directories of an image archive into `dest`.
void unpack_archive(const std::string &path, const std::string &dest, const std::string &label) {
  archive *a = archive_read_new();
  archive_read_support_filter_all(a);
  archive_read_support_format_tar(a);
  archive_read_support_format_gnutar(a);
  int rc = path == "-" ? archive_read_open_fd(a, 0, 1 << 20) : archive_read_open_filename(a, path.c_str(), 1 << 20);
  if (rc != ARCHIVE_OK) {
    std::string err = archive_error_text(a);
    archive_read_free(a);
    throw Error(label + ": cannot read as a tar archive: " + err);
  }
  archive_entry *e;
  std::vector<char> buf(1 << 20);
  while ((rc = archive_read_next_header(a, &e)) != ARCHIVE_EOF) {
    if (rc < ARCHIVE_WARN) {
      std::string err = archive_error_text(a);
      archive_read_free(a);
      throw Error(label + ": corrupt tar: " + err);
    }
    const char *raw_name = archive_entry_pathname(e);  // null for a header without a name
    std::string name = raw_name ? raw_name : "";
    while (name.starts_with("./")) name.erase(0, 2);
    bool bad = name.starts_with("/") || name == ".." || name.starts_with("../") ||
               name.find("/../") != std::string::npos || name.ends_with("/..");
    if (bad) {
      archive_read_free(a);
      throw Error(label + ": refusing archive entry '" + name + "': it is absolute or climbs out with ..");
    }
    if (name.empty()) continue;
    std::string out = dest + "/" + name;
    if (archive_entry_filetype(e) == AE_IFDIR) {
      fs::create_directories(out);
      continue;
    }
    if (archive_entry_filetype(e) != AE_IFREG) continue;  // links and devices have no place here
    fs::create_directories(fs::path(out).parent_path());
    int fd = open(out.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0644);
    if (fd < 0) {
      archive_read_free(a);
      throw Error(label + ": cannot unpack " + name + ": " + std::strerror(errno));
    }
    la_ssize_t n;
    while ((n = archive_read_data(a, buf.data(), buf.size())) > 0) {
      if (write(fd, buf.data(), static_cast<size_t>(n)) != n) {
        close(fd);
        archive_read_free(a);
        throw Error(label + ": cannot unpack " + name + ": " + std::strerror(errno));
      }
    }
    close(fd);
    if (n < 0) {
      std::string err = archive_error_text(a);
      archive_read_free(a);
      throw Error(label + ": corrupt tar: " + err);
    }
  }
  archive_read_free(a);
}

std::string blob_name(const std::string &digest) { return "blobs/sha256/" + digest_hex(digest); }

std::string verified_blob(const std::string &root, const std::string &digest, const std::string &label) {
  std::string data = read_in(root, blob_name(digest), label);
  if (sha256_digest(data) != digest) throw Error(label + ": blob " + digest + " does not match its digest");
  return data;
}

// An OCI manifest from an OCI layout (following one level of index to linux/amd64).
std::vector<std::string> load_oci(Store &store, const std::string &root, const std::string &tag,
                                  const std::string &label) {
  Json index = parse_json(read_in(root, "index.json", label), label + ": index.json");
  std::vector<std::string> tagged;
  for (const auto &desc : index["manifests"]) {
    std::string digest = desc.value("digest", "");
    std::string media = desc.value("mediaType", "");
    Json annotations = desc.value("annotations", Json::object());
    std::string manifest_text = verified_blob(root, digest, label);
    Json manifest = parse_json(manifest_text, label + ": manifest " + digest);
    if (media == k_media_oci_index || manifest.contains("manifests")) {
      // A nested index: take the linux/amd64 entry, else the first.
      Json chosen;
      for (const auto &m : manifest["manifests"]) {
        Json p = m.value("platform", Json::object());
        if (p.value("os", "") == "linux" && p.value("architecture", "") == "amd64") chosen = m;
      }
      if (chosen.is_null() && !manifest["manifests"].empty()) chosen = manifest["manifests"][0];
      if (chosen.is_null()) continue;
      digest = chosen["digest"];
      manifest_text = verified_blob(root, digest, label);
      manifest = parse_json(manifest_text, label + ": manifest " + digest);
    }
    std::string config_digest = manifest["config"]["digest"];
    std::string config_text = verified_blob(root, config_digest, label);
    Json config = parse_json(config_text, label + ": config");
    const Json &diff_ids = config["rootfs"]["diff_ids"];
    if (diff_ids.size() != manifest["layers"].size()) {
      throw Error(label + ": manifest " + digest + " has " + std::to_string(manifest["layers"].size()) +
                  " layers but its config lists " + std::to_string(diff_ids.size()) + " diff_ids");
    }
    for (size_t i = 0; i < manifest["layers"].size(); ++i) {
      const auto &l = manifest["layers"][i];
      std::string ldigest = l["digest"];
      std::string path = root + "/" + blob_name(ldigest);
      FileHashes h = hash_layer_file(path, label);
      if (h.digest != ldigest) throw Error(label + ": layer " + ldigest + " does not match its digest");
      if (h.diff_id != diff_ids[i].get<std::string>()) {
        throw Error(label + ": layer " + ldigest + " decompresses to " + h.diff_id + ", but the config says " +
                    diff_ids[i].get<std::string>());
      }
      store_file_blob(store, path, ldigest);
      store.put_layer_meta({ldigest, h.diff_id, h.size, h.uncompressed_size, l.value("mediaType", k_media_layer_gzip)});
    }
    store.write_blob(config_text);
    store.write_blob(manifest_text);
    std::string name = tag;
    if (name.empty()) name = annotations.value("io.containerd.image.name", "");
    if (name.empty()) {
      std::string ref = annotations.value("org.opencontainers.image.ref.name", "");
      // A bare tag names no repository; as podman does, an image without a name gets none.
      if (ref.find(':') != std::string::npos || ref.find('/') != std::string::npos) name = ref;
    }
    if (name.empty()) name = "sha256:" + digest_hex(config_digest);
    else store.tag(name, digest);
    tagged.push_back(name);
  }
  return tagged;
}

std::vector<std::string> load_docker(Store &store, const std::string &root, const std::string &tag,
                                     const std::string &label) {
  Json list = parse_json(read_in(root, "manifest.json", label), label + ": manifest.json");
  std::vector<std::string> tagged;
  for (const auto &item : list) {
    std::string config_text = read_in(root, item.value("Config", ""), label);
    Json config = parse_json(config_text, label + ": config");
    const Json &diff_ids = config["rootfs"]["diff_ids"];
    if (diff_ids.size() != item["Layers"].size()) throw Error(label + ": layer count does not match the config");
    std::vector<LayerInfo> layers;
    for (size_t i = 0; i < item["Layers"].size(); ++i) {
      std::string name = item["Layers"][i];
      if (name.starts_with("/") || name.find("..") != std::string::npos) throw Error(label + ": bad layer path " + name);
      std::string path = root + "/" + name;
      if (access(path.c_str(), F_OK) != 0) throw Error(label + ": the archive has no " + name);
      FileHashes h = hash_layer_file(path, label);
      if (h.diff_id != diff_ids[i].get<std::string>()) {
        throw Error(label + ": layer " + name + " has DiffID " + h.diff_id + ", but the config says " +
                    diff_ids[i].get<std::string>());
      }
      store_file_blob(store, path, h.digest);
      LayerInfo info{h.digest, h.diff_id, h.size, h.uncompressed_size, h.compressed ? k_media_layer_gzip : k_media_layer_tar};
      store.put_layer_meta(info);
      layers.push_back(info);
    }
    std::string config_digest = store.write_blob(config_text);
    Json manifest{{"schemaVersion", 2}, {"mediaType", k_media_oci_manifest},
                  {"config", {{"mediaType", k_media_oci_config}, {"digest", config_digest}, {"size", config_text.size()}}},
                  {"layers", Json::array()}};
    for (const auto &l : layers) manifest["layers"].push_back({{"mediaType", l.media_type}, {"digest", l.digest}, {"size", l.size}});
    std::string manifest_digest = store.write_blob(manifest.dump());
    std::vector<std::string> names;
    if (!tag.empty()) names.push_back(tag);
    else if (item.contains("RepoTags") && item["RepoTags"].is_array()) {
      for (const auto &t : item["RepoTags"]) names.push_back(t);
    }
    for (const auto &n : names) {
      store.tag(n, manifest_digest);
      tagged.push_back(n);
    }
    if (names.empty()) tagged.push_back(config_digest);
  }
  return tagged;
}

struct TarOut {
  archive *a = nullptr;
  std::string label;
  void add_bytes(const std::string &name, const std::string &data) {
    archive_entry *e = archive_entry_new();
    archive_entry_set_pathname(e, name.c_str());
    archive_entry_set_filetype(e, AE_IFREG);
    archive_entry_set_perm(e, 0644);
    archive_entry_set_size(e, static_cast<la_int64_t>(data.size()));
    archive_entry_set_mtime(e, 0, 0);
    check(archive_write_header(a, e));
    archive_entry_free(e);
    if (!data.empty() && archive_write_data(a, data.data(), data.size()) < 0) fail();
  }
  void add_dir(const std::string &name) {
    archive_entry *e = archive_entry_new();
    archive_entry_set_pathname(e, name.c_str());
    archive_entry_set_filetype(e, AE_IFDIR);
    archive_entry_set_perm(e, 0755);
    archive_entry_set_mtime(e, 0, 0);
    check(archive_write_header(a, e));
    archive_entry_free(e);
  }
  void add_file(const std::string &name, const std::string &path) {
    struct stat st;
    if (stat(path.c_str(), &st) != 0) throw Error("cannot read " + path + ": " + std::strerror(errno));
    archive_entry *e = archive_entry_new();
    archive_entry_set_pathname(e, name.c_str());
    archive_entry_set_filetype(e, AE_IFREG);
    archive_entry_set_perm(e, 0644);
    archive_entry_set_size(e, st.st_size);
    archive_entry_set_mtime(e, 0, 0);
    check(archive_write_header(a, e));
    archive_entry_free(e);
    int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) throw Error("cannot read " + path + ": " + std::strerror(errno));
    posix_fadvise(fd, 0, 0, POSIX_FADV_SEQUENTIAL);
    std::vector<char> buf(4 << 20);
    ssize_t n;
    while ((n = read(fd, buf.data(), buf.size())) > 0) {
      if (archive_write_data(a, buf.data(), static_cast<size_t>(n)) < 0) {
        close(fd);
        fail();
      }
    }
    close(fd);
  }
  void check(int rc) {
    if (rc < ARCHIVE_WARN) fail();
  }
  [[noreturn]] void fail() { throw Error("cannot write " + label + ": " + archive_error_text(a)); }
};

}  // namespace

Image read_image(const Store &store, const std::string &manifest_digest) {
  Image image;
  image.manifest_digest = manifest_digest;
  image.manifest = parse_json(store.read_blob(manifest_digest), "manifest " + manifest_digest);
  image.config_digest = image.manifest["config"]["digest"];
  image.config = parse_json(store.read_blob(image.config_digest), "config " + image.config_digest);
  const Json &diff_ids = image.config["rootfs"]["diff_ids"];
  size_t i = 0;
  for (const auto &l : image.manifest["layers"]) {
    std::string digest = l["digest"];
    LayerInfo info;
    if (auto meta = store.layer_meta(digest)) info = *meta;
    info.digest = digest;
    info.size = l.value("size", uint64_t{0});
    info.media_type = l.value("mediaType", std::string(k_media_layer_gzip));
    if (i < diff_ids.size()) info.diff_id = diff_ids[i];
    image.layers.push_back(info);
    ++i;
  }
  return image;
}

Image find_image(const Store &store, const std::string &reference) {
  auto digest = store.resolve(reference);
  if (!digest) {
    throw Error("image '" + reference + "' is not in the store " + store.root() +
                ": pull it with `msmigrate image pull " + reference + "`, load it with `msmigrate image load FILE` "
                "(a docker save/OCI archive), or make one from a "
                "rootfs with `msmigrate image import DIR|TAR --tag " + reference +
                "` (scripts/make-base-images.sh builds busybox and gcc images offline)");
  }
  return read_image(store, *digest);
}

std::string created_timestamp() {
  time_t t = time(nullptr);
  if (const char *sde = std::getenv("SOURCE_DATE_EPOCH"); sde && *sde) t = static_cast<time_t>(std::atoll(sde));
  struct tm tm_utc;
  gmtime_r(&t, &tm_utc);
  char buf[32];
  strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm_utc);
  return buf;
}

Json empty_config() {
  return Json{{"created", created_timestamp()},
              {"architecture", host_platform().arch},
              {"os", host_platform().os},
              {"config", Json::object()},
              {"rootfs", {{"type", "layers"}, {"diff_ids", Json::array()}}},
              {"history", Json::array()}};
}

Image commit_image(Store &store, Json config, const std::vector<LayerInfo> &layers) {
  config["rootfs"] = {{"type", "layers"}, {"diff_ids", Json::array()}};
  for (const auto &l : layers) config["rootfs"]["diff_ids"].push_back(l.diff_id);
  // Serialise once and hash exactly those bytes.
  std::string config_text = config.dump();
  std::string config_digest = store.write_blob(config_text);
  Json manifest{{"schemaVersion", 2}, {"mediaType", k_media_oci_manifest},
                {"config", {{"mediaType", k_media_oci_config}, {"digest", config_digest}, {"size", config_text.size()}}},
                {"layers", Json::array()}};
  for (const auto &l : layers) manifest["layers"].push_back({{"mediaType", l.media_type}, {"digest", l.digest}, {"size", l.size}});
  std::string manifest_text = manifest.dump();
  std::string manifest_digest = store.write_blob(manifest_text);
  Image image;
  image.manifest_digest = manifest_digest;
  image.config_digest = config_digest;
  image.manifest = std::move(manifest);
  image.config = std::move(config);
  image.layers = layers;
  return image;
}

Image import_rootfs(Store &store, const std::string &path, const std::vector<std::string> &changes,
                    const std::string &comment) {
  struct stat st;
  if (stat(path.c_str(), &st) != 0) throw Error(path + ": " + std::strerror(errno));
  LayerOptions options;
  if (const char *sde = std::getenv("SOURCE_DATE_EPOCH"); sde && *sde) options.source_date_epoch = std::atoll(sde);
  LayerInfo layer;
  if (S_ISDIR(st.st_mode)) {
    layer = write_layer(store, path, DiffMode::Full, options);
  } else {
    if (!is_tar_archive(path)) throw Error(path + ": not a directory or a tar archive");
    std::string tmp = store.make_temp_dir("import");
    try {
      extract_layer_blob(path, tmp, ExtractMode::Plain, path);
      layer = write_layer(store, tmp, DiffMode::Full, options);
    } catch (...) {
      remove_tree(tmp);
      throw;
    }
    // The extracted tree is exactly the layer: keep it as its overlay lower dir.
    std::string id = digest_hex(layer.diff_id);
    if (store.has_layer_dir(id)) remove_tree(tmp);
    else store.commit_dir(tmp, store.layer_dir(id));
  }
  Json config = empty_config();
  config["config"]["Env"] = Json::array({std::string("PATH=") + k_default_path});
  std::string text;
  for (const auto &c : changes) text += c + "\n";
  if (!text.empty()) {
    auto doc = syntax::Document::parse(text, "--change");
    if (!doc->problems().empty()) throw Error("--change: " + doc->problems().front().message);
    bool cmd_set = false;
    for (const auto &ins : doc->instructions()) {
      ConfigLookup lookup(config, {});
      apply_metadata(config, ins, lookup, doc->escape(), cmd_set);
    }
  }
  config["history"].push_back({{"created", config["created"]}, {"created_by", "msmigrate image import " + fs::path(path).filename().string()},
                               {"comment", comment}});
  return commit_image(store, std::move(config), {layer});
}

std::vector<std::string> load_archive(Store &store, const std::string &path, const std::string &tag) {
  std::string label = path == "-" ? "<stdin>" : path;
  struct stat st;
  if (path != "-" && stat(path.c_str(), &st) != 0) throw Error(label + ": " + std::strerror(errno));
  bool is_dir = path != "-" && S_ISDIR(st.st_mode);
  std::string root = is_dir ? path : store.make_temp_dir("load");
  try {
    if (!is_dir) unpack_archive(path, root, label);
    std::vector<std::string> tagged;
    if (access((root + "/index.json").c_str(), F_OK) == 0) tagged = load_oci(store, root, tag, label);
    else if (access((root + "/manifest.json").c_str(), F_OK) == 0) tagged = load_docker(store, root, tag, label);
    else throw Error(label + ": neither an OCI layout (index.json) nor a docker archive (manifest.json)");
    if (!is_dir) remove_tree(root);
    return tagged;
  } catch (...) {
    if (!is_dir) remove_tree(root);
    throw;
  }
}

void save_archive_kind(const Store &store, const Image &image, const std::string &name, const std::string &out_path,
                       ArchiveKind kind) {
  std::string full = normalize_reference(name);
  auto [repo, tag] = split_reference(full);
  std::map<std::string, std::pair<std::string, std::string>> blobs;  // name → (path or "", data)
  blobs[blob_name(image.manifest_digest)] = {"", store.read_blob(image.manifest_digest)};
  blobs[blob_name(image.config_digest)] = {"", store.read_blob(image.config_digest)};
  for (const auto &l : image.layers) blobs[blob_name(l.digest)] = {store.blob_path(l.digest), ""};
  std::map<std::string, std::string> small;
  if (kind != ArchiveKind::Docker) {
    Json index{{"schemaVersion", 2}, {"mediaType", k_media_oci_index},
               {"manifests", Json::array({{{"mediaType", k_media_oci_manifest},
                                           {"digest", image.manifest_digest},
                                           {"size", blobs[blob_name(image.manifest_digest)].second.size()},
                                           {"annotations", {{"io.containerd.image.name", full},
                                                            {"org.opencontainers.image.ref.name", tag}}}}})}};
    small["index.json"] = index.dump();
    small["oci-layout"] = R"({"imageLayoutVersion":"1.0.0"})";
  }
  if (kind != ArchiveKind::Oci) {
    Json item{{"Config", blob_name(image.config_digest)}, {"RepoTags", Json::array({full})}, {"Layers", Json::array()}};
    for (const auto &l : image.layers) item["Layers"].push_back(blob_name(l.digest));
    small["manifest.json"] = Json::array({item}).dump();
    if (!image.layers.empty()) {
      small["repositories"] = Json{{repo, {{tag, digest_hex(image.layers.back().diff_id)}}}}.dump();
    }
  }
  std::string tmp = out_path == "-" ? "" : out_path + ".tmp-" + std::to_string(getpid());
  TarOut out;
  out.label = out_path;
  out.a = archive_write_new();
  archive_write_set_format_pax_restricted(out.a);
  archive_write_set_bytes_in_last_block(out.a, 1);
  int rc = tmp.empty() ? archive_write_open_fd(out.a, 1) : archive_write_open_filename(out.a, tmp.c_str());
  if (rc != ARCHIVE_OK) {
    std::string err = archive_error_text(out.a);
    archive_write_free(out.a);
    throw Error("cannot write " + out_path + ": " + err);
  }
  try {
    // Sorted names: blobs/… < index.json < manifest.json < oci-layout < repositories.
    out.add_dir("blobs/");
    out.add_dir("blobs/sha256/");
    for (const auto &[bname, content] : blobs) {
      if (content.first.empty()) out.add_bytes(bname, content.second);
      else out.add_file(bname, content.first);
    }
    for (const auto &[sname, data] : small) out.add_bytes(sname, data);
    if (archive_write_close(out.a) != ARCHIVE_OK) out.fail();
  } catch (...) {
    archive_write_free(out.a);
    if (!tmp.empty()) unlink(tmp.c_str());
    throw;
  }
  archive_write_free(out.a);
  if (!tmp.empty() && rename(tmp.c_str(), out_path.c_str()) != 0) {
    int err = errno;
    unlink(tmp.c_str());
    throw Error("cannot write " + out_path + ": " + std::strerror(err));
  }
}

void save_archive(const Store &store, const std::string &reference, const std::string &out_path,
                  const std::string &name_override) {
  Image image = find_image(store, reference);
  save_archive_kind(store, image, name_override.empty() ? reference : name_override, out_path, ArchiveKind::Hybrid);
}

}  // namespace msm::executor
