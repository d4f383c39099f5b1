#include "cli/cli.h"

int main(int argc, char **argv) { return msm::cli::run(argc, argv); }
