#pragma once
// What a stage's base image is likely to be, from its name and tag: which distribution family,
// so rules can tell a busybox userland (alpine, busybox: `wget` without `--progress`, `/bin/sh`
// is ash) from a GNU one (debian, ubuntu, fedora...: `/bin/sh` is dash or bash). Names only:
// nothing is pulled, and an image we cannot place is Unknown (rules then stay conservative).

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "analysis/run_script.h"
#include "analysis/stages.h"

namespace msm::analysis {

enum class ImageFamily {
  Unknown,
  Scratch,
  Alpine,   // musl + busybox
  Busybox,
  Debian,   // debian, ubuntu and the official images built on them (python, node, golang...)
  RedHat,   // fedora, centos, rocky, alma, oracle, amazonlinux, ubi
  Suse,
  Arch,
};

std::string_view to_string(ImageFamily f);

// The family of an image reference such as "python:3.12-alpine", "docker.io/library/debian:12",
// "registry.access.redhat.com/ubi9/ubi-minimal". Unresolved variables give Unknown.
ImageFamily image_family(std::string_view reference);

// The image a stage is ultimately built on (through stages used as bases), expanded with the
// global ARGs; "" when the chain does not reach an image.
std::string root_image(const StageGraph &graph, size_t stage);
// image_family(root_image(...)); Unknown for no stage (a snippet without FROM).
ImageFamily stage_family(const StageGraph &graph, std::optional<size_t> stage);

// Whether the family's basic tools are busybox applets (wget has no --progress, -nv...).
bool busybox_userland(ImageFamily f);
// The shell `/bin/sh` is in the family, when known: ash, dash or bash.
std::optional<ShellDialect> bin_sh(ImageFamily f);

}  // namespace msm::analysis
