#include "executor/sandbox.h"

#include <fcntl.h>
#include <grp.h>
#include <poll.h>
#include <sched.h>
#include <signal.h>
#include <sys/mount.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <atomic>
#include <cstring>
#include <fstream>
#include <sstream>
#include <thread>

#include "executor/copy.h"
#include "executor/store.h"
#include "util/error.h"

namespace msm::executor {

namespace {

// Child-side failure: message to the error pipe, then exit. Only used between fork and exec.
[[noreturn]] void child_fail(int err_fd, const std::string &message) {
  ssize_t ignored = write(err_fd, message.data(), message.size());
  (void)ignored;
  _exit(125);
}

std::string errno_text(const std::string &what) { return what + ": " + std::strerror(errno); }

std::string overlay_options(const OverlaySpec &spec) {
  std::string lower;
  for (const auto &l : spec.lowers) lower += (lower.empty() ? "" : ":") + l;
  std::string options = "lowerdir=" + lower;
  if (!spec.upper.empty()) options += ",upperdir=" + spec.upper + ",workdir=" + spec.work;
  options += ",index=off,redirect_dir=off,metacopy=off";
  return options;
}

// A host device node onto a file of our own /dev tmpfs (no path of the image involved).
void bind_device(const std::string &source, const std::string &target) {
  if (mount(source.c_str(), target.c_str(), nullptr, MS_BIND, nullptr) != 0) {
    throw Error(errno_text("bind mount " + source + " on " + target));
  }
}

std::string proc_path(int fd) { return "/proc/self/fd/" + std::to_string(fd); }

// Mount points inside the image root are made and opened with every path resolved in the root
// (a symlink in the image cannot send a mount or a mkdir to the host); mounting onto the
// /proc/self/fd path of the O_PATH fd mounts onto exactly what was resolved. The fds stay open
// (close-on-exec) until the command runs.
int dir_in_root(int rootfd, const std::string &path) { return make_dir_in_root(rootfd, path, std::nullopt); }

int file_in_root(int rootfd, const std::string &path) {
  std::string parent = path.substr(0, path.rfind('/'));
  int dir = dir_in_root(rootfd, parent.empty() ? "/" : parent);
  close(dir);
  int fd = open_in_root(rootfd, path, O_PATH);
  if (fd >= 0) return fd;
  int created = open_in_root(rootfd, path, O_WRONLY | O_CREAT | O_EXCL, 0644);
  if (created < 0 && errno != EEXIST) throw Error(errno_text("create mount point " + path));
  if (created >= 0) close(created);
  fd = open_in_root(rootfd, path, O_PATH);
  if (fd < 0) throw Error(errno_text("open mount point " + path));
  return fd;
}

// Bind-mounts onto a mount point inside the root, then makes the new mount read-only. The
// remount must name the new mount: the mount point's fd still refers to what it covers, so the
// target is opened again (resolving into the new mount).
void bind_in_root(int rootfd, const std::string &source, const std::string &target, int mount_point_fd,
                  bool readonly, bool recursive = false) {
  if (mount(source.c_str(), proc_path(mount_point_fd).c_str(), nullptr, MS_BIND | (recursive ? MS_REC : 0), nullptr) != 0) {
    throw Error(errno_text("bind mount " + source + " on " + target));
  }
  if (!readonly) return;
  int fd = open_in_root(rootfd, target, O_PATH);
  if (fd < 0 || mount(nullptr, proc_path(fd).c_str(), nullptr, MS_BIND | MS_REMOUNT | MS_RDONLY, nullptr) != 0) {
    throw Error(errno_text("read-only remount of " + target));
  }
  close(fd);
}

// A mount point of the kind the source is (directory or file).
int mount_point_for(int rootfd, const std::string &target, bool directory) {
  return directory ? dir_in_root(rootfd, target) : file_in_root(rootfd, target);
}

void write_all(int fd, const std::string &data, const std::string &what) {
  size_t done = 0;
  while (done < data.size()) {
    ssize_t n = write(fd, data.data() + done, data.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) throw Error(errno_text("write " + what));
    done += static_cast<size_t>(n);
  }
}

void mount_one(const RunSpec &spec, int rootfd, const RunMount &m) {
  switch (m.type) {
    case RunMount::Type::Tmpfs: {
      int fd = dir_in_root(rootfd, m.target);
      if (mount("tmpfs", proc_path(fd).c_str(), "tmpfs", MS_NOSUID | MS_NODEV, "mode=1777") != 0) {
        throw Error(errno_text("mount tmpfs on " + m.target));
      }
      return;
    }
    case RunMount::Type::Secret: {
      // The file lives on a tmpfs private to this mount namespace: the secret never touches a
      // disk, and once the tmpfs is detached only the bind on the target still shows it.
      if (mount("tmpfs", m.scratch.c_str(), "tmpfs", MS_NOSUID | MS_NODEV | MS_NOEXEC, "mode=0700,size=1m") != 0) {
        throw Error(errno_text("mount tmpfs for secret " + m.target));
      }
      std::string file = m.scratch + "/secret";
      int out = open(file.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
      if (out < 0) throw Error(errno_text("create secret " + m.target));
      write_all(out, m.content, "secret " + m.target);
      if (fchown(out, m.uid, m.gid) != 0 || fchmod(out, m.mode) != 0) throw Error(errno_text("secret " + m.target));
      close(out);
      bind_in_root(rootfd, file, m.target, file_in_root(rootfd, m.target), true);
      umount2(m.scratch.c_str(), MNT_DETACH);
      return;
    }
    case RunMount::Type::Ssh: {
      bind_in_root(rootfd, m.source, m.target, file_in_root(rootfd, m.target), false);
      return;
    }
    case RunMount::Type::Bind:
    case RunMount::Type::Cache:
      break;
  }
  std::string source = m.source;
  int source_fd = -1;
  if (!m.from_lowers.empty()) {
    // from= a stage or an image: its layers as an overlay beside the root; rw writes go to a
    // throwaway upper dir.
    std::string merged = m.scratch + "/merged", upper = m.scratch + "/upper", work = m.scratch + "/work";
    for (const auto &d : {merged, upper, work}) mkdir(d.c_str(), 0755);
    mount_overlay({spec.root.base, m.from_lowers, m.readonly ? "" : upper, m.readonly ? "" : work}, merged);
    int from_root = open(merged.c_str(), O_PATH | O_DIRECTORY | O_CLOEXEC);
    if (from_root < 0) throw Error(errno_text("open " + merged));
    source_fd = open_in_root(from_root, m.source, O_PATH);
    if (source_fd < 0) throw Error(errno_text("--mount source " + (m.source.empty() ? "/" : m.source)));
    source = proc_path(source_fd);
  }
  struct stat st;
  if (stat(source.c_str(), &st) != 0) throw Error(errno_text("--mount source " + m.source));
  int fd = mount_point_for(rootfd, m.target, S_ISDIR(st.st_mode));
  // A from= overlay with an upper is writable and thrown away; without one it is ro already.
  bind_in_root(rootfd, source, m.target, fd, m.readonly && m.from_lowers.empty(), true);
}

void setup_dev(const std::string &root) {
  std::string dev = root + "/dev";
  if (mount("tmpfs", dev.c_str(), "tmpfs", MS_NOSUID | MS_NOEXEC, "mode=755,size=65536k") != 0) {
    throw Error(errno_text("mount tmpfs on /dev"));
  }
  for (const char *name : {"null", "zero", "full", "random", "urandom", "tty"}) {
    std::string target = dev + "/" + name;
    int fd = open(target.c_str(), O_WRONLY | O_CREAT | O_CLOEXEC, 0666);
    if (fd >= 0) close(fd);
    bind_device(std::string("/dev/") + name, target);
  }
  for (const char *d : {"/pts", "/shm", "/mqueue"}) mkdir((dev + d).c_str(), 0755);
  mount("devpts", (dev + "/pts").c_str(), "devpts", MS_NOSUID | MS_NOEXEC, "newinstance,ptmxmode=0666,mode=0620,gid=5");
  mount("shm", (dev + "/shm").c_str(), "tmpfs", MS_NOSUID | MS_NOEXEC | MS_NODEV, "mode=1777,size=65536k");
  symlink("pts/ptmx", (dev + "/ptmx").c_str());
  symlink("/proc/self/fd", (dev + "/fd").c_str());
  symlink("/proc/self/fd/0", (dev + "/stdin").c_str());
  symlink("/proc/self/fd/1", (dev + "/stdout").c_str());
  symlink("/proc/self/fd/2", (dev + "/stderr").c_str());
}

struct Ids {
  uid_t uid = 0;
  gid_t gid = 0;
  std::string home = "/root";
  bool found_home = false;
};

bool all_digits(const std::string &s) { return !s.empty() && s.find_first_not_of("0123456789") == std::string::npos; }

// USER as runc resolves it, against the image's own /etc/passwd and /etc/group.
Ids resolve_user(const std::string &spec) {
  Ids ids;
  std::string user = spec, group;
  if (size_t colon = spec.find(':'); colon != std::string::npos) {
    user = spec.substr(0, colon);
    group = spec.substr(colon + 1);
  }
  bool found = false;
  std::ifstream passwd("/etc/passwd");
  std::string line;
  while (std::getline(passwd, line)) {
    std::vector<std::string> f;
    std::stringstream ss(line);
    std::string part;
    while (std::getline(ss, part, ':')) f.push_back(part);
    if (f.size() < 6) continue;
    if (f[0] == user || (all_digits(user) && f[2] == user)) {
      ids.uid = static_cast<uid_t>(std::stoul(f[2]));
      ids.gid = static_cast<gid_t>(std::stoul(f[3]));
      ids.home = f[5];
      ids.found_home = true;
      found = true;
      break;
    }
  }
  if (!found) {
    if (!all_digits(user)) throw Error("unable to find user " + user + ": no matching entries in passwd file");
    ids.uid = static_cast<uid_t>(std::stoul(user));
    ids.gid = ids.uid == 0 ? 0 : ids.uid;
    ids.home = "/";
  }
  if (!group.empty()) {
    if (all_digits(group)) {
      ids.gid = static_cast<gid_t>(std::stoul(group));
    } else {
      bool gfound = false;
      std::ifstream groups("/etc/group");
      while (std::getline(groups, line)) {
        size_t a = line.find(':'), b = line.find(':', a + 1), c = line.find(':', b + 1);
        if (a == std::string::npos || b == std::string::npos || c == std::string::npos) continue;
        if (line.substr(0, a) == group) {
          ids.gid = static_cast<gid_t>(std::stoul(line.substr(b + 1, c - b - 1)));
          gfound = true;
          break;
        }
      }
      if (!gfound) throw Error("unable to find group " + group + ": no matching entries in group file");
    }
  }
  return ids;
}

std::string find_in_path(const std::string &name, const std::vector<std::string> &env) {
  if (name.find('/') != std::string::npos) return name;
  std::string path = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";
  for (const auto &e : env) {
    if (e.starts_with("PATH=")) path = e.substr(5);
  }
  std::stringstream ss(path);
  std::string dir;
  while (std::getline(ss, dir, ':')) {
    std::string candidate = (dir.empty() ? "." : dir) + "/" + name;
    if (access(candidate.c_str(), X_OK) == 0) return candidate;
  }
  return name;
}

// PR_SET_PDEATHSIG only covers a parent that dies after the call: a child forked just before
// msmigrate is killed must notice by itself, or it would run its command with no one waiting.
void die_with_parent(pid_t parent) {
  prctl(PR_SET_PDEATHSIG, SIGKILL);
  if (getppid() != parent) _exit(125);
}

// PID 1 of the new pid namespace: builds the root and execs the command. `outer_alive` is the
// read end of a pipe only the outer process writes to: getppid() is 0 in a new pid namespace,
// so a hang-up there is how a dead parent shows.
[[noreturn]] void container_main(const RunSpec &spec, int output_fd, int err_fd, int outer_alive) {
  try {
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    pollfd alive{outer_alive, POLLIN, 0};
    if (poll(&alive, 1, 0) > 0 && (alive.revents & (POLLHUP | POLLERR))) _exit(125);
    close(outer_alive);
    if (mount(nullptr, "/", nullptr, MS_REC | MS_PRIVATE, nullptr) != 0) throw Error(errno_text("make / private"));
    mount_overlay(spec.root, spec.merged);
    const std::string &root = spec.merged;
    if (mount("proc", (root + "/proc").c_str(), "proc", MS_NOSUID | MS_NOEXEC | MS_NODEV, nullptr) != 0) {
      throw Error(errno_text("mount /proc"));
    }
    setup_dev(root);
    if (mount("sysfs", (root + "/sys").c_str(), "sysfs", MS_NOSUID | MS_NOEXEC | MS_NODEV | MS_RDONLY, nullptr) != 0) {
      if (mount("/sys", (root + "/sys").c_str(), nullptr, MS_BIND | MS_REC, nullptr) == 0) {
        mount(nullptr, (root + "/sys").c_str(), nullptr, MS_BIND | MS_REMOUNT | MS_RDONLY, nullptr);
      }
    }
    int rootfd = open(root.c_str(), O_DIRECTORY | O_RDONLY | O_CLOEXEC);
    if (rootfd < 0) throw Error(errno_text("open " + root));
    bind_in_root(rootfd, spec.hosts_file, "/etc/hosts", file_in_root(rootfd, "/etc/hosts"), true);
    bind_in_root(rootfd, spec.resolv_file, "/etc/resolv.conf", file_in_root(rootfd, "/etc/resolv.conf"), true);
    for (const auto &m : spec.mounts) mount_one(spec, rootfd, m);
    sethostname(spec.hostname.data(), spec.hostname.size());
    if (spec.workdir != "/") close(dir_in_root(rootfd, spec.workdir));
    if (fchdir(rootfd) != 0) throw Error(errno_text("enter " + root));
    if (syscall(SYS_pivot_root, ".", ".") == 0) {
      umount2(".", MNT_DETACH);
    } else if (chroot(".") != 0) {
      throw Error(errno_text("pivot_root and chroot into the image root"));
    }
    if (chdir("/") != 0) throw Error(errno_text("chdir /"));
    Ids ids;
    if (!spec.user.empty() && spec.user != "root") ids = resolve_user(spec.user);
    std::vector<std::string> env = spec.env;
    bool has_home = false;
    for (const auto &e : env) has_home = has_home || e.starts_with("HOME=");
    if (!has_home) {
      if (spec.user.empty() || spec.user == "root") ids.home = "/root";
      env.push_back("HOME=" + ids.home);
    }
    if (chdir(spec.workdir.c_str()) != 0) throw Error(errno_text("chdir to WORKDIR " + spec.workdir));
    gid_t groups[1] = {ids.gid};
    if (setgroups(1, groups) != 0 || setgid(ids.gid) != 0 || setuid(ids.uid) != 0) {
      throw Error(errno_text("switch to user " + spec.user));
    }
    int devnull = open("/dev/null", O_RDONLY);
    if (devnull >= 0) dup2(devnull, 0);
    dup2(output_fd, 1);
    dup2(output_fd, 2);
    std::vector<char *> argv;
    for (const auto &a : spec.argv) argv.push_back(const_cast<char *>(a.c_str()));
    argv.push_back(nullptr);
    std::vector<char *> envp;
    for (const auto &e : env) envp.push_back(const_cast<char *>(e.c_str()));
    envp.push_back(nullptr);
    std::string program = find_in_path(spec.argv.at(0), env);
    execve(program.c_str(), argv.data(), envp.data());
    throw Error(errno_text("cannot run " + spec.argv.at(0) + " in the image"));
  } catch (const std::exception &e) {
    child_fail(err_fd, e.what());
  }
}

int wait_status(pid_t pid) {
  int status = 0;
  while (waitpid(pid, &status, 0) < 0) {
    if (errno != EINTR) return 125;
  }
  if (WIFEXITED(status)) return WEXITSTATUS(status);
  if (WIFSIGNALED(status)) return 128 + WTERMSIG(status);
  return 125;
}

std::string read_all(int fd) {
  std::string out;
  char buf[4096];
  ssize_t n;
  while ((n = read(fd, buf, sizeof buf)) > 0 || (n < 0 && errno == EINTR)) {
    if (n > 0) out.append(buf, static_cast<size_t>(n));
  }
  return out;
}

}  // namespace

namespace {

std::string mount_error(const std::string &target, int err) {
  std::string hint = err == ENODEV ? " (overlayfs is not available: load the overlay module)"
                     : err == EPERM ? " (no permission to mount: run as root)"
                                    : "";
  return "cannot mount overlayfs on " + target + ": " + std::strerror(err) + hint;
}

// overlayfs stacks at most 500 lower dirs (OVL_MAX_STACK).
constexpr size_t k_max_lowers = 500;

}  // namespace

void mount_overlay(const OverlaySpec &spec, const std::string &target) {
  if (spec.lowers.size() > k_max_lowers) {
    throw Error("cannot stack " + std::to_string(spec.lowers.size()) + " layers: overlayfs takes at most " +
                std::to_string(k_max_lowers) + "; merge RUN steps or squash the base image");
  }
  if (!spec.base.empty() && chdir(spec.base.c_str()) != 0) throw Error(errno_text("chdir " + spec.base));
  unsigned long flags = spec.upper.empty() ? MS_RDONLY : 0;
  std::string options = overlay_options(spec);
  if (options.size() < 4000) {
    if (mount("overlay", target.c_str(), "overlay", flags, options.c_str()) != 0) {
      throw Error(mount_error(target, errno));
    }
    return;
  }
  // mount(2) takes its options in one page, about 50 of our layer paths. Deeper stacks name
  // their lower dirs through a directory of short symlinks ("0", "1", …, resolved by overlayfs
  // at mount time), as Docker's overlay2 does with l/: 2–4 bytes a layer, so the page holds
  // more than the 500 overlayfs allows, on any kernel (lowerdir+ would need Linux ≥ 6.8).
  static std::atomic<unsigned> counter{0};
  std::string parent = target.substr(0, target.rfind('/'));
  std::string links = (parent.empty() ? "" : parent) + "/.lowers-" + std::to_string(getpid()) + "-" +
                      std::to_string(counter++);
  if (mkdir(links.c_str(), 0700) != 0) throw Error(errno_text("mkdir " + links));
  auto cleanup = [&] {
    for (size_t i = 0; i < spec.lowers.size(); ++i) unlinkat(AT_FDCWD, (links + "/" + std::to_string(i)).c_str(), 0);
    rmdir(links.c_str());
  };
  OverlaySpec short_spec = spec;
  for (size_t i = 0; i < spec.lowers.size(); ++i) {
    const std::string &lower = spec.lowers[i];
    std::string absolute = lower.starts_with("/") || spec.base.empty() ? lower : spec.base + "/" + lower;
    std::string name = std::to_string(i);
    if (symlink(absolute.c_str(), (links + "/" + name).c_str()) != 0) {
      int err = errno;
      cleanup();
      errno = err;
      throw Error(errno_text("symlink " + links + "/" + name));
    }
    short_spec.lowers[i] = name;
  }
  for (std::string *dir : {&short_spec.upper, &short_spec.work}) {
    if (!dir->empty() && !dir->starts_with("/")) *dir = spec.base + "/" + *dir;
  }
  options = overlay_options(short_spec);
  if (chdir(links.c_str()) != 0) {
    int err = errno;
    cleanup();
    throw Error("cannot chdir into " + links + ": " + std::strerror(err));
  }
  int err = mount("overlay", target.c_str(), "overlay", flags, options.c_str()) == 0 ? 0 : errno;
  cleanup();
  if (!spec.base.empty() && chdir(spec.base.c_str()) != 0) err = err ? err : errno;
  if (err) throw Error(mount_error(target, err));
}

int run_in_sandbox(const RunSpec &spec, int output_fd) {
  int err_pipe[2], status_pipe[2];
  if (pipe2(err_pipe, O_CLOEXEC) != 0 || pipe2(status_pipe, O_CLOEXEC) != 0) throw Error(errno_text("pipe"));
  pid_t parent = getpid();
  pid_t outer = fork();
  if (outer < 0) throw Error(errno_text("fork"));
  if (outer == 0) {
    close(err_pipe[0]);
    close(status_pipe[0]);
    die_with_parent(parent);
    int flags = CLONE_NEWNS | CLONE_NEWPID | CLONE_NEWUTS | CLONE_NEWIPC;
    if (spec.network_none) flags |= CLONE_NEWNET;
    if (unshare(flags) != 0) {
      child_fail(err_pipe[1], std::string("cannot create namespaces for RUN: ") + std::strerror(errno) +
                                  (errno == EPERM ? " (run msmigrate build as root)" : ""));
    }
    int alive[2];
    if (pipe2(alive, O_CLOEXEC) != 0) child_fail(err_pipe[1], errno_text("pipe"));
    pid_t inner = fork();
    if (inner < 0) child_fail(err_pipe[1], errno_text("fork"));
    if (inner == 0) {
      close(alive[1]);
      container_main(spec, output_fd, err_pipe[1], alive[0]);
    }
    close(alive[0]);  // alive[1] stays open until this process exits
    close(err_pipe[1]);
    // Killing PID 1 of the namespace ends every process in it.
    int status = wait_status(inner);
    ssize_t ignored = write(status_pipe[1], &status, sizeof status);
    (void)ignored;
    _exit(status);
  }
  close(err_pipe[1]);
  close(status_pipe[1]);
  std::string setup_error = read_all(err_pipe[0]);
  close(err_pipe[0]);
  int status = 125;
  std::string status_bytes = read_all(status_pipe[0]);
  close(status_pipe[0]);
  if (status_bytes.size() == sizeof status) {
    std::memcpy(&status, status_bytes.data(), sizeof status);
    // The outer process's exit tears down the mount namespace, which waits for an RCU grace
    // period (tens of ms). Its result is already known and its mounts are detached from
    // everything, so it is reaped in the background instead of making every RUN wait.
    std::thread([outer] { wait_status(outer); }).detach();
  } else {
    status = wait_status(outer);
  }
  if (!setup_error.empty()) throw Error(setup_error);
  return status;
}

void run_in_mount_namespace(const std::function<void()> &fn) {
  int err_pipe[2];
  if (pipe2(err_pipe, O_CLOEXEC) != 0) throw Error(errno_text("pipe"));
  pid_t parent = getpid();
  pid_t pid = fork();
  if (pid < 0) throw Error(errno_text("fork"));
  if (pid == 0) {
    close(err_pipe[0]);
    die_with_parent(parent);
    try {
      if (unshare(CLONE_NEWNS) != 0) {
        throw Error(std::string("cannot create a mount namespace: ") + std::strerror(errno) +
                    (errno == EPERM ? " (run msmigrate build as root)" : ""));
      }
      if (mount(nullptr, "/", nullptr, MS_REC | MS_PRIVATE, nullptr) != 0) throw Error(errno_text("make / private"));
      fn();
    } catch (const std::exception &e) {
      child_fail(err_pipe[1], e.what());
    }
    _exit(0);
  }
  close(err_pipe[1]);
  std::string error = read_all(err_pipe[0]);
  close(err_pipe[0]);
  int status = wait_status(pid);
  if (!error.empty()) throw Error(error);
  if (status != 0) throw Error("copy helper process failed with status " + std::to_string(status));
}

void write_network_files(const std::string &dir, const std::string &hostname) {
  write_file_atomically(dir + "/hosts", "127.0.0.1\tlocalhost " + hostname + "\n::1\tlocalhost ip6-localhost ip6-loopback\n");
  std::string resolv;
  try {
    resolv = read_file("/etc/resolv.conf");
  } catch (const Error &) {
    resolv = "";
  }
  write_file_atomically(dir + "/resolv.conf", resolv);
}

}  // namespace msm::executor
