#include "lsp/instruction_reference.h"

namespace msm::lsp {

std::string_view instruction_reference(syntax::InstructionKind kind) {
  using K = syntax::InstructionKind;
  switch (kind) {
    case K::From:
      return "**FROM** `[--platform=P] IMAGE[:TAG|@DIGEST] [AS NAME]`\n\n"
             "Starts a build stage on a base image, or on an earlier stage named by `AS`. "
             "`FROM scratch` starts from an empty filesystem. Only ARGs declared before the first "
             "FROM can be used in it.";
    case K::Run:
      return "**RUN** `[--mount=...] [--network=...] COMMAND` or `RUN [\"exe\", \"arg\"]`\n\n"
             "Runs a command in the stage's filesystem and commits the result as a new layer. "
             "The shell form runs through `SHELL` (default `/bin/sh -c`); heredocs (`<<EOF`) "
             "hold multi-line scripts. `--mount=type=cache|bind|secret|ssh|tmpfs` gives the "
             "command files that do not end up in the layer.";
    case K::Cmd:
      return "**CMD** `[\"exe\", \"arg\"]` or `CMD command`\n\n"
             "The default command (or the default arguments of ENTRYPOINT) when a container "
             "starts. Only the last CMD counts. Prefer the JSON (exec) form so signals reach the "
             "process.";
    case K::Label:
      return "**LABEL** `KEY=VALUE ...`\n\n"
             "Adds metadata to the image configuration. Labels are inherited from the base image "
             "and can be overridden.";
    case K::Maintainer:
      return "**MAINTAINER** `NAME` (deprecated)\n\n"
             "Sets the image's author field. Use `LABEL org.opencontainers.image.authors=...` instead.";
    case K::Expose:
      return "**EXPOSE** `PORT[/tcp|/udp] ...`\n\n"
             "Documents the ports the container listens on. It publishes nothing; `docker run -p` does.";
    case K::Env:
      return "**ENV** `KEY=VALUE ...`\n\n"
             "Sets environment variables for the following instructions and for containers "
             "started from the image. Values persist in the image: never put secrets here.";
    case K::Add:
      return "**ADD** `[--chown=U:G] [--chmod=M] [--checksum=...] SRC... DEST`\n\n"
             "Copies files into the image like COPY, but also extracts local tar archives and "
             "downloads URLs. Prefer COPY unless you need one of those.";
    case K::Copy:
      return "**COPY** `[--from=STAGE|IMAGE] [--chown=U:G] [--chmod=M] [--link] SRC... DEST`\n\n"
             "Copies files from the build context, or with `--from` from an earlier stage or an "
             "image, into the stage's filesystem. A DEST ending in `/` is a directory.";
    case K::Entrypoint:
      return "**ENTRYPOINT** `[\"exe\", \"arg\"]` or `ENTRYPOINT command`\n\n"
             "The executable a container runs; CMD supplies its default arguments. Setting it "
             "clears an inherited CMD. The shell form ignores CMD and `docker run` arguments.";
    case K::Volume:
      return "**VOLUME** `[\"/path\"]` or `VOLUME /path ...`\n\n"
             "Declares mount points for external volumes. Changes to these paths made by later "
             "build steps are discarded.";
    case K::User:
      return "**USER** `NAME|UID[:GROUP|GID]`\n\n"
             "Sets the user (and group) for the following RUN, CMD and ENTRYPOINT instructions "
             "and for containers. Running as a non-root user is safer.";
    case K::Workdir:
      return "**WORKDIR** `/path`\n\n"
             "Sets the working directory for the following instructions (created if missing). "
             "A relative path is resolved against the previous WORKDIR: prefer absolute paths.";
    case K::Arg:
      return "**ARG** `NAME[=DEFAULT] ...`\n\n"
             "Declares a build argument, set with `--build-arg`. Before the first FROM it is "
             "global (usable in FROM lines, and inside a stage after redeclaring `ARG NAME`); "
             "inside a stage it lasts until the stage ends. Values can appear in the image "
             "history: never pass secrets this way.";
    case K::Onbuild:
      return "**ONBUILD** `INSTRUCTION`\n\n"
             "Registers an instruction that runs when another build uses this image as its base.";
    case K::Stopsignal:
      return "**STOPSIGNAL** `SIGNAL`\n\n"
             "The signal sent to the container's main process to stop it (default SIGTERM).";
    case K::Healthcheck:
      return "**HEALTHCHECK** `[--interval=D] [--timeout=D] [--start-period=D] [--retries=N] CMD command` "
             "or `HEALTHCHECK NONE`\n\n"
             "Tells the runtime how to test that the container still works; NONE disables an "
             "inherited check.";
    case K::Shell:
      return "**SHELL** `[\"executable\", \"param\"]`\n\n"
             "Sets the shell used by the shell form of RUN, CMD and ENTRYPOINT (default "
             "`[\"/bin/sh\", \"-c\"]`). Must be written in JSON form.";
    case K::Unknown:
      return "";
  }
  return "";
}

}  // namespace msm::lsp
