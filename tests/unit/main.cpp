#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>

#include <cstdlib>

// ShellCheck is off for the tests that lint without asking for it (their expectations are the
// other rules'); test_shellcheck*.cpp give the engine a Runner of their own.
static const int k_shellcheck_off = ::setenv("MSMIGRATE_SHELLCHECK", "off", 0);
