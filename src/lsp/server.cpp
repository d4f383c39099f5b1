#include "lsp/server.h"

#include <algorithm>
#include <cstring>

#include "analysis/stages.h"
#include "formatter/format.h"
#include "lint/engine.h"
#include "lint/registry.h"
#include "lint/suppression.h"
#include "lsp/instruction_reference.h"
#include "refactor/name_stages.h"
#include "refactor/reorder_copies.h"
#include "util/error.h"
#include "msm_version.h"

namespace msm::lsp {

namespace fs = std::filesystem;

namespace {

// A request that fails with a JSON-RPC error.
struct RpcError : std::runtime_error {
  RpcError(int c, const std::string &message) : std::runtime_error(message), code(c) {}
  int code;
};

constexpr std::string_view k_fix_all_kind = "source.fixAll.msmigrate";

bool is_continuation_byte(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// The smallest single edit turning `before` into `after` (common prefix and suffix kept), cut at
// UTF-8 boundaries so its ends are valid LSP positions. Clients keep the cursor and undo steps
// small, which a whole-document replacement would not.
edit::TextEdit minimal_edit(std::string_view before, std::string_view after) {
  size_t limit = std::min(before.size(), after.size());
  size_t prefix = 0;
  while (prefix < limit && before[prefix] == after[prefix]) ++prefix;
  while (prefix > 0 && prefix < before.size() && is_continuation_byte(before[prefix])) --prefix;
  size_t suffix = 0;
  while (suffix < limit - prefix && before[before.size() - 1 - suffix] == after[after.size() - 1 - suffix]) ++suffix;
  while (suffix > 0 && is_continuation_byte(before[before.size() - suffix])) --suffix;
  return {static_cast<uint32_t>(prefix), static_cast<uint32_t>(before.size() - suffix),
          std::string(after.substr(prefix, after.size() - suffix - prefix))};
}

int lsp_severity(lint::Severity s) {
  switch (s) {
    case lint::Severity::Error: return 1;
    case lint::Severity::Warning: return 2;
    case lint::Severity::Info: return 3;
    case lint::Severity::Style: return 4;  // Hint
  }
  return 2;
}

TSPoint point_of(const syntax::LineIndex &lines, uint32_t byte) {
  uint32_t line = lines.line_of(byte);
  return {line - 1, byte - lines.line_start(line)};
}

// Where the text `inserted` ends when written at `start` (tree-sitter points count bytes).
TSPoint point_after(TSPoint start, std::string_view inserted) {
  size_t newlines = static_cast<size_t>(std::count(inserted.begin(), inserted.end(), '\n'));
  if (newlines == 0) return {start.row, start.column + static_cast<uint32_t>(inserted.size())};
  return {start.row + static_cast<uint32_t>(newlines), static_cast<uint32_t>(inserted.size() - inserted.rfind('\n') - 1)};
}

std::string_view trim_blanks(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

// `# msmigrate ignore=...` / `# hadolint ignore=...` (not `global`): the comment as read.
std::optional<lint::SuppressionComment> ignore_comment(const syntax::Comment &c) {
  auto sup = lint::parse_suppression_comment(c.text);
  if (!sup || sup->kind != lint::SuppressionKind::NextInstruction) return std::nullopt;
  return sup;
}

const syntax::Instruction *instruction_containing(const syntax::Document &doc, uint32_t byte) {
  for (const auto &ins : doc.instructions()) {
    if (ins.range.start <= byte && byte < ins.range.end) return &ins;
  }
  return nullptr;
}

// The edit adding `code` to the suppression comment directly above `ins`, or inserting one in
// the spelling the file already uses (hadolint's, when it has hadolint comments).
edit::TextEdit ignore_edit(const syntax::Document &doc, const syntax::Instruction &ins, const std::string &code) {
  const std::string &src = doc.source();
  std::string_view tool = "msmigrate";
  for (const auto &c : doc.comments()) {
    if (auto sup = ignore_comment(c); sup && sup->tool == "hadolint") tool = "hadolint";
  }
  uint32_t line_start = doc.lines().line_start(doc.lines().line_of(ins.range.start));
  for (const auto &c : doc.comments()) {
    if (c.range.end > line_start) continue;
    auto sup = ignore_comment(c);
    if (!sup) continue;
    // Directly above: only the line break between the comment and the instruction's line.
    std::string_view between = std::string_view(src).substr(c.range.end, line_start - c.range.end);
    if (between != "\n" && between != "\r\n") continue;
    // The comment's text starts after its `#`.
    uint32_t at = c.range.start + 1 + static_cast<uint32_t>(sup->list_end);
    return {at, at, "," + code};
  }
  size_t indent_end = line_start;
  while (indent_end < src.size() && (src[indent_end] == ' ' || src[indent_end] == '\t')) ++indent_end;
  size_t eol = src.find('\n', line_start);
  std::string newline = (eol != std::string::npos && eol > line_start && src[eol - 1] == '\r') ? "\r\n" : "\n";
  return {line_start, line_start,
          src.substr(line_start, indent_end - line_start) + "# " + std::string(tool) + " ignore=" + code + newline};
}

// A word of code characters around `byte` in `text` (a rule code, name or alias).
std::string_view word_at(std::string_view text, size_t at) {
  auto is_word = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_'; };
  size_t start = at, end = at;
  while (start > 0 && is_word(text[start - 1])) --start;
  while (end < text.size() && is_word(text[end])) ++end;
  return text.substr(start, end - start);
}

std::string rule_docs_markdown(const lint::Rule &rule) {
  const auto &registry = lint::Registry::instance();
  std::string out = "**" + rule.code + "** `" + rule.name + "`";
  for (const auto &alias : rule.aliases) out += " (" + alias + ")";
  out += " — " + std::string(lint::to_string(rule.severity)) + "\n\n";
  std::string docs = registry.docs(rule);
  out += docs.empty() ? rule.message : docs;
  out += "\n\n[" + rule.code + " documentation](" + registry.docs_url(rule) + ")";
  return out;
}

std::string symbol_detail(const syntax::Instruction &ins) {
  std::string_view rest = ins.original;
  size_t keyword = rest.find_first_not_of(" \t");
  if (keyword != std::string_view::npos) rest.remove_prefix(std::min(rest.size(), keyword + ins.keyword.size()));
  rest = trim_blanks(rest);
  std::string out(rest.substr(0, 80));
  if (rest.size() > 80) out += "…";
  while (!out.empty() && is_continuation_byte(out.back())) out.pop_back();  // never cut a character
  return out;
}

}  // namespace

Server::Server(Sink sink, ServerOptions options)
    : m_sink(std::move(sink)), m_options(options),
      m_resolver(std::make_unique<lint::ConfigResolver>(std::nullopt)) {}

Server::~Server() {
  for (auto &[uri, t] : m_shellcheck_runs) t.join();
}

void Server::start_shellcheck(const std::string &uri, std::vector<std::string> inputs) {
  {
    // A script ShellCheck failed on is not retried on every keystroke.
    std::lock_guard lock(m_done_mutex);
    std::erase_if(inputs, [&](const std::string &in) { return m_shellcheck_failed.count(std::hash<std::string>{}(in)); });
  }
  if (inputs.empty() || m_shellcheck_runs.count(uri)) return;
  m_shellcheck_runs[uri] = std::thread([this, uri, inputs = std::move(inputs)] {
    auto &runner = m_options.shellcheck_runner ? *m_options.shellcheck_runner : lint::shellcheck::Runner::instance();
    auto results = runner.check(inputs, lint::shellcheck::Mode::Run);
    {
      std::lock_guard lock(m_done_mutex);
      for (size_t i = 0; i < inputs.size(); ++i) {
        if (!results[i]) m_shellcheck_failed.insert(std::hash<std::string>{}(inputs[i]));
      }
      m_shellcheck_done.push_back(uri);
    }
    if (m_options.post) {
      m_options.post({{"jsonrpc", "2.0"}, {"method", "$/msmigrate/shellcheckDone"}, {"params", {{"uri", uri}}}});
    }
  });
}

void Server::apply_shellcheck_done() {
  std::vector<std::string> done;
  {
    std::lock_guard lock(m_done_mutex);
    done.swap(m_shellcheck_done);
  }
  for (const auto &uri : done) {
    if (auto t = m_shellcheck_runs.find(uri); t != m_shellcheck_runs.end()) {
      t->second.join();
      m_shellcheck_runs.erase(t);
    }
    // The findings are in the cache now: lint again (no process on this path) and publish.
    if (auto it = m_documents.find(uri); it != m_documents.end()) {
      it->second.stale = true;
      publish(it->second);
    }
  }
}

void Server::wait_background() {
  while (!m_shellcheck_runs.empty()) {
    for (auto &[uri, t] : m_shellcheck_runs) t.join();
    m_shellcheck_runs.clear();
    apply_shellcheck_done();  // a re-lint may start the next run
  }
}

void Server::cancel(const json &id) {
  std::lock_guard lock(m_cancel_mutex);
  m_cancelled.insert(id.dump());
}

bool Server::is_cancelled(const json &id) {
  std::lock_guard lock(m_cancel_mutex);
  return m_cancelled.count(id.dump()) != 0;
}

void Server::handle_text(std::string_view body) {
  json message;
  try {
    message = json::parse(body);
  } catch (const json::exception &e) {
    m_sink(error_response(nullptr, k_parse_error, std::string("invalid JSON: ") + e.what()));
    return;
  }
  handle(message);
}

void Server::handle(const json &message) {
  if (!message.is_object()) {
    m_sink(error_response(nullptr, k_invalid_request, "a message must be a JSON object (batches are not used by LSP)"));
    return;
  }
  auto id_it = message.find("id");
  bool has_id = id_it != message.end();
  json id = has_id ? *id_it : json(nullptr);
  if (has_id && !id.is_string() && !id.is_number_integer()) {
    m_sink(error_response(nullptr, k_invalid_request, "`id` must be a string or an integer"));
    return;
  }
  auto method_it = message.find("method");
  if (method_it == message.end()) {
    if (has_id && (message.contains("result") || message.contains("error"))) return;  // a reply to us
    m_sink(error_response(id, k_invalid_request, "a request needs a `method`"));
    return;
  }
  auto version = message.find("jsonrpc");
  if (!method_it->is_string() || version == message.end() || *version != "2.0") {
    if (has_id) m_sink(error_response(id, k_invalid_request, "not a JSON-RPC 2.0 request (`jsonrpc`: \"2.0\", `method`: string)"));
    return;
  }
  const std::string method = *method_it;
  json params = message.value("params", json::object());
  if (params.is_null()) params = json::object();  // `"params": null` is how some clients say "none"
  if (!params.is_object() && !params.is_array()) {
    if (has_id) m_sink(error_response(id, k_invalid_request, "`params` must be an object or an array"));
    return;
  }

  if (!has_id) {
    try {
      notification(method, params);
    } catch (const std::exception &e) {
      // Notifications have no reply: say it in the client's log instead.
      m_sink({{"jsonrpc", "2.0"}, {"method", "window/logMessage"},
              {"params", {{"type", 1}, {"message", "msmigrate: " + method + ": " + e.what()}}}});
    }
    return;
  }

  auto forget = [&] {
    std::lock_guard lock(m_cancel_mutex);
    m_cancelled.erase(id.dump());
  };
  if (is_cancelled(id)) {
    forget();
    m_sink(error_response(id, k_request_cancelled, "request cancelled"));
    return;
  }
  json reply;
  try {
    reply = {{"jsonrpc", "2.0"}, {"id", id}, {"result", request(method, params)}};
  } catch (const RpcError &e) {
    reply = error_response(id, e.code, e.what());
  } catch (const json::exception &e) {
    reply = error_response(id, k_invalid_params, std::string("invalid params: ") + e.what());
  } catch (const std::exception &e) {
    reply = error_response(id, k_internal_error, e.what());
  }
  // Cancelled while it ran: the client has stopped waiting for the result.
  if (is_cancelled(id)) reply = error_response(id, k_request_cancelled, "request cancelled");
  forget();
  m_sink(reply);
}

json Server::request(const std::string &method, const json &params) {
  if (method == "initialize") {
    if (m_initialized) throw RpcError(k_invalid_request, "initialize was already received");
    return initialize(params);
  }
  if (!m_initialized) throw RpcError(k_server_not_initialized, "the server has not been initialized");
  if (m_shutdown) throw RpcError(k_invalid_request, "the server is shutting down");
  if (method == "shutdown") {
    m_shutdown = true;
    return nullptr;
  }
  if (method == "textDocument/codeAction") return code_action(params);
  if (method == "textDocument/formatting") return formatting(params);
  if (method == "textDocument/hover") return hover(params);
  if (method == "textDocument/documentSymbol") return document_symbol(params);
  if (method == "textDocument/definition") return definition(params);
  throw RpcError(k_method_not_found, "method not found: " + method);
}

void Server::notification(const std::string &method, const json &params) {
  if (method == "exit") {
    m_exit = true;
    return;
  }
  if (!m_initialized) return;  // LSP: notifications before initialize are dropped
  if (method == "$/cancelRequest") {
    cancel(params.at("id"));
  } else if (method == "$/msmigrate/shellcheckDone") {
    apply_shellcheck_done();
  } else if (method == "initialized") {
    if (m_watch_config_files) {
      // Ask to hear about configuration files changing (the reply needs nothing from us).
      json watchers = json::array({{{"globPattern", "**/.msmigrate.yaml"}}, {{"globPattern", "**/.hadolint.yaml"}}});
      m_sink({{"jsonrpc", "2.0"}, {"id", "msmigrate-watch-config"}, {"method", "client/registerCapability"},
              {"params", {{"registrations", {{{"id", "msmigrate-config-files"}, {"method", "workspace/didChangeWatchedFiles"},
                                              {"registerOptions", {{"watchers", watchers}}}}}}}}});
    }
  } else if (method == "textDocument/didOpen") {
    did_open(params);
  } else if (method == "textDocument/didChange") {
    did_change(params);
  } else if (method == "textDocument/didSave") {
    did_save(params);
  } else if (method == "textDocument/didClose") {
    did_close(params);
  } else if (method == "workspace/didChangeWatchedFiles" || method == "workspace/didChangeConfiguration") {
    // A configuration file may have changed: look every document's configuration up again.
    m_resolver = std::make_unique<lint::ConfigResolver>(std::nullopt);
    for (auto &[uri, d] : m_documents) {
      forget_config(d);
      publish(d);
    }
  }
  // Anything else (initialized, $/setTrace, unknown notifications) needs nothing.
}

json Server::initialize(const json &params) {
  m_initialized = true;
  if (auto watch = params.value("/capabilities/workspace/didChangeWatchedFiles/dynamicRegistration"_json_pointer, false);
      watch == true) {
    m_watch_config_files = true;
  }
  if (auto options = params.find("initializationOptions"); options != params.end() && options->is_object()) {
    if (auto debounce = options->find("debounceMs"); debounce != options->end() && debounce->is_number_unsigned())
      m_options.debounce = std::chrono::milliseconds(debounce->get<int64_t>());
  }
  json capabilities = {
      {"positionEncoding", "utf-16"},
      {"textDocumentSync", {{"openClose", true}, {"change", 2}, {"save", {{"includeText", false}}}}},
      {"codeActionProvider",
       {{"codeActionKinds", {"quickfix", k_fix_all_kind, "refactor.rewrite"}}, {"resolveProvider", false}}},
      {"documentFormattingProvider", true},
      {"hoverProvider", true},
      {"documentSymbolProvider", true},
      {"definitionProvider", true},
  };
  return {{"capabilities", capabilities}, {"serverInfo", {{"name", "msmigrate"}, {"version", msm::k_version}}}};
}

Server::OpenDocument &Server::document(const json &params) {
  const std::string uri = params.at("textDocument").at("uri").get<std::string>();
  auto it = m_documents.find(uri);
  if (it == m_documents.end()) throw RpcError(k_invalid_params, "document not open: " + uri);
  return it->second;
}

void Server::did_open(const json &params) {
  const json &item = params.at("textDocument");
  const std::string uri = item.at("uri").get<std::string>();
  OpenDocument d;
  d.uri = uri;
  if (auto path = uri_to_path(uri)) {
    d.path = *path;
    d.directory = fs::path(*path).parent_path();
  } else {
    d.path = uri;
  }
  d.version = item.value("version", int64_t{0});
  d.text = item.at("text").get<std::string>();
  auto &slot = m_documents[uri] = std::move(d);
  publish(slot);
}

void Server::did_change(const json &params) {
  OpenDocument &d = document(params);
  d.version = params.at("textDocument").value("version", d.version);
  for (const auto &change : params.at("contentChanges")) {
    std::string text = change.at("text").get<std::string>();
    if (!change.contains("range")) {
      d.text = std::move(text);
      d.pending_edits.clear();
      d.doc.reset();  // nothing to reuse: parse from scratch
      continue;
    }
    syntax::LineIndex lines(d.text);
    const json &range = change.at("range");
    uint32_t start = byte_offset(d.text, lines, range.at("start").at("line"), range.at("start").at("character"));
    uint32_t end = byte_offset(d.text, lines, range.at("end").at("line"), range.at("end").at("character"));
    if (end < start) std::swap(start, end);
    TSInputEdit e{};
    e.start_byte = start;
    e.old_end_byte = end;
    e.new_end_byte = start + static_cast<uint32_t>(text.size());
    e.start_point = point_of(lines, start);
    e.old_end_point = point_of(lines, end);
    e.new_end_point = point_after(e.start_point, text);
    d.text.replace(start, end - start, text);
    if (d.doc) d.pending_edits.push_back(e);
  }
  d.stale = true;
  d.due = Clock::now() + m_options.debounce;
}

void Server::forget_config(OpenDocument &d) {
  d.config.reset();
  d.config_error.clear();
  d.stale = true;
}

void Server::did_save(const json &params) {
  OpenDocument &d = document(params);
  // Clients without file watching still see a configuration edit once the Dockerfile is saved.
  m_resolver = std::make_unique<lint::ConfigResolver>(std::nullopt);
  forget_config(d);
  if (auto text = params.find("text"); text != params.end() && text->is_string() && *text != d.text) {
    d.text = text->get<std::string>();
    d.pending_edits.clear();
    d.doc.reset();
    d.stale = true;
  }
  publish(d);
}

void Server::did_close(const json &params) {
  const std::string uri = params.at("textDocument").at("uri").get<std::string>();
  if (m_documents.erase(uri)) {
    // Clear what the client shows for a file no longer open.
    m_sink({{"jsonrpc", "2.0"}, {"method", "textDocument/publishDiagnostics"},
            {"params", {{"uri", uri}, {"diagnostics", json::array()}}}});
  }
}

std::optional<Clock::time_point> Server::next_deadline() const {
  std::optional<Clock::time_point> next;
  for (const auto &[uri, d] : m_documents) {
    if (d.due && (!next || *d.due < *next)) next = d.due;
  }
  return next;
}

void Server::publish_due(Clock::time_point now) {
  for (auto &[uri, d] : m_documents) {
    if (d.due && *d.due <= now) publish(d);
  }
}

void Server::analyse(OpenDocument &d) {
  if (!d.config && d.config_error.empty()) {
    try {
      d.config = d.directory ? m_resolver->for_file(d.path) : std::make_shared<lint::Config>();
    } catch (const Error &e) {
      d.config_error = e.what();
    }
  }
  if (!d.stale) return;
  d.stale = false;
  d.diagnostics.clear();
  d.not_analysed.clear();
  if (d.text.size() > m_options.max_analysed_bytes) {
    d.doc.reset();
    d.not_analysed = "not analysed: the document has " + std::to_string(d.text.size()) + " bytes (limit " +
                     std::to_string(m_options.max_analysed_bytes) + ")";
  } else if (std::memchr(d.text.data(), '\0', d.text.size()) != nullptr) {
    d.doc.reset();
    d.not_analysed = "not analysed: the document holds binary data (NUL bytes)";
  }
  if (!d.not_analysed.empty()) {
    d.pending_edits.clear();
    return;
  }
  if (d.doc && !d.pending_edits.empty()) {
    d.doc = syntax::Document::reparse(*d.doc, d.text, d.pending_edits);
  } else if (!d.doc || d.doc->source() != d.text) {
    d.doc = syntax::Document::parse(d.text, d.path);
  }
  d.pending_edits.clear();
  if (!d.config) return;
  // ShellCheck's findings come from the cache only: a keystroke never waits for a process.
  std::vector<std::string> missed;
  lint::LintOptions options;
  options.shellcheck = lint::shellcheck::Mode::CachedOnly;
  options.shellcheck_missed = &missed;
  options.shellcheck_runner = m_options.shellcheck_runner;
  d.diagnostics = lint::lint_document(*d.doc, *d.config, d.directory, options);
  start_shellcheck(d.uri, std::move(missed));
}

void Server::publish(OpenDocument &d) {
  analyse(d);
  d.due.reset();
  json diagnostics = json::array();
  auto whole_start = json{{"start", {{"line", 0}, {"character", 0}}}, {"end", {{"line", 0}, {"character", 0}}}};
  if (!d.config_error.empty()) {
    diagnostics.push_back({{"range", whole_start}, {"severity", 1}, {"source", "msmigrate"},
                           {"message", "configuration error: " + d.config_error}});
  }
  if (!d.not_analysed.empty()) {
    diagnostics.push_back({{"range", whole_start}, {"severity", 3}, {"source", "msmigrate"}, {"message", d.not_analysed}});
  }
  for (const auto &diag : d.diagnostics) diagnostics.push_back(diagnostic_json(d, diag));
  m_sink({{"jsonrpc", "2.0"}, {"method", "textDocument/publishDiagnostics"},
          {"params", {{"uri", d.uri}, {"version", d.version}, {"diagnostics", std::move(diagnostics)}}}});
}

json Server::diagnostic_json(const OpenDocument &d, const lint::Diagnostic &diag) const {
  const auto &lines = d.doc->lines();
  json out = {{"range", range_json(lines, diag.range.start, diag.range.end)},
              {"severity", lsp_severity(diag.severity)},
              {"code", diag.rule->code},
              {"codeDescription", {{"href", lint::Registry::instance().docs_url(*diag.rule)}}},
              {"source", "msmigrate"},
              {"message", diag.message}};
  if (!diag.related.empty()) {
    json related = json::array();
    for (const auto &r : diag.related) {
      related.push_back({{"location", {{"uri", d.uri}, {"range", range_json(lines, r.range.start, r.range.end)}}},
                         {"message", r.message}});
    }
    out["relatedInformation"] = std::move(related);
  }
  // Clients grey out what is unnecessary and strike through what is deprecated.
  const std::string &code = diag.rule->code;
  if (code == "MSM3001" || code == "MSM9001") out["tags"] = {1};
  if (code == "MSM1012") out["tags"] = {2};
  return out;
}

json Server::text_edits_json(const OpenDocument &d, const std::vector<edit::TextEdit> &edits) const {
  json out = json::array();
  for (const auto &e : edits) {
    out.push_back({{"range", range_json(d.doc->lines(), e.start, e.end)}, {"newText", e.content}});
  }
  return out;
}

json Server::workspace_edit(const OpenDocument &d, const std::vector<edit::TextEdit> &edits) const {
  return {{"changes", {{d.uri, text_edits_json(d, edits)}}}};
}

uint32_t Server::offset_of(const OpenDocument &d, const json &position) const {
  return byte_offset(d.doc->source(), d.doc->lines(), position.at("line"), position.at("character"));
}

json Server::code_action(const json &params) {
  OpenDocument &d = document(params);
  analyse(d);
  json actions = json::array();
  if (!d.doc) return actions;
  uint32_t start = offset_of(d, params.at("range").at("start"));
  uint32_t end = offset_of(d, params.at("range").at("end"));
  std::vector<std::string> only;
  // The client's diagnostics for the request (usually the cursor line's): ours among them count
  // even when the range, often just the cursor, does not touch them.
  std::set<std::pair<std::string, std::string>> listed;  // (code, range JSON)
  if (auto context = params.find("context"); context != params.end()) {
    if (auto o = context->find("only"); o != context->end()) only = o->get<std::vector<std::string>>();
    if (auto ds = context->find("diagnostics"); ds != context->end() && ds->is_array()) {
      for (const auto &cd : *ds) {
        if (cd.is_object() && cd.contains("code") && cd.contains("range"))
          listed.emplace(cd["code"].is_string() ? cd["code"].get<std::string>() : cd["code"].dump(), cd["range"].dump());
      }
    }
  }
  auto wanted = [&](std::string_view kind) {
    if (only.empty()) return true;
    return std::any_of(only.begin(), only.end(), [&](const std::string &k) {
      return kind == k || (kind.size() > k.size() && kind.substr(0, k.size()) == k && kind[k.size()] == '.');
    });
  };

  bool any_safe_fix = false;
  for (const auto &diag : d.diagnostics) {
    if (diag.fix && diag.fix->applicability == edit::Applicability::Safe) any_safe_fix = true;
    if (!wanted("quickfix")) continue;
    json diagnostic = diagnostic_json(d, diag);
    bool touched = diag.range.start <= end && diag.range.end >= start;
    if (!touched && !listed.count({diag.rule->code, diagnostic["range"].dump()})) continue;
    if (diag.fix && !diag.fix->edits.empty()) {
      bool safe = diag.fix->applicability == edit::Applicability::Safe;
      std::string title = diag.fix->title;
      if (diag.fix->applicability == edit::Applicability::Unsafe) title += " (unsafe)";
      actions.push_back({{"title", title}, {"kind", "quickfix"}, {"diagnostics", {diagnostic}},
                         {"isPreferred", safe}, {"edit", workspace_edit(d, diag.fix->edits)}});
    }
    if (const syntax::Instruction *ins = instruction_containing(*d.doc, diag.range.start)) {
      actions.push_back({{"title", "Ignore " + diag.rule->code + " (" + diag.rule->name + ") for this instruction"},
                         {"kind", "quickfix"},
                         {"diagnostics", {diagnostic}},
                         {"edit", workspace_edit(d, {ignore_edit(*d.doc, *ins, diag.rule->code)})}});
    }
  }
  if (any_safe_fix && wanted(k_fix_all_kind) && d.config) {
    auto fixed = lint::fix_source(d.text, d.path, *d.config, d.directory, edit::Applicability::Safe);
    if (fixed.text != d.text) {
      actions.push_back({{"title", "Fix all safe problems (msmigrate)"}, {"kind", k_fix_all_kind},
                         {"edit", workspace_edit(d, {minimal_edit(d.text, fixed.text)})}});
    }
  }
  if (wanted("refactor.rewrite")) {
    auto named = refactor::name_stages(*d.doc);
    if (!named.fix.edits.empty()) {
      actions.push_back({{"title", "Name the stages referenced by index"}, {"kind", "refactor.rewrite"},
                         {"edit", workspace_edit(d, named.fix.edits)}});
    }
    auto reordered = refactor::reorder_copies(*d.doc);
    if (!reordered.fix.edits.empty()) {
      actions.push_back({{"title", "Move volatile COPYs after the package installs"}, {"kind", "refactor.rewrite"},
                         {"edit", workspace_edit(d, reordered.fix.edits)}});
    }
  }
  return actions;
}

json Server::formatting(const json &params) {
  OpenDocument &d = document(params);
  analyse(d);
  // The editor's tabSize/insertSpaces are not used: the project's `format:` settings are, so a
  // file formats the same in every editor, in `msmigrate fmt` and in CI.
  if (!d.doc) throw RpcError(k_request_failed, "not formatted: " + d.not_analysed);
  if (!d.config) throw RpcError(k_request_failed, "not formatted: configuration error: " + d.config_error);
  try {
    auto options = formatter::options_from_config(d.config->format_section, d.config->source);
    return text_edits_json(d, formatter::format_document(*d.doc, options).edits);
  } catch (const Error &e) {
    // Formatting refused (a parse problem, or a result BuildKit would read differently).
    throw RpcError(k_request_failed, e.what());
  }
}

json Server::hover(const json &params) {
  OpenDocument &d = document(params);
  analyse(d);
  if (!d.doc) return nullptr;
  uint32_t at = offset_of(d, params.at("position"));
  std::vector<std::string> parts;
  std::optional<syntax::Range> range;
  auto on = [&](syntax::Range r) { return r.start <= at && at < r.end; };
  for (const auto &ins : d.doc->instructions()) {
    for (const syntax::Instruction *i = &ins; i; i = i->trigger.get()) {
      if (on(i->keyword_range)) {
        auto text = instruction_reference(i->kind);
        if (!text.empty()) {
          parts.emplace_back(text);
          range = i->keyword_range;
        }
      }
    }
  }
  // A rule named in a suppression comment.
  for (const auto &c : d.doc->comments()) {
    if (!on(c.range)) continue;
    std::string_view word = word_at(d.doc->source(), at);
    if (const lint::Rule *rule = word.empty() ? nullptr : lint::Registry::instance().find(word)) {
      parts.push_back(rule_docs_markdown(*rule));
      uint32_t word_start = static_cast<uint32_t>(word.data() - d.doc->source().data());
      range = syntax::Range{word_start, word_start + static_cast<uint32_t>(word.size())};
    }
  }
  std::set<const lint::Rule *> shown;
  for (const auto &diag : d.diagnostics) {
    bool inside = on(diag.range) || (diag.range.start == diag.range.end && at == diag.range.start);
    if (!inside || !shown.insert(diag.rule).second) continue;
    parts.push_back(diag.message + "\n\n" + rule_docs_markdown(*diag.rule));
  }
  if (parts.empty()) return nullptr;
  std::string value;
  for (const auto &p : parts) value += (value.empty() ? "" : "\n\n---\n\n") + p;
  json out = {{"contents", {{"kind", "markdown"}, {"value", value}}}};
  if (range) out["range"] = range_json(d.doc->lines(), range->start, range->end);
  return out;
}

json Server::document_symbol(const json &params) {
  OpenDocument &d = document(params);
  analyse(d);
  json symbols = json::array();
  if (!d.doc) return symbols;
  const auto &lines = d.doc->lines();
  const auto &instructions = d.doc->instructions();
  auto instruction_symbol = [&](const syntax::Instruction &ins) {
    std::string name = ins.keyword.empty() ? "?" : ins.keyword;
    for (auto &ch : name) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
    bool variable = ins.is(syntax::InstructionKind::Arg) || ins.is(syntax::InstructionKind::Env);
    return json{{"name", name}, {"detail", symbol_detail(ins)}, {"kind", variable ? 13 : 12},
                {"range", range_json(lines, ins.range.start, ins.range.end)},
                {"selectionRange", range_json(lines, ins.keyword_range.start, ins.keyword_range.end)}};
  };
  analysis::StageGraph graph(*d.doc);
  for (size_t i = 0; i < graph.global_end() && i < instructions.size(); ++i) symbols.push_back(instruction_symbol(instructions[i]));
  for (const auto &stage : graph.stages()) {
    const auto &from = instructions[stage.from_instruction];
    uint32_t stage_end = instructions[std::max(stage.end_instruction, stage.from_instruction + 1) - 1].range.end;
    json children = json::array();
    for (size_t i = stage.from_instruction + 1; i < stage.end_instruction; ++i) children.push_back(instruction_symbol(instructions[i]));
    syntax::Range selection = stage.name.empty() ? from.keyword_range : stage.name_range;
    symbols.push_back({{"name", stage.name.empty() ? "stage " + std::to_string(stage.index) : stage.name},
                       {"detail", "FROM " + stage.base},
                       {"kind", 5},  // Class
                       {"range", range_json(lines, from.range.start, stage_end)},
                       {"selectionRange", range_json(lines, selection.start, selection.end)},
                       {"children", std::move(children)}});
  }
  return symbols;
}

json Server::definition(const json &params) {
  OpenDocument &d = document(params);
  analyse(d);
  if (!d.doc) return nullptr;
  uint32_t at = offset_of(d, params.at("position"));
  analysis::StageGraph graph(*d.doc);
  for (const auto &stage : graph.stages()) {
    for (const auto &dep : stage.dependencies) {
      if (!dep.stage || at < dep.range.start || at > dep.range.end) continue;
      const auto &target = graph.stages()[*dep.stage];
      syntax::Range r = target.name.empty() ? d.doc->instructions()[target.from_instruction].line_range : target.name_range;
      return {{"uri", d.uri}, {"range", range_json(d.doc->lines(), r.start, r.end)}};
    }
  }
  return nullptr;
}

}  // namespace msm::lsp
