#pragma once
// The image config as Dockerfile instructions change it: ENV, CMD, ENTRYPOINT, WORKDIR, USER,
// EXPOSE, VOLUME, LABEL, STOPSIGNAL, HEALTHCHECK, SHELL, ONBUILD, MAINTAINER. Shared by
// `msmigrate build` and `image import --change`.

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "analysis/expansion.h"
#include "executor/store.h"
#include "syntax/document.h"

namespace msm::executor {

inline constexpr const char *k_default_path = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

// Expansion sees the image's Env first, then the build args in scope (ENV outlives ARG).
class ConfigLookup {
 public:
  ConfigLookup(const Json &config, std::map<std::string, std::string> args);
  std::optional<std::string> operator()(std::string_view name) const;

 private:
  std::map<std::string, std::string, std::less<>> m_vars;
};

// Env list as a map and back (order kept as first set, as Docker does).
std::optional<std::string> env_get(const Json &config, std::string_view name);
void env_set(Json &config, const std::string &name, const std::string &value);

// The shell for shell-form commands: the config's Shell or ["/bin/sh", "-c"].
std::vector<std::string> shell_of(const Json &config);

// Expands one word; an expansion error is an msm::Error naming the instruction.
std::string expand_or_throw(std::string_view word, const analysis::VariableLookup &lookup, char escape,
                            const syntax::Instruction &ins);

// Applies a metadata instruction and returns its history `created_by`. `cmd_set` records that
// this stage set CMD (ENTRYPOINT clears an inherited CMD only).
std::string apply_metadata(Json &config, const syntax::Instruction &ins, const analysis::VariableLookup &lookup,
                           char escape, bool &cmd_set);

// Why an instruction may not be an ONBUILD trigger (BuildKit's words), or nullopt when it may.
std::optional<std::string> invalid_onbuild_trigger(const syntax::Instruction &trigger);

// Go-style duration ("1m30s", "5s", "100ms") in nanoseconds; nullopt when malformed.
std::optional<int64_t> parse_duration(std::string_view text);

}  // namespace msm::executor
