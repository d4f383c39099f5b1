// MSM1012 (BuildKit MaintainerDeprecated): MAINTAINER, replaced by the OCI authors label.

#include "lint/checks/checks.h"
#include "lint/checks/util.h"

namespace msm::lint::checks {

void maintainer_deprecated(Context &ctx) {
  for (const auto &ins : ctx.doc().instructions()) {
    if (!ins.is(syntax::InstructionKind::Maintainer)) continue;
    std::optional<edit::Fix> fix;
    if (ins.args.size() == 1 && ins.line_range.end > ins.line_range.start) {
      std::string keyword = has_lower(ins.keyword) && !has_upper(ins.keyword) ? "label" : "LABEL";
      std::string value = std::string(trim(ins.args[0].value));
      std::string quoted = "\"";
      for (char c : value) {
        if (c == '"' || c == '\\' || c == '$') quoted += '\\';
        quoted += c;
      }
      quoted += "\"";
      fix = edit::Fix{"Replace with LABEL org.opencontainers.image.authors", edit::Applicability::Unsafe,
                      {{ins.line_range.start, ins.line_range.end,
                        keyword + " org.opencontainers.image.authors=" + quoted}}};
    }
    ctx.report(ins.keyword_range,
               "MAINTAINER instruction is deprecated in favor of using label", std::move(fix));
  }
}

}  // namespace msm::lint::checks
