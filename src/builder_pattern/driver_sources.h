#pragma once
// The places a driver's shell commands live besides a plain script: a Makefile target's recipe,
// the shell steps of CI configurations (GitHub Actions, GitLab CI, Travis, CircleCI) and the `sh`
// steps of a Jenkinsfile. Each becomes one shell script with a map back to the file's lines, for
// the driver interpreter (driver.h) to read.

#include <cstdint>
#include <string>
#include <vector>

namespace msm::builder_pattern {

// A Makefile target's recipe as a shell script: prerequisites' recipes first, make variables
// substituted, `$$` unescaped, `$(MAKE) t` inlined. Throws msm::Error when the target is absent.
struct DriverScript {
  std::string script;
  std::vector<uint32_t> line_map;  // script line -> line of the driver file
  std::string target;
  std::vector<std::string> expressions;  // CI `${{ ... }}` texts, by the n of ${MSM_CI_EXPR_n}
};
DriverScript makefile_recipe(const std::string &makefile, std::string target, const std::string &path);

// A Makefile's explicit targets in the order they are defined (the first is make's default).
// Conditionals (ifdef/ifndef/ifeq/ifneq) are evaluated with what the Makefile itself defines.
std::vector<std::string> makefile_targets(const std::string &makefile, const std::string &path);

// The shell steps of a CI configuration (GitHub Actions `run:`, GitLab/others `script:`,
// `before_script:`, pipeline `sh` lists) in document order, as one script. `${{ expr }}`
// becomes an unknown variable. Throws msm::Error when the YAML cannot be read.
DriverScript ci_recipe(const std::string &yaml, const std::string &path);

// A Jenkinsfile's `sh '…'` steps and `docker.build(tag, args)` calls in order. Steps inside
// `docker.image(img).inside(args) {…}` or a stage with `agent { docker {image …} }` /
// `agent { dockerfile {filename …} }` become the `docker run` with the workspace bind-mounted
// that Jenkins performs. Throws msm::Error when there are none.
DriverScript jenkinsfile_recipe(const std::string &text, const std::string &path);

// A Windows batch file (.bat/.cmd) or PowerShell script (.ps1) read as the shell it mostly is
// for a driver: `%CD%` becomes $PWD, `%X%` and `$env:X` become ${X}, `^`/backtick continuations
// become `\`, REM/:: comments and `@echo off` are dropped, docker.exe is docker. Lines keep their
// numbers; anything cmd-specific is left for the interpreter to refuse.
DriverScript windows_script_recipe(const std::string &text, const std::string &path);

}  // namespace msm::builder_pattern
