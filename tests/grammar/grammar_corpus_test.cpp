// Runs grammar/test/corpus/*.txt (tree-sitter's test format) against the compiled grammar,
// so the grammar's own tests run in CI without the tree-sitter CLI. Set UPDATE_SNAPSHOTS=1
// to rewrite the expected trees (then review with git diff).

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <string>
#include <vector>

#include <tree_sitter/api.h>

extern "C" const TSLanguage *tree_sitter_dockerfile(void);

namespace fs = std::filesystem;

namespace {

struct Case {
  std::string name, input, expected;
  size_t expected_begin = 0, expected_end = 0;  // byte span of the expected tree in the file
};

std::string normalize(const std::string &s) {
  std::string out;
  bool space = false;
  for (char c : s) {
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
      space = true;
      continue;
    }
    if (space && !out.empty() && c != ')') out.push_back(' ');
    space = false;
    out.push_back(c);
  }
  return out;
}

bool is_rule(const std::string &line, char c) {
  return line.size() >= 3 && std::all_of(line.begin(), line.end(), [c](char x) { return x == c; });
}

std::vector<Case> read_cases(const std::string &text) {
  std::vector<Case> cases;
  size_t pos = 0;
  auto next_line = [&](size_t &p) {
    size_t nl = text.find('\n', p);
    std::string line = text.substr(p, nl == std::string::npos ? std::string::npos : nl - p);
    p = nl == std::string::npos ? text.size() : nl + 1;
    return line;
  };
  while (pos < text.size()) {
    std::string line = next_line(pos);
    if (!is_rule(line, '=')) continue;
    Case c;
    c.name = next_line(pos);
    next_line(pos);  // closing ===
    size_t input_start = pos, sep = std::string::npos, p = pos;
    while (p < text.size()) {
      size_t line_start = p;
      std::string l = next_line(p);
      if (is_rule(l, '-')) {
        sep = line_start;
        break;
      }
    }
    if (sep == std::string::npos) break;
    c.input = text.substr(input_start, sep - input_start);
    if (c.input.size() >= 1 && c.input.back() == '\n') c.input.pop_back();  // the line before ---
    c.expected_begin = p;
    size_t end = text.find("\n===", p);
    c.expected_end = end == std::string::npos ? text.size() : end + 1;
    c.expected = text.substr(c.expected_begin, c.expected_end - c.expected_begin);
    pos = c.expected_end;
    cases.push_back(c);
  }
  return cases;
}

}  // namespace

int main(int argc, char **argv) {
  fs::path dir = argc > 1 ? argv[1] : "grammar/test/corpus";
  bool update = std::getenv("UPDATE_SNAPSHOTS") != nullptr;
  TSParser *parser = ts_parser_new();
  ts_parser_set_language(parser, tree_sitter_dockerfile());
  size_t passed = 0, failed = 0;
  std::vector<fs::path> files;
  for (const auto &e : fs::directory_iterator(dir)) files.push_back(e.path());
  std::sort(files.begin(), files.end());
  for (const auto &file : files) {
    std::ifstream in(file, std::ios::binary);
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    std::vector<Case> cases = read_cases(text);
    std::string updated;
    size_t copied = 0;
    for (const auto &c : cases) {
      TSTree *tree = ts_parser_parse_string(parser, nullptr, c.input.data(), static_cast<uint32_t>(c.input.size()));
      char *s = ts_node_string(ts_tree_root_node(tree));
      std::string actual = s;
      free(s);
      ts_tree_delete(tree);
      if (normalize(actual) == normalize(c.expected)) {
        ++passed;
      } else if (update) {
        ++passed;
      } else {
        ++failed;
        std::cout << file.filename().string() << ": " << c.name << "\n  expected: " << normalize(c.expected)
                  << "\n  actual:   " << normalize(actual) << "\n";
      }
      if (update) {
        updated += text.substr(copied, c.expected_begin - copied);
        updated += "\n" + actual + "\n\n";
        copied = c.expected_end;
      }
    }
    if (update) {
      updated += text.substr(copied);
      std::ofstream out(file, std::ios::binary);
      out << updated;
    }
  }
  ts_parser_delete(parser);
  std::cout << passed << " passed, " << failed << " failed\n";
  return failed == 0 ? 0 : 1;
}
