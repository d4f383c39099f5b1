#pragma once
// Small helpers shared by the checks.

#include <cctype>
#include <string>
#include <string_view>

#include "lint/context.h"

namespace msm::lint::checks {

// A destination or WORKDIR path that does not depend on the working directory: `/x`, `\\x`,
// or a Windows drive (`C:`).
inline bool absolute_path(std::string_view p) {
  if (!p.empty() && (p[0] == '/' || p[0] == '\\')) return true;
  return p.size() >= 2 && std::isalpha(static_cast<unsigned char>(p[0])) && p[1] == ':';
}

inline std::string lower(std::string_view s) {
  std::string out(s);
  for (char &c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

inline std::string upper(std::string_view s) {
  std::string out(s);
  for (char &c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

inline bool has_upper(std::string_view s) {
  for (char c : s) {
    if (c >= 'A' && c <= 'Z') return true;
  }
  return false;
}

inline bool has_lower(std::string_view s) {
  for (char c : s) {
    if (c >= 'a' && c <= 'z') return true;
  }
  return false;
}

inline std::string_view trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

// The text after the keyword and flags of an instruction, as written in the source.
inline syntax::Range rest_range(const syntax::Instruction &ins) {
  uint32_t start = ins.flags.empty() ? ins.keyword_range.end : ins.flags.back().range.end;
  return {start, ins.line_range.end};
}

// JSON string literal of `s` (for exec-form fixes and labels).
inline std::string json_quote(std::string_view s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

}  // namespace msm::lint::checks

#include <set>

namespace msm::lint::checks {

// Names written with a default or alternative (`${X:-d}`, `${X-d}`, `${X:+a}`, `${X+a}`): using
// them unset is deliberate.
inline std::set<std::string> names_with_default(std::string_view word) {
  std::set<std::string> out;
  for (size_t i = 0; i + 2 < word.size(); ++i) {
    if (word[i] != '$' || word[i + 1] != '{') continue;
    size_t j = i + 2;
    while (j < word.size() && (std::isalnum(static_cast<unsigned char>(word[j])) || word[j] == '_')) ++j;
    if (j == i + 2 || j >= word.size()) continue;
    size_t k = j;
    if (word[k] == ':') ++k;
    if (k < word.size() && (word[k] == '-' || word[k] == '+')) out.emplace(word.substr(i + 2, j - i - 2));
  }
  return out;
}

}  // namespace msm::lint::checks

namespace msm::lint::checks {

// Where exactly a stage reference is written: the name inside `--from=x` or `from=x` of a mount,
// or FROM's whole image argument.
inline std::optional<syntax::Range> reference_range(const syntax::Document &doc, const analysis::Dependency &dep) {
  if (dep.kind == analysis::DependencyKind::Base) return dep.range;
  std::string_view text = doc.text(dep.range);
  std::string needle = "from=" + dep.reference;
  size_t at = text.rfind(needle);
  if (at == std::string_view::npos) return std::nullopt;
  // The reference must end at a field boundary: `from=1` must not match inside `from=12`.
  size_t end = at + needle.size();
  if (end < text.size() && text[end] != ',' && text[end] != ' ' && text[end] != '"' && text[end] != '\'') return std::nullopt;
  uint32_t start = dep.range.start + static_cast<uint32_t>(at + 5);
  return syntax::Range{start, start + static_cast<uint32_t>(dep.reference.size())};
}

}  // namespace msm::lint::checks

#include "analysis/expansion.h"

namespace msm::lint::checks {

// `word` as BuildKit expands it for the instruction at `instruction` (FROM lines see the global
// ARGs), or nullopt when it uses a variable without a known value: checks then stay silent
// rather than guess.
inline std::optional<std::string> resolved(const Context &ctx, size_t instruction, std::string_view word) {
  if (word.find_first_of("$'\"\\`") == std::string_view::npos) return std::string(word);
  const auto &scope = ctx.graph().scope();
  bool from = ctx.doc().instructions()[instruction].is(syntax::InstructionKind::From);
  analysis::ExpansionOptions options;
  options.escape = ctx.doc().escape();
  auto e = analysis::expand_word(
      word,
      [&](std::string_view name) { return from ? scope.lookup_global(name) : scope.lookup(instruction, name); },
      options);
  if (e.error) return std::nullopt;
  // `${X:-default}` of an unset X is as known as a value.
  auto with_default = names_with_default(word);
  for (const auto &name : e.unset) {
    if (!with_default.count(name)) return std::nullopt;
  }
  return e.value;
}

// Every instruction in document order with ONBUILD triggers unwrapped: rules about an
// instruction's own arguments apply to the trigger as well (reported on the ONBUILD line).
template <typename Fn>
void for_each_with_triggers(const syntax::Document &doc, Fn &&fn) {
  const auto &instructions = doc.instructions();
  for (size_t i = 0; i < instructions.size(); ++i) {
    fn(i, instructions[i]);
    if (instructions[i].trigger) fn(i, *instructions[i].trigger);
  }
}

}  // namespace msm::lint::checks

namespace msm::lint::checks {

// Whether a stage is built on a Windows image (the root of its FROM chain names Windows
// Server Core or Nano Server), or the file uses the escape directive Windows Dockerfiles use.
inline bool windows_stage(const Context &ctx, size_t stage) {
  const auto &stages = ctx.graph().stages();
  while (stages[stage].base_stage) stage = *stages[stage].base_stage;
  std::string base = lower(stages[stage].base_expanded);
  for (std::string_view windows : {"windows", "nanoserver", "servercore"}) {
    if (base.find(windows) != std::string::npos) return true;
  }
  return ctx.doc().escape() == '`';
}

// Whether RUN at `instruction` runs through a POSIX shell: not after a SHELL naming powershell,
// pwsh or cmd (in the stage or the stages it is built FROM), nor on a Windows image, whose
// default shell is cmd. Fragments without FROM are taken as POSIX.
inline bool posix_shell_at(const Context &ctx, size_t instruction) {
  const auto &graph = ctx.graph();
  const auto &instructions = ctx.doc().instructions();
  auto first = graph.stage_of(instruction);
  if (!first) return ctx.doc().escape() != '`';
  size_t end = instruction;
  for (auto stage = first; stage; stage = graph.stages()[*stage].base_stage) {
    const auto &s = graph.stages()[*stage];
    for (size_t i = std::min(end, s.end_instruction); i-- > s.from_instruction + 1;) {
      const auto &ins = instructions[i];
      if (!ins.is(syntax::InstructionKind::Shell) || !ins.json || ins.args.empty()) continue;
      std::string exe = lower(ins.args[0].value);
      if (size_t slash = exe.find_last_of("/\\"); slash != std::string::npos) exe = exe.substr(slash + 1);
      if (exe.size() > 4 && exe.compare(exe.size() - 4, 4, ".exe") == 0) exe.resize(exe.size() - 4);
      return exe != "powershell" && exe != "pwsh" && exe != "cmd";
    }
    end = static_cast<size_t>(-1);
  }
  return !windows_stage(ctx, *first);
}

}  // namespace msm::lint::checks
