#include "cli/project_options.h"

namespace msm::cli {

builder_pattern::ConvertOptions ProjectArgs::convert_options() const {
  builder_pattern::ConvertOptions options;
  options.root = dir;
  if (!build_dockerfile.empty()) options.build_dockerfile = build_dockerfile;
  if (!runtime_dockerfile.empty()) options.runtime_dockerfile = runtime_dockerfile;
  if (!script.empty()) options.script = script;
  if (!make_target.empty()) options.make_target = make_target;
  options.script_args = script_args;
  return options;
}

void add_project_options(CLI::App &cmd, ProjectArgs &args) {
  cmd.add_option("dir", args.dir, "Project directory (default: .)");
  cmd.add_option("--build-dockerfile", args.build_dockerfile, "The builder Dockerfile, relative to DIR (default: found from the driver)");
  cmd.add_option("--runtime-dockerfile", args.runtime_dockerfile, "The runtime Dockerfile, relative to DIR (picks one when the driver builds several)");
  cmd.add_option("--script", args.script, "The driver script (or Makefile), relative to DIR (default: build.sh, then *.sh, then Makefile)");
  cmd.add_option("--make-target", args.make_target, "Read this Makefile target's recipe as the driver");
  cmd.add_option("--script-arg", args.script_args, "A positional parameter ($1, $2, ...) for the driver script; repeat for more");
}

}  // namespace msm::cli
