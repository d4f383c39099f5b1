#include "build/builder.h"

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
#include "build/config_ops.h"
#include "build/copy.h"
#include "build/digest.h"
#include "build/layer.h"
#include "build/sandbox.h"
#include "syntax/document.h"
#include "util/error.h"
#include "util/files.h"

namespace msm::build {

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
    m_net_dir = m_store.make_temp_dir("net");
    write_network_files(m_net_dir, "msmigrate");
    try {
      run_stages();
    } catch (...) {
      remove_tree(m_net_dir);
      throw;
    }
    remove_tree(m_net_dir);
    Image image = export_stage(target);
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

  void from(size_t s) {
    const auto &stage = m_graph->stages()[s];
    StageState &state = m_states[s];
    int step = next_step();
    say("#" + std::to_string(step) + " [" + stage_label(s) + "] FROM " + stage.base_expanded);
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
    // Running a base image's ONBUILD triggers needs them parsed as part of this Dockerfile;
    // until then refuse rather than build something different from what docker would.
    if (state.config["config"].contains("OnBuild") && state.config["config"]["OnBuild"].is_array() &&
        !state.config["config"]["OnBuild"].empty()) {
      throw Error(m_doc->path() + ": base image " + stage.base_expanded + " has ONBUILD triggers (" +
                  state.config["config"]["OnBuild"].dump() + "), which msmigrate build does not run yet");
    }
    state.config["config"].erase("OnBuild");
  }

  void build_stage(size_t s) {
    const auto &stage = m_graph->stages()[s];
    from(s);
    const auto &instructions = m_doc->instructions();
    for (size_t i = stage.from_instruction + 1; i < stage.end_instruction && i < instructions.size(); ++i) {
      const Instruction &ins = instructions[i];
      if (ins.is(InstructionKind::Arg) || ins.is(InstructionKind::Unknown)) continue;
      step(s, i, ins);
    }
  }

  void add_history(StageState &state, const std::string &created_by, bool empty) {
    Json h{{"created", state.time}, {"created_by", created_by}, {"comment", "msmigrate build"}};
    if (empty) h["empty_layer"] = true;
    state.config["history"].push_back(h);
  }

  void step(size_t s, size_t i, const Instruction &ins) {
    StageState &state = m_states[s];
    ConfigLookup lookup(state.config, args_in_scope(s, i));
    std::string head = "[" + stage_label(s) + "] " + ins.original;
    if (head.size() > 120) head = head.substr(0, 117) + "...";
    count(&BuildStats::steps);
    if (ins.is(InstructionKind::Run)) {
      run_step(s, i, ins, lookup, head);
    } else if (ins.is(InstructionKind::Copy) || ins.is(InstructionKind::Add)) {
      copy_step(s, i, ins, lookup, head);
    } else {
      std::string created = apply_metadata(state.config, ins, lookup, m_doc->escape(), state.cmd_set);
      add_history(state, created, true);
      state.key = key_of(state.key, created);
    }
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
    if (m_options.no_cache && access(dest.c_str(), F_OK) == 0) {
      // --no-cache replaces what an earlier build stored under the same key.
      std::string trash = m_store.make_temp_dir("trash") + "/old";
      if (rename(dest.c_str(), trash.c_str()) == 0) remove_tree(trash.substr(0, trash.size() - 4));
    }
    if (!empty) m_store.commit_dir(upper, dest);
    write_file_atomically(m_store.cache_dir(key) + ".json", Json{{"empty", empty}, {"created", created_timestamp()}}.dump(), false);
    use_cached(state, key, empty, created);
  }

  void use_cached(StageState &state, const std::string &key, bool empty, const std::string &created) {
    Json j = Json::parse(read_file(m_store.cache_dir(key) + ".json"), nullptr, false);
    if (!j.is_discarded() && j.contains("created")) state.time = j["created"];
    if (!empty) {
      StageLayer layer;
      layer.dir = m_store.cache_dir(key);
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

  std::vector<RunMount> run_mounts(const Instruction &ins, const ConfigLookup &lookup, std::string &key_part) {
    std::vector<RunMount> mounts;
    for (const auto &f : ins.flags) {
      if (f.name != "mount") continue;
      std::map<std::string, std::string> kv;
      std::stringstream ss(f.value.value_or(""));
      std::string field;
      while (std::getline(ss, field, ',')) {
        size_t eq = field.find('=');
        std::string k = field.substr(0, eq);
        std::string v = eq == std::string::npos ? "true" : field.substr(eq + 1);
        kv[k] = expand_or_throw(v, lookup, m_doc->escape(), ins);
      }
      std::string type = kv.count("type") ? kv["type"] : "bind";
      std::string target = kv.count("target") ? kv["target"] : kv.count("dst") ? kv["dst"] : kv["destination"];
      if (target.empty()) throw Error(where(ins) + "--mount needs target=");
      if (!target.starts_with("/")) target = "/" + target;
      RunMount m;
      m.target = target;
      bool ro = kv.count("readonly") || kv.count("ro");
      if (type == "cache") {
        m.type = RunMount::Type::Cache;
        std::string id = kv.count("id") ? kv["id"] : target;
        m.source = m_store.root() + "/cache-mounts/" + sha256_hex(id).substr(0, 32);
        mkdir(m.source.c_str(), 0755);
        m.readonly = ro;
        key_part += "cache:" + id + ":" + target + ";";
      } else if (type == "tmpfs") {
        m.type = RunMount::Type::Tmpfs;
        key_part += "tmpfs:" + target + ";";
      } else if (type == "bind") {
        if (kv.count("from")) {
          throw Error(where(ins) + "RUN --mount=type=bind,from=... is not supported yet: COPY --from the files instead");
        }
        std::string source = kv.count("source") ? kv["source"] : kv.count("src") ? kv["src"] : "";
        CopyRequest probe;
        probe.source_root = m_context;
        probe.ignore = m_ignore;
        probe.sources = {source.empty() ? "." : source};
        key_part += "bind:" + source + ":" + target + ":" + checksum_sources(probe) + ";";
        std::string clean = std::filesystem::path("/" + source).lexically_normal().string();
        m.type = RunMount::Type::Bind;
        m.source = m_context + clean;
        m.readonly = !kv.count("rw") && !kv.count("readwrite");
        // The context path is clamped lexically; a symlink must not lead the bind outside it.
        std::string real = std::filesystem::weakly_canonical(m.source).string();
        std::string ctx_real = std::filesystem::weakly_canonical(m_context).string();
        if (real != ctx_real && !real.starts_with(ctx_real + "/")) {
          throw Error(where(ins) + "--mount source " + source + " leads outside the build context");
        }
        m.source = real;
      } else {
        throw Error(where(ins) + "--mount type=" + type + " is not supported (use bind, cache or tmpfs)");
      }
      mounts.push_back(m);
    }
    return mounts;
  }

  std::string where(const Instruction &ins) const {
    return m_doc->path() + ":" + std::to_string(ins.start_line) + ": " + ins.keyword + ": ";
  }

  void run_step(size_t s, size_t i, const Instruction &ins, const ConfigLookup &lookup, const std::string &head) {
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
    std::vector<RunMount> mounts = run_mounts(ins, lookup, mount_key);
    std::vector<std::string> env = state.config["config"]["Env"].get<std::vector<std::string>>();
    // RUN sees the build args in scope too (not saved in the image); Env wins over an ARG.
    for (const auto &[k, v] : args_in_scope(s, i)) {
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
    if (auto hit = cached(key)) {
      say(tag + " CACHED");
      count(&BuildStats::cached);
      use_cached(state, key, *hit, created);
      return;
    }
    auto start = std::chrono::steady_clock::now();
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
    // Mount points made for --mount targets are not part of the result.
    for (const auto &m : mounts) {
      std::string p = spec.root.upper + m.target;
      while (p.size() > spec.root.upper.size() && rmdir(p.c_str()) == 0) p = p.substr(0, p.rfind('/'));
    }
    commit_step(state, key, spec.root.upper, created);
    remove_tree(scratch);
    count(&BuildStats::executed);
    say(tag + " DONE " + elapsed(start));
  }

  void copy_step(size_t s, size_t, const Instruction &ins, const ConfigLookup &lookup, const std::string &head) {
    StageState &state = m_states[s];
    bool add = ins.is(InstructionKind::Add);
    CopyRequest req;
    req.add = add;
    req.workdir = state.config["config"].value("WorkingDir", "/");
    if (req.workdir.empty()) req.workdir = "/";
    std::optional<size_t> from_stage;
    std::optional<Image> from_image;
    for (const auto &f : ins.flags) {
      std::string v = f.value ? expand_or_throw(*f.value, lookup, m_doc->escape(), ins) : "";
      if (f.name == "from") {
        if (add) throw Error(where(ins) + "ADD does not take --from");
        from_stage = m_graph->find(v);
        if (!from_stage) from_image = find_image(m_store, v);
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
    req.dest = expand_or_throw(ins.args.back().value, lookup, m_doc->escape(), ins);
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
      std::string src = expand_or_throw(raw, lookup, m_doc->escape(), ins);
      if (add && (src.starts_with("http://") || src.starts_with("https://") || src.starts_with("git@"))) {
        throw Error(where(ins) + "ADD " + src + " needs the network, and msmigrate build works offline: "
                    "download it into the build context and COPY it");
      }
      req.sources.push_back(src);
    }
    std::string source_key;
    std::vector<std::string> source_lowers;
    if (from_stage) {
      req.from_context = false;
      source_key = "stage " + m_states[*from_stage].key;
      source_lowers = lower_dirs(m_states[*from_stage]);
    } else if (from_image) {
      req.from_context = false;
      source_key = "image " + from_image->manifest_digest;
      for (auto it = from_image->layers.rbegin(); it != from_image->layers.rend(); ++it) {
        std::lock_guard<std::mutex> lock(m_extract_mutex);
        source_lowers.push_back(relative(m_store.ensure_extracted(*it)));
      }
      source_lowers.push_back(relative(m_store.stub_dir()));
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
    if (auto hit = cached(key)) {
      say(tag + " CACHED");
      count(&BuildStats::cached);
      use_cached(state, key, *hit, created);
      return;
    }
    std::string scratch = m_store.make_temp_dir("copy");
    std::string upper = scratch + "/upper", work = scratch + "/work", merged = scratch + "/merged",
                src_mount = scratch + "/src";
    for (const auto &d : {upper, work, merged, src_mount}) mkdir(d.c_str(), 0755);
    OverlaySpec dest_spec{m_store.root(), lower_dirs(state), upper, work};
    if (!req.from_context) req.source_root = src_mount;
    req.dest_root = merged;
    try {
      run_in_mount_namespace([&] {
        if (!source_lowers.empty()) {
          if (source_lowers.size() == 1) source_lowers.push_back(relative(m_store.stub_dir()));
          mount_overlay({m_store.root(), source_lowers, "", ""}, src_mount);
        }
        mount_overlay(dest_spec, merged);
        perform_copy(req);
      });
    } catch (const Error &e) {
      remove_tree(scratch);
      throw Error(where(ins) + e.what());
    }
    commit_step(state, key, upper, created);
    remove_tree(scratch);
    count(&BuildStats::executed);
    say(tag + " DONE " + elapsed(start));
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
  std::atomic<int> m_step_counter{0};
  BuildStats m_stats;
};

}  // namespace

Image run_build(Store &store, const BuildOptions &options, std::ostream &log, BuildStats *stats) {
  Builder builder(store, options, log);
  return builder.build(stats);
}

}  // namespace msm::build
