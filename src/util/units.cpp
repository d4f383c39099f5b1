#include "util/units.h"

#include <cstdio>

namespace msm::util {

std::string human_bytes(uint64_t bytes) {
  char buf[32];
  if (bytes >= 1000 * 1000) std::snprintf(buf, sizeof buf, "%.1f MB", static_cast<double>(bytes) / 1e6);
  else if (bytes >= 1000) std::snprintf(buf, sizeof buf, "%.1f kB", static_cast<double>(bytes) / 1e3);
  else std::snprintf(buf, sizeof buf, "%llu B", static_cast<unsigned long long>(bytes));
  return buf;
}

}  // namespace msm::util
