#pragma once
// Short reference texts (Markdown) for each Dockerfile instruction, shown on hover.

#include <string_view>

#include "syntax/document.h"

namespace msm::lsp {

// "" for InstructionKind::Unknown.
std::string_view instruction_reference(syntax::InstructionKind kind);

}  // namespace msm::lsp
