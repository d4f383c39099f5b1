#pragma once
// What the in-process benchmarks share: the corpus files read once into memory, sorted by
// path, and the process's CPU clock (on a shared machine the wall clock measures the neighbours).

#include <algorithm>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

namespace msm::bench {

struct CorpusFiles {
  std::vector<std::pair<std::string, std::string>> files;  // path, content
  size_t bytes = 0;
};

inline CorpusFiles read_corpus(const std::string &dir) {
  CorpusFiles out;
  for (const auto &e : std::filesystem::directory_iterator(dir)) {
    if (!e.is_regular_file()) continue;
    std::ifstream in(e.path(), std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    out.bytes += s.str().size();
    out.files.emplace_back(e.path().string(), s.str());
  }
  std::sort(out.files.begin(), out.files.end());
  return out;
}

inline double cpu_ms() {
  timespec ts{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) * 1e3 + static_cast<double>(ts.tv_nsec) / 1e6;
}

}  // namespace msm::bench
