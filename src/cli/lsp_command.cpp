// `msmigrate lsp`: the language server over stdio (see src/lsp).

#include <iostream>

#include "cli/cli.h"
#include "lsp/stdio.h"

namespace msm::cli {

void register_lsp(CLI::App &app, int &exit_code) {
  auto *cmd = app.add_subcommand("lsp", "Language server (LSP over stdio) for editors");
  // Clients commonly pass --stdio; it is the only transport, so it is accepted and changes nothing.
  cmd->add_flag("--stdio")->description("Talk LSP over stdin/stdout (the default and only transport)");
  cmd->callback([&exit_code] {
    std::ios::sync_with_stdio(false);
    std::cin.tie(nullptr);
    exit_code = lsp::run_stdio(std::cin, std::cout);
  });
}

}  // namespace msm::cli
