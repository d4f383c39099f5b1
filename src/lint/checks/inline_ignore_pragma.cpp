// DL1001 (opt-in): inline ignore pragmas (`# hadolint ignore=...`, `# msmigrate ignore=...`),
// for teams that want every exception in the configuration file.

#include "lint/checks/checks.h"
#include "lint/engine.h"

namespace msm::lint::checks {

void inline_ignore_pragma(Context &ctx) {
  for (const auto &c : ctx.doc().comments()) {
    if (is_ignore_pragma(c.text)) {
      ctx.report(c.range, "Inline ignore pragma: list the exception in the configuration file instead");
    }
  }
}

}  // namespace msm::lint::checks
