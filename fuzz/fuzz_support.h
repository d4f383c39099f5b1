#pragma once
// What every fuzz target shares: property checks that abort (libFuzzer then saves the input),
// a scratch directory per process, and splitting one input into named files.

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace msm::fuzz {

// A violated property: printed, then abort() so libFuzzer records the input as a crash.
[[noreturn]] inline void property_failed(const char *what, const std::string &detail, const char *file, int line) {
  std::fprintf(stderr, "\n%s:%d: property violated: %s\n%s\n", file, line, what, detail.c_str());
  std::abort();
}

#define MSM_FUZZ_CHECK(cond, detail) \
  do {                               \
    if (!(cond)) ::msm::fuzz::property_failed(#cond, (detail), __FILE__, __LINE__); \
  } while (0)

inline std::string text_of(const uint8_t *data, size_t size) { return std::string(reinterpret_cast<const char *>(data), size); }

// A private directory for this process, removed at exit.
inline const std::filesystem::path &scratch_dir() {
  static const std::filesystem::path dir = [] {
    std::string tmpl = (std::filesystem::temp_directory_path() / "msm-fuzz-XXXXXX").string();
    if (!::mkdtemp(tmpl.data())) std::abort();
    std::filesystem::path p(tmpl);
    static struct Remover {
      std::filesystem::path p;
      ~Remover() {
        std::error_code ec;
        std::filesystem::remove_all(p, ec);
      }
    } remover{p};
    return p;
  }();
  return dir;
}

inline void write_file(const std::filesystem::path &path, std::string_view content) {
  std::filesystem::create_directories(path.parent_path());
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(content.data(), static_cast<std::streamsize>(content.size()));
}

// Several files in one input: sections that start with a line `=== NAME` (the seed corpora are
// written this way by fuzz/seeds.py); text before the first header goes to `first_name`.
inline std::vector<std::pair<std::string, std::string>> split_files(std::string_view input, const std::string &first_name) {
  std::vector<std::pair<std::string, std::string>> files{{first_name, ""}};
  size_t pos = 0;
  while (pos <= input.size()) {
    size_t nl = input.find('\n', pos);
    std::string_view line = input.substr(pos, nl == std::string_view::npos ? std::string_view::npos : nl - pos);
    if (line.substr(0, 4) == "=== ") {
      files.emplace_back(std::string(line.substr(4)), "");
    } else {
      files.back().second.append(line);
      if (nl != std::string_view::npos) files.back().second += '\n';
    }
    if (nl == std::string_view::npos) break;
    pos = nl + 1;
  }
  return files;
}

// A file name from the input, kept inside the project directory: one plain component.
inline bool safe_name(const std::string &name) {
  if (name.empty() || name.size() > 64 || name == "." || name == "..") return false;
  for (char c : name) {
    if (c == '/' || c == '\0' || c == '\\') return false;
  }
  return true;
}

}  // namespace msm::fuzz
