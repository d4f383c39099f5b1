#pragma once
// Naming stages that are referenced by index (`COPY --from=0`, `FROM 0`, `--mount=...,from=0`):
// one fix that adds `AS <name>` and rewrites every reference, so no index is left behind.
// Shared by `msmigrate refactor name-stages` and the multi-stage lint rules.

#include <string>
#include <vector>

#include "edit/edit.h"
#include "syntax/document.h"

namespace msm::refactor {

struct StageNaming {
  size_t stage = 0;
  std::string name;
  std::string role;    // why this name: "build", "deps", "test", "runtime", "stage"
  size_t references = 0;
};

struct NameStagesResult {
  std::vector<StageNaming> named;
  edit::Fix fix;       // empty edits when nothing is referenced by index
};

// Infers a role-based name for a stage from its base image and RUN commands.
std::string stage_role(const syntax::Document &doc, size_t from_instruction, size_t end_instruction, bool last);

NameStagesResult name_stages(const syntax::Document &doc);

}  // namespace msm::refactor
