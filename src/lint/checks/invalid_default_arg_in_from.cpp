// MSM1020 (BuildKit InvalidDefaultArgInFrom): FROM whose image, with the global ARGs' defaults,
// is empty or not a valid reference, so a build without --build-arg fails.

#include <algorithm>

#include "analysis/stages.h"
#include "lint/checks/checks.h"
#include "lint/checks/util.h"

namespace msm::lint::checks {

namespace {
bool valid_reference(std::string_view ref) {
  if (ref.empty()) return false;
  if (size_t at = ref.find('@'); at != std::string_view::npos) {
    if (at + 1 >= ref.size()) return false;
    ref = ref.substr(0, at);
  }
  size_t slash = ref.rfind('/');
  size_t colon = ref.rfind(':');
  if (colon != std::string_view::npos && (slash == std::string_view::npos || colon > slash)) {
    std::string_view tag = ref.substr(colon + 1);
    if (tag.empty() || tag.size() > 128) return false;
    for (char c : tag) {
      if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '.' || c == '-')) return false;
    }
    ref = ref.substr(0, colon);
  }
  if (ref.empty() || ref.front() == '/' || ref.back() == '/' || ref.find("//") != std::string_view::npos) return false;
  for (char c : ref) {
    if (!(std::isalnum(static_cast<unsigned char>(c)) || std::string_view("._-/:").find(c) != std::string_view::npos)) {
      return false;
    }
  }
  return true;
}
}  // namespace

void invalid_default_arg_in_from(Context &ctx) {
  const auto &stages = ctx.graph().stages();
  if (std::none_of(stages.begin(), stages.end(), [](const auto &s) { return s.base.find('$') != std::string::npos; })) return;
  // BuildKit judges the defaults as if no --build-arg were given: the stages are read again
  // without the build's arguments.
  analysis::StageGraph defaults(ctx.doc());
  for (const auto &stage : defaults.stages()) {
    if (stage.base.find('$') == std::string::npos) continue;
    if (valid_reference(stage.base_expanded)) continue;
    ctx.report(stage.base_range,
               "Default value for global ARGs results in an empty or invalid base image name: `" + stage.base +
                   "` expands to `" + stage.base_expanded + "`");
  }
}

}  // namespace msm::lint::checks
