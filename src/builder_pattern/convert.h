#pragma once
// Builder pattern -> one multi-stage Dockerfile. The driver (script or Makefile target) says
// which build makes the builder image, what leaves it, and which build makes the runtime image;
// the conversion is a set of text edits to the runtime Dockerfile (builder stages inserted above
// it, artifact COPY/ADD lines rewritten to `COPY --from=<stage>`), so comments and formatting
// of both files survive and --diff / --write treat it like any other fix.

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "edit/edit.h"
#include "builder_pattern/discover.h"
#include "builder_pattern/driver.h"
#include "util/error.h"

namespace msm::builder_pattern {

struct ConvertOptions {
  std::string root = ".";                        // the project directory
  std::optional<std::string> build_dockerfile;   // root-relative overrides
  std::optional<std::string> runtime_dockerfile;
  std::optional<std::string> script;
  std::optional<std::string> make_target;        // reads the Makefile (or --script FILE as one)
  std::vector<std::string> script_args;          // positional parameters for the script
};

struct BuilderPiece {
  std::string dockerfile;  // "" for a stock image used directly
  std::string image;       // tag or stock image
  std::string context;
  std::string stage;       // stage name in the output
  std::vector<BuildArg> build_args;
  SourceRef where;
};

struct ArtifactMapping {
  std::string stage;
  std::string builder_path;
  std::string host_path;
  std::string via;          // "docker cp", "cat", "tar", "bind mount"
  SourceRef extracted;
  std::string runtime_file;
  uint32_t runtime_line = 0;
  std::string before;       // the runtime line before and after
  std::string after;
};

struct DroppedStep {
  SourceRef where;
  std::string why;
};

// One file the conversion writes (the old content is kept as `<path>.orig` on --write).
struct FileChange {
  std::string path;      // root-relative
  std::string before;    // "" for a new file
  std::string after;
  edit::Fix fix;         // edits from `before` to `after`
  bool remove = false;   // the file is replaced by the merged Dockerfile (kept as .orig)
};

struct Conversion {
  bool found = false;         // a builder pattern was recognised
  std::string driver;         // "build.sh", "Makefile"
  std::string driver_kind;    // "script" | "makefile"
  std::string make_target;
  std::vector<BuilderPiece> builders;
  std::optional<std::string> runtime_dockerfile;
  std::vector<std::string> runtime_tags;
  std::string runtime_context = ".";
  std::vector<ArtifactMapping> artifacts;
  std::vector<Finding> warnings;
  std::vector<Finding> refusals;
  std::vector<DroppedStep> dropped;
  std::vector<SourceRef> leftover;
  std::string command;          // the replacement docker build command
  std::string residual_script;  // what the driver still has to do (push, tests...)
  std::string output_path;      // root-relative path of the merged Dockerfile
  std::string output;           // the merged Dockerfile
  std::vector<FileChange> changes;  // output file first
  DriverModel driver_model;     // the driver's steps as read (verify replays its Docker steps)
  // Root-relative context paths the builders read (COPY/ADD sources, possibly globs or folders,
  // and bind-mounted source trees): files both the old and the new flow compile.
  std::vector<std::string> builder_sources;
  bool converted() const { return found && refusals.empty(); }
};

// Reads the pieces under options.root (the driver through discover_driver) and converts.
// Throws NothingToConvert when there is no builder pattern, msm::Error (exit 2) for unusable
// input (missing files).
Conversion convert(const ConvertOptions &options);

// The versioned JSON report (see README, "convert report").
nlohmann::ordered_json report_json(const Conversion &conversion);

}  // namespace msm::builder_pattern
