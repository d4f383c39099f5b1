#pragma once
// The language server: open documents, their parse and diagnostics, and the LSP requests
// answered from them. It is transport-free and single-threaded: `handle` takes one decoded
// message and replies through the sink; `run_stdio` (stdio.h) adds framing, a reader thread
// (so `$/cancelRequest` arrives while a request is being worked on) and the debounce timer.
// Tests drive a Server directly.

#include <atomic>
#include <chrono>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "lint/config.h"
#include "lint/diagnostic.h"
#include "lint/shellcheck/runner.h"
#include "lsp/protocol.h"
#include "syntax/document.h"

namespace msm::lsp {

using Clock = std::chrono::steady_clock;

struct ServerOptions {
  // Diagnostics of a changed document wait this long for the next keystroke (open and save
  // publish at once). initializationOptions.debounceMs overrides it.
  std::chrono::milliseconds debounce{150};
  // Larger documents are kept in sync but not analysed: no Dockerfile is this big, and a
  // multi-megabyte paste must not stall every request behind it.
  size_t max_analysed_bytes = 2u << 20;
  // Thread-safe: queues a message for `handle` (stdio's queue). ShellCheck runs off the
  // keystroke path, on a thread of its own, and posts `$/msmigrate/shellcheckDone` when its
  // findings are in the cache; without `post` (tests), `wait_background` applies them.
  std::function<void(const json &)> post;
  // The ShellCheck runner (program and cache); null: the process-wide one.
  lint::shellcheck::Runner *shellcheck_runner = nullptr;
};

class Server {
 public:
  using Sink = std::function<void(const json &)>;
  Server(Sink sink, ServerOptions options = {});
  ~Server();

  // One decoded JSON-RPC message (request, notification or response).
  void handle(const json &message);
  // One message body as read from the wire: a JSON parse error is answered with ParseError.
  void handle_text(std::string_view body);

  // Thread-safe: marks a request id as cancelled (the reader thread calls it on $/cancelRequest
  // so a queued or running request answers RequestCancelled).
  void cancel(const json &id);

  // Debounced diagnostics: the earliest time a changed document is due, and publishing those due.
  std::optional<Clock::time_point> next_deadline() const;
  void publish_due(Clock::time_point now);

  // Waits for ShellCheck runs in flight and publishes what they found (the second wave).
  void wait_background();

  bool exit_requested() const { return m_exit; }
  int exit_code() const { return m_shutdown ? 0 : 1; }  // LSP: exit without shutdown is 1

 private:
  struct OpenDocument {
    std::string uri;
    std::string path;  // file path, or the URI when it is not a file
    std::optional<std::filesystem::path> directory;
    int64_t version = 0;
    std::string text;
    std::unique_ptr<syntax::Document> doc;  // null when not analysed (too large, binary)
    std::string not_analysed;               // why doc is null
    std::vector<TSInputEdit> pending_edits;  // since doc was parsed, for the incremental reparse
    bool stale = true;                       // doc/diagnostics older than text
    std::optional<Clock::time_point> due;    // debounced publish
    std::shared_ptr<const lint::Config> config;
    std::string config_error;
    std::vector<lint::Diagnostic> diagnostics;
  };

  void dispatch(const json &message);
  json request(const std::string &method, const json &params);
  void notification(const std::string &method, const json &params);

  json initialize(const json &params);
  void did_open(const json &params);
  void did_change(const json &params);
  void did_save(const json &params);
  void did_close(const json &params);
  json code_action(const json &params);
  json formatting(const json &params);
  json hover(const json &params);
  json document_symbol(const json &params);
  json definition(const json &params);

  OpenDocument &document(const json &params);  // params.textDocument.uri; throws InvalidParams
  void forget_config(OpenDocument &d);         // look the configuration up again, re-lint
  void analyse(OpenDocument &d);               // parse + lint when stale
  void publish(OpenDocument &d);
  json diagnostic_json(const OpenDocument &d, const lint::Diagnostic &diag) const;
  json text_edits_json(const OpenDocument &d, const std::vector<edit::TextEdit> &edits) const;
  json workspace_edit(const OpenDocument &d, const std::vector<edit::TextEdit> &edits) const;
  uint32_t offset_of(const OpenDocument &d, const json &position) const;

  bool is_cancelled(const json &id);
  // Starts ShellCheck on the scripts the cache did not know for this document, unless a run for
  // it is in flight (its end re-lints the document, which starts the next if still needed).
  void start_shellcheck(const std::string &uri, std::vector<std::string> inputs);
  void apply_shellcheck_done();

  Sink m_sink;
  ServerOptions m_options;
  bool m_initialized = false;
  bool m_shutdown = false;
  bool m_exit = false;
  bool m_watch_config_files = false;  // the client can watch files for us
  std::unique_ptr<lint::ConfigResolver> m_resolver;
  std::map<std::string, OpenDocument> m_documents;  // by URI
  std::mutex m_cancel_mutex;
  std::set<std::string> m_cancelled;  // request ids (dumped JSON)
  std::map<std::string, std::thread> m_shellcheck_runs;  // by URI, one in flight each
  std::mutex m_done_mutex;
  std::vector<std::string> m_shellcheck_done;  // URIs whose run has finished
  std::set<size_t> m_shellcheck_failed;        // hashes of inputs ShellCheck could not check
};

}  // namespace msm::lsp
