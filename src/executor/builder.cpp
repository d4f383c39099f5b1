#include "executor/builder.h"

#include <fcntl.h>
#include <poll.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <map>
#include <mutex>
#include <ostream>
#include <set>
#include <sstream>
#include <thread>

#include "analysis/stages.h"
#include "executor/config_ops.h"
#include "executor/copy.h"
#include "executor/digest.h"
#include "executor/layer.h"
#include "executor/platform.h"
#include "executor/sandbox.h"
#include "syntax/document.h"
#include "util/error.h"
#include "util/files.h"

namespace msm::executor {

namespace {

using syntax::Instruction;
using syntax::InstructionKind;

// A layer of a stage: its directory (an overlay lower) and, once tarred, its blob.
struct StageLayer {
  std::string dir;
  std::string cache_key;             // built layers
  std::optional<LayerInfo> blob;
};

struct StageState {
  Json config;
  std::vector<StageLayer> layers;
  std::string key;                   // cache key of the last step
  bool cmd_set = false;
  // Time of the newest layer step: cached steps keep their first run's time, so that a fully
  // cached rebuild yields the same config bytes and image ID.
  std::string time;
  bool started = false;
  bool done = false;
  // ARGs declared by the base image's ONBUILD triggers: in scope for the rest of the stage.
  std::map<std::string, std::string> trigger_args;
};

// What a `from=` (COPY --from, RUN --mount from=) names: its layers as overlay lower dirs
// (topmost first, relative to the store) and the part of a cache key that identifies it.
struct SourceLayers {
  std::vector<std::string> lowers;
  std::string key;
};

std::string key_of(const std::string &parent, const std::string &what) { return sha256_hex(parent + "\n" + what); }

std::string elapsed(std::chrono::steady_clock::time_point since) {
  double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - since).count();
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2fs", s);
  return buf;
}

class Builder {
 public:
  Builder(Store &store, const BuildOptions &options, std::ostream &log)
      : m_store(store), m_options(options), m_log(log) {}

  Image build(BuildStats *stats) {
    struct stat st;
    if (stat(m_options.context.c_str(), &st) != 0 || !S_ISDIR(st.st_mode)) {
      throw Error("build context " + m_options.context + " is not a directory");
    }
    // Absolute: helper processes chdir into the store to keep overlay options short.
    m_context = std::filesystem::canonical(m_options.context).string();
    std::string dockerfile = m_options.dockerfile.empty() ? m_options.context + "/Dockerfile" : m_options.dockerfile;
    m_doc = syntax::Document::parse(util::read_input(dockerfile), dockerfile);
    if (!m_doc->problems().empty()) {
      const auto &p = m_doc->problems().front();
      throw Error(dockerfile + ":" + std::to_string(m_doc->lines().position(p.range.start).line) + ": " + p.message);
    }
    m_graph = std::make_unique<analysis::StageGraph>(*m_doc, m_options.build_args);
    if (m_graph->stages().empty()) throw Error(dockerfile + ": no FROM instruction: nothing to build");
    size_t target = *m_graph->last();
    if (!m_options.target.empty()) {
      auto t = m_graph->find(m_options.target);
      if (!t) throw Error(dockerfile + ": target stage '" + m_options.target + "' not found");
      target = *t;
    }
    m_ignore = load_dockerignore(m_context, dockerfile);
    m_states.resize(m_graph->stages().size());
    m_needed = m_graph->needed_for(target);
    pull_images();
    m_net_dir = m_store.make_temp_dir("net");
    write_network_files(m_net_dir, "msmigrate");
    m_empty_lower = m_store.make_temp_dir("empty-lower");
    try {
      run_stages();
    } catch (...) {
      remove_tree(m_net_dir);
      remove_tree(m_empty_lower);
      throw;
    }
    remove_tree(m_net_dir);
    remove_tree(m_empty_lower);
    Image image;
    try {
      image = export_stage(target);
    } catch (...) {
      for (const auto &d : m_private_steps) remove_tree(d);
      throw;
    }
    for (const auto &d : m_private_steps) remove_tree(d);
    if (!m_options.tag.empty()) m_store.tag(m_options.tag, image.manifest_digest);
    if (!m_options.output_type.empty()) {
      std::string name = m_options.tag.empty() ? "localhost/msmigrate-build:latest" : m_options.tag;
      save_archive_kind(m_store, image, name, m_options.output_dest,
                        m_options.output_type == "oci" ? ArchiveKind::Oci : ArchiveKind::Docker);
    }
    if (stats) *stats = m_stats;
    return image;
  }

 private:
  // Pulls what the needed stages name from outside the Dockerfile before any step runs, so two
  // stages built in parallel never fetch the same image at once.
  void pull_images() {
    std::set<std::string> seen;
    for (size_t s : m_needed) {
      const auto &stage = m_graph->stages()[s];
      for (const auto &dep : stage.dependencies) {
        if (dep.stage) continue;
        std::string ref = dep.kind == analysis::DependencyKind::Base ? stage.base_expanded : dep.reference;
        if (ref.empty() || ref == "scratch" || ref.find('$') != std::string::npos || !seen.insert(ref).second) continue;
        std::lock_guard<std::mutex> lock(m_log_mutex);
        ensure_image(m_store, ref, m_options.pull, m_options.pull_options, m_log, &m_stats.pulled);
      }
    }
  }

  void say(const std::string &line) {
    std::lock_guard<std::mutex> lock(m_log_mutex);
    m_log << line << "\n";
    m_log.flush();
  }

  void run_stages() {
    int jobs = std::max(1, m_options.jobs);
    std::mutex mutex;
    std::condition_variable cv;
    std::exception_ptr failure;
    auto deps_of = [&](size_t s) {
      std::set<size_t> deps;
      for (const auto &d : m_graph->stages()[s].dependencies) {
        if (d.stage && *d.stage != s) deps.insert(*d.stage);
      }
      return deps;
    };
    auto worker = [&] {
      for (;;) {
        size_t next = SIZE_MAX;
        {
          std::unique_lock<std::mutex> lock(mutex);
          for (;;) {
            if (failure) return;
            bool all_started = true;
            for (size_t s : m_needed) {
              if (m_states[s].started) continue;
              all_started = false;
              bool ready = true;
              for (size_t d : deps_of(s)) ready = ready && m_states[d].done;
              if (ready) {
                next = s;
                break;
              }
            }
            if (next != SIZE_MAX || all_started) break;
            cv.wait(lock);
          }
          if (next == SIZE_MAX) return;
          m_states[next].started = true;
        }
        try {
          build_stage(next);
        } catch (...) {
          std::lock_guard<std::mutex> lock(mutex);
          if (!failure) failure = std::current_exception();
          cv.notify_all();
          return;
        }
        std::lock_guard<std::mutex> lock(mutex);
        m_states[next].done = true;
        cv.notify_all();
      }
    };
    std::vector<std::thread> threads;
    for (int i = 1; i < jobs; ++i) threads.emplace_back(worker);
    worker();
    for (auto &t : threads) t.join();
    if (failure) std::rethrow_exception(failure);
  }

  std::map<std::string, std::string> args_in_scope(size_t stage, size_t instruction) const {
    std::map<std::string, std::string> args;
    for (const auto &d : m_graph->scope().definitions(stage)) {
      if (d.instruction >= instruction) break;
      if (d.kind == analysis::Definition::Kind::Arg && d.value) args[d.name] = *d.value;
    }
    return args;
  }

  int next_step() { return ++m_step_counter; }
  void count(int BuildStats::*field) {
    std::lock_guard<std::mutex> lock(m_log_mutex);
    ++(m_stats.*field);
  }

  std::string stage_label(size_t s) const {
    const auto &st = m_graph->stages()[s];
    return st.name.empty() ? "stage-" + std::to_string(s) : st.name;
  }

  // FROM --platform: a single-platform builder builds the host's platform and says so for any
  // other (it has no emulation).
  void check_platform(size_t s) {
    const auto &stage = m_graph->stages()[s];
    const Instruction &ins = m_doc->instructions()[stage.from_instruction];
    const syntax::Flag *flag = ins.flag("platform");
    if (!flag) return;
    std::string text = m_graph->scope().expand_global(flag->value.value_or(""));
    auto platform = parse_platform(text, host_platform());
    if (!platform) throw Error(where(ins) + "--platform=" + text + " is not a platform (e.g. linux/amd64)");
    if (!(*platform == host_platform())) {
      throw Error(where(ins) + "stage " + stage.display_name() + " is for platform " + platform->str() +
                  ", but msmigrate build runs only this machine's platform, " + host_platform().str() +
                  " (no emulation): drop --platform, or build on a " + platform->str() + " machine");
    }
  }

  // A base image made for another platform would fail at its first RUN with "exec format error".
  void check_image_platform(const Image &image, const std::string &reference, const Instruction &ins) {
    std::string os = image.config.value("os", ""), arch = image.config.value("architecture", "");
    if (os.empty() || arch.empty()) return;
    std::string variant = image.config.value("variant", "");
    auto platform = parse_platform(os + "/" + arch + (variant.empty() ? "" : "/" + variant), host_platform());
    if (platform && !(*platform == host_platform())) {
      throw Error(where(ins) + "base image " + reference + " is for " + platform->str() +
                  ", but msmigrate build runs only this machine's platform, " + host_platform().str() +
                  " (no emulation): load or import a " + host_platform().str() + " image");
    }
  }

  // Returns the base's ONBUILD triggers, which run right after FROM.
  std::vector<std::string> from(size_t s) {
    const auto &stage = m_graph->stages()[s];
    StageState &state = m_states[s];
    int step = next_step();
    say("#" + std::to_string(step) + " [" + stage_label(s) + "] FROM " + stage.base_expanded);
    check_platform(s);
    if (stage.base_stage) {
      const StageState &base = m_states[*stage.base_stage];
      state.config = base.config;
      state.layers = base.layers;
      state.key = base.key;
    } else if (stage.is_scratch()) {
      state.config = empty_config();
      state.key = key_of("", "scratch");
    } else {
      Image image = find_image(m_store, stage.base_expanded);
      check_image_platform(image, stage.base_expanded, m_doc->instructions()[stage.from_instruction]);
      state.config = image.config;
      for (const auto &l : image.layers) {
        StageLayer layer;
        {
          std::lock_guard<std::mutex> lock(m_extract_mutex);
          layer.dir = m_store.ensure_extracted(l);
        }
        layer.blob = l;
        state.layers.push_back(layer);
      }
      state.key = key_of("", "image " + image.manifest_digest);
    }
    if (!state.config.contains("config") || !state.config["config"].is_object()) state.config["config"] = Json::object();
    if (!env_get(state.config, "PATH")) env_set(state.config, "PATH", k_default_path);
    if (!state.config.contains("history")) state.config["history"] = Json::array();
    state.time = stage.base_stage ? m_states[*stage.base_stage].time
                                  : state.config.value("created", created_timestamp());
    if (std::getenv("SOURCE_DATE_EPOCH")) state.time = created_timestamp();
    // The base's triggers run in this stage and are not inherited further (as in Docker).
    std::vector<std::string> triggers;
    const Json &onbuild = state.config["config"].value("OnBuild", Json::array());
    if (onbuild.is_array()) {
      for (const auto &t : onbuild) {
        if (t.is_string()) triggers.push_back(t.get<std::string>());
      }
    }
    state.config["config"].erase("OnBuild");
    return triggers;
  }

  // ARGs a step sees: those the base's triggers declared, then the stage's own.
  std::map<std::string, std::string> stage_args(size_t s, size_t instruction) const {
    std::map<std::string, std::string> args = m_states[s].trigger_args;
    for (auto &[k, v] : args_in_scope(s, instruction)) args[k] = v;
    return args;
  }

  void build_stage(size_t s) {
    const auto &stage = m_graph->stages()[s];
    run_triggers(s, from(s));
    const auto &instructions = m_doc->instructions();
    for (size_t i = stage.from_instruction + 1; i < stage.end_instruction && i < instructions.size(); ++i) {
      const Instruction &ins = instructions[i];
      if (ins.is(InstructionKind::Arg) || ins.is(InstructionKind::Unknown)) continue;
      step(s, ins, stage_args(s, i));
    }
  }

  // BuildKit's dispatchOnBuildTriggers: each trigger is parsed on its own and dispatched as if
  // written right after FROM; ONBUILD ONBUILD, FROM and MAINTAINER are not allowed there.
  void run_triggers(size_t s, const std::vector<std::string> &triggers) {
    const auto &stage = m_graph->stages()[s];
    const Instruction &from_ins = m_doc->instructions()[stage.from_instruction];
    for (size_t t = 0; t < triggers.size(); ++t) {
      std::string label = m_doc->path() + ":" + std::to_string(from_ins.start_line) + ": ONBUILD trigger " +
                          std::to_string(t + 1) + " of " + stage.base_expanded + ": ";
      auto doc = syntax::Document::parse(triggers[t] + "\n", "ONBUILD");
      if (!doc->problems().empty()) throw Error(label + doc->problems().front().message + ": " + triggers[t]);
      if (doc->instructions().size() != 1) throw Error(label + "a trigger must be one instruction: " + triggers[t]);
      const Instruction &ins = doc->instructions().front();
      if (auto why = invalid_onbuild_trigger(ins)) throw Error(label + *why);
      if (ins.is(InstructionKind::Unknown)) throw Error(label + "unknown instruction: " + ins.keyword);
      {
        std::lock_guard<std::mutex> lock(m_trigger_mutex);
        m_trigger_where[&ins] = {label, doc->escape()};
        m_trigger_docs.push_back(std::move(doc));
      }
      std::map<std::string, std::string> args = stage_args(s, stage.from_instruction + 1);
      if (ins.is(InstructionKind::Arg)) {
        declare_trigger_args(s, ins, args);
        continue;
      }
      step(s, ins, args);
    }
  }

  // ARG in a trigger: a --build-arg wins, then its default, then a predefined platform ARG.
  void declare_trigger_args(size_t s, const Instruction &ins, const std::map<std::string, std::string> &args) {
    StageState &state = m_states[s];
    ConfigLookup lookup(state.config, args);
    for (const auto &a : ins.args) {
      size_t eq = a.value.find('=');
      std::string name = a.value.substr(0, eq);
      if (auto it = m_options.build_args.find(name); it != m_options.build_args.end()) {
        state.trigger_args[name] = it->second;
      } else if (eq != std::string::npos) {
        state.trigger_args[name] = expand_or_throw(a.value.substr(eq + 1), lookup, escape_of(ins), ins);
      } else if (auto p = analysis::predefined_args().find(name); p != analysis::predefined_args().end()) {
        state.trigger_args[name] = p->second;
      }
    }
  }

  void add_history(StageState &state, const std::string &created_by, bool empty) {
    Json h{{"created", state.time}, {"created_by", created_by}, {"comment", "msmigrate build"}};
    if (empty) h["empty_layer"] = true;
    state.config["history"].push_back(h);
  }

  void step(size_t s, const Instruction &ins, const std::map<std::string, std::string> &args) {
    StageState &state = m_states[s];
    ConfigLookup lookup(state.config, args);
    std::string head = "[" + stage_label(s) + "] " + ins.original;
    if (head.size() > 120) head = head.substr(0, 117) + "...";
    count(&BuildStats::steps);
    if (ins.is(InstructionKind::Run)) {
      run_step(s, ins, lookup, args, head);
    } else if (ins.is(InstructionKind::Copy) || ins.is(InstructionKind::Add)) {
      copy_step(s, ins, lookup, head);
    } else {
      std::string created = apply_metadata(state.config, ins, lookup, escape_of(ins), state.cmd_set);
      if (ins.is(InstructionKind::Workdir)) {
        workdir_step(s, ins, created, head);
        return;
      }
      add_history(state, created, true);
      state.key = key_of(state.key, created);
    }
  }

  // WORKDIR creates its directory (mkdir -p, 0755, owned by USER) as BuildKit does, so it is
  // in the image even when no later step uses it; when it exists already the diff is empty.
  void workdir_step(size_t s, const Instruction &ins, const std::string &created, const std::string &head) {
    StageState &state = m_states[s];
    std::string dir = state.config["config"].value("WorkingDir", "/");
    if (dir.empty() || dir == "/") {
      add_history(state, created, true);
      state.key = key_of(state.key, created);
      return;
    }
    std::string user = state.config["config"].value("User", "");
    std::string key = key_of(state.key, created + "\nuser=" + user);
    std::string tag = "#" + std::to_string(next_step());
    say(tag + " " + head);
    if (reuse_cached_step(state, key, tag, created)) return;
    auto start = std::chrono::steady_clock::now();
    std::string scratch = m_store.make_temp_dir("workdir");
    std::string upper = scratch + "/upper", work = scratch + "/work", merged = scratch + "/merged";
    for (const auto &d : {upper, work, merged}) mkdir(d.c_str(), 0755);
    OverlaySpec spec{m_store.root(), lower_dirs(state), upper, work};
    try {
      run_in_mount_namespace([&] {
        mount_overlay(spec, merged);
        make_workdir(merged, dir, user);
      });
    } catch (const Error &e) {
      remove_tree(scratch);
      throw Error(where(ins) + e.what());
    }
    finish_step(state, key, upper, created, scratch, tag, start);
  }

  std::vector<std::string> lower_dirs(const StageState &state) const {
    std::vector<std::string> lowers;
    for (auto it = state.layers.rbegin(); it != state.layers.rend(); ++it) lowers.push_back(relative(it->dir));
    lowers.push_back(relative(m_store.stub_dir()));
    return lowers;
  }

  std::string relative(const std::string &path) const {
    const std::string &root = m_store.root();
    if (path.starts_with(root + "/")) return path.substr(root.size() + 1);
    return path;
  }

  // After a step ran: its upper dir becomes the stage's new layer (and the cache's), its
  // scratch dir goes, and the progress display says how long it took.
  void finish_step(StageState &state, const std::string &key, const std::string &upper, const std::string &created,
                   const std::string &scratch, const std::string &tag, std::chrono::steady_clock::time_point start) {
    commit_step(state, key, upper, created);
    remove_tree(scratch);
    count(&BuildStats::executed);
    say(tag + " DONE " + elapsed(start));
  }

  // A step whose key is cached is not run: its stored result joins the stage.
  bool reuse_cached_step(StageState &state, const std::string &key, const std::string &tag, const std::string &created) {
    auto hit = cached(key);
    if (!hit) return false;
    say(tag + " CACHED");
    count(&BuildStats::cached);
    use_cached(state, key, *hit, created);
    return true;
  }

  // A cached step's record: nullopt when absent; otherwise whether its diff was empty.
  std::optional<bool> cached(const std::string &key) {
    if (m_options.no_cache) return std::nullopt;
    std::string record = m_store.cache_dir(key) + ".json";
    if (access(record.c_str(), F_OK) != 0) return std::nullopt;
    Json j = Json::parse(read_file(record), nullptr, false);
    if (j.is_discarded()) return std::nullopt;
    bool empty = j.value("empty", false);
    if (!empty && access(m_store.cache_dir(key).c_str(), F_OK) != 0) return std::nullopt;
    return empty;
  }

  // Takes an upper dir after a step: stores it under the key, records it, adds it to the stage.
  void commit_step(StageState &state, const std::string &key, const std::string &upper, const std::string &created) {
    bool empty = directory_is_empty(upper);
    std::string dest = m_store.cache_dir(key);
    if (m_options.no_cache && access((dest + ".json").c_str(), F_OK) == 0) {
      // --no-cache over a stored result of the same key: another build may have that directory
      // mounted as a lower layer right now, so it is not replaced. This build's fresh result
      // stays private to it (under tmp/, removed after export) and the stored one stays valid.
      if (empty) {
        use_cached(state, key, true, created, "");
        return;
      }
      std::string own = m_store.make_temp_dir("no-cache-step") + "/upper";
      if (rename(upper.c_str(), own.c_str()) != 0) throw Error("cannot keep the step result " + upper + ": " + std::strerror(errno));
      m_private_steps.push_back(own.substr(0, own.size() - 6));
      use_cached(state, key, false, created, own);
      return;
    }
    if (!empty) m_store.commit_dir(upper, dest);
    write_file_atomically(m_store.cache_dir(key) + ".json", Json{{"empty", empty}, {"created", created_timestamp()}}.dump(), false);
    use_cached(state, key, empty, created);
  }

  // `private_dir`: a --no-cache result kept out of the cache (see commit_step); its time is
  // `created` and it has no stored blob yet.
  void use_cached(StageState &state, const std::string &key, bool empty, const std::string &created,
                  const std::string &private_dir = {}) {
    Json j = private_dir.empty() ? Json::parse(read_file(m_store.cache_dir(key) + ".json"), nullptr, false)
                                 : Json(Json::value_t::discarded);
    if (!j.is_discarded() && j.contains("created")) state.time = j["created"];
    if (!private_dir.empty()) state.time = created;
    if (!empty) {
      StageLayer layer;
      layer.dir = private_dir.empty() ? m_store.cache_dir(key) : private_dir;
      layer.cache_key = key;
      if (!j.is_discarded() && j.contains("digest")) {
        if (auto meta = m_store.layer_meta(j["digest"].get<std::string>()); meta && m_store.has_blob(meta->digest)) {
          layer.blob = meta;
        }
      }
      state.layers.push_back(layer);
    }
    add_history(state, created, empty);
    state.key = key;
  }

  // The layers of what `from=` names: a stage of this Dockerfile, else an image in the store.
  SourceLayers source_layers(const std::string &from, const Instruction &ins) {
    SourceLayers out;
    if (auto st = m_graph->find(from)) {
      // The stage graph orders stages by what the Dockerfile's own lines reference; a base
      // image's trigger is not among them, so it could read a stage still being built.
      if (is_trigger(ins)) {
        throw Error(where(ins) + "from=" + from + " names a stage of this Dockerfile, which an ONBUILD trigger "
                    "cannot use here: copy from an image, or write the step in the Dockerfile");
      }
      out.lowers = lower_dirs(m_states[*st]);
      out.key = "stage " + m_states[*st].key;
    } else {
      Image image = find_image(m_store, from);
      for (auto it = image.layers.rbegin(); it != image.layers.rend(); ++it) {
        std::lock_guard<std::mutex> lock(m_extract_mutex);
        out.lowers.push_back(relative(m_store.ensure_extracted(*it)));
      }
      out.lowers.push_back(relative(m_store.stub_dir()));
      out.key = "image " + image.manifest_digest;
    }
    // A read-only overlay needs two lower dirs, and the same one twice is refused.
    if (out.lowers.size() == 1) out.lowers.push_back(m_empty_lower);
    return out;
  }

  // A cache mount with from= starts as a copy of that stage's or image's files.
  struct CacheSeed {
    std::string dir;
    SourceLayers from;
    std::string source;
  };

  // `--mount` flags of a RUN → mounts for the sandbox. `key_part` gets what the cache key needs
  // (never a secret's content), `env` what the command sees (SSH_AUTH_SOCK, env= secrets).
  std::vector<RunMount> run_mounts(const Instruction &ins, const ConfigLookup &lookup, std::string &key_part,
                                   std::vector<std::string> &env, std::vector<CacheSeed> &seeds) {
    std::vector<RunMount> mounts;
    int ssh_count = 0;
    for (const auto &f : ins.flags) {
      if (f.name != "mount") continue;
      std::map<std::string, std::string> kv;
      std::stringstream ss(f.value.value_or(""));
      std::string field;
      while (std::getline(ss, field, ',')) {
        size_t eq = field.find('=');
        std::string k = field.substr(0, eq);
        std::string v = eq == std::string::npos ? "true" : field.substr(eq + 1);
        kv[k] = expand_or_throw(v, lookup, escape_of(ins), ins);
      }
      auto get = [&](std::initializer_list<const char *> names) -> std::optional<std::string> {
        for (const char *n : names) {
          if (auto it = kv.find(n); it != kv.end()) return it->second;
        }
        return std::nullopt;
      };
      auto flag = [&](std::initializer_list<const char *> names) {
        auto v = get(names);
        return v && *v != "false";
      };
      std::string type = get({"type"}).value_or("bind");
      std::string target = get({"target", "dst", "destination"}).value_or("");
      std::string source = get({"source", "src"}).value_or("");
      std::optional<std::string> from = get({"from"});
      bool required = flag({"required"});
      auto absolute = [](std::string path) { return path.starts_with("/") ? path : "/" + path; };
      RunMount m;
      if (type == "secret") {
        std::string id = get({"id"}).value_or("");
        std::optional<std::string> env_name = get({"env"});
        if (id.empty() && target.empty() && !env_name) throw Error(where(ins) + "--mount=type=secret needs id= or target=");
        if (id.empty()) id = std::filesystem::path(target).filename().string();
        if (target.empty() && !env_name) target = "/run/secrets/" + id;
        auto secret = m_options.secrets.find(id);
        key_part += "secret:" + id + ":" + target + ":" + env_name.value_or("") + ";";
        if (secret == m_options.secrets.end()) {
          if (required) {
            throw Error(where(ins) + "secret " + id + ": not found (pass it with --secret id=" + id +
                        ",src=FILE or --secret id=" + id + ",env=VARIABLE)");
          }
          continue;  // BuildKit skips an optional secret that was not given
        }
        if (env_name) env.push_back(*env_name + "=" + secret->second);
        if (target.empty()) continue;
        m.type = RunMount::Type::Secret;
        m.target = absolute(target);
        m.content = secret->second;
        auto number = [&](const char *key) -> unsigned {
          std::string v = get({key}).value_or("0");
          if (v.empty() || v.size() > 9 || v.find_first_not_of("0123456789") != std::string::npos) {
            throw Error(where(ins) + "--mount=type=secret: " + key + "=" + v + " is not a number");
          }
          return static_cast<unsigned>(std::stoul(v));
        };
        try {
          m.mode = get({"mode"}) ? parse_chmod(*get({"mode"})) : 0400;
        } catch (const Error &) {
          throw Error(where(ins) + "--mount=type=secret: mode=" + *get({"mode"}) + " is not an octal mode (e.g. 0400)");
        }
        m.uid = number("uid");
        m.gid = number("gid");
        m.scratch = m_store.make_temp_dir("secret");
        mounts.push_back(m);
        continue;
      }
      if (type == "ssh") {
        std::string id = get({"id"}).value_or("default");
        if (target.empty()) target = "/run/buildkit/ssh_agent." + std::to_string(ssh_count);
        ++ssh_count;
        key_part += "ssh:" + id + ":" + target + ";";
        auto agent = m_options.ssh.find(id);
        if (agent == m_options.ssh.end()) {
          if (required) {
            throw Error(where(ins) + "ssh agent " + id + ": not given (pass --ssh " + id + "=$SSH_AUTH_SOCK)");
          }
          continue;
        }
        m.type = RunMount::Type::Ssh;
        m.source = agent->second;
        m.target = absolute(target);
        if (ssh_count == 1) env.push_back("SSH_AUTH_SOCK=" + m.target);
        mounts.push_back(m);
        continue;
      }
      if (target.empty()) throw Error(where(ins) + "--mount needs target=");
      m.target = absolute(target);
      bool ro = flag({"readonly", "ro"});
      if (type == "cache") {
        m.type = RunMount::Type::Cache;
        std::string id = get({"id"}).value_or(target);
        std::string seed_key;
        std::optional<SourceLayers> seed_from;
        if (from) {
          seed_from = source_layers(*from, ins);
          seed_key = ":" + seed_from->key + ":" + source;
        }
        m.source = m_store.root() + "/cache-mounts/" + sha256_hex(id + seed_key).substr(0, 32);
        // A from= cache is created (seeded) only when the step runs; the others right away.
        if (seed_from) seeds.push_back({m.source, *seed_from, source});
        else mkdir(m.source.c_str(), 0755);
        m.readonly = ro;
        key_part += "cache:" + id + seed_key + ":" + target + ";";
      } else if (type == "tmpfs") {
        m.type = RunMount::Type::Tmpfs;
        key_part += "tmpfs:" + target + ";";
      } else if (type == "bind") {
        m.type = RunMount::Type::Bind;
        bool rw = flag({"rw", "readwrite"});
        if (from && *from != "context") {
          // A stage's or image's files: a read-only overlay, or with rw one whose writes are
          // thrown away after the step (BuildKit's semantics).
          SourceLayers layers = source_layers(*from, ins);
          m.from_lowers = layers.lowers;
          m.source = source;
          m.readonly = !rw;
          m.scratch = m_store.make_temp_dir("mount-from");
          key_part += "bind-from:" + layers.key + ":" + source + ":" + target + (rw ? ":rw" : "") + ";";
          mounts.push_back(m);
          continue;
        }
        CopyRequest probe;
        probe.source_root = m_context;
        probe.ignore = m_ignore;
        probe.sources = {source.empty() ? "." : source};
        key_part += "bind:" + source + ":" + target + ":" + checksum_sources(probe) + ";";
        std::string clean = std::filesystem::path("/" + source).lexically_normal().string();
        m.source = m_context + clean;
        m.readonly = !rw;
        // The context path is clamped lexically; a symlink must not lead the bind outside it.
        std::string real = std::filesystem::weakly_canonical(m.source).string();
        std::string ctx_real = std::filesystem::weakly_canonical(m_context).string();
        if (real != ctx_real && !real.starts_with(ctx_real + "/")) {
          throw Error(where(ins) + "--mount source " + source + " leads outside the build context");
        }
        m.source = real;
      } else {
        throw Error(where(ins) + "--mount type=" + type + " is not supported (use bind, cache, tmpfs, secret or ssh)");
      }
      mounts.push_back(m);
    }
    return mounts;
  }

  // Creates a from= cache directory as a copy of the source's files (owners and modes kept);
  // an existing one keeps what earlier steps left in it.
  void seed_cache(const CacheSeed &seed, const Instruction &ins) {
    if (access(seed.dir.c_str(), F_OK) == 0) return;
    std::string scratch = m_store.make_temp_dir("cache-seed");
    std::string src = scratch + "/src", fill = scratch + "/fill";
    mkdir(src.c_str(), 0755);
    mkdir(fill.c_str(), 0755);
    CopyRequest req;
    req.from_context = false;
    req.source_root = src;
    req.sources = {seed.source.empty() ? "/" : seed.source};
    req.dest = "/";
    req.dest_root = fill;
    try {
      run_in_mount_namespace([&] {
        mount_overlay({m_store.root(), seed.from.lowers, "", ""}, src);
        perform_copy(req);
      });
    } catch (const Error &e) {
      remove_tree(scratch);
      throw Error(where(ins) + "--mount=type=cache,from=: " + e.what());
    }
    // Another build may have seeded it meanwhile: the first rename wins.
    rename(fill.c_str(), seed.dir.c_str());
    remove_tree(scratch);
  }

  std::string where(const Instruction &ins) const {
    {
      std::lock_guard<std::mutex> lock(m_trigger_mutex);
      if (auto it = m_trigger_where.find(&ins); it != m_trigger_where.end()) return it->second.first + ins.keyword + ": ";
    }
    return m_doc->path() + ":" + std::to_string(ins.start_line) + ": " + ins.keyword + ": ";
  }

  bool is_trigger(const Instruction &ins) const {
    std::lock_guard<std::mutex> lock(m_trigger_mutex);
    return m_trigger_where.count(&ins) != 0;
  }

  // A trigger is parsed on its own, with the default escape character.
  char escape_of(const Instruction &ins) const {
    std::lock_guard<std::mutex> lock(m_trigger_mutex);
    if (auto it = m_trigger_where.find(&ins); it != m_trigger_where.end()) return it->second.second;
    return m_doc->escape();
  }

  void run_step(size_t s, const Instruction &ins, const ConfigLookup &lookup,
                const std::map<std::string, std::string> &args, const std::string &head) {
    StageState &state = m_states[s];
    std::vector<std::string> argv;
    std::string text;
    if (ins.json) {
      for (const auto &a : ins.args) argv.push_back(a.value);
      text = Json(argv).dump();
    } else {
      for (const auto &a : ins.args) text += (text.empty() ? "" : " ") + a.value;
      if (!ins.heredocs.empty()) {
        const auto &h = ins.heredocs.front();
        if (text == "<<" + h.name || text == "<<-" + h.name || text == "<<'" + h.name + "'" ||
            text == "<<\"" + h.name + "\"") {
          text = h.content;
        } else {
          for (const auto &hd : ins.heredocs) text += "\n" + hd.content + hd.name;
        }
      }
      argv = shell_of(state.config);
      argv.push_back(text);
    }
    bool network_none = false;
    for (const auto &f : ins.flags) {
      if (f.name == "network") {
        std::string v = f.value.value_or("default");
        if (v == "none") network_none = true;
        else if (v != "default" && v != "host") throw Error(where(ins) + "unknown --network=" + v);
      } else if (f.name != "mount") {
        throw Error(where(ins) + "unsupported flag --" + f.name);
      }
    }
    std::string mount_key;
    std::vector<std::string> mount_env;
    std::vector<CacheSeed> seeds;
    std::vector<RunMount> mounts = run_mounts(ins, lookup, mount_key, mount_env, seeds);
    // Scratch dirs of mounts (secret tmpfs, from= overlays) go whatever happens.
    struct ScratchGuard {
      const std::vector<RunMount> &mounts;
      ~ScratchGuard() {
        for (const auto &m : mounts) {
          if (!m.scratch.empty()) remove_tree(m.scratch);
        }
      }
    } scratch_guard{mounts};
    std::vector<std::string> env = state.config["config"]["Env"].get<std::vector<std::string>>();
    // RUN sees the build args in scope too (not saved in the image); Env wins over an ARG.
    for (const auto &[k, v] : args) {
      if (!env_get(state.config, k)) env.push_back(k + "=" + v);
    }
    std::string user = state.config["config"].value("User", "");
    std::string workdir = state.config["config"].value("WorkingDir", "");
    if (workdir.empty()) workdir = "/";
    // Docker's form: the shell and the text joined by spaces ("RUN /bin/sh -c make").
    std::string created = "RUN";
    for (const auto &a : argv) created += " " + a;
    std::string key = key_of(state.key, "RUN\n" + Json(argv).dump() + "\n" + Json(env).dump() + "\nuser=" + user +
                                            "\nwd=" + workdir + "\nnet=" + (network_none ? "none" : "host") +
                                            "\nmounts=" + mount_key);
    int step = next_step();
    std::string tag = "#" + std::to_string(step);
    say(tag + " " + head);
    if (reuse_cached_step(state, key, tag, created)) return;
    auto start = std::chrono::steady_clock::now();
    for (const auto &seed : seeds) seed_cache(seed, ins);
    // Added after the key: a secret's value must not reach the cache key (nor any layer).
    for (const auto &e : mount_env) env.push_back(e);
    std::string scratch = m_store.make_temp_dir("run");
    RunSpec spec;
    spec.root = {m_store.root(), lower_dirs(state), scratch + "/upper", scratch + "/work"};
    spec.merged = scratch + "/merged";
    for (const auto &d : {spec.root.upper, spec.root.work, spec.merged}) mkdir(d.c_str(), 0755);
    spec.argv = argv;
    spec.env = env;
    spec.workdir = workdir;
    spec.user = user;
    spec.network_none = network_none;
    spec.mounts = mounts;
    spec.hosts_file = m_net_dir + "/hosts";
    spec.resolv_file = m_net_dir + "/resolv.conf";
    int out_pipe[2];
    if (pipe2(out_pipe, O_CLOEXEC) != 0) throw Error("pipe: " + std::string(std::strerror(errno)));
    std::atomic<bool> finished{false};
    std::string captured;
    std::thread reader([&] {
      std::string pending;
      char buf[8192];
      for (;;) {
        pollfd p{out_pipe[0], POLLIN, 0};
        int r = poll(&p, 1, 50);
        if (r > 0) {
          ssize_t n = read(out_pipe[0], buf, sizeof buf);
          if (n > 0) {
            pending.append(buf, static_cast<size_t>(n));
            size_t nl;
            while ((nl = pending.find('\n')) != std::string::npos) {
              std::string line = pending.substr(0, nl);
              pending.erase(0, nl + 1);
              if (m_options.progress == Progress::Plain) say(tag + " " + line);
              else captured += line + "\n";
            }
            continue;
          }
          if (n == 0) break;
        }
        if (finished && r <= 0) break;
      }
      if (!pending.empty()) {
        if (m_options.progress == Progress::Plain) say(tag + " " + pending);
        else captured += pending + "\n";
      }
    });
    int status;
    try {
      status = run_in_sandbox(spec, out_pipe[1]);
    } catch (...) {
      finished = true;
      close(out_pipe[1]);
      reader.join();
      close(out_pipe[0]);
      remove_tree(scratch);
      throw;
    }
    close(out_pipe[1]);
    finished = true;
    reader.join();
    close(out_pipe[0]);
    if (status != 0) {
      remove_tree(scratch);
      if (m_options.progress == Progress::Tty && !captured.empty()) say(captured);
      throw Error(where(ins) + "process \"" + text + "\" did not complete successfully: exit code " +
                  std::to_string(status));
    }
    // Mount points made for --mount targets are not part of the result (empty files made for
    // file mounts, then empty parent directories), as BuildKit removes them.
    for (const auto &m : mounts) {
      std::string p = spec.root.upper + m.target;
      struct stat st;
      if (lstat(p.c_str(), &st) == 0 && S_ISREG(st.st_mode) && st.st_size == 0 && unlink(p.c_str()) == 0) {
        p = p.substr(0, p.rfind('/'));
      }
      while (p.size() > spec.root.upper.size() && rmdir(p.c_str()) == 0) p = p.substr(0, p.rfind('/'));
    }
    finish_step(state, key, spec.root.upper, created, scratch, tag, start);
  }

  void copy_step(size_t s, const Instruction &ins, const ConfigLookup &lookup, const std::string &head) {
    StageState &state = m_states[s];
    bool add = ins.is(InstructionKind::Add);
    CopyRequest req;
    req.add = add;
    req.workdir = state.config["config"].value("WorkingDir", "/");
    if (req.workdir.empty()) req.workdir = "/";
    std::optional<SourceLayers> from;
    for (const auto &f : ins.flags) {
      std::string v = f.value ? expand_or_throw(*f.value, lookup, escape_of(ins), ins) : "";
      if (f.name == "from") {
        if (add) throw Error(where(ins) + "ADD does not take --from");
        from = source_layers(v, ins);
      } else if (f.name == "chown") {
        req.chown = v;
      } else if (f.name == "chmod") {
        req.chmod = parse_chmod(v);
      } else if (f.name == "link") {
        // Our layers are independent diffs already; --link changes nothing here.
      } else {
        throw Error(where(ins) + "unsupported flag --" + f.name);
      }
    }
    if (ins.args.size() < 2) throw Error(where(ins) + ins.keyword + " needs a source and a destination");
    req.dest = expand_or_throw(ins.args.back().value, lookup, escape_of(ins), ins);
    for (size_t k = 0; k + 1 < ins.args.size(); ++k) {
      const std::string &raw = ins.args[k].value;
      const syntax::Heredoc *heredoc = nullptr;
      for (const auto &h : ins.heredocs) {
        if (raw == "<<" + h.name || raw == "<<-" + h.name) heredoc = &h;
      }
      if (heredoc) {
        std::string content = heredoc->content;
        if (heredoc->expand) {
          analysis::ExpansionOptions o;
          o.literal_quotes = true;
          auto e = analysis::expand_word(content, lookup, o);
          if (!e.error) content = e.value;
        }
        req.heredocs.emplace_back(heredoc->name, content);
        continue;
      }
      std::string src = expand_or_throw(raw, lookup, escape_of(ins), ins);
      if (add && (src.starts_with("http://") || src.starts_with("https://") || src.starts_with("git@"))) {
        throw Error(where(ins) + "ADD " + src + " needs the network, and msmigrate build works offline: "
                    "download it into the build context and COPY it");
      }
      req.sources.push_back(src);
    }
    std::string source_key;
    std::vector<std::string> source_lowers;
    if (from) {
      req.from_context = false;
      source_key = from->key;
      source_lowers = from->lowers;
    } else {
      req.source_root = m_context;
      req.ignore = m_ignore;
    }
    int step = next_step();
    std::string tag = "#" + std::to_string(step);
    say(tag + " " + head);
    auto start = std::chrono::steady_clock::now();
    if (req.from_context) source_key = "context " + checksum_sources(req);
    else {
      for (const auto &[n, c] : req.heredocs) source_key += "\nheredoc " + n + " " + sha256_hex(c);
    }
    std::string text;
    for (const auto &f : ins.flags) text += f.raw + " ";
    for (const auto &a : ins.args) text += a.value + " ";
    std::string created = std::string(add ? "ADD " : "COPY ") + text + "# " + source_key.substr(0, 80);
    std::string key = key_of(state.key, std::string(add ? "ADD" : "COPY") + "\n" + text + "\ndest=" + req.dest +
                                            "\nwd=" + req.workdir + "\n" + source_key);
    if (reuse_cached_step(state, key, tag, created)) return;
    std::string scratch = m_store.make_temp_dir("copy");
    std::string upper = scratch + "/upper", work = scratch + "/work", merged = scratch + "/merged",
                src_mount = scratch + "/src";
    for (const auto &d : {upper, work, merged, src_mount}) mkdir(d.c_str(), 0755);
    OverlaySpec dest_spec{m_store.root(), lower_dirs(state), upper, work};
    if (!req.from_context) req.source_root = src_mount;
    req.dest_root = merged;
    try {
      run_in_mount_namespace([&] {
        if (!source_lowers.empty()) mount_overlay({m_store.root(), source_lowers, "", ""}, src_mount);
        mount_overlay(dest_spec, merged);
        perform_copy(req);
      });
    } catch (const Error &e) {
      remove_tree(scratch);
      throw Error(where(ins) + e.what());
    }
    finish_step(state, key, upper, created, scratch, tag, start);
  }

  Image export_stage(size_t s) {
    StageState &state = m_states[s];
    std::vector<LayerInfo> layers;
    LayerOptions options;
    if (const char *sde = std::getenv("SOURCE_DATE_EPOCH"); sde && *sde) options.source_date_epoch = std::atoll(sde);
    auto start = std::chrono::steady_clock::now();
    int written = 0;
    for (auto &layer : state.layers) {
      if (!layer.blob) {
        layer.blob = write_layer(m_store, layer.dir, DiffMode::OverlayUpper, options);
        ++written;
        if (layer.dir != m_store.cache_dir(layer.cache_key)) {  // a private --no-cache result
          layers.push_back(*layer.blob);
          continue;
        }
        Json record = Json::parse(read_file(m_store.cache_dir(layer.cache_key) + ".json"), nullptr, false);
        if (record.is_discarded()) record = Json{{"empty", false}};
        record["digest"] = layer.blob->digest;
        write_file_atomically(m_store.cache_dir(layer.cache_key) + ".json", record.dump());
      }
      layers.push_back(*layer.blob);
    }
    Json config = state.config;
    if (layers.empty()) {
      // An image needs one layer: the empty tar.
      std::string empty = m_store.make_temp_dir("empty");
      layers.push_back(write_layer(m_store, empty, DiffMode::Full, options));
      remove_tree(empty);
      config["history"].push_back({{"created", state.time}, {"created_by", "msmigrate: empty layer"},
                                   {"comment", "msmigrate build"}});
    }
    config["created"] = state.time;
    Image image = commit_image(m_store, config, layers);
    say("#" + std::to_string(next_step()) + " exporting " + std::to_string(written) + " new layer(s) " +
        elapsed(start) + "\n#  image " + image.config_digest + (m_options.tag.empty() ? "" : " as " + normalize_reference(m_options.tag)));
    return image;
  }

  Store &m_store;
  const BuildOptions &m_options;
  std::ostream &m_log;
  std::mutex m_log_mutex;
  std::mutex m_extract_mutex;
  std::string m_context;
  std::unique_ptr<syntax::Document> m_doc;
  std::unique_ptr<analysis::StageGraph> m_graph;
  IgnoreMatcher m_ignore;
  std::vector<StageState> m_states;
  std::vector<size_t> m_needed;
  std::string m_net_dir;
  std::string m_empty_lower;  // an empty lower dir, for read-only overlays of a single layer
  std::vector<std::string> m_private_steps;  // --no-cache results kept out of the cache (tmp/)
  // ONBUILD triggers: their parsed documents, and for each trigger instruction where to say an
  // error happened and its escape character.
  mutable std::mutex m_trigger_mutex;
  std::vector<std::unique_ptr<syntax::Document>> m_trigger_docs;
  std::map<const Instruction *, std::pair<std::string, char>> m_trigger_where;
  std::atomic<int> m_step_counter{0};
  BuildStats m_stats;
};

}  // namespace

Image run_build(Store &store, const BuildOptions &options, std::ostream &log, BuildStats *stats) {
  Builder builder(store, options, log);
  return builder.build(stats);
}

}  // namespace msm::executor
