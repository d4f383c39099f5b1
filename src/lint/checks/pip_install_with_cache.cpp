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
              if (value && !value->empty()) return true;
              // A snippet without FROM: its ENV lines have no stage scope, but they are meant to apply.
              if (f.run.stage) return false;
              const auto &ins = c.doc().instructions();
              for (size_t i = 0; i < f.run.instruction && i < ins.size(); ++i) {
                if (!ins[i].is(syntax::InstructionKind::Env)) continue;
                const auto &args = ins[i].args;
                for (size_t k = 0; k + 1 < args.size(); ++k) {
                  if (args[k].value == "PIP_NO_CACHE_DIR" && !args[k + 1].value.empty()) return true;
                }
              }
              return false;
            }});
}

}  // namespace msm::lint::checks
