// MSM3005: the whole build context copied before a dependency install, so every source edit
// invalidates the install layer's cache.

#include "lint/checks/checks.h"
#include "lint/checks/util.h"

namespace msm::lint::checks {

namespace {

const char *install_command(std::string_view text) {
  static const char *const k_commands[] = {
      "npm ci", "npm install", "yarn install", "pnpm install", "pip install -r", "pip3 install -r",
      "poetry install", "pipenv install", "go mod download", "mvn dependency:go-offline", "bundle install",
      "cargo fetch", "composer install", "dotnet restore", "gradle dependencies", "mix deps.get"};
  for (const char *c : k_commands) {
    if (text.find(c) != std::string_view::npos) return c;
  }
  return nullptr;
}

bool whole_context(const syntax::Instruction &ins) {
  for (size_t i = 0; i + 1 < ins.args.size(); ++i) {
    const std::string &v = ins.args[i].value;
    if (v == "." || v == "./" || v == "*" || v == "./*") return true;
  }
  return false;
}

}  // namespace

void copy_before_install(Context &ctx) {
  using K = syntax::InstructionKind;
  const auto &instructions = ctx.doc().instructions();
  for (const auto &stage : ctx.graph().stages()) {
    const syntax::Instruction *copy = nullptr;
    for (size_t i = stage.from_instruction + 1; i < stage.end_instruction; ++i) {
      const auto &ins = instructions[i];
      if ((ins.is(K::Copy) || ins.is(K::Add)) && !ins.flag("from") && whole_context(ins)) {
        if (!copy) copy = &ins;
        continue;
      }
      if (!copy || !ins.is(K::Run)) continue;
      std::string text;
      for (const auto &a : ins.args) text += a.value + " ";
      for (const auto &h : ins.heredocs) text += h.content;
      if (const char *command = install_command(text)) {
        ctx.report(copy->line_range,
                   std::string("The whole build context is copied before `") + command +
                       "`: every source change re-runs the install. Copy the dependency manifests first, install, "
                       "then copy the rest");
        break;
      }
    }
  }
}

}  // namespace msm::lint::checks
