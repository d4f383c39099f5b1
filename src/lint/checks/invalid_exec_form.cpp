// MSM1004: an exec-form (JSON) command that is not valid JSON, which BuildKit silently runs as a
// shell command instead.

#include "lint/checks/checks.h"
#include "lint/checks/util.h"

namespace msm::lint::checks {

void invalid_exec_form(Context &ctx) {
  using K = syntax::InstructionKind;
  for (const auto &ins : ctx.doc().instructions()) {
    if (ins.json || ins.args.size() != 1) continue;
    if (!(ins.is(K::Cmd) || ins.is(K::Entrypoint) || ins.is(K::Shell) || ins.is(K::Run))) continue;
    std::string_view text = trim(ins.args[0].value);
    if (text.size() < 2 || text.front() != '[' || text.back() != ']') continue;
    // `RUN [ -f x ]` is the shell's test command; a JSON attempt starts with a quote.
    if (text[1] != '"' && text[1] != '\'') {
      if (ins.is(K::Run)) continue;
      std::string_view inner = trim(text.substr(1));
      if (inner.empty() || (inner.front() != '"' && inner.front() != '\'')) continue;
    }
    ctx.report(ins.args[0].range,
               upper(ins.keyword) + " looks like exec form but is not a valid JSON array of strings, so it runs "
               "through a shell (use double quotes, commas between items, no trailing comma)");
  }
}

}  // namespace msm::lint::checks
