// DL3026: FROM an image of a registry outside the configured `trustedRegistries` list.

#include <fnmatch.h>

#include "analysis/image_ref.h"
#include "lint/checks/checks.h"
#include "lint/checks/util.h"

namespace msm::lint::checks {

namespace {
// Entries may be globs (`*.corp.example`); Docker Hub answers to both of its names.
bool trusted(const std::vector<std::string> &list, const std::string &registry) {
  for (const auto &entry : list) {
    std::string e = lower(entry);
    if (fnmatch(e.c_str(), registry.c_str(), 0) == 0) return true;
    if (registry == "docker.io" && (e == "hub.docker.com" || e == "index.docker.io" || e == "registry-1.docker.io")) return true;
  }
  return false;
}
}  // namespace

void untrusted_registry(Context &ctx) {
  const auto &list = ctx.config().trusted_registries;
  if (list.empty()) return;
  for (const auto &stage : ctx.graph().stages()) {
    if (stage.base_stage || stage.base.empty()) continue;
    auto image = resolved(ctx, stage.from_instruction, stage.base);
    if (!image || image->empty() || *image == "scratch" || ctx.graph().find(*image)) continue;
    std::string registry = lower(analysis::parse_image_ref(*image).registry_or_default());
    if (trusted(list, registry)) continue;
    ctx.report(stage.base_range,
               "Base image `" + *image + "` comes from `" + registry + "`, which is not in trustedRegistries");
  }
}

}  // namespace msm::lint::checks
