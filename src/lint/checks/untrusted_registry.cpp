// DL3026: FROM (or COPY --from, RUN --mount from=) an image of a registry outside the configured
// `trustedRegistries` list.

#include <fnmatch.h>

#include <algorithm>

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
  // Files taken from an image by `COPY --from=IMAGE` or `RUN --mount=…,from=IMAGE` come from its
  // registry too (hadolint's spec); a stage's name or index is no image.
  auto check_source = [&](const std::string &ref, syntax::Range range, std::string_view how) {
    if (ref.empty() || ref == "scratch" || ref.find('$') != std::string::npos || ctx.graph().find(ref)) return;
    if (std::all_of(ref.begin(), ref.end(), [](char c) { return c >= '0' && c <= '9'; })) return;
    std::string registry = lower(analysis::parse_image_ref(ref).registry_or_default());
    if (trusted(list, registry)) return;
    ctx.report(range,
               std::string(how) + " `" + ref + "` comes from `" + registry + "`, which is not in trustedRegistries");
  };
  for (const auto &ins : ctx.doc().instructions()) {
    if (ins.is(syntax::InstructionKind::Copy)) {
      if (const auto *f = ins.flag("from"); f && f->value) check_source(*f->value, f->range, "COPY --from image");
    } else if (ins.is(syntax::InstructionKind::Run)) {
      for (const auto &f : ins.flags) {
        if (f.name != "mount" || !f.value) continue;
        std::string_view opts = *f.value;
        while (!opts.empty()) {
          std::string_view opt = opts.substr(0, opts.find(','));
          if (opt.substr(0, 5) == "from=") check_source(std::string(opt.substr(5)), f.range, "RUN --mount image");
          if (opt.size() == opts.size()) break;
          opts.remove_prefix(opt.size() + 1);
        }
      }
    }
  }
}

}  // namespace msm::lint::checks
