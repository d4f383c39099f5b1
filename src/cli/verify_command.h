#pragma once
// Shared by `msmigrate verify` and `msmigrate convert --verify`.

#include <string>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "builder_pattern/convert.h"
#include "cli/registry_options.h"

namespace msm::cli {

struct VerifyCliOptions {
  std::string engine = "builtin";
  std::string engine_root;
  std::string store;
  std::string report;     // HTML report path
  std::string converted;  // --converted FILE
  bool no_edit = false;
  RegistryArgs registry;
};

void add_verify_options(CLI::App &cmd, VerifyCliOptions &options);

// Runs the verification; prints progress on stderr; writes the HTML report when asked. Returns
// the exit code (0 verified, 1 different/failed/refused) and fills `table` and `json`.
int run_verification(const builder_pattern::ConvertOptions &convert, const VerifyCliOptions &options, std::string &table,
                     nlohmann::ordered_json &json);

}  // namespace msm::cli
