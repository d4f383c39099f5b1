// Fuzz target: the language server on a sequence of messages, one JSON body per line (after an
// `initialize` the target sends itself). Property: no crash, hang or leak.

#include <chrono>
#include <set>

#include "fuzz_support.h"
#include "lsp/server.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  using namespace msm;
  using nlohmann::json;
  std::vector<json> sent;
  lsp::ServerOptions options;
  options.debounce = std::chrono::milliseconds(0);
  lsp::Server server([&](const json &message) { sent.push_back(message); }, options);
  server.handle_text(R"({"jsonrpc":"2.0","id":"init","method":"initialize","params":{"capabilities":{}}})");
  server.handle_text(R"({"jsonrpc":"2.0","method":"initialized","params":{}})");
  std::string_view input(reinterpret_cast<const char *>(data), size);
  size_t pos = 0;
  while (pos < input.size() && !server.exit_requested()) {
    size_t nl = input.find('\n', pos);
    if (nl == std::string_view::npos) nl = input.size();
    server.handle_text(input.substr(pos, nl - pos));
    server.publish_due(lsp::Clock::now() + std::chrono::hours(1));
    pos = nl + 1;
  }
  server.publish_due(lsp::Clock::now() + std::chrono::hours(1));
  return 0;
}
