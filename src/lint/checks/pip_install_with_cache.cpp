// DL3042: `pip install` without `--no-cache-dir`: pip's download cache stays in the layer.

#include "lint/checks/checks.h"
#include "lint/checks/package_rules.h"

namespace msm::lint::checks {

void pip_install_with_cache(Context &ctx) {
  packages::report_missing_option(
      ctx, {.code = "DL3042",
            .managers = {packages::Manager::Pip},
            .accepted = {"--no-cache-dir"},
            .insert = "--no-cache-dir",
            .message = "Avoid keeping pip's cache in the image: add `--no-cache-dir` to `{}`",
            .exempt = [](const Context &c, const packages::Found &f) {
              if (!packages::layers_ship(c, f.run) || f.run.cached("/root/.cache/pip") || f.invocation.has("--cache-dir")) return true;
              for (const auto &a : f.command.command->assignments) {
                if (a.name == "PIP_NO_CACHE_DIR") return true;
              }
              // `export PIP_NO_CACHE_DIR=1` earlier in the script.
              for (const auto &rc : f.script.commands()) {
                if (rc.command == f.command.command) break;
                for (const auto &a : rc.command->assignments) {
                  if (a.name == "PIP_NO_CACHE_DIR") return true;
                }
              }
              // pip disables its cache for any non-empty PIP_NO_CACHE_DIR (even "0", historically).
              auto value = c.graph().scope().lookup(f.run.instruction, "PIP_NO_CACHE_DIR");
              return value && !value->empty();
            }});
}

}  // namespace msm::lint::checks
