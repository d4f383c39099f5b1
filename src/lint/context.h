#pragma once
// What a check sees: one parsed file, its stage graph and ARG/ENV scope, the configuration,
// and where to report. Checks are plain functions, one per rule, named by the rule's YAML file
// (`check:`) and listed in the rule table generated from rules/*.yaml.

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "analysis/run_script.h"
#include "analysis/stages.h"
#include "lint/config.h"
#include "lint/diagnostic.h"
#include "syntax/document.h"

namespace msm::lint {

class Context {
 public:
  Context(const syntax::Document &doc, const analysis::StageGraph &graph, const Config &config,
          std::optional<std::filesystem::path> directory);

  const syntax::Document &doc() const { return m_doc; }
  const analysis::StageGraph &graph() const { return m_graph; }
  const Config &config() const { return m_config; }
  // The directory holding the Dockerfile, when it is on disk (or named by --stdin-filename):
  // checks that read neighbours (.dockerignore, build scripts) need it.
  const std::optional<std::filesystem::path> &directory() const { return m_directory; }

  // The rule whose check runs now; the engine binds it before calling the check (nullptr after).
  void bind(const Rule *rule) { m_rule = rule; }
  const Rule *rule() const { return m_rule; }
  // Reports a finding of the bound rule. Returns the new diagnostic so a check can add related
  // locations; valid until the next report.
  Diagnostic &report(syntax::Range range, std::string message, std::optional<edit::Fix> fix = std::nullopt);
  // Reports for a rule named explicitly: for the one reporter of many rules (the ShellCheck
  // integration, which runs with no rule bound).
  Diagnostic &report(const Rule &rule, syntax::Range range, std::string message,
                     std::optional<edit::Fix> fix = std::nullopt);
  // Transitional, for branches written before the rule was bound: `code` must be the bound
  // rule's (an internal error otherwise). Remove once scripts/bind-report-call-sites.sh has
  // rewritten every check.
  Diagnostic &report(std::string_view code, syntax::Range range, std::string message,
                     std::optional<edit::Fix> fix = std::nullopt);
  std::vector<Diagnostic> &diagnostics() { return m_diagnostics; }

  // Whether stage `stage` is needed by the final stage (it ships, or builds what ships).
  bool stage_needed(size_t stage) const;
  // Index of the instruction whose range contains `byte`, if any.
  std::optional<size_t> instruction_at(uint32_t byte) const;
  // Every RUN (and ONBUILD RUN) with its shell scripts, parsed on first use and shared by all
  // checks, so a file's RUNs are parsed with tree-sitter-bash once per lint.
  const std::vector<analysis::RunView> &runs() const;

 private:
  const syntax::Document &m_doc;
  const analysis::StageGraph &m_graph;
  const Config &m_config;
  std::optional<std::filesystem::path> m_directory;
  std::vector<bool> m_needed;
  const Rule *m_rule = nullptr;
  std::vector<Diagnostic> m_diagnostics;
  mutable std::optional<std::vector<analysis::RunView>> m_runs;
};

}  // namespace msm::lint
