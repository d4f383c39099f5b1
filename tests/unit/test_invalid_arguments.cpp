// MSM1025's value matchers against the regular expressions they replaced (the BuildKit shapes,
// compiled by std::regex here as the oracle): every string up to a length over an alphabet that
// holds each character the expressions care about, plus one that they do not.

#include <doctest/doctest.h>

#include <functional>
#include <regex>
#include <string>
#include <vector>

#include "lint/checks/invalid_arguments.h"

using namespace msm::lint::checks;

namespace {

// Calls `visit` with every string of length 0..max_length over `alphabet` (each entry one
// "character", possibly several bytes such as µ).
void for_each_string(const std::vector<std::string> &alphabet, size_t max_length,
                     const std::function<void(const std::string &)> &visit) {
  std::function<void(std::string &, size_t)> extend = [&](std::string &prefix, size_t left) {
    visit(prefix);
    if (left == 0) return;
    for (const auto &c : alphabet) {
      size_t size = prefix.size();
      prefix += c;
      extend(prefix, left - 1);
      prefix.resize(size);
    }
  };
  std::string empty;
  extend(empty, max_length);
}

}  // namespace

TEST_CASE("MSM1025 durations: the hand matcher agrees with the BuildKit expression") {
  const std::regex go_duration(
      R"(^([0-9]+(\.[0-9]*)?|\.[0-9]+)(ns|us|µs|ms|s|m|h)(([0-9]+(\.[0-9]*)?|\.[0-9]+)(ns|us|µs|ms|s|m|h))*$)");
  auto oracle = [&](const std::string &v) {
    if (v == "0") return true;
    if (!std::regex_match(v, go_duration)) return false;
    return !(v.size() > 2 && (v.ends_with("ns") || v.ends_with("us")) && v.find_first_of("smh") == v.size() - 1);
  };
  size_t checked = 0, accepted = 0;
  // "\xC2" alone: the first byte of µ without the second.
  for_each_string({"1", "0", ".", "n", "u", "\xC2\xB5", "m", "s", "h", "\xC2", "x"}, 5, [&](const std::string &v) {
    ++checked;
    accepted += oracle(v);
    INFO("value: `" << v << "`");
    CHECK(is_healthcheck_duration(v) == oracle(v));
  });
  CHECK(checked == 177156);
  CHECK(accepted > 500);  // the alphabet reaches many valid durations, not only rejections
  for (const char *v : {"1m30s", "0", "1.5h", ".5s", "1.s", "10ms", "2\xC2\xB5s1ms", "1h2m3s4ms5us6ns", "300ms"}) {
    CHECK_MESSAGE(is_healthcheck_duration(v), v);
  }
  for (const char *v : {"", "30", "s", ".s", "1.2.3s", "-1s", "1 s", "500us", "10ns", "1d", "1sec", "1m30"}) {
    CHECK_MESSAGE(!is_healthcheck_duration(v), v);
  }
}

TEST_CASE("MSM1025 stage names and whole numbers: the hand matchers agree with the expressions") {
  const std::regex stage_name("^[a-z][a-z0-9-_.]*$");
  const std::regex whole_number("^-?[0-9]+$");
  size_t names = 0, numbers = 0;
  for_each_string({"a", "z", "A", "0", "9", "-", "_", ".", "/", " ", "\xC3"}, 4, [&](const std::string &v) {
    INFO("value: `" << v << "`");
    names += std::regex_match(v, stage_name);
    numbers += std::regex_match(v, whole_number);
    CHECK(is_stage_name(v) == std::regex_match(v, stage_name));
    CHECK(is_whole_number(v) == std::regex_match(v, whole_number));
  });
  CHECK(names > 100);
  CHECK(numbers > 10);
  // Every byte after a valid first letter, and as the first character.
  for (int c = 1; c < 256; ++c) {
    std::string second = std::string("a") + static_cast<char>(c), first(1, static_cast<char>(c));
    CHECK(is_stage_name(second) == std::regex_match(second, stage_name));
    CHECK(is_stage_name(first) == std::regex_match(first, stage_name));
  }
  CHECK(is_stage_name("build-1.x_y"));
  CHECK(!is_stage_name("1st"));
  CHECK(is_whole_number("-3"));
  CHECK(!is_whole_number("3.0"));
}
