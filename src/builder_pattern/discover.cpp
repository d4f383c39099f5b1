#include "builder_pattern/discover.h"

#include <algorithm>
#include <filesystem>
#include <functional>
#include <map>
#include <mutex>
#include <sys/stat.h>

#include "builder_pattern/driver_sources.h"
#include "util/files.h"

namespace msm::builder_pattern {

namespace fs = std::filesystem;

namespace {

bool ends_with(std::string_view s, std::string_view p) { return s.size() >= p.size() && s.substr(s.size() - p.size()) == p; }
bool starts_with(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

std::string file_name(const std::string &rel) {
  size_t slash = rel.rfind('/');
  return slash == std::string::npos ? rel : rel.substr(slash + 1);
}

// How deep and how many entries discovery looks at: drivers live near the top of a project.
constexpr int k_max_depth = 4;
constexpr size_t k_max_entries = 5000;
constexpr uintmax_t k_max_driver_bytes = 1 << 20;

// Folders that hold no driver of this project (dependencies, VCS data, the corpus' own notes).
bool skipped_folder(const std::string &name) {
  return name == ".git" || name == "node_modules" || name == "vendor" || name == "_after" || name == "_before" ||
         name == "third_party" || name == "target";
}

enum class Kind { Script, Makefile, Ci, Jenkins, Windows };

std::optional<Kind> kind_of(const std::string &rel, const std::string &text) {
  std::string name = file_name(rel);
  if (name == "Makefile" || name == "makefile" || name == "GNUmakefile" || ends_with(name, ".mk")) return Kind::Makefile;
  if (starts_with(name, "Jenkinsfile")) return Kind::Jenkins;
  bool yaml = ends_with(name, ".yml") || ends_with(name, ".yaml");
  if (yaml && (starts_with(rel, ".github/workflows/") || name == ".gitlab-ci.yml" || name == ".travis.yml" ||
               rel == ".circleci/config.yml" || name == "circle.yml" || name == ".drone.yml" ||
               name == "bitbucket-pipelines.yml" || name == "azure-pipelines.yml" || name == ".woodpecker.yml")) {
    return Kind::Ci;
  }
  if (ends_with(name, ".sh") || ends_with(name, ".bash")) return Kind::Script;
  if (ends_with(name, ".bat") || ends_with(name, ".cmd") || ends_with(name, ".ps1")) return Kind::Windows;
  // Scripts without an extension (`build`, `scripts/docker-build`) say what they are on line 1.
  std::string_view t = text;
  if (starts_with(t, "\xEF\xBB\xBF")) t.remove_prefix(3);
  if (name.find('.') == std::string::npos && starts_with(t, "#!")) {
    std::string_view first = t.substr(0, t.find('\n'));
    if (first.find("sh") != std::string_view::npos) return Kind::Script;
  }
  return std::nullopt;
}

struct Candidate {
  std::string rel;
  Kind kind;
  std::string text;
};

// The order candidates are preferred in when several drive a pattern equally well: the
// conventional names first, then shallower files, then scripts before Makefiles before CI.
int rank(const Candidate &c) {
  std::string name = file_name(c.rel);
  int depth = static_cast<int>(std::count(c.rel.begin(), c.rel.end(), '/'));
  int r = depth * 10;
  if (name == "build.sh") r -= 5;
  if (c.kind == Kind::Makefile) r += 1;
  if (c.kind == Kind::Jenkins || c.kind == Kind::Ci) r += 3;
  if (c.kind == Kind::Windows) r += 4;
  return r;
}

// The files discovery may read under a project folder, in walk order: regular, non-empty files
// up to k_max_driver_bytes, k_max_depth folders deep, at most k_max_entries entries, never in a
// skipped folder nor on another file system (a Dockerfile at / must not walk /proc, whose
// files claim to be regular and can block a read forever: /proc/kmsg).
void walk_project(const fs::path &root, const std::function<void(const fs::directory_entry &, uintmax_t)> &visit) {
  struct stat root_stat {};
  if (::stat(root.c_str(), &root_stat) != 0) return;
  std::error_code ec;
  size_t seen = 0;
  // A plain iterator that never follows directory symlinks: a link loop cannot trap it.
  fs::recursive_directory_iterator it(root, fs::directory_options::skip_permission_denied, ec), end;
  for (; !ec && it != end; it.increment(ec)) {
    if (++seen > k_max_entries) break;
    std::error_code fec;
    if (it->is_directory(fec) && !it->is_symlink(fec)) {
      struct stat dir_stat {};
      bool other_fs = ::stat(it->path().c_str(), &dir_stat) != 0 || dir_stat.st_dev != root_stat.st_dev;
      if (other_fs || skipped_folder(it->path().filename().string()) || it.depth() + 1 >= k_max_depth) {
        it.disable_recursion_pending();
      }
      continue;
    }
    if (!it->is_regular_file(fec) || fec) continue;
    uintmax_t size = it->file_size(fec);
    if (fec || size == 0 || size > k_max_driver_bytes) continue;
    visit(*it, size);
  }
}

std::vector<Candidate> candidates(const fs::path &root) {
  std::vector<Candidate> out;
  walk_project(root, [&](const fs::directory_entry &entry, uintmax_t) {
    std::error_code ec;
    std::string rel = fs::relative(entry.path(), root, ec).generic_string();
    if (ec) return;
    std::string text;
    try {
      text = util::read_input(entry.path().string());
    } catch (const Error &) {
      return;  // binary or unreadable: not a driver
    }
    auto kind = kind_of(rel, text);
    if (!kind) return;
    if (text.find("docker") == std::string::npos && text.find("podman") == std::string::npos) return;
    out.push_back(Candidate{rel, *kind, std::move(text)});
  });
  std::stable_sort(out.begin(), out.end(), [](const Candidate &a, const Candidate &b) {
    int ra = rank(a), rb = rank(b);
    return ra != rb ? ra < rb : a.rel < b.rel;
  });
  return out;
}

// A script in a subfolder runs either from the project root or from its own folder; the one
// where the Dockerfiles it builds exist is where it runs (the root when both or neither fit).
DriverModel read_from_where_it_runs(const Candidate &c, DriverOptions options,
                                    const std::function<DriverModel(const DriverOptions &)> &read) {
  DriverModel from_root = read(options);
  size_t slash = c.rel.rfind('/');
  if (slash == std::string::npos) return from_root;
  auto all_exist = [&](const DriverModel &m) {
    for (const auto &b : m.builds) {
      if (!options.exists(b.dockerfile)) return false;
    }
    return !m.builds.empty();
  };
  if (all_exist(from_root)) return from_root;
  options.start_dir = c.rel.substr(0, slash);
  DriverModel from_own = read(options);
  return all_exist(from_own) ? from_own : from_root;
}

Driver read_as(const std::string &root, const Candidate &c, const std::optional<std::string> &target,
               const std::vector<std::string> &args) {
  Driver d;
  d.file = c.rel;
  d.text = c.text;
  DriverOptions options = project_driver_options(root, c.rel, args);
  std::string path = (fs::path(root) / c.rel).string();
  switch (c.kind) {
    case Kind::Script:
      d.kind = "script";
      d.model = read_from_where_it_runs(c, options, [&](const DriverOptions &o) { return read_driver(c.text, o); });
      break;
    case Kind::Makefile: {
      DriverScript recipe = makefile_recipe(c.text, target.value_or(""), path);
      d.kind = "makefile";
      d.make_target = recipe.target;
      d.model = read_driver(recipe.script, options, recipe.line_map);
      break;
    }
    case Kind::Windows: {
      DriverScript recipe = windows_script_recipe(c.text, c.rel);
      d.kind = "windows";  // read as shell, never rewritten as one
      d.model = read_from_where_it_runs(c, options, [&](const DriverOptions &o) { return read_driver(recipe.script, o, recipe.line_map); });
      break;
    }
    case Kind::Ci:
    case Kind::Jenkins: {
      DriverScript recipe = c.kind == Kind::Ci ? ci_recipe(c.text, path) : jenkinsfile_recipe(c.text, path);
      d.kind = "ci";
      d.ci_expressions = recipe.expressions;
      d.model = read_driver(recipe.script, options, recipe.line_map);
      break;
    }
  }
  return d;
}

// How well a driver shows the pattern: an artifact out of a container and a later image build
// beats an artifact alone, which beats a docker build the interpreter had to refuse.
int score(const Driver &d) {
  const DriverModel &m = d.model;
  if (d.is_pattern()) {
    size_t first = SIZE_MAX;
    for (const auto &e : m.extractions) first = std::min(first, e.seq);
    for (const auto &b : m.builds) {
      if (b.seq > first) return 4;
    }
    return 3;
  }
  bool docker_step = !m.builds.empty() || !m.runs.empty();
  if (!m.refusals.empty() && docker_step) return 2;
  if (!m.refusals.empty()) return 1;
  return 0;
}

// Every reading of one candidate: a Makefile once per target (make's default first).
std::vector<Driver> readings(const std::string &root, const Candidate &c, const std::vector<std::string> &args) {
  std::vector<Driver> out;
  try {
    if (c.kind != Kind::Makefile) {
      out.push_back(read_as(root, c, std::nullopt, args));
      return out;
    }
    for (const auto &t : makefile_targets(c.text, c.rel)) out.push_back(read_as(root, c, t, args));
  } catch (const Error &) {
    // A file that cannot be read as its kind (bad YAML, a Jenkinsfile without sh steps) drives nothing.
  }
  return out;
}

// Build tools that run Docker themselves from their own configuration. A project driven by one
// has a driver msmigrate cannot read: a refusal that names the tool and the file, not "no driver".
std::optional<Driver> opaque_orchestrator(const std::string &root) {
  struct Tool {
    const char *file;
    const char *needle;  // must appear in the file ("" for any content)
    const char *name;
  };
  static const Tool k_tools[] = {
      {"Taskfile.yml", "docker", "Task"},          {"Taskfile.yaml", "docker", "Task"},
      {"build.yml", "artifacts", "Habitus"},        {"Dockerfile.dapper", "", "Dapper"},
      {"daocloud.yml", "", "DaoCloud CI"},          {"cloudbuild.yaml", "", "Google Cloud Build"},
      {"cloudbuild.yml", "", "Google Cloud Build"}, {"cli-config.yml", "", "the IBM Cloud developer tools"},
      {"docker-compose.yml", "build", "Docker Compose"}, {"docker-compose.yaml", "build", "Docker Compose"},
      {"compose.yaml", "build", "Docker Compose"},  {"Earthfile", "", "Earthly"},
      {".goreleaser.yml", "", "GoReleaser"},       {"skaffold.yaml", "", "Skaffold"},
  };
  for (const auto &t : k_tools) {
    std::error_code ec;
    fs::path p = fs::path(root) / t.file;
    if (!fs::is_regular_file(p, ec) || fs::file_size(p, ec) > k_max_driver_bytes) continue;
    std::string text;
    try {
      text = util::read_input(p.string());
    } catch (const Error &) {
      continue;
    }
    if (*t.needle && text.find(t.needle) == std::string::npos) continue;
    Driver d;
    d.file = t.file;
    d.kind = "other";
    d.text = text;
    d.model.driver = t.file;
    std::string first = text.substr(0, text.find('\n'));
    d.model.refusals.push_back(Finding{"opaque-producer", std::string(t.name) + " builds the images from " + t.file + "; msmigrate cannot see which containers it runs or what it copies out of them (convert by hand, or pass --script with the equivalent docker commands)", SourceRef{t.file, 1, first}});
    return d;
  }
  return std::nullopt;
}

}  // namespace

bool Driver::is_pattern() const {
  return !model.extractions.empty() && (!model.builds.empty() || !model.runs.empty());
}

std::vector<std::string> project_dockerfiles(const std::string &root) {
  std::vector<std::string> out;
  walk_project(root, [&](const fs::directory_entry &entry, uintmax_t) {
    std::string name = entry.path().filename().string();
    std::string lower = name;
    for (char &ch : lower) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    if (lower != "dockerfile" && !starts_with(lower, "dockerfile.") && !ends_with(lower, ".dockerfile")) return;
    std::error_code ec;
    std::string rel = fs::relative(entry.path(), root, ec).generic_string();
    if (!ec) out.push_back(rel);
  });
  std::sort(out.begin(), out.end());
  return out;
}

DriverOptions project_driver_options(const std::string &root, const std::string &file,
                                     const std::vector<std::string> &positional) {
  DriverOptions d;
  fs::path base(root);
  d.file = file;
  d.is_directory = [base](const std::string &p) {
    std::error_code ec;
    return fs::is_directory(base / p, ec);
  };
  d.exists = [base](const std::string &p) {
    std::error_code ec;
    return fs::exists(base / p, ec);
  };
  d.read_file = [base](const std::string &p) -> std::optional<std::string> {
    std::error_code ec;
    if (!fs::is_regular_file(base / p, ec) || fs::file_size(base / p, ec) > k_max_driver_bytes) return std::nullopt;
    try {
      return util::read_input((base / p).string());
    } catch (const Error &) {
      return std::nullopt;
    }
  };
  d.positional = positional;
  return d;
}

Driver discover_driver(const DiscoverOptions &options) {
  const std::string &root = options.root;
  std::error_code ec;
  if (!fs::is_directory(root, ec)) throw Error(root + ": not a directory (pass the project directory to convert)");
  std::optional<std::string> script = options.script;
  if (!script && options.make_target) {
    for (const char *name : {"Makefile", "makefile", "GNUmakefile"}) {
      if (fs::exists(fs::path(root) / name, ec)) {
        script = name;
        break;
      }
    }
    if (!script) throw Error(root + ": --make-target given but there is no Makefile here (pass --script FILE)");
  }
  if (script) {
    std::string rel = normalize_path(*script);
    std::string text = util::read_input((fs::path(root) / rel).string());
    auto kind = kind_of(rel, text);
    Candidate c{rel, kind.value_or(Kind::Script), text};
    if (options.make_target) c.kind = Kind::Makefile;
    return read_as(root, c, options.make_target, options.script_args);
  }
  std::vector<Candidate> found = candidates(root);
  std::optional<Driver> best;
  int best_score = 0;
  for (const auto &c : found) {
    for (auto &d : readings(root, c, options.script_args)) {
      int s = score(d);
      if (s > best_score) {
        best_score = s;
        best = std::move(d);
      }
    }
    if (best_score == 4) break;  // the candidates are in preference order
  }
  if (best) return std::move(*best);
  if (auto opaque = opaque_orchestrator(root)) return std::move(*opaque);
  if (found.empty()) {
    throw NothingToConvert(root + ": no driver found (no shell script, Makefile, Jenkinsfile or CI file here mentions docker); pass --script FILE or --make-target TARGET");
  }
  std::string list;
  for (size_t i = 0; i < found.size() && i < 5; ++i) list += (i ? ", " : "") + found[i].rel;
  if (found.size() > 5) list += ", …";
  throw NothingToConvert(root + ": " + list + " run docker, but none builds or runs an image and then gets a file out of a container (docker cp, cat, tar or a bind mount), so there is no builder pattern to convert");
}

namespace {

// What discovery would read under a folder, without reading it: the walk candidates() makes,
// as names, sizes and modification times.
std::string folder_stamp(const fs::path &root) {
  std::string stamp;
  walk_project(root, [&](const fs::directory_entry &entry, uintmax_t size) {
    std::error_code ec;
    auto time = entry.last_write_time(ec).time_since_epoch().count();
    stamp += entry.path().string() + '\0' + std::to_string(size) + '\0' + std::to_string(time) + '\n';
  });
  return stamp;
}

struct CachedDiscovery {
  std::string stamp;
  std::optional<Driver> driver;
};

}  // namespace

// Lint asks once per Dockerfile, and a folder of many Dockerfiles (928 in the shared corpus)
// would otherwise read every file under it once per Dockerfile. The answer is kept per folder
// and reused while the stat walk finds the same files, sizes and times, so an edited driver is
// read again (the language server lives long).
std::optional<Driver> find_builder_pattern(const std::string &root) {
  static std::mutex mutex;
  static std::map<std::string, CachedDiscovery> cache;
  std::string stamp = folder_stamp(root);
  {
    std::lock_guard lock(mutex);
    auto it = cache.find(root);
    if (it != cache.end() && it->second.stamp == stamp) return it->second.driver;
  }
  std::optional<Driver> found;
  try {
    Driver d = discover_driver(DiscoverOptions{root, std::nullopt, std::nullopt, {}});
    if (d.is_pattern()) found = std::move(d);
  } catch (const Error &) {
  }
  std::lock_guard lock(mutex);
  if (cache.size() >= 64) cache.clear();
  cache[root] = CachedDiscovery{std::move(stamp), found};
  return found;
}

}  // namespace msm::builder_pattern
