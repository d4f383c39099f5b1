// DL3002: the final image runs as root (the last USER of the final stage, or of the stages it
// is built from, is root or 0). USER root in build stages or before a later USER is fine.

#include "lint/checks/checks.h"
#include "lint/checks/final_user.h"

namespace msm::lint::checks {

void root_user(Context &ctx) {
  auto user = final_user(ctx);
  if (!user || !is_root_user(user->user)) return;
  const auto &ins = ctx.doc().instructions()[user->instruction];
  ctx.report(ins.args[0].range,
             "The final image runs as `" + user->user + "`: switch to an unprivileged USER after the steps that need root");
}

}  // namespace msm::lint::checks
