#include "lint/context.h"

#include <algorithm>

#include "util/error.h"

namespace msm::lint {

Context::Context(const syntax::Document &doc, const analysis::StageGraph &graph, const Config &config,
                 std::optional<std::filesystem::path> directory)
    : m_doc(doc), m_graph(graph), m_config(config), m_directory(std::move(directory)) {
  m_needed.assign(graph.stages().size(), false);
  if (auto last = graph.last()) {
    for (size_t s : graph.needed_for(*last)) m_needed[s] = true;
  }
}

Diagnostic &Context::report(syntax::Range range, std::string message, std::optional<edit::Fix> fix) {
  if (!m_rule) throw Error("internal: a finding was reported with no rule bound");
  return report(*m_rule, range, std::move(message), std::move(fix));
}

Diagnostic &Context::report(const Rule &rule, syntax::Range range, std::string message, std::optional<edit::Fix> fix) {
  Diagnostic d;
  d.rule = &rule;
  d.severity = rule.severity;
  d.message = std::move(message);
  d.range = range;
  d.fix = std::move(fix);
  m_diagnostics.push_back(std::move(d));
  return m_diagnostics.back();
}

Diagnostic &Context::report(std::string_view code, syntax::Range range, std::string message, std::optional<edit::Fix> fix) {
  if (!m_rule || m_rule->code != code) {
    throw Error("internal: the check of " + std::string(m_rule ? m_rule->code : "no rule") + " reported " + std::string(code));
  }
  return report(range, std::move(message), std::move(fix));
}

bool Context::stage_needed(size_t stage) const { return stage < m_needed.size() && m_needed[stage]; }

std::optional<size_t> Context::instruction_at(uint32_t byte) const {
  const auto &ins = m_doc.instructions();
  auto it = std::upper_bound(ins.begin(), ins.end(), byte,
                             [](uint32_t b, const syntax::Instruction &i) { return b < i.range.start; });
  if (it == ins.begin()) return std::nullopt;
  --it;
  if (byte >= it->range.end) return std::nullopt;
  return static_cast<size_t>(it - ins.begin());
}

const std::vector<analysis::RunView> &Context::runs() const {
  if (!m_runs) m_runs = analysis::read_runs(m_doc, m_graph);
  return *m_runs;
}

}  // namespace msm::lint
