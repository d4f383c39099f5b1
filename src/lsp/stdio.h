#pragma once
// Runs a Server over a byte stream pair (stdin/stdout): a reader thread decodes frames, answers
// framing and JSON errors, and applies `$/cancelRequest` at once; the calling thread handles the
// messages in order and publishes debounced diagnostics when they fall due.

#include <istream>
#include <ostream>

#include "lsp/server.h"

namespace msm::lsp {

// Returns the process exit code: 0 after shutdown + exit, 1 on exit without shutdown or when
// the input ends without exit.
int run_stdio(std::istream &in, std::ostream &out, ServerOptions options = {});

}  // namespace msm::lsp
