// Shared shapes of the package-manager rules: unpinned packages, missing options, caches left behind.

#include "lint/checks/package_rules.h"

#include <algorithm>

namespace msm::lint::checks::packages {

namespace {

namespace pk = analysis::packages;

bool listed(const std::vector<Manager> &managers, Manager m) {
  return std::find(managers.begin(), managers.end(), m) != managers.end();
}

std::string fill(std::string_view message, std::string_view value) {
  std::string out(message);
  for (size_t at = out.find("{}"); at != std::string::npos; at = out.find("{}", at + value.size())) {
    out.replace(at, 2, value);
  }
  return out;
}

std::string command_text(const Found &f) {
  const Invocation &inv = f.invocation;
  std::string out = pk::word_text(inv.word(inv.program)).text;
  size_t slash = out.rfind('/');
  if (slash != std::string::npos) out = out.substr(slash + 1);
  if (!inv.action.empty()) out += " " + inv.action;
  return out;
}

// `yes | apt-get install x` answers the prompts.
bool piped_from_yes(const analysis::RunScript &script, const analysis::shell::Command &c) {
  if (c.pipeline == 0 || c.pipe_index == 0) return false;
  for (const auto &rc : script.commands()) {
    const analysis::shell::Command &o = *rc.command;
    if (o.pipeline == c.pipeline && o.pipe_index < c.pipe_index && o.name() == "yes") return true;
  }
  return false;
}

// pip's VCS schemes (`git+https://`, `hg+ssh://`, `svn+svn://`, `bzr+lp:`...) and npm's git URLs:
// an install operand that is one is pinned only when it names a revision.
bool is_vcs_reference(const pk::ManagerInfo &m, std::string_view op) {
  if (m.manager != Manager::Pip && m.manager != Manager::Npm && m.manager != Manager::Yarn) return false;
  for (std::string_view vcs : {"git+", "hg+", "svn+", "bzr+", "git://", "svn://"}) {
    if (op.substr(0, vcs.size()) == vcs) return true;
  }
  return false;
}

bool vcs_has_ref(const pk::ManagerInfo &m, std::string_view op) {
  // npm: `git+ssh://git@host:org/repo.git#v1.0` (a commit, tag or `semver:` range after `#`).
  if (m.manager != Manager::Pip) return op.find('#') != std::string_view::npos;
  // pip: `git+https://host/org/repo.git@v1.0#egg=name`: `@rev` after the host part; an `@` in
  // the user part (`git+ssh://git@host/...`) is not a revision.
  std::string_view rest = op.substr(0, op.find('#'));
  if (size_t scheme = rest.find("://"); scheme != std::string_view::npos) rest.remove_prefix(scheme + 3);
  size_t slash = rest.find('/');
  return slash != std::string_view::npos && rest.find('@', slash) != std::string_view::npos;
}

}  // namespace

void for_each_invocation(const Context &ctx, const std::vector<Manager> &managers,
                         const std::function<void(const Found &)> &fn) {
  for (const auto &run : ctx.runs()) {
    for (const auto &script : run.scripts) {
      for (const auto &rc : script.commands()) {
        const auto &inv = rc.invocation;
        if (!inv || !listed(managers, inv->manager->manager)) continue;
        fn(Found{run, script, rc, *inv});
      }
    }
  }
}

syntax::Range words_range(const Found &f, size_t first, size_t last) {
  const auto &words = f.command.command->words;
  return f.script.source_range({words[first].range.start, words[last].range.end});
}

size_t action_end(const Invocation &inv) {
  if (!inv.subcommand) return inv.program;
  return inv.action.find(' ') != std::string::npos ? *inv.subcommand + 1 : *inv.subcommand;
}

syntax::Range command_range(const Found &f) { return words_range(f, f.invocation.program, action_end(f.invocation)); }

std::optional<edit::TextEdit> insert_after_word(const Found &f, size_t index, std::string_view text) {
  const analysis::shell::Word &w = f.command.command->words[index];
  if (!f.script.contiguous(w.range)) return std::nullopt;
  uint32_t at = f.script.source_range(w.range).end;
  return edit::TextEdit{at, at, std::string(text)};
}

std::optional<edit::Fix> append_to_run(const Found &f, std::string_view command, std::string title,
                                       edit::Applicability applicability) {
  const analysis::RunScript &script = f.script;
  const analysis::shell::Script &sh = script.script();
  if (!sh.problems().empty()) return std::nullopt;
  const std::string &text = sh.source();
  if (script.origin() == analysis::RunScript::Origin::Heredoc) {
    // A new last line of the heredoc body, where the terminator follows.
    if (text.empty() || text.back() != '\n') return std::nullopt;
    size_t last_start = text.find_last_of('\n', text.size() - 2);
    last_start = last_start == std::string::npos ? 0 : last_start + 1;
    std::string_view last_line = std::string_view(text).substr(last_start, text.size() - 1 - last_start);
    while (!last_line.empty() && (last_line.back() == ' ' || last_line.back() == '\t' || last_line.back() == '\r')) {
      last_line.remove_suffix(1);
    }
    if (!last_line.empty() && last_line.back() == '\\') return std::nullopt;
    uint32_t at = script.source_byte(static_cast<uint32_t>(text.size()));
    return edit::Fix{std::move(title), applicability, {{at, at, std::string(command) + "\n"}}};
  }
  // A command line followed by heredoc bodies: the end of the script is after the bodies.
  if (script.origin() == analysis::RunScript::Origin::ShellForm && !f.run.holder->heredocs.empty()) return std::nullopt;
  uint32_t end = sh.code_end();
  if (end == 0) return std::nullopt;
  std::string_view after = std::string_view(text).substr(end);
  size_t next = after.find_first_not_of(" \t\r\n");
  if (next != std::string_view::npos && after[next] == '&') return std::nullopt;  // backgrounded
  uint32_t at = script.source_range({end - 1, end}).end;
  return edit::Fix{std::move(title), applicability, {{at, at, " && " + std::string(command)}}};
}

bool layers_ship(const Context &ctx, const analysis::RunView &run) {
  if (run.onbuild || !run.stage) return true;
  const auto &stages = ctx.graph().stages();
  for (auto s = ctx.graph().last(); s; s = stages[*s].base_stage) {
    if (*s == *run.stage) return true;
    if (stages[*s].base_stage && *stages[*s].base_stage >= *s) break;  // a malformed forward reference
  }
  return false;
}

bool removes_dir(std::string_view operand, std::string_view dir) {
  while (!operand.empty() && (operand.back() == '*' || operand.back() == '/')) operand.remove_suffix(1);
  if (operand.empty()) return false;
  if (operand == dir) return true;
  // `/var/lib/apt/*` removes the lists too; `/var/lib/apt/lists/partial` does not clean them.
  return dir.size() > operand.size() && dir.compare(0, operand.size(), operand) == 0 && dir[operand.size()] == '/';
}

namespace {

// Calls `fn` for each command of the RUN in the order they run; with `after`, only those after it.
template <typename Fn>
bool any_command(const analysis::RunView &run, const analysis::shell::Command *after, Fn fn) {
  bool counting = after == nullptr;
  for (const auto &script : run.scripts) {
    for (const auto &rc : script.commands()) {
      if (rc.command == after) {
        counting = true;
        continue;
      }
      if (counting && fn(rc)) return true;
    }
  }
  return false;
}

}  // namespace

bool run_removes(const analysis::RunView &run, std::string_view dir, const analysis::shell::Command *after) {
  return any_command(run, after, [&](const analysis::RunCommand &rc) {
    const analysis::shell::Command &c = *rc.command;
    if (c.name() != "rm" && c.name() != "find") return false;
    for (size_t i = 1; i < c.words.size(); ++i) {
      if (removes_dir(pk::word_text(c.words[i]).text, dir)) return true;
    }
    return false;
  });
}

bool run_has_action(const analysis::RunView &run, const std::vector<Manager> &managers, std::string_view action,
                    std::string_view operand, const analysis::shell::Command *after) {
  return any_command(run, after, [&](const analysis::RunCommand &rc) {
    const auto &inv = rc.invocation;
    if (!inv || !listed(managers, inv->manager->manager) || inv->action != action) return false;
    if (operand.empty()) return true;
    for (size_t i : inv->operands) {
      if (pk::word_text(inv->word(i)).text == operand) return true;
    }
    return false;
  });
}

void report_unpinned(Context &ctx, const std::vector<Manager> &managers, std::string_view how) {
  for_each_invocation(ctx, managers, [&](const Found &f) {
    const Invocation &inv = f.invocation;
    if (!inv.installs() || inv.has_any(inv.manager->version_options)) return;
    // Groups have no versions.
    if (inv.action == "groupinstall" || inv.action == "group install") return;
    // A constraints file pins whatever the command installs.
    if (inv.manager->manager == Manager::Pip && (inv.has("-c") || inv.has("--constraint"))) return;
    bool upgrade = inv.has("--upgrade") || inv.has("-U");
    std::vector<size_t> operands = inv.operands;
    // `go run pkg args...`: the words after the package are the program's own arguments.
    if (inv.action == "run" && operands.size() > 1) operands.resize(1);
    // `gem install x -- --with-cflags=...`: after `--` come the gem's build options.
    if (inv.manager->manager == Manager::Gem) {
      const auto &words = f.command.command->words;
      for (size_t k = inv.program + 1; k < words.size(); ++k) {
        if (pk::word_text(words[k]).text != "--") continue;
        std::erase_if(operands, [k](size_t op) { return op > k; });
        break;
      }
    }
    for (size_t i : operands) {
      pk::WordText w = pk::word_text(inv.word(i));
      if (w.dynamic) continue;
      if (is_vcs_reference(*inv.manager, w.text)) {
        if (!vcs_has_ref(*inv.manager, w.text)) {
          ctx.report(f.script.source_range(inv.word(i).range),
                     "Pin a revision of `" + w.text + "` in `" + command_text(f) + "` (" +
                         (inv.manager->pin == pk::PinStyle::At ? "`#<commit or tag>`" : "`@<commit or tag>`") + ")");
        }
        continue;
      }
      // A module is pinned by its stream: `dnf module install nodejs:20`.
      if (inv.action == "module install") {
        if (w.text.find(':') == std::string::npos) {
          ctx.report(f.script.source_range(inv.word(i).range),
                     "Pin the stream of module `" + w.text + "` in `" + command_text(f) + "` (write `" + w.text + ":<stream>`)");
        }
        continue;
      }
      if (pk::is_pinned(*inv.manager, w.text)) continue;
      // `go get` takes module paths only, so any operand that is no local path is one.
      bool go_get_module = inv.manager->manager == Manager::Go && inv.action == "get" && !w.text.empty() &&
                           w.text[0] != '.' && w.text[0] != '/';
      if (!go_get_module && !pk::is_registry_package(*inv.manager, w.text)) continue;
      // Keeping the packaging tools current is deliberate, not a forgotten pin.
      if (inv.manager->manager == Manager::Pip && upgrade && (w.text == "pip" || w.text == "setuptools" || w.text == "wheel")) {
        continue;
      }
      std::string name = w.text;
      // `pkg@latest` names no version: the message shows the package without it.
      if (size_t at = name.rfind('@'); at != std::string::npos && at > 0 && inv.manager->manager == Manager::Go) {
        name.resize(at);
      }
      ctx.report(f.script.source_range(inv.word(i).range),
                 "Pin the version of `" + name + "` in `" + command_text(f) + "` (" + fill(how, name) + ")");
    }
  });
}

void report_missing_option(Context &ctx, const MissingOption &rule) {
  for_each_invocation(ctx, rule.managers, [&](const Found &f) {
    const Invocation &inv = f.invocation;
    bool triggered = rule.actions.empty() ? inv.installs()
                                          : std::find(rule.actions.begin(), rule.actions.end(), inv.action) != rule.actions.end();
    if (!triggered || inv.has_any(rule.accepted)) return;
    if (piped_from_yes(f.script, *f.command.command)) return;
    if (rule.exempt && rule.exempt(ctx, f)) return;
    std::optional<edit::Fix> fix;
    size_t after = rule.insert_after_program ? inv.program : action_end(inv);
    if (auto e = insert_after_word(f, after, " " + std::string(rule.insert))) {
      fix = edit::Fix{"Add `" + std::string(rule.insert) + "`", rule.applicability, {*e}};
    }
    ctx.report(command_range(f), fill(rule.message, command_text(f)), std::move(fix));
  });
}

void report_missing_cleanup(Context &ctx, const MissingCleanup &rule) {
  const analysis::RunView *last_run = nullptr;
  for_each_invocation(ctx, rule.managers, [&](const Found &f) {
    const Invocation &inv = f.invocation;
    bool triggered = rule.triggers.empty()
                         ? inv.installs()
                         : std::find(rule.triggers.begin(), rule.triggers.end(), inv.action) != rule.triggers.end();
    if (!triggered || &f.run == last_run) return;  // once per RUN
    if (!layers_ship(ctx, f.run) || rule.cleaned(f)) return;
    last_run = &f.run;
    std::string cleanup = rule.cleanup(f);
    bool unsafe = rule.unsafe && rule.unsafe(ctx, f);
    auto fix = append_to_run(f, cleanup, "Append `" + cleanup + "` to the RUN",
                             unsafe ? edit::Applicability::Unsafe : edit::Applicability::Safe);
    ctx.report(command_range(f), fill(rule.message, command_text(f)), std::move(fix));
  });
}

}  // namespace msm::lint::checks::packages
