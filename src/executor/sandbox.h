#pragma once
// Running things over an overlayfs root in fresh namespaces. RUN gets a child in new mount, pid,
// uts and ipc namespaces (and net with --network=none); COPY/ADD get a child with only a private
// mount namespace. Mounts live and die with those namespaces: a killed build leaves none behind.

#include <functional>
#include <string>
#include <vector>

namespace msm::executor {

struct OverlaySpec {
  std::string base;                 // directory the lower paths are relative to (keeps options short)
  std::vector<std::string> lowers;  // topmost first, relative to base or absolute
  std::string upper;                // empty: a read-only overlay
  std::string work;
};

struct RunMount {
  enum class Type { Bind, Cache, Tmpfs, Secret, Ssh } type = Type::Bind;
  std::string source;  // host path (bind, cache), agent socket (ssh); a path inside from_lowers
  std::string target;  // absolute path in the container
  bool readonly = false;
  // Bind from a stage or image: its layers (topmost first, relative to RunSpec::root.base) as an
  // overlay, read-only, or over a throwaway upper dir when !readonly.
  std::vector<std::string> from_lowers;
  std::string scratch;  // an empty host directory the mount may use (from_lowers, secret)
  // Secret: a file with this content, mode and owner on a private tmpfs; never on disk.
  std::string content;
  unsigned mode = 0400;
  unsigned uid = 0;
  unsigned gid = 0;
};

struct RunSpec {
  OverlaySpec root;
  std::string merged;  // empty mount point directory
  std::vector<std::string> argv;
  std::vector<std::string> env;
  std::string workdir = "/";
  std::string user;  // "" or "root": uid 0
  bool network_none = false;
  std::vector<RunMount> mounts;
  std::string hosts_file;
  std::string resolv_file;
  std::string hostname = "msmigrate";
};

// Runs the command; its stdout and stderr go to `output_fd`. Returns the exit status
// (128 + signal when killed). Setup failures (no namespaces, no overlayfs, unknown user)
// throw msm::Error with what to do.
int run_in_sandbox(const RunSpec &spec, int output_fd);

// Runs `fn` in a forked child with a private mount namespace. An msm::Error thrown by `fn`
// is rethrown here with its message. The child may mount freely.
void run_in_mount_namespace(const std::function<void()> &fn);

// Mounts an overlay at `target` (in the calling process's mount namespace).
void mount_overlay(const OverlaySpec &spec, const std::string &target);

// Writes the /etc/hosts and /etc/resolv.conf a RUN sees (resolv.conf copied from the host).
void write_network_files(const std::string &dir, const std::string &hostname);

}  // namespace msm::executor
