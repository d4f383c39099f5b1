#pragma once
// Sizes as people read them ("1.2 MB", decimal units, as docker and skopeo print them).

#include <cstdint>
#include <string>

namespace msm::util {

std::string human_bytes(uint64_t bytes);

}  // namespace msm::util
