// MSM3006: this Dockerfile is built by a builder-pattern driver beside it (an image built, an
// artifact copied out of a container, this image built from it); `msmigrate convert` turns the
// setup into one multi-stage file. The driver is read by builder_pattern's discovery, the same
// reader `convert` and `verify` use, so the three agree on what is a builder pattern.

#include "builder_pattern/discover.h"
#include "lint/checks/checks.h"

namespace msm::lint::checks {

namespace {

std::string at(const builder_pattern::SourceRef &r) { return r.file + ":" + std::to_string(r.line); }

}  // namespace

void builder_pattern_layout(Context &ctx) {
  if (!ctx.directory() || ctx.doc().instructions().empty() || ctx.graph().stages().size() > 1) return;
  std::string self = std::filesystem::path(ctx.doc().path()).filename().string();
  auto driver = builder_pattern::find_builder_pattern(ctx.directory()->string());
  if (!driver) return;
  const builder_pattern::DriverModel &m = driver->model;
  const builder_pattern::Extraction &out = m.extractions.front();
  const builder_pattern::BuildStep *this_build = nullptr;
  const builder_pattern::BuildStep *builder = nullptr;
  for (const auto &b : m.builds) {
    if (b.dockerfile == self && (!this_build || b.seq > out.seq)) this_build = &b;
    for (const auto &t : b.tags) {
      if (t == out.image && !builder) builder = &b;
    }
  }
  if (!this_build) return;
  std::string message = "Builder pattern: ";
  if (builder && builder != this_build) message += at(builder->where) + " builds `" + builder->dockerfile + "`, ";
  message += at(out.where) + " gets `" + out.container_path + "` out of a container";
  if (this_build->seq > out.seq) message += ", " + at(this_build->where) + " builds this file with it";
  else message += " of this file's image";
  message += "; `msmigrate convert` makes this one multi-stage Dockerfile";
  ctx.report(ctx.doc().instructions().front().keyword_range, message);
}

}  // namespace msm::lint::checks
