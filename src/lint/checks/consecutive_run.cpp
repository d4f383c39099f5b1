// DL3059: consecutive RUN instructions with the same flags, each of a single command, that could
// be one layer. A RUN that already chains commands (`a && b`, `a; b`, a pipe) is taken as
// deliberately separate (hadolint's spec), and so are heredoc RUNs and RUNs through PowerShell or cmd.

#include <map>

#include "analysis/shell.h"
#include "lint/checks/checks.h"
#include "lint/checks/util.h"

namespace msm::lint::checks {

namespace {

std::string flags_text(const syntax::Instruction &ins) {
  std::string out;
  for (const auto &f : ins.flags) out += f.raw + '\n';
  return out;
}

// Shell state a later command would inherit once the two bodies are joined with `&&`.
bool changes_shell_state(const analysis::shell::Script &script) {
  for (const auto &c : script.commands()) {
    std::string_view name = c.name();
    for (std::string_view builtin : {"cd", "pushd", "popd", "export", "set", "source", ".", "umask", "unset", "alias",
                                     "exit", "exec", "trap", "shopt", "ulimit", "shift", "readonly", "declare"}) {
      if (name == builtin) return true;
    }
    if (c.words.empty() && !c.assignments.empty()) return true;  // `A=1` on its own
  }
  return false;
}

// Command separators (`;`, `&`, `|`, `&&`, `||`, newlines) outside quotes and command
// substitutions, counted up to `cap`. A cheap bound that spares most RUNs a full shell parse: a
// body without a separator is one command; one with `cap` or more, more than one.
size_t separators(std::string_view body, size_t cap) {
  size_t count = 0;
  int depth = 0;  // inside $( ... ) or backquotes
  for (size_t i = 0; i < body.size() && count < cap; ++i) {
    char c = body[i];
    if (c == '\\') {
      ++i;
    } else if (c == '\'') {
      i = body.find('\'', i + 1);
      if (i == std::string_view::npos) break;
    } else if (c == '"') {
      for (++i; i < body.size() && body[i] != '"'; ++i) {
        if (body[i] == '\\') ++i;
      }
    } else if (c == '`') {
      i = body.find('`', i + 1);
      if (i == std::string_view::npos) break;
    } else if (c == '&' && ((i > 0 && (body[i - 1] == '>' || body[i - 1] == '<')) ||
                            (i + 1 < body.size() && body[i + 1] == '>'))) {
      // a redirection (`2>&1`, `&>file`), not a separator
    } else if (c == '$' && i + 1 < body.size() && body[i + 1] == '(') {
      ++depth;
      ++i;
    } else if (c == ')' && depth > 0) {
      --depth;
    } else if (depth == 0 && (c == ';' || c == '&' || c == '|' || c == '\n')) {
      ++count;
      if (i + 1 < body.size() && (body[i + 1] == c)) ++i;  // `&&`, `||`, `;;`
    }
  }
  return count;
}

}  // namespace

void consecutive_run(Context &ctx) {
  using K = syntax::InstructionKind;
  const auto &doc = ctx.doc();
  const auto &instructions = doc.instructions();
  std::map<size_t, std::unique_ptr<analysis::shell::Script>> scripts;
  auto script = [&](size_t i) -> const analysis::shell::Script & {
    auto &s = scripts[i];
    if (!s) s = analysis::shell::Script::parse(instructions[i].args.empty() ? "" : instructions[i].args[0].value);
    return *s;
  };
  auto commands = [&](size_t i) -> size_t {
    const auto &ins = instructions[i];
    if (ins.json || ins.args.empty()) return 1;
    size_t bound = separators(ins.args[0].value, 2);
    if (bound == 0) return size_t{1};
    if (bound >= 2) return bound;  // more than one: no need to know how many
    return script(i).commands().size();
  };
  for (size_t i = 1; i < instructions.size(); ++i) {
    const auto &prev = instructions[i - 1];
    const auto &ins = instructions[i];
    if (!ins.is(K::Run) || !prev.is(K::Run) || !ins.heredocs.empty() || !prev.heredocs.empty()) continue;
    if (ins.error || prev.error || ins.args.empty() || prev.args.empty()) continue;
    if (flags_text(ins) != flags_text(prev)) continue;  // different mounts, network or security
    // Command counts and `&&` joins are POSIX shell; PowerShell and cmd stages are left alone.
    if (!posix_shell_at(ctx, i)) continue;
    if (commands(i - 1) > 1 || commands(i) > 1) continue;

    std::optional<edit::Fix> fix;
    std::string_view between = doc.text({prev.line_range.end, ins.range.start});
    std::string_view first = trim(doc.text(rest_range(prev)));
    std::string_view second_text = doc.text(rest_range(ins));
    bool plain = !prev.json && !ins.json && trim(between).empty() && first.find('#') == std::string_view::npos &&
                 second_text.find('#') == std::string_view::npos && !first.empty() &&
                 std::string_view(";&|\\`").find(first.back()) == std::string_view::npos &&
                 script(i - 1).problems().empty() && script(i).problems().empty() && !changes_shell_state(script(i - 1));
    if (plain) {
      uint32_t body = rest_range(ins).start;
      while (body < ins.line_range.end && (doc.source()[body] == ' ' || doc.source()[body] == '\t')) ++body;
      uint32_t first_end = rest_range(prev).start + static_cast<uint32_t>(doc.text(rest_range(prev)).find_last_not_of(" \t\r\n") + 1);
      std::string joint = std::string(" && ") + doc.escape() + "\n    ";
      fix = edit::Fix{"Merge into the RUN above", edit::Applicability::Unsafe, {{first_end, body, joint}}};
    }
    ctx.report(ins.keyword_range,
               "Consecutive RUN instructions: merging them with the RUN above saves a layer", std::move(fix));
  }
}

}  // namespace msm::lint::checks
