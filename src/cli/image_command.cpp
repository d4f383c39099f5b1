// `msmigrate image import|load|save|ls|inspect|rm|tag|prune|pull|push`: the embedded image store;
// `msmigrate login|logout`: registry credentials.

#include <unistd.h>

#include <cstdio>
#include <iostream>
#include <memory>

#include "executor/digest.h"
#include "analysis/image_ref.h"
#include "executor/image.h"
#include "executor/pull.h"
#include "executor/push.h"
#include "executor/store.h"
#include "cli/cli.h"
#include "cli/registry_options.h"
#include "registry/client.h"
#include "util/error.h"
#include "util/units.h"

namespace msm::cli {

void register_image(CLI::App &app, int &exit_code) {
  auto *image = app.add_subcommand("image", "Manage the embedded image store (pull, push, import, load, save, ls, inspect, rm)");
  image->require_subcommand(1);
  image->fallthrough();  // `image ls --store DIR` as well as `image --store DIR ls`
  auto store_flag = std::make_shared<std::string>();
  image->add_option("--store", *store_flag, "Store directory (default $MSMIGRATE_STORE or $XDG_DATA_HOME/msmigrate)");
  auto open_store = [store_flag] { return executor::Store(executor::Store::default_root(*store_flag)); };

  {
    auto *cmd = image->add_subcommand("import", "Make a one-layer image from a rootfs directory or tar");
    auto path = std::make_shared<std::string>();
    auto tag = std::make_shared<std::string>();
    auto changes = std::make_shared<std::vector<std::string>>();
    auto message = std::make_shared<std::string>();
    cmd->add_option("path", *path, "Rootfs directory or tar (gzip/bzip2/xz/zstd)")->required();
    cmd->add_option("-t,--tag", *tag, "Reference to tag the image with, e.g. localhost/busybox-static:1.35")->required();
    cmd->add_option("-c,--change", *changes, "Dockerfile instruction for the config (CMD, ENV, ENTRYPOINT, ...)");
    cmd->add_option("-m,--message", *message, "History comment");
    cmd->callback([=, &exit_code] {
      executor::Store store = open_store();
      executor::FileLock lock(store.store_lock_path(), false);
      executor::Image img = executor::import_rootfs(store, *path, *changes, *message);
      store.tag(*tag, img.manifest_digest);
      std::cout << executor::normalize_reference(*tag) << " " << img.config_digest << "\n";
      exit_code = k_exit_ok;
    });
  }
  {
    auto *cmd = image->add_subcommand("load", "Load a docker save archive or OCI layout (tar or directory; - is stdin)");
    auto path = std::make_shared<std::string>();
    auto tag = std::make_shared<std::string>();
    cmd->add_option("path", *path, "Archive, OCI layout directory, or - for stdin")->required();
    cmd->add_option("-t,--tag", *tag, "Tag the loaded image with this reference instead of the archive's names");
    cmd->callback([=, &exit_code] {
      executor::Store store = open_store();
      executor::FileLock lock(store.store_lock_path(), false);
      for (const auto &name : executor::load_archive(store, *path, *tag)) {
        if (name.starts_with("sha256:")) {
          // Untagged images are garbage to `image prune`: say how to keep one.
          std::cout << "Loaded image ID: " << name << " (the archive names no repository; use --tag REF to keep it)\n";
        } else {
          std::cout << "Loaded image: " << name << "\n";
        }
      }
      exit_code = k_exit_ok;
    });
  }
  {
    auto *cmd = image->add_subcommand("save", "Write an image as one tar that is an OCI layout and a docker archive");
    auto ref = std::make_shared<std::string>();
    auto out = std::make_shared<std::string>();
    cmd->add_option("reference", *ref, "Image to save")->required();
    cmd->add_option("-o,--output", *out, "File to write (- for stdout)")->required();
    cmd->callback([=, &exit_code] {
      executor::Store store = open_store();
      executor::FileLock lock(store.store_lock_path(), false);
      if (*out == "-" && isatty(1)) throw Error("refusing to write an image archive to a terminal: use -o FILE");
      executor::save_archive(store, *ref, *out);
      exit_code = k_exit_ok;
    });
  }
  {
    auto *cmd = image->add_subcommand("ls", "List tagged images");
    auto quiet = std::make_shared<bool>(false);
    cmd->add_flag("-q,--quiet", *quiet, "Only references");
    cmd->callback([=, &exit_code] {
      executor::Store store = open_store();
      if (!*quiet) std::printf("%-50s %-14s %7s %12s\n", "REFERENCE", "IMAGE ID", "LAYERS", "SIZE");
      for (const auto &[ref, digest] : store.tags()) {
        if (*quiet) {
          std::cout << ref << "\n";
          continue;
        }
        executor::Image img = executor::read_image(store, digest);
        uint64_t size = 0;
        for (const auto &l : img.layers) size += l.size;
        std::printf("%-50s %-14s %7zu %12s\n", ref.c_str(), executor::digest_hex(img.config_digest).substr(0, 12).c_str(),
                    img.layers.size(), util::human_bytes(size).c_str());
      }
      exit_code = k_exit_ok;
    });
  }
  {
    auto *cmd = image->add_subcommand("inspect", "Show an image's manifest digest, layers (sizes) and config as JSON");
    auto ref = std::make_shared<std::string>();
    cmd->add_option("reference", *ref, "Image reference, manifest digest or image ID prefix")->required();
    cmd->callback([=, &exit_code] {
      executor::Store store = open_store();
      executor::Image img = executor::find_image(store, *ref);
      executor::Json out;
      out["Id"] = img.config_digest;
      out["ManifestDigest"] = img.manifest_digest;
      out["RepoTags"] = executor::Json::array();
      for (const auto &[r, d] : store.tags()) {
        if (d == img.manifest_digest) out["RepoTags"].push_back(r);
      }
      out["Layers"] = executor::Json::array();
      uint64_t total = 0, total_uncompressed = 0;
      for (const auto &l : img.layers) {
        out["Layers"].push_back({{"digest", l.digest}, {"diff_id", l.diff_id}, {"mediaType", l.media_type},
                                 {"size", l.size}, {"uncompressed_size", l.uncompressed_size}});
        total += l.size;
        total_uncompressed += l.uncompressed_size;
      }
      out["Size"] = total;
      out["UncompressedSize"] = total_uncompressed;
      out["Config"] = img.config;
      std::cout << out.dump(2) << "\n";
      exit_code = k_exit_ok;
    });
  }
  {
    auto *cmd = image->add_subcommand("rm", "Remove image tags (blobs go with `image prune`)");
    auto refs = std::make_shared<std::vector<std::string>>();
    cmd->add_option("reference", *refs, "Image references")->required();
    cmd->callback([=, &exit_code] {
      executor::Store store = open_store();
      bool missing = false;
      for (const auto &r : *refs) {
        if (store.untag(r)) {
          std::cout << "Untagged: " << executor::normalize_reference(r) << "\n";
        } else {
          std::cerr << "msmigrate: error: no image '" << r << "' in the store " << store.root() << "\n";
          missing = true;
        }
      }
      exit_code = missing ? k_exit_usage : k_exit_ok;
    });
  }
  {
    auto *cmd = image->add_subcommand("tag", "Give an image another reference");
    auto src = std::make_shared<std::string>();
    auto dst = std::make_shared<std::string>();
    cmd->add_option("source", *src, "Existing image")->required();
    cmd->add_option("target", *dst, "New reference")->required();
    cmd->callback([=, &exit_code] {
      executor::Store store = open_store();
      executor::Image img = executor::find_image(store, *src);
      store.tag(*dst, img.manifest_digest);
      exit_code = k_exit_ok;
    });
  }
  {
    auto *cmd = image->add_subcommand("pull", "Pull an image from a registry into the store");
    auto ref = std::make_shared<std::string>();
    auto args = std::make_shared<RegistryArgs>();
    cmd->add_option("reference", *ref, "Image, e.g. golang:1.16, ghcr.io/o/r:v1, localhost:5000/app@sha256:...")->required();
    cmd->add_option("--platform", args->platform, "os/arch[/variant] to pick from a multi-platform image (default: this machine's)");
    cmd->add_flag("-q,--quiet", args->quiet, "No progress; print only the manifest digest");
    add_registry_options(*cmd, *args);
    cmd->callback([=, &exit_code] {
      executor::Store store = open_store();
      executor::FileLock lock(store.store_lock_path(), false);
      executor::PullResult r = executor::pull_image(store, *ref, args->pull_options(), std::cerr);
      std::cout << (args->quiet ? r.image.manifest_digest : r.reference + " " + r.image.manifest_digest) << "\n";
      exit_code = k_exit_ok;
    });
  }
  {
    auto *cmd = image->add_subcommand("push", "Push an image of the store to a registry");
    auto ref = std::make_shared<std::string>();
    auto dest = std::make_shared<std::string>();
    auto args = std::make_shared<RegistryArgs>();
    cmd->add_option("reference", *ref, "Image in the store")->required();
    cmd->add_option("destination", *dest, "Where to push it (default: the image's own reference)");
    cmd->add_flag("-q,--quiet", args->quiet, "No progress; print only the manifest digest");
    add_registry_options(*cmd, *args);
    cmd->callback([=, &exit_code] {
      executor::Store store = open_store();
      executor::FileLock lock(store.store_lock_path(), false);
      executor::PushResult r = executor::push_image(store, *ref, *dest, args->pull_options(), std::cerr);
      std::cout << (args->quiet ? r.digest : r.reference + " " + r.digest) << "\n";
      exit_code = k_exit_ok;
    });
  }
  {
    auto *cmd = image->add_subcommand("prune", "Remove blobs, extracted layers and temp files no tag needs");
    auto all = std::make_shared<bool>(false);
    cmd->add_flag("-a,--all", *all, "Also drop the build cache");
    cmd->callback([=, &exit_code] {
      executor::Store store = open_store();
      executor::FileLock lock(store.store_lock_path(), true);
      uint64_t freed = store.prune(!*all);
      std::cout << "Freed " << util::human_bytes(freed) << "\n";
      exit_code = k_exit_ok;
    });
  }
}

void register_login(CLI::App &app, int &exit_code) {
  {
    auto *cmd = app.add_subcommand("login", "Check credentials with a registry and store them (Docker config or its credential helper)");
    struct Args {
      std::string server;
      std::string username;
      std::string password;
      bool password_stdin = false;
      RegistryArgs registry;
    };
    auto a = std::make_shared<Args>();
    cmd->add_option("server", a->server, "Registry host[:port] (default docker.io)");
    cmd->add_option("-u,--username", a->username, "User name")->required();
    cmd->add_option("-p,--password", a->password, "Password (visible to other users in ps: prefer --password-stdin)");
    cmd->add_flag("--password-stdin", a->password_stdin, "Read the password from stdin");
    add_registry_options(*cmd, a->registry);
    cmd->callback([a, &exit_code] {
      std::string domain = a->server.empty() ? std::string(analysis::k_docker_hub) : a->server;
      for (std::string prefix : {"https://", "http://"}) {
        if (domain.starts_with(prefix)) domain = domain.substr(prefix.size());
      }
      domain = domain.substr(0, domain.find('/'));
      if (domain == "index.docker.io" || domain == "registry-1.docker.io") domain = analysis::k_docker_hub;
      registry::Credential credential;
      credential.username = a->username;
      credential.password = a->password;
      if (a->password_stdin) {
        if (!a->password.empty()) throw Error("--password and --password-stdin: give one");
        std::getline(std::cin, credential.password);
        if (!credential.password.empty() && credential.password.back() == '\r') credential.password.pop_back();
      }
      if (credential.password.empty()) throw Error("login " + domain + ": no password (use --password-stdin)");
      credential.source = "the command line";
      executor::PullOptions options = a->registry.pull_options();
      registry::Session session(options.registry);
      session.set_credential(domain, credential);
      registry::Endpoint endpoint = registry::endpoints_for(domain, options.registry).back();
      session.check_login(endpoint);
      std::string where = registry::store_credential(domain, credential, options.registry.credentials);
      std::cerr << "Login Succeeded (credentials for " << domain << " stored in " << where << ")\n";
      exit_code = k_exit_ok;
    });
  }
  {
    auto *cmd = app.add_subcommand("logout", "Remove a registry's stored credentials");
    auto server = std::make_shared<std::string>();
    auto args = std::make_shared<RegistryArgs>();
    cmd->add_option("server", *server, "Registry host[:port] (default docker.io)");
    cmd->add_option("--authfile", args->auth_file, "Credentials file (default: REGISTRY_AUTH_FILE, else the Docker config)");
    cmd->callback([=, &exit_code] {
      std::string domain = server->empty() ? std::string(analysis::k_docker_hub) : *server;
      registry::CredentialOptions options;
      options.auth_file = args->auth_file;
      std::string where = registry::erase_credential(domain, options);
      if (where.empty()) {
        std::cerr << "Not logged in to " << domain << "\n";
      } else {
        std::cerr << "Removed the credentials for " << domain << " from " << where << "\n";
      }
      exit_code = k_exit_ok;
    });
  }
}

}  // namespace msm::cli
