#include "cli/registry_options.h"

#include <unistd.h>

#include "lint/config.h"
#include "util/error.h"

namespace msm::cli {

void add_registry_options(CLI::App &cmd, RegistryArgs &args) {
  cmd.add_option("--registry-mirror", args.mirrors,
                 "Mirror for docker.io images (host[:port]), tried before Docker Hub; also MSMIGRATE_REGISTRY_MIRRORS")
      ->allow_extra_args(false);
  cmd.add_option("--insecure-registry", args.insecure,
                 "Registry (host[:port]) allowed over plain HTTP or unverified TLS; also MSMIGRATE_INSECURE_REGISTRIES")
      ->allow_extra_args(false);
  cmd.add_option("--authfile", args.auth_file, "Credentials file (podman auth.json / Docker config.json format); also REGISTRY_AUTH_FILE");
  cmd.add_option("--cert-dir", args.cert_dir, "Directory of ca.crt / client.cert / client.key for every registry (default: certs.d)");
}

void add_pull_policy_option(CLI::App &cmd, RegistryArgs &args) {
  cmd.add_option("--pull", args.pull, "Pull images FROM, COPY --from and RUN --mount from= name: missing (default), always or never")
      ->check(CLI::IsMember({"missing", "always", "never"}));
}

executor::PullOptions RegistryArgs::pull_options(const std::filesystem::path &config_dir) const {
  executor::PullOptions o;
  o.registry.mirrors = mirrors;
  o.registry.insecure = insecure;
  o.registry.credentials.auth_file = auth_file;
  o.registry.cert_dir = cert_dir;
  o.registry.add_environment();
  if (o.registry.mirrors.empty() || o.registry.insecure.empty()) {
    // The resolver finds the configuration of a file's directory: any name in `config_dir` does.
    std::error_code ec;
    std::filesystem::path dir = std::filesystem::absolute(config_dir, ec).lexically_normal();
    auto config = lint::ConfigResolver(std::nullopt).for_file(dir / ".msmigrate.yaml");
    if (o.registry.mirrors.empty()) o.registry.mirrors = config->registry_mirrors;
    if (o.registry.insecure.empty()) o.registry.insecure = config->insecure_registries;
  }
  if (!platform.empty()) {
    o.platform = executor::parse_platform(platform, executor::host_platform());
    if (!o.platform) throw Error("--platform " + platform + ": not a platform (want os/arch[/variant], e.g. linux/arm64)");
  }
  o.progress = quiet ? executor::PullProgress::Quiet : isatty(2) ? executor::PullProgress::Tty : executor::PullProgress::Plain;
  return o;
}

executor::PullPolicy RegistryArgs::pull_policy() const {
  auto p = executor::parse_pull_policy(pull);
  if (!p) throw Error("--pull " + pull + ": want missing, always or never");
  return *p;
}

}  // namespace msm::cli
