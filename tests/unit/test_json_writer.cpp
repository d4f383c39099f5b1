// The streaming JSON writer (lint's json format) against nlohmann's dump(2, ' ', false,
// replace), which wrote that format before: the same bytes for the same values, for strings of
// every kind of byte (control characters, quotes, valid and broken UTF-8) and for nesting.

#include <doctest/doctest.h>

#include <nlohmann/json.hpp>
#include <random>
#include <string>
#include <vector>

#include "output/json_writer.h"

using msm::output::append_json_string;
using msm::output::JsonWriter;
using nlohmann::ordered_json;

namespace {

std::string nlohmann_string(const std::string &text) {
  return ordered_json(text).dump(2, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string writer_string(const std::string &text) {
  std::string out;
  append_json_string(out, text);
  return out;
}

}  // namespace

TEST_CASE("json writer: strings escape exactly as nlohmann's replace handler does") {
  for (const std::string &text : std::vector<std::string>{"", "plain", "quote \" and \\ backslash", "tab\tnew\nline\rcr\bbs\fff", std::string("nul\0x", 5), "\x01\x1f\x7f",
        "caf\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80", "\xC3", "\xE2\x82", "\xE2\x82" "A", "\x80", "\xFF\xFE",
        "\xC0\xAF", "\xE0\x80\x80", "\xED\xA0\x80", "\xF4\x90\x80\x80", "\xF0\x9F\x98", "a\xF0\x9F\x98" "b"}) {
    INFO("text bytes: " << text.size());
    CHECK(writer_string(text) == nlohmann_string(text));
  }
  // Random strings over the bytes that matter: ASCII, controls, quotes, every UTF-8 lead class
  // and continuation bytes at the edges of their ranges.
  const std::vector<unsigned char> bytes = {'a', ' ', '"', '\\', '/', 0x00, 0x07, 0x0A, 0x1F, 0x7F, 0x80, 0x8F, 0x90,
                                            0x9F, 0xA0, 0xBF, 0xC0, 0xC1, 0xC2, 0xDF, 0xE0, 0xE1, 0xEC, 0xED, 0xEE,
                                            0xEF, 0xF0, 0xF1, 0xF3, 0xF4, 0xF5, 0xFF};
  std::mt19937 random(17);
  for (int round = 0; round < 20000; ++round) {
    std::string text(random() % 9, ' ');
    for (char &c : text) c = static_cast<char>(bytes[random() % bytes.size()]);
    INFO("round " << round);
    REQUIRE(writer_string(text) == nlohmann_string(text));
  }
}

TEST_CASE("json writer: nested objects and arrays are laid out as dump(2)") {
  ordered_json expected = {{"version", 1},
                           {"empty_array", ordered_json::array()},
                           {"empty_object", ordered_json::object()},
                           {"list", {{{"a", 4294967295u}, {"b", nullptr}}, "x", ordered_json::array()}},
                           {"nested", {{"inner", {{"deep", "value"}}}}}};
  std::string out;
  JsonWriter w(out);
  w.begin_object();
  w.member("version", 1);
  w.key("empty_array");
  w.begin_array();
  w.end_array();
  w.key("empty_object");
  w.begin_object();
  w.end_object();
  w.key("list");
  w.begin_array();
  w.begin_object();
  w.member("a", uint32_t{4294967295u});
  w.key("b");
  w.null_value();
  w.end_object();
  w.value("x");
  w.begin_array();
  w.end_array();
  w.end_array();
  w.key("nested");
  w.begin_object();
  w.key("inner");
  w.begin_object();
  w.member("deep", "value");
  w.end_object();
  w.end_object();
  w.end_object();
  CHECK(out == expected.dump(2, ' ', false, nlohmann::json::error_handler_t::replace));
}
