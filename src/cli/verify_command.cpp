// `msmigrate verify [DIR]`: build the builder-pattern project the old way and the converted
// way, compare the runtime images, print the table (or JSON), optionally write an HTML report.

#include "cli/verify_command.h"

#include <signal.h>
#include <unistd.h>

#include <iostream>
#include <memory>

#include "executor/store.h"
#include "cli/cli.h"
#include "cli/project_options.h"
#include "util/error.h"
#include "util/files.h"
#include "verify/report.h"
#include "verify/verify.h"

namespace msm::cli {

namespace {

// As for `build`: helpers die with us (PR_SET_PDEATHSIG), scratch lives under <store>/tmp.
void on_signal(int sig) { _exit(128 + sig); }

}  // namespace

void add_verify_options(CLI::App &cmd, VerifyCliOptions &o) {
  cmd.add_option("--engine", o.engine, "Who builds: builtin (default), buildah, podman or docker")
      ->check(CLI::IsMember({"builtin", "buildah", "podman", "docker"}));
  cmd.add_option("--engine-root", o.engine_root, "buildah/podman: a private storage directory (--root/--runroot) instead of the engine's default");
  cmd.add_option("--store", o.store, "msmigrate's image store (default $MSMIGRATE_STORE or $XDG_DATA_HOME/msmigrate)");
  cmd.add_option("--report", o.report, "Also write a self-contained HTML report to this file");
  cmd.add_flag("--no-edit-rebuild", o.no_edit, "Skip timing the rebuilds after a one-file source edit");
  add_pull_policy_option(cmd, o.registry);
  add_registry_options(cmd, o.registry);
}

int run_verification(const builder_pattern::ConvertOptions &convert, const VerifyCliOptions &o, std::string &table, nlohmann::ordered_json &json) {
  if (geteuid() != 0) throw Error("msmigrate verify needs root: it builds images (namespaces and overlayfs mounts)");
  if (!o.report.empty() && o.report.ends_with("/")) throw Error(o.report + ": --report wants a file name");
  verify::VerifyOptions options;
  options.convert = convert;
  if (!o.converted.empty()) {
    std::string text = util::read_input(o.converted);  // a clear error now rather than after the builds
    (void)text;
    options.converted_dockerfile = o.converted;
  }
  options.engine = o.engine;
  options.engine_root = o.engine_root;
  options.edit_rebuild = !o.no_edit;
  options.pull = o.registry.pull_policy();
  options.pull_options = o.registry.pull_options(convert.root);
  executor::Store store(executor::Store::default_root(o.store));
  executor::FileLock lock(store.store_lock_path(), false);
  struct sigaction sa {};
  sa.sa_handler = on_signal;
  sigaction(SIGINT, &sa, nullptr);
  sigaction(SIGTERM, &sa, nullptr);
  sigaction(SIGHUP, &sa, nullptr);
  verify::VerifyResult result = verify::run_verify(store, options, std::cerr);
  table = verify::render_table(result);
  json = verify::render_json(result);
  if (!o.report.empty()) {
    util::write_atomically(o.report, verify::render_html(result));
    std::cerr << "msmigrate: wrote " << o.report << "\n";
  }
  return result.exit_code();
}

void register_verify(CLI::App &app, int &exit_code) {
  auto *cmd = app.add_subcommand("verify",
                                 "Build a builder-pattern project the old way and with the converted Dockerfile, and compare the runtime images (Linux, root)");
  struct Args {
    ProjectArgs project;
    std::string format = "text";
    VerifyCliOptions verify;
  };
  auto a = std::make_shared<Args>();
  add_project_options(*cmd, a->project);
  cmd->add_option("--converted", a->verify.converted, "Verify this converted Dockerfile instead of convert's own output (e.g. a hand-edited one)");
  cmd->add_option("--format", a->format, "text (the table) or json (the report)")->check(CLI::IsMember({"text", "json"}));
  add_verify_options(*cmd, a->verify);
  cmd->callback([a, &exit_code] {
    builder_pattern::ConvertOptions options = a->project.convert_options();
    std::string table;
    nlohmann::ordered_json json;
    exit_code = run_verification(options, a->verify, table, json);
    if (a->format == "json") std::cout << json.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
    else std::cout << table;
  });
}

}  // namespace msm::cli
