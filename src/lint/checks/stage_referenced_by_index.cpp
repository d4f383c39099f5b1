// MSM3002: `COPY --from=0` / `--mount=from=0`: stage references by position break silently when a
// stage is inserted; the fix names the stage and rewrites every index reference in one edit.

#include <set>

#include "lint/checks/checks.h"
#include "lint/checks/util.h"

namespace msm::lint::checks {

namespace {

bool is_decimal(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// A name from the base image (`golang:1.22` -> `golang`), unique among the stage names.
std::string choose_name(const analysis::StageGraph &graph, const analysis::Stage &stage) {
  std::string_view base = stage.base_expanded;
  if (size_t at = base.find('@'); at != std::string_view::npos) base = base.substr(0, at);
  if (size_t slash = base.rfind('/'); slash != std::string_view::npos) base = base.substr(slash + 1);
  if (size_t colon = base.find(':'); colon != std::string_view::npos) base = base.substr(0, colon);
  std::string name;
  for (char c : base) {
    char l = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (std::isalnum(static_cast<unsigned char>(l)) || l == '-' || l == '_' || l == '.') name += l;
  }
  if (name.empty() || !std::isalpha(static_cast<unsigned char>(name[0])) || name == "scratch" || name == "context") {
    name = "stage-" + std::to_string(stage.index);
  }
  std::set<std::string> taken;
  for (const auto &s : graph.stages()) taken.insert(s.name);
  std::string candidate = name;
  for (int n = 2; taken.count(candidate); ++n) candidate = name + "-" + std::to_string(n);
  return candidate;
}

}  // namespace

void stage_referenced_by_index(Context &ctx) {
  const auto &doc = ctx.doc();
  const auto &graph = ctx.graph();
  // Index references grouped by the stage they name, in one pass over the file (a pass per
  // stage was quadratic in the number of stages).
  std::vector<std::vector<std::pair<const analysis::Dependency *, syntax::Range>>> refs_to(graph.stages().size());
  for (const auto &stage : graph.stages()) {
    for (const auto &dep : stage.dependencies) {
      if (dep.kind == analysis::DependencyKind::Base || !dep.stage || *dep.stage >= refs_to.size() ||
          !is_decimal(dep.reference)) continue;
      if (auto r = reference_range(doc, dep)) refs_to[*dep.stage].emplace_back(&dep, *r);
    }
  }
  for (const auto &target : graph.stages()) {
    const auto &refs = refs_to[target.index];
    if (refs.empty()) continue;
    std::string name = target.name;
    edit::Fix fix{"", edit::Applicability::Safe, {}};
    const auto &from = doc.instructions()[target.from_instruction];
    if (name.empty() && from.args.size() == 1) {
      name = choose_name(graph, target);
      std::string as = from.keyword == upper(from.keyword) ? " AS " : " as ";
      fix.edits.push_back({target.base_range.end, target.base_range.end, as + name});
    }
    if (name.empty()) continue;
    fix.title = "Name stage " + std::to_string(target.index) + " `" + name + "` and refer to it by name";
    for (const auto &[dep, range] : refs) fix.edits.push_back({range.start, range.end, name});
    std::sort(fix.edits.begin(), fix.edits.end(), [](const auto &a, const auto &b) { return a.start < b.start; });
    for (const auto &[dep, range] : refs) {
      ctx.report(range,
                 "Stage referenced by index `" + dep->reference + "`; refer to it by name (`" + name + "`)", fix);
    }
  }
}

}  // namespace msm::lint::checks
