#pragma once
// Package-manager knowledge in one table: which commands are package managers (apt-get/apt,
// apk, yum, dnf, microdnf, zypper, pip/pip3/python -m pip, npm, yarn, gem, go, cargo), their
// install sub-commands, the options meaning "yes", "no cache" and "no recommends", the options
// that take a value (so their value is not read as a package), how a version pin is written and
// where each keeps its cache. read_invocation() reads one shell command with it.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "analysis/shell.h"

namespace msm::analysis::packages {

enum class Manager { AptGet, Apt, Apk, Yum, Dnf, Microdnf, Zypper, Pip, Npm, Yarn, Gem, Go, Cargo };

// How a package argument carries its version.
enum class PinStyle {
  AptEquals,      // apt: name=1.2-1, name=1.2* (also name=${VERSION})
  ApkConstraint,  // apk: name=1.2, name~1.2, name>1.2, name<1.2
  RpmDashVersion, // yum/dnf/microdnf: name-1.2.3, name-1.2-3.el8, name-0:1.2
  ZypperCapability,  // zypper: name=1.2, name>=1.2, name<1.2, name-1.2
  Pep508,         // pip: name==1.0, >=, ~=, !=, <, name @ url
  At,             // npm/yarn/go/cargo: name@1.2 (@scope/name@1.2 for npm)
  GemColon,       // gem: name:1.2 (or the -v/--version option)
};

struct ManagerInfo {
  Manager manager;
  std::string_view name;                     // how messages name it: "apt-get"
  std::vector<std::string_view> install;     // sub-commands that install packages
  std::vector<std::string_view> yes;         // options answering prompts ("-y", "--assume-yes")
  std::vector<std::string_view> no_cache;    // options keeping no download cache
  std::vector<std::string_view> no_recommends;  // options skipping recommended/weak deps
  std::vector<std::string_view> version_options; // options pinning every package (gem -v, cargo --version)
  std::vector<std::string_view> value_options;   // options whose value is the next word
  PinStyle pin;
  std::vector<std::string_view> cache_dirs;  // what the install leaves behind in the image
  // The words after the program that clean that cache ("clean all"), empty when it is a file
  // removal (apt lists: `rm -rf /var/lib/apt/lists/*`).
  std::string_view clean;
};

const ManagerInfo &info(Manager m);
const std::vector<ManagerInfo> &all_managers();

// A word's text with quotes removed, and whether it depends on an expansion (`$X`, `$(...)`).
struct WordText {
  std::string text;
  bool dynamic = false;
};
WordText word_text(const shell::Word &w);

struct Option {
  size_t word = 0;                   // index into Command::words
  std::string text;                  // "-y", "--no-cache", "-o"
  std::optional<size_t> value_word;  // the separate value word, for value options
  std::string value;                 // "--target=x" -> "x", or the value word's text
};

// One package-manager command, e.g. `sudo apt-get -q install -y curl=7.*`.
struct Invocation {
  const shell::Command *command = nullptr;
  const ManagerInfo *manager = nullptr;
  size_t program = 0;                 // word index of the manager's name (`pip` of `python -m pip`)
  std::optional<size_t> subcommand;   // word index of the sub-command ("install", "add")
  std::string action;                 // the sub-command, normalised: "install", "global add",
                                      // "group install", "module install"; "" when none
  std::vector<Option> options;
  std::vector<size_t> operands;       // word indices of the non-option words after the sub-command

  bool installs() const;              // action is one of the manager's install sub-commands
  // Whether an option is given: long options match exactly or as `--name=value`; a one-letter
  // option (`-y`) also matches inside a cluster (`-qy`).
  bool has(std::string_view option) const;
  bool has_any(const std::vector<std::string_view> &options) const;
  const Option *find(std::string_view option) const;
  const shell::Word &word(size_t index) const { return command->words[index]; }
};

// Index of the first word after wrappers (`sudo -E env X=1 nice -n 5 apt-get`): the program run.
size_t skip_wrappers(const shell::Command &c);

// The package-manager invocation a command is, if any. Wrappers are looked through (sudo, env,
// nice, nohup, time, command, exec, xargs, timeout, eatmydata), and `python -m pip`.
std::optional<Invocation> read_invocation(const shell::Command &c);

// Whether an operand of an install names a registry package (rather than a local file, a
// directory, an archive, a URL or a VCS reference), given its text.
bool is_registry_package(const ManagerInfo &m, std::string_view operand);
// Whether a registry package operand carries a version, in the manager's pin style.
bool is_pinned(const ManagerInfo &m, std::string_view operand);

}  // namespace msm::analysis::packages
