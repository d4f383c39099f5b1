// How long `msmigrate convert` takes on typical repositories (the fixtures of
// fixtures/convert and the bundled example): reading the driver with tree-sitter-bash, parsing
// both Dockerfiles, mapping artifacts and producing the edits. Prints figures; not a test.

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include "builder_pattern/convert.h"

namespace fs = std::filesystem;

int main(int argc, char **argv) {
  fs::path source = argc > 1 ? fs::path(argv[1]) : fs::path(MSM_SOURCE_DIR);
  std::vector<fs::path> projects{source / "fixtures" / "examples" / "builder-pattern"};
  for (const auto &e : fs::directory_iterator(source / "fixtures" / "convert")) {
    if (e.is_directory() && e.path().filename().string().rfind("refuse-", 0) != 0 && !fs::exists(e.path() / "args")) {
      projects.push_back(e.path() / "input");
    }
  }
  std::sort(projects.begin() + 1, projects.end());
  const int rounds = 200;
  std::vector<double> per_project;
  double worst = 0;
  for (const auto &p : projects) {
    msm::builder_pattern::ConvertOptions options;
    options.root = p.string();
    std::vector<double> times;
    for (int i = 0; i < rounds; ++i) {
      auto start = std::chrono::steady_clock::now();
      auto c = msm::builder_pattern::convert(options);
      auto end = std::chrono::steady_clock::now();
      if (!c.converted()) {
        std::fprintf(stderr, "%s: not converted\n", p.string().c_str());
        return 1;
      }
      times.push_back(std::chrono::duration<double, std::milli>(end - start).count());
    }
    std::sort(times.begin(), times.end());
    double median = times[times.size() / 2];
    double p99 = times[times.size() * 99 / 100];
    worst = std::max(worst, p99);
    per_project.push_back(median);
    std::printf("%-60s median %7.3f ms   p99 %7.3f ms\n", fs::relative(p, source).string().c_str(), median, p99);
  }
  std::sort(per_project.begin(), per_project.end());
  std::printf("%zu projects x %d conversions: median of medians %.3f ms, worst p99 %.3f ms (budget 20 ms)\n",
              projects.size(), rounds, per_project[per_project.size() / 2], worst);
  return worst <= 20.0 ? 0 : 1;
}
