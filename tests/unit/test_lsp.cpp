// The language server driven in-process through scripted JSON-RPC sessions: every request and
// notification it serves, malformed input, cancellation, limits; and the framing layer.

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <tuple>

#include <unistd.h>

#include "formatter/format.h"
#include "lsp/protocol.h"
#include "lsp/server.h"
#include "lsp/stdio.h"

using msm::lsp::json;
namespace fs = std::filesystem;

namespace {

struct Session {
  std::vector<json> out;
  msm::lsp::Server server{[this](const json &m) { out.push_back(m); }};

  explicit Session(bool initialize = true) {
    if (initialize) {
      call("initialize", {{"capabilities", json::object()}});
      notify("initialized", json::object());
    }
  }
  json call(const std::string &method, const json &params, json id = 1) {
    out.clear();
    server.handle({{"jsonrpc", "2.0"}, {"id", id}, {"method", method}, {"params", params}});
    for (const auto &m : out) {
      if (m.contains("id") && m["id"] == id && !m.contains("method")) return m;
    }
    FAIL("no response to " << method);
    return {};
  }
  void notify(const std::string &method, const json &params) {
    server.handle({{"jsonrpc", "2.0"}, {"method", method}, {"params", params}});
  }
  std::vector<json> published() {
    std::vector<json> found;
    for (const auto &m : out) {
      if (m.value("method", "") == "textDocument/publishDiagnostics") found.push_back(m["params"]);
    }
    out.clear();
    return found;
  }
  json open(const std::string &uri, const std::string &text) {
    out.clear();
    notify("textDocument/didOpen", {{"textDocument", {{"uri", uri}, {"languageId", "dockerfile"}, {"version", 1}, {"text", text}}}});
    auto p = published();
    REQUIRE(p.size() == 1);
    return p[0];
  }
};

json pos(int line, int character) { return {{"line", line}, {"character", character}}; }
json range(int l1, int c1, int l2, int c2) { return {{"start", pos(l1, c1)}, {"end", pos(l2, c2)}}; }
json doc_id(const std::string &uri) { return {{"uri", uri}}; }

const json *find_code(const json &diagnostics, const std::string &code) {
  for (const auto &d : diagnostics) {
    if (d.value("code", "") == code) return &d;
  }
  return nullptr;
}

// Applies LSP TextEdits (non-overlapping, as the server promises) to `text`.
std::string apply_lsp_edits(const std::string &text, json edits) {
  msm::syntax::LineIndex lines(text);
  std::vector<std::tuple<uint32_t, uint32_t, std::string>> byte_edits;
  for (const auto &e : edits) {
    auto s = msm::lsp::byte_offset(text, lines, e["range"]["start"]["line"], e["range"]["start"]["character"]);
    auto t = msm::lsp::byte_offset(text, lines, e["range"]["end"]["line"], e["range"]["end"]["character"]);
    byte_edits.emplace_back(s, t, e["newText"].get<std::string>());
  }
  std::sort(byte_edits.begin(), byte_edits.end(), [](auto &a, auto &b) { return std::get<0>(a) > std::get<0>(b); });
  std::string out = text;
  for (auto &[s, t, n] : byte_edits) out.replace(s, t - s, n);
  return out;
}

const json *action_titled(const json &actions, const std::string &prefix) {
  for (const auto &a : actions) {
    if (a["title"].get<std::string>().rfind(prefix, 0) == 0) return &a;
  }
  return nullptr;
}

}  // namespace

TEST_CASE("lsp framing: Content-Length frames, junk headers, bad lengths and the end of input") {
  std::string body1 = R"({"jsonrpc":"2.0","method":"a"})";
  std::string body2 = R"({"x":"é"})";
  std::stringstream in;
  in << "Content-Length: " << body1.size() << "\r\nContent-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n" << body1
     << "\r\n"                                             // a stray line break between messages
     << "Content-Type: text/plain\r\n\r\n"                 // no Content-Length
     << "Content-Length: 12x\r\n\r\n"                      // not a number
     << "garbage line\r\ncontent-length: " << body2.size() << "\r\n\r\n" << body2
     << "Content-Length: 99999999999\r\n\r\n"              // over the limit: skipped unread
     ;
  msm::lsp::FrameReader reader(in);
  auto f = reader.next();
  CHECK(f.kind == msm::lsp::Frame::Kind::Message);
  CHECK(f.body == body1);
  f = reader.next();
  CHECK(f.kind == msm::lsp::Frame::Kind::BadHeader);
  CHECK(f.detail == "missing Content-Length header");
  f = reader.next();
  CHECK(f.kind == msm::lsp::Frame::Kind::BadHeader);
  CHECK(f.detail.find("invalid Content-Length") != std::string::npos);
  f = reader.next();
  CHECK(f.kind == msm::lsp::Frame::Kind::Message);  // junk lines do not hide a valid length
  CHECK(f.body == body2);
  f = reader.next();
  CHECK(f.kind == msm::lsp::Frame::Kind::TooLarge);
  CHECK(reader.next().kind == msm::lsp::Frame::Kind::End);

  std::stringstream truncated("Content-Length: 10\r\n\r\n{\"a\"");
  msm::lsp::FrameReader short_reader(truncated);
  CHECK(short_reader.next().kind == msm::lsp::Frame::Kind::End);

  std::ostringstream out;
  msm::lsp::write_frame(out, json{{"k", "é"}});
  CHECK(out.str() == "Content-Length: 10\r\n\r\n{\"k\":\"é\"}");
}

TEST_CASE("lsp positions: UTF-16 characters <-> bytes, clamping; file URIs") {
  std::string text = "aé😀b\nx\n";  // é: 2 bytes / 1 unit; 😀: 4 bytes / 2 units
  msm::syntax::LineIndex lines(text);
  CHECK(msm::lsp::byte_offset(text, lines, 0, 0) == 0);
  CHECK(msm::lsp::byte_offset(text, lines, 0, 2) == 3);
  CHECK(msm::lsp::byte_offset(text, lines, 0, 4) == 7);
  CHECK(msm::lsp::byte_offset(text, lines, 0, 5) == 8);
  CHECK(msm::lsp::byte_offset(text, lines, 0, 99) == 8);  // clamps to the line's end
  CHECK(msm::lsp::byte_offset(text, lines, 1, 1) == 10);
  CHECK(msm::lsp::byte_offset(text, lines, 7, 0) == text.size());
  CHECK(msm::lsp::position_json(lines, 7) == pos(0, 4));
  CHECK(msm::lsp::position_json(lines, 10) == pos(1, 1));
  CHECK(msm::lsp::uri_to_path("file:///tmp/a%20b/Dockerfile") == "/tmp/a b/Dockerfile");
  CHECK(msm::lsp::uri_to_path("file://localhost/etc/x") == "/etc/x");
  CHECK(!msm::lsp::uri_to_path("untitled:Untitled-1"));
  CHECK(msm::lsp::path_to_uri("/tmp/a b/é") == "file:///tmp/a%20b/%C3%A9");
}

TEST_CASE("lsp lifecycle: initialize capabilities, not-initialized, shutdown and exit codes") {
  Session fresh(false);
  auto r = fresh.call("textDocument/hover", {{"textDocument", doc_id("file:///x")}, {"position", pos(0, 0)}});
  CHECK(r["error"]["code"] == msm::lsp::k_server_not_initialized);
  r = fresh.call("initialize", {{"capabilities", json::object()}, {"initializationOptions", {{"debounceMs", 5}}}});
  auto caps = r["result"]["capabilities"];
  CHECK(caps["textDocumentSync"]["change"] == 2);
  CHECK(caps["hoverProvider"] == true);
  CHECK(caps["documentSymbolProvider"] == true);
  CHECK(caps["definitionProvider"] == true);
  CHECK(caps["documentFormattingProvider"] == true);
  CHECK(caps["codeActionProvider"]["codeActionKinds"].size() == 3);
  CHECK(fresh.call("initialize", json::object())["error"]["code"] == msm::lsp::k_invalid_request);
  CHECK(fresh.call("shutdown", nullptr)["result"].is_null());
  CHECK(fresh.call("textDocument/documentSymbol", {{"textDocument", doc_id("file:///x")}})["error"]["code"] ==
        msm::lsp::k_invalid_request);
  CHECK(!fresh.server.exit_requested());
  fresh.notify("exit", json::object());
  CHECK(fresh.server.exit_requested());
  CHECK(fresh.server.exit_code() == 0);

  Session abrupt;
  abrupt.notify("exit", nullptr);
  CHECK(abrupt.server.exit_code() == 1);  // exit without shutdown
}

TEST_CASE("lsp malformed messages get JSON-RPC errors; unknown notifications are ignored") {
  Session s;
  s.out.clear();
  s.server.handle_text("{not json");
  REQUIRE(s.out.size() == 1);
  CHECK(s.out[0]["error"]["code"] == msm::lsp::k_parse_error);
  CHECK(s.out[0]["id"].is_null());
  s.out.clear();
  s.server.handle_text("[1,2]");
  CHECK(s.out.at(0)["error"]["code"] == msm::lsp::k_invalid_request);
  s.out.clear();
  s.server.handle_text(R"({"jsonrpc":"2.0","id":3})");
  CHECK(s.out.at(0)["error"]["code"] == msm::lsp::k_invalid_request);
  CHECK(s.out.at(0)["id"] == 3);
  s.out.clear();
  s.server.handle_text(R"({"jsonrpc":"2.0","id":{"a":1},"method":"shutdown"})");
  CHECK(s.out.at(0)["error"]["code"] == msm::lsp::k_invalid_request);
  s.out.clear();
  s.server.handle_text(R"({"jsonrpc":"1.0","id":4,"method":"shutdown"})");
  CHECK(s.out.at(0)["error"]["code"] == msm::lsp::k_invalid_request);
  s.out.clear();
  s.server.handle_text(R"({"jsonrpc":"2.0","id":5,"method":"shutdown","params":7})");
  CHECK(s.out.at(0)["error"]["code"] == msm::lsp::k_invalid_request);
  CHECK(s.call("textDocument/noSuchThing", json::object())["error"]["code"] == msm::lsp::k_method_not_found);
  CHECK(s.call("$/noSuchRequest", json::object())["error"]["code"] == msm::lsp::k_method_not_found);
  // Wrong or missing params: InvalidParams, and the server goes on.
  CHECK(s.call("textDocument/hover", {{"textDocument", doc_id("file:///nope")}, {"position", pos(0, 0)}})["error"]["code"] ==
        msm::lsp::k_invalid_params);
  s.open("file:///w/Dockerfile", "FROM alpine:3\n");
  CHECK(s.call("textDocument/hover", {{"textDocument", doc_id("file:///w/Dockerfile")}})["error"]["code"] ==
        msm::lsp::k_invalid_params);
  CHECK(s.call("textDocument/hover", {{"textDocument", doc_id("file:///w/Dockerfile")}, {"position", "x"}})["error"]["code"] ==
        msm::lsp::k_invalid_params);
  s.out.clear();
  s.notify("$/setTrace", {{"value", "off"}});
  s.notify("custom/whatever", {{"a", 1}});
  s.server.handle_text(R"({"jsonrpc":"2.0","method":"custom/none"})");
  CHECK(s.out.empty());
  // A broken notification cannot be answered; it is logged to the client.
  s.notify("textDocument/didChange", {{"textDocument", doc_id("file:///w/Dockerfile")}});
  REQUIRE(s.out.size() == 1);
  CHECK(s.out[0]["method"] == "window/logMessage");
  // Replies to requests the server never sent are ignored.
  s.out.clear();
  s.server.handle_text(R"({"jsonrpc":"2.0","id":77,"result":null})");
  CHECK(s.out.empty());
  CHECK(s.call("shutdown", nullptr)["result"].is_null());
}

TEST_CASE("lsp cancellation: a cancelled request answers RequestCancelled, others are unaffected") {
  Session s;
  s.open("file:///w/Dockerfile", "FROM alpine:3\n");
  s.notify("$/cancelRequest", {{"id", 9}});
  auto r = s.call("textDocument/documentSymbol", {{"textDocument", doc_id("file:///w/Dockerfile")}}, 9);
  CHECK(r["error"]["code"] == msm::lsp::k_request_cancelled);
  r = s.call("textDocument/documentSymbol", {{"textDocument", doc_id("file:///w/Dockerfile")}}, 10);
  CHECK(r["result"].size() == 1);
  s.server.cancel("abc");  // as the stdio reader thread does
  r = s.call("textDocument/documentSymbol", {{"textDocument", doc_id("file:///w/Dockerfile")}}, "abc");
  CHECK(r["error"]["code"] == msm::lsp::k_request_cancelled);
  // The id is forgotten once answered: reusing it later works.
  r = s.call("textDocument/documentSymbol", {{"textDocument", doc_id("file:///w/Dockerfile")}}, "abc");
  CHECK(r.contains("result"));
}

TEST_CASE("lsp diagnostics: exact UTF-16 ranges, severity, code, docs link, source; debounced changes") {
  Session s;
  std::string text = "FROM alpine:3.19 AS Build\nLABEL x=\"😀\" y=1\nEXPOSE 80/TCP\n";
  auto p = s.open("file:///w/Dockerfile", text);
  CHECK(p["version"] == 1);
  const json *casing = find_code(p["diagnostics"], "MSM1006");
  REQUIRE(casing);
  CHECK((*casing)["range"] == range(0, 20, 0, 25));
  CHECK((*casing)["severity"] == 2);
  CHECK((*casing)["source"] == "msmigrate");
  CHECK((*casing)["codeDescription"]["href"].get<std::string>().find("rules/MSM1006-stage-name-casing.yaml") != std::string::npos);
  const json *proto = find_code(p["diagnostics"], "MSM1023");
  REQUIRE(proto);
  CHECK((*proto)["range"]["start"]["line"] == 2);

  // Incremental change: `EXPOSE 80/TCP` -> `EXPOSE 80/tcp`, then a line with an emoji before a
  // finding to check UTF-16 columns after an edit.
  s.out.clear();
  s.notify("textDocument/didChange",
           {{"textDocument", {{"uri", "file:///w/Dockerfile"}, {"version", 2}}},
            {"contentChanges", {{{"range", range(2, 10, 2, 13)}, {"text", "tcp"}},
                                {{"range", range(1, 9, 1, 11)}, {"text", "😀😀"}},
                                {{"range", range(3, 0, 3, 0)}, {"text", "EXPOSE 1/UDP\n"}}}}});
  CHECK(s.published().empty());  // debounced
  REQUIRE(s.server.next_deadline());
  s.server.publish_due(*s.server.next_deadline());
  auto after = s.published();
  REQUIRE(after.size() == 1);
  CHECK(after[0]["version"] == 2);
  CHECK(!s.server.next_deadline());
  std::vector<json> protos;
  for (const auto &d : after[0]["diagnostics"]) {
    if (d["code"] == "MSM1023") protos.push_back(d);
  }
  REQUIRE(protos.size() == 1);
  CHECK(protos[0]["range"]["start"]["line"] == 3);

  // The incremental reparse agrees with opening the same text from scratch.
  std::string expected = "FROM alpine:3.19 AS Build\nLABEL x=\"😀😀\" y=1\nEXPOSE 80/tcp\nEXPOSE 1/UDP\n";
  Session fresh;
  auto full = fresh.open("file:///w/Dockerfile", expected);
  CHECK(full["diagnostics"] == after[0]["diagnostics"]);

  // Save publishes at once; close clears.
  s.notify("textDocument/didChange", {{"textDocument", {{"uri", "file:///w/Dockerfile"}, {"version", 3}}},
                                       {"contentChanges", {{{"text", "FROM alpine:3.19\n"}}}}});
  s.notify("textDocument/didSave", {{"textDocument", doc_id("file:///w/Dockerfile")}});
  auto saved = s.published();
  REQUIRE(saved.size() == 1);
  CHECK(saved[0]["version"] == 3);
  CHECK(saved[0]["diagnostics"].empty());
  s.notify("textDocument/didClose", {{"textDocument", doc_id("file:///w/Dockerfile")}});
  auto closed = s.published();
  REQUIRE(closed.size() == 1);
  CHECK(closed[0]["diagnostics"].empty());
}

TEST_CASE("lsp diagnostics carry relatedInformation where the finding refers to another place") {
  Session s;
  auto p = s.open("file:///w/Dockerfile", "FROM alpine:3 AS app\nFROM alpine:3 AS app\n");
  const json *dup = find_code(p["diagnostics"], "MSM1009");
  REQUIRE(dup);
  REQUIRE(dup->contains("relatedInformation"));
  const json &rel = (*dup)["relatedInformation"][0];
  CHECK(rel["location"]["uri"] == "file:///w/Dockerfile");
  CHECK(rel["location"]["range"] == range(0, 17, 0, 20));
  CHECK(rel["message"].get<std::string>().find("first definition") != std::string::npos);
}

TEST_CASE("lsp configuration is discovered upward from the file; a broken one is reported") {
  fs::path dir = fs::temp_directory_path() / ("msm-lsp-config-" + std::to_string(::getpid()));
  fs::create_directories(dir / "sub");
  std::ofstream(dir / ".hadolint.yaml") << "ignored: [MSM1006]\n";
  Session s;
  std::string uri = msm::lsp::path_to_uri((dir / "sub" / "Dockerfile").string());
  auto p = s.open(uri, "FROM alpine:3.19 AS Build\n");
  CHECK(!find_code(p["diagnostics"], "MSM1006"));
  std::ofstream(dir / ".msmigrate.yaml") << "ignored: [NoSuchRule]\n";
  s.out.clear();
  s.notify("workspace/didChangeWatchedFiles", {{"changes", json::array()}});
  auto again = s.published();
  REQUIRE(again.size() == 1);
  REQUIRE(!again[0]["diagnostics"].empty());
  CHECK(again[0]["diagnostics"][0]["severity"] == 1);
  CHECK(again[0]["diagnostics"][0]["message"].get<std::string>().find(".msmigrate.yaml") != std::string::npos);
  // Saving the Dockerfile looks the configuration up again too (clients without file watching).
  std::ofstream(dir / ".msmigrate.yaml") << "ignored: [MSM1006]\n";
  s.notify("textDocument/didSave", {{"textDocument", doc_id(uri)}});
  auto saved = s.published();
  REQUIRE(saved.size() == 1);
  CHECK(saved[0]["diagnostics"].empty());
  fs::remove_all(dir);

  // A client able to watch files is asked to watch the configuration files.
  Session watching(false);
  watching.call("initialize", {{"capabilities", {{"workspace", {{"didChangeWatchedFiles", {{"dynamicRegistration", true}}}}}}}});
  watching.out.clear();
  watching.notify("initialized", json::object());
  REQUIRE(watching.out.size() == 1);
  CHECK(watching.out[0]["method"] == "client/registerCapability");
  CHECK(watching.out[0]["params"]["registrations"][0]["registerOptions"]["watchers"].size() == 2);
  watching.out.clear();
  watching.server.handle({{"jsonrpc", "2.0"}, {"id", "msmigrate-watch-config"}, {"result", nullptr}});
  CHECK(watching.out.empty());
}

TEST_CASE("lsp code actions: fixes (safe preferred), ignore comments, fix-all, refactors, `only`") {
  Session s;
  std::string uri = "file:///w/Dockerfile";
  std::string text = "FROM golang:1.22\nRUN go build -o /app .\n\nFROM alpine:3.19 AS Runtime\n  EXPOSE 80/TCP\nCOPY --from=0 /app /app\n";
  auto p = s.open(uri, text);
  REQUIRE(find_code(p["diagnostics"], "MSM1023"));
  auto r = s.call("textDocument/codeAction", {{"textDocument", doc_id(uri)}, {"range", range(4, 12, 4, 12)},
                                             {"context", {{"diagnostics", json::array()}}}});
  auto actions = r["result"];
  const json *fix = nullptr;
  for (const auto &a : actions) {
    if (a["kind"] == "quickfix" && a.contains("isPreferred") && a["isPreferred"] == true) fix = &a;
  }
  REQUIRE(fix);
  CHECK((*fix)["diagnostics"][0]["code"] == "MSM1023");
  std::string fixed = apply_lsp_edits(text, (*fix)["edit"]["changes"][uri]);
  CHECK(fixed.find("EXPOSE 80/tcp") != std::string::npos);

  const json *ignore = action_titled(actions, "Ignore MSM1023");
  REQUIRE(ignore);
  std::string ignored = apply_lsp_edits(text, (*ignore)["edit"]["changes"][uri]);
  CHECK(ignored.find("Runtime\n  # msmigrate ignore=MSM1023\n  EXPOSE 80/TCP\n") != std::string::npos);
  // The inserted comment really suppresses it.
  Session check;
  auto reopened = check.open(uri, ignored);
  CHECK(!find_code(reopened["diagnostics"], "MSM1023"));
  CHECK(find_code(reopened["diagnostics"], "MSM1006"));

  // Another line: a new comment above it.
  auto on_name = check.call("textDocument/codeAction", {{"textDocument", doc_id(uri)}, {"range", range(3, 21, 3, 21)},
                                                        {"context", {{"diagnostics", json::array()}}}});
  const json *above = action_titled(on_name["result"], "Ignore MSM1006");
  REQUIRE(above);
  CHECK(apply_lsp_edits(ignored, (*above)["edit"]["changes"][uri]).find("Runtime\n  # msmigrate ignore=MSM1023\n") !=
        std::string::npos);
  CHECK(apply_lsp_edits(ignored, (*above)["edit"]["changes"][uri]).find("\n# msmigrate ignore=MSM1006\nFROM alpine:3.19 AS Runtime") !=
        std::string::npos);

  // A second code on an instruction that already has a comment joins its list.
  Session join;
  std::string jtext = "FROM alpine:3.19\n# msmigrate ignore=MSM1007  # why\nFROM alpine:3.19 as Build\n";
  auto jp = join.open(uri, jtext);
  REQUIRE(find_code(jp["diagnostics"], "MSM1006"));
  auto jr = join.call("textDocument/codeAction", {{"textDocument", doc_id(uri)}, {"range", range(2, 21, 2, 21)},
                                                  {"context", {{"diagnostics", json::array()}}}});
  const json *joined = action_titled(jr["result"], "Ignore MSM1006");
  REQUIRE(joined);
  std::string both = apply_lsp_edits(jtext, (*joined)["edit"]["changes"][uri]);
  CHECK(both == "FROM alpine:3.19\n# msmigrate ignore=MSM1007,MSM1006  # why\nFROM alpine:3.19 as Build\n");
  Session after_join;
  CHECK(!find_code(after_join.open(uri, both)["diagnostics"], "MSM1006"));

  // fix-all applies every safe fix; refactors name stage 0.
  const json *fix_all = nullptr;
  const json *name_stages = nullptr;
  for (const auto &a : actions) {
    if (a["kind"] == "source.fixAll.msmigrate") fix_all = &a;
    if (a["kind"] == "refactor.rewrite" && a["title"].get<std::string>().find("Name the stages") != std::string::npos)
      name_stages = &a;
  }
  REQUIRE(fix_all);
  std::string all = apply_lsp_edits(text, (*fix_all)["edit"]["changes"][uri]);
  CHECK(all.find("EXPOSE 80/tcp") != std::string::npos);
  CHECK(all.find("AS runtime") != std::string::npos);
  REQUIRE(name_stages);
  std::string named = apply_lsp_edits(text, (*name_stages)["edit"]["changes"][uri]);
  CHECK(named.find("FROM golang:1.22 AS build\n") != std::string::npos);
  CHECK(named.find("COPY --from=build /app /app") != std::string::npos);

  auto only = s.call("textDocument/codeAction", {{"textDocument", doc_id(uri)}, {"range", range(4, 12, 4, 12)},
                                                {"context", {{"diagnostics", json::array()}, {"only", {"source.fixAll"}}}}});
  REQUIRE(only["result"].size() == 1);
  CHECK(only["result"][0]["kind"] == "source.fixAll.msmigrate");

  // The file's own spelling: hadolint comments elsewhere mean a hadolint comment here.
  Session h;
  std::string htext = "# hadolint ignore=DL3008\nFROM alpine:3.19\nEXPOSE 80/TCP\n";
  h.open(uri, htext);
  auto hr = h.call("textDocument/codeAction", {{"textDocument", doc_id(uri)}, {"range", range(2, 0, 2, 13)},
                                              {"context", {{"diagnostics", json::array()}}}});
  const json *hig = action_titled(hr["result"], "Ignore MSM1023");
  REQUIRE(hig);
  CHECK(apply_lsp_edits(htext, (*hig)["edit"]["changes"][uri]).find("# hadolint ignore=MSM1023\nEXPOSE") != std::string::npos);
}

TEST_CASE("lsp code action: reorder COPYs as a refactor") {
  Session s;
  std::string uri = "file:///w/Dockerfile";
  std::string text = "FROM debian:12\nCOPY index.html /srv/\nRUN apt-get update && apt-get install -y nginx\n";
  s.open(uri, text);
  auto r = s.call("textDocument/codeAction", {{"textDocument", doc_id(uri)}, {"range", range(0, 0, 0, 0)},
                                             {"context", {{"diagnostics", json::array()}, {"only", {"refactor"}}}}});
  const json *reorder = action_titled(r["result"], "Move volatile COPYs");
  REQUIRE(reorder);
  CHECK(apply_lsp_edits(text, (*reorder)["edit"]["changes"][uri]) ==
        "FROM debian:12\nRUN apt-get update && apt-get install -y nginx\nCOPY index.html /srv/\n");
}

TEST_CASE("lsp hover: instruction keywords, diagnostics and codes in suppression comments") {
  Session s;
  std::string uri = "file:///w/Dockerfile";
  s.open(uri, "# msmigrate ignore=stage-name-casing\nFROM alpine:3.19 AS Build\nexpose 80/TCP\n");
  auto kw = s.call("textDocument/hover", {{"textDocument", doc_id(uri)}, {"position", pos(1, 2)}});
  CHECK(kw["result"]["contents"]["kind"] == "markdown");
  CHECK(kw["result"]["contents"]["value"].get<std::string>().find("**FROM**") == 0);
  CHECK(kw["result"]["range"] == range(1, 0, 1, 4));
  auto lower = s.call("textDocument/hover", {{"textDocument", doc_id(uri)}, {"position", pos(2, 1)}});
  CHECK(lower["result"]["contents"]["value"].get<std::string>().find("**EXPOSE**") != std::string::npos);
  auto diag = s.call("textDocument/hover", {{"textDocument", doc_id(uri)}, {"position", pos(2, 11)}});
  std::string value = diag["result"]["contents"]["value"];
  CHECK(value.find("MSM1023") != std::string::npos);
  CHECK(value.find("## What it does") != std::string::npos);
  auto code = s.call("textDocument/hover", {{"textDocument", doc_id(uri)}, {"position", pos(0, 25)}});
  CHECK(code["result"]["contents"]["value"].get<std::string>().find("**MSM1006** `stage-name-casing`") == 0);
  CHECK(code["result"]["range"] == range(0, 19, 0, 36));
  auto nothing = s.call("textDocument/hover", {{"textDocument", doc_id(uri)}, {"position", pos(1, 8)}});
  CHECK(nothing["result"].is_null());
}

TEST_CASE("lsp documentSymbol: global ARGs, stages with their instructions") {
  Session s;
  std::string uri = "file:///w/Dockerfile";
  s.open(uri, "ARG V=1\nFROM golang:1.22 AS build\nRUN go build\nENV A=1\n\nFROM alpine:3.19\nCOPY --from=build /a /a\n");
  auto r = s.call("textDocument/documentSymbol", {{"textDocument", doc_id(uri)}});
  auto symbols = r["result"];
  REQUIRE(symbols.size() == 3);
  CHECK(symbols[0]["name"] == "ARG");
  CHECK(symbols[0]["kind"] == 13);
  CHECK(symbols[1]["name"] == "build");
  CHECK(symbols[1]["detail"] == "FROM golang:1.22");
  CHECK(symbols[1]["range"] == range(1, 0, 4, 0));
  CHECK(symbols[1]["selectionRange"] == range(1, 20, 1, 25));
  REQUIRE(symbols[1]["children"].size() == 2);
  CHECK(symbols[1]["children"][0]["name"] == "RUN");
  CHECK(symbols[1]["children"][0]["detail"] == "go build");
  CHECK(symbols[2]["name"] == "stage 1");
  CHECK(symbols[2]["children"][0]["name"] == "COPY");
}

TEST_CASE("lsp definition: --from=, FROM name and RUN --mount=from= go to the stage") {
  Session s;
  std::string uri = "file:///w/Dockerfile";
  s.open(uri,
         "FROM golang:1.22 AS build\nRUN go build\nFROM build AS test\nFROM alpine:3.19\n"
         "COPY --from=build /a /a\nRUN --mount=type=bind,from=test,target=/t ls /t\n");
  auto at = [&](int line, int ch) {
    return s.call("textDocument/definition", {{"textDocument", doc_id(uri)}, {"position", pos(line, ch)}})["result"];
  };
  auto copy = at(4, 14);
  CHECK(copy["uri"] == uri);
  CHECK(copy["range"] == range(0, 20, 0, 25));
  CHECK(at(2, 7)["range"] == range(0, 20, 0, 25));
  CHECK(at(5, 30)["range"] == range(2, 14, 2, 18));
  CHECK(at(4, 2).is_null());
}

TEST_CASE("lsp limits: huge and binary documents are kept in sync but not analysed") {
  msm::lsp::ServerOptions options;
  options.max_analysed_bytes = 1 << 16;
  std::vector<json> out;
  msm::lsp::Server server([&](const json &m) { out.push_back(m); }, options);
  server.handle({{"jsonrpc", "2.0"}, {"id", 1}, {"method", "initialize"}, {"params", json::object()}});
  std::string huge = "FROM alpine:3\n";
  while (huge.size() <= (1 << 16)) huge += "RUN echo " + std::string(100, 'x') + "\n";
  out.clear();
  server.handle({{"jsonrpc", "2.0"}, {"method", "textDocument/didOpen"},
                 {"params", {{"textDocument", {{"uri", "file:///big"}, {"version", 1}, {"text", huge}}}}}});
  REQUIRE(out.size() == 1);
  auto diags = out[0]["params"]["diagnostics"];
  REQUIRE(diags.size() == 1);
  CHECK(diags[0]["message"].get<std::string>().find("not analysed") != std::string::npos);
  out.clear();
  server.handle({{"jsonrpc", "2.0"}, {"id", 2}, {"method", "textDocument/documentSymbol"},
                 {"params", {{"textDocument", {{"uri", "file:///big"}}}}}});
  CHECK(out.at(0)["result"] == json::array());
  out.clear();
  server.handle({{"jsonrpc", "2.0"}, {"method", "textDocument/didOpen"},
                 {"params", {{"textDocument", {{"uri", "file:///bin"}, {"version", 1}, {"text", std::string("FROM a\0b\n", 9)}}}}}});
  CHECK(out.at(0)["params"]["diagnostics"][0]["message"].get<std::string>().find("binary") != std::string::npos);
  // Shrinking the document below the limit brings the analysis back.
  out.clear();
  server.handle({{"jsonrpc", "2.0"}, {"method", "textDocument/didChange"},
                 {"params", {{"textDocument", {{"uri", "file:///big"}, {"version", 2}}},
                             {"contentChanges", {{{"range", range(1, 0, 9999, 0)}, {"text", "EXPOSE 1/TCP\n"}}}}}}});
  server.publish_due(msm::lsp::Clock::now() + std::chrono::hours(1));
  REQUIRE(out.size() == 1);
  CHECK(find_code(out[0]["params"]["diagnostics"], "MSM1023"));
}

TEST_CASE("lsp over a stream: framing errors answered, cancel applied ahead of the queue, exit code") {
  auto frame = [](const std::string &body) { return "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body; };
  std::string input = frame(R"({"jsonrpc":"2.0","id":1,"method":"initialize","params":{}})") +
                      "Content-Type: x\r\n\r\n" + frame("{oops") +
                      frame(R"({"jsonrpc":"2.0","method":"$/cancelRequest","params":{"id":2}})") +
                      frame(R"({"jsonrpc":"2.0","id":2,"method":"shutdown"})") +
                      frame(R"({"jsonrpc":"2.0","id":3,"method":"shutdown"})") +
                      frame(R"({"jsonrpc":"2.0","method":"exit"})") + frame(R"({"jsonrpc":"2.0","id":4,"method":"never"})");
  std::istringstream in(input);
  std::ostringstream out;
  int code = msm::lsp::run_stdio(in, out);
  CHECK(code == 0);
  std::istringstream replies(out.str());
  msm::lsp::FrameReader reader(replies);
  std::vector<json> got;
  for (auto f = reader.next(); f.kind == msm::lsp::Frame::Kind::Message; f = reader.next()) got.push_back(json::parse(f.body));
  std::map<int, json> errors_by_code;
  std::map<int, json> by_id;
  for (const auto &m : got) {
    if (m["id"].is_number()) by_id[m["id"]] = m;
    if (m.contains("error")) errors_by_code[m["error"]["code"]] = m;
  }
  CHECK(by_id[1].contains("result"));
  CHECK(errors_by_code.count(msm::lsp::k_parse_error) == 1);
  CHECK(by_id[2]["error"]["code"] == msm::lsp::k_request_cancelled);
  CHECK(by_id[3]["result"].is_null());
  CHECK(by_id.count(4) == 0);  // nothing after exit is read
  CHECK(got.size() == 5);      // initialize, two framing/JSON errors, two shutdown replies

  std::istringstream no_exit(frame(R"({"jsonrpc":"2.0","id":1,"method":"initialize","params":{}})"));
  std::ostringstream sink;
  CHECK(msm::lsp::run_stdio(no_exit, sink) == 1);
}

TEST_CASE("lsp formatting: fmt's edits; a refused file is a RequestFailed error") {
  Session s;
  std::string uri = "file:///w/Dockerfile";
  std::string text = "from alpine:3.19   as build\nCMD [\"/a\",\"b\"]\n";
  s.open(uri, text);
  auto r = s.call("textDocument/formatting", {{"textDocument", doc_id(uri)}, {"options", {{"tabSize", 8}, {"insertSpaces", false}}}});
  REQUIRE(r["result"].is_array());
  CHECK(!r["result"].empty());
  std::string formatted = apply_lsp_edits(text, r["result"]);
  CHECK(formatted == "FROM alpine:3.19 AS build\nCMD [\"/a\", \"b\"]\n");
  CHECK(formatted == msm::formatter::format_source(text, "Dockerfile").text);
  // Formatted text formats to nothing.
  s.notify("textDocument/didChange", {{"textDocument", {{"uri", uri}, {"version", 2}}}, {"contentChanges", {{{"text", formatted}}}}});
  CHECK(s.call("textDocument/formatting", {{"textDocument", doc_id(uri)}, {"options", json::object()}})["result"] == json::array());

  s.open("file:///w/Broken", "FROM alpine\nRUN <<EOF\necho\n");
  auto refused = s.call("textDocument/formatting", {{"textDocument", doc_id("file:///w/Broken")}, {"options", json::object()}});
  CHECK(refused["error"]["code"] == msm::lsp::k_request_failed);
  CHECK(refused["error"]["message"].get<std::string>().find("unterminated heredoc") != std::string::npos);
}
