#pragma once
// The RUN shell view: every RUN of a Dockerfile (shell form, exec form through `sh -c`, heredoc
// bodies that run as scripts, ONBUILD RUN) parsed once with tree-sitter-bash into a shell::Script,
// with every script byte mapped back to the Dockerfile source (continuations, the escape char and
// comment lines inside continuations accounted for), so a check reports and fixes the exact word.
//
// Which text is a script, and in which dialect:
// - the command line (after the flags) of a shell-form RUN, unless it is only heredoc markers;
//   it runs with the stage's SHELL (default `/bin/sh -c`; inherited from a stage used as base);
// - a heredoc body when the command line is only that marker (`RUN <<EOF`): it runs with the
//   stage's shell, or with its shebang's interpreter (`#!/bin/bash`, `#!/usr/bin/env bash`);
// - a heredoc body fed on stdin to a POSIX shell (`RUN bash <<EOF`, `RUN <<EOF sh -e`);
// - exec form `["sh", "-c", "script"]` (any POSIX shell, flags like `-ec` or `-o pipefail` kept).
// PowerShell, cmd (also the default shell of Windows base images), `# hadolint shell=powershell`
// and other interpreters (python...) are not analysed: the RunView says so and has no scripts.

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "analysis/packages.h"
#include "analysis/shell.h"
#include "analysis/stages.h"
#include "syntax/document.h"

namespace msm::analysis {

enum class ShellDialect {
  Sh,          // /bin/sh, or a POSIX shell we cannot tell apart
  Bash,
  Dash,
  Ash,         // busybox ash
  Zsh,
  Ksh,
  PowerShell,  // powershell, pwsh
  Cmd,         // cmd.exe
  Other,       // any other interpreter (python, node...): not shell text
};

std::string_view to_string(ShellDialect d);
// Whether scripts in this dialect are parsed and checked (the POSIX-like shells).
bool is_posix_like(ShellDialect d);
// The dialect of an interpreter path or name: "/bin/bash", "bash", "/usr/bin/env bash",
// "/bin/sh -e" (a shebang line without `#!`), "powershell.exe".
ShellDialect dialect_of_interpreter(std::string_view interpreter);

// The shell a RUN's command line runs with.
struct ShellSetting {
  std::vector<std::string> argv{"/bin/sh", "-c"};  // SHELL's JSON array, or the default
  ShellDialect dialect = ShellDialect::Sh;
  bool pipefail = false;  // the SHELL turns on `-o pipefail`
  bool errexit = false;   // the SHELL turns on `-e`
  std::optional<size_t> instruction;  // the SHELL instruction it comes from; none for the default
  bool from_pragma = false;           // `# hadolint shell=...`
};

// What the shell has set when a command runs (top-level `set` and `cd` before it in the same script).
struct ShellState {
  bool pipefail = false;       // `set -o pipefail` (or the SHELL's `-o pipefail`)
  bool errexit = false;        // `set -e`
  bool changed_directory = false;  // a `cd` ran earlier in this script (top level)
};

// One command of a script, with the shell state it runs in.
struct RunCommand {
  const shell::Command *command = nullptr;
  ShellState state;
  // Inside `$(...)`, backticks or a function body (not run where it is written).
  bool nested = false;
  // The package-manager invocation the command is (apt-get, pip...), read once for every rule.
  std::optional<packages::Invocation> invocation;
};

class RunScript {
 public:
  enum class Origin {
    ShellForm,  // the RUN's command line
    ExecForm,   // the script argument of `["sh", "-c", "..."]`
    Heredoc,    // a heredoc body run as a script
  };

  // `source_of[i]` is the Dockerfile byte text[i] comes from (text.size() entries); `source_end_of[i]`
  // where that source piece ends (empty: source_of[i] + 1; a JSON escape `\"` is two bytes for one);
  // `heredoc` is the index of the heredoc body the text is, for Origin::Heredoc.
  RunScript(Origin origin, std::optional<size_t> heredoc, ShellDialect dialect, std::string text,
            std::vector<uint32_t> source_of, ShellState initial, std::vector<uint32_t> source_end_of = {});
  RunScript(RunScript &&) noexcept;
  RunScript &operator=(RunScript &&) noexcept;
  ~RunScript();

  Origin origin() const { return m_origin; }
  ShellDialect dialect() const { return m_dialect; }
  // Index into the RUN's heredocs (syntax::Instruction::heredocs of the instruction holding them:
  // the ONBUILD for ONBUILD RUN) when origin() is Heredoc.
  std::optional<size_t> heredoc() const { return m_heredoc; }

  const shell::Script &script() const { return *m_script; }
  // Every command in source order: top-level ones (with the state they run in), then, after each,
  // the commands of its substitutions; function bodies at the end, marked nested.
  const std::vector<RunCommand> &commands() const { return m_commands; }
  // The state at the end of the script (what a command appended after it would see).
  const ShellState &final_state() const { return m_final; }

  // Dockerfile bytes of a script range. A range spanning a continuation covers the lines between.
  syntax::Range source_range(shell::Range r) const;
  // Dockerfile byte of a script byte; `script().source().size()` maps to just after the last byte.
  uint32_t source_byte(uint32_t script_byte) const;
  // Whether the script range is written contiguously in the Dockerfile (no continuation, comment
  // line or JSON escape inside), so replacing its source bytes replaces exactly that text.
  bool contiguous(shell::Range r) const;

 private:
  void compute_commands(ShellState initial);

  Origin m_origin;
  ShellDialect m_dialect;
  std::optional<size_t> m_heredoc;
  std::shared_ptr<const shell::Script> m_script;  // shared by every RUN with the same text
  std::vector<uint32_t> m_source_of;      // one per script byte, plus one for the end
  std::vector<uint32_t> m_source_end_of;  // one per script byte
  std::vector<RunCommand> m_commands;
  ShellState m_final;
};

// One RUN instruction (or ONBUILD RUN) and its scripts.
struct RunView {
  size_t instruction = 0;                       // index into Document::instructions()
  const syntax::Instruction *run = nullptr;     // the RUN (ONBUILD's trigger for ONBUILD RUN)
  const syntax::Instruction *holder = nullptr;  // the top-level instruction (the ONBUILD, or the RUN)
  bool onbuild = false;
  std::optional<size_t> stage;                  // none before the first FROM (snippets)
  ShellSetting shell;                           // the shell of the stage at this RUN
  // Scripts in source order: the command line (or exec-form script) first, then heredoc bodies
  // that run as scripts. Empty when the shell is not POSIX-like (see skip_reason).
  std::vector<RunScript> scripts;
  std::optional<std::string> skip_reason;       // e.g. "SHELL is powershell"
  // Targets of `--mount=type=cache` (and `type=tmpfs`) on this RUN: whatever a command writes
  // there never reaches the image, so "clean the cache" rules have nothing to say about it.
  std::vector<std::string> cache_mounts;

  // Whether `path` (e.g. "/var/lib/apt/lists") lies in a cache or tmpfs mount of this RUN.
  bool cached(std::string_view path) const;
};

// Every RUN of the document in source order. Cheap enough to call once per lint (one
// tree-sitter-bash parse per script); lint::Context caches it.
std::vector<RunView> read_runs(const syntax::Document &doc, const StageGraph &graph);

// The shell each stage's RUNs start with, before the stage's own SHELL instructions: the default,
// or the base stage's last SHELL, or cmd for a Windows base image. Index = stage index.
std::vector<ShellSetting> initial_shells(const syntax::Document &doc, const StageGraph &graph);

}  // namespace msm::analysis
