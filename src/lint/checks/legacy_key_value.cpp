// MSM1017 (BuildKit LegacyKeyValueFormat): `ENV key value` / `LABEL key value` instead of key=value.

#include "lint/checks/checks.h"
#include "lint/checks/util.h"

namespace msm::lint::checks {

void legacy_key_value(Context &ctx) {
  using K = syntax::InstructionKind;
  for (const auto &ins : ctx.doc().instructions()) {
    if (!(ins.is(K::Env) || ins.is(K::Label)) || ins.args.size() != 3 || !ins.args[2].value.empty()) continue;
    const auto &key = ins.args[0];
    const auto &value = ins.args[1];
    std::string keyword = upper(ins.keyword);
    std::optional<edit::Fix> fix;
    // The legacy value is the raw rest of the line; `k=v` splits on blanks, so a value with blanks
    // needs quotes, and only a value without quotes or escapes can be quoted without changing it.
    std::string replacement;
    if (value.value.find_first_of(" \t") == std::string::npos) {
      replacement = key.value + "=" + value.value;
    } else if (value.value.find_first_of("\"'\\`") == std::string::npos) {
      replacement = key.value + "=\"" + value.value + "\"";
    }
    if (!replacement.empty() && !value.value.empty()) {
      fix = edit::Fix{"Use " + keyword + " key=value", edit::Applicability::Safe,
                      {{key.range.start, value.range.end, replacement}}};
    }
    ctx.report(ins.line_range,
               "\"" + keyword + " key=value\" should be used instead of legacy \"" + keyword + " key value\" format",
               std::move(fix));
  }
}

}  // namespace msm::lint::checks
