// The base image's family from its name: what DL4006 and DL3047 choose their fixes by.

#include <doctest/doctest.h>

#include "analysis/base_image.h"
#include "syntax/document.h"

using namespace msm::analysis;

TEST_CASE("base image: families from names and tags") {
  CHECK(image_family("alpine:3.20") == ImageFamily::Alpine);
  CHECK(image_family("golang:1.22-alpine3.19") == ImageFamily::Alpine);
  CHECK(image_family("docker.io/library/node:20-alpine@sha256:abc") == ImageFamily::Alpine);
  CHECK(image_family("busybox:1.36") == ImageFamily::Busybox);
  CHECK(image_family("debian:12") == ImageFamily::Debian);
  CHECK(image_family("python:3.12-slim") == ImageFamily::Debian);
  CHECK(image_family("ubuntu") == ImageFamily::Debian);
  CHECK(image_family("arm32v7/debian:12") == ImageFamily::Debian);
  CHECK(image_family("example.com/team/app:bookworm") == ImageFamily::Debian);
  CHECK(image_family("fedora:40") == ImageFamily::RedHat);
  CHECK(image_family("registry.access.redhat.com/ubi9/ubi-minimal") == ImageFamily::RedHat);
  CHECK(image_family("quay.io/fedora/python-311") == ImageFamily::RedHat);
  CHECK(image_family("opensuse/leap:15.6") == ImageFamily::Suse);
  CHECK(image_family("scratch") == ImageFamily::Scratch);
  // Not placeable: a private image, an unresolved variable, a Windows variant of an official image.
  CHECK(image_family("example.com/team/base:1") == ImageFamily::Unknown);
  CHECK(image_family("${BASE}") == ImageFamily::Unknown);
  CHECK(image_family("python:3.12-windowsservercore") == ImageFamily::Unknown);
  CHECK(image_family("myorg/python:3") == ImageFamily::Unknown);
}

TEST_CASE("base image: what /bin/sh is, and busybox userland") {
  CHECK(bin_sh(ImageFamily::Alpine) == ShellDialect::Ash);
  CHECK(bin_sh(ImageFamily::Debian) == ShellDialect::Dash);
  CHECK(bin_sh(ImageFamily::RedHat) == ShellDialect::Bash);
  CHECK_FALSE(bin_sh(ImageFamily::Unknown));
  CHECK(busybox_userland(ImageFamily::Busybox));
  CHECK_FALSE(busybox_userland(ImageFamily::Debian));
}

TEST_CASE("base image: a stage's family follows stages used as bases and global ARGs") {
  auto doc = msm::syntax::Document::parse(
      "ARG VARIANT=alpine3.20\nFROM golang:1.22-${VARIANT} AS build\nFROM build AS test\nFROM test\nFROM debian:12\n",
      "Dockerfile");
  StageGraph graph(*doc);
  CHECK(root_image(graph, 2) == "golang:1.22-alpine3.20");
  CHECK(stage_family(graph, 2) == ImageFamily::Alpine);
  CHECK(stage_family(graph, 3) == ImageFamily::Debian);
  CHECK(stage_family(graph, std::nullopt) == ImageFamily::Unknown);
}
