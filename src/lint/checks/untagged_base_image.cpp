// DL3006: FROM an image with neither tag nor digest (stages, `scratch` and images whose name
// comes from an ARG without a value are left alone).

#include "analysis/image_ref.h"
#include "lint/checks/checks.h"
#include "lint/checks/util.h"

namespace msm::lint::checks {

void untagged_base_image(Context &ctx) {
  for (const auto &stage : ctx.graph().stages()) {
    if (stage.base_stage || stage.base.empty()) continue;
    auto image = resolved(ctx, stage.from_instruction, stage.base);
    if (!image || image->empty() || *image == "scratch" || ctx.graph().find(*image)) continue;
    analysis::ImageRef ref = analysis::parse_image_ref(*image);
    if ((ref.tag && !ref.tag->empty()) || ref.digest) continue;
    std::string via = *image == stage.base ? "" : " (`" + stage.base + "` resolves to `" + *image + "`)";
    ctx.report(stage.base_range,
               "Base image `" + *image + "` has no tag or digest" + via + ": pin a version such as `" + *image + ":<version>`");
  }
}

}  // namespace msm::lint::checks
