// Lints every file of a corpus directory in one process (parse + stage graph + every rule), and
// prints files/s. Usage: msm_bench_lint DIR [repeats]
#include <algorithm>
#include <chrono>
#include <ctime>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "lint/config.h"
#include "lint/engine.h"
#include "bench_corpus.h"
#include "syntax/document.h"

int main(int argc, char **argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: %s DIR [repeats]\n", argv[0]);
    return 2;
  }
  int repeats = argc > 2 ? std::atoi(argv[2]) : 3;
  auto [files, bytes] = msm::bench::read_corpus(argv[1]);
  msm::lint::Config config;
  using msm::bench::cpu_ms;  // CPU time as well as wall time
  double best = 1e18;
  double best_cpu = 1e18;
  size_t diagnostics = 0;
  for (int r = 0; r < repeats; ++r) {
    auto t0 = std::chrono::steady_clock::now();
    double c0 = cpu_ms();
    diagnostics = 0;
    for (const auto &[path, text] : files) {
      auto doc = msm::syntax::Document::parse(text, path);
      diagnostics += msm::lint::lint_document(*doc, config, std::nullopt).size();
    }
    double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
    best = std::min(best, ms);
    best_cpu = std::min(best_cpu, cpu_ms() - c0);
  }
  double parse_best = 1e18;
  for (int r = 0; r < repeats; ++r) {
    auto t0 = std::chrono::steady_clock::now();
    for (const auto &[path, text] : files) {
      auto doc = msm::syntax::Document::parse(text, path);
      if (doc->instructions().empty() && doc->problems().empty()) std::printf("?");
    }
    double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
    parse_best = std::min(parse_best, ms);
  }
  std::printf("parse only (for comparison): %.1f ms; lint adds %.1f ms\n", parse_best, best - parse_best);
  std::printf("lint corpus (one thread, every rule): %zu files, %.2f MB, best of %d: %.1f ms wall, %.1f ms CPU -> "
              "%.0f files/s (CPU), %zu diagnostics\n",
              files.size(), static_cast<double>(bytes) / 1e6, repeats, best, best_cpu,
              static_cast<double>(files.size()) / (best_cpu / 1000.0), diagnostics);
  return 0;
}
