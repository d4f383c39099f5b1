// MSM1011 (BuildKit JSONArgsRecommended): CMD/ENTRYPOINT in shell form, so the process runs under
// `/bin/sh -c` and does not receive signals such as SIGTERM.

#include "lint/checks/checks.h"
#include "lint/checks/util.h"

namespace msm::lint::checks {

namespace {
// Only plain words convert to exec form without changing meaning for the shell's parsing.
bool plain_words(std::string_view text) {
  for (char c : text) {
    if (std::string_view("$`\\\"'&|;<>()*?[]{}~#!=%\n").find(c) != std::string_view::npos) return false;
  }
  return true;
}
}  // namespace

void json_args_recommended(Context &ctx) {
  using K = syntax::InstructionKind;
  const auto &instructions = ctx.doc().instructions();
  const auto &stages = ctx.graph().stages();
  for (size_t s = 0; s < stages.size(); ++s) {
    const auto &stage = stages[s];
    // A custom SHELL is a deliberate choice to run through it. As in BuildKit, it counts from the
    // SHELL on, and a stage built FROM another inherits its SHELL.
    bool shell_set = false;
    for (auto b = stage.base_stage; b && *b < s && !shell_set; b = stages[*b].base_stage) {
      for (size_t i = stages[*b].from_instruction; i < stages[*b].end_instruction; ++i) {
        if (instructions[i].is(K::Shell)) shell_set = true;
      }
    }
    for (size_t i = stage.from_instruction; i < stage.end_instruction; ++i) {
      const auto &ins = instructions[i];
      if (ins.is(K::Shell)) shell_set = true;
      if (shell_set) continue;
      if (!(ins.is(K::Cmd) || ins.is(K::Entrypoint)) || ins.json || ins.args.empty()) continue;
      std::string_view text = trim(ins.args[0].value);
      if (text.empty()) continue;
      std::optional<edit::Fix> fix;
      if (plain_words(text)) {
        std::string json = "[";
        size_t pos = 0;
        while (pos < text.size()) {
          size_t end = text.find_first_of(" \t", pos);
          std::string_view word = text.substr(pos, end == std::string_view::npos ? std::string_view::npos : end - pos);
          if (!word.empty()) json += (json.size() > 1 ? ", " : "") + json_quote(word);
          if (end == std::string_view::npos) break;
          pos = end + 1;
        }
        json += "]";
        syntax::Range r = ins.args[0].range;
        fix = edit::Fix{"Use exec form: " + json, edit::Applicability::Unsafe, {{r.start, r.end, json}}};
      }
      ctx.report(ins.args[0].range,
                 "JSON arguments recommended for " + upper(ins.keyword) + " to prevent unintended behavior related to OS signals",
                 std::move(fix));
    }
  }
}

}  // namespace msm::lint::checks
