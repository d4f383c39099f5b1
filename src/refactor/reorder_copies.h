#pragma once
// Cache-friendly COPY order: a COPY of volatile files (application sources, `COPY . .`, single
// files such as index.html) placed before slow, stable steps (package installs) invalidates
// them on every change. This moves such COPYs after those steps when the steps provably do not
// read what was copied, and splits `COPY . .` before a dependency install into manifests first.
// When in doubt it does not move, and says why. Shared by `msmigrate refactor reorder-copies`
// and the multi-stage lint rules.

#include <string>
#include <vector>

#include "edit/edit.h"
#include "syntax/document.h"

namespace msm::refactor {

struct CopyMove {
  syntax::Range range;  // the COPY considered
  bool moved = false;
  std::string reason;   // why it moved, or why it stayed
};

struct ReorderResult {
  std::vector<CopyMove> moves;
  edit::Fix fix;
};

ReorderResult reorder_copies(const syntax::Document &doc);

}  // namespace msm::refactor
