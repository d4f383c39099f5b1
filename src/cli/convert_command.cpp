// `msmigrate convert [DIR]`: builder pattern (build Dockerfile + runtime Dockerfile + driver)
// to one multi-stage Dockerfile, printed, diffed, checked or written.

#include <filesystem>
#include <iostream>
#include <memory>

#include <nlohmann/json.hpp>

#include "cli/cli.h"
#include "cli/project_options.h"
#include "cli/verify_command.h"
#include "edit/edit.h"
#include "builder_pattern/convert.h"
#include "util/error.h"
#include "util/files.h"

namespace msm::cli {

namespace {

namespace fs = std::filesystem;

struct ConvertArgs {
  ProjectArgs project;
  std::string format = "text";
  bool diff = false, write = false, remove_old = false, check = false;
  bool verify = false;
  VerifyCliOptions verify_options;
};

std::string location(const builder_pattern::SourceRef &r) {
  std::string s = r.file;
  if (r.line) s += ":" + std::to_string(r.line);
  return s;
}

void print_findings(const std::string &dir, const std::vector<builder_pattern::Finding> &findings, const char *kind) {
  for (const auto &f : findings) {
    std::string where = f.where.file.empty() ? dir : (fs::path(dir) / location(f.where)).lexically_normal().string();
    std::cerr << where << ": " << kind << "[" << f.category << "]: " << f.message << "\n";
    if (!f.where.text.empty()) std::cerr << "    " << f.where.text << "\n";
  }
}

void write_changes(const ConvertArgs &args, const builder_pattern::Conversion &c) {
  fs::path root(args.project.dir);
  // Refuse before touching anything when a backup would overwrite an older one.
  if (!args.remove_old) {
    for (const auto &ch : c.changes) {
      if (ch.before.empty()) continue;
      fs::path orig = root / (ch.path + ".orig");
      if (fs::exists(orig)) throw Error(orig.string() + ": already exists; move it away (msmigrate keeps the old files as *.orig) or pass --remove-old");
    }
  }
  for (const auto &ch : c.changes) {
    fs::path path = root / ch.path;
    if (!ch.before.empty() && !args.remove_old) util::write_atomically(path.string() + ".orig", ch.before);
    if (ch.remove) {
      fs::remove(path);
      std::cerr << "msmigrate: " << (args.remove_old ? "removed " : "kept as .orig and removed ") << path.string() << "\n";
      continue;
    }
    util::write_atomically(path.string(), ch.after);
    if (ch.path == c.driver) fs::permissions(path, fs::perms::owner_exec | fs::perms::group_exec | fs::perms::others_exec, fs::perm_options::add);
    std::cerr << "msmigrate: wrote " << path.string() << (ch.before.empty() || args.remove_old ? "" : " (old version: " + path.string() + ".orig)") << "\n";
  }
}

int run_convert(const ConvertArgs &args) {
  builder_pattern::ConvertOptions options = args.project.convert_options();
  builder_pattern::Conversion c;
  try {
    c = builder_pattern::convert(options);
  } catch (const builder_pattern::NothingToConvert &e) {
    if (!args.check) throw;
    // Nothing to convert is what CI wants to hear from --check.
    std::cerr << "msmigrate: " << e.what() << "\n";
    return k_exit_ok;
  }

  // --verify: build both ways before anything is printed or written, so `--write --verify`
  // writes only a conversion that was verified.
  int verify_exit = k_exit_ok;
  nlohmann::ordered_json verify_json;
  if (args.verify && c.converted() && !args.check) {
    std::string table;
    verify_exit = run_verification(options, args.verify_options, table, verify_json);
    if (args.format != "json") std::cerr << table;
  }
  if (args.format == "json") {
    nlohmann::ordered_json report = builder_pattern::report_json(c);
    if (!verify_json.is_null()) report["verify"] = verify_json;
    report["dockerfile"] = c.converted() ? nlohmann::ordered_json(c.output) : nlohmann::ordered_json(nullptr);
    std::cout << report.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
  }
  if (args.check) {
    if (c.converted()) {
      if (args.format != "json") std::cerr << args.project.dir << ": the builder pattern here can be converted: run `msmigrate convert " << args.project.dir << " --diff`\n";
      return k_exit_findings;
    }
    if (args.format != "json") print_findings(args.project.dir, c.refusals, "refused");
    return k_exit_ok;
  }
  if (args.format != "json") print_findings(args.project.dir, c.warnings, "warning");
  if (!c.converted()) {
    if (args.format != "json") {
      print_findings(args.project.dir, c.refusals, "refused");
      std::cerr << "msmigrate: not converted: the result could differ from what " << c.driver << " builds today (" << c.refusals.size() << " reason"
                << (c.refusals.size() == 1 ? "" : "s") << " above)\n";
    }
    return k_exit_findings;
  }
  if (verify_exit != k_exit_ok) {
    std::cerr << "msmigrate: the conversion did not verify" << (args.write ? "; nothing written" : "") << "\n";
    return verify_exit;
  }
  if (args.diff) {
    for (const auto &ch : c.changes) {
      if (ch.remove) {
        if (args.remove_old) std::cout << edit::unified_diff(ch.before, "", "a/" + ch.path, "/dev/null");
        continue;
      }
      std::cout << edit::unified_diff(ch.before, ch.after, ch.before.empty() ? "/dev/null" : "a/" + ch.path, "b/" + ch.path);
    }
  } else if (args.format != "json" && !args.write) {
    std::cout << c.output;
  }
  if (args.format != "json") {
    std::cerr << "msmigrate: build it with: " << c.command << "\n";
    for (const auto &l : c.leftover) std::cerr << "msmigrate: kept for the residual script (" << location(l) << "): " << l.text << "\n";
  }
  if (args.write) write_changes(args, c);
  return k_exit_ok;
}

}  // namespace

void register_convert(CLI::App &app, int &exit_code) {
  auto *cmd = app.add_subcommand("convert", "Convert a builder-pattern setup (build Dockerfile + runtime Dockerfile + driver) into one multi-stage Dockerfile");
  auto args = std::make_shared<ConvertArgs>();
  add_project_options(*cmd, args->project);
  cmd->add_option("--format", args->format, "text (the Dockerfile on stdout, notes on stderr) or json (the report)")
      ->check(CLI::IsMember({"text", "json"}));
  cmd->add_flag("--diff", args->diff, "Print unified diffs of every file the conversion changes instead of the Dockerfile");
  cmd->add_flag("--write", args->write, "Write the result (atomically); old files are kept as *.orig");
  cmd->add_flag("--remove-old", args->remove_old, "With --write: remove the old files instead of keeping *.orig copies");
  cmd->add_flag("--check", args->check, "Exit 1 when a conversion is possible (for CI), 0 otherwise; writes nothing");
  cmd->add_flag("--verify", args->verify, "Also build the old way and the converted way and compare the runtime images (see `msmigrate verify`); with --write, write only when verified");
  add_verify_options(*cmd, args->verify_options);
  cmd->callback([args, cmd, &exit_code] {
    if (args->remove_old && !args->write) throw CLI::ValidationError("--remove-old", "only makes sense with --write");
    if (args->check && args->write) throw CLI::ValidationError("--check", "cannot be combined with --write");
    if (args->check && args->verify) throw CLI::ValidationError("--check", "cannot be combined with --verify");
    (void)cmd;
    exit_code = run_convert(*args);
  });
}

}  // namespace msm::cli
