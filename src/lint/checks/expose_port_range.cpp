// DL3011: EXPOSE of a port (or port range) outside 0-65535, after ARG/ENV expansion.

#include <charconv>

#include "lint/checks/checks.h"
#include "lint/checks/util.h"

namespace msm::lint::checks {

namespace {
// nullopt: not a plain number (another rule's business).
std::optional<unsigned long long> number(std::string_view s) {
  if (s.empty() || s.size() > 18) return std::nullopt;
  unsigned long long v = 0;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || end != s.data() + s.size()) return std::nullopt;
  return v;
}
}  // namespace

void expose_port_range(Context &ctx) {
  for_each_with_triggers(ctx.doc(), [&](size_t i, const syntax::Instruction &ins) {
    if (!ins.is(syntax::InstructionKind::Expose)) return;
    for (const auto &a : ins.args) {
      auto value = resolved(ctx, i, a.value);
      if (!value) continue;
      std::string_view port = *value;
      port = port.substr(0, port.find('/'));
      if (port.find(':') != std::string_view::npos) continue;  // host mapping: MSM1024
      size_t dash = port.find('-');
      auto low = number(port.substr(0, dash));
      auto high = dash == std::string_view::npos ? low : number(port.substr(dash + 1));
      if (!low || !high) continue;
      if (*low > 65535 || *high > 65535) {
        ctx.report(a.range, "Port `" + *value + "` is outside the valid range 0-65535");
      } else if (*low > *high) {
        ctx.report(a.range, "Port range `" + *value + "` ends before it starts");
      }
    }
  });
}

}  // namespace msm::lint::checks
