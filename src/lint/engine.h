#pragma once
// The lint engine: runs the checks on one document, applies configuration, scopes and inline
// suppressions, and fixes files until they are stable.

#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "edit/edit.h"
#include "lint/config.h"
#include "lint/diagnostic.h"
#include "lint/shellcheck/runner.h"
#include "lint/suppression.h"  // is_ignore_pragma, for DL1001
#include "syntax/document.h"

namespace msm::lint {

struct LintOptions {
  // ShellCheck on the RUN scripts: Run (default), CachedOnly (only what the cache holds: the
  // language server's keystroke path), or nullopt (not at all).
  std::optional<shellcheck::Mode> shellcheck = shellcheck::Mode::Run;
  // With CachedOnly: receives what ShellCheck must read for the scripts the cache did not know,
  // so the caller can check them off its own critical path and lint again.
  std::vector<std::string> *shellcheck_missed = nullptr;
  // The ShellCheck runner (program and cache); null: the process-wide Runner::instance().
  shellcheck::Runner *shellcheck_runner = nullptr;
  // Build arguments the build will be given (`lint --build-arg`): ARG values as BuildKit sees
  // them with `--build-arg`, so expansions (FROM, COPY, labels) read them.
  std::map<std::string, std::string, std::less<>> build_args;
};

// Lints a parsed document. `directory`: where the file lives, for checks reading neighbours.
std::vector<Diagnostic> lint_document(const syntax::Document &doc, const Config &config,
                                      const std::optional<std::filesystem::path> &directory,
                                      const LintOptions &options = {});

struct FixOutcome {
  std::string text;        // the fixed text (unchanged when nothing applied)
  size_t applied = 0;      // fixes applied over all rounds
  size_t rounds = 0;
  bool refused = false;    // a round was dropped because it added a parse problem
  std::vector<Diagnostic> remaining;  // diagnostics of the final text
};

// Applies fixes up to `max_applicability` (Safe, or Unsafe for --unsafe-fixes) and repeats until
// nothing changes, at most `max_rounds` times. A round whose result has more parse problems than
// the input is discarded.
FixOutcome fix_source(const std::string &source, const std::string &path, const Config &config,
                      const std::optional<std::filesystem::path> &directory,
                      edit::Applicability max_applicability, size_t max_rounds = 10);

// The fix loop itself, with the linting step given: fix_source passes lint_document. Tests pass
// their own to drive the loop's refusals with fixes no shipped rule would make.
using LintStep = std::function<std::vector<Diagnostic>(const syntax::Document &)>;
FixOutcome fix_with(const std::string &source, const std::string &path, const LintStep &lint,
                    edit::Applicability max_applicability, size_t max_rounds = 10);

}  // namespace msm::lint
