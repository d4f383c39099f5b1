#include "verify/verify.h"

#include <fnmatch.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <map>
#include <set>

#include "executor/sandbox.h"
#include "util/error.h"
#include "util/files.h"
#include "util/path.h"
#include "verify/container_engine.h"

namespace msm::verify {

namespace {

namespace fs = std::filesystem;
using Json = nlohmann::ordered_json;

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

std::string location(const builder_pattern::SourceRef &r) { return r.file + (r.line ? ":" + std::to_string(r.line) : ""); }

ImageFigures figures(const std::string &role, const std::string &reference, const executor::Image &image) {
  ImageFigures f;
  f.role = role;
  f.reference = reference;
  f.id = image.config_digest;
  f.layers = image.layers.size();
  for (const auto &l : image.layers) {
    f.compressed += l.size;
    f.uncompressed += l.uncompressed_size;
  }
  return f;
}

// Copies `src` (a path inside a mounted image root, or in the checkout) to `dest`, keeping
// types, modes and link targets; owners too when `keep_owner` (tar -x as root), else root's
// (docker cp creates files as the user running it). An existing file at a destination is
// replaced; existing directories are merged into, as cp and tar do.
void copy_entry(const std::string &src, const std::string &dest, bool keep_owner) {
  struct stat st;
  if (lstat(src.c_str(), &st) != 0) throw Error(src + ": " + std::strerror(errno));
  uid_t uid = keep_owner ? st.st_uid : 0;
  gid_t gid = keep_owner ? st.st_gid : 0;
  struct stat existing;
  bool exists = lstat(dest.c_str(), &existing) == 0;
  if (S_ISDIR(st.st_mode)) {
    if (exists && !S_ISDIR(existing.st_mode)) fs::remove(dest);
    if (!exists || !S_ISDIR(existing.st_mode)) {
      if (mkdir(dest.c_str(), 0700) != 0) throw Error(dest + ": cannot create: " + std::strerror(errno));
    }
    for (const auto &child : fs::directory_iterator(src)) {
      copy_entry(child.path().string(), dest + "/" + child.path().filename().string(), keep_owner);
    }
    if (lchown(dest.c_str(), uid, gid) != 0 || chmod(dest.c_str(), st.st_mode & 07777) != 0) {
      throw Error(dest + ": " + std::strerror(errno));
    }
    return;
  }
  if (exists) fs::remove_all(dest);
  if (S_ISLNK(st.st_mode)) {
    fs::create_symlink(fs::read_symlink(src), dest);
  } else if (S_ISREG(st.st_mode)) {
    fs::copy_file(src, dest);
  } else {
    return;  // devices, sockets and FIFOs are never build artifacts
  }
  if (lchown(dest.c_str(), uid, gid) != 0) throw Error(dest + ": " + std::strerror(errno));
  if (!S_ISLNK(st.st_mode) && chmod(dest.c_str(), st.st_mode & 07777) != 0) throw Error(dest + ": " + std::strerror(errno));
}

uint64_t bytes_under(const std::string &path) {
  std::error_code ec;
  if (fs::is_symlink(path, ec)) return 0;
  if (fs::is_regular_file(path, ec)) return fs::file_size(path, ec);
  uint64_t total = 0;
  for (auto it = fs::recursive_directory_iterator(path, fs::directory_options::none, ec); !ec && it != fs::recursive_directory_iterator();
       it.increment(ec)) {
    if (it->is_regular_file(ec) && !it->is_symlink(ec)) total += it->file_size(ec);
  }
  return total;
}

void copy_project(const std::string &from, const std::string &to) {
  fs::copy(from, to, fs::copy_options::recursive | fs::copy_options::copy_symlinks);
}

// The file a developer would touch: a source both flows read, i.e. a file of the original
// checkout (never an artifact the old flow left behind) that a builder COPYs from the context or
// gets through a bind mount; a source-code file first. "" when there is none.
std::string pick_edit_file(const std::string &root, const builder_pattern::Conversion &c) {
  static const std::vector<std::string> k_source_ext = {".c", ".cc", ".cpp", ".h", ".go", ".rs", ".py", ".js", ".ts", ".java", ".rb"};
  std::set<std::string> setup{c.driver, ".dockerignore"};
  if (c.runtime_dockerfile) setup.insert(*c.runtime_dockerfile);
  for (const auto &b : c.builders) setup.insert(b.dockerfile);
  auto read_by_builder = [&](const std::string &rel) {
    for (const auto &src : c.builder_sources) {
      if (src == "." || rel == src || rel.starts_with(src + "/") || fnmatch(src.c_str(), rel.c_str(), FNM_PATHNAME) == 0) return true;
    }
    return false;
  };
  std::vector<std::string> sources, others;
  std::error_code ec;
  for (auto it = fs::recursive_directory_iterator(root, ec); !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    std::string name = it->path().filename().string();
    std::error_code fec;
    if (it->is_directory(fec) && (name == ".git" || name == "node_modules")) {
      it.disable_recursion_pending();
      continue;
    }
    if (!it->is_regular_file(fec) || it->is_symlink(fec)) continue;
    std::string rel = fs::relative(it->path(), root).generic_string();
    if (setup.count(rel) || name.find("Dockerfile") != std::string::npos || name.find("Containerfile") != std::string::npos ||
        name.ends_with(".orig") || name.ends_with(".sh") || name.ends_with(".yml") || name.ends_with(".yaml") || !read_by_builder(rel)) {
      continue;
    }
    std::string ext = it->path().extension().string();
    (std::find(k_source_ext.begin(), k_source_ext.end(), ext) != k_source_ext.end() ? sources : others).push_back(rel);
  }
  std::sort(sources.begin(), sources.end());
  std::sort(others.begin(), others.end());
  if (!sources.empty()) return sources.front();
  return others.empty() ? "" : others.front();
}

// A one-line change that keeps the file valid in its language. It carries the time, so the
// build cache never holds the edited version from an earlier verify run.
void edit_file(const std::string &path) {
  std::string ext = fs::path(path).extension().string();
  std::string stamp = std::to_string(std::chrono::system_clock::now().time_since_epoch().count());
  std::string line = ext == ".py" || ext == ".rb" ? "# edited by msmigrate verify " + stamp + "\n"
                     : ext.empty() || ext == ".txt" || ext == ".md" ? "edited by msmigrate verify " + stamp + "\n"
                                                                   : "// edited by msmigrate verify " + stamp + "\n";
  std::string text = util::read_input(path);
  if (!text.empty() && text.back() != '\n') text += '\n';
  util::write_atomically(path, text + line);
}

std::vector<std::string> json_strings(const Json &j) {
  std::vector<std::string> out;
  if (j.is_array()) {
    for (const auto &v : j) out.push_back(v.get<std::string>());
  }
  return out;
}

const Json &config_of(const executor::Image &image) {
  static const Json k_empty = Json::object();
  auto it = image.config.find("config");
  return it == image.config.end() || !it->is_object() ? k_empty : *it;
}

std::string config_string(const executor::Image &image, const char *key) {
  const Json &c = config_of(image);
  auto it = c.find(key);
  return it != c.end() && it->is_string() ? it->get<std::string>() : "";
}

// null, "", [] and {} all mean "not set" in an image config.
Json config_value(const Json &config, const std::string &key) {
  auto it = config.find(key);
  if (it == config.end() || it->is_null() || (it->is_string() && it->get<std::string>().empty()) ||
      ((it->is_array() || it->is_object()) && it->empty())) {
    return nullptr;
  }
  return *it;
}

class Verifier {
 public:
  Verifier(executor::Store &store, const VerifyOptions &options, std::ostream &progress)
      : m_store(store), m_options(options), m_progress(progress) {}

  VerifyResult run() {
    m_result.project = m_options.convert.root;
    m_result.engine = m_options.engine;
    m_conv = builder_pattern::convert(m_options.convert);
    collect_sources();
    if (!m_conv.converted()) {
      m_result.verdict = "refused";
      for (const auto &f : m_conv.refusals) m_result.refusals.push_back(location(f.where) + ": refused[" + f.category + "]: " + f.message);
      return std::move(m_result);
    }
    if (!m_conv.runtime_dockerfile) {
      throw Error(m_options.convert.root + ": the driver builds no runtime image (an artifact-only build, exported with --output): "
                  "verify compares runtime images, so there is nothing to compare");
    }
    m_engine = make_engine(m_options.engine, m_store, m_options.engine_root, m_options.pull, m_options.pull_options);
    m_work = m_store.make_temp_dir("verify");
    struct Cleanup {
      std::string dir;
      ~Cleanup() {
        try {
          executor::remove_tree(dir);
        } catch (...) {
        }
      }
    } cleanup{m_work};
    m_old_root = m_work + "/old";
    m_new_root = m_work + "/new";
    copy_project(m_options.convert.root, m_old_root);
    copy_project(m_options.convert.root, m_new_root);
    prepare_new_tree();
    try {
      double old_cold = old_flow(true);
      m_result.old_cold = old_cold;
      auto new_cold = new_flow(true);
      m_result.new_cold = new_cold;
      compare();
      if (m_options.edit_rebuild) time_edit_rebuild();
    } catch (const StepFailed &e) {
      m_result.verdict = "failed";
      m_result.failure = e.what();
      m_result.log_tail = log_tail(e.log());
      record_pulls();
      return std::move(m_result);
    } catch (const Error &e) {
      // Anything else that stops a flow (a missing image, an artifact that is not there).
      m_result.verdict = "failed";
      m_result.failure = e.what();
      record_pulls();
      return std::move(m_result);
    }
    // A conversion only rewrites the runtime stage's artifact COPY lines, so no config
    // difference is expected: every one fails the verification.
    bool same = m_result.files && m_result.files->differences.empty() && m_result.config.empty();
    m_result.verdict = same ? "verified" : "different";
    record_pulls();
    return std::move(m_result);
  }

 private:
  void record_pulls() {
    for (const auto &p : m_engine->pulled()) {
      m_result.pulled.push_back({p.reference, p.image.manifest_digest, p.source, p.from_mirror, p.bytes_fetched});
    }
  }

  void collect_sources() {
    auto add = [&](const std::string &rel) {
      if (rel.empty()) return;
      for (const auto &f : m_result.old_files) {
        if (f.name == rel) return;
      }
      std::error_code ec;
      fs::path p = fs::path(m_options.convert.root) / rel;
      if (fs::is_regular_file(p, ec)) m_result.old_files.push_back({rel, util::read_input(p.string())});
    };
    add(m_conv.driver);
    for (const auto &b : m_conv.builders) add(b.dockerfile);
    if (m_conv.runtime_dockerfile) add(*m_conv.runtime_dockerfile);
    m_result.new_dockerfile.name = m_conv.output_path;
    m_result.new_dockerfile.text = m_conv.output;
    if (m_options.converted_dockerfile) {
      m_result.new_dockerfile.name = *m_options.converted_dockerfile;
      m_result.new_dockerfile.text = util::read_input(*m_options.converted_dockerfile);
    }
  }

  // The new tree: the project as `convert --write --remove-old` leaves it (the driver is not
  // used by the new flow and stays as it was).
  void prepare_new_tree() {
    for (const auto &ch : m_conv.changes) {
      if (ch.path == m_conv.driver) continue;
      fs::path p = fs::path(m_new_root) / ch.path;
      if (ch.remove) continue;  // the builder Dockerfiles may stay: the new build does not read them
      util::write_atomically(p.string(), ch.after);
    }
    if (m_options.converted_dockerfile) {
      util::write_atomically((fs::path(m_new_root) / m_conv.output_path).string(), m_result.new_dockerfile.text);
    }
  }

  void step(const std::string &flow, const std::string &what, const std::string &at, double seconds, bool run, const std::string &note = "") {
    if (m_recording) m_result.steps.push_back({flow, what, at, seconds, run, note});
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.2f s", seconds);
    m_progress << "verify: " << flow << ": " << (run ? "" : "not run: ") << what << (run ? std::string("  ") + buf : "")
               << (note.empty() ? "" : "  (" + note + ")") << "\n";
  }

  // A driver path in the old flow's scratch copy. Paths outside the project are refused by
  // convert already; this keeps verify from ever writing outside its copy if one slipped through.
  std::string host(const std::string &rel) const {
    std::string normal = util::normalize_path(rel);
    if (normal.starts_with("/") || normal == ".." || normal.starts_with("../")) {
      throw Error(rel + ": outside the project; verify only works inside its scratch copy", k_exit_findings);
    }
    return normal == "." ? m_old_root : m_old_root + "/" + normal;
  }

  // The rebuild after a one-file edit only measures: when it cannot run, the report says "not
  // measured" and why, and the verdict stays what the comparison proved.
  void time_edit_rebuild() {
    m_result.edited_file = pick_edit_file(m_options.convert.root, m_conv);
    if (m_result.edited_file.empty()) {
      m_result.notes.push_back("rebuild after an edit: not measured (no file of the checkout is read by a builder stage)");
      return;
    }
    try {
      edit_file(m_old_root + "/" + m_result.edited_file);
      edit_file(m_new_root + "/" + m_result.edited_file);
      m_progress << "verify: edited " << m_result.edited_file << " (in the scratch copies), rebuilding\n";
      m_result.old_edit = old_flow(false);
      m_result.new_edit = new_flow(false);
    } catch (const Error &e) {
      m_result.old_edit.reset();
      m_result.new_edit.reset();
      m_result.notes.push_back("rebuild after editing " + m_result.edited_file + ": not measured (" + e.what() + ")");
    }
  }

  // --- the old flow ---------------------------------------------------------------------------
  double old_flow(bool cold) {
    m_recording = cold;
    const builder_pattern::DriverModel &model = m_conv.driver_model;
    struct Event {
      size_t seq;
      int kind;  // 0 build, 1 run, 2 extraction, 3 host step
      size_t index;
    };
    std::vector<Event> events;
    for (size_t i = 0; i < model.builds.size(); ++i) events.push_back({model.builds[i].seq, 0, i});
    for (size_t i = 0; i < model.runs.size(); ++i) events.push_back({model.runs[i].seq, 1, i});
    for (size_t i = 0; i < model.extractions.size(); ++i) events.push_back({model.extractions[i].seq, 2, i});
    for (size_t i = 0; i < model.host_steps.size(); ++i) events.push_back({model.host_steps[i].seq, 3, i});
    std::sort(events.begin(), events.end(), [](const Event &a, const Event &b) { return a.seq < b.seq; });
    std::optional<size_t> runtime_build;
    for (size_t i = 0; i < model.builds.size(); ++i) {
      if (model.builds[i].dockerfile == *m_conv.runtime_dockerfile) runtime_build = i;
    }
    if (!runtime_build) throw Error(m_conv.driver + ": the driver never builds " + *m_conv.runtime_dockerfile);
    std::set<std::string> builder_files;
    for (const auto &b : m_conv.builders) builder_files.insert(b.dockerfile);
    m_built.clear();
    if (cold) {
      m_result.build_images.clear();
      m_result.artifact_bytes = 0;
    }
    std::vector<executor::Image> old_images;
    std::vector<std::string> artifacts;
    double total = 0;
    bool done = false;
    for (const auto &ev : events) {
      if (done) {
        if (cold && ev.kind == 0) step("old", "docker build -f " + model.builds[ev.index].dockerfile, location(model.builds[ev.index].where), 0, false, "after the runtime build");
        continue;
      }
      if (ev.kind == 0) {
        const builder_pattern::BuildStep &b = model.builds[ev.index];
        BuildOutcome out = old_build(b, cold);
        total += out.seconds;
        old_images.push_back(out.image);
        if (ev.index == *runtime_build) {
          if (cold) {
            m_result.old_runtime = figures("old runtime image", b.tags.empty() ? b.dockerfile : b.tags.front(), out.image);
            m_old_runtime = out.image;
          }
          done = true;
        } else if (cold && builder_files.count(b.dockerfile)) {
          m_result.build_images.push_back(figures("build image", b.tags.empty() ? b.dockerfile : b.tags.front(), out.image));
        }
      } else if (ev.kind == 1) {
        total += old_run(model.runs[ev.index]);
      } else if (ev.kind == 2) {
        const builder_pattern::Extraction &e = model.extractions[ev.index];
        artifacts.push_back(e.host_path);
        if (e.via == builder_pattern::Extraction::Via::BindMount) continue;  // the run wrote it
        total += extract(e);
      } else {
        total += host_step(model.host_steps[ev.index], cold);
      }
    }
    if (cold) {
      std::set<std::string> seen;
      for (const auto &a : artifacts) {
        if (seen.insert(a).second) m_result.artifact_bytes += bytes_under(host(a));
      }
      std::set<std::string> layers;
      uint64_t disk = 0;
      for (const auto &image : old_images) {
        for (const auto &l : image.layers) {
          if (layers.insert(l.diff_id).second) disk += l.uncompressed_size;
        }
      }
      m_result.old_disk = disk + m_result.artifact_bytes;
    }
    return total;
  }

  BuildOutcome old_build(const builder_pattern::BuildStep &b, bool cold) {
    BuildRequest request;
    request.context = host(b.context);
    request.dockerfile = host(b.dockerfile);
    request.tag = b.tags.empty() ? "" : b.tags.front();
    request.target = b.target.value_or("");
    for (const auto &a : b.build_args) request.build_args[a.name] = a.value;
    request.no_cache = cold;
    std::string what = "docker build -f " + b.dockerfile + (request.tag.empty() ? "" : " -t " + request.tag) + " " + b.context;
    m_engine->prepare(request);
    BuildOutcome out = m_engine->build(request);
    for (size_t i = 1; i < b.tags.size() && m_options.engine == "builtin"; ++i) m_store.tag(b.tags[i], out.image.manifest_digest);
    for (const auto &t : b.tags) m_built[executor::normalize_reference(t)] = out;
    step("old", what, location(b.where), out.seconds, true, cold ? "no cache" : "");
    return out;
  }

  BuildOutcome image_for(const std::string &reference) {
    auto it = m_built.find(executor::normalize_reference(reference));
    if (it != m_built.end()) return it->second;
    BuildOutcome stock;
    stock.image = m_engine->stock_image(reference);
    stock.reference = reference;
    return stock;
  }

  // `docker cp` and `docker run … tar c | tar x`: the files as the image holds them.
  double extract(const builder_pattern::Extraction &e) {
    auto start = std::chrono::steady_clock::now();
    BuildOutcome source = image_for(e.image);
    std::string dest = host(e.host_path);
    fs::create_directories(fs::path(dest).parent_path());
    if (e.via == builder_pattern::Extraction::Via::Cat) {
      RunRequest request = run_request(source, std::nullopt, {"cat", e.container_path}, {});
      std::string log;
      int status = m_engine->run(request, dest, log);
      if (status != 0) {
        throw StepFailed(location(e.where) + ": `docker run " + e.image + " cat " + e.container_path + "` failed (exit " + std::to_string(status) + ")", log);
      }
    } else {
      std::vector<std::string> lowers;
      for (auto it = source.image.layers.rbegin(); it != source.image.layers.rend(); ++it) lowers.push_back(m_store.ensure_extracted(*it));
      lowers.push_back(m_store.stub_dir());
      std::string mount_point = m_store.make_temp_dir("verify-cp");
      bool keep_owner = e.via == builder_pattern::Extraction::Via::Tar;
      std::string inside = mount_point + e.container_path;
      try {
        executor::run_in_mount_namespace([&] {
          executor::mount_overlay({m_store.root(), lowers, "", ""}, mount_point);
          struct stat st;
          if (lstat(inside.c_str(), &st) != 0) {
            throw Error(location(e.where) + ": " + e.container_path + ": no such file or directory in " + e.image);
          }
          if (e.contents) {
            fs::create_directories(dest);
            for (const auto &child : fs::directory_iterator(inside)) {
              copy_entry(child.path().string(), dest + "/" + child.path().filename().string(), keep_owner);
            }
          } else {
            copy_entry(inside, dest, keep_owner);
          }
        });
      } catch (const Error &err) {
        executor::remove_tree(mount_point);
        throw StepFailed(err.what(), "");
      }
      executor::remove_tree(mount_point);
    }
    double seconds = seconds_since(start);
    const char *via = e.via == builder_pattern::Extraction::Via::Cat ? "docker run … cat" : e.via == builder_pattern::Extraction::Via::Tar ? "docker run … tar | tar -x" : "docker cp";
    step("old", std::string(via) + " " + e.image + ":" + e.container_path + " → " + e.host_path, location(e.where), seconds, true);
    return seconds;
  }

  RunRequest run_request(const BuildOutcome &source, const std::optional<std::string> &entrypoint, const std::vector<std::string> &args,
                         const std::vector<std::pair<std::string, std::string>> &env) {
    RunRequest r;
    r.image = source.image;
    r.reference = source.reference;
    const Json &config = config_of(source.image);
    // docker run: --entrypoint replaces the image's and drops its Cmd; arguments replace Cmd.
    std::vector<std::string> ep = entrypoint ? std::vector<std::string>{*entrypoint} : json_strings(config.value("Entrypoint", Json()));
    std::vector<std::string> cmd = !args.empty() ? args : entrypoint ? std::vector<std::string>{} : json_strings(config.value("Cmd", Json()));
    r.argv = ep;
    r.argv.insert(r.argv.end(), cmd.begin(), cmd.end());
    if (r.argv.empty()) throw StepFailed("docker run " + source.reference + ": no command (the image has no ENTRYPOINT or CMD)", "");
    r.env = json_strings(config.value("Env", Json()));
    for (const auto &[k, v] : env) r.env.push_back(k + "=" + v);
    r.workdir = config_string(source.image, "WorkingDir");
    r.user = config_string(source.image, "User");
    return r;
  }

  // A bind-mount build: `docker run -v "$PWD":/src -w /src image make`.
  double old_run(const builder_pattern::RunBuild &run) {
    auto start = std::chrono::steady_clock::now();
    BuildOutcome source = image_for(run.image);
    RunRequest request = run_request(source, run.entrypoint, run.args, run.env);
    if (run.workdir) request.workdir = *run.workdir;
    for (const auto &m : run.mounts) {
      executor::RunMount mount;
      mount.target = m.container;
      mount.readonly = m.readonly;
      if (m.kind == builder_pattern::Mount::Kind::Source) {
        mount.source = host(m.host);
        fs::create_directories(mount.source);  // docker -v creates a missing host directory
      } else if (m.kind == builder_pattern::Mount::Kind::Cache) {
        // A named volume or a cache directory under ~: a private one per verify run.
        std::string name;
        for (char ch : m.host) name += std::isalnum(static_cast<unsigned char>(ch)) ? ch : '_';
        mount.source = m_work + "/cache/" + name;
        fs::create_directories(mount.source);
      } else {
        throw StepFailed(location(run.where) + ": the mount " + m.host + ":" + m.container + " is outside the project; verify does not run it", "");
      }
      request.mounts.push_back(mount);
    }
    std::string log;
    int status = m_engine->run(request, "", log);
    double seconds = seconds_since(start);
    if (status != 0) throw StepFailed(location(run.where) + ": `docker run " + run.image + "` failed (exit " + std::to_string(status) + ")", log);
    step("old", "docker run (bind mounts) " + run.image, location(run.where), seconds, true);
    return seconds;
  }

  double host_step(const builder_pattern::HostStep &h, bool cold) {
    using Kind = builder_pattern::HostStep::Kind;
    if (h.kind == Kind::Move && h.paths.size() == 2) {
      // mv/cp of an artifact inside the project: replayed in the scratch copy, because the
      // runtime build reads the moved file.
      auto start = std::chrono::steady_clock::now();
      bool is_copy = h.where.text.starts_with("cp ");
      std::string from = host(h.paths[0]), to = host(h.paths[1]);
      if (fs::is_directory(to)) to += "/" + fs::path(from).filename().string();
      fs::create_directories(fs::path(to).parent_path());
        if (is_copy) copy_entry(from, to, true);
      else fs::rename(from, to);
        double seconds = seconds_since(start);
      step("old", h.where.text, location(h.where), seconds, true, "in the scratch copy");
      return seconds;
    }
    if (cold) {
      bool creates = h.where.text.find("docker create") != std::string::npos || h.where.text.find("container create") != std::string::npos;
      const char *why = creates ? "creates the container docker cp reads: verify reads the image" : h.kind == Kind::Cleanup ? "clean-up" : h.kind == Kind::Info ? "no effect on the images"
                        : h.kind == Kind::Publish ? "publishing" : "a host command verify does not run";
      if (h.kind != Kind::Info) step("old", h.where.text, location(h.where), 0, false, why);
    }
    return 0;
  }

  // --- the new flow ---------------------------------------------------------------------------
  double new_flow(bool cold) {
    BuildRequest request;
    request.context = m_conv.runtime_context == "." ? m_new_root : m_new_root + "/" + m_conv.runtime_context;
    request.dockerfile = m_new_root + "/" + m_conv.output_path;
    for (const auto &b : m_conv.driver_model.builds) {
      for (const auto &a : b.build_args) request.build_args[a.name] = a.value;
    }
    request.no_cache = cold;
    m_engine->prepare(request);
    BuildOutcome out = m_engine->build(request);
    m_recording = cold;
    step("new", "docker build -f " + m_conv.output_path + " " + m_conv.runtime_context, m_conv.output_path, out.seconds, true, cold ? "no cache" : "");
    if (cold) {
      m_new_image = out.image;
      m_result.new_image = figures("new final image", m_conv.output_path, out.image);
      std::set<std::string> layers;
      m_result.new_disk = 0;
      for (const auto &l : out.image.layers) {
        if (layers.insert(l.diff_id).second) m_result.new_disk += l.uncompressed_size;
      }
    }
    return out.seconds;
  }

  // --- comparison -----------------------------------------------------------------------------
  void compare() {
    FileTree old_tree = read_image_tree(m_store, m_old_runtime);
    m_result.new_tree = read_image_tree(m_store, m_new_image);
    m_result.files = compare_trees(old_tree, m_result.new_tree);
    const Json &a = config_of(m_old_runtime);
    const Json &b = config_of(m_new_image);
    for (const char *key : {"Entrypoint", "Cmd", "Env", "WorkingDir", "User", "ExposedPorts", "Labels", "Volumes", "StopSignal", "Healthcheck"}) {
      Json x = config_value(a, key), y = config_value(b, key);
      if (x != y) m_result.config.push_back({key, x, y});
    }
    m_result.config_equal = m_result.config.empty();
  }

  executor::Store &m_store;
  const VerifyOptions &m_options;
  std::ostream &m_progress;
  VerifyResult m_result;
  builder_pattern::Conversion m_conv;
  std::unique_ptr<Engine> m_engine;
  std::string m_work, m_old_root, m_new_root;
  std::map<std::string, BuildOutcome> m_built;
  executor::Image m_old_runtime, m_new_image;
  bool m_recording = true;
};

}  // namespace

VerifyResult run_verify(executor::Store &store, const VerifyOptions &options, std::ostream &progress) {
  Verifier verifier(store, options, progress);
  return verifier.run();
}

}  // namespace msm::verify
