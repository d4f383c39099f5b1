#include "verify/container_engine.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <cstring>
#include <iostream>
#include <set>
#include <sstream>

#include "analysis/stages.h"
#include "executor/builder.h"
#include "syntax/document.h"
#include "util/files.h"
#include "util/process.h"

namespace msm::verify {

namespace {

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// The images a Dockerfile's stages start from (not earlier stages, not scratch).
std::vector<std::string> base_images(const BuildRequest &request) {
  auto doc = syntax::Document::parse(util::read_input(request.dockerfile), request.dockerfile);
  analysis::StageGraph graph(*doc, request.build_args);
  std::vector<std::string> out;
  for (const auto &stage : graph.stages()) {
    if (!stage.base_stage && !stage.is_scratch()) out.push_back(stage.base_expanded);
  }
  return out;
}

// The daemonless builder and sandbox of src/build.
class BuiltinEngine : public Engine {
 public:
  BuiltinEngine(executor::Store &store, executor::PullPolicy pull, executor::PullOptions pull_options)
      : m_store(store), m_pull(pull), m_pull_options(std::move(pull_options)) {
    if (m_pull_options.progress == executor::PullProgress::Tty) m_pull_options.progress = executor::PullProgress::Plain;
  }
  std::string name() const override { return "builtin"; }

  // Pulls here, before the timed build, so the figures do not include the download.
  void prepare(const BuildRequest &request) override {
    for (const auto &ref : base_images(request)) {
      if (m_pulled.insert(ref).second) pull_if_needed(ref);
      if (!m_store.resolve(ref)) continue;  // the build's own error names it
      for (const auto &layer : executor::find_image(m_store, ref).layers) m_store.ensure_extracted(layer);
    }
  }

  BuildOutcome build(const BuildRequest &request) override {
    executor::BuildOptions options;
    options.context = request.context;
    options.dockerfile = request.dockerfile;
    options.tag = request.tag;
    options.target = request.target;
    options.build_args = request.build_args;
    options.no_cache = request.no_cache;
    options.progress = executor::Progress::Plain;
    options.pull = m_pull == executor::PullPolicy::Never ? m_pull : executor::PullPolicy::Missing;  // prepare() asked already
    options.pull_options = m_pull_options;
    std::ostringstream log;
    auto start = std::chrono::steady_clock::now();
    BuildOutcome out;
    try {
      out.image = executor::run_build(m_store, options, log);
    } catch (const Error &e) {
      throw StepFailed(e.what(), log.str());
    }
    out.seconds = seconds_since(start);
    out.reference = request.tag.empty() ? out.image.manifest_digest : request.tag;
    return out;
  }

  executor::Image stock_image(const std::string &reference) override {
    if (m_pulled.insert(reference).second) pull_if_needed(reference);
    return executor::find_image(m_store, reference);
  }

  int run(const RunRequest &request, const std::string &stdout_path, std::string &log) override {
    std::string scratch = m_store.make_temp_dir("verify-run");
    struct Cleanup {
      std::string dir;
      ~Cleanup() { executor::remove_tree(dir); }
    } cleanup{scratch};
    executor::RunSpec spec;
    spec.root.base = m_store.root();
    for (auto it = request.image.layers.rbegin(); it != request.image.layers.rend(); ++it) {
      spec.root.lowers.push_back(m_store.ensure_extracted(*it));
    }
    spec.root.lowers.push_back(m_store.stub_dir());
    spec.root.upper = scratch + "/upper";
    spec.root.work = scratch + "/work";
    spec.merged = scratch + "/merged";
    for (const auto &d : {spec.root.upper, spec.root.work, spec.merged, scratch + "/net"}) mkdir(d.c_str(), 0755);
    executor::write_network_files(scratch + "/net", "msmigrate");
    spec.hosts_file = scratch + "/net/hosts";
    spec.resolv_file = scratch + "/net/resolv.conf";
    spec.argv = request.argv;
    spec.env = request.env;
    spec.workdir = request.workdir.empty() ? "/" : request.workdir;
    spec.user = request.user;
    spec.mounts = request.mounts;
    // The container's output: stdout into the file (`docker run … > file`), everything else
    // into a log file read back afterwards.
    std::string out_file = stdout_path.empty() ? scratch + "/output" : stdout_path;
    int fd = open(out_file.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0) throw Error(out_file + ": cannot write: " + std::strerror(errno));
    int status = executor::run_in_sandbox(spec, fd);
    close(fd);
    if (stdout_path.empty()) log += executor::read_file(out_file);
    return status;
  }

 private:
  executor::Store &m_store;
  executor::PullPolicy m_pull;
  executor::PullOptions m_pull_options;
  std::set<std::string> m_pulled;  // asked once per verify, whatever the policy

  void pull_if_needed(const std::string &reference) {
    if (auto r = executor::ensure_image(m_store, reference, m_pull, m_pull_options, std::cerr)) m_pulled_images.push_back(std::move(*r));
  }
};

// buildah, podman or docker through their command lines.
class ExternalEngine : public Engine {
 public:
  ExternalEngine(std::string program, executor::Store &store, const std::string &engine_root)
      : m_program(std::move(program)), m_store(store) {
    m_prefix.push_back(m_program);
    if (!engine_root.empty() && m_program != "docker") {
      m_prefix.insert(m_prefix.end(), {"--root", engine_root + "/root", "--runroot", engine_root + "/run"});
      m_prefix.push_back("--storage-driver");
      m_prefix.push_back("overlay");
    }
  }
  std::string name() const override { return m_program; }

  void prepare(const BuildRequest &request) override {
    for (const auto &ref : base_images(request)) ensure_image(ref);
  }

  BuildOutcome build(const BuildRequest &request) override {
    prepare(request);
    std::string tag = request.tag.empty() ? "localhost/msmigrate-verify:build-" + std::to_string(++m_counter) : request.tag;
    std::vector<std::string> argv = m_prefix;
    if (m_program == "buildah") {
      argv.insert(argv.end(), {"bud", "--isolation", "chroot", "--layers", "--format", "docker"});
    } else if (m_program == "podman") {
      argv.insert(argv.end(), {"build", "--isolation", "chroot", "--layers", "--format", "docker"});
    } else {
      argv.insert(argv.end(), {"build"});
    }
    if (request.no_cache) argv.push_back("--no-cache");
    argv.insert(argv.end(), {"-f", request.dockerfile, "-t", tag});
    if (!request.target.empty()) argv.insert(argv.end(), {"--target", request.target});
    for (const auto &[k, v] : request.build_args) argv.insert(argv.end(), {"--build-arg", k + "=" + v});
    argv.push_back(request.context);
    auto start = std::chrono::steady_clock::now();
    util::ProcessResult r = util::run_process(argv);
    BuildOutcome out;
    out.seconds = seconds_since(start);
    if (r.status != 0) throw StepFailed(request.dockerfile + ": " + m_program + " build failed (exit " + std::to_string(r.status) + ")", r.output);
    out.reference = tag;
    out.image = export_into_store(tag);
    return out;
  }

  executor::Image stock_image(const std::string &reference) override {
    ensure_image(reference);
    return executor::find_image(m_store, reference);
  }

  int run(const RunRequest &request, const std::string &stdout_path, std::string &log) override {
    std::vector<std::string> argv = m_prefix;
    std::string container;
    if (m_program == "buildah") {
      util::ProcessResult from = util::run_process(concat({"from", "--pull-never", request.reference}));
      if (from.status != 0) throw StepFailed("buildah from " + request.reference + " failed", from.output);
      container = last_line(from.output);
      argv.insert(argv.end(), {"run", "--isolation", "chroot"});
      if (!request.workdir.empty()) argv.insert(argv.end(), {"--workingdir", request.workdir});
      if (!request.user.empty()) argv.insert(argv.end(), {"--user", request.user});
      for (const auto &e : request.env) argv.insert(argv.end(), {"--env", e});
      for (const auto &m : request.mounts) argv.insert(argv.end(), {"-v", m.source + ":" + m.target});
      argv.push_back(container);
      argv.push_back("--");
    } else {
      argv.insert(argv.end(), {"run", "--rm", "--entrypoint", ""});
      if (!request.workdir.empty()) argv.insert(argv.end(), {"-w", request.workdir});
      if (!request.user.empty()) argv.insert(argv.end(), {"--user", request.user});
      for (const auto &e : request.env) argv.insert(argv.end(), {"-e", e});
      for (const auto &m : request.mounts) argv.insert(argv.end(), {"-v", m.source + ":" + m.target});
      argv.push_back(request.reference);
    }
    argv.insert(argv.end(), request.argv.begin(), request.argv.end());
    util::ProcessResult r = util::run_process(argv, stdout_path);
    log += r.output;
    if (!container.empty()) util::run_process(concat({"rm", container}));
    return r.status;
  }

 private:
  std::vector<std::string> concat(std::initializer_list<std::string> rest) const {
    std::vector<std::string> argv = m_prefix;
    argv.insert(argv.end(), rest);
    return argv;
  }

  static std::string last_line(std::string text) {
    while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.pop_back();
    size_t nl = text.rfind('\n');
    return nl == std::string::npos ? text : text.substr(nl + 1);
  }

  bool engine_has_image(const std::string &ref) {
    if (m_program == "buildah") return util::run_process(concat({"inspect", "--type", "image", ref})).status == 0;
    if (m_program == "podman") return util::run_process(concat({"image", "exists", ref})).status == 0;
    return util::run_process(concat({"image", "inspect", ref})).status == 0;
  }

  // A base image the engine lacks comes from msmigrate's store (the offline base images), as
  // an `image save` archive the engine loads.
  void ensure_image(const std::string &ref) {
    if (m_known.count(ref) || engine_has_image(ref)) {
      m_known.insert(ref);
      return;
    }
    if (!m_store.resolve(ref)) return;  // the engine's own error will name it
    std::string dir = m_store.make_temp_dir("verify-base");
    std::string archive = dir + "/base.tar";
    executor::save_archive(m_store, ref, archive);
    util::ProcessResult r = m_program == "buildah" ? util::run_process(concat({"pull", "-q", "docker-archive:" + archive}))
                                                   : util::run_process(concat({"load", "-i", archive}));
    executor::remove_tree(dir);
    if (r.status != 0) throw StepFailed("cannot load base image " + ref + " into " + m_program, r.output);
    m_known.insert(ref);
  }

  executor::Image export_into_store(const std::string &tag) {
    std::string dir = m_store.make_temp_dir("verify-export");
    std::string archive = dir + "/image.tar";
    util::ProcessResult r;
    if (m_program == "buildah") r = util::run_process(concat({"push", "-q", tag, "oci-archive:" + archive + ":" + tag}));
    else if (m_program == "podman") r = util::run_process(concat({"save", "--format", "oci-archive", "-o", archive, tag}));
    else r = util::run_process(concat({"save", "-o", archive, tag}));
    if (r.status != 0) {
      executor::remove_tree(dir);
      throw StepFailed("cannot export " + tag + " from " + m_program, r.output);
    }
    std::string local = "localhost/msmigrate-verify-" + m_program + ":" + std::to_string(++m_counter);
    std::vector<std::string> refs;
    try {
      refs = executor::load_archive(m_store, archive, local);
    } catch (...) {
      executor::remove_tree(dir);
      throw;
    }
    executor::remove_tree(dir);
    executor::Image image = executor::find_image(m_store, local);
    // The copy only serves this comparison: untagged, `image prune` takes it.
    m_store.untag(local);
    return image;
  }

  std::string m_program;
  executor::Store &m_store;
  std::vector<std::string> m_prefix;
  std::set<std::string> m_known;
  int m_counter = 0;
};

}  // namespace

std::unique_ptr<Engine> make_engine(const std::string &name, executor::Store &store, const std::string &engine_root,
                                    executor::PullPolicy pull, const executor::PullOptions &pull_options) {
  if (name == "builtin") return std::make_unique<BuiltinEngine>(store, pull, pull_options);
  if (name != "buildah" && name != "podman" && name != "docker") {
    throw Error("--engine: unknown engine '" + name + "' (builtin, buildah, podman or docker)");
  }
  if (!util::program_on_path(name)) throw Error("--engine " + name + ": `" + name + "` is not installed (apt-get install " + name + ")");
  if (name == "docker") {
    util::ProcessResult info = util::run_process({"docker", "info", "--format", "{{.ServerVersion}}"});
    if (info.status != 0) {
      throw Error("--engine docker: skipped: no Docker daemon reachable (`docker info` failed: " + log_tail(info.output, 1) +
                  "); use --engine builtin, buildah or podman");
    }
  }
  return std::make_unique<ExternalEngine>(name, store, engine_root);
}

std::string log_tail(const std::string &log, size_t lines) {
  std::string text = log;
  while (!text.empty() && text.back() == '\n') text.pop_back();
  size_t pos = text.size();
  for (size_t n = 0; n < lines && pos != std::string::npos && pos > 0; ++n) pos = text.rfind('\n', pos - 1);
  if (pos == std::string::npos) return text;
  return pos == 0 && text[0] != '\n' ? text : text.substr(pos + 1);
}

}  // namespace msm::verify
