#pragma once
// Stages and the stage graph: `FROM x AS name`, references by name or index from FROM,
// `COPY --from` and `RUN --mount=...,from=`, and which stages a target needs.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "analysis/scope.h"
#include "syntax/document.h"

namespace msm::analysis {

enum class DependencyKind { Base, CopyFrom, MountFrom };

struct Dependency {
  DependencyKind kind = DependencyKind::Base;
  std::string reference;               // as written: "build", "0", "alpine:3"
  std::optional<size_t> stage;         // the stage it names, if it names one
  size_t instruction = 0;              // index into Document::instructions()
  syntax::Range range;                 // where the reference is written
};

struct Stage {
  size_t index = 0;
  std::string name;                    // lower-cased as BuildKit does; "" when unnamed
  syntax::Range name_range;
  std::string base;                    // FROM's image as written
  std::string base_expanded;           // after expanding the global ARGs
  syntax::Range base_range;
  std::optional<size_t> base_stage;    // FROM refers to an earlier stage
  size_t from_instruction = 0;         // index of the FROM
  size_t end_instruction = 0;          // one past the stage's last instruction
  std::vector<Dependency> dependencies;  // Base first, then in instruction order

  bool is_scratch() const { return !base_stage && base_expanded == "scratch"; }
  // "name" or the index, the way a user would refer to it.
  std::string display_name() const { return name.empty() ? std::to_string(index) : name; }
};

class StageGraph {
 public:
  StageGraph(const syntax::Document &doc, const BuildArgs &build_args = {});

  const std::vector<Stage> &stages() const { return m_stages; }
  const Scope &scope() const { return m_scope; }
  // Instructions before the first FROM (global ARGs and anything else found there).
  size_t global_end() const { return m_global_end; }
  // Stage owning an instruction index, if any.
  std::optional<size_t> stage_of(size_t instruction) const;
  // A stage by name (any case) or decimal index, as `--from` and `--target` take it.
  std::optional<size_t> find(std::string_view reference) const;
  // Stages `target` needs (itself included), dependencies before dependents.
  std::vector<size_t> needed_for(size_t target) const;
  // The default target: the last stage.
  std::optional<size_t> last() const {
    return m_stages.empty() ? std::nullopt : std::optional<size_t>(m_stages.size() - 1);
  }

 private:
  std::vector<Stage> m_stages;
  std::unordered_map<std::string, size_t> m_by_name;  // first stage of each name
  size_t m_global_end = 0;
  Scope m_scope;
};

}  // namespace msm::analysis
