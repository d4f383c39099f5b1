#pragma once
// The three faces of a verify result: the terminal table, the versioned JSON report, and a
// self-contained HTML page (both setups side by side, the file-tree diff, an inline SVG chart).

#include <string>

#include <nlohmann/json.hpp>

#include "verify/verify.h"

namespace msm::verify {

std::string render_table(const VerifyResult &result);
nlohmann::ordered_json render_json(const VerifyResult &result);
std::string render_html(const VerifyResult &result);

// 1234567 → "1.2 MB" (decimal units, as registries and `docker images` print sizes).
std::string human_bytes(uint64_t bytes);

}  // namespace msm::verify
