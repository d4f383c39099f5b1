#pragma once
// A streaming JSON writer for the renderers that write many small objects (lint's json format):
// straight into one string, no tree of values, no allocation per member. Its output is byte for
// byte what nlohmann::ordered_json::dump(2, ' ', false, error_handler_t::replace) gives for the
// same values, so formats can move to it without changing a byte (tests/unit/test_json_writer.cpp).

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace msm::output {

// `text` as a JSON string literal, quotes included: `"` and `\` escaped, \b \f \n \r \t as
// themselves, other control characters as \u00xx, everything else as is (no \u escapes of
// non-ASCII). A byte sequence that is not UTF-8 becomes one U+FFFD per maximal invalid part
// (what nlohmann's `replace` error handler writes).
void append_json_string(std::string &out, std::string_view text);

class JsonWriter {
 public:
  explicit JsonWriter(std::string &out) : m_out(out) {}

  void begin_object() { open('{'); }
  void end_object() { close('}'); }
  void begin_array() { open('['); }
  void end_array() { close(']'); }
  // The next member of the current object; its value follows.
  void key(std::string_view name);

  void value(std::string_view text);
  void value(const char *text) { value(std::string_view(text)); }
  void value(uint64_t number);
  void value(uint32_t number) { value(static_cast<uint64_t>(number)); }
  void value(int number);
  void null_value();

  // Shorthands for a member with a scalar value.
  template <class T>
  void member(std::string_view name, const T &v) {
    key(name);
    value(v);
  }

 private:
  void open(char bracket);
  void close(char bracket);
  // Separator and indentation before an array element (an object member's come with its key).
  void before_value();
  void new_line();

  std::string &m_out;
  struct Level {
    bool is_array;
    bool empty = true;
  };
  std::vector<Level> m_levels;
  bool m_after_key = false;
};

}  // namespace msm::output
