#pragma once
// Reading a builder-pattern driver (a shell script, or a Makefile target's recipe read as
// shell) for what it does to Docker: image builds, containers, copies out of them, bind-mount
// builds, and everything else on the host. It interprets the script statically: variables and
// defaults, cd, functions, $(docker create ...) ids and --cidfile files; it never runs anything.

#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "util/path.h"

namespace msm::builder_pattern {

// A place in the driver: file, 1-based line, the command's text.
struct SourceRef {
  std::string file;
  uint32_t line = 0;
  std::string text;
};

// A refusal or warning with one of the categories of notes/builder-pattern.md §6.
struct Finding {
  std::string category;  // e.g. "host-post-processing", "docker-socket", "unfollowable-logic"
  std::string message;
  SourceRef where;
};

struct BuildArg {
  std::string name;
  std::string value;   // evaluated (defaults applied)
  std::string raw;     // as written in the driver, for the replacement command
  bool dynamic = false;  // depends on the environment or a command's output
};

struct BuildStep {
  std::string dockerfile;  // root-relative ("Dockerfile.build"); "-" when read from stdin
  std::string context;     // root-relative ("." for the root); "-" for stdin
  std::vector<std::string> tags;
  std::vector<std::string> raw_tags;  // as written
  std::vector<BuildArg> build_args;
  std::optional<std::string> target;
  std::vector<std::string> kept_options;  // --no-cache, --pull: repeated in the replacement command
  SourceRef where;
  size_t seq = 0;
};

struct Mount {
  std::string host;        // root-relative, or absolute when outside the project, or a volume name
  std::string container;   // absolute, or starting with `$HOME` (the host user's home)
  bool readonly = false;
  enum class Kind { Source, Cache, Socket, Outside } kind = Kind::Source;
};

// `docker run` (without -d) whose command builds at run time: into bind mounts, into the
// container (then `docker cp`), or to stdout redirected to a file.
struct RunBuild {
  std::string image;
  std::vector<Mount> mounts;
  std::optional<std::string> workdir;
  std::vector<std::pair<std::string, std::string>> env;
  std::optional<std::string> entrypoint;  // --entrypoint
  std::vector<std::string> args;          // after the image
  // `docker run img > file`: the command's stdout is the artifact, kept at this container path.
  std::optional<std::string> stdout_to;
  SourceRef where;
  size_t seq = 0;
};

// A file or directory that left a builder image for the host.
struct Extraction {
  enum class Via { Cp, Cat, Tar, BindMount } via = Via::Cp;
  std::string image;           // the image the container ran (a tag from a build, or a stock image)
  std::string container_path;  // absolute; for BindMount the mount's container directory
  std::string host_path;       // root-relative (or absolute outside the project)
  bool contents = false;       // host_path holds the contents of container_path (`dir/.`, tar -C)
  bool relative = false;       // written without a leading `/` (`c:.`, `c:app/out`): docker reads it from `/`
  std::optional<size_t> run;   // RunBuild index for BindMount
  SourceRef where;
  size_t seq = 0;
};

// Every other command, classified so nothing is dropped silently.
struct HostStep {
  enum class Kind {
    Cleanup,      // rm/mkdir of artifacts, docker rm/rmi/stop: the conversion makes them moot
    Info,         // echo, set, cd, variable assignments: nothing to keep
    Publish,      // docker push/login/tag/manifest: kept in the residual script
    Modify,       // strip/upx/chmod/gzip/tar on a path
    Fetch,        // curl/wget/git clone into the tree
    Move,         // mv/cp on the host
    Other,        // anything else: host tests, generators, uploads
  } kind = Kind::Other;
  std::vector<std::string> paths;  // root-relative paths it names (for Modify/Fetch/Move: [from, to])
  SourceRef where;
  size_t seq = 0;
};

struct DriverModel {
  std::string driver;   // file the commands came from ("build.sh", "Makefile")
  std::vector<BuildStep> builds;
  std::vector<RunBuild> runs;
  std::vector<Extraction> extractions;
  std::vector<HostStep> host_steps;
  std::vector<Finding> refusals;
  std::vector<Finding> warnings;
  bool set_e = false;
};

struct DriverOptions {
  std::string file;  // name used in SourceRefs
  // Does a root-relative path exist as a directory / file in the checkout? (decides docker cp
  // semantics: a missing destination is created, an existing directory takes the copy inside)
  std::function<bool(const std::string &)> is_directory;
  std::function<bool(const std::string &)> exists;
  // Reads another root-relative file (for `. ./env.sh`); nullopt when missing.
  std::function<std::optional<std::string>(const std::string &)> read_file;
  std::vector<std::string> positional;  // $1...
  // Root-relative directory the script starts in ("." for the project root; a script's own
  // folder when it is run from there).
  std::string start_dir = ".";
};

// Reads a shell script's Docker steps. `line_map` (optional) maps script lines to lines of the
// original file (for Makefile recipes); line i of the script is line_map[i-1].
DriverModel read_driver(const std::string &script, const DriverOptions &options,
                        const std::vector<uint32_t> &line_map = {});

// Joins and normalizes paths the way the converter reports them ("." for the root).
using util::join_path;
using util::normalize_path;

}  // namespace msm::builder_pattern
