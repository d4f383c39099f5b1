// `msm_bench_startup`: whole-process cost of short commands, the editor's on-save case, measured
// from outside like a shell would see it. The commands run in turn (A B C A B C ...), so a
// neighbour's load lands on all of them alike, and each is reported against the first one
// (`/bin/true`: what starting any process costs here).
//
//   msm_bench_startup RUNS 'LABEL=COMMAND ARG...' ...     (arguments split at spaces)
//
// Per command: median and minimum wall time, median CPU time (user + system, from wait4's
// rusage, which the neighbours do not inflate), minor page faults, and the median ratio of its
// wall time to the first command's in the same round. Prints figures; it is not a test.

#include <fcntl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <sstream>
#include <string>
#include <vector>

namespace {

struct Command {
  std::string label;
  std::vector<std::string> argv;
  std::vector<double> wall_ms, cpu_ms, faults, ratio;
};

double median(std::vector<double> v) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  return v.size() % 2 ? v[v.size() / 2] : (v[v.size() / 2 - 1] + v[v.size() / 2]) / 2;
}

// Runs argv once with stdout and stderr to /dev/null; returns false when it could not start.
bool run_once(Command &c) {
  std::vector<char *> args;
  for (auto &a : c.argv) args.push_back(a.data());
  args.push_back(nullptr);
  auto t0 = std::chrono::steady_clock::now();
  pid_t pid = fork();
  if (pid < 0) return false;
  if (pid == 0) {
    int null = open("/dev/null", O_RDWR);
    dup2(null, 0);
    dup2(null, 1);
    dup2(null, 2);
    execv(args[0], args.data());
    _exit(127);
  }
  int status = 0;
  rusage usage{};
  if (wait4(pid, &status, 0, &usage) != pid) return false;
  auto t1 = std::chrono::steady_clock::now();
  if (WIFEXITED(status) && WEXITSTATUS(status) == 127) return false;
  c.wall_ms.push_back(std::chrono::duration<double, std::milli>(t1 - t0).count());
  auto ms = [](const timeval &t) { return static_cast<double>(t.tv_sec) * 1e3 + static_cast<double>(t.tv_usec) / 1e3; };
  c.cpu_ms.push_back(ms(usage.ru_utime) + ms(usage.ru_stime));
  c.faults.push_back(static_cast<double>(usage.ru_minflt));
  return true;
}

}  // namespace

int main(int argc, char **argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: msm_bench_startup RUNS 'LABEL=COMMAND ARG...' ...\n");
    return 2;
  }
  int runs = std::atoi(argv[1]);
  std::vector<Command> commands;
  for (int i = 2; i < argc; ++i) {
    std::string spec = argv[i];
    size_t eq = spec.find('=');
    if (eq == std::string::npos) {
      std::fprintf(stderr, "msm_bench_startup: '%s' is not LABEL=COMMAND\n", argv[i]);
      return 2;
    }
    Command c;
    c.label = spec.substr(0, eq);
    std::istringstream words(spec.substr(eq + 1));
    for (std::string w; words >> w;) c.argv.push_back(w);
    commands.push_back(std::move(c));
  }
  for (auto &c : commands) {
    if (!run_once(c)) {  // the warm-up: page cache, and a check that it starts
      std::fprintf(stderr, "msm_bench_startup: cannot run %s\n", c.argv[0].c_str());
      return 2;
    }
    c.wall_ms.clear(), c.cpu_ms.clear(), c.faults.clear();
  }
  for (int r = 0; r < runs; ++r) {
    for (auto &c : commands) run_once(c);
    for (auto &c : commands) c.ratio.push_back(c.wall_ms.back() / commands.front().wall_ms.back());
  }
  size_t width = 0;
  for (const auto &c : commands) width = std::max(width, c.label.size());
  std::printf("%-*s  %9s %9s %9s %7s  %s\n", static_cast<int>(width), "command", "wall med", "wall min", "CPU med",
              "faults", "wall / first (median of rounds)");
  for (const auto &c : commands) {
    std::printf("%-*s  %6.2f ms %6.2f ms %6.2f ms %7.0f  %.2fx\n", static_cast<int>(width), c.label.c_str(),
                median(c.wall_ms), *std::min_element(c.wall_ms.begin(), c.wall_ms.end()), median(c.cpu_ms),
                median(c.faults), median(c.ratio));
  }
  return 0;
}
