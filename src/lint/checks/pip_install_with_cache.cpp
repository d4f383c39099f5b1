// DL3042: `pip install` without `--no-cache-dir`: pip's download cache stays in the layer.

#include "lint/checks/checks.h"
#include "lint/checks/package_rules.h"

namespace msm::lint::checks {

namespace {

constexpr std::string_view k_variable = "PIP_NO_CACHE_DIR";

// Whether a PIP_NO_CACHE_DIR value turns the cache off: pip turns it off for any value it
// accepts, `0`, `off`, `no` and `false` included (kept for backward compatibility, see pip's
// `_handle_no_cache_dir`), so only an empty value leaves the cache on. hadolint reads the false
// values as "cache on" and reports them: a false positive on real images (docker-library-style
// `ENV PIP_NO_CACHE_DIR=0` builds keep no cache).
bool says_no_cache(const std::string &value) { return !value.empty(); }

std::optional<std::string> assigned(const analysis::shell::Command &c) {
  for (const auto &a : c.assignments) {
    if (a.name == k_variable) return a.value ? analysis::packages::word_text(*a.value).text : std::string();
  }
  return std::nullopt;
}

// The value the RUN's environment gives PIP_NO_CACHE_DIR: the stage's ENV (also inherited from
// the stages it is built FROM), or, in a snippet without FROM, the ENV lines above it.
std::optional<std::string> environment_value(const Context &c, const analysis::RunView &run) {
  const auto &scope = c.graph().scope();
  if (auto value = scope.lookup(run.instruction, k_variable)) return value;
  const auto &stages = c.graph().stages();
  if (run.stage) {
    for (auto s = stages[*run.stage].base_stage; s && *s < *run.stage; s = stages[*s].base_stage) {
      const auto &defs = scope.definitions(*s);
      for (auto it = defs.rbegin(); it != defs.rend(); ++it) {
        if (it->kind == analysis::Definition::Kind::Env && it->name == k_variable) return it->value.value_or("");
      }
    }
    return std::nullopt;
  }
  std::optional<std::string> found;
  const auto &ins = c.doc().instructions();
  for (size_t i = 0; i < run.instruction && i < ins.size(); ++i) {
    if (!ins[i].is(syntax::InstructionKind::Env)) continue;
    const auto &args = ins[i].args;
    for (size_t k = 0; k + 1 < args.size(); ++k) {
      if (args[k].value == k_variable) found = args[k + 1].value;
    }
  }
  return found;
}

}  // namespace

void pip_install_with_cache(Context &ctx) {
  packages::report_missing_option(
      ctx, {
            .managers = {packages::Manager::Pip},
            .accepted = {"--no-cache-dir"},
            .insert = "--no-cache-dir",
            .message = "Avoid keeping pip's cache in the image: add `--no-cache-dir` to `{}`",
            .exempt = [](const Context &c, const packages::Found &f) {
              if (!packages::layers_ship(c, f.run) || f.run.cached("/root/.cache/pip") || f.invocation.has("--cache-dir")) return true;
              // pipx keeps each tool in its own environment; its cache is not pip's.
              std::string program = analysis::packages::word_text(f.invocation.word(f.invocation.program)).text;
              if (program == "pipx" || program.ends_with("/pipx")) return true;
              // On the command (`PIP_NO_CACHE_DIR=1 pip install`), then exported earlier in the script.
              if (auto value = assigned(*f.command.command)) return says_no_cache(*value);
              std::optional<std::string> exported;
              for (const auto &rc : f.script.commands()) {
                if (rc.command == f.command.command) break;
                if (auto value = assigned(*rc.command)) exported = value;
              }
              if (exported) return says_no_cache(*exported);
              auto value = environment_value(c, f.run);
              return value && says_no_cache(*value);
            }});
}

}  // namespace msm::lint::checks
