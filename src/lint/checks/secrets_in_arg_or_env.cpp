// MSM1019 (BuildKit SecretsUsedInArgOrEnv): ARG/ENV names that look like secrets; their values
// stay in the image's history and metadata.

#include <set>

#include "lint/checks/checks.h"
#include "lint/checks/util.h"

namespace msm::lint::checks {

namespace {
bool secret_like(std::string_view name) {
  static const std::set<std::string, std::less<>> k_secret = {"APIKEY", "AUTH", "CREDENTIAL", "CREDENTIALS", "KEY",
                                                              "PASSWORD", "PASSWD", "PWORD", "SECRET", "TOKEN"};
  // Names of public material or of where a secret lives are not secrets themselves.
  static const std::set<std::string, std::less<>> k_benign = {"PUBLIC", "GPG", "PUB", "FILE", "PATH", "DIR",
                                                              "URL", "NAME", "SERVER", "KEYS", "TYPE", "ENDPOINT",
                                                              "VERSION"};
  bool secret = false;
  std::string token;
  auto flush = [&]() -> bool {
    if (token.empty()) return false;
    if (k_benign.count(token)) return true;
    if (k_secret.count(token)) secret = true;
    token.clear();
    return false;
  };
  for (char c : name) {
    if (std::isalnum(static_cast<unsigned char>(c))) {
      token += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    } else if (flush()) {
      return false;
    }
  }
  if (flush()) return false;
  return secret;
}
}  // namespace

void secrets_in_arg_or_env(Context &ctx) {
  using K = syntax::InstructionKind;
  for (const auto &ins : ctx.doc().instructions()) {
    if (ins.is(K::Arg)) {
      for (const auto &a : ins.args) {
        std::string name = a.value.substr(0, a.value.find('='));
        if (secret_like(name)) {
          ctx.report(a.range, "Do not use ARG or ENV instructions for sensitive data (ARG \"" + name + "\")");
        }
      }
    } else if (ins.is(K::Env)) {
      for (size_t i = 0; i < ins.args.size(); i += 3) {
        if (secret_like(ins.args[i].value)) {
          ctx.report(ins.args[i].range,
                     "Do not use ARG or ENV instructions for sensitive data (ENV \"" + ins.args[i].value + "\")");
        }
      }
    }
  }
}

}  // namespace msm::lint::checks
