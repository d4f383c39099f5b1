#include "cli/cli.h"

#include <iostream>
#include <string_view>

#include "util/error.h"
#include "msm_version.h"

namespace msm::cli {

namespace {

struct Subcommand {
  std::string_view name;
  void (*register_on)(CLI::App &, int &);
};

// In `msmigrate --help` order.
constexpr Subcommand k_subcommands[] = {
    {"parse", register_parse}, {"convert", register_convert}, {"refactor", register_refactor},
    {"lint", register_lint},   {"rules", register_rules},     {"build", register_build},
    {"image", register_image}, {"login", register_login},     {"logout", register_login},
    {"verify", register_verify}, {"lsp", register_lsp},       {"fmt", register_fmt},
};

// The subcommand the command line names, when its first word names one exactly. Building every
// subcommand's options costs more than an on-save lint's parse of its Dockerfile, so a command
// that names its subcommand registers only that one; anything else (no subcommand, --help, a
// typo) registers them all, so help and CLI11's error messages see the whole tool.
const Subcommand *named_subcommand(int argc, char **argv) {
  if (argc < 2) return nullptr;
  std::string_view first = argv[1];
  for (const auto &sub : k_subcommands) {
    if (sub.name == first) return &sub;
  }
  return nullptr;
}

}  // namespace

int run(int argc, char **argv) {
  std::string version = std::string("msmigrate ") + msm::k_version;
  // Answered before any set-up: editors and scripts call it to probe the tool.
  if (argc == 2 && std::string_view(argv[1]) == "--version") {
    std::cout << version << "\n";
    return k_exit_ok;
  }
  CLI::App app{"msmigrate: Dockerfile parser, linter, builder-pattern converter and builder"};
  app.name("msmigrate");
  app.set_version_flag("--version", version);
  app.require_subcommand(1);
  int exit_code = k_exit_ok;
  if (const Subcommand *sub = named_subcommand(argc, argv)) {
    sub->register_on(app, exit_code);
  } else {
    // One function may register several subcommands (login and logout): call each once.
    void (*previous)(CLI::App &, int &) = nullptr;
    for (const auto &each : k_subcommands) {
      if (each.register_on != previous) each.register_on(app, exit_code);
      previous = each.register_on;
    }
  }
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
