#pragma once
// Platforms as BuildKit names them ("linux/amd64", "linux/arm/v7"): the host's, and the
// normalisation of what `FROM --platform` says, so that this single-platform builder can tell a
// platform it can run from one that would need emulation.

#include <optional>
#include <string>
#include <string_view>

namespace msm::executor {

struct Platform {
  std::string os;
  std::string arch;     // GOARCH names: amd64, arm64, arm, 386, ppc64le, s390x, riscv64
  std::string variant;  // "" where the architecture has a default (arm64 → v8)

  std::string str() const { return os + "/" + arch + (variant.empty() ? "" : "/" + variant); }
  bool operator==(const Platform &) const = default;
};

// The platform this process runs on (uname's machine mapped to GOARCH names).
const Platform &host_platform();

// "linux/amd64", "amd64", "linux", "linux/arm64/v8", "x86_64", "aarch64"… normalised as
// containerd's platforms.Parse does; a missing os or arch is taken from `host`. nullopt when
// the text is not a platform.
std::optional<Platform> parse_platform(std::string_view text, const Platform &host);

}  // namespace msm::executor
