#pragma once
// The one user-facing fatal error type: thrown at API edges, caught once in cli::run and
// mapped to an exit code. Problems inside a Dockerfile are diagnostics, never this.

#include <stdexcept>
#include <string>

namespace msm {

enum ExitCode : int { k_exit_ok = 0, k_exit_findings = 1, k_exit_usage = 2 };

class Error : public std::runtime_error {
 public:
  explicit Error(const std::string &message, int exit_code = k_exit_usage)
      : std::runtime_error(message), m_exit_code(exit_code) {}
  int exit_code() const { return m_exit_code; }

 private:
  int m_exit_code;
};

}  // namespace msm
