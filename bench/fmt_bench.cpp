// Formats every file of a corpus directory in one process (parse + format, which re-parses the
// result to prove BuildKit's reading unchanged), then one 200-line Dockerfile written in a sloppy
// style, and prints the figures. Usage: msm_bench_fmt DIR [repeats]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "formatter/format.h"
#include "bench_corpus.h"
#include "syntax/document.h"
#include "util/error.h"

namespace {

using msm::bench::cpu_ms;

// 200 lines: stages, lower-case keywords, ragged spacing, continued RUN/ENV/COPY, exec forms.
std::string sloppy_200_lines() {
  std::string s = "# syntax=docker/dockerfile:1  \n";
  int stage = 0;
  while (true) {
    std::string block = "from   debian:12   as   stage" + std::to_string(stage) + "\n" +
                        "env  A=1 \\\n  B=2 \\\n\t\tC=3\n" +
                        "run apt-get update && \\\n    apt-get install -y  curl ca-certificates && \\\n"
                        "    rm -rf /var/lib/apt/lists/*   \n" +
                        "copy   --chown=app:app   src/   /app/src/\n" +
                        "workdir /app\n" + "cmd [ \"app\" ,\"--port\",\"80\" ]\n" + "expose 80   443\n\n";
    size_t lines = static_cast<size_t>(std::count(s.begin(), s.end(), '\n'));
    size_t more = static_cast<size_t>(std::count(block.begin(), block.end(), '\n'));
    if (lines + more > 200) break;
    s += block;
    ++stage;
  }
  while (std::count(s.begin(), s.end(), '\n') < 200) s += "label  n=x\n";
  return s;
}

}  // namespace

int main(int argc, char **argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: %s DIR [repeats]\n", argv[0]);
    return 2;
  }
  int repeats = argc > 2 ? std::atoi(argv[2]) : 3;
  auto [files, bytes] = msm::bench::read_corpus(argv[1]);

  double best = 1e18, best_cpu = 1e18, parse_best = 1e18;
  size_t changed = 0, refused = 0;
  for (int r = 0; r < repeats; ++r) {
    auto t0 = std::chrono::steady_clock::now();
    double c0 = cpu_ms();
    changed = refused = 0;
    for (const auto &[path, text] : files) {
      try {
        changed += msm::formatter::format_source(text, path).changed ? 1 : 0;
      } catch (const msm::Error &) {
        ++refused;
      }
    }
    best = std::min(best, std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
    best_cpu = std::min(best_cpu, cpu_ms() - c0);
    double p0 = cpu_ms();
    for (const auto &[path, text] : files) {
      if (msm::syntax::Document::parse(text, path)->instructions().empty()) std::printf("?");
    }
    parse_best = std::min(parse_best, cpu_ms() - p0);
  }
  std::printf("fmt corpus (one thread): %zu files, %.2f MB, best of %d: %.1f ms wall, %.1f ms CPU -> %.0f files/s (CPU); "
              "%zu changed, %zu refused; parse alone %.1f ms CPU\n",
              files.size(), static_cast<double>(bytes) / 1e6, repeats, best, best_cpu,
              static_cast<double>(files.size()) / (best_cpu / 1000.0), changed, refused, parse_best);

  std::string file = sloppy_200_lines();
  auto doc = msm::syntax::Document::parse(file, "bench.Dockerfile");
  const int n = 200;
  double c0 = cpu_ms();
  size_t edits = 0;
  for (int i = 0; i < n; ++i) edits = msm::formatter::format_document(*doc, {}).edits.size();
  double per_doc = (cpu_ms() - c0) / n;
  c0 = cpu_ms();
  for (int i = 0; i < n; ++i) msm::formatter::format_source(file, "bench.Dockerfile");
  double per_source = (cpu_ms() - c0) / n;
  std::printf("fmt 200-line file (%zu bytes, %zu edits): format_document %.3f ms CPU, parse + format %.3f ms CPU (mean of %d)\n",
              file.size(), edits, per_doc, per_source, n);
  return 0;
}
