// DL3004: `sudo` in RUN: the build already runs as the USER it sets; sudo's prompt and tty needs break builds.

#include "analysis/base_image.h"
#include "lint/checks/checks.h"
#include "lint/checks/shell_rules.h"
#include "lint/checks/util.h"

namespace msm::lint::checks {

namespace {

// Whether the RUN at `instruction` runs as root: the stage (or a stage it is built on) says
// `USER root`/`USER 0` last, or sets no USER and starts from a distribution image.
bool runs_as_root(const Context &ctx, size_t stage_index, size_t instruction) {
  const auto &doc = ctx.doc();
  const auto &stages = ctx.graph().stages();
  std::optional<size_t> stage = stage_index;
  size_t end = instruction;
  for (size_t hops = 0; stage && hops <= stages.size(); ++hops) {
    const auto &s = stages[*stage];
    for (size_t i = std::min(end, s.end_instruction); i > s.from_instruction + 1; --i) {
      const auto &ins = doc.instructions()[i - 1];
      if (!ins.is(syntax::InstructionKind::User) || ins.args.empty()) continue;
      std::string user = ctx.graph().scope().expand(i - 1, ins.args[0].value);
      std::string name = user.substr(0, user.find(':'));
      return name == "root" || name == "0";
    }
    if (!s.base_stage || *s.base_stage >= *stage) break;
    stage = s.base_stage;
    end = stages[*stage].end_instruction;
  }
  analysis::ImageFamily f = analysis::stage_family(ctx.graph(), stage_index);
  return f != analysis::ImageFamily::Unknown && f != analysis::ImageFamily::Scratch;
}

}  // namespace

void sudo_in_run(Context &ctx) {
  for (const auto &run : ctx.runs()) {
    for (const auto &script : run.scripts) {
      for (const auto &rc : script.commands()) {
        const auto &c = *rc.command;
        if (c.words.empty() || c.words[0].raw != "sudo") continue;
        syntax::Range r = script.source_range(c.words[0].range);
        std::optional<edit::Fix> fix;
        // `sudo cmd` (no options) as root is `cmd`: dropping sudo keeps what runs.
        bool plain = c.words.size() >= 2 && !c.words[1].raw.empty() && c.words[1].raw[0] != '-';
        if (plain && !run.onbuild && run.stage && runs_as_root(ctx, *run.stage, run.instruction) &&
            script.contiguous({c.words[0].range.start, c.words[1].range.start})) {
          uint32_t next = script.source_byte(c.words[1].range.start);
          fix = edit::Fix{"Remove `sudo` (the RUN already runs as root)", edit::Applicability::Unsafe,
                          {{r.start, next, ""}}};
        }
        ctx.report(r,
                   "Do not use `sudo`: RUN already runs as the stage's USER; switch with `USER root` where root is needed",
                   std::move(fix));
      }
    }
  }
}

}  // namespace msm::lint::checks
