#include "lint/shellcheck/check.h"

#include <algorithm>
#include <array>

#include <nlohmann/json.hpp>

#include "analysis/scope.h"
#include "syntax/line_index.h"

namespace msm::lint::shellcheck {

namespace {

using analysis::ShellDialect;

// BuildKit passes these to every RUN without an ARG; hadolint declares the same list.
constexpr std::array<std::string_view, 8> k_proxy_variables = {"HTTP_PROXY", "http_proxy", "HTTPS_PROXY", "https_proxy",
                                                               "FTP_PROXY",  "ftp_proxy",  "NO_PROXY",    "no_proxy"};

bool is_shell_name(std::string_view name) {
  if (name.empty() || (name[0] >= '0' && name[0] <= '9')) return false;
  return std::all_of(name.begin(), name.end(), [](char c) {
    return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  });
}

std::string_view shebang_shell(ShellDialect d) {
  switch (d) {
    case ShellDialect::Bash: return "bash";
    case ShellDialect::Dash: return "dash";
    case ShellDialect::Ash: return "ash";  // checked as dash; SC2187 saying so is excluded
    case ShellDialect::Ksh: return "ksh";
    default: return "sh";
  }
}

// A replacement's text as it must be written in the Dockerfile: inside an exec-form JSON string it
// is JSON-escaped; elsewhere a newline would end the instruction, so such fixes are not offered.
std::optional<std::string> written_text(const analysis::RunScript &script, const std::string &text) {
  if (script.origin() == analysis::RunScript::Origin::ExecForm) {
    std::string quoted = nlohmann::json(text).dump();
    return quoted.substr(1, quoted.size() - 2);
  }
  if (script.origin() != analysis::RunScript::Origin::Heredoc && text.find('\n') != std::string::npos) return std::nullopt;
  return text;
}

struct Mapped {
  uint32_t start = 0;
  uint32_t end = 0;
};

// Input positions -> script bytes; nullopt when a position lies in our inserted lines.
std::optional<Mapped> to_script(const Input &input, const syntax::LineIndex &lines, TextPosition start, TextPosition end) {
  uint32_t a = lines.byte_at(std::min(start.line, lines.line_count()), start.column);
  uint32_t b = lines.byte_at(std::min(end.line, lines.line_count()), end.column);
  if (b < a) b = a;
  auto sa = input.script_byte(a);
  auto sb = input.script_byte(b);
  if (!sa) return std::nullopt;
  if (!sb) sb = sa;
  return Mapped{*sa, std::max(*sa, *sb)};
}

std::optional<edit::Fix> fix_of(const analysis::RunScript &script, const Input &input, const syntax::LineIndex &lines,
                                const Finding &f) {
  if (f.fix.empty()) return std::nullopt;
  edit::Fix fix{"Apply ShellCheck's suggestion", edit::Applicability::Unsafe, {}};
  uint32_t script_size = static_cast<uint32_t>(script.script().source().size());
  for (const auto &r : f.fix) {
    auto m = to_script(input, lines, r.start, r.end);
    auto text = written_text(script, r.text);
    if (!m || !text) return std::nullopt;
    // The bytes around the edit must be written as they are read (no continuation, comment line
    // or JSON escape in between), or the edit would land in the wrong place.
    analysis::shell::Range around{m->start > 0 ? m->start - 1 : 0, std::min(script_size, m->end + 1)};
    if (!script.contiguous(around)) return std::nullopt;
    uint32_t at = script.source_byte(m->start);
    uint32_t end = m->end > m->start ? script.source_range({m->start, m->end}).end : at;
    fix.edits.push_back({at, end, std::move(*text)});
  }
  return fix;
}

}  // namespace

std::optional<uint32_t> Input::script_byte(uint32_t input_byte) const {
  if (input_byte < inserted_at) return input_byte;
  if (input_byte < inserted_at + inserted_size) return std::nullopt;
  return input_byte - inserted_size;
}

bool checkable(ShellDialect dialect) {
  return dialect == ShellDialect::Sh || dialect == ShellDialect::Bash || dialect == ShellDialect::Dash ||
         dialect == ShellDialect::Ash || dialect == ShellDialect::Ksh;
}

Input make_input(const analysis::RunScript &script, const std::set<std::string> &declared) {
  const std::string &text = script.script().source();
  Input in;
  std::string ours;
  // A heredoc script's own shebang stays on line 1, where ShellCheck reads it.
  bool own_shebang = script.origin() == analysis::RunScript::Origin::Heredoc && text.rfind("#!", 0) == 0 &&
                     text.find('\n') != std::string::npos;
  if (own_shebang) {
    in.inserted_at = static_cast<uint32_t>(text.find('\n') + 1);
  } else {
    ours = "#!/bin/" + std::string(shebang_shell(script.dialect())) + "\n";
  }
  for (const auto &name : declared) ours += "export " + name + "=1\n";
  in.inserted_size = static_cast<uint32_t>(ours.size());
  in.text.reserve(text.size() + ours.size());
  in.text.append(text, 0, in.inserted_at);
  in.text += ours;
  in.text.append(text, in.inserted_at, std::string::npos);
  return in;
}

std::set<std::string> declared_names(const Context &ctx, const analysis::RunView &run) {
  std::set<std::string> names(k_proxy_variables.begin(), k_proxy_variables.end());
  const auto &graph = ctx.graph();
  const auto &scope = graph.scope();
  auto add = [&](const std::string &name) {
    if (is_shell_name(name)) names.insert(name);
  };
  if (!run.stage) {
    for (const auto &d : scope.globals()) {
      if (d.instruction < run.instruction) add(d.name);
    }
    return names;
  }
  for (auto base = graph.stages()[*run.stage].base_stage; base; base = graph.stages()[*base].base_stage) {
    for (const auto &d : scope.definitions(*base)) {
      if (d.kind == analysis::Definition::Kind::Env) add(d.name);
    }
  }
  for (const auto &d : scope.definitions(*run.stage)) {
    if (d.instruction < run.instruction) add(d.name);
  }
  return names;
}

Coverage check_runs(Context &ctx, Runner &runner, Mode mode, std::vector<std::string> *missed) {
  Coverage coverage;
  coverage.checked.assign(ctx.doc().instructions().size(), false);
  const auto &runs = ctx.runs();
  struct Job {
    const analysis::RunView *run;
    const analysis::RunScript *script;
    Input input;
  };
  std::vector<Job> jobs;
  bool every_script = !runs.empty();
  for (const auto &run : runs) {
    if (run.scripts.empty()) every_script = false;
    std::optional<std::set<std::string>> declared;
    for (const auto &script : run.scripts) {
      if (!checkable(script.dialect())) {
        every_script = false;
        continue;
      }
      if (!declared) declared = declared_names(ctx, run);
      jobs.push_back({&run, &script, make_input(script, *declared)});
    }
  }
  if (jobs.empty()) return coverage;

  std::vector<std::string> inputs;
  inputs.reserve(jobs.size());
  for (const auto &j : jobs) inputs.push_back(j.input.text);
  auto results = runner.check(inputs, mode);

  std::vector<int> state(coverage.checked.size(), 0);  // 0 untouched, 1 all checked, -1 a script was not
  for (size_t k = 0; k < jobs.size(); ++k) {
    const Job &job = jobs[k];
    int &s = state[job.run->instruction];
    if (!results[k]) {
      if (missed && runner.available()) missed->push_back(job.input.text);
      s = -1;
      every_script = false;
      continue;
    }
    if (s == 0) s = 1;
    syntax::LineIndex lines(job.input.text);
    for (const auto &f : *results[k]) {
      std::string code = "SC" + std::to_string(f.code);
      const Rule *rule = Registry::instance().find(code);
      if (!rule) continue;  // not a ShellCheck 0.9.0 code
      auto m = to_script(job.input, lines, f.start, f.end);
      if (!m) continue;  // about our own lines
      syntax::Range range = m->end > m->start ? job.script->source_range({m->start, m->end})
                                              : syntax::Range{job.script->source_byte(m->start), job.script->source_byte(m->start)};
      Diagnostic &d = ctx.report(*rule, range, f.message, fix_of(*job.script, job.input, lines, f));
      d.reported_severity = f.level;
    }
  }
  for (size_t i = 0; i < state.size(); ++i) coverage.checked[i] = state[i] == 1;
  // A RUN without a checkable script (exec form of a program, PowerShell) has no ShellCheck body.
  for (const auto &run : runs) {
    if (run.scripts.empty() || state[run.instruction] != 1) coverage.checked[run.instruction] = false;
  }
  coverage.whole_file = every_script;
  return coverage;
}

}  // namespace msm::lint::shellcheck
