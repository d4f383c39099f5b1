#include "executor/push.h"

#include <ostream>

#include "analysis/image_ref.h"
#include "executor/digest.h"
#include "util/error.h"
#include "util/units.h"

namespace msm::executor {

PushResult push_image(Store &store, const std::string &source, const std::string &destination, const PullOptions &options,
                      std::ostream &log) {
  Image image = find_image(store, source);
  analysis::Reference dest = analysis::parse_reference(destination.empty() ? source : destination);
  if (dest.tag.empty() && !dest.digest.empty() && dest.digest != image.manifest_digest) {
    throw Error("cannot push " + source + " as " + dest.str() + ": its manifest digest is " + image.manifest_digest);
  }
  PullOptions direct = options;
  direct.registry.mirrors.clear();
  registry::Session session(direct.registry);
  registry::RegistryClient client(session, registry::endpoints_for(dest.domain, direct.registry).back(), dest.path);
  PushResult result;
  result.reference = dest.familiar();
  bool talk = options.progress != PullProgress::Quiet;
  if (talk) log << "pushing " << source << " to " << client.describe() << "\n";
  // Layers first, then the config: a registry may check the manifest's blobs exist.
  struct Blob {
    std::string digest;
    uint64_t size;
  };
  std::vector<Blob> blobs;
  for (const auto &l : image.manifest["layers"]) {
    std::string type = l.value("mediaType", "");
    if (type.find("foreign") != std::string::npos || type.find("nondistributable") != std::string::npos) continue;
    blobs.push_back({l["digest"].get<std::string>(), l.value("size", uint64_t{0})});
  }
  blobs.push_back({image.config_digest, image.manifest["config"].value("size", uint64_t{0})});
  // "host/repository" names where a blob lives (Store::blob_sources).
  const std::string registry_prefix = client.endpoint().host + "/";
  const std::string here = registry_prefix + dest.path;
  for (const auto &b : blobs) {
    if (!client.has_blob(b.digest, b.size)) {
      // Another repository of this registry that holds it (pulled from, or pushed to, before).
      std::string mount_from;
      for (const auto &known_at : store.blob_sources(b.digest)) {
        if (known_at.starts_with(registry_prefix) && known_at != here) {
          mount_from = known_at.substr(registry_prefix.size());
          break;
        }
      }
      if (client.upload_blob(b.digest, store.blob_path(b.digest), b.size, mount_from)) {
        ++result.blobs_mounted;
      } else {
        ++result.blobs_uploaded;
        result.bytes_uploaded += b.size;
      }
    } else {
      ++result.blobs_present;
    }
    store.add_blob_source(b.digest, here);
  }
  std::string bytes = store.read_blob(image.manifest_digest);
  std::string media_type = image.manifest.value("mediaType", std::string(k_media_oci_manifest));
  std::string stored = client.put_manifest(dest.tag_or_digest(), bytes, media_type);
  if (!stored.empty() && stored != image.manifest_digest) {
    throw Error(client.describe() + " stored the manifest as " + stored + ", not " + image.manifest_digest);
  }
  result.digest = image.manifest_digest;
  if (talk) {
    log << "pushed " << result.reference << " " << result.digest << ": " << result.blobs_uploaded << " blobs uploaded, "
        << result.blobs_present << " already there";
    if (result.blobs_mounted) log << ", " << result.blobs_mounted << " mounted from another repository";
    log << " (" << util::human_bytes(result.bytes_uploaded) << " sent)\n";
  }
  return result;
}

}  // namespace msm::executor
