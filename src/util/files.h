#pragma once
// Reading user input safely: clear errors that name the file, never a crash.

#include <string>

namespace msm::util {

// Reads a whole file ("-" is stdin). Throws msm::Error naming the file when it is missing,
// a directory, unreadable, or binary (NUL bytes), with what to do about it. Errors about stdin
// name it `stdin_name` (an editor's --stdin-filename) when given.
std::string read_input(const std::string &path, const std::string &stdin_name = "");

// Writes `content` to `path` atomically (temp file in the same directory + rename).
void write_atomically(const std::string &path, const std::string &content);

}  // namespace msm::util
