// MSM3004: a multi-stage Dockerfile whose final stage still runs on a full SDK/compiler image.

#include <algorithm>

#include "analysis/image_ref.h"
#include "lint/checks/checks.h"
#include "lint/checks/util.h"

namespace msm::lint::checks {

namespace {

bool sdk_image(std::string_view image, const SdkFinalStageOptions &options) {
  auto parsed = analysis::try_parse_reference(lower(image));
  if (!parsed) return false;
  std::string tag = parsed->tag;
  parsed->tag.clear();
  parsed->digest.clear();
  std::string repo = parsed->familiar();
  if (std::find(options.images.begin(), options.images.end(), repo) != options.images.end()) return true;
  static const char *const k_sdk[] = {"golang", "rust", "maven", "gradle", "gcc", "buildpack-deps", "clang",
                                      "swift", "haskell", "mcr.microsoft.com/dotnet/sdk",
                                      "mcr.microsoft.com/dotnet/core/sdk"};
  for (const char *s : k_sdk) {
    if (repo == s) return true;
  }
  // JDK images are the compiler; their JRE variants are the runtime.
  if ((repo == "openjdk" || repo == "eclipse-temurin" || repo == "amazoncorretto") && tag.find("jdk") != std::string::npos) {
    return true;
  }
  return false;
}

}  // namespace

void sdk_final_stage(Context &ctx) {
  const auto &stages = ctx.graph().stages();
  if (stages.size() < 2) return;
  const auto &final_stage = stages.back();
  const analysis::Stage *root = &final_stage;
  while (root->base_stage) root = &stages[*root->base_stage];
  if (!sdk_image(root->base_expanded, ctx.config().rule_options.sdk_final_stage)) return;
  ctx.report(final_stage.base_range,
             "The final stage runs on the SDK image `" + root->base_expanded +
                 "`; copy the build output into a smaller runtime stage instead");
}

}  // namespace msm::lint::checks
