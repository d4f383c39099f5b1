// DL3048: a LABEL key outside Docker's recommended form: lower-case letters, digits, `.` and
// `-`, starting with a letter, ending with a letter or digit, no `..` or `--`, and not in the
// namespaces Docker reserves (com.docker., io.docker., org.dockerproject.).

#include "lint/checks/checks.h"
#include "lint/checks/labels.h"

namespace msm::lint::checks {

namespace {
std::optional<std::string> key_problem(std::string_view key) {
  if (key.empty()) return "is empty";
  if (!(key.front() >= 'a' && key.front() <= 'z')) return "must start with a lower-case letter";
  char last = key.back();
  if (!((last >= 'a' && last <= 'z') || (last >= '0' && last <= '9'))) return "must end with a lower-case letter or digit";
  for (char c : key) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '-')) {
      return "may contain only lower-case letters, digits, `.` and `-`";
    }
  }
  if (key.find("..") != std::string_view::npos || key.find("--") != std::string_view::npos) return "has `..` or `--`";
  for (std::string_view reserved : {"com.docker.", "io.docker.", "org.dockerproject."}) {
    if (key.substr(0, reserved.size()) == reserved) return "uses the namespace `" + std::string(reserved) + "` Docker reserves";
  }
  return std::nullopt;
}
}  // namespace

void invalid_label_key(Context &ctx) {
  for_each_label(ctx, [&](const LabelPair &l) {
    if (auto problem = key_problem(l.key)) ctx.report(l.key_range, "Label key `" + l.key + "` " + *problem);
  });
}

}  // namespace msm::lint::checks
