// DL3007: FROM an image tagged `latest` (also when an ARG default supplies it), unless a digest
// pins it anyway.

#include "analysis/image_ref.h"
#include "lint/checks/checks.h"
#include "lint/checks/util.h"

namespace msm::lint::checks {

void latest_tag(Context &ctx) {
  for (const auto &stage : ctx.graph().stages()) {
    if (stage.base_stage || stage.base.empty()) continue;
    auto image = resolved(ctx, stage.from_instruction, stage.base);
    if (!image || ctx.graph().find(*image)) continue;
    analysis::ImageRef ref = analysis::parse_image_ref(*image);
    if (ref.tag != "latest" || ref.digest) continue;
    std::string via = *image == stage.base ? "" : " (`" + stage.base + "` resolves to `" + *image + "`)";
    ctx.report(stage.base_range,
               "Base image `" + *image + "` uses the `latest` tag" + via + ": pin the version you tested with");
  }
}

}  // namespace msm::lint::checks
