#include "analysis/stages.h"

#include <algorithm>
#include <functional>

namespace msm::analysis {

namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  for (char &c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

bool is_decimal(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// `from=` of a RUN --mount value ("type=cache,target=/x,from=build").
std::optional<std::string> mount_from(std::string_view value) {
  while (!value.empty()) {
    size_t comma = value.find(',');
    std::string_view field = value.substr(0, comma);
    if (field.substr(0, 5) == "from=") return std::string(field.substr(5));
    if (comma == std::string_view::npos) break;
    value.remove_prefix(comma + 1);
  }
  return std::nullopt;
}

}  // namespace

StageGraph::StageGraph(const syntax::Document &doc, const BuildArgs &build_args) {
  const auto &instructions = doc.instructions();
  std::vector<std::pair<size_t, size_t>> ranges;
  for (size_t i = 0; i < instructions.size(); ++i) {
    if (!instructions[i].is(syntax::InstructionKind::From)) continue;
    if (!ranges.empty()) ranges.back().second = i;
    ranges.emplace_back(i, instructions.size());
  }
  m_global_end = ranges.empty() ? instructions.size() : ranges.front().first;
  m_scope = Scope(doc, m_global_end, ranges, build_args);

  for (const auto &[from, end] : ranges) {
    const auto &ins = instructions[from];
    Stage stage;
    stage.index = m_stages.size();
    stage.from_instruction = from;
    stage.end_instruction = end;
    if (!ins.args.empty()) {
      stage.base = ins.args[0].value;
      stage.base_range = ins.args[0].range;
      stage.base_expanded = m_scope.expand_global(stage.base);
    }
    if (ins.args.size() >= 3 && lower(ins.args[1].value) == "as") {
      stage.name = lower(ins.args[2].value);
      stage.name_range = ins.args[2].range;
    }
    // FROM names only stages defined before it.
    if (auto it = m_by_name.find(lower(stage.base_expanded)); it != m_by_name.end()) stage.base_stage = it->second;
    if (!stage.name.empty()) m_by_name.emplace(stage.name, stage.index);
    stage.dependencies.push_back({DependencyKind::Base, stage.base, stage.base_stage, from, stage.base_range});
    m_stages.push_back(std::move(stage));
  }

  // References from COPY --from and RUN --mount may name any stage; resolve after all are known.
  for (auto &stage : m_stages) {
    for (size_t i = stage.from_instruction + 1; i < stage.end_instruction; ++i) {
      const auto &ins = instructions[i];
      if (ins.is(syntax::InstructionKind::Copy)) {
        if (const auto *f = ins.flag("from"); f && f->value) {
          stage.dependencies.push_back({DependencyKind::CopyFrom, *f->value, find(*f->value), i, f->range});
        }
      } else if (ins.is(syntax::InstructionKind::Run)) {
        for (const auto &f : ins.flags) {
          if (f.name != "mount" || !f.value) continue;
          if (auto ref = mount_from(*f.value)) {
            stage.dependencies.push_back({DependencyKind::MountFrom, *ref, find(*ref), i, f.range});
          }
        }
      }
    }
  }
}

std::optional<size_t> StageGraph::stage_of(size_t instruction) const {
  auto it = std::upper_bound(m_stages.begin(), m_stages.end(), instruction,
                             [](size_t i, const Stage &s) { return i < s.from_instruction; });
  if (it == m_stages.begin()) return std::nullopt;
  --it;
  return instruction < it->end_instruction ? std::optional<size_t>(it->index) : std::nullopt;
}

std::optional<size_t> StageGraph::find(std::string_view reference) const {
  if (is_decimal(reference)) {
    size_t index = 0;
    for (char c : reference) {
      index = index * 10 + static_cast<size_t>(c - '0');
      if (index > m_stages.size()) return std::nullopt;
    }
    if (index < m_stages.size()) return index;
    return std::nullopt;
  }
  if (auto it = m_by_name.find(lower(reference)); it != m_by_name.end()) return it->second;
  return std::nullopt;
}

std::vector<size_t> StageGraph::needed_for(size_t target) const {
  std::vector<size_t> order;
  std::vector<char> state(m_stages.size(), 0);  // 0 new, 1 visiting, 2 done
  std::function<void(size_t)> visit = [&](size_t s) {
    if (s >= m_stages.size() || state[s] != 0) return;  // a cycle is reported by lint, not here
    state[s] = 1;
    for (const auto &d : m_stages[s].dependencies) {
      if (d.stage) visit(*d.stage);
    }
    state[s] = 2;
    order.push_back(s);
  };
  visit(target);
  return order;
}

}  // namespace msm::analysis
