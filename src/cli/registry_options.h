#pragma once
// The registry options `image pull|push`, `login`, `build` and `verify` take: pull policy,
// platform, mirrors, insecure registries, credentials file, certificate directory.

#include <filesystem>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "executor/pull.h"

namespace msm::cli {

struct RegistryArgs {
  std::string pull = "missing";
  std::vector<std::string> mirrors;
  std::vector<std::string> insecure;
  std::string auth_file;
  std::string cert_dir;
  std::string platform;
  bool quiet = false;

  // Options as given; each list left empty comes from MSMIGRATE_REGISTRY_MIRRORS /
  // MSMIGRATE_INSECURE_REGISTRIES, else from `registry-mirrors` / `insecure-registries` of the
  // .msmigrate.yaml found upward from `config_dir` (flag > environment > configuration).
  executor::PullOptions pull_options(const std::filesystem::path &config_dir = ".") const;
  executor::PullPolicy pull_policy() const;
};

// --registry-mirror, --insecure-registry, --authfile, --cert-dir.
void add_registry_options(CLI::App &cmd, RegistryArgs &args);
// --pull=missing|always|never (build and verify).
void add_pull_policy_option(CLI::App &cmd, RegistryArgs &args);

}  // namespace msm::cli
