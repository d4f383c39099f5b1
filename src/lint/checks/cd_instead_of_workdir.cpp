// DL3003: `cd` in RUN where WORKDIR says where the following steps run.

#include "lint/checks/checks.h"
#include "lint/checks/util.h"

namespace msm::lint::checks {

namespace {

bool plain_absolute_path(std::string_view p) {
  if (p.empty() || p[0] != '/') return false;
  for (char ch : p) {
    if (!(std::isalnum(static_cast<unsigned char>(ch)) || ch == '/' || ch == '.' || ch == '-' || ch == '_')) return false;
  }
  return true;
}

// `RUN cd /dir && rest` -> `WORKDIR /dir` + `RUN rest`, when the cd is the script's first command
// and written plainly on the RUN's command line.
std::optional<edit::Fix> workdir_fix(const Context &ctx, const analysis::RunView &run, const analysis::RunScript &script,
                                     size_t index) {
  if (run.onbuild || script.origin() != analysis::RunScript::Origin::ShellForm || !run.holder->heredocs.empty() ||
      index != 0 || !script.script().problems().empty()) {
    return std::nullopt;
  }
  const auto &commands = script.commands();
  if (commands.size() < 2 || commands[1].nested || commands[1].command->connector != analysis::shell::Connector::And) {
    return std::nullopt;
  }
  const auto &cd = *commands[0].command;
  const auto &next = *commands[1].command;
  if (cd.words.size() != 2 || !cd.redirects.empty() || !cd.assignments.empty() || !cd.context.empty() ||
      !next.context.empty() || next.pipe_index != 0 || !plain_absolute_path(cd.words[1].raw)) {
    return std::nullopt;
  }
  // Everything from `cd` to the next command goes; it must hold nothing but `cd DIR &&` and
  // line continuations (no comment lines).
  uint32_t from = script.source_byte(cd.range.start);
  uint32_t to = script.source_byte(next.range.start);
  std::string_view removed = std::string_view(ctx.doc().source()).substr(from, to - from);
  if (removed.find('#') != std::string_view::npos) return std::nullopt;
  const auto &holder = *run.holder;
  const std::string &src = ctx.doc().source();
  uint32_t line_start = holder.range.start;
  while (line_start > 0 && src[line_start - 1] != '\n') --line_start;
  std::string indent = src.substr(line_start, holder.range.start - line_start);
  if (!trim(indent).empty()) return std::nullopt;
  std::string keyword = has_lower(holder.keyword) && !has_upper(holder.keyword) ? "workdir" : "WORKDIR";
  return edit::Fix{"Move `cd " + cd.words[1].raw + "` into a WORKDIR before the RUN", edit::Applicability::Unsafe,
                   {{holder.range.start, holder.range.start, keyword + " " + cd.words[1].raw + "\n" + indent},
                    {from, to, ""}}};
}

}  // namespace

void cd_instead_of_workdir(Context &ctx) {
  for (const auto &run : ctx.runs()) {
    for (const auto &script : run.scripts) {
      const auto &commands = script.commands();
      for (size_t i = 0; i < commands.size(); ++i) {
        const auto &rc = commands[i];
        const auto &c = *rc.command;
        // In a subshell, a substitution or a function, `cd` is scoped on purpose.
        if (rc.nested || c.name() != "cd" || c.inside("subshell")) continue;
        ctx.report(script.source_range(c.words[0].range),
                   "Use WORKDIR to switch to a directory instead of `cd` in RUN",
                   workdir_fix(ctx, run, script, i));
      }
    }
  }
}

}  // namespace msm::lint::checks
