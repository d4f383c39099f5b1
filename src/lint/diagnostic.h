#pragma once
// What a check reports: a rule, where (byte range into the source), a message and maybe a fix.

#include <optional>
#include <string>
#include <vector>

#include "edit/edit.h"
#include "lint/registry.h"
#include "syntax/document.h"

namespace msm::lint {

// Another place the finding refers to (the first definition of a duplicate name, say).
struct RelatedLocation {
  syntax::Range range;
  std::string message;
  syntax::Position start;  // filled by the engine, like Diagnostic's
  syntax::Position end;
};

struct Diagnostic {
  const Rule *rule = nullptr;
  Severity severity = Severity::Warning;  // the rule's, after configuration overrides
  // The level the reporting tool gave this finding (ShellCheck's), used instead of the rule's
  // default unless the configuration overrides it.
  std::optional<Severity> reported_severity;
  std::string message;
  syntax::Range range;
  syntax::Position start;  // from the document's LineIndex (columns in code points)
  syntax::Position end;
  std::optional<edit::Fix> fix;
  std::vector<RelatedLocation> related;
};

// One linted file: everything a renderer needs.
struct FileResult {
  std::string path;    // as the user named it (or --stdin-filename)
  std::string source;  // the text the diagnostics refer to (after fixes, when fixing)
  std::vector<Diagnostic> diagnostics;
};

}  // namespace msm::lint
