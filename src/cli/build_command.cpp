// `msmigrate build [CONTEXT]`: a daemonless image build into the embedded store.

#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>
#include <memory>
#include <thread>

#include "executor/builder.h"
#include "executor/push.h"
#include "executor/sandbox.h"
#include "executor/store.h"
#include "cli/cli.h"
#include "cli/registry_options.h"
#include "util/error.h"

namespace msm::cli {

namespace {

// Ctrl-C / kill: exit at once. Every helper has PR_SET_PDEATHSIG, so RUN's pid namespace and
// every mount die with us; temp dirs are only ever under <store>/tmp (removed by `image prune`),
// and blobs and the index are written by rename, so nothing half-written is visible.
void on_signal(int sig) { _exit(128 + sig); }

std::map<std::string, std::string> fields(const std::string &spec, const std::string &flag) {
  std::map<std::string, std::string> kv;
  size_t pos = 0;
  while (pos <= spec.size()) {
    size_t comma = spec.find(',', pos);
    if (comma == std::string::npos) comma = spec.size();
    std::string field = spec.substr(pos, comma - pos);
    size_t eq = field.find('=');
    if (eq == std::string::npos) throw Error(flag + " " + spec + ": '" + field + "' is not KEY=VALUE");
    kv[field.substr(0, eq)] = field.substr(eq + 1);
    pos = comma + 1;
  }
  return kv;
}

// `--secret` as docker buildx takes it: id=ID with src=FILE (source=, type=file) or env=VAR
// (type=env); with neither, the variable named like the id.
std::pair<std::string, std::string> read_secret(const std::string &spec) {
  auto kv = fields(spec, "--secret");
  std::string id = kv.count("id") ? kv["id"] : "";
  std::string file = kv.count("src") ? kv["src"] : kv.count("source") ? kv["source"] : "";
  std::string env = kv.count("env") ? kv["env"] : "";
  std::string type = kv.count("type") ? kv["type"] : "";
  for (const auto &[k, v] : kv) {
    if (k != "id" && k != "src" && k != "source" && k != "env" && k != "type") {
      throw Error("--secret " + spec + ": unknown field '" + k + "' (want id=, src= or env=)");
    }
  }
  if (type == "env" && env.empty()) {
    env = file.empty() ? id : file;  // type=env,src=VAR names the variable
    file.clear();
  } else if (!type.empty() && type != "env" && type != "file") {
    throw Error("--secret " + spec + ": type must be file or env");
  }
  if (id.empty()) id = !file.empty() ? std::filesystem::path(file).filename().string() : env;
  if (id.empty()) throw Error("--secret " + spec + ": needs id=");
  if (file.empty() && env.empty()) env = id;
  if (!file.empty()) {
    std::ifstream in(file, std::ios::binary);
    if (!in) throw Error("--secret " + spec + ": cannot read " + file + ": " + std::strerror(errno));
    std::ostringstream content;
    content << in.rdbuf();
    if (content.str().size() > 500 * 1024) throw Error("--secret " + spec + ": " + file + " is larger than 500 KiB");
    return {id, content.str()};
  }
  const char *value = std::getenv(env.c_str());
  if (!value) throw Error("--secret " + spec + ": environment variable " + env + " is not set");
  return {id, value};
}

// `--ssh ID[=SOCKET]`: an ssh-agent socket (default $SSH_AUTH_SOCK). Key files would need an
// agent inside msmigrate; ssh-agent does that job already.
std::pair<std::string, std::string> ssh_agent(const std::string &spec) {
  size_t eq = spec.find('=');
  std::string id = spec.substr(0, eq);
  std::string path = eq == std::string::npos ? "" : spec.substr(eq + 1);
  if (id.empty()) id = "default";
  if (path.empty()) {
    const char *sock = std::getenv("SSH_AUTH_SOCK");
    if (!sock || !*sock) throw Error("--ssh " + spec + ": SSH_AUTH_SOCK is not set: start ssh-agent, or pass --ssh " + id + "=SOCKET");
    path = sock;
  }
  if (path.find(',') != std::string::npos) {
    throw Error("--ssh " + spec + ": one agent socket per id (run ssh-add for each key instead of listing key files)");
  }
  struct stat st;
  if (stat(path.c_str(), &st) != 0) throw Error("--ssh " + spec + ": " + path + ": " + std::strerror(errno));
  if (!S_ISSOCK(st.st_mode)) {
    throw Error("--ssh " + spec + ": " + path + " is not an ssh-agent socket; msmigrate build forwards agents only: "
                "run `eval $(ssh-agent) && ssh-add " + path + "` and pass --ssh " + id + "=$SSH_AUTH_SOCK");
  }
  return {id, std::filesystem::absolute(path).string()};
}

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
    std::vector<std::string> secrets;
    std::vector<std::string> ssh;
    RegistryArgs registry;
    bool push = false;
  };
  auto a = std::make_shared<Args>();
  cmd->add_option("context", a->context, "Build context directory (default .)");
  cmd->add_option("-f,--file", a->file, "Dockerfile (default CONTEXT/Dockerfile)");
  cmd->add_option("-t,--tag", a->tag, "Tag the result, e.g. localhost/app:dev");
  cmd->add_option("--target", a->target, "Build this stage (default: the last)");
  // One value per occurrence: a vector option would otherwise swallow the CONTEXT that follows.
  cmd->add_option("--build-arg", a->build_args, "KEY=VALUE (or KEY to take it from the environment)")
      ->allow_extra_args(false);
  cmd->add_flag("--no-cache", a->no_cache, "Run every step, ignoring the build cache");
  cmd->add_option("--jobs", a->jobs, "Stages built in parallel")->check(CLI::Range(1, 64));
  cmd->add_option("--progress", a->progress, "auto, plain (every output line) or tty (step lines; output on failure)")
      ->check(CLI::IsMember({"auto", "plain", "tty"}));
  cmd->add_option("--output", a->output, "type=oci|docker,dest=FILE: also write the image as an archive");
  cmd->add_option("--secret", a->secrets,
                  "id=ID,src=FILE or id=ID,env=VARIABLE: a secret for RUN --mount=type=secret (never stored)")
      ->allow_extra_args(false);
  cmd->add_option("--ssh", a->ssh, "ID[=SOCKET]: forward an ssh-agent socket (default $SSH_AUTH_SOCK) to RUN --mount=type=ssh")
      ->allow_extra_args(false);
  cmd->add_option("--store", a->store, "Store directory (default $MSMIGRATE_STORE or $XDG_DATA_HOME/msmigrate)");
  add_pull_policy_option(*cmd, a->registry);
  cmd->add_flag("--push", a->push, "Push the result to the registry its --tag names");
  add_registry_options(*cmd, a->registry);
  cmd->callback([a, &exit_code] {
    executor::BuildOptions options;
    options.context = a->context;
    options.dockerfile = a->file;
    options.tag = a->tag;
    if (!options.tag.empty()) executor::normalize_reference(options.tag);  // refused now, not after the build
    if (a->push && options.tag.empty()) throw Error("--push needs --tag REGISTRY/REPOSITORY:TAG to say where");
    options.target = a->target;
    options.no_cache = a->no_cache;
    options.jobs = a->jobs;
    options.pull = a->registry.pull_policy();
    // The configuration beside the Dockerfile applies, as for lint.
    options.pull_options = a->registry.pull_options(a->file.empty() ? std::filesystem::path(a->context)
                                                                     : std::filesystem::path(a->file).parent_path());
    std::string progress = a->progress == "auto" ? (isatty(2) ? "tty" : "plain") : a->progress;
    options.progress = progress == "tty" ? executor::Progress::Tty : executor::Progress::Plain;
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
    for (const auto &spec : a->secrets) {
      auto [id, content] = read_secret(spec);
      options.secrets[id] = content;
    }
    for (const auto &spec : a->ssh) {
      auto [id, socket] = ssh_agent(spec);
      options.ssh[id] = socket;
    }
    if (geteuid() != 0) {
      throw Error("msmigrate build needs root (namespaces and overlayfs mounts); rootless builds are not supported yet");
    }
    executor::Store store(executor::Store::default_root(a->store));
    executor::FileLock lock(store.store_lock_path(), false);
    // Explicit handlers also undo an inherited SIG_IGN (background jobs of a script).
    struct sigaction sa {};
    sa.sa_handler = on_signal;
    sigaction(SIGINT, &sa, nullptr);
    sigaction(SIGTERM, &sa, nullptr);
    sigaction(SIGHUP, &sa, nullptr);
    executor::BuildStats stats;
    executor::Image image = executor::run_build(store, options, std::cerr, &stats);
    for (const auto &p : stats.pulled) std::cerr << "# pulled " << p << "\n";
    std::cerr << "# " << stats.steps << " steps: " << stats.executed << " run, " << stats.cached << " cached\n";
    if (a->push) executor::push_image(store, options.tag, "", options.pull_options, std::cerr);
    std::cout << image.config_digest << "\n";
    exit_code = k_exit_ok;
  });
}

}  // namespace msm::cli
