// Parse + model benchmark: the whole shared corpus in one process (files/s, MB/s), then one
// document of 1, 10 and 100 MB to show that time grows linearly with input size.
// Usage: msm_bench_parse [CORPUS_DIR] (default ../shared/corpus)

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "analysis/stages.h"
#include "syntax/document.h"

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {

std::string read(const fs::path &p) {
  std::ifstream in(p, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

size_t model(const std::string &source) {
  auto doc = msm::syntax::Document::parse(source);
  msm::analysis::StageGraph graph(*doc);
  return doc->instructions().size() + graph.stages().size();
}

double seconds_since(Clock::time_point t) { return std::chrono::duration<double>(Clock::now() - t).count(); }

}  // namespace

int main(int argc, char **argv) {
  fs::path corpus = argc > 1 ? fs::path(argv[1]) : fs::path("../shared/corpus");
  std::vector<std::string> files;
  for (const auto &e : fs::directory_iterator(corpus / "dockerfiles")) files.push_back(read(e.path()));
  if (files.empty()) {
    std::fprintf(stderr, "no corpus at %s\n", corpus.c_str());
    return 2;
  }
  size_t bytes = 0;
  for (const auto &f : files) bytes += f.size();

  // Warm-up, then the best of 5 rounds.
  size_t sink = 0;
  for (const auto &f : files) sink += model(f);
  double best = 1e9;
  for (int round = 0; round < 5; ++round) {
    auto t = Clock::now();
    for (const auto &f : files) sink += model(f);
    best = std::min(best, seconds_since(t));
  }
  double megabytes = static_cast<double>(bytes) / 1e6;
  double count = static_cast<double>(files.size());
  std::printf("corpus: %zu files, %.2f MB: %.1f ms  ->  %.0f files/s, %.1f MB/s\n", files.size(), megabytes,
              best * 1e3, count / best, megabytes / best);

  // One big document made of corpus files that keep the default escape char.
  std::string pool;
  for (const auto &f : files) {
    if (f.find("escape") != std::string::npos) continue;
    pool += f;
    if (!pool.empty() && pool.back() != '\n') pool.push_back('\n');
  }
  std::printf("%10s %10s %12s %10s\n", "size", "time", "MB/s", "ms per MB");
  for (size_t mb : {1, 10, 100}) {
    std::string doc;
    doc.reserve(mb << 20);
    while (doc.size() < (mb << 20)) doc += pool;
    doc.resize(mb << 20);
    auto t = Clock::now();
    sink += model(doc);
    double s = seconds_since(t);
    double size = static_cast<double>(mb);
    std::printf("%8zu MB %8.0f ms %12.1f %10.1f\n", mb, s * 1e3, size / s, s * 1e3 / size);
  }
  std::printf("(checksum %zu)\n", sink);
  return 0;
}
