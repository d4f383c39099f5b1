// DL3066: the final image's USER is a name, not a numeric id: Kubernetes' runAsNonRoot and
// hosts without that passwd entry cannot check or resolve it.

#include <algorithm>

#include "lint/checks/checks.h"
#include "lint/checks/final_user.h"

namespace msm::lint::checks {

void non_numeric_user(Context &ctx) {
  auto user = final_user(ctx);
  if (!user || is_root_user(user->user)) return;  // root is DL3002's finding
  if (std::all_of(user->user.begin(), user->user.end(), [](char c) { return c >= '0' && c <= '9'; })) return;
  // Windows users are names (ContainerUser, ContainerAdministrator); there are no numeric ids.
  if (auto stage = ctx.graph().stage_of(user->instruction); stage && windows_stage(ctx, *stage)) return;
  const auto &ins = ctx.doc().instructions()[user->instruction];
  ctx.report(ins.args[0].range,
             "USER `" + user->user + "` is a name: use its numeric id (e.g. `USER 10001`) so the runtime can verify it is not root");
}

}  // namespace msm::lint::checks
