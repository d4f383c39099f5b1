#pragma once
// Running another program without a shell: argv is passed as is (PATH lookup for argv[0]),
// so nothing in an argument is ever interpreted.

#include <string>
#include <vector>

namespace msm::util {

struct ProcessResult {
  int status = -1;     // exit code, 128 + signal when killed, 127 when it could not start
  std::string output;  // stdout and stderr interleaved (stderr only when stdout goes to a file)
};

// Runs `argv` and waits. With `stdout_path`, stdout is written to that file (created 0644 or
// truncated) and only stderr is captured.
ProcessResult run_process(const std::vector<std::string> &argv, const std::string &stdout_path = "");

// Whether `name` is an executable on PATH.
bool program_on_path(const std::string &name);

}  // namespace msm::util
