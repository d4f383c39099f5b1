#pragma once
// The codes ShellCheck reports (SCxxxx), so they are rules like any other: listed, documented by
// a link to ShellCheck's wiki, configurable and suppressible under their own codes.

#include <cstdint>
#include <vector>

#include "lint/registry.h"

namespace msm::lint::shellcheck {

struct Code {
  uint16_t number;  // 2086 for SC2086
  Severity level;
};

// Sorted by number.
const std::vector<Code> &codes();

}  // namespace msm::lint::shellcheck
