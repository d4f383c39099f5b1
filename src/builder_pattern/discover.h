#pragma once
// Driver discovery: the one place that decides "this project uses the builder pattern, driven by
// these lines". It looks at every file that can drive Docker — shell scripts of any name in any
// folder, Makefiles (each target), Jenkinsfiles, GitHub Actions, GitLab CI, Travis and CircleCI
// files — reads each with the driver interpreter, and keeps the one whose commands build or run
// a builder image and get an artifact out of a container. convert, verify and the MSM3006 lint
// check all call it, so they cannot disagree about what a project is.

#include <optional>
#include <string>
#include <vector>

#include "builder_pattern/driver.h"
#include "util/error.h"

namespace msm::builder_pattern {

// The directory shows no builder pattern at all (no driver that runs docker, no image build, or
// nothing leaves a container): an error for `convert`, a clean result for `convert --check`,
// which CI runs on repositories that are already converted or never used the pattern.
class NothingToConvert : public Error {
 public:
  using Error::Error;
};

struct DiscoverOptions {
  std::string root = ".";
  std::optional<std::string> script;       // root-relative driver chosen by the user
  std::optional<std::string> make_target;  // reads the Makefile (or `script` as one)
  std::vector<std::string> script_args;    // positional parameters for the script
};

struct Driver {
  std::string file;         // root-relative
  std::string kind;         // "script" | "makefile" | "ci" | "windows" (.bat/.cmd/.ps1) | "other" (a build tool msmigrate refuses)
  std::string make_target;  // for a Makefile
  std::string text;         // the file as written
  std::vector<std::string> ci_expressions;  // `${{ … }}` texts, by the n of ${MSM_CI_EXPR_n}
  DriverModel model;
  // Builds or runs an image and gets an artifact out of a container: the builder pattern.
  bool is_pattern() const;
};

// Reads the project's driver: options.script when given, else the best candidate found under
// options.root. A driver that runs docker in ways msmigrate refuses is still returned (its model
// holds the refusals and the lines responsible). Throws NothingToConvert when no file drives a
// builder pattern, msm::Error for unreadable input (a missing --script file, a bad target).
Driver discover_driver(const DiscoverOptions &options);

// The same decision for a lint check: the driver when the directory holds a builder pattern,
// nullopt otherwise (never throws for what it finds on disk).
std::optional<Driver> find_builder_pattern(const std::string &root);

// Root-relative paths of the Dockerfiles under root (`Dockerfile`, `Dockerfile.*`, `*.Dockerfile`),
// walked like drivers are (same depth, same skipped folders), sorted.
std::vector<std::string> project_dockerfiles(const std::string &root);

// Interpreter options for a project directory: existence checks and file reads under root.
DriverOptions project_driver_options(const std::string &root, const std::string &file,
                                     const std::vector<std::string> &positional);

}  // namespace msm::builder_pattern
