// MSM1016 (BuildKit MultipleInstructionsDisallowed): several CMD, ENTRYPOINT or HEALTHCHECK in one
// stage; only the last one takes effect.

#include "lint/checks/checks.h"
#include "lint/checks/util.h"

namespace msm::lint::checks {

void multiple_instructions(Context &ctx) {
  using K = syntax::InstructionKind;
  const auto &instructions = ctx.doc().instructions();
  for (const auto &stage : ctx.graph().stages()) {
    for (K kind : {K::Cmd, K::Entrypoint, K::Healthcheck}) {
      const syntax::Instruction *previous = nullptr;
      for (size_t i = stage.from_instruction + 1; i < stage.end_instruction; ++i) {
        const auto &ins = instructions[i];
        if (!ins.is(kind)) continue;
        if (previous) {
          ctx.report(previous->keyword_range,
                     "Multiple " + upper(previous->keyword) +
                         " instructions should not be used in the same stage because only the last one will be used");
        }
        previous = &ins;
      }
    }
  }
}

}  // namespace msm::lint::checks
