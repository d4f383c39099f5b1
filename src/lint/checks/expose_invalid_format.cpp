// MSM1024 (BuildKit ExposeInvalidFormat): EXPOSE with an IP address or host-port mapping.

#include "lint/checks/checks.h"

namespace msm::lint::checks {

void expose_invalid_format(Context &ctx) {
  for (const auto &ins : ctx.doc().instructions()) {
    if (!ins.is(syntax::InstructionKind::Expose)) continue;
    for (const auto &a : ins.args) {
      if (a.value.find(':') == std::string::npos || a.value.find('$') != std::string::npos) continue;
      ctx.report(a.range,
                 "EXPOSE instruction should not define an IP address or host-port mapping, found `" + a.value + "`");
    }
  }
}

}  // namespace msm::lint::checks
