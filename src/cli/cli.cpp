#include "cli/cli.h"

#include <iostream>

#include "util/error.h"
#include "msm_version.h"

namespace msm::cli {

int run(int argc, char **argv) {
  CLI::App app{"msmigrate: Dockerfile parser, linter, builder-pattern converter and builder"};
  app.name("msmigrate");
  app.set_version_flag("--version", std::string("msmigrate ") + msm::k_version);
  app.require_subcommand(1);
  int exit_code = k_exit_ok;
  register_parse(app, exit_code);
  register_convert(app, exit_code);
  register_refactor(app, exit_code);
  register_lint(app, exit_code);
  register_rules(app, exit_code);
  register_build(app, exit_code);
  register_image(app, exit_code);
  register_login(app, exit_code);
  register_verify(app, exit_code);
  register_lsp(app, exit_code);
  register_fmt(app, exit_code);
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp &e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp &e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion &e) {
    return app.exit(e);
  } catch (const CLI::ParseError &e) {
    app.exit(e);
    return k_exit_usage;
  } catch (const Error &e) {
    std::cerr << "msmigrate: error: " << e.what() << "\n";
    return e.exit_code();
  } catch (const std::exception &e) {
    std::cerr << "msmigrate: internal error: " << e.what() << "\n";
    return k_exit_usage;
  }
  return exit_code;
}

}  // namespace msm::cli
