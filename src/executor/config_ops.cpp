#include "executor/config_ops.h"

#include <cctype>

#include "util/error.h"

namespace msm::executor {

ConfigLookup::ConfigLookup(const Json &config, std::map<std::string, std::string> args) {
  for (auto &[k, v] : args) m_vars[k] = v;
  if (config.contains("config") && config["config"].contains("Env")) {
    for (const auto &e : config["config"]["Env"]) {
      std::string s = e;
      size_t eq = s.find('=');
      if (eq != std::string::npos) m_vars[s.substr(0, eq)] = s.substr(eq + 1);
    }
  }
}

std::optional<std::string> ConfigLookup::operator()(std::string_view name) const {
  if (auto it = m_vars.find(name); it != m_vars.end()) return it->second;
  return std::nullopt;
}

std::optional<std::string> env_get(const Json &config, std::string_view name) {
  if (!config.contains("config") || !config["config"].contains("Env")) return std::nullopt;
  for (const auto &e : config["config"]["Env"]) {
    std::string s = e;
    if (s.size() > name.size() && s.compare(0, name.size(), name) == 0 && s[name.size()] == '=') {
      return s.substr(name.size() + 1);
    }
  }
  return std::nullopt;
}

void env_set(Json &config, const std::string &name, const std::string &value) {
  Json &env = config["config"]["Env"];
  if (!env.is_array()) env = Json::array();
  for (auto &e : env) {
    std::string s = e;
    if (s.size() > name.size() && s.compare(0, name.size(), name) == 0 && s[name.size()] == '=') {
      e = name + "=" + value;
      return;
    }
  }
  env.push_back(name + "=" + value);
}

std::vector<std::string> shell_of(const Json &config) {
  if (config.contains("config") && config["config"].contains("Shell") && config["config"]["Shell"].is_array() &&
      !config["config"]["Shell"].empty()) {
    return config["config"]["Shell"].get<std::vector<std::string>>();
  }
  return {"/bin/sh", "-c"};
}

std::string expand_or_throw(std::string_view word, const analysis::VariableLookup &lookup, char escape,
                            const syntax::Instruction &ins) {
  analysis::ExpansionOptions options;
  options.escape = escape;
  auto result = analysis::expand_word(word, lookup, options);
  if (result.error) {
    throw Error("line " + std::to_string(ins.start_line) + ": " + ins.keyword + ": failed to process \"" +
                std::string(word) + "\": " + *result.error);
  }
  return result.value;
}

std::optional<int64_t> parse_duration(std::string_view text) {
  if (text.empty()) return std::nullopt;
  if (text == "0") return 0;
  int64_t total = 0;
  size_t i = 0;
  while (i < text.size()) {
    size_t start = i;
    while (i < text.size() && (std::isdigit(static_cast<unsigned char>(text[i])) || text[i] == '.')) ++i;
    if (start == i) return std::nullopt;
    double value = std::stod(std::string(text.substr(start, i - start)));
    size_t ustart = i;
    while (i < text.size() && std::isalpha(static_cast<unsigned char>(text[i]))) ++i;
    std::string_view unit = text.substr(ustart, i - ustart);
    double scale;
    if (unit == "ns") scale = 1;
    else if (unit == "us" || unit == "µs") scale = 1e3;
    else if (unit == "ms") scale = 1e6;
    else if (unit == "s") scale = 1e9;
    else if (unit == "m") scale = 60e9;
    else if (unit == "h") scale = 3600e9;
    else return std::nullopt;
    total += static_cast<int64_t>(value * scale);
  }
  return total;
}

namespace {

std::vector<std::string> command_of(const Json &config, const syntax::Instruction &ins) {
  std::vector<std::string> out;
  if (ins.json) {
    for (const auto &a : ins.args) out.push_back(a.value);
  } else {
    out = shell_of(config);
    std::string text;
    for (const auto &a : ins.args) text += (text.empty() ? "" : " ") + a.value;
    out.push_back(text);
  }
  return out;
}

std::string json_words(const std::vector<std::string> &words) { return Json(words).dump(); }

}  // namespace

std::string apply_metadata(Json &config, const syntax::Instruction &ins, const analysis::VariableLookup &lookup,
                           char escape, bool &cmd_set) {
  using syntax::InstructionKind;
  Json &c = config["config"];
  if (!c.is_object()) c = Json::object();
  auto expand = [&](std::string_view w) { return expand_or_throw(w, lookup, escape, ins); };
  auto where = [&] { return "line " + std::to_string(ins.start_line) + ": " + ins.keyword + ": "; };
  switch (ins.kind) {
    case InstructionKind::Env: {
      std::string created = "ENV";
      for (size_t k = 0; k + 1 < ins.args.size(); k += 3) {
        std::string name = expand(ins.args[k].value);
        std::string value = expand(ins.args[k + 1].value);
        env_set(config, name, value);
        created += " " + name + "=" + value;
      }
      return created;
    }
    case InstructionKind::Label: {
      std::string created = "LABEL";
      for (size_t k = 0; k + 1 < ins.args.size(); k += 3) {
        std::string name = expand(ins.args[k].value);
        std::string value = expand(ins.args[k + 1].value);
        c["Labels"][name] = value;
        created += " " + name + "=" + value;
      }
      return created;
    }
    case InstructionKind::Maintainer: {
      std::string text = ins.args.empty() ? "" : ins.args[0].value;
      config["author"] = text;
      return "MAINTAINER " + text;
    }
    case InstructionKind::Cmd: {
      c["Cmd"] = command_of(config, ins);
      cmd_set = true;
      return "CMD " + json_words(c["Cmd"]);
    }
    case InstructionKind::Entrypoint: {
      c["Entrypoint"] = command_of(config, ins);
      if (!cmd_set) c.erase("Cmd");
      return "ENTRYPOINT " + json_words(c["Entrypoint"]);
    }
    case InstructionKind::Shell: {
      if (!ins.json) throw Error(where() + "SHELL requires the JSON form: SHELL [\"executable\", \"param\"]");
      std::vector<std::string> shell;
      for (const auto &a : ins.args) shell.push_back(a.value);
      c["Shell"] = shell;
      return "SHELL " + json_words(shell);
    }
    case InstructionKind::Workdir: {
      if (ins.args.empty()) throw Error(where() + "WORKDIR needs a path");
      std::string dir = expand(ins.args[0].value);
      std::string current = c.value("WorkingDir", "");
      if (!dir.starts_with("/")) dir = (current.empty() ? "/" : current) + "/" + dir;
      // Clean the path: collapse //, ., .. (clamped at /).
      std::vector<std::string> parts;
      size_t i = 0;
      while (i <= dir.size()) {
        size_t j = dir.find('/', i);
        if (j == std::string::npos) j = dir.size();
        std::string part = dir.substr(i, j - i);
        if (part == "..") {
          if (!parts.empty()) parts.pop_back();
        } else if (!part.empty() && part != ".") {
          parts.push_back(part);
        }
        i = j + 1;
      }
      std::string clean;
      for (const auto &p : parts) clean += "/" + p;
      if (clean.empty()) clean = "/";
      c["WorkingDir"] = clean;
      return "WORKDIR " + clean;
    }
    case InstructionKind::User: {
      if (ins.args.empty()) throw Error(where() + "USER needs a user");
      std::string user = expand(ins.args[0].value);
      c["User"] = user;
      return "USER " + user;
    }
    case InstructionKind::Expose: {
      std::string created = "EXPOSE";
      for (const auto &a : ins.args) {
        analysis::ExpansionOptions options;
        options.escape = escape;
        auto words = analysis::expand_words(a.value, lookup, options);
        if (words.error) throw Error(where() + *words.error);
        for (std::string port : words.words) {
          if (port.find('/') == std::string::npos) port += "/tcp";
          c["ExposedPorts"][port] = Json::object();
          created += " " + port;
        }
      }
      return created;
    }
    case InstructionKind::Volume: {
      std::string created = "VOLUME";
      for (const auto &a : ins.args) {
        std::string v = expand(a.value);
        if (v.empty()) throw Error(where() + "VOLUME specified can not be an empty string");
        c["Volumes"][v] = Json::object();
        created += " " + v;
      }
      return created;
    }
    case InstructionKind::Stopsignal: {
      if (ins.args.empty()) throw Error(where() + "STOPSIGNAL needs a signal");
      std::string sig = expand(ins.args[0].value);
      c["StopSignal"] = sig;
      return "STOPSIGNAL " + sig;
    }
    case InstructionKind::Healthcheck: {
      if (ins.args.empty()) throw Error(where() + "HEALTHCHECK needs CMD or NONE");
      std::string type = ins.args[0].value;
      for (char &ch : type) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
      Json hc = Json::object();
      if (type == "NONE") {
        hc["Test"] = Json::array({"NONE"});
      } else if (type == "CMD") {
        if (ins.args.size() < 2) throw Error(where() + "HEALTHCHECK CMD needs a command");
        if (ins.json) {
          Json test = Json::array({"CMD"});
          for (size_t k = 1; k < ins.args.size(); ++k) test.push_back(ins.args[k].value);
          hc["Test"] = test;
        } else {
          hc["Test"] = Json::array({"CMD-SHELL", ins.args[1].value});
        }
        for (const auto &f : ins.flags) {
          static const std::map<std::string, std::string> k_fields = {
              {"interval", "Interval"}, {"timeout", "Timeout"}, {"start-period", "StartPeriod"},
              {"start-interval", "StartInterval"}};
          if (f.name == "retries") {
            hc["Retries"] = std::stoi(f.value.value_or("0"));
          } else if (auto it = k_fields.find(f.name); it != k_fields.end()) {
            auto ns = parse_duration(f.value.value_or(""));
            if (!ns) throw Error(where() + "bad duration for --" + f.name + ": '" + f.value.value_or("") + "'");
            hc[it->second] = *ns;
          } else {
            throw Error(where() + "unknown flag --" + f.name);
          }
        }
      } else {
        throw Error(where() + "HEALTHCHECK takes CMD or NONE, not '" + ins.args[0].value + "'");
      }
      c["Healthcheck"] = hc;
      return "HEALTHCHECK " + hc.dump();
    }
    case InstructionKind::Onbuild: {
      if (ins.trigger) {
        if (auto why = invalid_onbuild_trigger(*ins.trigger)) throw Error(where() + *why);
      }
      std::string trigger = ins.original.substr(std::min(ins.original.size(), ins.keyword.size()));
      size_t s = trigger.find_first_not_of(" \t");
      trigger = s == std::string::npos ? "" : trigger.substr(s);
      if (!c.contains("OnBuild") || !c["OnBuild"].is_array()) c["OnBuild"] = Json::array();
      c["OnBuild"].push_back(trigger);
      return "ONBUILD " + trigger;
    }
    default:
      throw Error(where() + "not a metadata instruction");
  }
}

std::optional<std::string> invalid_onbuild_trigger(const syntax::Instruction &trigger) {
  using syntax::InstructionKind;
  if (trigger.is(InstructionKind::Onbuild)) return "Chaining ONBUILD via `ONBUILD ONBUILD` isn't allowed";
  if (trigger.is(InstructionKind::From) || trigger.is(InstructionKind::Maintainer)) {
    std::string name = trigger.is(InstructionKind::From) ? "FROM" : "MAINTAINER";
    return name + " isn't allowed as an ONBUILD trigger";
  }
  return std::nullopt;
}

}  // namespace msm::executor
