#pragma once
// Stage names as BuildKit accepts them (lower case, [a-z][a-z0-9-_.]*, not "scratch" or
// "context"), and names made from a wanted role that are valid and not yet taken.
#include <string>
#include <string_view>
#include <vector>

namespace msm::analysis {

bool valid_stage_name(std::string_view name);
std::string sanitize_stage_name(std::string_view wanted);
std::string unique_stage_name(std::string_view wanted, const std::vector<std::string> &taken);

}  // namespace msm::analysis
