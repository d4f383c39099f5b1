// `msmigrate build [CONTEXT]`: a daemonless image build into the embedded store.

#include <signal.h>
#include <unistd.h>

#include <iostream>
#include <memory>
#include <thread>

#include "build/builder.h"
#include "build/sandbox.h"
#include "build/store.h"
#include "cli/cli.h"
#include "util/error.h"

namespace msm::cli {

namespace {

// Ctrl-C / kill: exit at once. Every helper has PR_SET_PDEATHSIG, so RUN's pid namespace and
// every mount die with us; temp dirs are only ever under <store>/tmp (removed by `image prune`),
// and blobs and the index are written by rename, so nothing half-written is visible.
void on_signal(int sig) { _exit(128 + sig); }

}  // namespace

void register_build(CLI::App &app, int &exit_code) {
  auto *cmd = app.add_subcommand("build", "Build an image from a Dockerfile, without a daemon (Linux, root)");
  struct Args {
    std::string context = ".";
    std::string file;
    std::string tag;
    std::string target;
    std::vector<std::string> build_args;
    bool no_cache = false;
    int jobs = static_cast<int>(std::min(2u, std::max(1u, std::thread::hardware_concurrency())));
    std::string progress = "auto";
    std::string output;
    std::string store;
  };
  auto a = std::make_shared<Args>();
  cmd->add_option("context", a->context, "Build context directory (default .)");
  cmd->add_option("-f,--file", a->file, "Dockerfile (default CONTEXT/Dockerfile)");
  cmd->add_option("-t,--tag", a->tag, "Tag the result, e.g. localhost/app:dev");
  cmd->add_option("--target", a->target, "Build this stage (default: the last)");
  cmd->add_option("--build-arg", a->build_args, "KEY=VALUE (or KEY to take it from the environment)");
  cmd->add_flag("--no-cache", a->no_cache, "Run every step, ignoring the build cache");
  cmd->add_option("--jobs", a->jobs, "Stages built in parallel")->check(CLI::Range(1, 64));
  cmd->add_option("--progress", a->progress, "auto, plain (every output line) or tty (step lines; output on failure)")
      ->check(CLI::IsMember({"auto", "plain", "tty"}));
  cmd->add_option("--output", a->output, "type=oci|docker,dest=FILE: also write the image as an archive");
  cmd->add_option("--store", a->store, "Store directory (default $MSMIGRATE_STORE or $XDG_DATA_HOME/msmigrate)");
  cmd->callback([a, &exit_code] {
    build::BuildOptions options;
    options.context = a->context;
    options.dockerfile = a->file;
    options.tag = a->tag;
    options.target = a->target;
    options.no_cache = a->no_cache;
    options.jobs = a->jobs;
    std::string progress = a->progress == "auto" ? (isatty(2) ? "tty" : "plain") : a->progress;
    options.progress = progress == "tty" ? build::Progress::Tty : build::Progress::Plain;
    for (const auto &kv : a->build_args) {
      size_t eq = kv.find('=');
      if (eq == std::string::npos) {
        if (const char *v = std::getenv(kv.c_str())) options.build_args[kv] = v;
      } else {
        options.build_args[kv.substr(0, eq)] = kv.substr(eq + 1);
      }
    }
    if (!a->output.empty()) {
      std::string rest = a->output;
      size_t pos = 0;
      while (pos <= rest.size()) {
        size_t comma = rest.find(',', pos);
        if (comma == std::string::npos) comma = rest.size();
        std::string field = rest.substr(pos, comma - pos);
        size_t eq = field.find('=');
        std::string k = field.substr(0, eq), v = eq == std::string::npos ? "" : field.substr(eq + 1);
        if (k == "type") options.output_type = v;
        else if (k == "dest") options.output_dest = v;
        else throw Error("--output: unknown field '" + k + "' (want type=oci|docker,dest=FILE)");
        pos = comma + 1;
      }
      if (options.output_type != "oci" && options.output_type != "docker") {
        throw Error("--output: type must be oci or docker, not '" + options.output_type + "'");
      }
      if (options.output_dest.empty()) throw Error("--output: dest=FILE is required");
    }
    if (geteuid() != 0) {
      throw Error("msmigrate build needs root (namespaces and overlayfs mounts); rootless builds are not supported yet");
    }
    build::Store store(build::Store::default_root(a->store));
    build::FileLock lock(store.store_lock_path(), false);
    // Explicit handlers also undo an inherited SIG_IGN (background jobs of a script).
    struct sigaction sa {};
    sa.sa_handler = on_signal;
    sigaction(SIGINT, &sa, nullptr);
    sigaction(SIGTERM, &sa, nullptr);
    sigaction(SIGHUP, &sa, nullptr);
    build::BuildStats stats;
    build::Image image = build::run_build(store, options, std::cerr, &stats);
    std::cerr << "# " << stats.steps << " steps: " << stats.executed << " run, " << stats.cached << " cached\n";
    std::cout << image.config_digest << "\n";
    exit_code = k_exit_ok;
  });
}

}  // namespace msm::cli
