#pragma once
// ARG and ENV scope as BuildKit applies them: global ARGs (before the first FROM) are seen
// by FROM lines only, unless a stage redeclares them with `ARG NAME`; each stage's ARG and
// ENV definitions apply from the next instruction on; ENV outlives ARG of the same name.

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "syntax/document.h"

namespace msm::analysis {

using BuildArgs = std::map<std::string, std::string, std::less<>>;

// The ARGs BuildKit predefines (platform of this machine: linux/amd64 unless overridden).
const BuildArgs &predefined_args();

struct Definition {
  enum class Kind { GlobalArg, Arg, Env };
  Kind kind = Kind::Arg;
  std::string name;
  std::optional<std::string> value;   // expanded; nullopt for an ARG without value or build-arg
  size_t instruction = 0;             // where it is defined
  syntax::Range range;                // the name=value word
};

class Scope {
 public:
  Scope() = default;
  // `stage_starts[i]` is the FROM index of stage i; `stage_ends[i]` one past its end.
  Scope(const syntax::Document &doc, size_t global_end, const std::vector<std::pair<size_t, size_t>> &stages,
        const BuildArgs &build_args);

  // Value of `name` as seen by the instruction at `instruction` (its own definitions excluded).
  std::optional<std::string> lookup(size_t instruction, std::string_view name) const;
  // The global scope, as FROM lines see it.
  std::optional<std::string> lookup_global(std::string_view name) const;
  // Expand a word the way BuildKit would for the instruction at `instruction`.
  std::string expand(size_t instruction, std::string_view word) const;
  std::string expand_global(std::string_view word) const;

  const std::vector<Definition> &globals() const { return m_globals; }
  const std::vector<Definition> &definitions(size_t stage) const { return m_stages.at(stage).definitions; }

 private:
  struct StageScope {
    size_t from = 0;
    size_t end = 0;
    std::vector<Definition> definitions;
  };
  const StageScope *stage_for(size_t instruction) const;

  char m_escape = '\\';
  BuildArgs m_build_args;
  std::vector<Definition> m_globals;
  std::vector<StageScope> m_stages;
};

}  // namespace msm::analysis
