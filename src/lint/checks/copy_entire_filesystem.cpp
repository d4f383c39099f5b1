// DL3067: COPY --from=<stage or image> / / into the final image (its stage or the stages it is
// built FROM). Build stages that only feed COPY --from may do it (toolchain helper images such as
// tonistiigi/xx are made for it), and so may stages on `--platform=$BUILDPLATFORM` (they hold
// the build machine's tools, not what ships) and any stage copying a stage built FROM scratch,
// which is a bundle of files made to be copied.

#include <set>

#include "lint/checks/checks.h"
#include "lint/checks/util.h"

namespace msm::lint::checks {

void copy_entire_filesystem(Context &ctx) {
  const auto &graph = ctx.graph();
  std::set<size_t> final_chain;
  bool build_platform = false;
  for (auto s = graph.last(); s; s = graph.stages()[*s].base_stage) {
    final_chain.insert(*s);
    const auto *platform = ctx.doc().instructions()[graph.stages()[*s].from_instruction].flag("platform");
    if (platform && platform->value && platform->value->find("BUILDPLATFORM") != std::string::npos) build_platform = true;
  }
  if (build_platform) final_chain.clear();
  for_each_with_triggers(ctx.doc(), [&](size_t i, const syntax::Instruction &ins) {
    if (!ins.is(syntax::InstructionKind::Copy) || ins.args.size() < 2) return;
    const syntax::Flag *from = ins.flag("from");
    if (!from || !from->value) return;
    auto stage = graph.stage_of(i);
    bool onbuild = &ins != &ctx.doc().instructions()[i];  // runs in a downstream image
    if (stage && !onbuild && !final_chain.count(*stage)) return;
    if (auto source_stage = graph.find(*from->value); source_stage && graph.stages()[*source_stage].is_scratch()) return;
    auto dest = resolved(ctx, i, ins.args.back().value);
    if (!dest || *dest != "/") return;
    for (size_t s = 0; s + 1 < ins.args.size(); ++s) {
      auto source = resolved(ctx, i, ins.args[s].value);
      if (!source || (*source != "/" && *source != "/." && *source != "/*")) continue;
      ctx.report(ins.args[s].range,
                 "COPY of the whole filesystem of `" + *from->value + "` onto `/`: copy only the directories you need");
      return;
    }
  });
}

}  // namespace msm::lint::checks
