// DL4006: a pipe in RUN whose failing left side would go unnoticed (no `-o pipefail`).

#include <algorithm>
#include <map>

#include "analysis/base_image.h"
#include "lint/checks/checks.h"
#include "lint/checks/util.h"

namespace msm::lint::checks {

namespace {

using analysis::ShellDialect;
using analysis::shell::Command;
using analysis::shell::Connector;

// Producers with nothing to report: `echo x | cmd`, `yes | cmd` (pipefail would even fail on
// yes's SIGPIPE), `cat <<EOF | cmd`.
bool cannot_fail(const Command &c) {
  std::string_view n = c.name();
  if (n == "echo" || n == "printf" || n == "yes" || n == "true" || n == ":") return true;
  return n == "cat" && c.words.size() == 1;
}

struct Pipeline {
  std::vector<const Command *> members;  // in order
  analysis::ShellState state;            // when it starts
};

// The pipelines of a script whose exit status counts, each with the shell state it runs in.
std::vector<Pipeline> pipelines(const analysis::RunScript &script) {
  std::map<size_t, Pipeline> by_id;
  std::vector<size_t> order;
  const auto &commands = script.commands();
  std::map<const Command *, const analysis::RunCommand *> run_of;
  for (const auto &rc : commands) run_of[rc.command] = &rc;
  auto add = [&](const Command &c, const analysis::ShellState &state) {
    if (c.pipeline == 0) return;
    auto [it, fresh] = by_id.try_emplace(c.pipeline);
    if (fresh) {
      it->second.state = state;
      order.push_back(c.pipeline);
    }
    it->second.members.push_back(&c);
  };
  const auto &top = script.script().commands();
  for (const auto &c : top) {
    auto rc = run_of.find(&c);
    analysis::ShellState state = rc != run_of.end() ? rc->second->state : script.final_state();
    add(c, state);
    // `X=$(curl ... | jq ...)`: a bare assignment's status is its substitution's.
    if (c.words.empty()) {
      for (const auto &a : c.assignments) {
        if (!a.value) continue;
        for (const auto &s : a.value->substitutions) {
          for (const auto &inner : s.commands) add(inner, state);
        }
      }
    }
  }
  for (const auto &[name, f] : script.script().functions()) {
    for (const auto &c : f.body) add(c, script.final_state());
  }
  std::vector<Pipeline> out;
  for (size_t id : order) {
    Pipeline &p = by_id[id];
    std::sort(p.members.begin(), p.members.end(),
              [](const Command *a, const Command *b) { return a->pipe_index < b->pipe_index; });
    if (p.members.size() >= 2) out.push_back(std::move(p));
  }
  return out;
}

// The command written right after the pipeline at the same nesting, if any.
const Command *following(const analysis::RunScript &script, const Pipeline &p) {
  const auto &top = script.script().commands();
  const Command *last = p.members.back();
  for (size_t i = 0; i + 1 < top.size(); ++i) {
    if (&top[i] == last) return top[i + 1].context == last->context ? &top[i + 1] : nullptr;
  }
  return nullptr;
}

bool status_ignored(const analysis::RunScript &script, const Pipeline &p) {
  const Command *last = p.members.back();
  // `if curl | grep -q x`, `while ... | read`: the status is a condition, and pipefail would
  // turn a producer killed by SIGPIPE after `grep -q` matched into a false condition.
  if (last->inside("condition") || last->inside("not")) return true;
  // `a | b || true`: a failure is deliberately tolerated.
  const Command *next = following(script, p);
  return next && next->connector == Connector::Or;
}

std::string pipe_text(const Pipeline &p) {
  std::string out;
  for (const Command *c : p.members) {
    if (!out.empty()) out += " | ";
    out += c->name().empty() ? "..." : std::string(c->name());
  }
  return out;
}

// `set -o pipefail` where the RUN's script starts: before the command line's first command or
// as the first line of a heredoc script (after its shebang).
std::optional<edit::Fix> set_pipefail_fix(const analysis::RunView &run, const analysis::RunScript &script,
                                          const std::string &shell) {
  if (!script.script().problems().empty()) return std::nullopt;
  std::string title = "Start the script with `set -o pipefail` (" + shell + " has it)";
  const std::string &text = script.script().source();
  if (script.origin() == analysis::RunScript::Origin::Heredoc) {
    uint32_t at = 0;
    if (text.rfind("#!", 0) == 0) {
      size_t nl = text.find('\n');
      if (nl == std::string::npos) return std::nullopt;
      at = static_cast<uint32_t>(nl + 1);
    }
    uint32_t source = script.source_byte(at);
    return edit::Fix{title, edit::Applicability::Unsafe, {{source, source, "set -o pipefail\n"}}};
  }
  if (script.origin() != analysis::RunScript::Origin::ShellForm || run.onbuild) return std::nullopt;
  const auto &top = script.script().commands();
  if (top.empty()) return std::nullopt;
  uint32_t source = script.source_byte(top.front().range.start);
  return edit::Fix{title, edit::Applicability::Unsafe, {{source, source, "set -o pipefail && "}}};
}

// `SHELL ["/bin/bash", "-o", "pipefail", "-c"]` before the stage's first RUN with an unchecked pipe.
edit::Fix shell_fix(const Context &ctx, const analysis::RunView &first) {
  const auto &holder = *first.holder;
  const std::string &src = ctx.doc().source();
  uint32_t line_start = holder.range.start;
  while (line_start > 0 && src[line_start - 1] != '\n') --line_start;
  std::string indent = src.substr(line_start, holder.range.start - line_start);
  if (!trim(indent).empty()) indent.clear();
  std::string keyword = has_lower(holder.keyword) && !has_upper(holder.keyword) ? "shell" : "SHELL";
  return edit::Fix{"Insert `SHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"]` (the image must have bash)",
                   edit::Applicability::Unsafe,
                   {{holder.range.start, holder.range.start,
                     keyword + " [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"]\n" + indent}}};
}

}  // namespace

void pipe_without_pipefail(Context &ctx) {
  // The stage's first RUN needing the SHELL fix: every diagnostic of the stage carries the same
  // insertion there, so one SHELL is added however many RUNs pipe.
  std::map<long, const analysis::RunView *> first_in_stage;
  struct Finding {
    const analysis::RunView *run;
    const analysis::RunScript *script;
    Pipeline pipeline;
  };
  std::vector<Finding> findings;
  for (const auto &run : ctx.runs()) {
    for (const auto &script : run.scripts) {
      for (auto &p : pipelines(script)) {
        if (p.state.pipefail || status_ignored(script, p)) continue;
        bool producers_safe = std::all_of(p.members.begin(), p.members.end() - 1, [](const Command *c) { return cannot_fail(*c); });
        if (producers_safe) continue;
        findings.push_back({&run, &script, std::move(p)});
      }
    }
  }
  for (const auto &f : findings) {
    const analysis::RunView &run = *f.run;
    const analysis::RunScript &script = *f.script;
    const Pipeline &p = f.pipeline;
    analysis::ImageFamily family = run.onbuild ? analysis::ImageFamily::Unknown
                                               : analysis::stage_family(ctx.graph(), run.stage);
    // `/bin/sh` is ash on alpine and busybox, dash on Debian and Ubuntu, bash on Red Hat's family.
    ShellDialect shell = script.dialect();
    if (shell == ShellDialect::Sh) shell = analysis::bin_sh(family).value_or(ShellDialect::Sh);
    bool has_pipefail = shell == ShellDialect::Bash || shell == ShellDialect::Ash || shell == ShellDialect::Zsh ||
                        shell == ShellDialect::Ksh;
    // Whether a SHELL instruction decides this script's interpreter (not a shebang or `bash <<EOF`).
    bool from_stage_shell =
        script.origin() == analysis::RunScript::Origin::ShellForm ||
        (script.origin() == analysis::RunScript::Origin::Heredoc && script.heredoc() == 0 &&
         script.script().source().rfind("#!", 0) != 0 && !run.run->args.empty() &&
         trim(run.run->args[0].value).rfind("<<", 0) == 0);
    std::optional<edit::Fix> fix;
    std::string message = "`" + pipe_text(p) + "` hides a failure of `" + std::string(p.members.front()->name()) + "`: ";
    if (has_pipefail) {
      std::string name(analysis::to_string(shell));
      if (shell == ShellDialect::Ash) name = "busybox ash";
      message += "start the script with `set -o pipefail` (" + name + " has it)";
      fix = set_pipefail_fix(run, script, name);
    } else {
      message += "set `SHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"]` before this RUN";
      if (!run.onbuild && run.stage && from_stage_shell && !run.shell.instruction && !run.shell.from_pragma) {
        long key = static_cast<long>(*run.stage);
        auto [it, fresh] = first_in_stage.try_emplace(key, &run);
        fix = shell_fix(ctx, *it->second);
      }
    }
    syntax::Range r = script.source_range({p.members.front()->range.start, p.members.back()->range.end});
    ctx.report(r, std::move(message), std::move(fix));
  }
}

}  // namespace msm::lint::checks
