// MSM1007 (BuildKit FromAsCasing): `FROM x as y` / `from x AS y`, keyword casings that disagree.

#include "lint/checks/checks.h"
#include "lint/checks/util.h"

namespace msm::lint::checks {

void from_as_casing(Context &ctx) {
  for (const auto &ins : ctx.doc().instructions()) {
    if (!ins.is(syntax::InstructionKind::From) || ins.args.size() < 3) continue;
    const auto &as = ins.args[1];
    if (lower(as.value) != "as") continue;
    bool from_upper = !has_lower(ins.keyword);
    bool from_lower = !has_upper(ins.keyword);
    std::string want;
    if (from_upper && as.value != "AS") want = "AS";
    else if (from_lower && as.value != "as") want = "as";
    if (want.empty()) continue;
    ctx.report(as.range,
               "`" + as.value + "` and `" + ins.keyword + "` keywords' casing do not match",
               edit::Fix{"Write `" + want + "`", edit::Applicability::Safe, {{as.range.start, as.range.end, want}}});
  }
}

}  // namespace msm::lint::checks
