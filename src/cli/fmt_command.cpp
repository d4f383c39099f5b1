// `msmigrate fmt [FILE...|-] [--check] [--diff] [--stdin-filename NAME]`: the formatter, writing
// changed files atomically, checking, diffing, or filtering stdin to stdout (editors' on-save).

#include <algorithm>
#include <filesystem>
#include <iostream>
#include <memory>
#include <optional>

#include "cli/cli.h"
#include "edit/edit.h"
#include "formatter/format.h"
#include "lint/config.h"
#include "util/error.h"
#include "util/files.h"

namespace msm::cli {

namespace {

namespace fs = std::filesystem;

struct FmtArgs {
  std::vector<std::string> files;
  std::string stdin_filename;
  std::string config;
  std::string keyword_case;
  std::optional<unsigned> continuation_indent;
  bool check = false;
  bool diff = false;
};

formatter::Options options_for(const fs::path &located, const FmtArgs &args, lint::ConfigResolver &resolver) {
  auto config = resolver.for_file(located);
  formatter::Options options = formatter::options_from_config(config->format_section, config->source);
  if (!args.keyword_case.empty()) {
    options.keyword_case = args.keyword_case == "preserve" ? formatter::KeywordCase::Preserve : formatter::KeywordCase::Upper;
  }
  if (args.continuation_indent) options.continuation_indent = *args.continuation_indent;
  return options;
}

int run_fmt(FmtArgs &args) {
  if (args.files.empty() && !args.stdin_filename.empty()) args.files.push_back("-");
  if (args.files.empty()) throw Error("fmt: give the Dockerfiles to format, or - to read standard input");
  if (args.check && args.diff) throw Error("fmt: --check and --diff cannot be combined");
  std::optional<fs::path> explicit_config;
  if (!args.config.empty()) explicit_config = args.config;
  lint::ConfigResolver resolver(explicit_config);

  bool input_error = false;
  bool would_change = false;
  size_t reformatted = 0;
  size_t unchanged = 0;
  for (const auto &path : args.files) {
    const bool from_stdin = path == "-";
    const std::string display = from_stdin ? (args.stdin_filename.empty() ? "-" : args.stdin_filename) : path;
    std::optional<std::string> source_read;
    try {
      std::string source = util::read_input(path, args.stdin_filename);
      source_read = source;
      fs::path located = from_stdin ? fs::path(args.stdin_filename.empty() ? "Dockerfile" : args.stdin_filename) : fs::path(path);
      formatter::Options options = options_for(located, args, resolver);
      formatter::Result result = formatter::format_source(source, display, options);
      would_change = would_change || result.changed;
      if (args.check) {
        if (result.changed) std::cout << "would reformat " << display << "\n";
      } else if (args.diff) {
        bool absolute = fs::path(display).is_absolute();
        std::cout << edit::unified_diff(source, result.text, absolute ? display : "a/" + display,
                                        absolute ? display : "b/" + display);
      } else if (from_stdin) {
        std::cout << result.text;
      } else if (result.changed) {
        util::write_atomically(path, result.text);
      }
      ++(result.changed ? reformatted : unchanged);
    } catch (const Error &e) {
      std::cerr << "msmigrate: error: " << e.what() << "\n";
      // An editor's on-save filter replaces the buffer with stdout: give it back unchanged.
      if (from_stdin && source_read && !args.check && !args.diff) std::cout << *source_read;
      input_error = true;
    }
  }
  std::cout.flush();
  bool writing = !args.check && !args.diff;
  bool any_file = std::any_of(args.files.begin(), args.files.end(), [](const std::string &f) { return f != "-"; });
  if (writing && any_file && reformatted + unchanged > 0) {
    std::cerr << "msmigrate: " << reformatted << (reformatted == 1 ? " file" : " files") << " reformatted, " << unchanged
              << " left unchanged\n";
  }
  if (input_error) return k_exit_usage;
  return (args.check || args.diff) && would_change ? k_exit_findings : k_exit_ok;
}

}  // namespace

void register_fmt(CLI::App &app, int &exit_code) {
  auto *cmd = app.add_subcommand("fmt", "Format Dockerfiles: keyword casing, spacing, continuation indentation; "
                                        "never changes what BuildKit parses");
  auto args = std::make_shared<FmtArgs>();
  cmd->add_option("files", args->files, "Dockerfiles to format in place, or - to filter stdin to stdout");
  cmd->add_flag("--check", args->check, "Write nothing; list the files that would change and exit 1 if any");
  cmd->add_flag("--diff", args->diff, "Write nothing; print unified diffs and exit 1 if any file would change");
  cmd->add_option("--stdin-filename", args->stdin_filename,
                  "Name of the file read from stdin (for messages and for finding .msmigrate.yaml)");
  cmd->add_option("--config", args->config, "Configuration file (default: .msmigrate.yaml found upward)");
  cmd->add_option("--keyword-case", args->keyword_case, "upper (default) or preserve")
      ->check(CLI::IsMember({"upper", "preserve"}));
  cmd->add_option("--continuation-indent", args->continuation_indent, "Spaces before continuation lines (default 4)")
      ->check(CLI::Range(0, 16));
  cmd->callback([args, &exit_code] { exit_code = run_fmt(*args); });
}

}  // namespace msm::cli
