#include "registry/auth.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cctype>
#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "util/error.h"
#include "util/files.h"

extern char **environ;

namespace msm::registry {

namespace {

using Json = nlohmann::ordered_json;

constexpr std::string_view k_hub_key = "https://index.docker.io/v1/";

std::string env(const char *name) {
  const char *v = std::getenv(name);
  return v ? v : "";
}

std::string home() { return env("HOME"); }

// Files in the order containers/image reads them (getAuthFilePaths); Docker's config last.
std::vector<std::string> auth_files(const CredentialOptions &options) {
  if (!options.auth_file.empty()) return {options.auth_file};
  if (std::string f = env("REGISTRY_AUTH_FILE"); !f.empty()) return {f};
  std::vector<std::string> out;
  if (std::string run = env("XDG_RUNTIME_DIR"); !run.empty()) out.push_back(run + "/containers/auth.json");
  std::string config_home = env("XDG_CONFIG_HOME");
  if (config_home.empty() && !home().empty()) config_home = home() + "/.config";
  if (!config_home.empty()) out.push_back(config_home + "/containers/auth.json");
  if (std::string docker = env("DOCKER_CONFIG"); !docker.empty()) out.push_back(docker + "/config.json");
  else if (!home().empty()) out.push_back(home() + "/.docker/config.json");
  return out;
}

std::optional<Json> read_json_file(const std::string &path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream ss;
  ss << in.rdbuf();
  if (ss.str().find_first_not_of(" \t\r\n") == std::string::npos) return Json::object();
  Json j = Json::parse(ss.str(), nullptr, false);
  if (j.is_discarded() || !j.is_object()) throw Error(path + ": not a valid JSON credentials file");
  return j;
}

// `auths` keys may carry a scheme and a legacy path ("https://host/v1/").
std::string key_host(std::string key) {
  if (size_t s = key.find("://"); s != std::string::npos) key = key.substr(s + 3);
  return key.substr(0, key.find('/'));
}

bool is_hub(std::string_view domain) { return domain == "docker.io"; }

// The `auths` entry for the domain; Docker Hub answers to each of its names.
const Json *auths_entry(const Json &file, std::string_view domain) {
  if (!file.contains("auths") || !file["auths"].is_object()) return nullptr;
  for (const auto &[key, value] : file["auths"].items()) {
    std::string host = key_host(key);
    bool match = host == domain || (is_hub(domain) && (host == "index.docker.io" || host == "registry-1.docker.io" || host == "docker.io"));
    if (match && value.is_object()) return &value;
  }
  return nullptr;
}

std::optional<std::string> helper_for(const Json &file, std::string_view domain) {
  if (file.contains("credHelpers") && file["credHelpers"].is_object()) {
    for (const auto &[key, value] : file["credHelpers"].items()) {
      std::string host = key_host(key);
      if ((host == domain || (is_hub(domain) && host == "index.docker.io")) && value.is_string()) return value.get<std::string>();
    }
  }
  if (file.contains("credsStore") && file["credsStore"].is_string() && !file["credsStore"].get<std::string>().empty()) {
    return file["credsStore"].get<std::string>();
  }
  return std::nullopt;
}

struct HelperResult {
  int status = -1;
  std::string output;
};

// docker-credential-NAME ACTION with `input` on stdin, without a shell; stderr is dropped (a
// helper may echo what it was given). A helper that hangs is killed after 30 s.
HelperResult run_helper(const std::string &name, const std::string &action, const std::string &input) {
  std::string program = "docker-credential-" + name;
  int in_pipe[2], out_pipe[2];
  if (pipe2(in_pipe, O_CLOEXEC) != 0) throw Error("cannot run " + program + ": " + std::strerror(errno));
  if (pipe2(out_pipe, O_CLOEXEC) != 0) {
    close(in_pipe[0]);
    close(in_pipe[1]);
    throw Error("cannot run " + program + ": " + std::strerror(errno));
  }
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, in_pipe[0], 0);
  posix_spawn_file_actions_adddup2(&actions, out_pipe[1], 1);
  posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
  std::vector<char *> argv{program.data(), const_cast<char *>(action.c_str()), nullptr};
  pid_t pid = -1;
  int rc = posix_spawnp(&pid, program.c_str(), &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  close(in_pipe[0]);
  close(out_pipe[1]);
  if (rc != 0) {
    close(in_pipe[1]);
    close(out_pipe[0]);
    throw Error("cannot run the credential helper " + program + " named in the Docker config: " + std::strerror(rc) +
                " (install it, or remove credsStore/credHelpers from the config)");
  }
  signal(SIGPIPE, SIG_IGN);
  size_t done = 0;
  while (done < input.size()) {
    ssize_t n = write(in_pipe[1], input.data() + done, input.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    done += static_cast<size_t>(n);
  }
  close(in_pipe[1]);
  HelperResult result;
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
  char buf[4096];
  for (;;) {
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now()).count();
    if (left <= 0) {
      kill(pid, SIGKILL);
      break;
    }
    pollfd p{out_pipe[0], POLLIN, 0};
    int ready = poll(&p, 1, static_cast<int>(left));
    if (ready < 0 && errno == EINTR) continue;
    if (ready <= 0) continue;
    ssize_t n = read(out_pipe[0], buf, sizeof buf);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    result.output.append(buf, static_cast<size_t>(n));
  }
  close(out_pipe[0]);
  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  result.status = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  return result;
}

std::optional<Credential> ask_helper(const std::string &name, std::string_view domain) {
  std::string program = "docker-credential-" + name;
  HelperResult r = run_helper(name, "get", credential_key(domain) + "\n");
  if (r.status != 0) {
    // The protocol's "none": not an error, the next file may have some.
    if (r.output.find("credentials not found") != std::string::npos) return std::nullopt;
    // Its output may hold anything it was given; say only that it failed.
    throw Error("the credential helper " + program + " failed for " + std::string(domain) + " (exit " +
                std::to_string(r.status) + ")");
  }
  Json j = Json::parse(r.output, nullptr, false);
  if (j.is_discarded() || !j.is_object()) throw Error("the credential helper " + program + " answered something that is not JSON");
  Credential c;
  c.username = j.value("Username", "");
  std::string secret = j.value("Secret", "");
  if (c.username == "<token>") {
    c.username.clear();
    c.identity_token = secret;
  } else {
    c.password = secret;
  }
  c.source = program;
  if (c.username.empty() && c.password.empty() && c.identity_token.empty()) return std::nullopt;
  return c;
}

std::optional<Credential> from_entry(const Json &entry, const std::string &source) {
  Credential c;
  c.source = source;
  if (entry.contains("auth") && entry["auth"].is_string() && !entry["auth"].get<std::string>().empty()) {
    auto decoded = base64_decode(entry["auth"].get<std::string>());
    size_t colon = decoded ? decoded->find(':') : std::string::npos;
    if (colon == std::string::npos) throw Error(source + ": an `auth` entry is not base64 of user:password");
    c.username = decoded->substr(0, colon);
    c.password = decoded->substr(colon + 1);
    while (!c.password.empty() && c.password.back() == '\0') c.password.pop_back();  // as Docker does
  }
  if (c.username.empty()) c.username = entry.value("username", "");
  if (c.password.empty()) c.password = entry.value("password", "");
  c.identity_token = entry.value("identitytoken", "");
  c.registry_token = entry.value("registrytoken", "");
  if (c.username.empty() && c.password.empty() && c.identity_token.empty() && c.registry_token.empty()) return std::nullopt;
  return c;
}

std::string docker_config_file() {
  if (std::string docker = env("DOCKER_CONFIG"); !docker.empty()) return docker + "/config.json";
  if (home().empty()) throw Error("cannot find the Docker config: set HOME, DOCKER_CONFIG or --authfile");
  return home() + "/.docker/config.json";
}

}  // namespace

std::vector<Challenge> parse_challenges(const std::vector<std::string> &headers) {
  std::vector<Challenge> out;
  auto is_token = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || std::strchr("!#$%&'*+-.^_`|~", c); };
  for (const std::string &h : headers) {
    size_t i = 0;
    while (i < h.size()) {
      while (i < h.size() && (h[i] == ' ' || h[i] == '\t' || h[i] == ',')) ++i;
      size_t start = i;
      while (i < h.size() && is_token(h[i])) ++i;
      if (i == start) {
        ++i;  // garbage: skip a character
        continue;
      }
      std::string token = h.substr(start, i - start);
      size_t j = i;
      while (j < h.size() && (h[j] == ' ' || h[j] == '\t')) ++j;
      if (j < h.size() && h[j] == '=' && !out.empty()) {
        i = j + 1;
        while (i < h.size() && (h[i] == ' ' || h[i] == '\t')) ++i;
        std::string value;
        if (i < h.size() && h[i] == '"') {
          for (++i; i < h.size() && h[i] != '"'; ++i) {
            if (h[i] == '\\' && i + 1 < h.size()) ++i;
            value += h[i];
          }
          ++i;
        } else {
          while (i < h.size() && h[i] != ',' && h[i] != ' ') value += h[i++];
        }
        for (char &c : token) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        out.back().params[token] = value;
      } else {
        for (char &c : token) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        out.push_back({token, {}});
      }
    }
  }
  return out;
}

std::string credential_key(std::string_view domain) {
  return is_hub(domain) ? std::string(k_hub_key) : std::string(domain);
}

std::optional<Credential> find_credential(std::string_view domain, const CredentialOptions &options) {
  bool explicit_file = !options.auth_file.empty();
  for (const std::string &path : auth_files(options)) {
    auto file = read_json_file(path);
    if (!file) {
      if (explicit_file) throw Error(path + ": cannot read the credentials file: " + std::strerror(errno));
      continue;
    }
    if (auto helper = helper_for(*file, domain)) {
      if (auto c = ask_helper(*helper, domain)) return c;
    }
    if (const Json *entry = auths_entry(*file, domain)) {
      if (auto c = from_entry(*entry, path)) return c;
    }
  }
  return std::nullopt;
}

std::string login_file(const CredentialOptions &options) {
  if (!options.auth_file.empty()) return options.auth_file;
  if (std::string f = env("REGISTRY_AUTH_FILE"); !f.empty()) return f;
  return docker_config_file();
}

std::string store_credential(std::string_view domain, const Credential &credential, const CredentialOptions &options) {
  std::string path = login_file(options);
  Json file = read_json_file(path).value_or(Json::object());
  if (auto helper = helper_for(file, domain)) {
    Json payload{{"ServerURL", credential_key(domain)}, {"Username", credential.username}, {"Secret", credential.password}};
    HelperResult r = run_helper(*helper, "store", payload.dump());
    if (r.status != 0) throw Error("the credential helper docker-credential-" + *helper + " could not store the credentials");
    // The file names the helper; an `auths` entry with no secret tells Docker where to look.
    file["auths"][credential_key(domain)] = Json::object();
  } else {
    file["auths"][credential_key(domain)] = Json{{"auth", base64_encode(credential.username + ":" + credential.password)}};
  }
  std::filesystem::create_directories(std::filesystem::path(path).parent_path());
  util::write_atomically(path, file.dump(1, '\t') + "\n");
  if (auto helper = helper_for(file, domain)) return "docker-credential-" + *helper;
  return path;
}

std::string erase_credential(std::string_view domain, const CredentialOptions &options) {
  std::string path = login_file(options);
  auto file = read_json_file(path);
  if (!file) return "";
  std::string where;
  if (auto helper = helper_for(*file, domain)) {
    HelperResult r = run_helper(*helper, "erase", credential_key(domain) + "\n");
    if (r.status == 0) where = "docker-credential-" + *helper;
  }
  if (file->contains("auths") && (*file)["auths"].is_object()) {
    std::vector<std::string> drop;
    for (const auto &[key, value] : (*file)["auths"].items()) {
      (void)value;
      std::string host = key_host(key);
      if (host == domain || (is_hub(domain) && (host == "index.docker.io" || host == "docker.io"))) drop.push_back(key);
    }
    for (const auto &key : drop) (*file)["auths"].erase(key);
    if (!drop.empty()) {
      util::write_atomically(path, file->dump(1, '\t') + "\n");
      if (where.empty()) where = path;
    }
  }
  return where;
}

std::string base64_encode(std::string_view data) {
  static const char k_alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  out.reserve((data.size() + 2) / 3 * 4);
  for (size_t i = 0; i < data.size(); i += 3) {
    uint32_t n = static_cast<uint32_t>(static_cast<unsigned char>(data[i])) << 16;
    if (i + 1 < data.size()) n |= static_cast<uint32_t>(static_cast<unsigned char>(data[i + 1])) << 8;
    if (i + 2 < data.size()) n |= static_cast<unsigned char>(data[i + 2]);
    out += k_alphabet[(n >> 18) & 63];
    out += k_alphabet[(n >> 12) & 63];
    out += i + 1 < data.size() ? k_alphabet[(n >> 6) & 63] : '=';
    out += i + 2 < data.size() ? k_alphabet[n & 63] : '=';
  }
  return out;
}

std::optional<std::string> base64_decode(std::string_view text) {
  auto value = [](char c) -> int {
    if (c >= 'A' && c <= 'Z') return c - 'A';
    if (c >= 'a' && c <= 'z') return c - 'a' + 26;
    if (c >= '0' && c <= '9') return c - '0' + 52;
    if (c == '+' || c == '-') return 62;
    if (c == '/' || c == '_') return 63;
    return -1;
  };
  std::string out;
  uint32_t acc = 0;
  int bits = 0;
  for (char c : text) {
    if (c == '=' || c == '\n' || c == '\r') continue;
    int v = value(c);
    if (v < 0) return std::nullopt;
    acc = (acc << 6) | static_cast<uint32_t>(v);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out += static_cast<char>((acc >> bits) & 0xff);
    }
  }
  return out;
}

}  // namespace msm::registry
