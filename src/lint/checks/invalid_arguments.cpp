// MSM1025: arguments BuildKit's instruction layer rejects (notes §9): FROM's shape and stage
// name, argument counts, SHELL not in JSON form, HEALTHCHECK's type and durations, RUN's
// --network/--security/--mount values, a heredoc as COPY/ADD destination.

#include "lint/checks/invalid_arguments.h"

#include <set>

#include "lint/checks/checks.h"
#include "lint/checks/util.h"

namespace msm::lint::checks {

namespace {

bool is_ascii_digit(char c) { return c >= '0' && c <= '9'; }

// One or more <number><unit> and nothing else.
bool is_go_duration(std::string_view v) {
  if (v.empty()) return false;
  size_t i = 0;
  auto skip_digits = [&] {
    size_t from = i;
    while (i < v.size() && is_ascii_digit(v[i])) ++i;
    return i - from;
  };
  while (i < v.size()) {
    size_t whole = skip_digits();
    if (i < v.size() && v[i] == '.') {
      ++i;
      if (skip_digits() == 0 && whole == 0) return false;  // "." alone is no number
    } else if (whole == 0) {
      return false;
    }
    std::string_view unit = v.substr(i);
    // Two-letter units first: after a lone `m` an `s` could not start the next number anyway.
    if (unit.starts_with("ns") || unit.starts_with("us") || unit.starts_with("ms")) i += 2;
    else if (unit.starts_with("\xC2\xB5s")) i += 3;  // µs in UTF-8
    else if (!unit.empty() && (unit[0] == 's' || unit[0] == 'm' || unit[0] == 'h')) i += 1;
    else return false;
  }
  return true;
}

void check_mount(Context &ctx, const syntax::Flag &f) {
  static const std::set<std::string, std::less<>> k_keys = {
      "type", "from", "source", "src", "target", "dst", "destination", "readonly", "ro", "readwrite", "rw",
      "required", "size", "id", "sharing", "mode", "uid", "gid", "env"};
  static const std::set<std::string, std::less<>> k_types = {"bind", "cache", "tmpfs", "secret", "ssh"};
  std::string_view value = *f.value;
  while (!value.empty()) {
    size_t comma = value.find(',');
    std::string_view field = value.substr(0, comma);
    size_t eq = field.find('=');
    std::string key = lower(field.substr(0, eq));
    if (!key.empty() && !k_keys.count(key)) {
      ctx.report(f.range, "Unknown key `" + key + "` in --mount");
    } else if (key == "type" && eq != std::string_view::npos) {
      std::string_view type = field.substr(eq + 1);
      if (type.find('$') == std::string_view::npos && !k_types.count(type)) {
        ctx.report(f.range, "Unsupported mount type `" + std::string(type) + "`");
      }
    }
    if (comma == std::string_view::npos) break;
    value.remove_prefix(comma + 1);
  }
}

void check(Context &ctx, const syntax::Instruction &ins, syntax::Range where) {
  using K = syntax::InstructionKind;
  std::string keyword = upper(ins.keyword);
  auto report = [&](const std::string &message) { ctx.report(where, message); };
  switch (ins.kind) {
    case K::From: {
      if (ins.args.size() != 1 && ins.args.size() != 3) {
        report("FROM requires either one or three arguments (`FROM image [AS name]`)");
      } else if (ins.args.size() == 3 && lower(ins.args[1].value) != "as") {
        report("FROM's second argument must be AS, not `" + ins.args[1].value + "`");
      } else if (ins.args.size() == 3) {
        if (!is_stage_name(lower(ins.args[2].value))) {
          ctx.report(ins.args[2].range,
                     "Invalid stage name `" + ins.args[2].value +
                         "`: it must start with a letter and contain only letters, digits, `-`, `_` and `.` (it is "
                         "never expanded)");
        }
      }
      break;
    }
    case K::Copy:
    case K::Add:
      if (ins.args.size() < 2) {
        report(keyword + " requires at least two arguments (sources and a destination)");
      } else if (!ins.heredocs.empty() && ins.args.back().value.rfind("<<", 0) == 0) {
        report(keyword + " cannot accept a heredoc as a destination");
      }
      break;
    case K::Workdir:
    case K::User:
    case K::Maintainer:
    case K::Stopsignal:
      if (ins.args.empty() || trim(ins.args[0].value).empty()) report(keyword + " requires exactly one argument");
      break;
    case K::Env:
    case K::Label:
    case K::Expose:
    case K::Volume:
    case K::Onbuild:
      // ONBUILD's argument is its nested trigger instruction.
      if (ins.is(K::Onbuild) ? !ins.trigger : ins.args.empty()) report(keyword + " requires at least one argument");
      if (ins.is(K::Volume)) {
        for (const auto &a : ins.args) {
          if (a.value.empty()) ctx.report(a.range, "VOLUME specified can not be an empty string");
        }
      }
      break;
    case K::Shell:
      if (!ins.json) report("SHELL requires the arguments to be in JSON form: SHELL [\"executable\", \"parameters\"]");
      else if (ins.args.empty()) report("SHELL requires at least one argument");
      break;
    case K::Healthcheck: {
      if (ins.args.empty()) {
        report("HEALTHCHECK requires a type: CMD or NONE");
        break;
      }
      std::string type = upper(ins.args[0].value);
      if (type == "NONE") {
        if (ins.args.size() > 1 || !ins.flags.empty()) report("HEALTHCHECK NONE takes no other arguments or flags");
      } else if (type != "CMD") {
        ctx.report(ins.args[0].range, "Unknown HEALTHCHECK type `" + ins.args[0].value + "` (CMD or NONE)");
      } else if (ins.args.size() < 2 || (ins.args.size() == 2 && trim(ins.args[1].value).empty())) {
        report("HEALTHCHECK CMD requires a command");
      }
      for (const auto &f : ins.flags) {
        if (!f.value || f.value->find('$') != std::string::npos) continue;
        if (f.name == "retries") {
          if (!is_whole_number(*f.value)) {
            ctx.report(f.range, "--retries takes a whole number, not `" + *f.value + "`");
          }
        } else if (f.name == "interval" || f.name == "timeout" || f.name == "start-period" || f.name == "start-interval") {
          if (!is_healthcheck_duration(*f.value)) {
            ctx.report(f.range, "--" + f.name + " takes a duration such as 30s or 1m30s (0 or at least 1ms), not `" + *f.value + "`");
          }
        }
      }
      break;
    }
    case K::Run:
      for (const auto &f : ins.flags) {
        if (!f.value || f.value->find('$') != std::string::npos) {
          if (f.name == "mount" && f.value) check_mount(ctx, f);
          continue;
        }
        if (f.name == "network" && *f.value != "default" && *f.value != "none" && *f.value != "host") {
          ctx.report(f.range, "--network must be default, none or host, not `" + *f.value + "`");
        } else if (f.name == "security" && *f.value != "sandbox" && *f.value != "insecure") {
          ctx.report(f.range, "--security must be sandbox or insecure, not `" + *f.value + "`");
        } else if (f.name == "mount") {
          check_mount(ctx, f);
        }
      }
      break;
    default: break;
  }
}

}  // namespace

bool is_healthcheck_duration(std::string_view v) {
  if (v == "0") return true;
  if (!is_go_duration(v)) return false;
  // BuildKit: 0 or at least 1ms.
  return !(v.size() > 2 && (v.ends_with("ns") || v.ends_with("us")) && v.find_first_of("smh") == v.size() - 1);
}

bool is_stage_name(std::string_view lowered) {
  if (lowered.empty() || lowered[0] < 'a' || lowered[0] > 'z') return false;
  for (char c : lowered.substr(1)) {
    if (!((c >= 'a' && c <= 'z') || is_ascii_digit(c) || c == '-' || c == '_' || c == '.')) return false;
  }
  return true;
}

bool is_whole_number(std::string_view v) {
  if (v.starts_with('-')) v.remove_prefix(1);
  if (v.empty()) return false;
  for (char c : v) {
    if (!is_ascii_digit(c)) return false;
  }
  return true;
}

void invalid_arguments(Context &ctx) {
  for (const auto &ins : ctx.doc().instructions()) {
    if (ins.error) continue;  // the parser already rejected it (MSM1001)
    check(ctx, ins, ins.line_range);
    if (ins.trigger && !ins.trigger->error) check(ctx, *ins.trigger, ins.line_range);
  }
}

}  // namespace msm::lint::checks
