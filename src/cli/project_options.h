#pragma once
// The project options `convert` and `verify` both take: where the builder-pattern setup is and
// which of its files to read.

#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "builder_pattern/convert.h"

namespace msm::cli {

struct ProjectArgs {
  std::string dir = ".";
  std::string build_dockerfile, runtime_dockerfile, script, make_target;
  std::vector<std::string> script_args;

  builder_pattern::ConvertOptions convert_options() const;
};

void add_project_options(CLI::App &cmd, ProjectArgs &args);

}  // namespace msm::cli
