#include "analysis/stage_names.h"

#include <algorithm>
#include <cctype>

namespace msm::analysis {

bool valid_stage_name(std::string_view name) {
  if (name.empty() || !(name[0] >= 'a' && name[0] <= 'z')) return false;
  for (char c : name) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.';
    if (!ok) return false;
  }
  return name != "scratch" && name != "context";
}

std::string sanitize_stage_name(std::string_view wanted) {
  std::string out;
  for (char c : wanted) {
    char l = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    bool ok = (l >= 'a' && l <= 'z') || (l >= '0' && l <= '9') || l == '-' || l == '_' || l == '.';
    out += ok ? l : '-';
  }
  while (!out.empty() && !(out[0] >= 'a' && out[0] <= 'z')) out.erase(0, 1);
  if (out.empty()) out = "stage";
  if (out == "scratch" || out == "context") out += "-stage";
  return out;
}

std::string unique_stage_name(std::string_view wanted, const std::vector<std::string> &taken) {
  std::string base = sanitize_stage_name(wanted);
  std::string name = base;
  for (int i = 2; std::find(taken.begin(), taken.end(), name) != taken.end(); ++i) name = base + "-" + std::to_string(i);
  return name;
}

}  // namespace msm::analysis
