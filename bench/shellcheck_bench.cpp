// ShellCheck inside lint, checked against ShellCheck run directly: every checkable RUN script of
// the corpus is extracted (with the same shebang and declared names lint gives it), ShellCheck
// checks those files itself, and each of its findings must come out of `lint` under the same
// code and message, positioned on the same text of the Dockerfile. Prints per-code counts side by
// side, every disagreement, and a sample of findings with their Dockerfile line for reading by eye.
//
// With a third argument, a Dockerfile: lint_document's CPU on it in-process, without ShellCheck,
// with a warm cache and with a cold one (ShellCheck's own CPU included), so the warm path's added
// cost is measured without the process start-up and the neighbours' noise of a CLI timing.
//
// Usage: msm_bench_shellcheck CORPUS_DIR [SAMPLE_SIZE [TYPICAL_FILE]]

#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <iostream>
#include <map>
#include <random>
#include <set>
#include <tuple>

#include "analysis/stages.h"
#include "bench_corpus.h"
#include "lint/context.h"
#include "lint/engine.h"
#include "lint/shellcheck/check.h"
#include "lint/shellcheck/runner.h"
#include "syntax/line_index.h"
#include "util/process.h"

namespace fs = std::filesystem;
namespace sc = msm::lint::shellcheck;
using msm::lint::Diagnostic;

namespace {

struct Extracted {
  size_t file = 0;
  size_t instruction = 0;
  sc::Input input;
};

// ShellCheck's text for a finding's span (input coordinates).
std::string input_span(const std::string &text, const sc::TextPosition &a, const sc::TextPosition &b) {
  msm::syntax::LineIndex lines(text);
  uint32_t s = lines.byte_at(std::min(a.line, lines.line_count()), a.column);
  uint32_t e = lines.byte_at(std::min(b.line, lines.line_count()), b.column);
  return e > s ? text.substr(s, e - s) : std::string();
}

// The Dockerfile's text for a range, with line continuations (escape char + newline) removed, as
// the shell receives it.
std::string joined(const std::string &source, msm::syntax::Range r, char escape) {
  std::string out;
  for (uint32_t i = r.start; i < r.end && i < source.size(); ++i) {
    if (source[i] == escape) {
      uint32_t j = i + 1;
      while (j < r.end && (source[j] == ' ' || source[j] == '\t' || source[j] == '\r')) ++j;
      if (j < r.end && source[j] == '\n') {
        i = j;
        continue;
      }
    }
    out += source[i];
  }
  return out;
}

std::string fresh_dir(const std::string &name) {
  fs::path p = fs::temp_directory_path() / (name + "-" + std::to_string(::getpid()));
  fs::remove_all(p);
  fs::create_directories(p);
  return p.string();
}

double children_cpu_ms() {
  rusage r{};
  getrusage(RUSAGE_CHILDREN, &r);
  return static_cast<double>(r.ru_utime.tv_sec + r.ru_stime.tv_sec) * 1e3 +
         static_cast<double>(r.ru_utime.tv_usec + r.ru_stime.tv_usec) / 1e3;
}

void on_save(const std::string &path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  auto doc = msm::syntax::Document::parse(text.str(), path);
  std::string cache = fresh_dir("msm-shellcheck-onsave-cache");
  sc::Runner runner(fs::path("/usr/bin/shellcheck"), cache);
  auto lint = [&](std::optional<sc::Mode> mode) {
    msm::lint::LintOptions options;
    options.shellcheck = mode;
    options.shellcheck_runner = &runner;
    return msm::lint::lint_document(*doc, msm::lint::Config{}, std::nullopt, options).size();
  };
  const int n = 300;
  double off = 0, warm = 0;
  lint(sc::Mode::Run);  // fills the cache
  for (int round = 0; round < 3; ++round) {  // interleaved, so both see the same neighbours
    double t0 = msm::bench::cpu_ms();
    for (int i = 0; i < n; ++i) lint(std::nullopt);
    double t1 = msm::bench::cpu_ms();
    for (int i = 0; i < n; ++i) lint(sc::Mode::Run);
    double t2 = msm::bench::cpu_ms();
    off += (t1 - t0) / n / 3;
    warm += (t2 - t1) / n / 3;
  }
  const int cold_runs = 10;
  double cold = 0;
  for (int i = 0; i < cold_runs; ++i) {
    fs::remove_all(cache);
    double t0 = msm::bench::cpu_ms() + children_cpu_ms();
    lint(sc::Mode::Run);
    cold += (msm::bench::cpu_ms() + children_cpu_ms() - t0) / cold_runs;
  }
  fs::remove_all(cache);
  std::printf("in-process lint of %s: no ShellCheck %.3f ms CPU, warm cache %.3f ms (+%.3f ms), cold %.1f ms "
              "(ShellCheck's process included; mean of %d)\n",
              fs::path(path).filename().c_str(), off, warm, warm - off, cold, cold_runs);
}

}  // namespace

int main(int argc, char **argv) {
  if (argc < 2) {
    std::cerr << "usage: msm_bench_shellcheck CORPUS_DIR [SAMPLE_SIZE]\n";
    return 2;
  }
  size_t sample_size = argc > 2 ? std::stoul(argv[2]) : 12;
  if (!msm::util::program_on_path("shellcheck")) {
    std::cerr << "shellcheck is not installed\n";
    return 2;
  }
  if (argc > 3) on_save(argv[3]);
  auto corpus = msm::bench::read_corpus(argv[1]);

  // 1. Extract every checkable script with what lint gives ShellCheck.
  std::vector<std::unique_ptr<msm::syntax::Document>> docs;
  std::vector<Extracted> scripts;
  for (size_t f = 0; f < corpus.files.size(); ++f) {
    docs.push_back(msm::syntax::Document::parse(corpus.files[f].second, corpus.files[f].first));
    msm::analysis::StageGraph graph(*docs.back());
    msm::lint::Context ctx(*docs.back(), graph, msm::lint::Config{}, std::nullopt);
    for (const auto &run : ctx.runs()) {
      for (const auto &s : run.scripts) {
        if (!sc::checkable(s.dialect())) continue;
        scripts.push_back({f, run.instruction, sc::make_input(s, sc::declared_names(ctx, run))});
      }
    }
  }

  // 2. ShellCheck directly on those files (batches of 200 files per process).
  std::string dir = fresh_dir("msm-shellcheck-direct");
  std::vector<std::vector<sc::Finding>> direct(scripts.size());
  double direct_cpu_before = msm::bench::cpu_ms();
  for (size_t start = 0; start < scripts.size(); start += 200) {
    std::vector<std::string> argv_sc{"shellcheck"};
    argv_sc.insert(argv_sc.end(), sc::options().begin(), sc::options().end());
    argv_sc.emplace_back("--");
    std::map<std::string, size_t> index;
    for (size_t k = start; k < std::min(scripts.size(), start + 200); ++k) {
      std::string path = dir + "/" + std::to_string(k);
      FILE *out = std::fopen(path.c_str(), "wb");
      std::fwrite(scripts[k].input.text.data(), 1, scripts[k].input.text.size(), out);
      std::fclose(out);
      argv_sc.push_back(path);
      index[path] = k;
    }
    std::string report = dir + "/report.json";
    auto r = msm::util::run_process(argv_sc, report);
    if (r.status != 0 && r.status != 1) {
      std::cerr << "shellcheck failed (" << r.status << "): " << r.output << "\n";
      return 1;
    }
    std::ifstream in(report);
    std::stringstream text;
    text << in.rdbuf();
    for (auto &[file, findings] : sc::parse_json1(text.str())) direct[index.at(file)] = std::move(findings);
  }
  (void)direct_cpu_before;
  fs::remove_all(dir);

  // 3. lint, with a cold cache of its own.
  std::string cache = fresh_dir("msm-shellcheck-bench-cache");
  sc::Runner runner(fs::path("/usr/bin/shellcheck"), cache);
  std::vector<std::vector<Diagnostic>> linted(docs.size());
  for (size_t f = 0; f < docs.size(); ++f) {
    msm::lint::LintOptions options;
    options.shellcheck_runner = &runner;
    for (auto &d : msm::lint::lint_document(*docs[f], msm::lint::Config{}, std::nullopt, options)) {
      if (d.rule->from_shellcheck) linted[f].push_back(std::move(d));
    }
  }
  fs::remove_all(cache);

  // 4. Pair them: per (file, instruction, code, message), in order; the texts must agree.
  std::map<std::string, std::pair<size_t, size_t>> per_code;  // code -> direct, lint
  using Key = std::tuple<size_t, size_t, std::string, std::string>;
  std::map<Key, std::vector<std::string>> direct_texts;
  std::map<Key, std::vector<const Diagnostic *>> lint_found;
  size_t direct_total = 0, lint_total = 0;
  for (size_t k = 0; k < scripts.size(); ++k) {
    for (const auto &f : direct[k]) {
      std::string code = "SC" + std::to_string(f.code);
      ++per_code[code].first;
      ++direct_total;
      direct_texts[{scripts[k].file, scripts[k].instruction, code, f.message}].push_back(
          input_span(scripts[k].input.text, f.start, f.end));
    }
  }
  for (size_t f = 0; f < docs.size(); ++f) {
    const auto &ins = docs[f]->instructions();
    for (const auto &d : linted[f]) {
      ++per_code[d.rule->code].second;
      ++lint_total;
      size_t i = 0;
      while (i + 1 < ins.size() && ins[i + 1].range.start <= d.range.start) ++i;
      lint_found[{f, i, d.rule->code, d.message}].push_back(&d);
    }
  }
  size_t agreed = 0, text_mismatch = 0, missing = 0, extra = 0, across_lines = 0;
  std::vector<std::string> problems;
  std::set<Key> keys;
  for (const auto &[k, v] : direct_texts) keys.insert(k);
  for (const auto &[k, v] : lint_found) keys.insert(k);
  for (const auto &key : keys) {
    // Within one RUN, findings of one code and message are compared as sorted texts (a RUN's
    // command line and its heredoc script are checked separately, in either order).
    auto texts = direct_texts[key];
    const auto &found = lint_found[key];
    const auto &doc = *docs[std::get<0>(key)];
    std::vector<std::string> here;
    for (const auto *d : found) {
      here.push_back(joined(doc.source(), d->range, doc.escape()));
      if (d->start.line != d->end.line) ++across_lines;
    }
    std::sort(texts.begin(), texts.end());
    std::sort(here.begin(), here.end());
    std::string name = fs::path(doc.path()).filename().string() + " " + std::get<2>(key) + " (instruction " +
                       std::to_string(std::get<1>(key) + 1) + ")";
    for (size_t n = 0; n < std::max(texts.size(), here.size()); ++n) {
      if (n >= here.size()) {
        ++missing;
        problems.push_back("missing from lint: " + name + " `" + texts[n] + "`");
      } else if (n >= texts.size()) {
        ++extra;
        problems.push_back("only in lint: " + name + " `" + here[n] + "`");
      } else if (here[n] == texts[n]) {
        ++agreed;
      } else {
        ++text_mismatch;
        problems.push_back("text differs: " + name + ": ShellCheck `" + texts[n] + "`, Dockerfile `" + here[n] + "`");
      }
    }
  }

  std::cout << "corpus: " << docs.size() << " files, " << scripts.size() << " checkable RUN scripts\n";
  std::cout << "findings: ShellCheck directly " << direct_total << ", msmigrate lint " << lint_total << "\n";
  std::cout << "paired on the same text: " << agreed << " (" << across_lines << " spanning lines); text differs: "
            << text_mismatch << "; missing from lint: " << missing << "; only in lint: " << extra << "\n";
  std::cout << "\nper code (ShellCheck directly / msmigrate lint):\n";
  std::vector<std::pair<std::string, std::pair<size_t, size_t>>> rows(per_code.begin(), per_code.end());
  std::sort(rows.begin(), rows.end(), [](const auto &a, const auto &b) { return a.second.first > b.second.first; });
  for (const auto &[code, counts] : rows) {
    std::cout << "  " << code << " " << counts.first << " / " << counts.second
              << (counts.first == counts.second ? "" : "   <- differs") << "\n";
  }
  for (size_t i = 0; i < problems.size() && i < 40; ++i) std::cout << "  " << problems[i] << "\n";

  // A sample to read by eye: the finding, its Dockerfile line, carets under the range.
  std::vector<std::pair<size_t, const Diagnostic *>> all;
  for (size_t f = 0; f < linted.size(); ++f) {
    for (const auto &d : linted[f]) all.emplace_back(f, &d);
  }
  std::mt19937 rng(16);
  std::shuffle(all.begin(), all.end(), rng);
  std::cout << "\nsample (" << std::min(sample_size, all.size()) << " findings, seed 16):\n";
  for (size_t i = 0; i < all.size() && i < sample_size; ++i) {
    const auto &doc = *docs[all[i].first];
    const Diagnostic &d = *all[i].second;
    uint32_t line_start = doc.lines().line_start(d.start.line);
    size_t nl = doc.source().find('\n', line_start);
    std::string line = doc.source().substr(line_start, nl == std::string::npos ? std::string::npos : nl - line_start);
    std::cout << fs::path(doc.path()).filename().string() << ":" << d.start.line << ":" << d.start.column << " "
              << d.rule->code << " " << d.message << "\n  | " << line << "\n  | ";
    uint32_t end_col = d.end.line == d.start.line ? d.end.column : d.start.column + 1;
    for (uint32_t c = 1; c < d.start.column; ++c) std::cout << (c - 1 < line.size() && line[c - 1] == '\t' ? '\t' : ' ');
    for (uint32_t c = d.start.column; c < std::max(end_col, d.start.column + 1); ++c) std::cout << '^';
    std::cout << "\n";
  }
  return missing + extra + text_mismatch == 0 ? 0 : 1;
}
