// The versioned JSON report of a conversion (README, "convert report").

#include "builder_pattern/convert.h"

#include <nlohmann/json.hpp>

namespace msm::builder_pattern {

namespace {

nlohmann::ordered_json ref_json(const SourceRef &r) {
  nlohmann::ordered_json j;
  j["file"] = r.file;
  j["line"] = r.line;
  j["text"] = r.text;
  return j;
}

nlohmann::ordered_json findings_json(const std::vector<Finding> &findings) {
  auto out = nlohmann::ordered_json::array();
  for (const auto &f : findings) {
    nlohmann::ordered_json j;
    j["category"] = f.category;
    j["message"] = f.message;
    j["at"] = ref_json(f.where);
    out.push_back(std::move(j));
  }
  return out;
}

}  // namespace

nlohmann::ordered_json report_json(const Conversion &c) {
  nlohmann::ordered_json j;
  j["version"] = 1;
  j["status"] = !c.found ? "not-found" : c.converted() ? "converted" : "refused";
  auto &pieces = j["pieces"];
  pieces["driver"] = {{"file", c.driver}, {"kind", c.driver_kind}};
  if (!c.make_target.empty()) pieces["driver"]["target"] = c.make_target;
  auto builders = nlohmann::ordered_json::array();
  for (const auto &b : c.builders) {
    nlohmann::ordered_json bj;
    bj["dockerfile"] = b.dockerfile.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(b.dockerfile);
    bj["image"] = b.image;
    bj["context"] = b.dockerfile.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(b.context);
    bj["stage"] = b.stage;
    auto args = nlohmann::ordered_json::array();
    for (const auto &a : b.build_args) args.push_back({{"name", a.name}, {"value", a.value}, {"raw", a.raw}, {"dynamic", a.dynamic}});
    bj["build_args"] = args;
    bj["at"] = ref_json(b.where);
    builders.push_back(std::move(bj));
  }
  pieces["builders"] = builders;
  if (c.runtime_dockerfile) {
    pieces["runtime"] = {{"dockerfile", *c.runtime_dockerfile}, {"tags", c.runtime_tags}, {"context", c.runtime_context}};
  } else {
    pieces["runtime"] = nullptr;
  }
  auto artifacts = nlohmann::ordered_json::array();
  for (const auto &a : c.artifacts) {
    nlohmann::ordered_json aj;
    aj["stage"] = a.stage;
    aj["builder_path"] = a.builder_path;
    aj["host_path"] = a.host_path;
    aj["via"] = a.via;
    aj["extracted_at"] = ref_json(a.extracted);
    if (!a.runtime_file.empty()) {
      aj["runtime"] = {{"file", a.runtime_file}, {"line", a.runtime_line}, {"before", a.before}, {"after", a.after}};
    } else {
      aj["runtime"] = nullptr;
      aj["export"] = a.after;
    }
    artifacts.push_back(std::move(aj));
  }
  j["artifacts"] = artifacts;
  j["output"] = c.output_path.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(c.output_path);
  j["command"] = c.command.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(c.command);
  j["warnings"] = findings_json(c.warnings);
  j["refusals"] = findings_json(c.refusals);
  auto dropped = nlohmann::ordered_json::array();
  for (const auto &d : c.dropped) dropped.push_back({{"at", ref_json(d.where)}, {"why", d.why}});
  j["dropped"] = dropped;
  auto leftover = nlohmann::ordered_json::array();
  for (const auto &l : c.leftover) leftover.push_back(ref_json(l));
  j["leftover"] = leftover;
  j["residual_script"] = c.converted() ? nlohmann::ordered_json(c.residual_script) : nlohmann::ordered_json(nullptr);
  return j;
}

}  // namespace msm::builder_pattern
