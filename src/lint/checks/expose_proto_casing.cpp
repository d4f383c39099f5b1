// MSM1023 (BuildKit ExposeProtoCasing): `EXPOSE 80/TCP`; protocols are lower-case.

#include "lint/checks/checks.h"
#include "lint/checks/util.h"

namespace msm::lint::checks {

void expose_proto_casing(Context &ctx) {
  const auto &doc = ctx.doc();
  for (const auto &ins : doc.instructions()) {
    if (!ins.is(syntax::InstructionKind::Expose)) continue;
    for (const auto &a : ins.args) {
      size_t slash = a.value.rfind('/');
      if (slash == std::string::npos || !has_upper(a.value.substr(slash + 1))) continue;
      std::string_view written = doc.text(a.range);
      size_t at = written.rfind('/');
      std::optional<edit::Fix> fix;
      if (at != std::string_view::npos && written.substr(at) == a.value.substr(slash)) {
        uint32_t start = a.range.start + static_cast<uint32_t>(at) + 1;
        fix = edit::Fix{"Lower-case the protocol", edit::Applicability::Safe,
                        {{start, a.range.end, lower(a.value.substr(slash + 1))}}};
      }
      ctx.report(a.range, "Defined protocol `" + a.value.substr(slash + 1) + "` in EXPOSE should be lower-case",
                 std::move(fix));
    }
  }
}

}  // namespace msm::lint::checks
