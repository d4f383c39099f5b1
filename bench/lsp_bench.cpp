// `msm_bench_lsp`: the language server's latency and memory, inside the server (no pipe):
//  - didChange -> publishDiagnostics on a 200-line Dockerfile (one keystroke, incremental sync),
//    with the debounce taken out (the timer is the editor's pause, not work);
//  - the same with a whole-document change (full reparse instead of tree-sitter's incremental one);
//  - parse alone: Document::parse vs Document::reparse after a one-byte edit;
//  - resident memory (VmRSS) with 100 open 200-line documents.
// Prints figures; it is not a test.

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <string>
#include <vector>

#include <time.h>

#include "lsp/server.h"
#include "syntax/document.h"

using msm::lsp::json;
using Clock = std::chrono::steady_clock;

namespace {

// A realistic 200-line multi-stage Dockerfile: comments, ARG/ENV, long RUN continuations, COPYs.
std::string dockerfile_200_lines() {
  std::string s = "# syntax=docker/dockerfile:1\nARG GO_VERSION=1.22\nARG DEBIAN=bookworm\n";
  int stage = 0;
  while (std::count(s.begin(), s.end(), '\n') < 170) {
    s += "\n# stage " + std::to_string(stage) + ": build step\n";
    s += "FROM golang:${GO_VERSION}-${DEBIAN} AS build" + std::to_string(stage) + "\n";
    s += "ENV CGO_ENABLED=0 GOFLAGS=-trimpath\nWORKDIR /src\nCOPY go.mod go.sum ./\n";
    s += "RUN apt-get update \\\n    && apt-get install -y --no-install-recommends \\\n"
         "       ca-certificates git make \\\n    && rm -rf /var/lib/apt/lists/*\n";
    s += "RUN --mount=type=cache,target=/root/.cache/go-build go mod download\n";
    s += "COPY . .\nRUN go build -o /out/app" + std::to_string(stage) + " ./cmd/app\n";
    s += "LABEL org.opencontainers.image.title=\"app\" org.opencontainers.image.version=\"1.0\"\n";
    ++stage;
  }
  // The final stage carries a few findings, as files being edited do.
  s += "\nFROM gcr.io/distroless/static-debian12:nonroot\nMAINTAINER someone@example.com\nEXPOSE 9090/TCP\n";
  for (int i = 0; i < stage; ++i) s += "COPY --from=build" + std::to_string(i) + " /out/app" + std::to_string(i) + " /usr/local/bin/\n";
  while (std::count(s.begin(), s.end(), '\n') < 199) s += "EXPOSE 8080/tcp\n";
  s += "ENTRYPOINT [\"/usr/local/bin/app0\"]\n";
  return s;
}

// CPU time of this thread: on a loaded machine the wall clock also counts time spent waiting
// for a core, so both are printed.
double thread_cpu_ms() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) * 1e3 + static_cast<double>(ts.tv_nsec) / 1e6;
}

long rss_kib() {
  std::ifstream in("/proc/self/status");
  std::string key;
  long value = 0;
  while (in >> key) {
    if (key == "VmRSS:") {
      in >> value;
      return value;
    }
    in.ignore(4096, '\n');
  }
  return -1;
}

struct Stats {
  double median, p95, max;
};

Stats stats(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return {v[v.size() / 2], v[v.size() * 95 / 100], v.back()};
}

json notify(const std::string &method, json params) {
  return {{"jsonrpc", "2.0"}, {"method", method}, {"params", std::move(params)}};
}

json pos(size_t line, size_t character) { return {{"line", line}, {"character", character}}; }

}  // namespace

int main() {
  const std::string text = dockerfile_200_lines();
  const size_t lines = static_cast<size_t>(std::count(text.begin(), text.end(), '\n'));
  const int rounds = 1000;  // the target is stated over 1,000 edits

  Clock::time_point published{};
  size_t diagnostics = 0;
  msm::lsp::Server server([&](const json &m) {
    if (m.value("method", "") == "textDocument/publishDiagnostics") {
      published = Clock::now();
      diagnostics = m["params"]["diagnostics"].size();
    }
  });
  server.handle({{"jsonrpc", "2.0"}, {"id", 1}, {"method", "initialize"}, {"params", json::object()}});
  const std::string uri = "file:///bench/Dockerfile";
  server.handle(notify("textDocument/didOpen", {{"textDocument", {{"uri", uri}, {"version", 0}, {"text", text}}}}));

  // One keystroke in the middle of the file, typed and deleted in turn.
  size_t middle = lines / 2;
  std::vector<double> incremental, full, incremental_cpu, full_cpu;
  for (int i = 0; i < rounds; ++i) {
    json change = (i % 2 == 0) ? json{{"range", {{"start", pos(middle, 0)}, {"end", pos(middle, 0)}}}, {"text", "#"}}
                               : json{{"range", {{"start", pos(middle, 0)}, {"end", pos(middle, 1)}}}, {"text", ""}};
    double cpu = thread_cpu_ms();
    auto start = Clock::now();
    server.handle(notify("textDocument/didChange", {{"textDocument", {{"uri", uri}, {"version", 2 * i + 1}}},
                                                     {"contentChanges", json::array({change})}}));
    server.publish_due(Clock::now() + std::chrono::hours(1));
    incremental.push_back(std::chrono::duration<double, std::milli>(published - start).count());
    incremental_cpu.push_back(thread_cpu_ms() - cpu);
  }
  for (int i = 0; i < rounds; ++i) {
    double cpu = thread_cpu_ms();
    auto start = Clock::now();
    server.handle(notify("textDocument/didChange", {{"textDocument", {{"uri", uri}, {"version", 2 * rounds + i}}},
                                                     {"contentChanges", json::array({{{"text", text}}})}}));
    server.publish_due(Clock::now() + std::chrono::hours(1));
    full.push_back(std::chrono::duration<double, std::milli>(published - start).count());
    full_cpu.push_back(thread_cpu_ms() - cpu);
  }
  auto inc = stats(incremental);
  auto whole = stats(full);
  auto inc_cpu = stats(incremental_cpu);
  auto whole_cpu = stats(full_cpu);
  std::printf("document: %zu lines, %zu bytes, %zu diagnostics\n", lines, text.size(), diagnostics);
  std::printf("didChange -> publishDiagnostics, one-character incremental change: median %.3f ms, p95 %.3f ms, max %.3f ms (%d rounds)\n",
              inc.median, inc.p95, inc.max, rounds);
  std::printf("didChange -> publishDiagnostics, whole-document change (full parse): median %.3f ms, p95 %.3f ms, max %.3f ms\n",
              whole.median, whole.p95, whole.max);
  std::printf("  thread CPU time of the same: incremental median %.3f ms, p95 %.3f ms; full median %.3f ms, p95 %.3f ms\n",
              inc_cpu.median, inc_cpu.p95, whole_cpu.median, whole_cpu.p95);

  // Parse alone: from scratch vs incremental after a one-byte insertion.
  auto base = msm::syntax::Document::parse(text, "Dockerfile");
  uint32_t at = base->lines().line_start(static_cast<uint32_t>(middle + 1));
  std::string edited = text;
  edited.insert(at, "#");
  TSInputEdit e{};
  e.start_byte = at;
  e.old_end_byte = at;
  e.new_end_byte = at + 1;
  e.start_point = {static_cast<uint32_t>(middle), 0};
  e.old_end_point = e.start_point;
  e.new_end_point = {static_cast<uint32_t>(middle), 1};
  std::vector<double> parse_full, parse_incremental;
  for (int i = 0; i < rounds; ++i) {
    auto t0 = Clock::now();
    auto a = msm::syntax::Document::parse(edited, "Dockerfile");
    auto t1 = Clock::now();
    auto b = msm::syntax::Document::reparse(*base, edited, {e});
    auto t2 = Clock::now();
    parse_full.push_back(std::chrono::duration<double, std::milli>(t1 - t0).count());
    parse_incremental.push_back(std::chrono::duration<double, std::milli>(t2 - t1).count());
  }
  std::printf("Document::parse (from scratch): median %.3f ms; Document::reparse (incremental): median %.3f ms\n",
              stats(parse_full).median, stats(parse_incremental).median);

  // Memory with 100 open documents (each its own text, tree, typed view and diagnostics).
  long before = rss_kib();
  for (int i = 0; i < 100; ++i) {
    std::string variant = text + "# document " + std::to_string(i) + "\n";
    server.handle(notify("textDocument/didOpen", {{"textDocument", {{"uri", "file:///bench/d" + std::to_string(i) + "/Dockerfile"},
                                                                   {"version", 0}, {"text", variant}}}}));
  }
  long after = rss_kib();
  std::printf("RSS: %ld KiB with 1 document, %ld KiB with 101 (%.1f KiB per document)\n", before, after,
              static_cast<double>(after - before) / 100.0);
  return 0;
}
