#pragma once
// Who builds and runs containers for `verify`: the built-in builder, or an installed engine
// (buildah, podman, docker). Every engine's images end up in msmigrate's store (external ones are
// exported as archives and loaded), so the file trees and sizes are read one way for all.

#include <memory>
#include <string>
#include <vector>

#include "analysis/scope.h"
#include "executor/image.h"
#include "executor/pull.h"
#include "executor/sandbox.h"
#include "executor/store.h"
#include "util/error.h"

namespace msm::verify {

struct BuildRequest {
  std::string context;     // host directory
  std::string dockerfile;  // host path
  std::string tag;         // "" for none
  std::string target;      // "" for the last stage
  analysis::BuildArgs build_args;
  bool no_cache = false;
};

struct BuildOutcome {
  executor::Image image;      // in msmigrate's store
  std::string reference;   // how later steps of the same engine name it (FROM, run)
  double seconds = 0;      // the build alone (not the export into our store)
};

struct RunRequest {
  executor::Image image;
  std::string reference;
  std::vector<std::string> argv;  // the whole command (entrypoint already applied)
  std::vector<std::string> env;   // KEY=VALUE, the image's first
  std::string workdir = "/";
  std::string user;
  std::vector<executor::RunMount> mounts;  // bind and cache mounts
};

// A failed build or run: the message names the step; `log` holds the engine's output.
class StepFailed : public Error {
 public:
  StepFailed(const std::string &message, std::string log) : Error(message, k_exit_findings), m_log(std::move(log)) {}
  const std::string &log() const { return m_log; }

 private:
  std::string m_log;
};

class Engine {
 public:
  virtual ~Engine() = default;
  virtual std::string name() const = 0;
  // Makes the base images a build names ready (extracted, or loaded into the engine), so the
  // build's time is the build's own and does not depend on which flow ran first.
  virtual void prepare(const BuildRequest &request) = 0;
  virtual BuildOutcome build(const BuildRequest &request) = 0;
  // Makes a stock image the driver runs (`docker run IMAGE …`) available to the engine; returns
  // it as read from msmigrate's store.
  virtual executor::Image stock_image(const std::string &reference) = 0;
  // The images pulled from registries so far (the builtin engine pulls; the others load from
  // msmigrate's store).
  const std::vector<executor::PullResult> &pulled() const { return m_pulled_images; }
  // Runs a container; its stdout goes to `stdout_path` ("" keeps it in the log). Returns the
  // exit status; the output is appended to `log`.
  virtual int run(const RunRequest &request, const std::string &stdout_path, std::string &log) = 0;

 protected:
  std::vector<executor::PullResult> m_pulled_images;
};

// "builtin", "buildah", "podman" or "docker". `engine_root` (buildah/podman): a private storage
// directory (--root/--runroot); "" uses the engine's default storage. The builtin engine pulls
// the images builds and runs name into the store as `pull` says. Throws msm::Error (exit 2)
// when the engine is not installed or, for docker, no daemon answers.
std::unique_ptr<Engine> make_engine(const std::string &name, executor::Store &store, const std::string &engine_root,
                                    executor::PullPolicy pull = executor::PullPolicy::Missing,
                                    const executor::PullOptions &pull_options = {});

// The last `lines` lines of a log.
std::string log_tail(const std::string &log, size_t lines = 20);

}  // namespace msm::verify
