#include "builder_pattern/driver.h"

#include <algorithm>
#include <memory>
#include <set>
#include <sstream>

#include "analysis/shell.h"
#include "util/error.h"

namespace msm::builder_pattern {

namespace sh = analysis::shell;

namespace {

// The project root in the interpreter's own path space; never shown to users.
const std::string k_root = "/msm-project-root";
const std::string k_home = "/msm-home";
const std::string k_container_prefix = "msm-container-";
// Where a builder stage keeps what a run-time build wrote to stdout.
const std::string k_stdout_dir = "/msm-stdout";

// The word lists below are built on first use, not by a global constructor: every msmigrate
// process (an editor's lint on save too) would otherwise pay ~170,000 instructions to build and
// destroy them.
using WordSet = std::set<std::string, std::less<>>;

bool starts_with(const std::string &s, std::string_view p) { return s.compare(0, p.size(), p) == 0; }

// An absolute path written for one CI service's agent that is the job's checkout: a Jenkins
// agent's `…/workspace/<job>` (or `<folder>/<job>`), GitHub's `/github/workspace`, Drone's
// `/drone/src`.
bool is_ci_workspace(const std::string &abs) {
  if (abs == "/github/workspace" || abs == "/drone/src") return true;
  std::vector<std::string> parts;
  for (size_t start = 1; start <= abs.size();) {
    size_t slash = abs.find('/', start);
    if (slash == std::string::npos) slash = abs.size();
    if (slash > start) parts.push_back(abs.substr(start, slash - start));
    start = slash + 1;
  }
  for (size_t i = 0; i + 1 < parts.size(); ++i) {
    if (parts[i] == "workspace" && parts.size() - i - 1 <= 2 && i > 0) return true;
  }
  return false;
}

std::string basename_of(const std::string &p) {
  std::string s = p;
  while (s.size() > 1 && s.back() == '/') s.pop_back();
  size_t slash = s.rfind('/');
  return slash == std::string::npos ? s : s.substr(slash + 1);
}

std::string dirname_of(const std::string &p) {
  std::string s = p;
  while (s.size() > 1 && s.back() == '/') s.pop_back();
  size_t slash = s.rfind('/');
  if (slash == std::string::npos) return ".";
  if (slash == 0) return "/";
  return s.substr(0, slash);
}

// Value flags of `docker build`, `docker run`/`create`: the next word is their value.
const WordSet &build_value_flags() {
  static const WordSet k_words = {
    "-f", "--file", "-t", "--tag", "--build-arg", "--target", "--network", "--platform", "--label",
    "--cache-from", "--cache-to", "--iidfile", "--secret", "--ssh", "--add-host", "--cpu-shares", "-m",
    "--memory", "--memory-swap", "--shm-size", "--ulimit", "--progress", "-o", "--output",
    "--build-context", "--cgroup-parent", "--isolation", "--metadata-file", "--provenance", "--sbom",
    "--attest", "--allow", "--annotation", "--builder", "--cpuset-cpus", "--cpu-period", "--cpu-quota",
    "--security-opt", "-c"};
  return k_words;
}
const WordSet &run_value_flags() {
  static const WordSet k_words = {
    "-v", "--volume", "--mount", "-w", "--workdir", "-e", "--env", "--env-file", "--name", "-u", "--user",
    "--entrypoint", "--cidfile", "--network", "--net", "-p", "--publish", "-h", "--hostname", "--platform",
    "-l", "--label", "--add-host", "--dns", "--cap-add", "--cap-drop", "--device", "--ulimit", "-m",
    "--memory", "--security-opt", "--tmpfs", "--restart", "--log-driver", "--log-opt", "--pid", "--ipc",
    "--shm-size", "--cpus", "--stop-signal", "--group-add", "--volumes-from", "--link", "--expose",
    "--runtime", "--gpus", "--pull", "--label-file", "-a", "--attach", "--memory-swap", "--cpuset-cpus",
    "--userns", "--uts", "--stop-timeout", "--health-cmd", "--health-interval", "--env-file"};
  return k_words;
}

bool mentions_positional(const std::string &raw) {
  for (size_t i = 0; i + 1 < raw.size(); ++i) {
    if (raw[i] != '$') continue;
    char n = raw[i + 1] == '{' && i + 2 < raw.size() ? raw[i + 2] : raw[i + 1];
    if ((n >= '0' && n <= '9') || n == '@' || n == '*') return true;
  }
  return false;
}

// A value written as one shell word.
std::string shell_word(const std::string &v) {
  if (!v.empty() && v.find_first_of(" \t\n\"'$`\\|&;<>()*?[]#~") == std::string::npos) return v;
  std::string out = "'";
  for (char c : v) {
    if (c == '\'') out += "'\\''";
    else out += c;
  }
  return out + "'";
}

// Commands that only print, test or set shell state.
const WordSet &info_commands() {
  static const WordSet k_words = {
    "echo", "printf", "true", ":", "set", "trap", "exit", "sleep", "date", "test", "[", "which", "command",
    "type", "shift", "cd", "pushd", "popd", "export", "local", "readonly", "declare", "unset", "umask",
    "return", "wait", "hash", "shopt", "false"};
  return k_words;
}
const WordSet &modify_commands() {
  static const WordSet k_words = {
    "strip", "upx", "chmod", "gzip", "xz", "bzip2", "zip", "ldd", "patchelf", "dpkg-deb", "fpm", "tar",
    "sed", "objcopy", "gpg", "touch", "ar"};
  return k_words;
}
const WordSet &fetch_commands() {
  static const WordSet k_words = {"curl", "wget", "git", "svn", "rsync", "scp"};
  return k_words;
}
const WordSet &opaque_tools() {
  static const WordSet k_words = {
    "docker-compose", "bazel", "earthly", "goreleaser", "ko", "jib", "buildah", "podman", "kaniko",
    "packer", "nix", "skaffold", "tilt", "dagger", "pack", "cross"};
  return k_words;
}
// Interpreters that run a script file given as their first operand.
const WordSet &script_runners() {
  static const WordSet k_words = {"sh", "bash", "dash", "ash", "zsh"};
  return k_words;
}

struct Container {
  std::string image;
  SourceRef where;
  // A `docker run --name x img` without -d runs the image's command: a run-time build.
  bool ran_command = false;
};

class Interpreter {
 public:
  Interpreter(const DriverOptions &options, const sh::Script &script, const std::vector<uint32_t> &line_map)
      : m_options(options), m_script(&script), m_line_map(&line_map), m_file(options.file) {
    m_cwd = options.start_dir == "." || options.start_dir.empty() ? k_root : normalize_path(k_root + "/" + options.start_dir);
    // $0 is the script as invoked from where it starts.
    m_self = options.start_dir == "." ? "./" + m_file : "./" + basename_of(m_file);
    m_model.driver = options.file;
    m_positional = options.positional;
  }

  DriverModel run() {
    for (const auto &p : m_script->problems()) {
      refuse("unfollowable-logic", "the shell parser cannot read this part of " + m_options.file, where_line(p.line, p.range));
    }
    run_commands(m_script->commands(), 0);
    return std::move(m_model);
  }

 private:
  // --- paths -------------------------------------------------------------------------------
  std::string absolute(const std::string &p) const {
    if (p.empty()) return m_cwd;
    return normalize_path(p[0] == '/' ? p : join_path(m_cwd, p));
  }
  // Root-relative for paths inside the project; absolute (as the user wrote it) outside.
  static std::string relative(const std::string &abs) {
    if (abs == k_root) return ".";
    if (starts_with(abs, k_root + "/")) return abs.substr(k_root.size() + 1);
    return abs;
  }
  static bool inside_project(const std::string &abs) { return abs == k_root || starts_with(abs, k_root + "/"); }

  SourceRef where_line(uint32_t line, sh::Range range) const {
    SourceRef r;
    r.file = m_file;
    r.line = line;
    if (!m_line_map->empty() && line >= 1 && line <= m_line_map->size()) r.line = (*m_line_map)[line - 1];
    std::string text(m_script->text(range));
    // One line of text is enough to point at; continuations are joined.
    std::string joined;
    for (size_t i = 0; i < text.size(); ++i) {
      if (text[i] == '\\' && i + 1 < text.size() && text[i + 1] == '\n') {
        ++i;
        while (i + 1 < text.size() && (text[i + 1] == ' ' || text[i + 1] == '\t')) ++i;
        while (!joined.empty() && joined.back() == ' ') joined.pop_back();
        joined += ' ';
        continue;
      }
      joined += text[i];
    }
    r.text = joined;
    return r;
  }
  SourceRef where(const sh::Command &c) const {
    if (c.pipeline == 0) return where_line(c.line, c.range);
    // A pipeline's parts belong together (`echo "$T" | docker login --password-stdin`).
    const std::string &src = m_script->source();
    uint32_t start = c.range.start, end = c.range.end;
    while (start > 0 && src[start - 1] != '\n') --start;
    while (end < src.size() && src[end] != '\n') ++end;
    while (start < end && (src[start] == ' ' || src[start] == '\t')) ++start;
    return where_line(m_script->line_of(start), sh::Range{start, end});
  }

  void refuse(std::string category, std::string message, SourceRef at) {
    m_model.refusals.push_back(Finding{std::move(category), std::move(message), std::move(at)});
  }
  void warn(std::string category, std::string message, SourceRef at) {
    m_model.warnings.push_back(Finding{std::move(category), std::move(message), std::move(at)});
  }
  void host_step(HostStep::Kind kind, const sh::Command &c, std::vector<std::string> paths = {}) {
    HostStep s;
    s.kind = kind;
    s.where = where(c);
    s.seq = ++m_seq;
    s.paths = std::move(paths);
    m_model.host_steps.push_back(std::move(s));
  }

  // --- evaluation --------------------------------------------------------------------------
  std::optional<std::string> lookup(std::string_view name) const {
    auto it = m_vars.find(name);
    if (it != m_vars.end()) return it->second;
    if (name == "PWD") return m_cwd;
    if (name == "HOME") return k_home;
    // CI services name the checkout the driver runs in.
    for (std::string_view ci : {"WORKSPACE", "GITHUB_WORKSPACE", "CI_PROJECT_DIR", "TRAVIS_BUILD_DIR", "BITBUCKET_CLONE_DIR",
                                "DRONE_WORKSPACE", "CIRCLE_WORKING_DIRECTORY"}) {
      if (name == ci) return k_root;
    }
    if (name == "0" || name == "BASH_SOURCE") return m_self;
    if (!name.empty() && std::all_of(name.begin(), name.end(), [](char ch) { return ch >= '0' && ch <= '9'; })) {
      if (name.size() > 6) return std::nullopt;
      size_t i = std::stoul(std::string(name));
      if (i >= 1 && i <= m_positional.size()) return m_positional[i - 1];
      return std::nullopt;
    }
    if (name == "#") return std::to_string(m_positional.size());
    return std::nullopt;
  }

  sh::WordValue eval(const sh::Word &w) {
    analysis::VariableLookup l = [this](std::string_view n) { return lookup(n); };
    sh::SubstitutionEval s = [this](const sh::Substitution &sub) { return substitute(sub); };
    return sh::evaluate(w, l, s);
  }

  std::vector<std::string> eval_words(const std::vector<sh::Word> &words, size_t from, bool *dynamic = nullptr) {
    std::vector<std::string> out;
    for (size_t i = from; i < words.size(); ++i) {
      auto v = eval(words[i]);
      if (v.dynamic && dynamic) *dynamic = true;
      out.push_back(std::move(v.value));
    }
    return out;
  }

  // $(...) whose output the driver's logic depends on.
  std::optional<std::string> substitute(const sh::Substitution &sub) {
    if (sub.commands.empty()) return std::string();
    const sh::Command &c = sub.commands[0];
    // `$(cd "$dir"; pwd)`, `$(cd "$(dirname "$0")" && pwd)`: the absolute directory.
    if (sub.commands.size() == 2 && c.name() == "cd" && sub.commands[1].name() == "pwd" && c.words.size() == 2) {
      auto dir = eval(c.words[1]);
      if (!dir.dynamic) return absolute(dir.value);
    }
    std::vector<std::string> argv = eval_words(c.words, 0);
    if (argv.empty()) return std::nullopt;
    size_t k = skip_sudo(argv);
    std::string name = k < argv.size() ? argv[k] : "";
    if (name == "docker" && k + 1 < argv.size()) {
      std::string sub_cmd = argv[k + 1];
      size_t rest = k + 2;
      if (sub_cmd == "container" && k + 2 < argv.size()) {
        sub_cmd = argv[k + 2];
        rest = k + 3;
      }
      if (sub_cmd == "create" || sub_cmd == "run") return container_command(c, argv, rest, sub_cmd == "run", true);
      bool named = false;  // `docker images -q app-build` names the image: no guess by recency
      for (size_t i = rest; i < argv.size(); ++i) named = named || (!argv[i].empty() && argv[i][0] != '-');
      if (sub_cmd == "images" && named) return std::nullopt;
      if (sub_cmd == "ps" || sub_cmd == "images") {
        refuse("non-deterministic-reference",
               "`docker " + sub_cmd + "` picks a container or image by recency, not by name; name it (docker create img) instead",
               where(c));
        return std::nullopt;
      }
      return std::nullopt;
    }
    if (name == "cat" && k + 1 < argv.size()) {
      auto it = m_cidfiles.find(absolute(argv[k + 1]));
      if (it != m_cidfiles.end()) return it->second;
      return std::nullopt;
    }
    if (name == "dirname" && k + 1 < argv.size()) return dirname_in_cwd(argv[k + 1]);
    if (name == "basename" && k + 1 < argv.size()) return basename_of(argv[k + 1]);
    if (name == "pwd") return m_cwd;
    if ((name == "realpath" || name == "readlink") && k + 1 < argv.size()) return absolute(argv.back());
    if (name == "git" && argv.size() > k + 2 && argv[k + 1] == "rev-parse" && argv[k + 2] == "--show-toplevel") return k_root;
    if (name == "mktemp") return "/msm-tmp-" + std::to_string(++m_temps);
    return std::nullopt;
  }

  std::string dirname_in_cwd(const std::string &p) {
    // `dirname "$0"` names the script's directory (relative to the project root, where it runs).
    if (p == m_self || p == "./" + m_file || p == m_file) return dirname_of(p);
    return dirname_of(p);
  }

  static size_t skip_sudo(const std::vector<std::string> &argv) {
    size_t k = 0;
    if (!argv.empty() && argv[0] == "sudo") {
      k = 1;
      while (k < argv.size() && starts_with(argv[k], "-")) ++k;
    }
    if (k < argv.size() && argv[k] == "exec") ++k;
    return k;
  }

  // --- the script ------------------------------------------------------------------------------
  void run_commands(const std::vector<sh::Command> &commands, int depth) {
    for (size_t i = 0; i < commands.size(); ++i) {
      const sh::Command &c = commands[i];
      const sh::Command *next = i + 1 < commands.size() ? &commands[i + 1] : nullptr;
      const sh::Command *prev = i > 0 ? &commands[i - 1] : nullptr;
      run_command(c, prev, next, depth);
      // The rest of a pipeline was handled with its first docker command.
      if (m_consumed_next) {
        m_consumed_next = false;
        ++i;
      }
    }
  }

  void run_command(const sh::Command &c, const sh::Command *prev, const sh::Command *next, int depth) {
    if (c.inside("condition") || c.test) return;  // conditions decide; they do not build
    // Bare assignments set variables for the rest of the script.
    if (c.words.empty() || c.declaration) {
      for (const auto &a : c.assignments) {
        std::string value = a.value ? eval(*a.value).value : std::string();
        m_vars[a.name] = value;
      }
      if (c.words.empty()) {
        for (const auto &a : c.assignments) {
          // id=$(docker create ...): the container exists no more after the conversion.
          if (a.value && !a.value->substitutions.empty() && a.value->raw.find("docker") != std::string::npos) {
            host_step(HostStep::Kind::Cleanup, c);
            return;
          }
        }
        host_step(HostStep::Kind::Info, c);
        return;
      }
      host_step(HostStep::Kind::Info, c);
      return;
    }
    bool dynamic = false;
    std::vector<std::string> argv = eval_words(c.words, 0, &dynamic);
    size_t k = skip_sudo(argv);
    if (k >= argv.size()) return;
    const std::string &name = argv[k];

    if (c.inside("for") || c.inside("while")) {
      if (name == "docker") {
        refuse("unfollowable-logic", "a loop runs docker commands; convert one iteration by hand or pass --script with it unrolled", where(c));
        return;
      }
    }
    if (c.inside("if") && name == "docker") {
      warn("conditional-step", "this docker step runs only under a condition; the conversion assumes it runs", where(c));
    }
    if (c.connector == sh::Connector::Or && name == "docker") {
      warn("conditional-step", "this docker step is a `||` fallback; the conversion assumes the first command succeeded", where(c));
    }

    auto fn = m_script->functions().find(name);
    if (fn != m_script->functions().end() && depth < 16) {
      std::vector<std::string> saved = m_positional;
      m_positional.assign(argv.begin() + static_cast<long>(k) + 1, argv.end());
      run_commands(fn->second.body, depth + 1);
      m_positional = std::move(saved);
      host_step(HostStep::Kind::Info, c);
      return;
    }
    if (name == "set") {
      for (size_t i = k + 1; i < argv.size(); ++i) {
        if (starts_with(argv[i], "-") && argv[i].find('e') != std::string::npos) m_model.set_e = true;
        if (starts_with(argv[i], "+") && argv[i].find('e') != std::string::npos) m_model.set_e = false;
      }
      host_step(HostStep::Kind::Info, c);
      return;
    }
    if (name == "cd" || name == "pushd") {
      if (name == "pushd") m_dirs.push_back(m_cwd);
      if (dynamic) {
        refuse("unfollowable-logic", "`cd` to a directory that depends on the environment", where(c));
        return;
      }
      std::string target = k + 1 < argv.size() ? argv[k + 1] : k_home;
      m_cwd = absolute(target);
      host_step(HostStep::Kind::Info, c);
      return;
    }
    if (name == "popd") {
      if (!m_dirs.empty()) {
        m_cwd = m_dirs.back();
        m_dirs.pop_back();
      }
      host_step(HostStep::Kind::Info, c);
      return;
    }
    if ((name == "." || name == "source") && k + 1 < argv.size()) {
      source_file(c, argv[k + 1], depth);
      return;
    }
    // podman takes docker's command line.
    if (name == "docker" || name == "podman") {
      docker(c, argv, k + 1, next);
      return;
    }
    if (run_project_script(c, argv, k, depth)) return;
    if (name == "docker-compose" || (opaque_tools().count(name) && name != "cross")) {
      refuse("opaque-producer", "`" + name + "` runs the build itself; msmigrate cannot see what it does", where(c));
      return;
    }
    if (name == "rm" || name == "mkdir" || name == "rmdir") {
      std::vector<std::string> paths;
      for (size_t i = k + 1; i < argv.size(); ++i) {
        if (starts_with(argv[i], "-")) continue;
        std::string abs = absolute(argv[i]);
        paths.push_back(relative(abs));
        if (name == "mkdir") m_made_dirs.insert(abs);
        if (name == "rm") m_made_dirs.erase(abs);
      }
      host_step(HostStep::Kind::Cleanup, c, paths);
      return;
    }
    if (name == "mv" || name == "cp" || name == "ln" || name == "install") {
      std::vector<std::string> operands;
      for (size_t i = k + 1; i < argv.size(); ++i) {
        if (!starts_with(argv[i], "-")) operands.push_back(relative(absolute(argv[i])));
      }
      host_step(HostStep::Kind::Move, c, operands);
      return;
    }
    if (name == "tar" && c.pipeline != 0 && c.pipe_index > 0) {
      // handled with the docker command feeding it; a tar after a non-docker producer:
      host_step(HostStep::Kind::Modify, c, paths_of(argv, k + 1));
      return;
    }
    if (modify_commands().count(name)) {
      host_step(HostStep::Kind::Modify, c, paths_of(argv, k + 1));
      return;
    }
    if (fetch_commands().count(name)) {
      bool fetch = name != "git" || (k + 1 < argv.size() && (argv[k + 1] == "clone" || argv[k + 1] == "pull" ||
                                                             argv[k + 1] == "submodule" || argv[k + 1] == "fetch"));
      host_step(fetch ? HostStep::Kind::Fetch : HostStep::Kind::Other, c, paths_of(argv, k + 1));
      return;
    }
    if (info_commands().count(name)) {
      // In a pipeline the command it feeds records the whole line.
      if (c.pipeline == 0) host_step(HostStep::Kind::Info, c);
      return;
    }
    if (prev && c.connector == sh::Connector::And && !prev->words.empty() && prev->name() == "docker") {
      // `docker run ... img make && make package`: the second command runs on the host.
      refuse("hidden-host-command",
             "`" + name + "` runs on the host, not in the container: `&&` ends the docker command before it", where(c));
      return;
    }
    if (name == "chown") {
      host_step(HostStep::Kind::Cleanup, c, paths_of(argv, k + 1));
      return;
    }
    host_step(HostStep::Kind::Other, c, paths_of(argv, k + 1));
  }

  std::vector<std::string> paths_of(const std::vector<std::string> &argv, size_t from) const {
    std::vector<std::string> out;
    for (size_t i = from; i < argv.size(); ++i) {
      if (starts_with(argv[i], "-") || argv[i].empty()) continue;
      out.push_back(relative(absolute(argv[i])));
    }
    return out;
  }

  // `./scripts/docker-build arg`, `bash build/docker.sh`: a script of the project (a Makefile
  // recipe or CI step calling the real driver) is read in place, with its own positional
  // parameters, in the caller's working directory.
  bool run_project_script(const sh::Command &c, const std::vector<std::string> &argv, size_t k, int depth) {
    size_t file_at = k;
    if (script_runners().count(argv[k])) {
      file_at = k + 1;
      while (file_at < argv.size() && starts_with(argv[file_at], "-")) ++file_at;
      if (file_at >= argv.size()) return false;
    } else if (argv[k].find('/') == std::string::npos) {
      return false;
    }
    std::string abs = absolute(argv[file_at]);
    if (!inside_project(abs) || !m_options.read_file || depth >= 8) return false;
    std::string rel = relative(abs);
    std::optional<std::string> text = m_options.read_file(rel);
    if (!text) return false;
    m_inlined.push_back(sh::Script::parse(*text));
    const sh::Script *inner = m_inlined.back().get();
    host_step(HostStep::Kind::Info, c);
    const sh::Script *saved_script = m_script;
    const std::vector<uint32_t> *saved_map = m_line_map;
    std::string saved_file = m_file;
    std::string saved_self = m_self;
    std::vector<std::string> saved_positional = m_positional;
    m_self = argv[file_at];
    m_script = inner;
    m_line_map = &k_no_line_map;
    m_file = rel;
    m_positional.assign(argv.begin() + static_cast<long>(file_at) + 1, argv.end());
    for (const auto &p : inner->problems()) {
      refuse("unfollowable-logic", "the shell parser cannot read this part of " + rel, where_line(p.line, p.range));
    }
    run_commands(inner->commands(), depth + 1);
    m_script = saved_script;
    m_line_map = saved_map;
    m_file = std::move(saved_file);
    m_self = std::move(saved_self);
    m_positional = std::move(saved_positional);
    return true;
  }

  void source_file(const sh::Command &c, const std::string &file, int depth) {
    std::string rel = relative(absolute(file));
    std::optional<std::string> text = m_options.read_file ? m_options.read_file(rel) : std::nullopt;
    if (!text || depth > 4) {
      warn("sourced-file", "variables from `" + file + "` are not known; values that depend on them are treated as unknown", where(c));
      return;
    }
    auto inner = sh::Script::parse(*text);
    // Only assignments matter from a sourced environment file.
    for (const auto &ic : inner->commands()) {
      if (ic.words.empty() || ic.declaration) {
        for (const auto &a : ic.assignments) m_vars[a.name] = a.value ? eval(*a.value).value : std::string();
      }
    }
    host_step(HostStep::Kind::Info, c);
  }

  // --- docker ------------------------------------------------------------------------------
  void docker(const sh::Command &c, const std::vector<std::string> &argv, size_t k, const sh::Command *next) {
    // Global options before the subcommand.
    while (k < argv.size() && starts_with(argv[k], "-")) {
      if ((argv[k] == "-H" || argv[k] == "--host" || argv[k] == "--context" || argv[k] == "-c" ||
           argv[k] == "--config") && k + 1 < argv.size()) ++k;
      ++k;
    }
    if (k >= argv.size()) {
      host_step(HostStep::Kind::Other, c);
      return;
    }
    std::string sub = argv[k++];
    if ((sub == "image" || sub == "container" || sub == "buildx") && k < argv.size()) {
      std::string second = argv[k];
      if (sub == "buildx" && second == "build") {
        sub = "build";
        ++k;
      } else if (sub == "image" && second == "build") {
        sub = "build";
        ++k;
      } else if (sub == "container" && (second == "create" || second == "cp" || second == "rm" || second == "run" ||
                                        second == "stop" || second == "kill")) {
        sub = second;
        ++k;
      } else if (sub == "image" && (second == "push" || second == "tag" || second == "rm")) {
        sub = second == "rm" ? "rmi" : second;
        ++k;
      }
    }
    if (sub == "build") {
      build(c, argv, k);
    } else if (sub == "create") {
      container_command(c, argv, k, false, false);
    } else if (sub == "run") {
      run(c, argv, k, next);
    } else if (sub == "cp") {
      cp(c, argv, k, next);
    } else if (sub == "rm" || sub == "rmi" || sub == "stop" || sub == "kill" || sub == "wait" || sub == "start") {
      host_step(HostStep::Kind::Cleanup, c);
    } else if (sub == "push" || sub == "login" || sub == "logout" || sub == "tag" || sub == "manifest" ||
               sub == "trust" || sub == "save" || sub == "load") {
      host_step(HostStep::Kind::Publish, c);
    } else if (sub == "compose") {
      refuse("opaque-producer", "`docker compose` runs the build from a compose file msmigrate does not read", where(c));
    } else {
      host_step(HostStep::Kind::Other, c);
    }
  }

  void build(const sh::Command &c, const std::vector<std::string> &argv, size_t k) {
    BuildStep b;
    b.where = where(c);
    std::optional<std::string> file;
    std::vector<std::string> positional;
    // Raw words let the replacement command keep `$TAG` as the user wrote it.
    std::vector<std::string> raw;
    for (const auto &w : c.words) raw.push_back(w.raw);
    for (size_t i = k; i < argv.size(); ++i) {
      std::string flag = argv[i];
      std::optional<std::string> value;
      std::string raw_value;
      if (starts_with(flag, "--") && flag.find('=') != std::string::npos) {
        value = flag.substr(flag.find('=') + 1);
        raw_value = i < raw.size() ? raw[i].substr(std::min(raw[i].size(), raw[i].find('=') + 1)) : *value;
        flag = flag.substr(0, flag.find('='));
      } else if (starts_with(flag, "-") && flag != "-" && build_value_flags().count(flag) && i + 1 < argv.size()) {
        value = argv[++i];
        raw_value = i < raw.size() ? raw[i] : *value;
      } else if (starts_with(flag, "-t") && flag.size() > 2 && !starts_with(flag, "--")) {
        value = flag.substr(2);
        raw_value = *value;
        flag = "-t";
      } else if (starts_with(flag, "-f") && flag.size() > 2 && !starts_with(flag, "--")) {
        value = flag.substr(2);
        raw_value = *value;
        flag = "-f";
      }
      if (!starts_with(flag, "-") || flag == "-") {
        positional.push_back(argv[i]);
        continue;
      }
      // Inside a function `$1` means nothing to the replacement command: use the value.
      if (value && mentions_positional(raw_value)) raw_value = shell_word(*value);
      if (flag == "-f" || flag == "--file") {
        file = value;
      } else if (flag == "-t" || flag == "--tag") {
        b.tags.push_back(value.value_or(""));
        b.raw_tags.push_back(raw_value);
      } else if (flag == "--build-arg") {
        BuildArg a;
        std::string v = value.value_or("");
        size_t eq = v.find('=');
        a.name = v.substr(0, eq);
        if (eq == std::string::npos) {
          // `--build-arg NAME` passes the variable from the environment.
          auto env = lookup(a.name);
          a.value = env.value_or("");
          a.dynamic = !env;
          a.raw = a.name;
        } else {
          a.value = v.substr(eq + 1);
          size_t req = raw_value.find('=');
          a.raw = req == std::string::npos ? raw_value : raw_value.substr(req + 1);
          sh::Word w;
          a.dynamic = a.raw.find('$') != std::string::npos || a.raw.find('`') != std::string::npos;
        }
        b.build_args.push_back(std::move(a));
      } else if (flag == "--target") {
        b.target = value;
      } else if (flag == "--no-cache" || flag == "--pull") {
        b.kept_options.push_back(flag);
      } else if (flag == "-o" || flag == "--output") {
        warn("build-output", "this build already exports files with --output", b.where);
      } else if (flag == "--platform") {
        warn("multi-platform", "the build sets --platform " + value.value_or("") + "; the merged builder stage runs on the same platform as the runtime", b.where);
      }
    }
    if (positional.empty()) {
      refuse("unfollowable-logic", "`docker build` without a context path", b.where);
      return;
    }
    std::string context = positional.back();
    if (context == "-") {
      refuse("unfollowable-logic", "the build context comes from standard input", b.where);
      return;
    }
    if (context.find("://") != std::string::npos || starts_with(context, "git@")) {
      refuse("host-fetch", "the build context is a remote URL", b.where);
      return;
    }
    std::string context_abs = absolute(context);
    if (!inside_project(context_abs)) {
      refuse("unproduced-context", "the build context `" + context + "` is outside the project (a temp dir or another checkout) and is filled from sources msmigrate cannot follow", b.where);
      return;
    }
    b.context = relative(context_abs);
    if (file && *file == "-") {
      refuse("unfollowable-logic", "the Dockerfile comes from standard input", b.where);
      return;
    }
    b.dockerfile = relative(file ? absolute(*file) : join_path(context_abs, "Dockerfile"));
    b.seq = ++m_seq;
    m_model.builds.push_back(std::move(b));
  }

  struct RunOptions {
    std::vector<std::string> volumes;
    std::vector<std::string> mounts;
    std::optional<std::string> workdir, name, cidfile, entrypoint;
    std::vector<std::pair<std::string, std::string>> env;
    bool detached = false;
    std::string image;
    std::vector<std::string> args;
  };

  static RunOptions parse_run(const std::vector<std::string> &argv, size_t k) {
    RunOptions o;
    size_t i = k;
    for (; i < argv.size(); ++i) {
      std::string flag = argv[i];
      if (!starts_with(flag, "-") || flag == "-") break;
      if (flag == "--") {
        ++i;
        break;
      }
      std::optional<std::string> value;
      if (starts_with(flag, "--") && flag.find('=') != std::string::npos) {
        value = flag.substr(flag.find('=') + 1);
        flag = flag.substr(0, flag.find('='));
      } else if (run_value_flags().count(flag) && i + 1 < argv.size()) {
        value = argv[++i];
      } else if (!starts_with(flag, "--") && flag.size() > 2) {
        // Clusters: -itd; or a short flag glued to its value: -v/a:/b, -w/src.
        std::string letter = flag.substr(0, 2);
        if (run_value_flags().count(letter)) {
          value = flag.substr(2);
          flag = letter;
        } else {
          if (flag.find('d') != std::string::npos) o.detached = true;
          continue;
        }
      }
      if (flag == "-d" || flag == "--detach") o.detached = true;
      else if (flag == "-v" || flag == "--volume") o.volumes.push_back(value.value_or(""));
      else if (flag == "--mount") o.mounts.push_back(value.value_or(""));
      else if (flag == "-w" || flag == "--workdir") o.workdir = value;
      else if (flag == "--name") o.name = value;
      else if (flag == "--cidfile") o.cidfile = value;
      else if (flag == "--entrypoint") o.entrypoint = value;
      else if (flag == "-e" || flag == "--env") {
        std::string v = value.value_or("");
        size_t eq = v.find('=');
        o.env.emplace_back(v.substr(0, eq), eq == std::string::npos ? std::string() : v.substr(eq + 1));
      }
    }
    if (i < argv.size()) o.image = argv[i++];
    for (; i < argv.size(); ++i) o.args.push_back(argv[i]);
    return o;
  }

  std::string new_container(const sh::Command &c, const RunOptions &o, bool ran_command) {
    std::string token = k_container_prefix + std::to_string(m_containers.size());
    m_containers[token] = Container{o.image, where(c), ran_command};
    if (o.name) m_containers[*o.name] = Container{o.image, where(c), ran_command};
    if (o.cidfile) m_cidfiles[absolute(*o.cidfile)] = token;
    return token;
  }

  // `docker create` / `docker run -d` (and `docker run --name x img` that builds at run time).
  std::optional<std::string> container_command(const sh::Command &c, const std::vector<std::string> &argv, size_t k,
                                               bool is_run, bool in_substitution) {
    RunOptions o = parse_run(argv, k);
    if (o.image.empty()) {
      refuse("unfollowable-logic", "cannot tell which image this container runs", where(c));
      return std::nullopt;
    }
    if (is_run && !o.detached) {
      // A foreground run in $(...): its output is the value (e.g. `$(docker run img cat /v)`).
      if (in_substitution) return std::nullopt;
    }
    check_mounts(c, o);
    std::string token = new_container(c, o, is_run && !o.detached && !o.args.empty());
    if (!in_substitution) host_step(HostStep::Kind::Cleanup, c);
    return token;
  }

  void check_mounts(const sh::Command &c, const RunOptions &o) {
    for (const auto &v : o.volumes) {
      if (v.find("docker.sock") != std::string::npos) {
        refuse("docker-socket", "the container gets the Docker socket: the build runs Docker itself", where(c));
      }
    }
    for (const auto &m : o.mounts) {
      if (m.find("docker.sock") != std::string::npos) {
        refuse("docker-socket", "the container gets the Docker socket: the build runs Docker itself", where(c));
      }
    }
  }

  void run(const sh::Command &c, const std::vector<std::string> &argv, size_t k, const sh::Command *next) {
    RunOptions o = parse_run(argv, k);
    if (o.image.empty()) {
      refuse("unfollowable-logic", "cannot tell which image `docker run` runs", where(c));
      return;
    }
    check_mounts(c, o);
    if (o.detached) {
      new_container(c, o, false);
      host_step(HostStep::Kind::Cleanup, c);
      return;
    }
    for (const auto &a : o.args) {
      if (a == "docker" || starts_with(a, "docker ")) {
        refuse("docker-socket", "the container runs Docker itself (Docker-in-Docker)", where(c));
        return;
      }
    }
    // `docker run img cat /path > file`: the artifact is streamed on stdout.
    const sh::Redirect *out = nullptr;
    for (const auto &r : c.redirects) {
      if ((r.op == ">" || r.op == ">>" || r.op == ">|") && (!r.fd || *r.fd == 1)) out = &r;
    }
    if (out && out->target) {
      auto target = eval(*out->target);
      std::string dest = target.value;
      // The command after the image (argv and words correspond one to one).
      bool args_dynamic = false;
      if (o.args.size() < c.words.size()) eval_words(c.words, c.words.size() - o.args.size(), &args_dynamic);
      if (target.dynamic || args_dynamic) {
        refuse("unfollowable-logic", "`docker run … > " + out->target->raw + "`: the command or the file name depends on values msmigrate cannot know", where(c));
        return;
      }
      bool only_caches = std::all_of(o.volumes.begin(), o.volumes.end(), [&](const std::string &v) { return classify_mount(v).kind == Mount::Kind::Cache; });
      if (!o.args.empty() && o.args[0] == "cat" && o.args.size() == 2) {
        add_extraction(c, Extraction::Via::Cat, o.image, o.args[1], dest, false);
      } else if (!only_caches || !o.mounts.empty() || dest.empty() || dest.back() == '/') {
        refuse("unfollowable-logic", "the output of `docker run` is written to `" + dest + "` by a container with mounts; msmigrate follows `cat FILE` or a plain command's output", where(c));
      } else {
        // The container's command writes the artifact to stdout (`tar -c`, a STDOUT=1 mode):
        // a run-time build whose output the builder stage keeps in a file.
        RunBuild rb = run_build(c, o);
        rb.stdout_to = k_stdout_dir + "/" + basename_of(dest);
        for (const auto &v : o.volumes) rb.mounts.push_back(classify_mount(v));
        rb.seq = ++m_seq;
        m_model.runs.push_back(rb);
        add_extraction(c, Extraction::Via::Cat, o.image, *rb.stdout_to, dest, false);
      }
      return;
    }
    // `docker run img tar -c -C /out . | tar -x -C dir`
    if (c.pipeline != 0 && next && next->pipeline == c.pipeline && !o.args.empty() && o.args[0] == "tar") {
      tar_stream(c, *next, o.image, o.args);
      return;
    }
    // Bind mounts that write into the project: a build at run time.
    RunBuild rb = run_build(c, o);
    std::vector<std::string> specs = o.volumes;
    for (const auto &m : o.mounts) {
      // --mount type=bind,source=a,target=b[,readonly]
      std::string src, dst, type = "volume";
      bool ro = false;
      std::stringstream ss(m);
      std::string part;
      while (std::getline(ss, part, ',')) {
        size_t eq = part.find('=');
        std::string key = part.substr(0, eq), val = eq == std::string::npos ? "" : part.substr(eq + 1);
        if (key == "type") type = val;
        else if (key == "source" || key == "src") src = val;
        else if (key == "target" || key == "dst" || key == "destination") dst = val;
        else if (key == "readonly" || key == "ro") ro = val.empty() || val == "true" || val == "1";
      }
      if (type == "bind" || type == "volume") specs.push_back(src + ":" + dst + (ro ? ":ro" : ""));
    }
    for (const auto &spec : specs) {
      if (std::count(spec.begin(), spec.end(), ':') < 1) continue;
      rb.mounts.push_back(classify_mount(spec));
    }
    bool writes_project = false;
    for (const auto &m : rb.mounts) {
      if (m.kind == Mount::Kind::Source && !m.readonly) writes_project = true;
      if (m.kind == Mount::Kind::Outside && !m.readonly) {
        refuse("installer-image", "the container writes to `" + m.host + "` on the host, outside the project", rb.where);
        return;
      }
    }
    if (!writes_project) {
      if (o.name || o.cidfile) {
        // `docker run --name b img`, then `docker cp b:/p`: unless the command is a no-op
        // (`true`, `sh`), the build may happen in the command, which a COPY --from skips.
        static const std::set<std::string, std::less<>> k_noop = {"true", "/bin/true", ":", "sh", "bash", "/bin/sh", "/bin/bash", "echo", "sleep"};
        bool builds = o.args.empty() || !k_noop.count(o.args[0]);
        new_container(c, o, builds);
        if (builds) {
          // What the container's command writes is what docker cp takes out: the command
          // becomes a RUN of the builder stage (a RunBuild without mounts).
          rb.seq = ++m_seq;
          m_model.runs.push_back(std::move(rb));
        } else {
          host_step(HostStep::Kind::Cleanup, c);
        }
        return;
      }
      // A run that writes nothing back: tests or smoke checks of an image.
      host_step(HostStep::Kind::Other, c);
      return;
    }
    rb.seq = ++m_seq;
    size_t index = m_model.runs.size();
    for (const auto &m : rb.mounts) {
      if (m.kind != Mount::Kind::Source || m.readonly) continue;
      Extraction e;
      e.via = Extraction::Via::BindMount;
      e.image = rb.image;
      e.container_path = m.container;
      e.host_path = m.host;
      e.contents = true;
      e.run = index;
      e.where = rb.where;
      e.seq = rb.seq;
      m_model.extractions.push_back(std::move(e));
    }
    m_model.runs.push_back(std::move(rb));
    if (o.name) new_container(c, o, true);
  }

  // The command a `docker run` runs, as the builder stage will (mounts are added by the caller).
  RunBuild run_build(const sh::Command &c, const RunOptions &o) const {
    RunBuild rb;
    rb.image = o.image;
    rb.workdir = o.workdir;
    rb.env = o.env;
    rb.entrypoint = o.entrypoint;
    rb.args = o.args;
    rb.where = where(c);
    return rb;
  }

  // `-v host:ctr[:opts]`: the project tree, a cache (a named volume, or a directory under ~),
  // the Docker socket, or somewhere else on the host.
  Mount classify_mount(const std::string &spec) const {
    std::vector<std::string> parts;
    std::stringstream ss(spec);
    std::string part;
    while (std::getline(ss, part, ':')) parts.push_back(part);
    Mount m;
    if (parts.size() < 2) {
      m.kind = Mount::Kind::Cache;  // `-v /ctr`: an anonymous volume
      m.container = normalize_path(spec);
      return m;
    }
    m.container = normalize_path(parts[1]);
    // `-v vol:$HOME/.cache`: the host user's home, a path only known when the driver runs.
    if (starts_with(m.container, k_home)) m.container = "$HOME" + m.container.substr(k_home.size());
    m.readonly = parts.size() > 2 && parts[2].find("ro") != std::string::npos;
    const std::string &host = parts[0];
    if (host.find("docker.sock") != std::string::npos) {
      m.kind = Mount::Kind::Socket;
      m.host = host;
    } else if (host.empty() || (host[0] != '/' && host[0] != '.' && host[0] != '~' && host.find('/') == std::string::npos)) {
      m.kind = Mount::Kind::Cache;  // a named volume
      m.host = host;
    } else {
      std::string abs = absolute(host);
      if (starts_with(abs, k_home)) {
        m.kind = Mount::Kind::Cache;
        m.host = "~" + abs.substr(k_home.size());
      } else if (inside_project(abs)) {
        m.kind = Mount::Kind::Source;
        m.host = relative(abs);
      } else {
        m.kind = Mount::Kind::Outside;
        m.host = abs;
      }
    }
    return m;
  }

  void tar_stream(const sh::Command &producer, const sh::Command &consumer, const std::string &image,
                  const std::vector<std::string> &args) {
    // Producer: tar c[f -] [-C dir] paths...  Consumer: tar x[f -] [-C dir]
    std::string dir = "/";
    std::vector<std::string> paths;
    for (size_t i = 1; i < args.size(); ++i) {
      if (args[i] == "-C" && i + 1 < args.size()) {
        dir = args[++i];
      } else if (args[i] == "-f" && i + 1 < args.size()) {
        ++i;
      } else if (!starts_with(args[i], "-") && args[i].find_first_not_of("cvzfjJ") != std::string::npos) {
        paths.push_back(args[i]);
      }
    }
    std::vector<std::string> cargv = eval_words(consumer.words, 0);
    std::string into = ".";
    bool extracts = false;
    for (size_t i = 1; i < cargv.size(); ++i) {
      if (cargv[i] == "-C" && i + 1 < cargv.size()) into = cargv[++i];
      else if (cargv[i].find('x') != std::string::npos && !starts_with(cargv[i], "--")) extracts = true;
      else if (cargv[i] == "--extract") extracts = true;
    }
    if (cargv.empty() || cargv[0] != "tar" || !extracts || paths.size() != 1) {
      refuse("unfollowable-logic", "a tar stream out of the container that msmigrate cannot map to files", where(producer));
      m_consumed_next = true;
      return;
    }
    std::string src = paths[0] == "." ? dir : join_path(dir, paths[0]);
    std::string host = paths[0] == "." ? into : join_path(into, paths[0]);
    add_extraction(producer, Extraction::Via::Tar, image, src, host, paths[0] == ".");
    m_consumed_next = true;
  }

  void cp(const sh::Command &c, const std::vector<std::string> &argv, size_t k, const sh::Command *next) {
    std::vector<std::string> operands;
    bool follow = false;
    for (size_t i = k; i < argv.size(); ++i) {
      if (argv[i] == "-L" || argv[i] == "--follow-link") follow = true;
      else if (argv[i] == "-a" || argv[i] == "--archive" || argv[i] == "-q") continue;
      else operands.push_back(argv[i]);
    }
    (void)follow;
    if (operands.size() != 2) {
      refuse("unfollowable-logic", "cannot read this `docker cp`", where(c));
      return;
    }
    const std::string &src = operands[0];
    size_t colon = src.find(':');
    if (colon == std::string::npos || starts_with(src, "/") || starts_with(src, ".")) {
      host_step(HostStep::Kind::Other, c);  // copy into a container
      return;
    }
    std::string ref = src.substr(0, colon);
    auto it = m_containers.find(ref);
    if (it == m_containers.end() && ref.empty() && !m_model.refusals.empty() && m_model.refusals.back().where.line == where(c).line) {
      return;  // the $(...) that should name the container was refused already
    }
    if (it == m_containers.end()) {
      refuse("unfollowable-logic", "cannot tell which container `" + ref + "` is (its id does not come from a docker create/run msmigrate can see)", where(c));
      return;
    }
    std::string path = src.substr(colon + 1);
    if (path.find('*') != std::string::npos || path.find('?') != std::string::npos) {
      refuse("unfollowable-logic", "docker cp does not expand globs in container paths; this copy fails", where(c));
      return;
    }
    if (operands[1] == "-") {
      if (next && next->pipeline == c.pipeline && c.pipeline != 0) {
        // `docker cp c:/p - | tar x -C dir`: the tar holds `p` itself.
        std::vector<std::string> cargv = eval_words(next->words, 0);
        std::string into = ".";
        for (size_t i = 1; i < cargv.size(); ++i) {
          if (cargv[i] == "-C" && i + 1 < cargv.size()) into = cargv[++i];
        }
        if (!cargv.empty() && cargv[0] == "tar") {
          bool contents = path.size() >= 2 && path.compare(path.size() - 2, 2, "/.") == 0;
          std::string host = contents ? into : join_path(into, basename_of(path));
          add_extraction(c, Extraction::Via::Tar, it->second.image, path, host, contents);
          m_consumed_next = true;
          return;
        }
      }
      refuse("unfollowable-logic", "`docker cp` to standard output feeds a command msmigrate cannot follow", where(c));
      return;
    }
    std::string dest = operands[1];
    std::string dest_abs = absolute(dest);
    if (!inside_project(dest_abs) && is_ci_workspace(dest_abs)) {
      warn("ci-workspace", "`" + dest + "` is taken to be the CI job's workspace, that is this checkout (the path a CI agent checks the job out to); the artifact lands in the project root", where(c));
      dest_abs = k_root;
    }
    bool contents = path.size() >= 2 && path.compare(path.size() - 2, 2, "/.") == 0;
    std::string host;
    bool dest_is_dir = (!dest.empty() && dest.back() == '/') || m_made_dirs.count(dest_abs) ||
                       (m_options.is_directory && inside_project(dest_abs) && m_options.is_directory(relative(dest_abs)));
    if (contents) {
      host = dest_abs;  // merged into dest (created when missing)
    } else if (dest_is_dir) {
      host = join_path(dest_abs, basename_of(path));
    } else {
      host = dest_abs;
    }
    add_extraction(c, Extraction::Via::Cp, it->second.image, path, host, contents);
  }

  void add_extraction(const sh::Command &c, Extraction::Via via, const std::string &image, std::string container_path,
                      const std::string &host, bool contents) {
    Extraction e;
    e.via = via;
    e.image = image;
    if (container_path.size() >= 2 && container_path.compare(container_path.size() - 2, 2, "/.") == 0) {
      container_path.resize(container_path.size() - 2);
    }
    e.relative = via == Extraction::Via::Cp && (container_path.empty() || container_path[0] != '/');
    e.container_path = normalize_path(e.relative || container_path.empty() ? "/" + container_path : container_path);
    std::string abs = absolute(host);
    if (!inside_project(abs)) {
      refuse(starts_with(abs, "/msm-tmp-") ? "unproduced-context" : "installer-image",
             "the artifact goes to `" + host + "`, outside the project", where(c));
      return;
    }
    e.host_path = relative(abs);
    e.contents = contents;
    e.where = where(c);
    e.seq = ++m_seq;
    m_model.extractions.push_back(std::move(e));
  }

  const DriverOptions &m_options;
  const sh::Script *m_script;
  const std::vector<uint32_t> *m_line_map;
  std::string m_file;  // the file the running commands come from (changes inside a called script)
  std::string m_self;  // $0
  std::vector<std::unique_ptr<sh::Script>> m_inlined;
  static inline const std::vector<uint32_t> k_no_line_map{};
  DriverModel m_model;
  std::map<std::string, std::string, std::less<>> m_vars;
  std::vector<std::string> m_positional;
  std::string m_cwd;
  std::vector<std::string> m_dirs;
  std::map<std::string, Container, std::less<>> m_containers;
  std::map<std::string, std::string, std::less<>> m_cidfiles;
  std::set<std::string> m_made_dirs;
  size_t m_seq = 0;
  size_t m_temps = 0;
  bool m_consumed_next = false;
};

}  // namespace


namespace {

// Substitutions nested deeper than any real driver: refused before parsing, because tree-sitter's
// error recovery on such text takes time quadratic in its length.
constexpr size_t k_max_nesting = 256;

std::optional<uint32_t> too_deep(const std::string &script) {
  size_t depth = 0;
  uint32_t line = 1;
  for (size_t i = 0; i < script.size(); ++i) {
    char c = script[i];
    if (c == '\n') ++line;
    if (c == '$' && i + 1 < script.size() && (script[i + 1] == '{' || script[i + 1] == '(')) {
      if (++depth > k_max_nesting) return line;
      ++i;
    } else if ((c == '}' || c == ')') && depth > 0) {
      --depth;
    }
  }
  return std::nullopt;
}

}  // namespace

DriverModel read_driver(const std::string &script, const DriverOptions &options, const std::vector<uint32_t> &line_map) {
  if (auto line = too_deep(script)) {
    DriverModel refused;
    refused.driver = options.file;
    uint32_t at = !line_map.empty() && *line <= line_map.size() ? line_map[*line - 1] : *line;
    refused.refusals.push_back(Finding{"unfollowable-logic", "substitutions (`${`, `$(`) nested more than " + std::to_string(k_max_nesting) + " deep; no driver needs that", SourceRef{options.file, at, ""}});
    return refused;
  }
  auto parsed = sh::Script::parse(script);
  Interpreter interpreter(options, *parsed, line_map);
  return interpreter.run();
}

}  // namespace msm::builder_pattern
