// MSM3006: a builder-pattern layout (a Dockerfile.build and a script that builds it and copies the
// artifacts out) beside this Dockerfile; `msmigrate convert` turns it into one multi-stage file.

#include <fstream>
#include <sstream>

#include "lint/checks/checks.h"

namespace msm::lint::checks {

namespace {
std::string read_small(const std::filesystem::path &p) {
  std::ifstream in(p);
  if (!in) return {};
  std::ostringstream s;
  s << in.rdbuf();
  return s.str().substr(0, 1 << 20);
}
}  // namespace

void builder_pattern_layout(Context &ctx) {
  if (!ctx.directory() || ctx.doc().instructions().empty()) return;
  std::filesystem::path self = std::filesystem::path(ctx.doc().path()).filename();
  if (self == "Dockerfile.build" || ctx.graph().stages().size() > 1) return;
  const auto &dir = *ctx.directory();
  std::error_code ec;
  if (!std::filesystem::exists(dir / "Dockerfile.build", ec)) return;
  for (const char *script : {"build.sh", "Makefile", "build"}) {
    std::string text = read_small(dir / script);
    if (text.find("docker build") == std::string::npos && text.find("docker image build") == std::string::npos) continue;
    if (text.find("docker cp") == std::string::npos && text.find("docker create") == std::string::npos &&
        text.find("docker run") == std::string::npos) {
      continue;
    }
    ctx.report("MSM3006", ctx.doc().instructions().front().keyword_range,
               std::string("Builder pattern: `") + script +
                   "` builds `Dockerfile.build` and copies artifacts out; `msmigrate convert` makes this one "
                   "multi-stage Dockerfile");
    return;
  }
}

}  // namespace msm::lint::checks
