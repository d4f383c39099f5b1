#include "executor/pull.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <condition_variable>
#include <cstring>
#include <exception>
#include <memory>
#include <mutex>
#include <ostream>
#include <thread>

#include "analysis/image_ref.h"
#include "executor/digest.h"
#include "executor/uncompressed_digest.h"
#include "util/error.h"
#include "util/units.h"

namespace msm::executor {

namespace {

constexpr int k_max_index_depth = 4;

bool is_index_type(std::string_view t) { return t == registry::k_media_oci_index || t == registry::k_media_docker_list; }
bool is_manifest_type(std::string_view t) {
  return t == registry::k_media_oci_manifest || t == registry::k_media_docker_manifest;
}

bool known_layer_type(std::string_view t) {
  static const char *const k_types[] = {
      "application/vnd.oci.image.layer.v1.tar",
      "application/vnd.oci.image.layer.v1.tar+gzip",
      "application/vnd.oci.image.layer.v1.tar+zstd",
      "application/vnd.docker.image.rootfs.diff.tar.gzip",
      "application/vnd.docker.image.rootfs.foreign.diff.tar.gzip",
      "application/vnd.oci.image.layer.nondistributable.v1.tar",
      "application/vnd.oci.image.layer.nondistributable.v1.tar+gzip",
      "application/vnd.oci.image.layer.nondistributable.v1.tar+zstd",
  };
  for (const char *k : k_types) {
    if (t == k) return true;
  }
  return false;
}


// The manifest's kind: Content-Type, else the body's mediaType, else its shape (Helm and other
// tools omit mediaType). A body that contradicts its Content-Type is refused (distribution spec).
std::string manifest_type(const registry::Manifest &m, const Json &body, const std::string &what) {
  std::string declared = body.is_object() && body.contains("mediaType") && body["mediaType"].is_string()
                             ? body["mediaType"].get<std::string>()
                             : "";
  std::string type = m.media_type;
  if (type.empty() || type == "application/json" || type == "text/plain" || type == "application/octet-stream") type = declared;
  if (type.empty() && body.is_object()) {
    if (body.contains("manifests")) type = registry::k_media_oci_index;
    else if (body.contains("config") && body.contains("layers")) type = registry::k_media_oci_manifest;
  }
  if (type == registry::k_media_docker_schema1 || type == registry::k_media_docker_schema1_signed ||
      (body.is_object() && body.value("schemaVersion", 2) == 1)) {
    throw Error(what + " is a Docker schema 1 image, which msmigrate does not pull (Docker 26 and later refuse it too): "
                "rebuild it and push it with a current tool");
  }
  if (!declared.empty() && declared != type) {
    throw Error(what + ": the registry says " + type + " but the manifest says " + declared + ": refused");
  }
  if (!is_index_type(type) && !is_manifest_type(type)) {
    throw Error(what + " has the media type '" + type + "', which is not an image or an image index");
  }
  return type;
}

// Per-layer counters the display thread reads.
struct LayerProgress {
  std::string name;  // short digest
  uint64_t total = 0;
  std::atomic<uint64_t> done{0};
  std::atomic<int> state{0};  // 0 waiting, 1 fetching, 2 done, 3 already in the store
};

class ProgressDisplay {
 public:
  ProgressDisplay(std::ostream &out, std::vector<std::unique_ptr<LayerProgress>> &layers)
      : m_out(out), m_layers(layers), m_start(std::chrono::steady_clock::now()) {
    m_thread = std::thread([this] {
      std::unique_lock<std::mutex> lock(m_mutex);
      while (!m_stop) {
        draw();
        m_wake.wait_for(lock, std::chrono::milliseconds(150));
      }
      draw();
    });
  }
  ~ProgressDisplay() {
    {
      std::lock_guard<std::mutex> lock(m_mutex);
      m_stop = true;
    }
    m_wake.notify_all();
    m_thread.join();
  }

 private:
  void draw() {
    if (m_drawn) m_out << "\033[" << m_drawn << "A";
    uint64_t done = 0, total = 0;
    for (const auto &l : m_layers) {
      static const char *const k_states[] = {"waiting", "fetching", "done", "already present"};
      int state = l->state.load();
      uint64_t d = l->done.load();
      done += state == 3 ? 0 : d;
      total += state == 3 ? 0 : l->total;
      m_out << "\r\033[K  " << l->name << "  " << k_states[state];
      if (state == 1) m_out << "  " << util::human_bytes(d) << " / " << util::human_bytes(l->total);
      if (state == 2) m_out << "  " << util::human_bytes(l->total);
      m_out << "\n";
    }
    double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - m_start).count();
    m_out << "\r\033[K  total  " << util::human_bytes(done) << " / " << util::human_bytes(total) << "  "
          << util::human_bytes(static_cast<uint64_t>(seconds > 0 ? static_cast<double>(done) / seconds : 0)) << "/s\n";
    m_out.flush();
    m_drawn = m_layers.size() + 1;
  }

  std::ostream &m_out;
  std::vector<std::unique_ptr<LayerProgress>> &m_layers;
  std::chrono::steady_clock::time_point m_start;
  std::mutex m_mutex;
  std::condition_variable m_wake;
  bool m_stop = false;
  size_t m_drawn = 0;
  std::thread m_thread;
};

// Streams one blob into <store>/tmp, hashing as it arrives; renamed into blobs/ only when size
// and digest match and, for a layer (`diff_id` given), when its decompressed bytes hash to the
// config's DiffID. Returns the bytes fetched (0 when the store had it); `uncompressed` gets the
// layer's uncompressed size.
uint64_t fetch_blob(Store &store, registry::RegistryClient &client, const std::string &digest, uint64_t size,
                    const std::string &diff_id, LayerProgress *progress, uint64_t *uncompressed = nullptr) {
  if (store.has_blob(digest)) return 0;
  digest_hex(digest);  // a malformed digest never becomes a path
  std::string dir = store.make_temp_dir("pull");
  std::string path = dir + "/blob";
  int fd = open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) {
    remove_tree(dir);
    throw Error("cannot write " + path + ": " + std::strerror(errno));
  }
  auto hash = std::make_unique<Sha256>();
  // The DiffID is computed as the bytes arrive (no second read of the blob).
  std::unique_ptr<UncompressedDigest> layer_hash;
  if (!diff_id.empty()) layer_hash = std::make_unique<UncompressedDigest>();
  std::string decompress_error;
  uint64_t written = 0;
  bool too_large = false;
  int write_errno = 0;
  auto sink = [&](const char *data, size_t n) {
    if (written + n > size) {
      too_large = true;
      return false;
    }
    for (size_t off = 0; off < n;) {
      ssize_t w = write(fd, data + off, n - off);
      if (w < 0 && errno == EINTR) continue;
      if (w < 0) {
        write_errno = errno;
        return false;
      }
      off += static_cast<size_t>(w);
    }
    hash->update(data, n);
    if (layer_hash) {
      try {  // nothing may throw through libcurl's callback
        layer_hash->update(data, n);
      } catch (const Error &e) {
        decompress_error = e.what();
        return false;
      }
    }
    written += n;
    if (progress) progress->done = written;
    return true;
  };
  auto restart = [&] {
    if (ftruncate(fd, 0) != 0 || lseek(fd, 0, SEEK_SET) != 0) write_errno = errno;
    hash = std::make_unique<Sha256>();
    if (layer_hash) layer_hash = std::make_unique<UncompressedDigest>();
    written = 0;
  };
  try {
    try {
      client.get_blob(digest, 0, sink, restart);
    } catch (const Error &) {
      if (!too_large && !write_errno && decompress_error.empty()) throw;
    }
    if (write_errno) {
      throw Error("cannot write " + path + ": " + std::strerror(write_errno) +
                  (write_errno == ENOSPC ? " (the disk is full: free space or run `msmigrate image prune`)" : ""));
    }
    if (too_large) {
      throw Error("blob " + digest + " from " + client.describe() + " is larger than the " + std::to_string(size) +
                  " bytes its descriptor says: refused, nothing stored");
    }
    if (written != size) {
      throw Error("blob " + digest + " from " + client.describe() + " ended after " + std::to_string(written) + " of " +
                  std::to_string(size) + " bytes: nothing stored");
    }
    std::string got = "sha256:" + hash->hex();
    if (got != digest) {
      throw Error("blob " + digest + " from " + client.describe() + " does not match its digest (the bytes hash to " + got +
                  "): the registry served corrupted data; nothing stored");
    }
    if (layer_hash) {
      std::string got_diff_id;
      try {
        if (!decompress_error.empty()) throw Error(decompress_error);
        got_diff_id = layer_hash->finish();
      } catch (const Error &e) {
        throw Error("layer " + digest + " from " + client.describe() + " does not unpack: " + e.what() + "; nothing stored");
      }
      if (got_diff_id != diff_id) {
        throw Error("layer " + digest + " from " + client.describe() + " unpacks to content hashing to " + got_diff_id +
                    ", but the image config's rootfs.diff_ids says " + diff_id + ": the image is inconsistent; nothing stored");
      }
      if (uncompressed) *uncompressed = layer_hash->uncompressed_size();
    }
    if (fsync(fd) != 0) throw Error("cannot write " + path + ": " + std::strerror(errno));
    close(fd);
    fd = -1;
    store.commit_blob_file(path, digest);
  } catch (...) {
    if (fd >= 0) close(fd);
    remove_tree(dir);
    throw;
  }
  remove_tree(dir);
  return written;
}

// Picks the wanted platform's entry of an index: attestations and unknown/unknown skipped, the
// first match wins (image-spec).
const Json &choose_platform(const Json &index, const Platform &want, const std::string &what) {
  std::vector<std::string> offered;
  if (!index.contains("manifests") || !index["manifests"].is_array()) throw Error(what + ": the index lists no manifests");
  for (const auto &m : index["manifests"]) {
    if (m.contains("annotations") && m["annotations"].is_object() &&
        m["annotations"].value("vnd.docker.reference.type", "") == "attestation-manifest") {
      continue;
    }
    if (!m.contains("platform") || !m["platform"].is_object()) continue;
    const Json &p = m["platform"];
    std::string os = p.value("os", ""), arch = p.value("architecture", ""), variant = p.value("variant", "");
    if (os == "unknown" || arch == "unknown") continue;
    auto platform = parse_platform(os + "/" + arch + (variant.empty() ? "" : "/" + variant), want);
    if (!platform) continue;
    if (*platform == want) return m;
    offered.push_back(platform->str());
  }
  std::string list;
  for (const auto &o : offered) list += (list.empty() ? "" : ", ") + o;
  throw Error(what + " has no image for " + want.str() + (list.empty() ? "" : "; it offers " + list) +
              " (choose one with --platform)");
}

struct Resolved {
  std::string manifest_digest;
  Json manifest;
};

// Fetches (or finds in the store) the manifest `digest_or_tag` names, following indexes down to
// the wanted platform. Every manifest fetched is checked against its digest and kept in the store.
Resolved resolve_manifest(Store &store, registry::RegistryClient &client, const std::string &what,
                          const std::string &tag_or_digest, const Platform &want) {
  std::string digest = tag_or_digest.starts_with("sha256:") ? tag_or_digest : "";
  if (digest.empty()) {
    // HEAD does not count toward Docker Hub's pull limit, and an unchanged image costs nothing more.
    if (auto head = client.head_manifest(tag_or_digest)) digest = head->digest;
  }
  for (int depth = 0;; ++depth) {
    if (depth > k_max_index_depth) throw Error(what + ": indexes nested more than " + std::to_string(k_max_index_depth) + " deep");
    std::string bytes;
    registry::Manifest fetched;
    if (!digest.empty() && store.has_blob(digest)) {
      bytes = store.read_blob(digest);
    } else {
      fetched = client.get_manifest(digest.empty() ? tag_or_digest : digest);
      bytes = fetched.bytes;
      std::string actual = sha256_digest(bytes);
      if (!digest.empty() && actual != digest) {
        throw Error(what + ": the manifest from " + client.describe() + " does not match its digest " + digest + " (got " + actual + ")");
      }
      if (digest.empty() && !fetched.digest.empty() && fetched.digest != actual) {
        throw Error(what + ": the manifest from " + client.describe() + " does not match the digest the registry gives (" +
                    fetched.digest + ")");
      }
      digest = actual;
    }
    Json body = Json::parse(bytes, nullptr, false);
    if (body.is_discarded() || !body.is_object()) throw Error(what + ": the manifest " + digest + " is not JSON");
    if (fetched.media_type.empty() && body.contains("mediaType")) fetched.media_type = body.value("mediaType", "");
    std::string type = manifest_type(fetched, body, what);
    store.write_blob(bytes);  // exactly as served: its digest is its name
    if (is_manifest_type(type)) return {digest, body};
    const Json &entry = choose_platform(body, want, what);
    digest = entry.value("digest", "");
    digest_hex(digest);
  }
}

}  // namespace

std::optional<PullPolicy> parse_pull_policy(std::string_view text) {
  if (text == "missing") return PullPolicy::Missing;
  if (text == "always" || text == "true") return PullPolicy::Always;
  if (text == "never" || text == "false") return PullPolicy::Never;
  return std::nullopt;
}

PullResult pull_image(Store &store, const std::string &reference, const PullOptions &options, std::ostream &log) {
  analysis::Reference ref = analysis::parse_reference(reference);
  const Platform &want = options.platform ? *options.platform : host_platform();
  std::string what = ref.familiar();
  std::vector<registry::Endpoint> endpoints = registry::endpoints_for(ref.domain, options.registry);
  // A mirror that fails hands over to the next endpoint after one more try: the next endpoint is
  // the retry. The registry itself gets the full backoff.
  registry::RegistryOptions mirror_options = options.registry;
  mirror_options.attempts = std::min(mirror_options.attempts, 2);
  std::unique_ptr<registry::Session> session;
  std::unique_ptr<registry::RegistryClient> client;
  Resolved resolved;
  for (size_t i = 0; i < endpoints.size(); ++i) {
    auto candidate_session = std::make_unique<registry::Session>(endpoints[i].mirror ? mirror_options : options.registry);
    auto candidate = std::make_unique<registry::RegistryClient>(*candidate_session, endpoints[i], ref.path);
    try {
      resolved = resolve_manifest(store, *candidate, what, ref.tag_or_digest(), want);
      session = std::move(candidate_session);
      client = std::move(candidate);
      break;
    } catch (const registry::RegistryError &e) {
      // A mirror that lacks the image or fails hands over to the next one, then to the registry.
      bool next = endpoints[i].mirror && (e.status() == 404 || e.status() == 429 || e.status() >= 500);
      if (!next) throw;
      if (options.progress != PullProgress::Quiet) log << "mirror " << endpoints[i].host << ": " << e.what() << "; trying the next\n";
    } catch (const registry::TransportError &e) {
      if (!endpoints[i].mirror) throw;
      if (options.progress != PullProgress::Quiet) log << "mirror " << endpoints[i].host << ": " << e.what() << "; trying the next\n";
    }
  }
  if (!client) throw Error("cannot pull " + what + ": no endpoint answered");
  PullResult result;
  result.reference = what;
  result.source = client->endpoint().host;
  result.from_mirror = client->endpoint().mirror;
  if (options.progress != PullProgress::Quiet) {
    log << "pulling " << what << " from " << result.source << (result.from_mirror ? " (mirror)" : "") << "\n";
    log.flush();
  }

  const Json &manifest = resolved.manifest;
  if (!manifest.contains("config") || !manifest["config"].is_object() || !manifest.contains("layers") || !manifest["layers"].is_array()) {
    throw Error(what + ": the manifest " + resolved.manifest_digest + " has no config or layers");
  }
  std::string config_type = manifest["config"].value("mediaType", "");
  if (config_type != k_media_oci_config && config_type != "application/vnd.docker.container.image.v1+json") {
    throw Error(what + " is not a container image: its config has the media type '" + config_type + "'");
  }
  std::string config_digest = manifest["config"].value("digest", "");
  result.bytes_fetched += fetch_blob(store, *client, config_digest, manifest["config"].value("size", uint64_t{0}), "", nullptr);
  Json config = Json::parse(store.read_blob(config_digest), nullptr, false);
  if (config.is_discarded() || !config.is_object()) throw Error(what + ": the config " + config_digest + " is not JSON");
  std::string variant = config.value("variant", "");
  auto platform = parse_platform(config.value("os", "") + "/" + config.value("architecture", "") + (variant.empty() ? "" : "/" + variant), want);
  if (!platform || !(*platform == want)) {
    throw Error(what + " is an image for " + (platform ? platform->str() : std::string("an unknown platform")) + ", not " + want.str());
  }
  const Json &diff_ids = config.contains("rootfs") ? config["rootfs"].value("diff_ids", Json::array()) : Json::array();
  if (diff_ids.size() != manifest["layers"].size()) {
    throw Error(what + ": the config lists " + std::to_string(diff_ids.size()) + " layers, the manifest " +
                std::to_string(manifest["layers"].size()));
  }

  for (const auto &d : diff_ids) {
    if (!d.is_string()) throw Error(what + ": the config " + config_digest + " has a rootfs.diff_ids entry that is not a string");
    digest_hex(d.get<std::string>());
  }
  std::vector<uint64_t> uncompressed_sizes(diff_ids.size(), 0);
  std::vector<std::unique_ptr<LayerProgress>> layers;
  for (const auto &l : manifest["layers"]) {
    std::string type = l.value("mediaType", "");
    std::string digest = l.value("digest", "");
    if (!known_layer_type(type)) throw Error(what + ": layer " + digest + " has the unknown media type '" + type + "'");
    digest_hex(digest);
    auto p = std::make_unique<LayerProgress>();
    p->name = digest.substr(7, 12);
    p->total = l.value("size", uint64_t{0});
    if (store.has_blob(digest)) p->state = 3;
    layers.push_back(std::move(p));
  }
  {
    std::unique_ptr<ProgressDisplay> display;
    if (options.progress == PullProgress::Tty) display = std::make_unique<ProgressDisplay>(log, layers);
    std::atomic<size_t> next{0};
    std::atomic<uint64_t> fetched{0};
    std::mutex error_mutex;
    std::exception_ptr error;
    auto worker = [&] {
      for (;;) {
        {
          std::lock_guard<std::mutex> lock(error_mutex);
          if (error) return;
        }
        size_t i = next++;
        if (i >= layers.size()) return;
        if (layers[i]->state == 3) continue;
        const Json &l = manifest["layers"][i];
        layers[i]->state = 1;
        try {
          fetched += fetch_blob(store, *client, l["digest"].get<std::string>(), layers[i]->total, diff_ids[i].get<std::string>(),
                                layers[i].get(), &uncompressed_sizes[i]);
          layers[i]->state = 2;
        } catch (...) {
          std::lock_guard<std::mutex> lock(error_mutex);
          if (!error) error = std::current_exception();
          return;
        }
      }
    };
    std::vector<std::thread> threads;
    size_t count = std::min<size_t>(static_cast<size_t>(std::max(1, options.parallel)), layers.size());
    for (size_t t = 1; t < count; ++t) threads.emplace_back(worker);
    worker();
    for (auto &t : threads) t.join();
    display.reset();
    if (error) std::rethrow_exception(error);
    result.bytes_fetched += fetched;
  }
  for (size_t i = 0; i < layers.size(); ++i) {
    const Json &l = manifest["layers"][i];
    std::string digest = l["digest"];
    if (layers[i]->state == 3) ++result.layers_present;
    else ++result.layers_fetched;
    if (store.layer_meta(digest)) continue;
    LayerInfo info;
    info.digest = digest;
    info.diff_id = diff_ids[i].get<std::string>();
    info.size = layers[i]->total;
    info.uncompressed_size = uncompressed_sizes[i];
    info.media_type = l.value("mediaType", std::string(k_media_layer_gzip));
    store.put_layer_meta(info);
  }
  // Where these blobs live, so a push to another repository of this registry can mount them.
  const std::string source = client->endpoint().host + "/" + ref.path;
  store.add_blob_source(config_digest, source);
  for (const auto &l : manifest["layers"]) store.add_blob_source(l["digest"].get<std::string>(), source);
  store.tag(what, resolved.manifest_digest);
  result.image = read_image(store, resolved.manifest_digest);
  if (options.progress != PullProgress::Quiet) {
    log << "pulled " << what << " " << resolved.manifest_digest << ": " << result.layers_fetched << " layers fetched ("
        << util::human_bytes(result.bytes_fetched) << "), " << result.layers_present << " already in the store\n";
  }
  return result;
}

std::optional<PullResult> ensure_image(Store &store, const std::string &reference, PullPolicy policy, const PullOptions &options,
                                       std::ostream &log, std::vector<std::string> *pulled) {
  if (policy == PullPolicy::Never) return std::nullopt;
  if (policy == PullPolicy::Missing && store.resolve(reference)) return std::nullopt;
  PullResult r;
  try {
    r = pull_image(store, reference, options, log);
  } catch (const Error &pull_error) {
    if (store.resolve(reference)) throw;  // --pull=always: the registry failed, the store has it
    // Missing everywhere: what to do about it (find_image's advice), and why the pull failed.
    try {
      (void)find_image(store, reference);
    } catch (const Error &missing) {
      throw Error(std::string(missing.what()) + " (pulling it failed: " + pull_error.what() + ")");
    }
    throw;
  }
  if (pulled) pulled->push_back(r.reference + " from " + r.source + (r.from_mirror ? " (mirror)" : ""));
  return r;
}

}  // namespace msm::executor
