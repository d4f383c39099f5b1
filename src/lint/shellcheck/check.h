#pragma once
// ShellCheck on every RUN script of a file (the RUN shell view's scripts: shell form, `sh -c` exec
// form, heredoc scripts, ONBUILD RUN), as hadolint runs it: the script behind a shebang naming
// its dialect and `export NAME=1` lines for the ARG and ENV names in scope, so SC2154 does not
// fire on them. Findings come back positioned in the Dockerfile through the view's byte map.

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "analysis/run_script.h"
#include "lint/context.h"
#include "lint/shellcheck/runner.h"

namespace msm::lint::shellcheck {

// The text ShellCheck reads for one script: the script with lines of ours inserted once, either
// at the start or after the script's own shebang line.
struct Input {
  std::string text;
  uint32_t inserted_at = 0;    // input byte where our lines start
  uint32_t inserted_size = 0;  // their bytes
  // The script byte an input byte comes from; nullopt inside our lines.
  std::optional<uint32_t> script_byte(uint32_t input_byte) const;
};

// Whether ShellCheck can check a dialect (it knows sh, bash, dash, ksh; ash is read as dash).
bool checkable(analysis::ShellDialect dialect);

// What ShellCheck reads for `script` with `declared` names exported before it.
Input make_input(const analysis::RunScript &script, const std::set<std::string> &declared);

// The names a RUN's environment holds before it runs: the stage's ARGs and ENVs defined before
// it, ENVs inherited from base stages, BuildKit's proxy variables (hadolint declares the same).
std::set<std::string> declared_names(const Context &ctx, const analysis::RunView &run);

// Where ShellCheck ran: MSM9001 calls a suppression of an SC code unused only there.
struct Coverage {
  std::vector<bool> checked;  // per instruction: every script of that RUN was checked
  bool whole_file = false;    // every RUN script of the file was checked (and there was one)
};

// Reports ShellCheck's findings on every RUN script of ctx's document. `missed`, when given,
// receives the inputs that were not checked (not in the cache, with CachedOnly).
Coverage check_runs(Context &ctx, Runner &runner, Mode mode, std::vector<std::string> *missed = nullptr);

}  // namespace msm::lint::shellcheck
