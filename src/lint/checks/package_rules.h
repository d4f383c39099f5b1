#pragma once
// The shapes shared by the package-manager rules (DL3008...DL3062): a package installed without a
// version, an invocation missing an option (with a fix inserting it), and an install whose cache
// or lists stay in the layer (with a fix appending the cleanup to the same RUN). Each rule's file
// says which managers, options and cleanups; the walking, positions and fixes are here.

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "analysis/packages.h"
#include "analysis/run_script.h"
#include "lint/context.h"

namespace msm::lint::checks::packages {

using analysis::packages::Invocation;
using analysis::packages::Manager;

struct Found {
  const analysis::RunView &run;
  const analysis::RunScript &script;
  const analysis::RunCommand &command;
  const Invocation &invocation;
};

// Calls `fn` for every invocation of one of `managers` in the file's RUN scripts, in source order.
void for_each_invocation(const Context &ctx, const std::vector<Manager> &managers,
                         const std::function<void(const Found &)> &fn);

// Source range of the words [first, last] of the found command.
syntax::Range words_range(const Found &f, size_t first, size_t last);
// Source range of the program and its sub-command (`apt-get install`, `yum group install`).
syntax::Range command_range(const Found &f);
// Index of the last word of the sub-command (`install` of `dnf group install`); the program when none.
size_t action_end(const Invocation &inv);

// Inserts `text` right after word `index` of the found command (e.g. " -y" after `install`).
std::optional<edit::TextEdit> insert_after_word(const Found &f, size_t index, std::string_view text);

// A fix running `command` after everything else in the RUN the found command is in: ` && command`
// appended to the command line (before a trailing shell comment), or a new line at the end of a
// heredoc script. None when there is no safe place (a command line followed by heredoc bodies, a
// script ending in `&`, a script the shell grammar cannot read).
std::optional<edit::Fix> append_to_run(const Found &f, std::string_view command, std::string title,
                                       edit::Applicability applicability);

// Whether what the RUN leaves in its layer reaches the final image: its stage is the last one or a
// stage the last is built FROM (a stage only copied from ships just the files copied), or it is
// an ONBUILD RUN (it runs in the images built from this one) or a snippet without FROM.
bool layers_ship(const Context &ctx, const analysis::RunView &run);

// Whether `operand` (an rm/find operand such as "/var/lib/apt/lists/*") removes `dir` or all of it.
bool removes_dir(std::string_view operand, std::string_view dir);
// Whether any command of the RUN removes `dir` (`rm -rf /var/lib/apt/lists/*`). With `after`,
// only the commands that run after that one count: a clean-up before an install cleans nothing.
bool run_removes(const analysis::RunView &run, std::string_view dir, const analysis::shell::Command *after = nullptr);
// Whether any invocation of `managers` in the RUN has the action `action` and, when given, the
// operand (only after the command `after`, when given).
bool run_has_action(const analysis::RunView &run, const std::vector<Manager> &managers, std::string_view action,
                    std::string_view operand = {}, const analysis::shell::Command *after = nullptr);

// The rule shapes ------------------------------------------------------------------------------

// Reports every registry package of an install by `managers` written without a version.
// `how` shows the pin syntax in the message, e.g. "curl=<version>" for "{}=<version>".
void report_unpinned(Context &ctx, const std::vector<Manager> &managers, std::string_view how);

struct MissingOption {
  std::vector<Manager> managers{};
  std::vector<std::string_view> actions{};  // empty: the managers' install sub-commands
  std::vector<std::string_view> accepted{}; // any of these options satisfies the rule
  std::string_view insert{};                // the option the fix inserts, e.g. "-y"
  bool insert_after_program = false;      // global option (zypper -n) rather than after the action
  edit::Applicability applicability = edit::Applicability::Safe;
  std::string message{};                  // "{}" is replaced by the command, e.g. "apt-get install"
  // Extra reasons to stay silent (e.g. an environment variable doing the same).
  std::function<bool(const Context &, const Found &)> exempt{};
};
void report_missing_option(Context &ctx, const MissingOption &rule);

struct MissingCleanup {
  std::vector<Manager> managers{};
  std::vector<std::string_view> triggers{};  // actions that leave a cache; empty: install sub-commands
  // Whether the RUN cleans up after the found command (or keeps the cache out of the layer with a mount).
  std::function<bool(const Found &)> cleaned{};
  // The cleanup command appended by the fix, from the triggering invocation.
  std::function<std::string(const Found &)> cleanup{};
  // Whether the fix is unsafe for this RUN (e.g. a later RUN relies on the removed lists).
  std::function<bool(const Context &, const Found &)> unsafe{};
  std::string message{};                   // "{}" is replaced by the command
};
void report_missing_cleanup(Context &ctx, const MissingCleanup &rule);

}  // namespace msm::lint::checks::packages
