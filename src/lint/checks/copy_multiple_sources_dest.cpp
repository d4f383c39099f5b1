// DL3021: COPY or ADD with several sources whose destination does not end in `/` (BuildKit
// fails the build).

#include "lint/checks/checks.h"
#include "lint/checks/util.h"

namespace msm::lint::checks {

void copy_multiple_sources_dest(Context &ctx) {
  using K = syntax::InstructionKind;
  for_each_with_triggers(ctx.doc(), [&](size_t i, const syntax::Instruction &ins) {
    if (!(ins.is(K::Copy) || ins.is(K::Add)) || ins.args.size() < 3) return;
    const auto &dest = ins.args.back();
    if (dest.value.rfind("<<", 0) == 0) return;  // MSM1025: a heredoc cannot be the destination
    auto value = resolved(ctx, i, dest.value);
    if (!value || value->empty() || value->back() == '/' || value->back() == '\\') return;
    std::optional<edit::Fix> fix;
    // Adding the slash is what BuildKit asks for: the build fails without it, so nothing that
    // worked can change. On an ONBUILD line the destination is the trigger's.
    std::string_view written = ctx.doc().text(dest.range);
    uint32_t at = dest.range.end;
    if (!written.empty() && (written.back() == '"' || written.back() == '\'')) --at;
    if (dest.range.end > dest.range.start) {
      fix = edit::Fix{"Add `/` to the destination", edit::Applicability::Safe, {{at, at, "/"}}};
    }
    ctx.report(dest.range,
               upper(ins.keyword) + " with " + std::to_string(ins.args.size() - 1) +
                   " sources needs a destination ending in `/`, not `" + dest.value + "`",
               std::move(fix));
  });
}

}  // namespace msm::lint::checks
