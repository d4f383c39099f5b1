#include "analysis/scope.h"

#include <algorithm>

#include "analysis/expansion.h"

namespace msm::analysis {

namespace {

std::pair<std::string_view, std::optional<std::string_view>> split_assignment(std::string_view word) {
  size_t eq = word.find('=');
  if (eq == std::string_view::npos) return {word, std::nullopt};
  return {word.substr(0, eq), word.substr(eq + 1)};
}

}  // namespace

const BuildArgs &predefined_args() {
  static const BuildArgs args = {
      {"BUILDPLATFORM", "linux/amd64"}, {"BUILDOS", "linux"},     {"BUILDARCH", "amd64"},
      {"BUILDVARIANT", ""},             {"TARGETPLATFORM", "linux/amd64"}, {"TARGETOS", "linux"},
      {"TARGETARCH", "amd64"},          {"TARGETVARIANT", ""},
  };
  return args;
}

Scope::Scope(const syntax::Document &doc, size_t global_end, const std::vector<std::pair<size_t, size_t>> &stages,
             const BuildArgs &build_args)
    : m_escape(doc.escape()), m_build_args(build_args) {
  const auto &instructions = doc.instructions();
  ExpansionOptions options;
  options.escape = m_escape;

  for (size_t i = 0; i < global_end && i < instructions.size(); ++i) {
    const auto &ins = instructions[i];
    if (!ins.is(syntax::InstructionKind::Arg)) continue;
    for (const auto &arg : ins.args) {
      auto [name, value] = split_assignment(arg.value);
      Definition d{Definition::Kind::GlobalArg, std::string(name), std::nullopt, i, arg.range};
      if (auto it = m_build_args.find(d.name); it != m_build_args.end()) {
        d.value = it->second;
      } else if (value) {
        d.value = expand_global(*value);
      } else if (auto p = predefined_args().find(d.name); p != predefined_args().end()) {
        d.value = p->second;
      }
      m_globals.push_back(std::move(d));
    }
  }

  for (const auto &[from, end] : stages) {
    m_stages.push_back({from, end, {}});
    StageScope &stage = m_stages.back();
    for (size_t i = from + 1; i < end && i < instructions.size(); ++i) {
      const auto &ins = instructions[i];
      if (ins.is(syntax::InstructionKind::Arg)) {
        for (const auto &arg : ins.args) {
          auto [name, value] = split_assignment(arg.value);
          Definition d{Definition::Kind::Arg, std::string(name), std::nullopt, i, arg.range};
          if (auto it = m_build_args.find(d.name); it != m_build_args.end()) {
            d.value = it->second;
          } else if (value) {
            d.value = expand(i, *value);
          } else if (auto g = lookup_global(d.name)) {
            d.value = g;
          } else if (auto p = predefined_args().find(d.name); p != predefined_args().end()) {
            d.value = p->second;
          }
          stage.definitions.push_back(std::move(d));
        }
      } else if (ins.is(syntax::InstructionKind::Env)) {
        // next is flat [key, value, sep] triples.
        for (size_t k = 0; k + 1 < ins.args.size(); k += 3) {
          Definition d{Definition::Kind::Env, expand(i, ins.args[k].value), expand(i, ins.args[k + 1].value), i,
                       ins.args[k].range};
          d.range.end = ins.args[k + 1].range.end;
          stage.definitions.push_back(std::move(d));
        }
      }
    }
  }
}

const Scope::StageScope *Scope::stage_for(size_t instruction) const {
  // Stages are sorted and disjoint.
  auto it = std::upper_bound(m_stages.begin(), m_stages.end(), instruction,
                             [](size_t i, const StageScope &s) { return i < s.from; });
  if (it == m_stages.begin()) return nullptr;
  --it;
  return instruction < it->end ? &*it : nullptr;
}

std::optional<std::string> Scope::lookup_global(std::string_view name) const {
  for (auto it = m_globals.rbegin(); it != m_globals.rend(); ++it) {
    if (it->name == name) return it->value;
  }
  if (auto p = predefined_args().find(name); p != predefined_args().end()) return p->second;
  return std::nullopt;
}

std::optional<std::string> Scope::lookup(size_t instruction, std::string_view name) const {
  const StageScope *stage = stage_for(instruction);
  if (!stage) return lookup_global(name);
  // Definitions are in instruction order: the last one before `instruction` wins.
  auto end = std::lower_bound(stage->definitions.begin(), stage->definitions.end(), instruction,
                              [](const Definition &d, size_t i) { return d.instruction < i; });
  for (auto it = end; it != stage->definitions.begin();) {
    --it;
    if (it->name == name) return it->value;
  }
  return std::nullopt;
}

std::string Scope::expand(size_t instruction, std::string_view word) const {
  ExpansionOptions options;
  options.escape = m_escape;
  return expand_word(word, [&](std::string_view name) { return lookup(instruction, name); }, options).value;
}

std::string Scope::expand_global(std::string_view word) const {
  ExpansionOptions options;
  options.escape = m_escape;
  return expand_word(word, [&](std::string_view name) { return lookup_global(name); }, options).value;
}

}  // namespace msm::analysis
