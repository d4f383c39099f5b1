#pragma once
// The value shapes MSM1025 checks, as BuildKit's instruction layer accepts them. Hand-written
// matchers rather than std::regex: compiling the three expressions cost an on-save lint 6% of
// its instructions, and matching allocated. tests/unit/test_invalid_arguments.cpp holds them to
// the expressions they replace.

#include <string_view>

namespace msm::lint::checks {

// A HEALTHCHECK duration: `0`, or one or more <number><unit> (Go's time.ParseDuration without a
// sign; number `12`, `1.5`, `1.` or `.5`; unit ns, us, µs, ms, s, m or h), and not a lone ns/us
// amount (BuildKit wants 0 or at least 1ms).
bool is_healthcheck_duration(std::string_view value);

// A stage name after lowering: a letter, then letters, digits, `-`, `_` and `.`.
bool is_stage_name(std::string_view lowered);

// An optional `-` and one or more ASCII digits (HEALTHCHECK --retries).
bool is_whole_number(std::string_view value);

}  // namespace msm::lint::checks
