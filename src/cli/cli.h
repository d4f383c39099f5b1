#pragma once

#include <CLI/CLI.hpp>

namespace msm::cli {

// Entry point: parses the command line, runs the subcommand, maps errors to exit codes.
int run(int argc, char **argv);

// Each subcommand registers itself on the app and returns the code to exit with.
void register_parse(CLI::App &app, int &exit_code);
void register_convert(CLI::App &app, int &exit_code);
void register_refactor(CLI::App &app, int &exit_code);
void register_lint(CLI::App &app, int &exit_code);
void register_rules(CLI::App &app, int &exit_code);
void register_build(CLI::App &app, int &exit_code);
void register_image(CLI::App &app, int &exit_code);
void register_login(CLI::App &app, int &exit_code);
void register_verify(CLI::App &app, int &exit_code);
void register_lsp(CLI::App &app, int &exit_code);
void register_fmt(CLI::App &app, int &exit_code);

}  // namespace msm::cli
