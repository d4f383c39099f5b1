// MSM1015 (BuildKit UndefinedVar): `$X` in an instruction BuildKit expands, where no ARG or ENV
// before it in the stage (or ENV of a base stage) defines X.

#include <algorithm>
#include <cstdint>
#include <map>
#include <set>

#include "analysis/expansion.h"
#include "analysis/scope.h"
#include "lint/checks/checks.h"
#include "lint/checks/util.h"

namespace msm::lint::checks {

namespace {

// Variables base images commonly set; without pulling the image they cannot be known, and
// reporting them would drown the real typos.
bool common_image_env(std::string_view name) {
  static const std::set<std::string, std::less<>> k_names = {
      "PATH", "HOME", "HOSTNAME", "USER", "LANG", "LC_ALL", "LANGUAGE", "TERM", "SHELL", "PWD",
      "JAVA_HOME", "JAVA_VERSION", "GOPATH", "GOROOT", "GOLANG_VERSION", "CARGO_HOME", "RUSTUP_HOME",
      "RUST_VERSION", "NODE_VERSION", "YARN_VERSION", "PYTHON_VERSION", "PYTHONPATH", "PIP_VERSION",
      "LD_LIBRARY_PATH", "GEM_HOME", "BUNDLE_PATH", "BUNDLE_APP_CONFIG", "RUBY_VERSION", "PHP_VERSION",
      "PHP_INI_DIR", "NGINX_VERSION", "MAVEN_HOME", "GRADLE_HOME", "DOTNET_VERSION", "ASPNET_VERSION",
      "NVM_DIR", "CATALINA_HOME", "PG_MAJOR", "PGDATA", "VIRTUAL_ENV", "CONDA_DIR", "DEBIAN_FRONTEND"};
  return k_names.count(name) > 0;
}

// Levenshtein distance, capped: a name one or two edits from a defined one is a typo.
size_t distance(std::string_view a, std::string_view b) {
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diag = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diag + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diag = up;
    }
  }
  return row[b.size()];
}

}  // namespace

void undefined_var(Context &ctx) {
  using K = syntax::InstructionKind;
  const auto &doc = ctx.doc();
  const auto &graph = ctx.graph();
  analysis::ExpansionOptions options;
  options.escape = doc.escape();
  // Every name the file defines anywhere: using one where it is not in scope (a global ARG not
  // redeclared, an ARG of another stage) is the classic mistake. Built once for the file, not
  // per stage (that was quadratic in the number of stages).
  std::map<std::string, std::set<size_t>> defined_anywhere;  // name -> defining instructions
  for (const auto &d : graph.scope().globals()) defined_anywhere[d.name].insert(d.instruction);
  for (const auto &[name, value] : analysis::predefined_args()) defined_anywhere[name].insert(SIZE_MAX);
  for (const auto &s : graph.stages()) {
    for (const auto &d : graph.scope().definitions(s.index)) defined_anywhere[d.name].insert(d.instruction);
  }
  for (const auto &stage : graph.stages()) {
    // What base stages define is known to the stage built FROM them (BuildKit's linter carries
    // their ARGs along with their ENV).
    std::set<std::string> inherited;
    bool unknown_base = !stage.is_scratch();
    for (auto base = stage.base_stage; base; base = graph.stages()[*base].base_stage) {
      for (const auto &d : graph.scope().definitions(*base)) inherited.insert(d.name);
      unknown_base = !graph.stages()[*base].is_scratch();
    }
    const auto &defs = graph.scope().definitions(stage.index);
    for (size_t i = stage.from_instruction + 1; i < stage.end_instruction; ++i) {
      const auto &ins = doc.instructions()[i];
      auto lookup = [&](std::string_view name) -> std::optional<std::string> {
        if (inherited.count(std::string(name))) return std::string();
        for (const auto &d : defs) {
          if (d.instruction >= i) break;
          if (d.name == name) return std::string();
        }
        return std::nullopt;
      };
      std::vector<const syntax::Argument *> words;
      switch (ins.kind) {
        case K::Env:
        case K::Label:
          for (size_t a = 0; a < ins.args.size(); ++a) {
            if (a % 3 != 2) words.push_back(&ins.args[a]);
          }
          break;
        case K::Copy:
        case K::Add:
        case K::Workdir:
        case K::User:
        case K::Volume:
        case K::Stopsignal:
        case K::Expose:
        case K::Arg:
          for (const auto &a : ins.args) {
            if (a.value.rfind("<<", 0) != 0) words.push_back(&a);
          }
          break;
        default: break;
      }
      std::set<std::string> reported;
      for (const auto *arg : words) {
        if (arg->value.find('$') == std::string::npos) continue;
        std::string_view word = arg->value;
        if (ins.is(K::Arg)) {
          size_t eq = word.find('=');
          if (eq == std::string_view::npos) continue;
          word = word.substr(eq + 1);
        }
        auto result = analysis::expand_word(word, lookup, options);
        if (result.error) continue;
        auto defaulted = names_with_default(word);
        for (const auto &name : result.unset) {
          if (name.empty() || !(std::isalpha(static_cast<unsigned char>(name[0])) || name[0] == '_')) continue;
          if (defaulted.count(name) || name == "PATH") continue;  // BuildKit sets a default PATH
          if (unknown_base) {
            // The base image's ENV is unknown here (BuildKit reads it from the image): report only
            // names the file defines elsewhere, or near-misses of a name in scope.
            if (common_image_env(name)) continue;
            // PATH is always set (BuildKit gives every stage a default one).
            bool typo = name.size() == 4 && distance("PATH", name) <= 2;
            for (const auto &[d, where] : defined_anywhere) {
              if (d != name && lookup(d) && distance(d, name) <= (name.size() > 4 ? 2u : 1u)) typo = true;
            }
            auto it = defined_anywhere.find(name);
            // Defined only by this very instruction (`ENV X=$X:/more`): it extends the image's value.
            bool elsewhere = it != defined_anywhere.end() && (it->second.size() > 1 || !it->second.count(i));
            if (!typo && !elsewhere) continue;
          }
          if (!reported.insert(name).second) continue;
          ctx.report(arg->range, "Usage of undefined variable `$" + name + "`");
        }
      }
    }
  }
}

}  // namespace msm::lint::checks
