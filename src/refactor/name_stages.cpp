#include "refactor/name_stages.h"

#include <algorithm>
#include <map>

#include "analysis/stages.h"
#include "analysis/stage_names.h"

namespace msm::refactor {

namespace {

bool contains_any(const std::string &s, std::initializer_list<std::string_view> needles) {
  for (auto n : needles) {
    if (s.find(n) != std::string::npos) return true;
  }
  return false;
}

std::string lower(std::string s) {
  for (char &c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

}  // namespace

std::string stage_role(const syntax::Document &doc, size_t from_instruction, size_t end_instruction, bool last) {
  std::string runs;
  for (size_t i = from_instruction + 1; i < end_instruction && i < doc.instructions().size(); ++i) {
    const auto &ins = doc.instructions()[i];
    if (!ins.is(syntax::InstructionKind::Run)) continue;
    for (const auto &a : ins.args) runs += " " + lower(a.value);
    for (const auto &h : ins.heredocs) runs += " " + lower(h.content);
  }
  // Order matters: a stage that installs dependencies and then builds is a build stage.
  if (contains_any(runs, {"go build", "cargo build", "npm run build", "yarn build", "pnpm build", "mvn ", "gradle",
                          "make", "cmake", "gcc ", "g++ ", "cc ", "dotnet publish", "dotnet build", "javac", "tsc",
                          "webpack", "python setup.py build", "pip wheel", "go install"})) {
    return "build";
  }
  if (contains_any(runs, {"go test", "npm test", "yarn test", "pytest", "cargo test", "ctest", "make check"})) return "test";
  if (contains_any(runs, {"npm ci", "npm install", "yarn install", "pip install", "go mod download", "bundle install",
                          "composer install", "apt-get install", "apk add"})) {
    return "deps";
  }
  if (last) return "runtime";
  const auto &from = doc.instructions()[from_instruction];
  std::string base = from.args.empty() ? "" : lower(from.args[0].value);
  if (contains_any(base, {"golang", "rust", "maven", "gradle", "gcc", "node", "sdk", "jdk", "builder"})) return "build";
  return "stage";
}

NameStagesResult name_stages(const syntax::Document &doc) {
  NameStagesResult result;
  analysis::StageGraph graph(doc);
  const auto &stages = graph.stages();
  std::vector<std::string> taken;
  for (const auto &s : stages) {
    if (!s.name.empty()) taken.push_back(s.name);
  }
  // Which unnamed stages are referenced, and from where.
  std::map<size_t, std::vector<const analysis::Dependency *>> referenced;
  for (const auto &s : stages) {
    for (const auto &d : s.dependencies) {
      if (!d.stage) continue;
      const auto &target = stages[*d.stage];
      if (!target.name.empty()) continue;
      referenced[*d.stage].push_back(&d);
    }
  }
  for (const auto &[index, refs] : referenced) {
    const auto &stage = stages[index];
    StageNaming naming;
    naming.stage = index;
    naming.role = stage_role(doc, stage.from_instruction, stage.end_instruction, index + 1 == stages.size());
    naming.name = analysis::unique_stage_name(naming.role, taken);
    naming.references = refs.size();
    taken.push_back(naming.name);
    const auto &from = doc.instructions()[stage.from_instruction];
    bool lower_keyword = from.keyword == lower(from.keyword);
    uint32_t at = from.args.empty() ? from.keyword_range.end : from.args.back().range.end;
    result.fix.edits.push_back(edit::TextEdit{at, at, std::string(lower_keyword ? " as " : " AS ") + naming.name});
    for (const auto *d : refs) {
      std::string written(doc.text(d->range));
      if (d->kind == analysis::DependencyKind::Base) {
        result.fix.edits.push_back(edit::TextEdit{d->range.start, d->range.end, naming.name});
      } else if (d->kind == analysis::DependencyKind::CopyFrom) {
        result.fix.edits.push_back(edit::TextEdit{d->range.start, d->range.end, "--from=" + naming.name});
      } else {
        // Inside `--mount=type=bind,from=0,target=/x`: only the `from=` value changes.
        size_t pos = 0;
        while ((pos = written.find("from=", pos)) != std::string::npos) {
          bool field_start = pos == 0 || written[pos - 1] == ',' || written[pos - 1] == '=';
          size_t value = pos + 5;
          size_t end = written.find(',', value);
          if (end == std::string::npos) end = written.size();
          std::string v = written.substr(value, end - value);
          std::string unquoted = v;
          unquoted.erase(std::remove(unquoted.begin(), unquoted.end(), '"'), unquoted.end());
          if (field_start && unquoted == d->reference) {
            uint32_t s = d->range.start + static_cast<uint32_t>(value);
            result.fix.edits.push_back(edit::TextEdit{s, s + static_cast<uint32_t>(v.size()), naming.name});
            break;
          }
          pos = value;
        }
      }
    }
    result.named.push_back(std::move(naming));
  }
  std::sort(result.fix.edits.begin(), result.fix.edits.end(), [](const auto &a, const auto &b) { return a.start < b.start; });
  result.fix.title = "Name the stages referenced by index";
  result.fix.applicability = edit::Applicability::Safe;
  return result;
}

}  // namespace msm::refactor
