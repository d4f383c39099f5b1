// `msmigrate lint [PATH...|-]`: files, directories, globs or stdin; parallel; every output format;
// --fix / --unsafe-fixes / --diff.

#include <cstdlib>
#include <algorithm>
#include <atomic>
#include <filesystem>
#include <iostream>
#include <memory>
#include <sstream>
#include <set>
#include <thread>

#include <glob.h>
#include <unistd.h>

#include "cli/cli.h"
#include "lint/config.h"
#include "lint/engine.h"
#include "output/render.h"
#include "util/error.h"
#include "util/files.h"

namespace msm::cli {

namespace {

namespace fs = std::filesystem;

struct LintArgs {
  std::vector<std::string> paths;
  std::string stdin_filename;
  std::string format;
  std::string failure_threshold;
  std::string config;
  std::vector<std::string> ignore;
  std::vector<std::string> enable;  // opt-in rules to turn on
  std::vector<std::string> build_args;  // KEY=VALUE, or KEY to take it from the environment
  bool fix = false;
  bool unsafe_fixes = false;
  bool diff = false;
  bool no_fail = false;
  unsigned jobs = 0;
};

bool is_dockerfile_name(const std::string &name) {
  std::string n = name;
  std::transform(n.begin(), n.end(), n.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (n == "dockerfile" || n == "containerfile") return true;
  if (n.rfind("dockerfile.", 0) == 0 || n.rfind("containerfile.", 0) == 0) return true;
  return n.size() > 11 && n.compare(n.size() - 11, 11, ".dockerfile") == 0;
}

// Expands the command line into files, in a stable order; unknown paths are errors naming them.
std::vector<std::string> discover(const std::vector<std::string> &paths) {
  std::vector<std::string> files;
  for (const auto &p : paths) {
    std::error_code ec;
    if (p == "-") {
      files.push_back(p);
    } else if (fs::is_directory(p, ec)) {
      std::vector<std::string> found;
      // A folder that cannot be listed is an error, not a clean result: its Dockerfiles were
      // never looked at.
      fs::recursive_directory_iterator it(p, ec), end;
      if (ec) throw Error(p + ": cannot list directory: " + ec.message());
      while (it != end) {
        const fs::path entry = it->path();
        std::string name = entry.filename().string();
        if (it->is_directory(ec) && (name == ".git" || name == "node_modules" || name == ".hg")) {
          it.disable_recursion_pending();
        } else if (it->is_regular_file(ec) && is_dockerfile_name(name)) {
          found.push_back(entry.string());
        }
        it.increment(ec);  // descends into `entry` when it is a directory
        if (ec) throw Error(entry.string() + ": cannot list directory: " + ec.message());
      }
      std::sort(found.begin(), found.end());
      files.insert(files.end(), found.begin(), found.end());
    } else if (fs::exists(p, ec) || fs::is_symlink(p, ec)) {
      files.push_back(p);  // a dangling or looping link too: reading it says which it is
    } else if (p.find_first_of("*?[") != std::string::npos) {
      glob_t g{};
      if (::glob(p.c_str(), 0, nullptr, &g) == 0) {
        for (size_t i = 0; i < g.gl_pathc; ++i) files.emplace_back(g.gl_pathv[i]);
      }
      ::globfree(&g);
      if (g.gl_pathc == 0) throw Error(p + ": the pattern matches no file");
    } else {
      throw Error(p + ": no such file or directory (check the path)");
    }
  }
  return files;
}

struct FileOutcome {
  lint::FileResult result;
  std::string error;       // a fatal input/config error for this file
  std::string diff;        // --diff
  std::string fixed_text;  // --fix on stdin
  bool changed = false;
  bool from_stdin = false;
  size_t fixes_applied = 0;
  std::shared_ptr<const lint::Config> config;
};

FileOutcome lint_one(const std::string &path, const LintArgs &args, lint::ConfigResolver &resolver,
                     const std::set<std::string> &cli_ignored, const std::set<std::string> &cli_enabled) {
  FileOutcome out;
  bool from_stdin = path == "-";
  std::string display = from_stdin ? (args.stdin_filename.empty() ? "-" : args.stdin_filename) : path;
  out.result.path = display;
  out.from_stdin = from_stdin;
  try {
    std::string source = util::read_input(path, args.stdin_filename);
    std::optional<fs::path> directory;
    fs::path located = from_stdin ? (args.stdin_filename.empty() ? fs::path("Dockerfile") : fs::path(args.stdin_filename))
                                  : fs::path(path);
    std::error_code ec;
    directory = fs::absolute(located, ec).parent_path();
    auto base = resolver.for_file(located);
    auto config = std::make_shared<lint::Config>(*base);
    config->ignored.insert(cli_ignored.begin(), cli_ignored.end());
    config->enabled_opt_in.insert(cli_enabled.begin(), cli_enabled.end());
    out.config = config;
    if (args.fix || args.diff) {
      auto max = args.unsafe_fixes ? edit::Applicability::Unsafe : edit::Applicability::Safe;
      lint::FixOutcome fixed = lint::fix_source(source, display, *config, directory, max);
      out.changed = fixed.text != source;
      out.fixes_applied = fixed.applied;
      if (args.diff) {
        bool absolute = fs::path(display).is_absolute();
        out.diff = edit::unified_diff(source, fixed.text, absolute ? display : "a/" + display,
                                      absolute ? display : "b/" + display);
        out.result.source = source;
      } else {
        if (out.changed && !from_stdin) util::write_atomically(path, fixed.text);
        if (from_stdin) out.fixed_text = fixed.text;
        out.result.source = fixed.text;
        out.result.diagnostics = std::move(fixed.remaining);
      }
      if (fixed.refused) {
        std::cerr << "msmigrate: warning: " << display
                  << ": a fix was not applied because the result would not parse; please report this\n";
      }
    } else {
      auto doc = syntax::Document::parse(source, display);
      lint::LintOptions options;
      for (const auto &kv : args.build_args) {
        size_t eq = kv.find('=');
        if (eq != std::string::npos) {
          options.build_args[kv.substr(0, eq)] = kv.substr(eq + 1);
        } else if (const char *v = std::getenv(kv.c_str())) {
          options.build_args[kv] = v;
        }
      }
      out.result.diagnostics = lint::lint_document(*doc, *config, directory, options);
      out.result.source = std::move(source);
    }
  } catch (const Error &e) {
    out.error = e.what();
  }
  return out;
}

int run_lint(LintArgs &args) {
  const auto &registry = lint::Registry::instance();
  std::set<std::string> cli_ignored;
  for (const auto &code : args.ignore) {
    const lint::Rule *rule = registry.find(code);
    if (!rule) throw Error("--ignore " + code + ": unknown rule (see `msmigrate rules`)");
    cli_ignored.insert(rule->code);
  }
  std::set<std::string> cli_enabled;
  for (const auto &code : args.enable) {
    const lint::Rule *rule = registry.find(code);
    if (!rule) throw Error("--enable " + code + ": unknown rule (see `msmigrate rules`)");
    cli_enabled.insert(rule->code);
  }
  if (args.unsafe_fixes && !args.diff) args.fix = true;
  if (args.paths.empty()) args.paths.push_back(".");
  if (!args.stdin_filename.empty() && std::find(args.paths.begin(), args.paths.end(), "-") == args.paths.end() &&
      args.paths == std::vector<std::string>{"."}) {
    args.paths = {"-"};  // --stdin-filename alone means the buffer comes on stdin
  }
  std::optional<lint::Severity> cli_threshold;
  bool threshold_given = !args.failure_threshold.empty();
  if (threshold_given) cli_threshold = lint::parse_threshold(args.failure_threshold, "--failure-threshold");

  std::optional<fs::path> explicit_config;
  if (!args.config.empty()) explicit_config = args.config;
  lint::ConfigResolver resolver(explicit_config);

  std::vector<std::string> files = discover(args.paths);
  std::vector<FileOutcome> outcomes(files.size());
  unsigned jobs = args.jobs ? args.jobs : std::max(1u, std::thread::hardware_concurrency());
  jobs = std::min<unsigned>(jobs, static_cast<unsigned>(std::max<size_t>(1, files.size())));
  std::atomic<size_t> next{0};
  auto worker = [&] {
    for (size_t i = next++; i < files.size(); i = next++) outcomes[i] = lint_one(files[i], args, resolver, cli_ignored, cli_enabled);
  };
  if (jobs <= 1) {
    worker();
  } else {
    std::vector<std::thread> threads;
    for (unsigned j = 0; j < jobs; ++j) threads.emplace_back(worker);
    for (auto &t : threads) t.join();
  }

  bool input_error = false;
  bool failed = false;
  bool any_diff = false;
  size_t fixed_problems = 0;
  size_t fixed_files = 0;
  std::vector<lint::FileResult> results;
  for (auto &o : outcomes) {
    if (!o.error.empty()) {
      std::cerr << "msmigrate: error: " << o.error << "\n";
      input_error = true;
      continue;
    }
    if (args.diff) {
      std::cout << o.diff;
      any_diff = any_diff || o.changed;
      continue;
    }
    if (o.from_stdin && args.fix) std::cout << o.fixed_text;
    if (args.fix && o.changed) {
      fixed_problems += o.fixes_applied;
      ++fixed_files;
    }
    std::optional<lint::Severity> threshold = lint::Severity::Info;
    if (threshold_given) threshold = cli_threshold;
    else if (o.config->failure_threshold) threshold = *o.config->failure_threshold;
    bool no_fail = args.no_fail || o.config->no_fail.value_or(false);
    for (const auto &d : o.result.diagnostics) {
      if (!no_fail && threshold && static_cast<int>(d.severity) >= static_cast<int>(*threshold)) failed = true;
    }
    results.push_back(std::move(o.result));
  }
  // With --fix on stdin, stdout carries the fixed file and stderr only the diagnostics (an
  // editor's on-save hook parses them), so the "fixed N problems" summary is not printed.
  bool stdin_fix = args.fix && std::find(files.begin(), files.end(), "-") != files.end();
  if (!args.diff) {
    std::string format = args.format;
    if (format.empty()) format = ::isatty(STDOUT_FILENO) ? "tty" : "concise";
    auto f = output::format_from_string(format);
    if (!f) throw Error("--format " + format + ": unknown format");
    output::RenderOptions options;
    options.color = *f == output::Format::Tty && ::isatty(STDOUT_FILENO) && std::getenv("NO_COLOR") == nullptr;
    output::render(*f, results, stdin_fix ? std::cerr : std::cout, options);
  }
  // Tell a person what --fix did; machine formats keep stdout to themselves.
  if (fixed_files > 0 && !stdin_fix && (args.format.empty() || args.format == "tty" || args.format == "concise")) {
    std::cerr << "msmigrate: fixed " << fixed_problems << (fixed_problems == 1 ? " problem" : " problems") << " in "
              << fixed_files << (fixed_files == 1 ? " file" : " files") << "\n";
  }
  // ShellCheck's absence or failure is said once; the other rules ran and the exit code is theirs.
  const auto &shellcheck = lint::shellcheck::Runner::instance();
  if (shellcheck.wanted_but_missing()) {
    std::cerr << "msmigrate: note: `shellcheck` was not found on PATH, so RUN scripts were not checked for SC rules "
                 "(install it: apt-get install shellcheck)\n";
  } else if (std::string error = shellcheck.last_error(); !error.empty()) {
    std::cerr << "msmigrate: note: ShellCheck failed, some RUN scripts were not checked for SC rules: " << error << "\n";
  }
  if (input_error) return k_exit_usage;
  if (args.diff) return any_diff && !args.no_fail ? k_exit_findings : k_exit_ok;
  return failed ? k_exit_findings : k_exit_ok;
}

}  // namespace

void register_lint(CLI::App &app, int &exit_code) {
  auto *cmd = app.add_subcommand("lint", "Check Dockerfiles: BuildKit's checks, parse errors, multi-stage rules");
  auto args = std::make_shared<LintArgs>();
  cmd->add_option("paths", args->paths, "Dockerfiles, directories (searched for Dockerfile, *.Dockerfile, "
                                        "Dockerfile.*, Containerfile), globs, or - for stdin");
  cmd->add_option("--stdin-filename", args->stdin_filename, "Name of the file read from stdin (for messages, config, .dockerignore)");
  cmd->add_option("--format", args->format, "tty (default on a terminal), concise (default otherwise), json, sarif, "
                                            "checkstyle, codeclimate, gitlab")
      ->check(CLI::IsMember({"tty", "full", "concise", "json", "sarif", "checkstyle", "codeclimate", "gitlab"}));
  cmd->add_option("--failure-threshold", args->failure_threshold,
                  "Exit 1 when a finding has this severity or more: error, warning, info (default), style, none")
      ->check(CLI::IsMember({"error", "warning", "info", "style", "none", "ignore"}));
  cmd->add_flag("--no-fail", args->no_fail, "Exit 0 even when there are findings");
  cmd->add_option("--config", args->config, "Configuration file (default: .msmigrate.yaml or .hadolint.yaml found upward)");
  cmd->add_option("--ignore", args->ignore, "Rule code, name or alias to skip (repeatable)")->allow_extra_args(false)->delimiter(',');
  cmd->add_option("--build-arg", args->build_args, "KEY=VALUE the build is given (or KEY to take it from the environment): "
                                                  "ARG values for the checks, as `docker build --build-arg`")
      ->allow_extra_args(false);
  cmd->add_option("--enable", args->enable, "Opt-in rule to turn on, e.g. DL3057 (repeatable)")->allow_extra_args(false)->delimiter(',');
  cmd->add_flag("--fix", args->fix, "Apply safe fixes in place (stdin: print the fixed file)");
  cmd->add_flag("--unsafe-fixes", args->unsafe_fixes, "Also apply fixes that may change behaviour");
  cmd->add_flag("--diff", args->diff, "Print the fixes as unified diffs without writing");
  cmd->add_option("-j,--jobs", args->jobs, "Files linted in parallel (default: one per core)");
  cmd->callback([args, &exit_code] { exit_code = run_lint(*args); });
}

}  // namespace msm::cli
