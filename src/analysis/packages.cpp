#include "analysis/packages.h"

#include <algorithm>
#include <cctype>

namespace msm::analysis::packages {

namespace {

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

bool starts_with(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

std::string_view basename(std::string_view path) {
  size_t slash = path.rfind('/');
  return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

bool contains(const std::vector<std::string_view> &list, std::string_view s) {
  return std::find(list.begin(), list.end(), s) != list.end();
}

const std::vector<std::string_view> k_apt_value_options = {
    "-o", "--option", "-t", "--target-release", "--default-release", "-c", "--config-file",
    "-a", "--host-architecture", "-P", "--build-profiles"};
const std::vector<std::string_view> k_rpm_value_options = {
    "-c", "--config", "--installroot", "--enablerepo", "--disablerepo", "-x", "--exclude", "--releasever",
    "--setopt", "-d", "--debuglevel", "-e", "--errorlevel", "--downloaddir", "--destdir", "--repo", "--repoid",
    "--color", "--repofrompath", "--forcearch", "--enableplugin", "--disableplugin", "--rpmverbosity"};
const std::vector<std::string_view> k_rpm_install = {"install", "groupinstall", "localinstall", "reinstall",
                                                     "group install", "module install"};
// dnf and microdnf also take abbreviations (`dnf in`, `dnf rei`).
const std::vector<std::string_view> k_dnf_install = {"install", "in", "groupinstall", "localinstall", "reinstall",
                                                     "rei", "group install", "module install"};

std::vector<ManagerInfo> make_table() {
  std::vector<ManagerInfo> t;
  t.push_back({Manager::AptGet, "apt-get", {"install"},
               {"-y", "--yes", "--assume-yes", "--force-yes", "-qq", "-q=2", "--quiet=2"}, {},
               {"--no-install-recommends"}, {}, k_apt_value_options, PinStyle::AptEquals,
               {"/var/lib/apt/lists", "/var/cache/apt"}, ""});
  t.push_back({Manager::Apt, "apt", {"install"},
               {"-y", "--yes", "--assume-yes", "--force-yes", "-qq", "-q=2", "--quiet=2"}, {},
               {"--no-install-recommends"}, {}, k_apt_value_options, PinStyle::AptEquals,
               {"/var/lib/apt/lists", "/var/cache/apt"}, ""});
  t.push_back({Manager::Apk, "apk", {"add"}, {}, {"--no-cache"}, {}, {},
               {"-t", "--virtual", "-X", "--repository", "-p", "--root", "--arch", "--keys-dir", "--cache-dir",
                "--repositories-file", "--cache-max-age", "--timeout"},
               PinStyle::ApkConstraint, {"/var/cache/apk"}, ""});
  t.push_back({Manager::Yum, "yum", k_rpm_install, {"-y", "--assumeyes"}, {}, {}, {}, k_rpm_value_options,
               PinStyle::RpmDashVersion, {"/var/cache/yum"}, "clean all"});
  t.push_back({Manager::Dnf, "dnf", k_dnf_install, {"-y", "--assumeyes"}, {},
               {"--setopt=install_weak_deps=False", "--setopt=install_weak_deps=0",
                "--setopt=install_weak_deps=false"},
               {}, k_rpm_value_options, PinStyle::RpmDashVersion, {"/var/cache/dnf", "/var/cache/libdnf5"},
               "clean all"});
  t.push_back({Manager::Microdnf, "microdnf", k_dnf_install, {"-y", "--assumeyes"}, {},
               {"--setopt=install_weak_deps=0", "--setopt=install_weak_deps=False"}, {}, k_rpm_value_options,
               PinStyle::RpmDashVersion, {"/var/cache/yum", "/var/cache/dnf"}, "clean all"});
  t.push_back({Manager::Zypper, "zypper", {"install", "in"}, {"-n", "--non-interactive", "-y", "--no-confirm"},
               {}, {"--no-recommends"}, {},
               {"-R", "--root", "-D", "--reposd-dir", "-C", "--cache-dir", "-c", "--config", "-r", "--repo",
                "--from", "-t", "--type", "--raw-cache-dir", "--solv-cache-dir", "--pkg-cache-dir"},
               PinStyle::ZypperCapability, {"/var/cache/zypp"}, "clean"});
  t.push_back({Manager::Pip, "pip", {"install"}, {}, {"--no-cache-dir"}, {}, {},
               {"-r", "--requirement", "-c", "--constraint", "-e", "--editable", "-i", "--index-url", "-b", "--build",
                "--extra-index-url", "-f", "--find-links", "-t", "--target", "--prefix", "--root", "--trusted-host",
                "--platform", "--python-version", "--implementation", "--abi", "--only-binary", "--no-binary",
                "--progress-bar", "--src", "--upgrade-strategy", "--global-option", "--install-option", "-C",
                "--config-settings", "--log", "--proxy", "--retries", "--timeout", "--exists-action", "--cert",
                "--client-cert", "--cache-dir", "--report", "--python", "--root-user-action"},
               PinStyle::Pep508, {"/root/.cache/pip"}, "cache purge"});
  t.push_back({Manager::Npm, "npm", {"install", "i", "add", "in", "isntall"}, {}, {}, {}, {},
               {"--prefix", "--registry", "-w", "--workspace", "--cache", "--loglevel", "--tag", "--omit",
                "--include", "--userconfig", "--globalconfig", "--install-strategy"},
               PinStyle::At, {"/root/.npm"}, "cache clean"});
  t.push_back({Manager::Yarn, "yarn", {"install", "add", "global add"}, {}, {}, {}, {},
               {"--cache-folder", "--modules-folder", "--network-timeout", "--registry", "--mutex",
                "--global-folder", "--link-folder", "--cwd"},
               PinStyle::At, {"/usr/local/share/.cache/yarn", "/root/.cache/yarn", "/root/.yarn"}, "cache clean"});
  t.push_back({Manager::Gem, "gem", {"install", "i"}, {}, {}, {}, {"-v", "--version"},
               {"-v", "--version", "-i", "--install-dir", "-n", "--bindir", "-s", "--source", "-P", "--trust-policy",
                "--platform", "-g", "--file", "--build-root", "--document", "--without"},
               PinStyle::GemColon, {"/root/.gem", "/usr/local/bundle/cache"}, ""});
  // `go get` adds a module to go.mod and `go run pkg@version` fetches it: both pick a version.
  t.push_back({Manager::Go, "go", {"install", "get", "run"}, {}, {}, {}, {},
               {"-ldflags", "-gcflags", "-asmflags", "-tags", "-mod", "-modfile", "-o", "-p", "-pkgdir",
                "-toolexec", "-overlay", "-buildmode", "-compiler", "-installsuffix", "-gccgoflags", "-exec", "-C",
                "-pgo", "-covermode", "-coverpkg"},
               PinStyle::At, {"/root/.cache/go-build", "/root/go/pkg/mod", "/go/pkg/mod"}, "clean -cache"});
  t.push_back({Manager::Cargo, "cargo", {"install"}, {}, {}, {}, {"--version", "--vers"},
               {"--version", "--vers", "--git", "--branch", "--tag", "--rev", "--path", "--root", "--index",
                "--registry", "-j", "--jobs", "--target", "--target-dir", "--profile", "--features", "-F", "--bin",
                "--example", "-Z", "--config", "--color"},
               PinStyle::At, {"/usr/local/cargo/registry", "/root/.cargo/registry"}, ""});
  return t;
}

std::optional<Manager> manager_of_program(std::string_view program) {
  std::string_view n = basename(program);
  if (n == "apt-get") return Manager::AptGet;
  if (n == "apt") return Manager::Apt;
  if (n == "apk") return Manager::Apk;
  if (n == "yum") return Manager::Yum;
  if (n == "dnf" || n == "dnf5" || n == "dnf-3") return Manager::Dnf;
  if (n == "microdnf") return Manager::Microdnf;
  if (n == "zypper") return Manager::Zypper;
  // pipx installs each package into its own environment, with pip's requirement syntax.
  if (n == "pip" || n == "pip2" || n == "pip3" || n == "pipx" || (starts_with(n, "pip3.") && n.size() > 5)) {
    return Manager::Pip;
  }
  if (n == "npm") return Manager::Npm;
  if (n == "yarn") return Manager::Yarn;
  if (n == "gem") return Manager::Gem;
  if (n == "go") return Manager::Go;
  if (n == "cargo") return Manager::Cargo;
  return std::nullopt;
}

bool is_python(std::string_view program) {
  std::string_view n = basename(program);
  if (!starts_with(n, "python")) return false;
  n.remove_prefix(6);
  return std::all_of(n.begin(), n.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)) || c == '.'; });
}

}  // namespace

size_t skip_wrappers(const shell::Command &c) {
  size_t i = 0;
  while (i < c.words.size()) {
    std::string n = word_text(c.words[i]).text;
    std::string_view base = basename(n);
    auto skip_options = [&](const std::vector<std::string_view> &with_value) {
      ++i;
      while (i < c.words.size()) {
        std::string t = word_text(c.words[i]).text;
        if (t == "--") {
          ++i;
          break;
        }
        if (t.size() < 2 || t[0] != '-') break;
        ++i;
        if (contains(with_value, t) && i < c.words.size()) ++i;
      }
    };
    if (base == "sudo") {
      skip_options({"-u", "--user", "-g", "--group", "-C", "-D", "-h", "-p", "-r", "-t", "-U"});
    } else if (base == "env") {
      skip_options({"-u", "--unset", "-C", "--chdir", "-S"});
      while (i < c.words.size() && word_text(c.words[i]).text.find('=') != std::string::npos) ++i;
    } else if (base == "nice" || base == "ionice") {
      skip_options({"-n", "--adjustment", "-c", "--class"});
    } else if (base == "nohup" || base == "command" || base == "exec" || base == "eatmydata") {
      skip_options({});
    } else if (base == "time") {
      skip_options({"-f", "--format", "-o", "--output"});
    } else if (base == "xargs") {
      skip_options({"-a", "-d", "-E", "-I", "-L", "-n", "-P", "-s", "--arg-file", "--delimiter", "--max-args",
                    "--max-procs", "--max-chars"});
    } else if (base == "timeout") {
      skip_options({"-k", "--kill-after", "-s", "--signal"});
      if (i < c.words.size()) ++i;  // the duration
    } else {
      break;
    }
  }
  return i;
}

const std::vector<ManagerInfo> &all_managers() {
  static const std::vector<ManagerInfo> k_table = make_table();
  return k_table;
}

const ManagerInfo &info(Manager m) {
  for (const auto &i : all_managers()) {
    if (i.manager == m) return i;
  }
  return all_managers().front();
}

WordText word_text(const shell::Word &w) {
  WordText out;
  out.dynamic = !w.substitutions.empty() || !w.bare_references.empty();
  char quote = 0;
  const std::string &raw = w.raw;
  for (size_t i = 0; i < raw.size(); ++i) {
    char ch = raw[i];
    if (quote == '\'') {
      if (ch == '\'') quote = 0;
      else out.text += ch;
      continue;
    }
    if (ch == '\\' && i + 1 < raw.size()) {
      out.text += raw[++i];
      continue;
    }
    if (ch == '"') {
      quote = quote == '"' ? 0 : '"';
      continue;
    }
    if (ch == '\'' && quote == 0) {
      quote = '\'';
      continue;
    }
    if (ch == '$' || ch == '`') out.dynamic = true;
    out.text += ch;
  }
  return out;
}

bool Invocation::installs() const { return !action.empty() && contains(manager->install, action); }

const Option *Invocation::find(std::string_view option) const {
  bool short_letter = option.size() == 2 && option[0] == '-' && option[1] != '-';
  size_t eq_in_option = option.find('=');
  for (const auto &o : options) {
    if (o.text == option) return &o;
    if (eq_in_option != std::string_view::npos) {
      // "--setopt=install_weak_deps=False" given as `--setopt install_weak_deps=False`.
      if (o.text == option.substr(0, eq_in_option) && o.value == option.substr(eq_in_option + 1)) return &o;
      continue;
    }
    if (o.text.size() > option.size() && starts_with(o.text, option) && o.text[option.size()] == '=') return &o;
    if (short_letter && manager->manager != Manager::Go && o.text.size() > 2 && o.text[0] == '-' &&
        o.text[1] != '-' && o.text.find('=') == std::string::npos &&
        std::all_of(o.text.begin() + 1, o.text.end(), [](char c) { return std::isalpha(static_cast<unsigned char>(c)); }) &&
        o.text.find(option[1], 1) != std::string::npos) {
      return &o;
    }
  }
  return nullptr;
}

bool Invocation::has(std::string_view option) const { return find(option) != nullptr; }

bool Invocation::has_any(const std::vector<std::string_view> &list) const {
  return std::any_of(list.begin(), list.end(), [&](std::string_view o) { return has(o); });
}

std::optional<Invocation> read_invocation(const shell::Command &c) {
  size_t program = skip_wrappers(c);
  if (program >= c.words.size()) return std::nullopt;
  std::string name = word_text(c.words[program]).text;
  std::optional<Manager> manager = manager_of_program(name);
  if (!manager && is_python(name)) {
    // python3 -m pip ...
    for (size_t i = program + 1; i + 1 < c.words.size(); ++i) {
      std::string t = word_text(c.words[i]).text;
      if (t == "-m") {
        if (word_text(c.words[i + 1]).text == "pip") {
          program = i + 1;
          manager = Manager::Pip;
        }
        break;
      }
      if (t.empty() || t[0] != '-') break;
    }
  }
  if (!manager) return std::nullopt;

  Invocation inv;
  inv.command = &c;
  inv.manager = &info(*manager);
  inv.program = program;
  bool options_done = false;
  for (size_t i = program + 1; i < c.words.size(); ++i) {
    WordText w = word_text(c.words[i]);
    const std::string &t = w.text;
    bool option = !options_done && t.size() > 1 && t[0] == '-' && !w.dynamic;
    if (!options_done && t == "--") {
      options_done = true;
      continue;
    }
    if (option) {
      Option o;
      o.word = i;
      size_t eq = t.find('=');
      if (eq != std::string::npos && t[1] == '-') {
        o.text = t.substr(0, eq);
        o.value = t.substr(eq + 1);
        // Keep the whole word too, so `-q=2` and `--quiet=2` match exactly.
        if (contains(inv.manager->yes, t) || contains(inv.manager->no_recommends, t)) o.text = t;
      } else {
        o.text = t;
        bool boolean_value = false;
        if (t.size() > 2 && t[1] == '-' && i + 1 < c.words.size()) {
          // `--use-system-libraries true`: a boolean after a long option is its value, not a package.
          std::string next = word_text(c.words[i + 1]).text;
          boolean_value = next == "true" || next == "false";
        }
        if ((contains(inv.manager->value_options, t) || boolean_value) && i + 1 < c.words.size()) {
          o.value_word = i + 1;
          o.value = word_text(c.words[i + 1]).text;
          ++i;
        }
      }
      inv.options.push_back(std::move(o));
      continue;
    }
    if (!inv.subcommand) {
      inv.subcommand = i;
      inv.action = t;
      // Two-word sub-commands.
      if (i + 1 < c.words.size()) {
        std::string next = word_text(c.words[i + 1]).text;
        bool rpm = *manager == Manager::Yum || *manager == Manager::Dnf || *manager == Manager::Microdnf;
        if ((rpm && (t == "group" || t == "groups") && next == "install") || (rpm && t == "module" && next == "install")) {
          inv.action = (t == "module" ? "module " : "group ") + next;
          ++i;
        } else if (*manager == Manager::Yarn && t == "global" && (next == "add" || next == "remove")) {
          inv.action = t + " " + next;
          ++i;
        } else if (*manager == Manager::Go && t == "mod") {
          inv.action = t + " " + next;
          ++i;
        }
      }
      continue;
    }
    inv.operands.push_back(i);
  }
  // `yarn` alone installs the project's dependencies.
  if (*manager == Manager::Yarn && !inv.subcommand) inv.action = "install";
  return inv;
}

bool is_registry_package(const ManagerInfo &m, std::string_view op) {
  if (op.empty()) return false;
  if (op[0] == '.' || op[0] == '/' || op[0] == '~') return false;
  if (op.find("://") != std::string_view::npos || starts_with(op, "git+") || starts_with(op, "git@") ||
      starts_with(op, "file:") || starts_with(op, "http:") || starts_with(op, "https:")) {
    return false;
  }
  switch (m.pin) {
    case PinStyle::AptEquals:
      return !ends_with(op, ".deb");
    case PinStyle::ApkConstraint:
      return !ends_with(op, ".apk");
    case PinStyle::RpmDashVersion:
    case PinStyle::ZypperCapability:
      // `@group`, file provides (`/usr/bin/x`), local rpms.
      return op[0] != '@' && op.find('/') == std::string_view::npos && !ends_with(op, ".rpm");
    case PinStyle::Pep508:
      return op.find('/') == std::string_view::npos && !ends_with(op, ".whl") && !ends_with(op, ".tar.gz") &&
             !ends_with(op, ".zip") && !ends_with(op, ".tgz") && !ends_with(op, ".tar.bz2");
    case PinStyle::At:
      // A remote module path starts with a domain; `std`, `cmd/...`, `tool`, `all` are not remote.
      if (m.manager == Manager::Go) return op.substr(0, op.find('/')).find('.') != std::string_view::npos;
      if (ends_with(op, ".tgz") || ends_with(op, ".tar.gz") || ends_with(op, ".tar") || starts_with(op, "github:") ||
          starts_with(op, "gitlab:") || starts_with(op, "bitbucket:") || starts_with(op, "gist:")) {
        return false;
      }
      // `user/repo` is a GitHub shorthand; `@scope/name` is a registry package.
      return op[0] == '@' || op.find('/') == std::string_view::npos;
    case PinStyle::GemColon:
      return !ends_with(op, ".gem");
  }
  return true;
}

bool is_pinned(const ManagerInfo &m, std::string_view op) {
  switch (m.pin) {
    case PinStyle::AptEquals:
      return op.find('=') != std::string_view::npos;
    case PinStyle::ApkConstraint:
      return op.find_first_of("=~<>") != std::string_view::npos;
    case PinStyle::ZypperCapability:
      if (op.find_first_of("=<>") != std::string_view::npos) return true;
      [[fallthrough]];
    case PinStyle::RpmDashVersion: {
      if (op.find_first_of("=<>") != std::string_view::npos) return true;
      // name-version[-release]: the part after some '-' starts with a digit and the last part
      // is a version or release (`java-11-openjdk` is a name).
      size_t dash = op.rfind('-');
      while (dash != std::string_view::npos) {
        std::string_view rest = op.substr(dash + 1);
        if (!rest.empty() && (std::isdigit(static_cast<unsigned char>(rest[0])) || rest[0] == '*')) {
          std::string_view last = op.substr(op.rfind('-') + 1);
          return !last.empty() && (std::isdigit(static_cast<unsigned char>(last[0])) || last[0] == '*');
        }
        if (dash == 0) break;
        dash = op.rfind('-', dash - 1);
      }
      return false;
    }
    case PinStyle::Pep508:
      return op.find_first_of("=<>@") != std::string_view::npos;
    case PinStyle::At: {
      std::string_view name = op;
      if (!name.empty() && name[0] == '@') name.remove_prefix(1);  // @scope/name
      // `@latest` and `@none` name no version: the next build may get another one.
      if (m.manager == Manager::Go && (ends_with(name, "@latest") || ends_with(name, "@none"))) return false;
      return name.find('@') != std::string_view::npos || name.find('#') != std::string_view::npos;
    }
    case PinStyle::GemColon:
      return op.find(':') != std::string_view::npos;
  }
  return false;
}

}  // namespace msm::analysis::packages
